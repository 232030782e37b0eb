package regions

import (
	"maps"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

type wantMeasure struct {
	id, title, units, deadline string // units joined by "|"
	textHas                    string
	goal                       bool
}

func TestSegmentShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantMeasure
	}{
		{"two plans in one file", `某省人民政府办公厅关于印发两个方案的通知
某省兜底保障方案
一、指导思想
以人民为中心。
二、保障措施
1.保障居家老年人基本服务。组织社区力量上门服务。
2.便利老年人就医。保留现场号源。
某省行动方案(2021—2022年)
一、便利出行
(一)优化打车服务。增设一键叫车功能。(省交通运输厅负责)
`, []wantMeasure{
			{id: "2.1", title: "保障居家老年人基本服务"},
			{id: "2.2", title: "便利老年人就医"},
			{id: "p2.1.1", title: "优化打车服务", units: "省交通运输厅"},
		}},
		{"numbering schemes", `一、便利老年人日常就医
1、提供现场号源。医疗机构保留现场号源。
2、优化网上服务。（1）简化流程。
二、便利老年人日常消费
（1）保留现金支付。商场支持现金。
（2）整治拒收现金。加大整治力度。
三、其他
①加强培训。开展培训。
②加强宣传。开展宣传。
四、再其他
１．加强指导。开展指导。
`, []wantMeasure{
			{id: "1.1", title: "提供现场号源"}, {id: "1.2", title: "优化网上服务", textHas: "（1）简化流程"},
			{id: "2.1", title: "保留现金支付"}, {id: "2.2", title: "整治拒收现金"},
			{id: "3.1", title: "加强培训"}, {id: "3.2", title: "加强宣传"}, {id: "4.1", title: "加强指导"},
		}},
		{"markdown and bold titles", `# 某市工作方案
## 一、便利老年人日常就医
**（一）提供多渠道挂号服务。**医疗机构要完善电话、网络、现场等多种预约挂号方式。
### （二）优化网上就医
简化网上办理就医服务流程。（市卫健委负责）
`, []wantMeasure{
			{id: "1.1", title: "提供多渠道挂号服务", textHas: "医疗机构要完善电话"},
			{id: "1.2", title: "优化网上就医", units: "市卫健委", textHas: "简化网上办理"},
		}},
		{"paragraphs with their own units", `一、便利出行
1. 完善健康码管理。不得将健康码作为唯一凭证。（市大数据委牵头，2021年10月底前完成）
推进健康码与社保卡互相关联。（市大数据委、卫健委分工负责，2022年底前完成）
2. 保留传统金融服务。加大整治力度。
推动金融机构提升网点服务质量。
（市金融局负责，2022年底前完成）
`, []wantMeasure{
			{id: "1.1", title: "完善健康码管理", units: "市大数据委", deadline: "2021-10-31"},
			{id: "1.1-2", units: "市大数据委|卫健委", deadline: "2022-12-31", textHas: "社保卡"},
			{id: "1.2", title: "保留传统金融服务", units: "市金融局", deadline: "2022-12-31", textHas: "网点服务质量"},
		}},
		{"goals are kept without deadlines; preambles are not measures", `一、总体要求
到2021年底前，推动各项服务到位。
二、工作任务
（一）明确工作目标。到2020年底前，推动各项传统服务兜底保障到位。
（二）立即开展排查。在2021年1月中旬前排查完毕。
`, []wantMeasure{
			{id: "2.1", title: "明确工作目标", goal: true, deadline: "none"},
			{id: "2.2", title: "立即开展排查", deadline: "2021-01-20"},
		}},
		{"page breaks inside a sentence", `一、便利就医
1. 提供多渠道挂号等就诊服务。医疗机构要完善电话、网

络、现场等多种预约挂号方式。（市卫健委牵头，2021年10月底前完成）
2. 优化网上就医服务。简化流程。（市卫健委负责）
`, []wantMeasure{
			{id: "1.1", units: "市卫健委", deadline: "2021-10-31", textHas: "网络、现场"},
			{id: "1.2", units: "市卫健委"},
		}},
		{"a numbered line of up to 40 characters without a full stop is a heading; a longer one runs on", `一、便利就医
1. 完善老年人就医服务体系推动各级医疗机构优化服务流程全面提升老年人就医的便利化水平
医疗机构保留现场号源。（市卫健委负责）
2. 完善老年人就医服务体系推动各级医疗机构优化服务流程全面提升老年人就医便利化服务水平
医疗机构保留人工窗口。（市医保局负责）
`, []wantMeasure{
			{id: "1.1", title: "完善老年人就医服务体系推动各级医疗机构优化服务流程全面提升老年人就医的便利化水平", units: "市卫健委"},
			{id: "1.2", units: "市医保局", textHas: "服务水平医疗机构"},
		}},
		{"signature and trailer are not part of the last item", `一、保障措施
（一）加强宣传。营造良好氛围。
某市人民政府办公厅
2021年1月14日
抄送：存档。
`, []wantMeasure{{id: "1.1", title: "加强宣传", textHas: "营造良好氛围。"}}},
		{"flattened task table", `某市工作任务清单序号重点任务责任单位完成时限一、便利老年人日常就医1医疗机构应提供一定比例的现场号源。市卫生健康委2021年底2保留挂号、缴费等人工服务窗口。市卫生健康委、市医保局长期坚持3二级以上公立医疗机构设立社工岗位，为老年人提供引导服务。市卫生健康委2022年底`,
			[]wantMeasure{
				{id: "1", units: "市卫生健康委", deadline: "2021-12-31", textHas: "现场号源"},
				{id: "2", units: "市卫生健康委|市医保局", deadline: "ongoing", textHas: "人工服务窗口"},
				{id: "3", units: "市卫生健康委", deadline: "2022-12-31", textHas: "社工岗位"},
			}},
		// Cells inside a row's text are that row's; the cells standing before row
		// N's text are row N-1's, wherever the stream put row N-1's text.
		{"flattened task table, then a trailer", `岱川县工作任务清单序号重点任务责任单位完成时限一、便利老年人日常就医1医疗机构应提供一定比例的现场号源。县卫生健康局2021年底2保留挂号、缴费等人工服务窗口。县医疗保障局长期坚持抄送：县委办公室。`,
			[]wantMeasure{
				{id: "1", units: "县卫生健康局", deadline: "2021-12-31", textHas: "现场号源。"},
				{id: "2", units: "县医疗保障局", deadline: "ongoing", textHas: "人工服务窗口。"},
			}},
		{"table with cells interleaved and a jump in the rows", `工作任务清单序号重点任务责任单位完成时限一、便利就医1医疗机构应提供现场号源。市卫生健康委2021年底2保留人工服务窗口，为老年人提供引导、健康宣市卫生健康委长期坚持教等服务。市民政局2022年底4推动养老机构开展培训。市教委2021年底3鼓励为老年人上门办理业务。`,
			[]wantMeasure{
				{id: "1", units: "市卫生健康委", deadline: "2021-12-31"},
				{id: "2", units: "市卫生健康委", deadline: "ongoing", textHas: "健康宣市卫生健康委长期坚持教"},
				{id: "4", units: "", deadline: "none"},
				{id: "3", units: "市民政局", deadline: "2022-12-31"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := Segment(&Document{File: "t.txt", Region: "某市", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != len(tt.want) {
				for _, m := range ms {
					t.Logf("got %s %q %q", m.ID, m.Title, m.Text)
				}
				t.Fatalf("%d measures, want %d", len(ms), len(tt.want))
			}
			for i, w := range tt.want {
				m := ms[i]
				if m.ID != w.id {
					t.Errorf("measure %d: id %q, want %q", i, m.ID, w.id)
				}
				if w.title != "" && m.Title != w.title {
					t.Errorf("%s: title %q, want %q", m.ID, m.Title, w.title)
				}
				if got := strings.Join(m.Units, "|"); got != w.units && !(w.units == "" && len(m.Units) == 0) {
					t.Errorf("%s: units %q, want %q", m.ID, got, w.units)
				}
				if w.deadline != "" && m.Deadline.String() != w.deadline {
					t.Errorf("%s: deadline %s, want %s", m.ID, m.Deadline, w.deadline)
				}
				if !strings.Contains(m.Text, w.textHas) || strings.Contains(m.Text, "抄送") {
					t.Errorf("%s: text %q lacks %q or holds a trailer", m.ID, m.Text, w.textHas)
				}
				if m.Goal != w.goal {
					t.Errorf("%s: goal %v", m.ID, m.Goal)
				}
			}
		})
	}
}

func TestSegmentMultiplePlansNamed(t *testing.T) {
	text := "某省兜底保障方案\n一、甲\n1.第一项。内容。\n2.第二项。内容。\n某省行动方案(2021—2022年)\n一、乙\n1.第三项。内容。\n"
	ms, err := Segment(&Document{File: "t.txt", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0].Plan != "某省兜底保障方案" || ms[2].Plan != "某省行动方案(2021—2022年)" || ms[2].ID != "p2.1.1" {
		t.Errorf("plans: %q %q", ms[0].Plan, ms[len(ms)-1].Plan)
	}
}

// FuzzSegment: whatever the text, segmentation returns measures whose text
// is non-empty and taken from the input, or an error; it never panics.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{smallPlan, "一、\n（一）\n1.", "序号重点任务责任单位完成时限一、1市交通局2021年底",
		"序号重点任务责任单位完成时限市卫生健2021年6月康委。", "（市卫健委牵头，2021年10月底前完成）", "# \n**\n①"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms, err := Segment(&Document{File: "f.txt", Text: text})
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 %q was segmented", text)
		}
		for _, m := range ms {
			if strings.TrimSpace(m.Text) == "" {
				t.Fatalf("empty measure %q from %q", m.ID, text)
			}
			if utf8.RuneCountInString(m.Norm) != utf8.RuneCountInString(m.Text) {
				t.Fatalf("text and its normal form differ in length: %q", m.Text)
			}
		}
	})
}

