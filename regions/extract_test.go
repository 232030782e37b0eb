package regions

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		raw  string
		want string // a date, "ongoing" or "none"
	}{
		{"2021年10月底前完成", "2021-10-31"},
		{"2022年底前", "2022-12-31"},
		{"2022 年底前完成", "2022-12-31"},
		{"2021年1月中旬前", "2021-01-20"},
		{"2021年1月上旬", "2021-01-10"},
		{"2021年2月下旬", "2021-02-28"},
		{"2021年1月22日前", "2021-01-22"},
		{"2021年6月", "2021-06-30"},
		{"2021年第三季度", "2021-09-30"},
		{"2021年3季度", "2021-09-30"},
		{"2021年上半年", "2021-06-30"},
		{"年内", "2021-12-31"}, // the document's year
		{"2022年前完成", "2021-12-31"},
		{"2022年12月底前完成", "2022-12-31"},
		{"2022年完成", "2022-12-31"},
		{"二〇二一年十月底前", "2021-10-31"},
		{"2024年2月", "2024-02-29"},
		{"2022年", "2022-12-31"},
		{"1990年底前", "1990-12-31"}, // the years a plan may name: 1990 to 2100
		{"2100年底前", "2100-12-31"},
		{"1989年底前", "none"},
		{"2101年底前", "none"},
		{"长期坚持", "ongoing"},
		{"持续推进", "ongoing"},
		{"按职责分工负责", "none"},
		{"2021年13月", "none"},
		{"2021年2月30日", "none"},
		{"", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			d, ok := ParseDeadline(NormalizeString(tt.raw), 2021)
			if got := d.String(); got != tt.want {
				t.Errorf("ParseDeadline(%q) = %s, want %s", tt.raw, got, tt.want)
			}
			if ok != (tt.want != "none") {
				t.Errorf("ok = %v", ok)
			}
			if due := d.Due(); due != strings.TrimSuffix(tt.want, "none") {
				t.Errorf("Due() = %q", due)
			}
		})
	}
}

// 年内 needs the document's year; unknown (0), it is no deadline.
func TestWithinTheYearUnknown(t *testing.T) {
	if d, ok := ParseDeadline("年内完成", 0); ok || d.Kind != DeadlineNone {
		t.Errorf("年内 without a document year = %s, %v; want none", d, ok)
	}
}

func TestFindDeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"在2021年1月中旬前排查完毕涉及老年人的各项民政业务", "2021-01-20"},
		{"于2021年1月22日前将排查整治情况报送民政部", "2021-01-22"},
		{"到2020年底前,推动各项传统服务兜底保障到位", "none"}, // a goal, not a deadline
		{"提前预约的公共文化馆", "none"},
		{"2021年底前建好、用好反诈二期系统", "2021-12-31"},
		{"年底前完成全覆盖", "2021-12-31"},           // the document's year, named without it
		{"前期准备工作于2021年6月底前完成", "2021-06-30"}, // a text that opens with 前
	}
	for _, tt := range tests {
		d, _, _, _ := FindDeadline(NormalizeString(tt.text), 2021)
		if got := d.String(); got != tt.want {
			t.Errorf("FindDeadline(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestParseAssignment(t *testing.T) {
	tests := []struct {
		name, content   string
		units, lead     []string
		deadline, raw   string // raw: the deadline as printed, when given
		notAnAssignment bool
	}{
		{name: "lead and generic tail", content: "市卫健委牵头,各级各部门按职责分工负责",
			units: []string{"市卫健委", "各级各部门"}, lead: []string{"市卫健委"}, deadline: "none"},
		{name: "等部门 tail", content: "市商务局、民政局、建设局、卫健委、住房局等部门按职责分工负责",
			units: []string{"市商务局", "民政局", "建设局", "卫健委", "住房局"}, deadline: "none"},
		{name: "nested parentheses and 及", content: "市大数据委、卫健委及各县（市）区人民政府分工负责，2022年底前完成",
			units: []string{"市大数据委", "卫健委", "各县（市）区人民政府"}, deadline: "2022-12-31"},
		{name: "two leads", content: "市大数据委、卫健委牵头，交通运输局等部门分工负责，2021年10月底前完成",
			units: []string{"市大数据委", "卫健委", "交通运输局"}, lead: []string{"市大数据委", "卫健委"}, deadline: "2021-10-31"},
		{name: "等相关部门及", content: "市应急局、市场监管局等相关部门及各县（市）区人民政府分工负责，2022 年底前完成",
			units: []string{"市应急局", "市场监管局", "各县（市）区人民政府"}, deadline: "2022-12-31"},
		{name: "trailing 、", content: "市教育局、市老年大学、市卫健委、分工负责，2022年前完成",
			units: []string{"市教育局", "市老年大学", "市卫健委"}, deadline: "2021-12-31"},
		{name: "deadline only", content: "2021年底前完成", deadline: "2021-12-31"},
		{name: "the document's year", content: "市民政局,年内完成", units: []string{"市民政局"}, deadline: "2021-12-31"},
		{name: "ongoing", content: "市民政局牵头,长期坚持", units: []string{"市民政局"}, lead: []string{"市民政局"}, deadline: "ongoing"},
		{name: "常态化", content: "市民政局,常态化推进", units: []string{"市民政局"}, deadline: "ongoing"},
		{name: "由…牵头, as printed", content: "由市衛健委牵头", units: []string{"市衛健委"}, lead: []string{"市衛健委"}, deadline: "none"},
		{name: "（牵头） after a name, blanks", content: "市衛健委（牵头）、 市民政局", units: []string{"市衛健委", "市民政局"}, lead: []string{"市衛健委"}, deadline: "none"},
		{name: "leading blanks, as printed", content: "  市衛健委、市民政局配合，2021年6月底前完成", units: []string{"市衛健委", "市民政局"}, deadline: "2021-06-30"},
		{name: "units and a deadline without a comma", content: "市民政局配合2022年底前完成", units: []string{"市民政局"}, deadline: "2022-12-31"},
		{name: "generic words and a deadline", content: "配合，2021年底前完成", deadline: "2021-12-31"},
		{name: "a date in the unit's parenthesis", content: "县卫健局（2021年底前）", units: []string{"县卫健局"}, deadline: "2021-12-31", raw: "2021年底前"},
		{name: "牵头 and a date in the parenthesis, after another unit", content: "县民政局、县卫健局（牵头，2021年6月底前完成）", units: []string{"县民政局", "县卫健局"}, lead: []string{"县卫健局"}, deadline: "2021-06-30", raw: "2021年6月底前完成"},
		{name: "ongoing in the parenthesis of a name with its own", content: "各乡（镇）人民政府（长期坚持）", units: []string{"各乡（镇）人民政府"}, deadline: "ongoing", raw: "长期坚持"},
		{name: "a parenthesis that is part of the name", content: "县卫健局（县老龄办）", units: []string{"县卫健局（县老龄办）"}, deadline: "none"},
		{name: "a partner and a date in the parenthesis", content: "县交通局、县卫健局（县民政局、县医保局配合，2021年底前）", units: []string{"县交通局", "县卫健局", "县民政局", "县医保局"}, deadline: "2021-12-31", raw: "2021年底前"},
		{name: "a year in a name's parenthesis", content: "县卫健局（2021年版）", units: []string{"县卫健局（2021年版）"}, deadline: "none"},
		{name: "a remark", content: "国家或省里有新的统一规定的从其规定执行", notAnAssignment: true},
		{name: "a place", content: "街道", notAnAssignment: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := ParseAssignment(NormalizeString(tt.content), tt.content, 2021)
			if ok == tt.notAnAssignment {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if !slices.Equal(a.Units, tt.units) {
				t.Errorf("units = %q, want %q", a.Units, tt.units)
			}
			if !slices.Equal(a.Lead, tt.lead) {
				t.Errorf("lead = %q, want %q", a.Lead, tt.lead)
			}
			if a.Deadline.String() != tt.deadline {
				t.Errorf("deadline = %s, want %s", a.Deadline, tt.deadline)
			}
			if tt.raw != "" && a.Deadline.Raw != tt.raw {
				t.Errorf("deadline as printed = %q, want %q", a.Deadline.Raw, tt.raw)
			}
		})
	}
}

// TestAssignmentLimits: a units parenthesis is read up to 300 characters
// and a unit's name up to 24; longer, they are a remark, not an assignment.
func TestAssignmentLimits(t *testing.T) {
	tests := []struct {
		content string
		units   int
	}{
		{strings.Repeat("市民政局、", 60), 60},             // 300 characters
		{strings.Repeat("市民政局、", 60) + "市", 0},        // 301
		{"市" + strings.Repeat("老", 22) + "局", 1},      // a 24-character name
		{"市" + strings.Repeat("老", 23) + "局", 0},      // 25
		{"市民政局、市" + strings.Repeat("老", 23) + "局", 0}, // one name too long spoils the list
	}
	for _, tt := range tests {
		a, ok := ParseAssignment(NormalizeString(tt.content), tt.content, 2021)
		if ok != (tt.units > 0) || len(a.Units) != tt.units {
			t.Errorf("ParseAssignment(%d characters) = %d units, %v; want %d", utf8.RuneCountInString(tt.content), len(a.Units), ok, tt.units)
		}
	}
}

func TestSubjectUnits(t *testing.T) {
	tests := []struct {
		text        string
		units, lead []string
	}{
		{"加强组织领导。建立省发展改革委、省卫生健康委牵头，省直各有关部门参加的部门联席会议机制。各地区、各部门要进一步提高认识。",
			[]string{"省发展改革委", "省卫生健康委", "省直各有关部门", "各地区", "各部门"}, []string{"省发展改革委", "省卫生健康委"}},
		{"加強組織領導。各級民政部門要高度重視", []string{"各級民政部門"}, nil}, // names as printed
		{"各级老年大学增设老年人智能技术教育。养老机构要为入住老年人提供协助。", nil, nil},
		// a body joins only the sentence of its subject
		{"市民政局要建立工作台账。同时，县卫健局配合开展排查。", []string{"市民政局"}, nil},
		{"市民政局要建立工作台账，县卫健局配合。", []string{"市民政局", "县卫健局"}, nil},
		{"市民政局要建立工作台账，团委配合开展志愿服务。", []string{"市民政局", "团委"}, nil},  // a two-letter body
		{"各地加强宣传，县卫健局配合。市财政局要保障经费。", []string{"市财政局"}, nil},       // a joiner without a subject
		{"一是县交通局要开通绿色通道。", []string{"县交通局"}, nil},                 // after an enumerator
		{"建立由市民政局牵头的联席会议机制。", []string{"市民政局"}, []string{"市民政局"}}, // a mechanism set up under a lead
		{"加强宣传， 市衛健委、市民政局要建立台賬。", []string{"市衛健委", "市民政局"}, nil},  // as printed, after a comma and a blank
		{"市民政局要会同市财政局、市卫健委制定方案。", []string{"市民政局", "市财政局", "市卫健委"}, nil},
		{"市民政局要会同县委网信办制定方案。", []string{"市民政局", "县委网信办"}, nil}, // a party committee's office
		{"市民政局要会同市委宣传部开展宣传。", []string{"市民政局", "市委宣传部"}, nil},
		{"市民政局要建立台账；各地加强宣传，县卫健局配合。", []string{"市民政局"}, nil},            // ； ends the subject's clause
		{"市民政局要建立台账\n各地加强宣传，县卫健局配合。", []string{"市民政局"}, nil},           // and so does a line break
		{"，市民政局要建立台账。", []string{"市民政局"}, nil},                         // a stray stop before the subject
		{"加强宣传；市民政局要建立台账。", []string{"市民政局"}, nil},                     // a subject after ；
		{"市民政局要建立工作台账，县卫健局配合；各地要加强宣传。", []string{"市民政局", "县卫健局"}, nil}, // a joiner just before ；
		{"县卫健局配合，市民政局负责。", []string{"县卫健局", "市民政局"}, nil},              // a joiner that opens the clause
		{"市民政局要建立工作台账， 县卫健局配合。", []string{"市民政局", "县卫健局"}, nil},        // a blank after the comma
		{"市衛健委、 市民政局要建立台賬。", []string{"市衛健委", "市民政局"}, nil},            // a blank after 、, as printed
		{"建立由 市民政局牵头的联席会议机制。", []string{"市民政局"}, []string{"市民政局"}},     // a blank after 由
		{"联合市公安局开展专项整治，市市场监管局负责。", []string{"市公安局", "市市场监管局"}, nil},    // a partner that opens the clause
		{"市民政局要会同团市委宣传部开展志愿服务。", []string{"市民政局", "团市委宣传部"}, nil},      // a league committee's department
		// a subject with its 建立由 is at most 30 characters (90 bytes) long
		{"建立由市民政局、市卫健委、市教育局、市财政局、市人社局、团委牵头的工作机制。",
			[]string{"市民政局", "市卫健委", "市教育局", "市财政局", "市人社局", "团委"}, []string{"市民政局", "市卫健委", "市教育局", "市财政局", "市人社局", "团委"}},
		{"建立由市民政局、市卫健委、市教育局、市财政局、市人社局、团市委牵头的工作机制。", nil, nil},
	}
	name34 := "市" + strings.Repeat("老", 32) + "局"
	tests = append(tests, []struct {
		text        string
		units, lead []string
	}{
		{"市民政局要建立台账，" + name34 + "配合。", []string{"市民政局", name34}, nil}, // a body's name is 2 to 34 letters
		{"市民政局要建立台账，市老" + name34[3:] + "配合。", []string{"市民政局"}, nil},
	}...)
	for _, tt := range tests {
		units, lead := SubjectUnits(NormalizeString(tt.text), tt.text, "")
		if !slices.Equal(units, tt.units) || !slices.Equal(lead, tt.lead) {
			t.Errorf("SubjectUnits(%q) = %q, %q; want %q, %q", tt.text, units, lead, tt.units, tt.lead)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"民政部辦公廳關於落實", "民政部办公厅关于落实"},
		{"頭髮乾燥", "头发干燥"},
		{"理髮後來瞭解著作", "理发后来了解著作"},
		{"「兩節」", "“两节”"},
		{"（一）２０２１年１０月", "(一)2021年10月"},
		{"已是简体", "已是简体"},
		{"陰沈沈", "阴沉沉"},                       // the longest phrase wins (陰沈 alone gives 阴沉沈)
		{"！～｟＀　", "!~｟＀ "},                   // full-width ASCII is U+FF01–U+FF5E
		{"a\x80b\xe4\xb8", "a\x80b\xe4\xb8"}, // invalid bytes copied as they are
	}
	for _, tt := range tests {
		got := NormalizeString(tt.in)
		if got != tt.want {
			t.Errorf("NormalizeString(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len([]rune(got)) != len([]rune(tt.in)) {
			t.Errorf("NormalizeString(%q) changed the rune count", tt.in)
		}
	}
}

// TestMeasureTexts: what the matcher reads of a measure (MatchText) is its
// text without its units parenthesis, or a table row's own words; Body and
// Printed give the same words as printed.
func TestMeasureTexts(t *testing.T) {
	text := "保留現場號源。（市衛健委負責）"
	m := Measure{Text: text, Norm: NormalizeString(text), Assignment: "（市衛健委負責）"}
	plain := Measure{Text: "保留現場號源。", Norm: NormalizeString("保留現場號源。")}
	row := Measure{Text: "1\t保留號源\t市衛健委", Norm: NormalizeString("1\t保留號源\t市衛健委"), Clean: "保留号源", CleanAt: []int{2, 3, 4, 5}}
	for _, c := range []struct {
		m                Measure
		match, body, cue string
	}{
		{m, "保留现场号源。", "保留現場號源。", "現場"},
		{plain, "保留现场号源。", "保留現場號源。", "現場"},
		{row, "保留号源", "保留號源", "號源"},
	} {
		if got := c.m.MatchText(); got != c.match {
			t.Errorf("MatchText(%q) = %q, want %q", c.m.Text, got, c.match)
		}
		if got := c.m.Body(); got != c.body {
			t.Errorf("Body(%q) = %q, want %q", c.m.Text, got, c.body)
		}
		if got := c.m.Printed(2, 2); got != c.cue {
			t.Errorf("Printed(%q, 2, 2) = %q, want %q", c.m.Text, got, c.cue)
		}
	}
	// a measure that is its units parenthesis only has no words of its own
	only := Measure{Text: "（市衛健委負責）", Norm: NormalizeString("（市衛健委負責）"), Assignment: "（市衛健委負責）"}
	if got := only.MatchText(); got != "" {
		t.Errorf("MatchText of a parenthesis alone = %q", got)
	}
	if got := only.Body(); got != "" {
		t.Errorf("Body of a parenthesis alone = %q", got)
	}
	// a row's offsets map through CleanAt, from its first rune; outside it
	// they are left as they are
	for at, want := range map[int]int{0: 2, 3: 5, 4: 4, -1: -1} {
		if got := row.TextOffset(at); got != want {
			t.Errorf("TextOffset(%d) = %d, want %d", at, got, want)
		}
	}
	for _, c := range []struct {
		at, n int
		want  string
	}{{0, 1, "保"}, {0, 4, "保留號源"}, {1, 0, ""}, {-2, 1, ""}, {3, -1, ""}} {
		if got := row.Printed(c.at, c.n); got != c.want {
			t.Errorf("Printed(%d, %d) = %q, want %q", c.at, c.n, got, c.want)
		}
	}
	if got := plain.Printed(0, 2); got != "保留" {
		t.Errorf("Printed(0, 2) = %q, want 保留", got)
	}
}

// TestNormalizeInternals: the three-byte decoder refuses what UTF-8 does
// (overlong forms, surrogates, a cut sequence); a source is refused for
// invalid UTF-8; indexText finds what strings.Index finds.
func TestNormalizeInternals(t *testing.T) {
	for _, c := range []struct {
		s    string
		r    rune
		size int
	}{
		{"中", '中', 3}, {"\xe0\xa0\x80", 0x800, 3}, {"\xe0\x9f\xbf", 0, 0}, {"\xed\xa0\x80", 0, 0},
		{"\xed\x9f\xbf", 0xD7FF, 3}, {"\xee\x80\x80", 0xE000, 3}, {"\xe4\xb8", 0, 0}, {"ab", 0, 0},
	} {
		if r, size := decode3(c.s); r != c.r || size != c.size {
			t.Errorf("decode3(%q) = %U %d, want %U %d", c.s, r, size, c.r, c.size)
		}
	}
	for _, bad := range []string{"a\x80b", "a\xffb", "中\xe4\xb8"} {
		if _, ok := normalize(bad, new(source)); ok {
			t.Errorf("normalize(%q) with its tables: ok, want refused", bad)
		}
	}
	for _, c := range []struct{ s, sub string }{
		{"ab", "b"}, {"ab", "a"}, {"中文中文", "文"}, {"中文", "中文"}, {"中", "中文"}, {"中文", "英"}, {"中文", ""}, {"", "a"},
	} {
		if got, want := indexText(c.s, c.sub), strings.Index(c.s, c.sub); got != want {
			t.Errorf("indexText(%q, %q) = %d, want %d", c.s, c.sub, got, want)
		}
	}
}
