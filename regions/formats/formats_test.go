package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"policygap/regions/document"
)

// blockText is a block's text (a paragraph's), runes [Start, End) of Text.
func blockText(d *document.Document, b document.Block) string { return runes(d.Text, b.Start, b.End) }

func runes(s string, from, to int) string {
	rs := []rune(s)
	return string(rs[from:to])
}

// cells is a table's rows as cell texts; a merged cell is marked ^.
func cells(d *document.Document, t *document.Table) [][]string {
	var out [][]string
	for _, r := range t.Rows {
		var row []string
		for _, c := range r.Cells {
			s := runes(d.Text, c.Start, c.End)
			if c.Merged {
				s = "^" + s
			}
			row = append(row, s)
		}
		out = append(out, row)
	}
	return out
}

func paragraphs(d *document.Document) []document.Block {
	var out []document.Block
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, b)
		}
	}
	return out
}

func tables(d *document.Document) []*document.Table {
	var out []*document.Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// checkSpans: every block and cell lies within the text.
func checkSpans(t *testing.T, d *document.Document) {
	t.Helper()
	n := utf8.RuneCountInString(d.Text)
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not UTF-8")
	}
	for _, b := range d.Blocks {
		if b.Start < 0 || b.End > n || b.Start > b.End {
			t.Fatalf("block [%d,%d) outside the text's %d runes", b.Start, b.End, n)
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					if c.Start < 0 || c.End > n || c.Start > c.End {
						t.Fatalf("cell [%d,%d) outside the text's %d runes", c.Start, c.End, n)
					}
				}
			}
		}
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// docxOf is a .docx of body (the XML inside <w:body>) and, when not empty,
// its numbering and styles parts.
func docxOf(t testing.TB, body, numbering, styles string) []byte {
	t.Helper()
	files := map[string]string{"word/document.xml": `<?xml version="1.0"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`}
	if numbering != "" {
		files["word/numbering.xml"] = numbering
	}
	if styles != "" {
		files["word/styles.xml"] = styles
	}
	return zipOf(t, files)
}

// numberingXML: level 0 一、, level 1 （一）, level 2 1. (starting at 3 in
// instance 2, which restarts it), level 3 ①.
const numberingXML = `<?xml version="1.0"?><w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>`

const stylesXML = `<?xml version="1.0"?><w:styles ` + wordNS + `>
<w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:styleId="a3"><w:name w:val="标题 2"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`

func para(style string, num, lvl int, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr>")
	if style != "" {
		b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	if num > 0 {
		b.WriteString(`<w:numPr><w:ilvl w:val="` + string(rune('0'+lvl)) + `"/><w:numId w:val="` + string(rune('0'+num)) + `"/></w:numPr>`)
	}
	b.WriteString("</w:pPr>")
	for _, r := range runs {
		b.WriteString(r)
	}
	b.WriteString("</w:p>")
	return b.String()
}

func run(text string) string     { return `<w:r><w:t>` + text + `</w:t></w:r>` }
func boldRun(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }
func cell(attrs string, paras ...string) string {
	s := "<w:tc><w:tcPr>" + attrs + "</w:tcPr>"
	for _, p := range paras {
		s += plainPara(p)
	}
	return s + "</w:tc>"
}

func TestDocx(t *testing.T) {
	body := para("Heading1", 1, 0, run("重点任务")) +
		para("a3", 1, 1, run("便利就医")) +
		para("", 1, 2, boldRun("优化挂号服务。"), run("保留现场号源。"), `<w:del><w:r><w:delText>删去的话</w:delText></w:r></w:del>`) +
		para("", 1, 2, `<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>优化网上服务。</w:t></w:r>`, run("简化流程。")) +
		para("", 1, 3, run("细项甲。")) +
		para("", 1, 3, run("细项乙。")) +
		para("", 1, 1, run("便利出行")) +
		para("", 1, 2, run("改进打车。")) + // restarts at 1 under the new （二）
		para("", 2, 2, run("另起编号。")) + // instance 2 starts its level at 3
		para("", 0, 0, run("第一行"), `<w:r><w:br/></w:r>`, run("第二行")) +
		`<w:tbl>` +
		`<w:tr>` + cell("", "序号") + cell("", "重点任务") + cell("", "牵头单位") + cell("", "完成时限") + `</w:tr>` +
		`<w:tr>` + cell(`<w:gridSpan w:val="4"/>`, "一、便利就医") + `</w:tr>` +
		`<w:tr>` + cell("", "1") + cell("", "保留现场号源。", "配备导医。") + cell(`<w:vMerge w:val="restart"/>`, "市卫健委") + cell("", "2021年底前") + `</w:tr>` +
		`<w:tr>` + cell("", "2") + cell("", "优化网上服务。") + cell(`<w:vMerge/>`) + cell("", "长期坚持") + `</w:tr>` +
		`</w:tbl>`
	data := docxOf(t, body, numberingXML, stylesXML)
	d, err := NewReader().Read("a.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	type want struct {
		label, text string
		heading     int
		emph        int
	}
	wants := []want{
		{"一、", "重点任务", 1, 0}, {"（一）", "便利就医", 2, 4}, {"1.", "优化挂号服务。保留现场号源。", 0, 7},
		{"2.", "优化网上服务。简化流程。", 0, 7}, {"①", "细项甲。", 0, 0}, {"②", "细项乙。", 0, 0},
		{"（二）", "便利出行", 0, 0}, {"1.", "改进打车。", 0, 0}, {"3.", "另起编号。", 0, 0},
		{"", "第一行", 0, 0}, {"", "第二行", 0, 0},
	}
	ps := paragraphs(d)
	if len(ps) != len(wants) {
		for _, p := range ps {
			t.Logf("%q %q", p.Label, blockText(d, p))
		}
		t.Fatalf("%d paragraphs, want %d", len(ps), len(wants))
	}
	for i, w := range wants {
		p := ps[i]
		if p.Label != w.label || blockText(d, p) != w.text || p.Heading != w.heading || p.Emph != w.emph {
			t.Errorf("paragraph %d: label %q text %q heading %d emph %d; want %+v", i, p.Label, blockText(d, p), p.Heading, p.Emph, w)
		}
	}
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	got := cells(d, ts[0])
	wantCells := [][]string{{"序号", "重点任务", "牵头单位", "完成时限"}, {"一、便利就医"},
		{"1", "保留现场号源。\n配备导医。", "市卫健委", "2021年底前"}, {"2", "优化网上服务。", "^市卫健委", "长期坚持"}}
	if strings.Join(flat(got), "|") != strings.Join(flat(wantCells), "|") {
		t.Errorf("cells %q, want %q", got, wantCells)
	}
	if ts[0].Rows[1].Cells[0].Cols != 4 {
		t.Errorf("the section row spans %d columns, want 4", ts[0].Rows[1].Cells[0].Cols)
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "/"))
	}
	return out
}