func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"2021年10月底前完成", "2021年第三季度", "二〇二一年十二月", "2022年前", "年内", "长期坚持", "2021年2月29日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDeadline(s, 2021)
		if ok && d.Kind == DeadlineDate && (d.Date.Year() < 1989 || d.Date.Year() > 2100) {
			t.Fatalf("%q -> %v", s, d.Date)
		}
		if !ok && d.Kind != DeadlineNone {
			t.Fatalf("%q: not ok but kind %s", s, d.Kind)
		}
		FindDeadline(s, 2021)
	})
}

// FuzzParseAssignment: names come back as printed, so each is a piece of the
// original parenthesis, and every lead unit is one of the units.
func FuzzParseAssignment(f *testing.F) {
	for _, s := range []string{"市大数据委、卫健委牵头，2021年10月底前", "各區縣（自治縣）政府，長期堅持", " 市商务局及各区县政府等部门按职责分工负责；２０２１年６月",
		"　民政局　等部门", "省民政厅牵头,省卫健委、省医保局配合"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, orig string) {
		if !utf8.ValidString(orig) {
			return
		}
		a, ok := ParseAssignment(NormalizeString(orig), orig, 2021)
		if !ok {
			return
		}
		for _, u := range a.Units {
			if u == "" || !strings.Contains(orig, u) {
				t.Fatalf("%q: unit %q is not in the text", orig, u)
			}
		}
		for _, l := range a.Lead {
			if !slices.Contains(a.Units, l) {
				t.Fatalf("%q: lead %q is not a unit", orig, l)
			}
		}
	})
}

