package formats

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// testReader is shared by the PDF tests: the engine starts once.
var testReader = NewReader()

func TestPDF(t *testing.T) {
	data, err := os.ReadFile("testdata/plan.pdf") // LibreOffice's print of testdata/plan.source.html
	if err != nil {
		t.Fatal(err)
	}
	d, err := testReader.Read("plan.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, d)
	var texts []string
	for _, p := range paragraphs(d) {
		texts = append(texts, blockText(d, p))
		if p.Origin.Page != 1 {
			t.Errorf("%q: page %d, want 1", blockText(d, p), p.Origin.Page)
		}
	}
	want := []string{"某市解决老年人运用智能技术困难工作方案", "一、重点任务",
		"1．保留现场号源。医疗机构应提供一定比例的现场号源，为老年人提供陪诊和导医服务，方便老年人就医。（市卫健委牵头，2021年9月底前完成）",
		"2．优化打车服务。巡游出租车保留扬召服务，网约车平台增设“一键叫车”功能。（市交通运输局负责）", "附件：重点任务清单"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs\n %q\nwant\n %q", texts, want)
	}
	ts := tables(d)
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	got := strings.Join(flat(cells(d, ts[0])), "|")
	if wantCells := "序号/重点任务/牵头单位/完成时限|一、便利就医|1/二级以上医院保留人工挂号窗口。/市卫健委/2021年底前|2/推进互联网医院复诊。/^市卫健委/长期坚持"; got != wantCells {
		t.Errorf("cells %q, want %q", got, wantCells)
	}
	t.Logf("pdfium started in %v", testReader.PDFStartup())
}

// TestPDFCompilationCache: pdfium's compiled code is kept in the user's
// cache folder (policygap/wazero), so that only a machine's first run pays
// for its compilation. The test reads a PDF in a child process whose cache
// folder is empty.
func TestPDFCompilationCache(t *testing.T) {
	if os.Getenv("POLICYGAP_TEST_PDF_CHILD") != "" { // the child
		data, err := os.ReadFile("testdata/plan.pdf")
		if err == nil {
			_, err = NewReader().Read("plan.pdf", data)
		}
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if testing.Short() {
		t.Skip("compiles pdfium afresh (3 to 12 s); not with -short")
	}
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestPDFCompilationCache$", "-test.count=1")
	cmd.Env = append(os.Environ(), "POLICYGAP_TEST_PDF_CHILD=1", "XDG_CACHE_HOME="+filepath.Join(home, "cache"), "HOME="+home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reading a PDF with an empty cache: %v\n%s", err, out)
	}
	var size int64 // of the files in the cache folder
	err := filepath.WalkDir(filepath.Join(home, "cache", "policygap", "wazero"), func(_ string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			info, _ := e.Info()
			size += info.Size()
		}
		return err
	})
	if err != nil || size < 1<<20 {
		t.Errorf("the cache folder holds %d bytes (%v), want pdfium's compiled code (about 20 MB)", size, err)
	}
}

func TestPDFRejects(t *testing.T) {
	var blank bytes.Buffer
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.Rect(20, 20, 100, 50, "D") // a drawing, no text: what a scan looks like to a text reader
	if err := p.Output(&blank); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a scan", blank.Bytes(), "no text layer (scanned?)"},
		{"not a PDF", []byte("GIF89a"), "not a PDF"},
		{"damaged", []byte("%PDF-1.4\n garbage"), "damaged or not a PDF"},
		{"its signature alone", []byte("%PDF-"), "damaged or not a PDF"},
		{"four bytes of it", []byte("%PDF"), "not a PDF (it does not start with %PDF-)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := testReader.Read("a.pdf", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// chars lays s out on one line from x at the baseline y, a character a
// size wide.
func charsAt(s string, x, y, size float64) []pdfChar {
	var out []pdfChar
	for _, r := range s {
		w := size
		if r < 0x80 {
			w = size / 2
		}
		out = append(out, pdfChar{r: r, left: x, right: x + w*0.95, bottom: y, top: y + size*0.9, size: size})
		x += w
	}
	return out
}

// TestPDFLayout lays out pages by hand: a title in large type over two
// lines, paragraphs that wrap to the margin (one across the page break),
// an outline label after a full line, page numbers at the foot, and a
// ruled table with a merged cell.
func TestPDFLayout(t *testing.T) {
	const size, left, width = 10.0, 50.0, 400.0 // 40 characters a line
	line := func(p *pdfPage, s string, x, y float64) { p.chars = append(p.chars, charsAt(s, x, y, size)...) }
	full := strings.Repeat("字", 40)
	p1 := pdfPage{width: 500, height: 700}
	p1.chars = append(p1.chars, charsAt("某市关于印发", 150, 650, 20)...)
	p1.chars = append(p1.chars, charsAt("行动方案的通知", 140, 624, 20)...)
	line(&p1, "一、便利就医", left, 590)
	line(&p1, "（一）"+full[:35*3], left+2*size, 575)                  // indented first line, runs to the margin
	line(&p1, "续行。", left, 560)                                     // ends the paragraph
	line(&p1, full, left, 545)                                      // a paragraph of full lines
	line(&p1, "二、保障措施", left, 530)                                  // a label after a full line starts anew
	line(&p1, "（二）加强督导。"+strings.Repeat("字", 30), left+2*size, 515) // runs to the margin across the page break
	line(&p1, full, left, 500)
	line(&p1, "—1—", 240, 20)
	p2 := pdfPage{width: 500, height: 700}
	line(&p2, "跨页续行。", left, 650)
	line(&p2, "—2—", 240, 20)
	// a table: 3 rows x 3 columns, the third column's cells of rows 2 and 3 merged
	xs := []float64{50, 100, 300, 450}
	ys := []float64{600, 580, 560, 540}
	for _, y := range ys {
		rule := pdfRule{at: y, from: xs[0], to: xs[3]}
		if y == 560 {
			p2.hrules = append(p2.hrules, pdfRule{at: y, from: xs[0], to: xs[2]}) // no rule over the merged cell
			continue
		}
		p2.hrules = append(p2.hrules, rule)
	}
	for _, x := range xs {
		p2.vrules = append(p2.vrules, pdfRule{at: x, from: 540, to: 600})
	}
	line(&p2, "序号", 55, 585)
	line(&p2, "任务", 105, 585)
	line(&p2, "单位", 305, 585)
	line(&p2, "1", 55, 565)
	line(&p2, "保留号源。", 105, 565)
	line(&p2, "2", 55, 545)
	line(&p2, "优化服务。", 105, 545)
	line(&p2, "市卫健委", 305, 555) // centred over rows 2 and 3
	line(&p2, "表后说明。", left, 500)
	d := layoutPDF([]pdfPage{p1, p2})
	checkSpans(t, d)
	texts := blockTexts(d)
	want := []string{"某市关于印发行动方案的通知", "一、便利就医", "（一）" + full[:35*3] + "续行。", full, "二、保障措施",
		"（二）加强督导。" + strings.Repeat("字", 30) + full + "跨页续行。",
		"TABLE 序号/任务/单位|1/保留号源。/市卫健委|2/优化服务。/^市卫健委", "表后说明。"}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n %q\nwant\n %q", texts, want)
	}
	if !strings.Contains(strings.Join(d.Notes, " "), "2 running header, footer or page number lines left out") {
		t.Errorf("notes %q", d.Notes)
	}
}

// FuzzPDFLayout: any characters and rules lay out into blocks within the
// text, without a panic.
func FuzzPDFLayout(f *testing.F) {
	f.Add("一、便利就医\n（一）保留号源。", 10.0, 3, 2)
	f.Add("—1—", 0.5, 0, 9)
	f.Fuzz(func(t *testing.T, text string, size float64, rows, cols int) {
		if size <= 0 || size > 100 || rows < 0 || rows > 20 || cols < 0 || cols > 20 || len(text) > 2000 {
			return
		}
		p := pdfPage{width: 500, height: 700}
		y := 650.0
		for _, l := range strings.Split(text, "\n") {
			p.chars = append(p.chars, charsAt(l, 50, y, size)...)
			y -= size * 1.5
		}
		for r := 0; r <= rows; r++ {
			p.hrules = append(p.hrules, pdfRule{at: 600 - float64(r)*20, from: 50, to: 50 + float64(cols)*40})
		}
		for c := 0; c <= cols; c++ {
			p.vrules = append(p.vrules, pdfRule{at: 50 + float64(c)*40, from: 600 - float64(rows)*20, to: 600})
		}
		checkSpans(t, layoutPDF([]pdfPage{p, p}))
	})
}

// TestRuleGeometry: rules closer than ruleTol are one, at their mean; a rule
// covers a span within ruleTol at both ends; a vertical rule spans a band
// within it.
func TestRuleGeometry(t *testing.T) {
	got := cluster([]float64{100, 10, 12.5, 11, 50, 52.6, 200, 202.5})
	want := []float64{11.166666666666666, 50, 52.6, 100, 201.25}
	if !slices.Equal(got, want) {
		t.Errorf("cluster = %v, want %v", got, want)
	}
	rules := []pdfRule{{at: 100, from: 10, to: 200}}
	for _, c := range []struct {
		at, from, to float64
		want         bool
	}{
		{100, 10, 200, true}, {102.5, 7.5, 202.5, true}, {97.5, 10, 200, true},
		{102.6, 10, 200, false}, {100, 7.4, 200, false}, {100, 10, 202.6, false},
	} {
		if got := covers(rules, c.at, c.from, c.to); got != c.want {
			t.Errorf("covers(at %v, %v–%v) = %v", c.at, c.from, c.to, got)
		}
	}
	for _, c := range []struct {
		y0, y1 float64
		want   bool
	}{{10, 200, true}, {7.5, 202.5, true}, {7.4, 200, false}, {10, 202.6, false}} {
		if got := spanned(rules, c.y0, c.y1); got != c.want {
			t.Errorf("spanned(%v, %v) = %v", c.y0, c.y1, got)
		}
	}
}

// TestContinuesLine: a PDF line carries on the paragraph above it when that
// one ran to the right margin (within 1.5 characters), it is not indented
// (0.8 of a character), both are one run of the same type size (within
// 20%) and it opens with no outline label; lines of a title in large type
// (1.15 times the body) close together go on too.
func TestContinuesLine(t *testing.T) {
	margins := map[int][2]float64{1: {72, 500}}
	line := func(left, right, top, size float64, text string) *pdfLine {
		return &pdfLine{page: 1, left: left, right: right, top: top, bottom: top - size, size: size, frags: []pdfFrag{{left, right, text}}}
	}
	full := line(72, 500, 700, 10, "医疗机构要保留现场号源，为老年人")
	for _, c := range []struct {
		name       string
		prev, next *pdfLine
		want       bool
	}{
		{"runs on", full, line(72, 300, 688, 10, "提供导医服务。"), true},
		{"prev ends 1.5 characters short", line(72, 485, 700, 10, "甲"), line(72, 300, 688, 10, "乙"), true},
		{"prev ends further short", line(72, 484.9, 700, 10, "甲"), line(72, 300, 688, 10, "乙"), false},
		{"indented 0.8 of a character", full, line(80, 300, 688, 10, "乙"), false},
		{"indented less", full, line(79.9, 300, 688, 10, "乙"), true},
		{"type 20% larger", full, line(72, 300, 688, 12.5, "乙"), true},
		{"type more than 20% larger", full, line(72, 300, 688, 12.6, "乙"), false},
		{"an outline label", full, line(72, 300, 688, 10, "（二）优化服务。"), false},
		{"a title's lines", line(200, 300, 700, 11.5, "某市工作"), line(200, 300, 677.1, 11.5, "方案"), true},
		{"a title's lines apart", line(200, 300, 700, 11.5, "某市工作"), line(200, 300, 676.9, 11.5, "方案"), false},
		{"a title's lines a line apart", line(200, 300, 700, 11.5, "某市工作"), line(200, 300, 677, 11.5, "方案"), false},
	} {
		if got := continuesLine(c.prev, c.next, margins, 10); got != c.want {
			t.Errorf("%s: continuesLine = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPlural: the note on running headers left out counts them in words.
func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 lines", 1: "1 line", 2: "2 lines", 12: "12 lines"} {
		if got := plural(n, "line", "lines"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPDFLines: characters whose vertical centres are within 0.45 of a
// character's height of a line's are on it; a line's characters are
// ordered left to right, a gap of more than 1.5 characters starts a new
// piece, one of more than a quarter of a character between Latin letters
// or digits is a space; a line's size is its characters' median.
func TestPDFLines(t *testing.T) {
	c := func(r rune, left, bottom, size float64) pdfChar {
		return pdfChar{r: r, left: left, right: left + size, bottom: bottom, top: bottom + size, size: size}
	}
	page := pdfPage{width: 500, height: 700, chars: []pdfChar{
		c('乙', 110, 600, 10), c('甲', 100, 600, 10), c('丙', 120, 604.4, 10), // 4.4 off the line: on it
		c('丁', 100, 595.5, 10), // 4.5 below the line's centre: a line of its own
		{r: '己', left: 130, right: 130, bottom: 600, top: 610, size: 10}, // no width: kept
		c(' ', 130, 600, 10), {r: '戊', left: 140, right: 139, bottom: 600, top: 610}, // blank, and a box turned inside out: left out
	}}
	var got []string
	for _, l := range pageLines(page, 3) {
		got = append(got, l.text())
		if l.page != 3 {
			t.Errorf("line %q on page %d, want 3", l.text(), l.page)
		}
	}
	if want := []string{"甲乙丙己", "丁"}; !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
	unsized := []pdfChar{c('甲', 100, 600, 10), c('乙', 110, 598, 10)} // no font size: the box's height counts
	unsized[0].size, unsized[1].size = 0, 0
	if got := len(pageLines(pdfPage{chars: unsized}, 1)); got != 1 {
		t.Errorf("characters without a size, 2 apart: %d lines, want 1", got)
	}
	for bottom, want := range map[float64]int{595.5: 2, 595.6: 1} { // centres 4.5 and 4.4 apart
		if got := len(pageLines(pdfPage{chars: []pdfChar{c('甲', 100, 600, 10), c('丁', 120, bottom, 10)}}, 1)); got != want {
			t.Errorf("characters at 600 and %v: %d lines, want %d", bottom, got, want)
		}
	}
	for _, tc := range []struct {
		chars []pdfChar
		want  []string
		size  float64
	}{
		{[]pdfChar{c('A', 0, 0, 10), c('B', 12.6, 0, 10)}, []string{"A B"}, 10},    // a gap of 2.6: a space
		{[]pdfChar{c('A', 0, 0, 10), c('B', 12.5, 0, 10)}, []string{"AB"}, 10},     // 2.5: none
		{[]pdfChar{c('甲', 0, 0, 10), c('乙', 13, 0, 10)}, []string{"甲乙"}, 10},       // Chinese: none
		{[]pdfChar{c('甲', 0, 0, 10), c('乙', 25, 0, 10)}, []string{"甲乙"}, 10},       // 15: the same piece
		{[]pdfChar{c('甲', 0, 0, 10), c('乙', 25.1, 0, 10)}, []string{"甲", "乙"}, 10}, // 15.1: a new piece
		{[]pdfChar{c('甲', 0, 0, 8), c('乙', 8, 0, 12), c('丙', 20, 0, 30)}, []string{"甲乙丙"}, 12},
	} {
		l := makeLine(tc.chars, 1)
		var frags []string
		for _, f := range l.frags {
			frags = append(frags, f.text)
		}
		if !slices.Equal(frags, tc.want) || l.size != tc.size {
			t.Errorf("makeLine: pieces %q size %v, want %q size %v", frags, l.size, tc.want, tc.size)
		}
		last := tc.chars[len(tc.chars)-1]
		if l.left != tc.chars[0].left || l.right != last.right || l.frags[len(l.frags)-1].right != last.right {
			t.Errorf("makeLine %q: spans %v–%v, want %v–%v", frags, l.left, l.right, tc.chars[0].left, last.right)
		}
	}
}

// TestPDFFurniture: page numbers in the top or bottom band (8% of the
// page's height) are left out, and in the body too where the document has
// more than one page; a line repeated in a band on more than half of three
// or more pages is a running header.
func TestPDFFurniture(t *testing.T) {
	page := pdfPage{width: 500, height: 1000}
	at := func(s string, bottom, top float64) *pdfLine {
		return &pdfLine{left: 50, right: 300, bottom: bottom, top: top, size: 10, frags: []pdfFrag{{50, 300, s}}}
	}
	texts := func(lines [][]*pdfLine) (out []string) {
		for _, ls := range lines {
			for _, l := range ls {
				out = append(out, l.text())
			}
		}
		return out
	}
	one := [][]*pdfLine{{at("—1—", 920.1, 930), at("8", 920, 930), at("3", 500, 510), at("第2页", 70, 79.9), at("7", 70, 80)}}
	kept, dropped := dropFurniture([]pdfPage{page}, one)
	if got, want := texts(kept), []string{"8", "3", "7"}; !slices.Equal(got, want) || dropped != 2 {
		t.Errorf("one page: kept %q (%d left out), want %q", got, dropped, want)
	}
	header := func(n int) *pdfLine { return at("某市实施方案 第"+strconv.Itoa(n)+"期", 925, 935) }
	pages := []pdfPage{page, page, page}
	three := [][]*pdfLine{{header(1), at("正文", 500, 510), at("3", 500, 510)}, {header(2)}, {at("正文二", 925, 935)}}
	kept, dropped = dropFurniture(pages, three)
	if got, want := texts(kept), []string{"正文", "正文二"}; !slices.Equal(got, want) || dropped != 3 {
		t.Errorf("three pages: kept %q (%d left out), want %q", got, dropped, want)
	}
	two := [][]*pdfLine{{header(1)}, {header(2)}} // two pages: too few to tell a running header
	if kept, dropped = dropFurniture(pages[:2], two); len(texts(kept)) != 2 || dropped != 0 {
		t.Errorf("two pages: kept %q (%d left out)", texts(kept), dropped)
	}
	half := [][]*pdfLine{{header(1)}, {header(2)}, {}, {}} // on half the pages: not running
	if kept, dropped = dropFurniture(append(pages, page), half); len(texts(kept)) != 2 || dropped != 0 {
		t.Errorf("a line on two of four pages: kept %q (%d left out)", texts(kept), dropped)
	}
}

// TestPDFBodyAndMargins: the body size is the size most characters are set
// in; a page's left margin is where most body-size lines start (the
// leftmost of a tie), its right margin where nine in ten of them end.
func TestPDFBodyAndMargins(t *testing.T) {
	l := func(left, right, size float64, text string) *pdfLine {
		return &pdfLine{left: left, right: right, size: size, frags: []pdfFrag{{left, right, text}}}
	}
	lines := [][]*pdfLine{{l(50, 100, 16, "标题标题标题"), l(50, 100, 10, "正文正文"), l(50, 100, 10.4, "正文正文")}}
	if got := bodySize(lines); got != 10 {
		t.Errorf("bodySize = %v, want 10", got)
	}
	title, body := l(50, 100, 16, "标题标题"), l(50, 100, 10, "正文正文")
	for _, tie := range [][][]*pdfLine{{{title, body}}, {{body}, {title}}} {
		if got := bodySize(tie); got != 10 {
			t.Errorf("bodySize of a tie = %v, want the smaller, 10", got)
		}
	}
	if got := bodySize(nil); got != 12 {
		t.Errorf("bodySize of nothing = %v, want 12", got)
	}
	var ls []*pdfLine
	for i := range 10 {
		left := 72.0
		if i >= 8 {
			left = 90 // indented
		}
		ls = append(ls, l(left, 400+float64(i), 10, "正文"))
	}
	ls = append(ls, l(60, 300, 12, "大字"), l(60, 200, 12.1, "大字")) // 20% larger: body; more: not
	if got := pageMargins(ls, 10); got != [2]float64{72, 408} {
		t.Errorf("pageMargins = %v, want [72 408]", got)
	}
	tie := []*pdfLine{l(90, 300, 10, "甲"), l(72, 300, 8, "乙"), l(80, 300, 10, "丙")}
	if got := pageMargins(tie, 10); got != [2]float64{72, 300} {
		t.Errorf("pageMargins of a tie = %v, want [72 300]", got)
	}
	if got := pageMargins([]*pdfLine{l(60, 600, 20, "大字")}, 10); got[0] != 0 || !math.IsInf(got[1], 1) {
		t.Errorf("pageMargins without body lines = %v, want [0 +Inf]", got)
	}
}

// ruledTable draws a table on p: rows of 20 points from top, columns
// between xs, every rule drawn, cells' texts row by row.
func ruledTable(p *pdfPage, top float64, xs []float64, rows int, cells ...string) {
	var ys []float64
	for r := 0; r <= rows; r++ {
		ys = append(ys, top-20*float64(r))
		p.hrules = append(p.hrules, pdfRule{at: ys[r], from: xs[0], to: xs[len(xs)-1]})
	}
	for _, x := range xs {
		p.vrules = append(p.vrules, pdfRule{at: x, from: ys[rows], to: ys[0]})
	}
	for i, s := range cells {
		col := i % (len(xs) - 1)
		p.chars = append(p.chars, charsAt(s, xs[col]+5, ys[i/(len(xs)-1)]-15, 10)...)
	}
}

// TestPDFTableAcrossPages: a table that runs on over a page break is one
// table: the header the next page repeats is dropped, and a row the break
// cut (its number cell empty) is joined to the row it continues; a table
// of other columns on the next page is a table of its own.
func TestPDFTableAcrossPages(t *testing.T) {
	xs := []float64{50, 100, 300}
	var p1, p2, p3, p4 pdfPage
	ruledTable(&p1, 600, xs, 2, "序号", "任务", "1", "保留号源，")
	ruledTable(&p2, 600, xs, 3, "序号", "任务", "", "配备导医。", "2", "优化服务。")
	ruledTable(&p3, 600, xs, 2, "3", "上门服务。", "4", "志愿服务。") // no header repeated
	ruledTable(&p4, 600, []float64{50, 100, 200, 300}, 2, "5", "适老", "改造", "6", "智能", "设备")
	d := layoutPDF([]pdfPage{p1, p2, p3, p4})
	want := []string{"TABLE 序号/任务|1/保留号源，配备导医。|2/优化服务。|3/上门服务。|4/志愿服务。", "TABLE 5/适老/改造|6/智能/设备"}
	if got := blockTexts(d); !slices.Equal(got, want) {
		t.Fatalf("blocks %q, want %q", got, want)
	}
	var pages []int
	for _, r := range d.Blocks[0].Table.Rows {
		pages = append(pages, r.Origin.Page)
	}
	if !slices.Equal(pages, []int{1, 1, 2, 3, 3}) || d.Blocks[0].Origin.Page != 1 || d.Blocks[1].Origin.Page != 4 {
		t.Errorf("rows on pages %v, tables on %d and %d; want [1 1 2 3 3], 1 and 4", pages, d.Blocks[0].Origin.Page, d.Blocks[1].Origin.Page)
	}
}

// TestPDFGrids: the smallest ruled table, two rows of two columns, is read
// as a table, alone on a page or with others and text between them; a
// single column (a box) or a single row is read as text.
func TestPDFGrids(t *testing.T) {
	p1 := pdfPage{width: 500, height: 700}
	ruledTable(&p1, 600, []float64{50, 100, 300}, 2, "序号", "任务", "1", "保留号源。")
	p1.chars = append(p1.chars, charsAt("两表之间。", 50, 530, 10)...)
	ruledTable(&p1, 500, []float64{50, 100, 300}, 2, "2", "优化服务。", "3", "上门服务。")
	ruledTable(&p1, 400, []float64{50, 300}, 2, "框内", "说明")
	ruledTable(&p1, 300, []float64{50, 100, 300}, 1, "注", "仅供参考。")
	p2 := pdfPage{width: 500, height: 700}
	ruledTable(&p2, 600, []float64{50, 100, 300}, 2, "4", "适老改造。", "5", "志愿服务。")
	d := layoutPDF([]pdfPage{p1, p2})
	if len(d.Notes) != 0 {
		t.Errorf("notes %q on pages without running headers", d.Notes)
	}
	got := blockTexts(d)
	want := []string{"TABLE 序号/任务|1/保留号源。", "两表之间。", "TABLE 2/优化服务。|3/上门服务。", "框内", "说明", "注 仅供参考。",
		"TABLE 4/适老改造。|5/志愿服务。"}
	if !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestPDFGridColumns: a vertical rule that reaches into the table (within
// ruleTol of its top or bottom rule) bounds a column, in the rows where it
// is drawn: a row it does not cross spans the columns it would part.
func TestPDFGridColumns(t *testing.T) {
	hrules := []pdfRule{{at: 600, from: 50, to: 300}, {at: 580, from: 50, to: 300}, {at: 560, from: 50, to: 300}}
	sides := []pdfRule{{at: 50, from: 560, to: 600}, {at: 300, from: 560, to: 600}}
	for _, c := range []struct {
		name  string
		inner pdfRule
		want  string // each row's cells' column spans
	}{
		{"across the table", pdfRule{at: 150, from: 560, to: 600}, "1 1|1 1"},
		{"in the first row", pdfRule{at: 150, from: 580, to: 600}, "1 1|2"},
		{"from 2.5 below the table", pdfRule{at: 150, from: 500, to: 557.5}, "2|2"},
		{"from 2.6 below it", pdfRule{at: 150, from: 500, to: 557.4}, ""},
		{"from 2.5 above the table", pdfRule{at: 150, from: 602.5, to: 650}, "2|2"},
		{"from 2.6 above it", pdfRule{at: 150, from: 602.6, to: 650}, ""},
		{"of 1 point (a dot)", pdfRule{at: 150, from: 590, to: 591}, ""},
	} {
		p := pdfPage{hrules: hrules, vrules: append(slices.Clone(sides), c.inner)}
		got := ""
		if g := newGrid(p, 1, []float64{600, 580, 560}); g != nil {
			var rows []string
			for _, r := range g.rows {
				var spans []string
				for _, cell := range r {
					spans = append(spans, strconv.Itoa(cell.cols))
				}
				rows = append(rows, strings.Join(spans, " "))
			}
			got = strings.Join(rows, "|")
		}
		if got != c.want {
			t.Errorf("a rule %s: rows %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPDFCellAt: a cell holds the points on its left and top rules, not
// those on its right and bottom ones (a point on an inner rule is in the
// cell below it or to its right); a point in a cell merged with the one
// above is that cell's.
func TestPDFCellAt(t *testing.T) {
	p := pdfPage{hrules: []pdfRule{{at: 600, from: 50, to: 300}, {at: 580, from: 50, to: 300}, {at: 560, from: 50, to: 100}, {at: 540, from: 50, to: 300}},
		vrules: []pdfRule{{at: 50, from: 540, to: 600}, {at: 100, from: 540, to: 600}, {at: 300, from: 540, to: 600}}}
	g := newGrid(p, 1, []float64{600, 580, 560, 540}) // column 2 of rows 2 and 3 merged
	name := func(c *gridCell) string {
		if c == nil {
			return "outside"
		}
		return fmt.Sprintf("band %d column %d", c.band, c.col)
	}
	for _, c := range []struct {
		x, y float64
		want string
	}{
		{50, 590, "band 0 column 0"}, {49.9, 590, "outside"}, {299.9, 590, "band 0 column 1"}, {300, 590, "outside"},
		{70, 600, "band 0 column 0"}, {70, 600.1, "outside"}, {70, 540.1, "band 2 column 0"}, {70, 540, "outside"},
		{70, 580, "band 1 column 0"}, {100, 590, "band 0 column 1"},
		{200, 570, "band 1 column 1"}, {200, 550, "band 1 column 1"}, // merged: the cell above's
	} {
		if got := name(g.cellAt(c.x, c.y)); got != c.want {
			t.Errorf("cellAt(%v, %v) = %s, want %s", c.x, c.y, got, c.want)
		}
	}
	// the top rule drawn over the first column only: the first row's cells
	// are still cells of their own
	p.hrules[0] = pdfRule{at: 600, from: 50, to: 100}
	g = newGrid(p, 1, []float64{600, 580, 560, 540})
	if r := g.rows[0]; len(r) != 2 || r[0].merged || r[1].merged {
		t.Errorf("first row %+v, want two cells of their own", r)
	}
}