// blockTexts are a document's blocks in order: a paragraph's text, a
// table's cells as "TABLE a/b|c/d".
func blockTexts(d *document.Document) []string {
	var got []string
	for _, b := range d.Blocks {
		if b.Table != nil {
			got = append(got, "TABLE "+strings.Join(flat(cells(d, b.Table)), "|"))
			continue
		}
		got = append(got, blockText(d, b))
	}
	return got
}

func TestDocxRejects(t *testing.T) {
	deep := strings.Repeat("<w:x>", maxXMLDepth+5) + strings.Repeat("</w:x>", maxXMLDepth+5)
	tests := []struct{ name, want string }{
		{"not a zip", "not a zip archive"},
		{"no body", "no word/document.xml"},
		{"broken xml", "corrupt .docx"},
		{"too deep", "nested more than"},
	}
	inputs := map[string][]byte{
		"not a zip":  []byte("PK\x03\x04 not really"),
		"no body":    zipOf(t, map[string]string{"word/styles.xml": stylesXML}),
		"broken xml": zipOf(t, map[string]string{"word/document.xml": "<w:document><w:p>"}),
		"too deep":   zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wordNS + `><w:body>` + deep + `</w:body></w:document>`}),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader().Read("a.docx", inputs[tt.name])
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {12, "chineseCounting", "十二"},
		{20, "chineseCounting", "二十"}, {21, "chineseCountingThousand", "二十一"}, {105, "chineseCounting", "一百零五"},
		{110, "chineseCounting", "一百一十"}, {3, "decimalEnclosedCircle", "③"}, {21, "decimalEnclosedCircle", "21"},
		{2, "ideographTraditional", "乙"}, {4, "upperLetter", "D"}, {28, "lowerLetter", "bb"}, {14, "upperRoman", "XIV"},
		{7, "decimalZero", "07"}, {12, "decimalFullWidth", "１２"}, {3, "chineseLegalSimplified", "叁"}, {5, "decimal", "5"},
		{2021, "ideographDigital", "二〇二一"}, {2, "decimalEnclosedParen", "⑵"},
		// the ends of each form's range
		{1, "decimalEnclosedCircle", "①"}, {20, "decimalEnclosedCircle", "⑳"}, {0, "decimalEnclosedCircle", "0"},
		{1, "decimalEnclosedParen", "⑴"}, {20, "decimalEnclosedParen", "⒇"}, {21, "decimalEnclosedParen", "21"}, {0, "decimalEnclosedParen", "0"},
		{1, "decimalEnclosedFullstop", "⒈"}, {20, "decimalEnclosedFullstop", "⒛"}, {21, "decimalEnclosedFullstop", "21"}, {0, "decimalEnclosedFullstop", "0"},
		{9, "decimalZero", "09"}, {10, "decimalZero", "10"},
		{0, "chineseCounting", "零"}, {9, "chineseCounting", "九"}, {10, "chineseCounting", "十"}, {19, "chineseCounting", "十九"},
		{99, "chineseCounting", "九十九"}, {100, "chineseCounting", "一百"}, {999, "chineseCounting", "九百九十九"}, {1000, "chineseCounting", "1000"},
		{1, "upperLetter", "A"}, {26, "upperLetter", "Z"}, {27, "upperLetter", "AA"}, {0, "lowerLetter", "0"},
		{1, "upperRoman", "I"}, {3999, "upperRoman", "MMMCMXCIX"}, {4000, "upperRoman", "4000"}, {0, "lowerRoman", "0"},
		{10, "ideographTraditional", "癸"}, {11, "ideographTraditional", "甲"}, {12, "ideographZodiac", "亥"}, {13, "ideographZodiac", "子"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}