// FuzzSource: the one-pass index (normalising as it goes) is the index of
// the text and its separately normalised form, and both tell invalid UTF-8;
// runeCount counts valid UTF-8 as the utf8 package does.
func FuzzSource(f *testing.F) {
	for _, s := range []string{smallPlan, "各區縣（自治縣）政府，長期堅持", "ａ１「」　𠀀𡃁x\xff", "\xe4\xb8一", "\xba"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, ok1 := newSource(text, "")
		want, ok2 := newSource(text, NormalizeString(text))
		if valid := utf8.ValidString(text); ok1 != valid || ok2 != valid {
			t.Fatalf("%q: valid UTF-8 %v, one pass says %v, two passes %v", text, valid, ok1, ok2)
		}
		if ok1 && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: one pass %+v, two passes %+v", text, got, want)
		}
		if ok1 && runeCount(text) != utf8.RuneCountInString(text) {
			t.Fatalf("%q: runeCount %d, utf8 %d", text, runeCount(text), utf8.RuneCountInString(text))
		}
	})
}

// TestDeadlineExprTokens checks the date matchers against the regexps on
// strings made of the pieces dates are made of, which random bytes seldom hit.
func TestDeadlineExprTokens(t *testing.T) {
	pieces := []string{"2", "0", "1", "3", "〇", "二", "零", "十", "年", "月", "日", "第", "季度", "上半年", "下半年",
		"底", "末", "前", "内", "上旬", "中旬", "下旬", "完成", " ", "x", "5"}
	tableDateRe := regexp.MustCompile(`^` + deadlineRe.String() + `(?:前)?(?:完成)?`)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300000 {
		var b strings.Builder
		if rng.IntN(2) == 0 {
			b.WriteString([]string{"2021", "二〇二一", "2022"}[rng.IntN(3)])
		}
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := deadlineRe.FindStringSubmatchIndex(s)
		if got, ok := findDeadlineExpr(s); ok != (want != nil) || ok && !slices.Equal(got[:], want) {
			t.Fatalf("%q: regexp %v, by hand %v %v", s, want, got, ok)
		}
		if cell, ok := tableDate(s); cell != tableDateRe.FindString(s) || ok != (cell != "") {
			t.Fatalf("%q: table cell: regexp %q, by hand %q", s, tableDateRe.FindString(s), cell)
		}
	}
}

// FuzzDeadlineExpr holds the hand-written date matchers to the regexps they
// stand for: the same match and groups, the same table cell.
func FuzzDeadlineExpr(f *testing.F) {
	tableDateRe := regexp.MustCompile(`^` + deadlineRe.String() + `(?:前)?(?:完成)?`)
	for _, s := range []string{"2021年10月底前完成", "2021 年 第 三 季度", "二〇二一年十二月", "2022年前", "2021年上半年", "2021年年底",
		"2021年1月中旬前", "2021年1月22日前", "12021年6月", "2021年1234月", "2021年6 月 30 日", "2021年第5季度", "x2021年内完成", "2021年\xff月"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := deadlineRe.FindStringSubmatchIndex(s)
		got, ok := findDeadlineExpr(s)
		if ok != (want != nil) || ok && !slices.Equal(got[:], want) {
			t.Fatalf("%q: regexp %v, by hand %v %v", s, want, got, ok)
		}
		cell, ok := tableDate(s)
		if w := tableDateRe.FindString(s); ok != (w != "") || cell != w {
			t.Fatalf("%q: table cell: regexp %q, by hand %q %v", s, w, cell, ok)
		}
	})
}

// FuzzIndexText: indexText finds what strings.Index finds.
func FuzzIndexText(f *testing.F) {
	f.Add("在2021年1月中旬前排查完毕，提前", "前")
	f.Add("成文日期：2021-01-14", "成文日期")
	f.Add("aaa", "aa")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if got, want := indexText(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("indexText(%q, %q) = %d, strings.Index %d", s, sub, got, want)
		}
	})
}

// numberingRes: the regexps readNumbering's schemes stand for.
var numberingRes = []struct {
	scheme, first string
	re            *regexp.Regexp
}{
	{"一、", cnTen, regexp.MustCompile(`^([一二三四五六七八九十]{1,3})\s*[、.]\s*`)},
	{"(一)", "(", regexp.MustCompile(`^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*[、.]?\s*`)},
	{"1.", arabic, regexp.MustCompile(`^([0-9]{1,2})\s*\.\s*(?:[^0-9]|$)`)},
	{"1、", arabic, regexp.MustCompile(`^([0-9]{1,2})\s*、\s*`)},
	{"(1)", "(", regexp.MustCompile(`^\(\s*([0-9]{1,2})\s*\)\s*`)},
	{"1)", arabic, regexp.MustCompile(`^([0-9]{1,2})\s*\)\s*`)},
	{"①", circled, regexp.MustCompile(`^([①-⑳])\s*`)},
	{"⑴", parenDigits, regexp.MustCompile(`^([⑴-⒇])\s*`)},
	{"㈠", parenIdeographs, regexp.MustCompile(`^([㈠-㈩])\s*`)},
	{"第一条", "第", regexp.MustCompile(`^第([一二三四五六七八九十百]{1,4})条\s*`)},
	{"第一章", "第", regexp.MustCompile(`^第([一二三四五六七八九十百]{1,4})章\s*`)},
	{"第一节", "第", regexp.MustCompile(`^第([一二三四五六七八九十百]{1,4})节\s*`)},
	{"第一部分", "第", regexp.MustCompile(`^第([一二三四五六七八九十百]{1,4})部分\s*`)},
}