const clutteredPage = `<html><head><meta charset="gbk"><title>某市关于印发方案的通知_政府文件_某市政府网</title>
<meta name="PubDate" content="2021-04-20 16:32"><script>var x = "<p>脚本里的字</p>";</script></head><body>
<div class="top-bar">欢迎访问某市人民政府门户网站！<a>无障碍浏览</a></div>
<div class="nav"><ul><li>首页</li><li>政务公开</li><li>政务服务</li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政府文件</div>
<table class="xxgk-info"><tr><td>索&nbsp;引&nbsp;号：</td><td>000/2021-1</td><td>发文机关：</td><td>某市人民政府办公室</td></tr>
<tr><td>成文日期：</td><td>2021年04月16日</td><td>发文字号：</td><td>某政办发〔2021〕15号</td></tr></table>
<div class="article"><div class="TRS_Editor">
<p>某市人民政府办公室关于印发某市行动方案的通知</p>
<p><strong>一、重点任务</strong></p>
<p>&nbsp;（一）<strong>便利老年人就医。</strong>医疗机构保留现场号源，年龄&lt;60岁的条件&gt;2项不限。（市卫健委负责）</p>
<p><b>提供上门服务。</b>社区组织志愿者上门。<br>第二段落。</p>
<ol start="3"><li>列表第三项。</li><li>列表第四项。</li></ol>
<table><tr><td>序号</td><td>重点任务</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td colspan="4">一、便利就医</td></tr>
<tr><td>1</td><td><p>保留号源。</p><p>配备导医。</p></td><td rowspan="2">市卫健委</td><td>2021年底前</td></tr>
<tr><td>2</td><td>优化网上服务。</td><td>长期坚持</td></tr></table>
</div></div>
<div class="share">分享到：微信 微博</div>
<div class="footer"><p>主办：某市人民政府办公室 网站标识码：0000 联系电话：0000-0000000</p></div>
</body></html>`

func TestHTML(t *testing.T) {
	data, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(clutteredPage))
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewReader().Read("a.html", data)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	if d.Encoding != GB18030 {
		t.Errorf("encoding %s, want GB18030", d.Encoding)
	}
	for _, clutter := range []string{"欢迎访问", "首页", "当前位置", "分享到", "网站标识码", "脚本里的字", "索", "000/2021-1"} {
		if strings.Contains(d.Text, clutter) {
			t.Errorf("the article's text holds the site's %q", clutter)
		}
	}
	for name, want := range map[string]string{"发布机构": "某市人民政府办公室", "成文日期": "2021年04月16日", "文号": "某政办发〔2021〕15号",
		"标题": "某市关于印发方案的通知", "发布日期": "2021-04-20 16:32", "索引号": "000/2021-1"} {
		if got := d.InfoValue(name); got != want {
			t.Errorf("info %s = %q, want %q", name, got, want)
		}
	}
	ps := paragraphs(d)
	var texts []string
	for _, p := range ps {
		texts = append(texts, blockText(d, p))
	}
	want := []string{"某市人民政府办公室关于印发某市行动方案的通知", "一、重点任务",
		"（一）便利老年人就医。医疗机构保留现场号源，年龄<60岁的条件>2项不限。（市卫健委负责）",
		"提供上门服务。社区组织志愿者上门。", "第二段落。", "列表第三项。", "列表第四项。"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Fatalf("paragraphs\n %q\nwant\n %q", texts, want)
	}
	if p := ps[1]; p.Emph != 6 || p.EmphAt != 0 {
		t.Errorf("heading emphasis %d at %d, want 6 at 0", p.Emph, p.EmphAt)
	}
	if p := ps[2]; p.Emph != 8 || p.EmphAt != 3 {
		t.Errorf("run-in title after its label: emphasis %d at %d, want 8 at 3", p.Emph, p.EmphAt)
	}
	if ps[5].Label != "3." || ps[6].Label != "4." {
		t.Errorf("list labels %q %q, want 3. 4.", ps[5].Label, ps[6].Label)
	}
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	got := flat(cells(d, ts[0]))
	wantCells := flat([][]string{{"序号", "重点任务", "责任单位", "完成时限"}, {"一、便利就医"},
		{"1", "保留号源。\n配备导医。", "市卫健委", "2021年底前"}, {"2", "优化网上服务。", "^市卫健委", "长期坚持"}})
	if strings.Join(got, "|") != strings.Join(wantCells, "|") {
		t.Errorf("cells %q, want %q", got, wantCells)
	}
}

const markdownPlan = "# 某市工作要点\n\n## 一、重点工作\n\n### （一）便利就医\n\n" +
	"1. **保留现场号源**。医疗机构保留号源。\n   **责任单位**：市卫健委（牵头）  \n   **完成时限**：2021年二季度\n\n" +
	"1. **“健康码”服务**通行。第二项正文。\n\n   第二项的第二段。\n\n" +
	"- 要点甲\n- 要点乙\n\n" +
	"| 单位 | 联系人 | 电话 |\n| --- | --- | --- |\n| 市卫健委 | 王某 | 0000 |\n\n> 注：仅供参考。\n"

func TestMarkdown(t *testing.T) {
	d, err := NewReader().Read("a.md", []byte(markdownPlan))
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	type want struct {
		text, label string
		heading     int
		emph        int
		quote       bool
	}
	wants := []want{
		{"某市工作要点", "", 1, 0, false}, {"一、重点工作", "", 2, 0, false}, {"（一）便利就医", "", 3, 0, false},
		{"保留现场号源。医疗机构保留号源。", "1.", 0, 6, false}, {"责任单位：市卫健委（牵头）", "", 0, 4, false}, {"完成时限：2021年二季度", "", 0, 4, false},
		{"“健康码”服务通行。第二项正文。", "2.", 0, 7, false}, {"第二项的第二段。", "", 0, 0, false},
		{"要点甲", "•", 0, 0, false}, {"要点乙", "•", 0, 0, false}, {"注：仅供参考。", "", 0, 0, true},
	}
	ps := paragraphs(d)
	if len(ps) != len(wants) {
		for _, p := range ps {
			t.Logf("%q %q", p.Label, blockText(d, p))
		}
		t.Fatalf("%d paragraphs, want %d", len(ps), len(wants))
	}
	for i, w := range wants {
		p := ps[i]
		if blockText(d, p) != w.text || p.Label != w.label || p.Heading != w.heading || p.Emph != w.emph || p.Quote != w.quote {
			t.Errorf("paragraph %d: %q label %q heading %d emph %d quote %v; want %+v", i, blockText(d, p), p.Label, p.Heading, p.Emph, p.Quote, w)
		}
	}
	ts := tables(d)
	if len(ts) != 1 || strings.Join(flat(cells(d, ts[0])), "|") != "单位/联系人/电话|市卫健委/王某/0000" {
		t.Fatalf("tables %d: %q", len(ts), flat(cells(d, ts[0])))
	}
	if r := ts[0].Rows; r[0].Origin.Para != 18 || r[1].Origin.Para != 20 {
		t.Errorf("table rows on lines %d and %d, want 18 and 20", r[0].Origin.Para, r[1].Origin.Para)
	}
}

// TestMarkdownConcurrent: the one markdown parser serves every worker (run
// under -race in CI); each reading is the same as one alone.
func TestMarkdownConcurrent(t *testing.T) {
	alone, err := NewReader().Read("a.md", []byte(markdownPlan))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]*document.Document, 8)
	for i := range got {
		wg.Go(func() { got[i], _ = NewReader().Read("a.md", []byte(markdownPlan)) })
	}
	wg.Wait()
	for i, d := range got {
		if d == nil || d.Text != alone.Text || len(d.Blocks) != len(alone.Blocks) {
			t.Errorf("reader %d read another document", i)
		}
	}
}