// numberingByRegexp is readNumbering by numberingRes.
func numberingByRegexp(norm string) (numbering, int) {
	first, _ := utf8.DecodeRuneInString(norm)
	head := norm[:min(len(norm), 64)]
	for _, n := range numberingRes {
		if !strings.ContainsRune(n.first, first) {
			continue
		}
		m := n.re.FindStringSubmatchIndex(head)
		if m == nil {
			continue
		}
		end := m[1]
		if n.scheme == "1." {
			end = m[3] + strings.Index(norm[m[3]:], ".") + 1
			for end < len(norm) && norm[end] == ' ' {
				end++
			}
		}
		v := labelValue(n.scheme, norm[m[2]:m[3]])
		return numbering{scheme: n.scheme, value: v, label: strings.TrimSpace(norm[:end])}, runeIndex(norm, end)
	}
	return numbering{}, 0
}

func checkNumbering(t *testing.T, s string) {
	t.Helper()
	want, wn := numberingByRegexp(s)
	if got, n := readNumbering(s); got != want || n != wn {
		t.Fatalf("%q: by hand %+v %d, regexp %+v %d", s, got, n, want, wn)
	}
}

// TestNumberingPieces holds readNumbering's hand-written schemes to their
// regexps on strings made of the pieces labels are made of, which random
// bytes seldom hit.
func TestNumberingPieces(t *testing.T) {
	pieces := []string{"(", ")", "一", "十", "百", "1", "2", "0", "、", ".", " ", "\t", "第", "条", "章", "节", "部分", "①", "⑳", "⑴", "⒇", "㈠", "㈩", "x", "五"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkNumbering(t, b.String())
	}
}

// FuzzNumbering: the same on any text.
func FuzzNumbering(f *testing.F) {
	for _, s := range []string{"一、总体要求", "十二 . 其他", "(三)、加强", "( 十 ) x", "1.5亿", "1. 5", "12.", "123.", "3、", "123、", "(12)", "(123)", "①②", "⑳ a",
		"第十二条", "第一百零一条", "1 .\t", "(一)\xff", "一二三四、"} {
		f.Add(s)
	}
	f.Fuzz(checkNumbering)
}

func FuzzDecode(f *testing.F) {
	f.Add("a.txt", []byte(smallPlan))
	f.Add("a.docx", []byte("PK\x03\x04"))
	f.Add("a.html", []byte("<p>一、<b>x</b></p>"))
	f.Add("a.txt", []byte{0xFF, 0xFE, 0x00})
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := readDocument(testReader, name, data, false)
		if err == nil && !utf8.ValidString(doc.Text) {
			t.Fatalf("Decode(%q) returned invalid UTF-8", name)
		}
	})
}

// TestLabelValue: the number each kind of label stands for, which orders a
// document's items and names its measures.
func TestLabelValue(t *testing.T) {
	for _, c := range []struct {
		scheme, raw string
		want        int
	}{
		{"①", "①", 1}, {"①", "⑫", 12}, {"⑴", "⑴", 1}, {"⑴", "⑶", 3}, {"㈠", "㈠", 1}, {"㈠", "㈣", 4},
		{"一、", "十二", 12}, {"(一)", "二十", 20}, {"一、", "九", 9},
	} {
		if got := labelValue(c.scheme, c.raw); got != c.want {
			t.Errorf("labelValue(%s, %s) = %d, want %d", c.scheme, c.raw, got, c.want)
		}
	}
}