func TestTextTables(t *testing.T) {
	text := "附件：重点任务清单\n序号\t任务\t责任单位\t时限\n一、便利出行\n" +
		"1\t完善服务。\t市交通局\t2021年底前\n" +
		"2\t推进一卡通。老年人凭身份证乘车，\n并享受优惠。\t市交通局、市人社局\t2021年底前\n" +
		"3\t改善场站服务。\t市交通局\n市机场集团\t2021年9月底前\n" +
		"二、便利就医\n4\t打造专区\n依托平台开设专区。\t市卫健委\t2022年底前\n" +
		"以上任务按职责落实。\n" +
		"| 单位 | 电话 | 备注 |\n|---|---|---|\n| 市卫健委 | 0000 | 无 |\n| 市民政局 | 1111 | 无 |\n"
	d, err := ReadText([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	if !d.Lines || d.Text != text {
		t.Fatalf("plain text keeps its lines and its text as it is")
	}
	ts := tables(d)
	if len(ts) != 2 {
		t.Fatalf("%d tables, want 2", len(ts))
	}
	got := flat(cells(d, ts[0]))
	want := flat([][]string{{"序号", "任务", "责任单位", "时限"}, {"一、便利出行"}, {"1", "完善服务。", "市交通局", "2021年底前"},
		{"2", "推进一卡通。老年人凭身份证乘车，\n并享受优惠。", "市交通局、市人社局", "2021年底前"},
		{"3", "改善场站服务。", "市交通局\n市机场集团", "2021年9月底前"}, {"二、便利就医"},
		{"4", "打造专区\n依托平台开设专区。", "市卫健委", "2022年底前"}})
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tab table\n %q\nwant\n %q", got, want)
	}
	if got := flat(cells(d, ts[1])); strings.Join(got, "|") != " 单位 / 电话 / 备注 | 市卫健委 / 0000 / 无 | 市民政局 / 1111 / 无 " {
		t.Errorf("bar table %q", got)
	}
	// each row cites its line, counted from 1 (the rule line is no row); a
	// section row is one cell across the table
	var at []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			continue
		}
		s := fmt.Sprintf("@%d:", b.Origin.Para)
		for _, r := range b.Table.Rows {
			s += fmt.Sprintf(" %d", r.Origin.Para)
			if len(r.Cells) == 1 {
				s += fmt.Sprintf("×%d", r.Cells[0].Cols)
			}
		}
		at = append(at, s)
	}
	if got := strings.Join(at, " | "); got != "@2: 2 3×4 4 5 7 9×4 10 | @13: 13 15 16" {
		t.Errorf("rows' lines %s", got)
	}
	// a header's cells are names of at most 30 characters, not sentences; a
	// short line after the last row is no section of the table
	for n, want := range map[int]int{30: 1, 31: 0} {
		d, err := ReadText([]byte("序号\t任务\t" + strings.Repeat("甲", n) + "\n1\t完善服务。\t市交通局\n2\t推进一卡通。\t市交通局\n备注\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := len(tables(d)); got != want {
			t.Errorf("a header cell of %d characters: %d tables, want %d", n, got, want)
		}
	}
	full, err := ReadText([]byte("｜单位｜电话｜备注｜\n｜市卫健委｜0000｜无｜\n｜市民政局｜1111｜无｜\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ts := tables(full); len(ts) != 1 || len(ts[0].Rows) != 3 {
		t.Errorf("a table of full-width bars: %d tables", len(ts))
	}
	// blank lines between rows and after a section row; the last row on the
	// text's last line, without a line break
	blanks, err := ReadText([]byte("序号\t任务\t单位\n1\t甲\t乙\n二、便利就医\n\n2\t丙\t丁\n\n\n3\t戊\t己"))
	if err != nil {
		t.Fatal(err)
	}
	if ts := tables(blanks); len(ts) != 1 || fmt.Sprint(cells(blanks, ts[0])) != "[[序号 任务 单位] [1 甲 乙] [二、便利就医] [2 丙 丁] [3 戊 己]]" {
		t.Errorf("a table with blank lines: %d tables %v", len(ts), ts)
	}
	// a table on the text's first byte, of bars or of tabs
	for _, text := range []string{"|单位|电话|备注|\n|市卫健委|0000|无|\n|市民政局|1111|无|\n", "\t单位\t电话\t备注\n\t市卫健委\t0000\t无\n\t市民政局\t1111\t无\n"} {
		d, err := ReadText([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if ts := tables(d); len(ts) != 1 || len(ts[0].Rows) != 3 {
			t.Errorf("a table that opens the text %q: %d tables", text[:4], len(ts))
		}
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestDecodeText(t *testing.T) {
	plan := "一、便利就医\n（一）保留现场号源。（市卫健委负责）\n"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(plan + "㮾溪区"))
	be := utf16le(plan)
	for i := 0; i+1 < len(be); i += 2 {
		be[i], be[i+1] = be[i+1], be[i]
	}
	tests := []struct {
		name string
		data []byte
		enc  string
		want string
	}{
		{"UTF-8", []byte(plan), UTF8, plan},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, plan...), UTF8, plan},
		{"UTF-16LE with BOM", append([]byte{0xFF, 0xFE}, utf16le(plan)...), UTF16LE, plan},
		{"UTF-16LE without BOM", utf16le(plan), UTF16LE, plan},
		{"UTF-16BE without BOM", be, UTF16BE, plan},
		{"GB18030, a character GBK lacks", gb, GB18030, plan + "㮾溪区"},
		{"CR line ends", []byte("一、甲\r（一）乙。\r"), UTF8, "一、甲\n（一）乙。\n"},
		{"CRLF stays", []byte("一、甲\r\n"), UTF8, "一、甲\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := DecodeText(tt.data, "")
			if err != nil {
				t.Fatal(err)
			}
			if text != tt.want || enc != tt.enc {
				t.Errorf("%q as %s, want %q as %s", text, enc, tt.want, tt.enc)
			}
		})
	}
	binary := make([]byte, 600)
	for i := range binary {
		binary[i] = byte(i * 13)
	}
	if _, _, err := DecodeText(binary, ""); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("binary data: error %v", err)
	}
}

func TestReadRefusesAndConverts(t *testing.T) {
	r := NewReader()
	for name, want := range map[string]string{
		"a.ofd": "OFD", "a.xlsx": "spreadsheet", "a.png": "not a document format policygap reads (.png)", "README": "no file ending",
	} {
		if _, err := r.Read(name, []byte("x")); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, want)
		}
	}
	if _, err := r.Read("a.txt", nil); err == nil || err.Error() != "empty file" {
		t.Errorf("empty: %v", err)
	}
	if FormatOf("A.DOCX") != "docx" || FormatOf("a.wps") != "convert" || FormatOf("a.htm") != "html" || FormatOf("a.exe") != "" {
		t.Errorf("FormatOf")
	}
}

// TestOnOff: a Word toggle (<w:b/>) is on without a value and with 1, true
// or on; off with 0, false, off.
func TestOnOff(t *testing.T) {
	for val, want := range map[string]bool{"": true, "1": true, "true": true, "on": true, "0": false, "false": false, "off": false} {
		e := xml.StartElement{Name: xml.Name{Local: "b"}}
		if val != "" {
			e.Attr = []xml.Attr{{Name: xml.Name{Space: "w", Local: "val"}, Value: val}}
		}
		if got := onOff(e); got != want {
			t.Errorf("onOff(w:val=%q) = %v, want %v", val, got, want)
		}
	}
}

// TestHeadingLevel: Word's built-in heading styles, in English or Chinese,
// levels 1 to 9.
func TestHeadingLevel(t *testing.T) {
	for name, want := range map[string]int{"heading 1": 1, "Heading 9": 9, "标题 2": 2, "标题3": 3, "heading 0": 0, "heading 10": 0, "Normal": 0, "heading": 0} {
		if got := headingLevel(name); got != want {
			t.Errorf("headingLevel(%q) = %d, want %d", name, got, want)
		}
	}
}

// TestStyleChain: a style's heading level, numbering and bold come from the
// nearest style of its basedOn chain that sets them, followed 16 styles deep.
func TestStyleChain(t *testing.T) {
	r := &docxReader{styles: map[string]*style{
		"a": {basedOn: "b", ilvl: -1},
		"b": {basedOn: "c", numID: "3", ilvl: 1, hasB: true, bold: false},
		"c": {name: "heading 2", numID: "4", ilvl: 0, hasB: true, bold: true},
	}}
	got := r.resolved("a")
	if got.outline != 2 || got.numID != "3" || got.ilvl != 1 || got.bold {
		t.Errorf("resolved(a) = %+v; want heading 2, numbering 3 at level 1, not bold", got)
	}
	for i := 0; i < 20; i++ { // s0 → s1 → … → s19
		r.styles[fmt.Sprint("s", i)] = &style{basedOn: fmt.Sprint("s", i+1), ilvl: -1}
	}
	r.styles["s16"].name = "heading 1"
	r.styles["s15"].numID = "7"
	if got := r.resolved("s0"); got.outline != 0 || got.numID != "7" {
		t.Errorf("resolved(s0) = %+v; want numbering 7 from the 16th style, no heading from the 17th", got)
	}
	if got := r.resolved("none"); got.ilvl != -1 || got.numID != "" {
		t.Errorf("resolved(none) = %+v", got)
	}
}

// TestHTMLDetails: white space collapses as a browser shows it (a blank
// between inline elements alone is dropped: Chinese text has none); hidden
// and share blocks are not text; a rowspan cell is every spanned row's;
// table rows are numbered on from the paragraphs.
func TestHTMLDetails(t *testing.T) {
	page := `<html><body><p>  保留 
  号源<b> 现场 </b>服务  </p><p>甲<span>乙</span> <span>丙</span></p><p style="Display: None">隐藏</p><p class="share">分享</p>` +
		`<table><tr><td rowspan="2">1</td><td>a</td></tr><tr><td>b</td></tr><tr><td>2</td><td>c</td></tr></table></body></html>`
	d, err := NewReader().Read("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range paragraphs(d) {
		texts = append(texts, fmt.Sprintf("%d:%s|%d@%d", p.Origin.Para, blockText(d, p), p.Emph, p.EmphAt))
	}
	if want := []string{"1:保留 号源 现场 服务|4@5", "2:甲乙丙|0@0"}; !slices.Equal(texts, want) {
		t.Errorf("paragraphs %q, want %q", texts, want)
	}
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	if got, want := flat(cells(d, ts[0])), []string{"1/a", "^1/b", "2/c"}; !slices.Equal(got, want) {
		t.Errorf("cells %q, want %q", got, want)
	}
	var rows []int // numbered on from the paragraphs
	for _, r := range ts[0].Rows {
		rows = append(rows, r.Origin.Para)
	}
	if !slices.Equal(rows, []int{3, 4, 5}) {
		t.Errorf("rows numbered %v, want [3 4 5]", rows)
	}
}