// TestSubSpans: a part of a paragraph joined from several lines maps to the
// pieces of those lines it covers, so its text is cut where it is printed.
func TestSubSpans(t *testing.T) {
	spans := []span{{0, 5}, {10, 15}, {20, 22}} // 5 + 5 + 2 runes of text
	for _, c := range []struct {
		from, to int
		want     []span
	}{
		{0, 12, []span{{0, 5}, {10, 15}, {20, 22}}},
		{3, 8, []span{{3, 5}, {10, 13}}},
		{5, 10, []span{{10, 15}}},
		{6, 7, []span{{11, 12}}},
		{11, 12, []span{{21, 22}}},
		{4, 4, nil},
	} {
		if got := subSpans(spans, c.from, c.to); !slices.Equal(got, c.want) {
			t.Errorf("subSpans(%d, %d) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

// TestCircledCuts: circled items begin where ①, ②, … stand in order at the
// start or after a stop (blanks between); a circled numeral inside a
// sentence, or a lone ①, is no item.
func TestCircledCuts(t *testing.T) {
	for _, c := range []struct {
		norm string
		want []int
	}{
		{"①甲要做好。②乙要做好。", []int{0, 6}},
		{"做好服务: ① 甲要做。 ② 乙要做;③丙要做。", []int{6, 13, 19}},
		{"做好服务。①甲要做。③乙要做。", nil},         // not in order
		{"详见①和②两项。", nil},                // inside a sentence
		{"①甲要做好。乙要做好。", nil},             // a lone ①
		{"①甲要做好。②乙要做好,③丙。", []int{0, 6}}, // ③ after a comma
	} {
		if got := circledCuts(c.norm, '①'); !slices.Equal(got, c.want) {
			t.Errorf("circledCuts(%q) = %v, want %v", c.norm, got, c.want)
		}
	}
}

// TestBracketTitle: a 【】 title of at most 30 characters with its opening
// bracket opens a text that goes on after it.
func TestBracketTitle(t *testing.T) {
	for text, want := range map[string]int{
		"【保留号源】医院保留号源。":                            6,
		"【" + strings.Repeat("号", 29) + "】医院保留号源。": 31,
		"【" + strings.Repeat("号", 30) + "】医院保留号源。": 0,
		"【保留号源】":       0,
		"【保留号源医院保留号源。": 0,
		"医院【保留】号源。":    0,
	} {
		if got := bracketTitle(text); got != want {
			t.Errorf("bracketTitle(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestIsSpace: the blanks a line is trimmed of and items are cut around,
// the ideographic space and a stray byte-order mark among them.
func TestIsSpace(t *testing.T) {
	for r, want := range map[rune]bool{' ': true, '\t': true, '\u3000': true, '\uFEFF': true, '\u00A0': true,
		'a': false, '中': false, '\u3001': false, '\uFF0C': false} {
		if isSpace(r) != want {
			t.Errorf("isSpace(%U) = %v, want %v", r, !want, want)
		}
	}
}

// TestRuneHelpers: offsets counted in characters map to bytes as printed.
func TestRuneHelpers(t *testing.T) {
	s := "甲乙a丙"
	for n, want := range map[int]int{0: len(s), 1: 7, 2: 6, 3: 3, 4: 0, 9: 0} {
		if got := lastRunes(s, n); got != want {
			t.Errorf("lastRunes(%q, %d) = %d, want %d", s, n, got, want)
		}
	}
	for _, c := range []struct {
		from, to int
		want     string
	}{{0, 2, "甲乙"}, {1, 3, "乙a"}, {2, -1, "a丙"}, {0, -1, s}, {3, 4, "丙"}, {4, -1, ""}, {1, 1, ""}} {
		if got := runeSlice(s, c.from, c.to); got != c.want {
			t.Errorf("runeSlice(%q, %d, %d) = %q, want %q", s, c.from, c.to, got, c.want)
		}
	}
}

// TestFieldParts: a line may hold several labels, each value running to the
// ； or ， before the next label; a stop that no label follows stays in
// the value.
func TestFieldParts(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"责任单位:市卫健委;完成时限:2021年底前", []string{"units 市卫健委", "deadline 2021年底前"}},
		{"牵头单位: 市卫健委,配合单位:市民政局、市医保局", []string{"lead 市卫健委", "partner 市民政局、市医保局"}},
		{"责任单位:市卫健委;市民政局", []string{"units 市卫健委;市民政局"}},
		{"市卫健委负责;完成时限:2021年底前", nil},
	} {
		var got []string
		for _, p := range fieldParts(c.line) {
			got = append(got, map[labelField]string{fieldUnits: "units", fieldLead: "lead", fieldPartner: "partner", fieldDeadline: "deadline"}[p.field]+" "+c.line[p.start:p.end])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("fieldParts(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestIsHan: Chinese characters, the common block and beyond it.
func TestIsHan(t *testing.T) {
	for r, want := range map[rune]bool{'中': true, '\u4E00': true, '\u9FA5': true, '㐀': true, '〇': true, '\U00020000': true,
		'a': false, '、': false, '。': false, 'あ': false, '①': false} {
		if isHan(r) != want {
			t.Errorf("isHan(%U) = %v, want %v", r, !want, want)
		}
	}
}

// checkRows segments text as a plan of 岱川县 and checks its measures,
// each as "ID units deadline text".
func checkRows(t *testing.T, text string, want []string) {
	t.Helper()
	ms, err := Segment(&Document{File: "t.txt", Region: "岱川县", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.ID+" "+strings.Join(m.Units, "|")+" "+m.Deadline.String()+" "+m.Text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s:\nmeasures\n%q\nwant\n%q", text, got, want)
	}
}

// TestFlattenedTableUnitsOfThePlace: in a flattened task table, unit names
// that open with the region's place name (岱川县卫生健康局 in 岱川县's plan)
// are read as units, not as the text of the next row.
func TestFlattenedTableUnitsOfThePlace(t *testing.T) {
	text := `岱川县工作任务清单序号重点任务责任单位完成时限一、便利老年人日常就医1医疗机构应提供一定比例的现场号源。岱川县卫生健康局2021年底2保留挂号、缴费等人工服务窗口。岱川县卫生健康局、岱川县医疗保障局长期坚持3二级以上公立医疗机构设立社工岗位，为老年人提供引导服务。岱川县卫生健康局2022年底`
	checkRows(t, text, []string{
		"1 岱川县卫生健康局 2021-12-31 医疗机构应提供一定比例的现场号源。",
		"2 岱川县卫生健康局|岱川县医疗保障局 ongoing 保留挂号、缴费等人工服务窗口。",
		"3 岱川县卫生健康局 2022-12-31 二级以上公立医疗机构设立社工岗位，为老年人提供引导服务。",
	})
}

// TestFlattenedTableWithoutNumbers: a flattened task table whose rows lost
// their numbers is still read row by row; its measures are u1, u2 … in order.
func TestFlattenedTableWithoutNumbers(t *testing.T) {
	text := "岱川县工作任务清单序号重点任务责任单位完成时限医疗机构保留一定比例的现场号源。县卫生健康局2021年底" +
		"二级以上医院设立老年人服务窗口。县卫生健康局长期坚持社区组织志愿者上门提供服务。县民政局2022年底"
	checkRows(t, text, []string{
		"u1 县卫生健康局 2021-12-31 医疗机构保留一定比例的现场号源。",
		"u2 县卫生健康局 ongoing 二级以上医院设立老年人服务窗口。",
		"u3 县民政局 2022-12-31 社区组织志愿者上门提供服务。",
	})
}

// TestFlattenedTableTrailer: the document's end matter (抄送, 附件 …) after a
// row's cells ends the table; a note before the first row, or right after a
// row's text, does not.
func TestFlattenedTableTrailer(t *testing.T) {
	head := "岱川县工作任务清单序号重点任务责任单位完成时限"
	rows := "1医疗机构保留一定比例的现场号源。县卫生健康局2021年底2二级以上医院设立老年人服务窗口。县卫生健康局长期坚持"
	want := []string{"1 县卫生健康局 2021-12-31 医疗机构保留一定比例的现场号源。", "2 县卫生健康局 ongoing 二级以上医院设立老年人服务窗口。"}
	for _, text := range []string{head + rows + "抄送：县委办公室。3社区组织志愿者上门提供服务。县民政局2022年底", head + "注：本表为示意。" + rows,
		head + strings.Replace(rows, "号源。", "号源。注：各地参照执行。", 1)} {
		checkRows(t, text, want)
	}
}

// An item's title is its lead phrase up to the first full stop or colon, or
// its emphasised run-in title, when at most 40 characters.
func TestItemTitles(t *testing.T) {
	lead40 := "完善老年人就医服务体系推动各级医疗机构优化服务流程全面提升老年人就医的便利化水平"
	lead41 := lead40 + "和"
	for _, c := range []struct{ norm, want string }{
		{"保留现场号源。医疗机构保留号源。", "保留现场号源"},
		{"工作目标:到2021年底完成。", "工作目标"},
		{lead40 + "。医疗机构保留号源。", lead40},
		{lead41 + "。医疗机构保留号源。", ""},
		{lead40, lead40},
		{lead41, ""},
		{"保留现场号源 \n第二行。", "保留现场号源"},
	} {
		if got := titleOf(c.norm); got != c.want {
			t.Errorf("titleOf(%q) = %q, want %q", c.norm, got, c.want)
		}
	}
	for _, c := range []struct {
		emph       int
		norm, want string
	}{
		{7, "保留现场号源。医疗机构保留号源。", "保留现场号源"},
		{0, "保留现场号源。医疗机构保留号源。", "保留现场号源"},
		{4, "保留号源:医疗机构保留号源。", "保留号源"},
		{40, lead40 + "医疗机构保留号源。", lead40},
		{41, lead41 + "医疗机构保留号源。", ""}, // too long: the lead phrase is tried, and is too long too
	} {
		o := &outline{paras: []para{{emph: c.emph, norm: c.norm}}}
		if got := o.title(0); got != c.want {
			t.Errorf("title of %q emphasised %d = %q, want %q", c.norm, c.emph, got, c.want)
		}
	}
}

// The lines that frame an outline rather than carry measures: framing
// headings (at most 20 characters of framing words), the article on entry
// into force, signature dates, issuers' names, plan titles.
func TestFrameLines(t *testing.T) {
	for _, c := range []struct {
		title string
		want  bool
	}{
		{"总体要求", true},
		{"指导思想和工作目标。", true},
		{"总则、指导思想、基本原则、主要目标和附则", true},    // 20 characters
		{"总则、指导思想、基本原则、主要目标和工作思路", false}, // 22: a sentence, not a heading
		{"明确工作目标", false},
		{"", false},
	} {
		if got := isFraming(c.title); got != c.want {
			t.Errorf("isFraming(%q) = %v, want %v", c.title, got, c.want)
		}
	}
	for _, c := range []struct {
		norm string
		want bool
	}{
		{"本方案自印发之日起施行。", true},
		{"自印发之日起施行。", true},
		{"从2021年1月1日起实施。", true},
		{"本细则由县民政局负责解释。", true},
		{"自觉维护老年人合法权益。", false},
		{"从严落实防控要求。", false},
		{"各部门自2021年起实施。", false},
	} {
		if got := isEntryIntoForce(c.norm); got != c.want {
			t.Errorf("isEntryIntoForce(%q) = %v, want %v", c.norm, got, c.want)
		}
	}
	for _, c := range []struct {
		norm                    string
		date, issuer, planTitle bool
	}{
		{"2021年1月14日", true, false, false},
		{"2021 年 1 月 14 日印发", true, false, false},
		{"2021年1月14日前完成。", false, false, false},
		{"某市人民政府办公厅", false, true, false},
		{"某市民政局、某市卫生健康委员会", false, true, false},
		{"某市人民政府办公厅关于印发便利老年人就医工作方案的通知", false, false, true},
		{"某市便利老年人出行工作方案(2021—2022年)", false, false, true},
		{"保留现场号源。某市工作方案", false, false, false},
	} {
		if got := isDateLine(c.norm); got != c.date {
			t.Errorf("isDateLine(%q) = %v", c.norm, got)
		}
		if got := isIssuerLine(c.norm); got != c.issuer {
			t.Errorf("isIssuerLine(%q) = %v", c.norm, got)
		}
		if got := isPlanTitle(c.norm); got != c.planTitle {
			t.Errorf("isPlanTitle(%q) = %v", c.norm, got)
		}
	}
}

// TestEnumParts: an enumeration's clauses are cut after the stop that ends
// each one, whatever stands before it; what introduces them goes with the
// first.
func TestEnumParts(t *testing.T) {
	for _, c := range []struct {
		norm string
		want []string
	}{
		{"为做好服务:一是县卫健局负责(2021年底前);二是县医保局负责2022年;三是县民政局负责。",
			[]string{"为做好服务:一是县卫健局负责(2021年底前);", "二是县医保局负责2022年;", "三是县民政局负责。"}},
		{"第一,县卫健局负责。第二,县医保局负责。", []string{"第一,县卫健局负责。", "第二,县医保局负责。"}},
		{"一是县卫健局负责。", []string{"一是县卫健局负责。"}},
	} {
		var got []string
		for _, p := range enumParts(c.norm) {
			got = append(got, runeSlice(c.norm, p[0], p[1]))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("enumParts(%q) = %q, want %q", c.norm, got, c.want)
		}
	}
}

// TestFlattenedTablePieces: the pieces a flattened table is read with. A
// unit's name is a prefix (市, 县 … or the region's place name), 1 to 12
// characters and a suffix; a deadline cell starts with a date or with 长期 /
// 持续推进; a header is found even where the text ends.
func TestFlattenedTablePieces(t *testing.T) {
	twelve := "卫生健康医疗保障服务管理"
	for _, c := range []struct {
		region, s string
		want      int
	}{
		{"岱川县", "市卫健委负责", 4},
		{"岱川县", "市" + twelve + "局", 14},
		{"岱川县", "市" + twelve + "一局", 0},
		{"岱川县", "岱川县民政局", 6},
		{"", "人社局", 0}, // no place name: a prefix is needed
		{"", "市", 0},
		{"", "", 0},
	} {
		tr := newTableReader(&Document{Region: c.region}, &source{})
		if got := tr.genericUnitLen([]rune(c.s)); got != c.want {
			t.Errorf("genericUnitLen(%q) in %s = %d, want %d", c.s, c.region, got, c.want)
		}
	}
	if n, ok := unitAfter([]rune("市"), []rune("市")); n != 0 || !ok {
		t.Errorf("unitAfter(市, 市) = %d, %v; want 0, true", n, ok)
	}
	for _, c := range []struct {
		text, want string
		n          int
	}{
		{"2021年底前完成", "2021-12-31", 9},
		{"长期坚持", "ongoing", 4},
		{"持续推进", "ongoing", 4},
		{"20", "", 0},
		{"2021", "", 0},
		{"县卫健局", "", 0},
	} {
		src, _ := newSource(c.text, "")
		tr := newTableReader(&Document{Region: "岱川县", Date: mustDate("2021-06-10")}, src)
		d, n := tr.deadlineAt(0)
		got := ""
		if d != nil {
			got = d.String()
		}
		if got != c.want || n != c.n {
			t.Errorf("deadlineAt(%q) = %s %d, want %s %d", c.text, got, n, c.want, c.n)
		}
	}
	for _, text := range []string{"工作任务清单序", "序号重点任务责任单位完成时限"} {
		src, _ := newSource(text, "")
		at, ok := tableStart(src)
		if want := strings.HasPrefix(text, "序号"); ok != want || ok && at != runeCount(text) {
			t.Errorf("tableStart(%q) = %d, %v", text, at, ok)
		}
	}
}

// TestTableVocabulary: the unit names a flattened table prints in clean
// cells, a list of them right before a deadline cell, are learnt, each piece
// between 、 read as names back to back; the piece next to the deadline may
// start with a row's text.
func TestTableVocabulary(t *testing.T) {
	text := "市卫健委、市医保局县民政局2021年底前完成保留人工窗口提供服务市交通局长期坚持"
	src, _ := newSource(text, "")
	tr := newTableReader(&Document{Region: "岱川县", Date: mustDate("2021-06-10")}, src)
	tr.learnVocabulary(0)
	got := slices.Sorted(maps.Keys(tr.vocab))
	want := []string{"县民政局", "市交通局", "市医保局", "市卫健委"}
	if !slices.Equal(got, want) {
		t.Errorf("vocabulary %q, want %q", got, want)
	}
	for _, c := range []struct {
		piece string
		last  bool
		want  []string
	}{
		{"市卫生健康委市医保局", false, []string{"市卫生健康委", "市医保局"}},
		{"提供服务市卫健委", true, []string{"市卫健委"}},
		{"提供服务市卫健委", false, nil},
		{"提供服务", true, nil},
	} {
		if got := tr.splitNames([]rune(c.piece), c.last); !slices.Equal(got, c.want) {
			t.Errorf("splitNames(%q, %v) = %q, want %q", c.piece, c.last, got, c.want)
		}
	}
}

// TestTableVocabularyWindow: a clean cell is short, so names are learnt from
// at most the 80 characters before a deadline: a name cut by that bound is
// not learnt from its tail.
func TestTableVocabularyWindow(t *testing.T) {
	for _, c := range []struct {
		filler int // characters of text between the two names
		want   []string
	}{
		{71, []string{"市交通局", "市民政局"}}, // 市民政局、…市交通局: 80 characters
		{72, []string{"市交通局"}},         // 81: 民政局 is no name
	} {
		filler := string([]rune(strings.Repeat("提供便利服务", 13))[:c.filler])
		src, _ := newSource("保留市民政局、"+filler+"市交通局2021年底", "")
		tr := newTableReader(&Document{Region: "岱川县", Date: mustDate("2021-06-10")}, src)
		tr.learnVocabulary(0)
		if got := slices.Sorted(maps.Keys(tr.vocab)); !slices.Equal(got, c.want) {
			t.Errorf("%d characters of text: vocabulary %q, want %q", c.filler, got, c.want)
		}
	}
}

// TestBrokenUnits: a known name is read whole, of the usual shape or not,
// and where another cell (a deadline, a row number) splits it, with that
// cell; the rest of a split name must end where a cell may end (、, a digit,
// a Chinese character, 。 or the end of the text). The first characters of a
// name at the end of the text are no unit.
func TestBrokenUnits(t *testing.T) {
	for _, c := range []struct {
		text, unit, deadline string
		number, end          int
	}{
		{"市卫2021年底健委、县民政局", "市卫健委", "2021-12-31", 0, 10},
		{"市卫2021年底健委", "市卫健委", "2021-12-31", 0, 10},
		{"市卫2021年底健委。", "市卫健委", "2021-12-31", 0, 10},
		{"市卫34健委保留窗口", "市卫健委", "", 34, 6},
		{"市卫健委2021年底", "市卫健委", "", 0, 4},
		{"市卫2021年底健委,", "", "", 0, 0},
		{"市卫", "", "", 0, 0},
		{"人行岱川中心支行2021年底", "人行岱川中心支行", "", 0, 8},          // known, though not of the usual shape
		{"市卫2021年12月31日前健委", "市卫健委", "2021-12-31", 0, 16}, // 12 characters between
		{"市卫2021年12月31日前后健委", "", "", 0, 0},               // 13
		{"市卫2021健委、", "市卫健委", "", -1, 8},                  // what looks like a date but is none
	} {
		src, _ := newSource(c.text, "")
		tr := newTableReader(&Document{Region: "岱川县", Date: mustDate("2021-06-10")}, src)
		tr.vocab = map[string]bool{"市卫健委": true, "县民政局": true, "人行岱川中心支行": true}
		tr.indexVocabulary()
		tok, ok := tr.unitAt(0, false)
		dl := ""
		if tok.deadline != nil {
			dl = tok.deadline.String()
		}
		if c.number < 0 { // the digits' row number is not this test's business
			c.number = tok.number
		}
		if ok != (c.unit != "") || tok.unit != c.unit || (tok.deadline != nil) != (c.deadline != "") || dl != c.deadline ||
			tok.number != c.number || tok.end != c.end {
			t.Errorf("unitAt(0) in %q = %q %q %d ends %d, %v; want %q %q %d ends %d",
				c.text, tok.unit, dl, tok.number, tok.end, ok, c.unit, c.deadline, c.number, c.end)
		}
	}
}

// TestRowNumbersAndSectionLabels: a flattened table's row number is one to
// three digits; a section label one to three Chinese numerals and 、.
func TestRowNumbersAndSectionLabels(t *testing.T) {
	for _, c := range []struct {
		s    string
		v, n int
	}{{"1234", 123, 3}, {"12市卫健委", 12, 2}, {"7", 7, 1}, {"市", 0, 0}, {"", 0, 0}} {
		if v, n := numberAt([]rune(c.s)); v != c.v || n != c.n {
			t.Errorf("numberAt(%q) = %d, %d; want %d, %d", c.s, v, n, c.v, c.n)
		}
	}
	for _, c := range []struct {
		s    string
		want int
	}{{"三、便利出行", 2}, {"十二、便利出行", 3}, {"一二三四、", 0}, {"三", 0}, {"三是", 0}, {"、", 0}, {"", 0}} {
		if got := headingLabelLen([]rune(c.s)); got != c.want {
			t.Errorf("headingLabelLen(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// TestTokenizeFlattenedTable: a flattened table's text is read into cells:
// section headings, row numbers (not a figure of four digits, not a figure
// with its unit), text, units (a list broken by a deadline cell goes on) and
// deadlines.
func TestTokenizeFlattenedTable(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"一、便利就医1医疗机构保留号源。市卫健委、2021年底市医保局长期坚持12保留窗口999人次1000人次30%市民政局2022年底市卫健委、2021年底市文旅委十二、便利出行5",
			[]string{"H:一、便利就医", "N:1=1", "T:医疗机构保留号源。", "U:市卫健委、", "D:2021年底", "U:市医保局", "D:长期坚持",
				"N:12=12", "T:保留窗口", "N:999=999", "T:人次1000人次30%", "U:市民政局", "D:2022年底",
				"U:市卫健委、", "D:2021年底", "U:市文旅委", "H:十二、便利出行", "N:5=5"}},
		{"、市卫健委2021年底", []string{"T:、", "U:市卫健委", "D:2021年底"}}, // a stray 、 before any cell is text
		{"1保留号源", []string{"N:1=1", "T:保留号源"}},                 // a row number opening the text
		{"0保留号源", []string{"T:0保留号源"}},                         // no row 0
		{"编号12345的窗口", []string{"T:编号12345的窗口"}},               // no number inside a longer one
		{"2021年底市卫健委、县民政局", []string{"D:2021年底", "U:市卫健委、", "U:县民政局"}},
		{"一、" + strings.Repeat("便", 23) + "1保留", []string{"H:一、" + strings.Repeat("便", 23), "N:1=1", "T:保留"}}, // a heading up to 25 characters
		{"一、" + strings.Repeat("便", 24) + "1保留", []string{"H:一、", "T:" + strings.Repeat("便", 24), "N:1=1", "T:保留"}},
		{"一、便利出行", []string{"H:一、", "T:便利出行"}}, // a heading the text ends in: only its label is sure
	} {
		src, _ := newSource(c.text, "")
		tr := newTableReader(&Document{Region: "岱川县", Date: mustDate("2021-06-10")}, src)
		tr.learnVocabulary(0)
		var got []string
		for _, tk := range tr.tokenize(0) {
			s := "TNUDH"[tk.kind:tk.kind+1] + ":" + src.normStr(tk.start, tk.end)
			if tk.kind == tkNumber {
				s += "=" + strconv.Itoa(tk.number)
			}
			if tk.commaAfter {
				s += "、"
			}
			got = append(got, s)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("cells\n%q\nwant\n%q", got, c.want)
		}
	}
}