// TestMarkdownRawHTML: HTML in a markdown file (a table pasted from a web
// page, a paragraph with markup) is read as the page would show it.
func TestMarkdownRawHTML(t *testing.T) {
	src := "# 任务\n\n<table><tr><td>1</td><td>保留号源。</td><td>市卫健委</td></tr></table>\n\n<p>优化<b>网上</b>服务。</p>\n"
	d, err := NewReader().Read("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := blockTexts(d), []string{"任务", "TABLE 1/保留号源。/市卫健委", "优化网上服务。"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
}

// TestHTMLRunInTitles: a paragraph's bold run is its run-in title when it
// starts within its first 8 characters; an empty bold run is none.
func TestHTMLRunInTitles(t *testing.T) {
	page := `<html><body><p>一二三四五六七八<b>保留</b>号源。</p><p>一二三四五六七八九<b>保留</b>号源。</p>` +
		`<p><b></b>保留号源<b>现场</b>服务。</p></body></html>`
	d, err := NewReader().Read("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paragraphs(d) {
		got = append(got, fmt.Sprintf("%d@%d", p.Emph, p.EmphAt))
	}
	if want := []string{"2@8", "0@0", "2@4"}; !slices.Equal(got, want) {
		t.Errorf("run-in titles %q, want %q", got, want)
	}
}

// TestHTMLPageInfo: the info fields come from the page's <meta> tags and
// its label cells, not from a navigation bar or a style sheet.
func TestHTMLPageInfo(t *testing.T) {
	page := `<html><head><meta name="ArticleTitle" content="某市实施方案"><meta name="PubDate" content="2021-04-20">` +
		`<meta name="ContentSource" content="某市民政局"></head><body><nav><span>文号：导航里的号</span></nav>` +
		`<table><tr><td>发布机构：某市人民政府<style>.a{color:red}</style></td></tr></table><p>保留号源。</p></body></html>`
	d, err := NewReader().Read("a.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"标题": "某市实施方案", "发布日期": "2021-04-20", "来源": "某市民政局", "文号": "", "发布机构": "某市人民政府"} {
		if got := d.InfoValue(name); got != want {
			t.Errorf("info %s = %q, want %q", name, got, want)
		}
	}
}

// TestHTMLArticleBody: the article is the element that holds three
// quarters or more of the page's text (what stands beside it is the site's);
// a page that is mostly a task table is read whole; clutter is known by its
// class or its id.
func TestHTMLArticleBody(t *testing.T) {
	han := func(n int) string { return strings.Repeat("保", n) }
	table := `<table><tr><td>1</td><td>` + han(20) + `</td></tr><tr><td>2</td><td>` + han(20) + `</td></tr></table>`
	for _, c := range []struct {
		body string
		want []string
	}{
		{`<div><p>` + han(30) + `</p></div><p>` + han(10) + `</p>`, []string{han(30)}},                                                    // 3/4: the div is the article
		{`<div><p>` + han(29) + `</p></div><p>` + han(10) + `</p>`, []string{han(29), han(10)}},                                           // under 3/4: the page is
		{`<p>` + han(5) + `</p>` + table, []string{han(5), "TABLE 1/" + han(20) + "|2/" + han(20)}},                                       // a task table: the page
		{`<table><tr><th>序号</th><th>任务</th></tr><tr><td colspan="2">` + han(9) + `</td></tr></table>`, []string{"TABLE 序号/任务|" + han(9)}}, // header cells make a data table
		{`<p>` + han(29) + `</p><div id="footer"><p>` + han(10) + `</p></div>`, []string{han(29)}},                                        // a footer by its id
	} {
		d, err := NewReader().Read("a.html", []byte("<html><body>"+c.body+"</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := blockTexts(d); !slices.Equal(got, c.want) {
			t.Errorf("%s:\nread %q\nwant %q", c.body, got, c.want)
		}
	}
}

// TestDocxParagraphDetails: a bold run-in title after leading blanks counts
// from the text's first character; a numbered paragraph left empty keeps its
// number; an empty unnumbered one is no paragraph; a line break parts lines.
func TestDocxParagraphDetails(t *testing.T) {
	body := para("", 0, 0, run("　　"), boldRun("保留号源"), run("。医疗机构保留号源。")) +
		para("", 1, 0, run("")) +
		para("", 0, 0, run("  ")) +
		para("", 1, 0, boldRun("优化服务"), `<w:r><w:br/></w:r>`, run("　第二行"))
	data := docxOf(t, body, numberingXML, "")
	d, err := NewReader().Read("a.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paragraphs(d) {
		got = append(got, fmt.Sprintf("%s|%s|%d@%d", p.Label, blockText(d, p), p.Emph, p.EmphAt))
	}
	want := []string{"|保留号源。医疗机构保留号源。|4@0", "一、||0@0", "二、|优化服务|4@0", "|第二行|0@0"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// TestDocxNumberingLevels: Word's nine list levels, 0 to 8, each with its
// start and an instance's start override (an instance without one goes on
// counting its list's numbers); a level 9 in the file is ignored, and so are
// a start override for it and one outside any level override.
func TestDocxNumberingLevels(t *testing.T) {
	numbering := `<?xml version="1.0"?><w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="8"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%9)"/></w:lvl>
<w:lvl w:ilvl="9"><w:start w:val="7"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%10]"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:startOverride w:val="9"/><w:lvlOverride w:ilvl="0"></w:lvlOverride><w:startOverride w:val="9"/><w:lvlOverride w:ilvl="9"><w:startOverride w:val="6"/></w:lvlOverride></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride><w:lvlOverride w:ilvl="8"><w:startOverride w:val="5"/></w:lvlOverride><w:lvlOverride w:ilvl="9"><w:startOverride w:val="6"/></w:lvlOverride></w:num>
</w:numbering>`
	body := para("", 1, 0, run("甲")) + para("", 1, 8, run("乙")) + para("", 1, 8, run("丙")) + para("", 3, 8, run("丁")) + para("", 2, 8, run("戊")) + para("", 2, 0, run("己"))
	got := labelled(t, docxOf(t, body, numbering, ""))
	if want := []string{"一、甲", "2)乙", "3)丙", "4)丁", "5)戊", "四、己"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// TestMarkdownLines: each markdown paragraph line is a paragraph that knows
// its line in the file (soft and <br> breaks part lines); ** pairs goldmark
// left as text are removed, a pair that opens a line being its title.
func TestMarkdownLines(t *testing.T) {
	src := "开头\n\n# 标题\n\n第一段第一行\n第一段第二行<br>第三行\n\n**“云岭码”**通行。\n\n****空\n"
	d, err := NewReader().Read("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paragraphs(d) {
		got = append(got, fmt.Sprintf("%d|%s|%d", p.Origin.Para, blockText(d, p), p.Emph))
	}
	want := []string{"1|开头|0", "3|标题|0", "5|第一段第一行|0", "6|第一段第二行|0", "6|第三行|0", "8|“云岭码”通行。|5", "10|空|0"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
	// lines of one byte
	d, err = NewReader().Read("b.md", []byte("a\n\nb\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ps := paragraphs(d); len(ps) != 2 || ps[0].Origin.Para != 1 || ps[1].Origin.Para != 3 {
		t.Errorf("a, b on lines 1 and 3: %+v", ps)
	}
}

// TestTextCells: a line divides at tabs, or at two or more | bars (the
// outer ones, around nothing, are no cells); a section line is at most 30
// characters and no sentence.
func TestTextCells(t *testing.T) {
	for _, c := range []struct {
		s    string
		at   int
		want string
	}{
		{"a|b", 0, "[]"}, {"a|b|c", 0, "[[0 1] [2 3] [4 5]]"}, {"|甲|乙|", 10, "[[11 12] [13 14]]"},
		{"甲\t乙", 5, "[[5 6] [7 8]]"}, {"甲｜乙|丙", 0, "[[0 1] [2 3] [4 5]]"}, {"| |a| |", 0, "[[1 2] [3 4] [5 6]]"}, {"无表格", 0, "[]"},
		{"|甲|", 0, "[[1 2]]"}, {"||", 3, "[[4 4]]"}, {"｜甲｜乙", 0, "[[1 2] [3 4]]"}, {"甲|乙|", 0, "[[0 1] [2 3]]"},
	} {
		if got := fmt.Sprint(splitCells(c.s, c.at)); got != c.want {
			t.Errorf("splitCells(%q, %d) = %s, want %s", c.s, c.at, got, c.want)
		}
	}
	for s, want := range map[string]bool{
		"一、便利出行": true, strings.Repeat("甲", 30): true, strings.Repeat("甲", 31): false, "保留号源。": false, "  ": false,
	} {
		if got := isSectionLine(s); got != want {
			t.Errorf("isSectionLine(%q) = %v", s, got)
		}
	}
}

// TestHTMLInfoBound: a page's "label: value" field is the file's metadata
// when its value is at most 120 characters; a longer one is text.
func TestHTMLInfoBound(t *testing.T) {
	for n, want := range map[int]bool{120: true, 121: false} {
		title := strings.Repeat("甲", n)
		page := `<html><body><table><tr><td>标题：` + title + `</td></tr></table><p>正文。</p></body></html>`
		d, err := NewReader().Read("a.html", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.InfoValue("标题") == title; got != want {
			t.Errorf("a title of %d characters taken as the title: %v, want %v", n, got, want)
		}
	}
}
