package reports_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"policygap/compare"
	. "policygap/reports"
	"policygap/reports/reportstest"
	"policygap/taxonomy"
)

func seedResults(t testing.TB) (*Results, *taxonomy.Taxonomy) {
	return reportstest.Seeds(t, reportstest.Options{})
}

func TestBrief(t *testing.T) {
	res, tax := seedResults(t)
	for _, lang := range []Lang{Chinese, English} {
		b := NewBrief(res, "厦门市", tax, lang)
		if b == nil || b.Region.Name != "厦门市" || len(b.Docs) != 1 || len(b.Areas) != 8 {
			t.Fatalf("%s brief: %+v", lang, b)
		}
		if len(b.Headline) != 4 || len(b.Gaps) == 0 || b.Gaps[0].Peer == nil {
			t.Errorf("%s: headline %q, gaps %+v", lang, b.Headline, b.Gaps)
		}
		if !strings.Contains(strings.Join(b.Method, " "), res.Manifest.Hash) {
			t.Errorf("%s: the method note does not give the manifest hash", lang)
		}
		if len(b.Deadlines) == 0 || b.DeadlineSum[compare.GapMissing] != 24 {
			t.Errorf("%s: deadlines %v", lang, b.DeadlineSum)
		}
	}
	zh, en := NewBrief(res, "厦门市", tax, Chinese), NewBrief(res, "厦门市", tax, English)
	if !strings.Contains(zh.Headline[0], "综合指数") || !strings.Contains(en.Headline[0], "Overall index") ||
		zh.Areas[1].Title != "交通出行" || en.Areas[1].Title != "Daily transport" {
		t.Errorf("languages: %q / %q, %q / %q", zh.Headline[0], en.Headline[0], zh.Areas[1].Title, en.Areas[1].Title)
	}
	if NewBrief(res, "某县", tax, Chinese) != nil {
		t.Error("a brief for a region not in the run")
	}
}

func TestOverviewAndLedger(t *testing.T) {
	res, tax := seedResults(t)
	o := NewOverview(res, tax, Chinese)
	if len(o.Matrix) != 5 || len(o.Matrix[0]) != 25 || len(o.AreaMatrix[0]) != 8 {
		t.Fatalf("matrix %dx%d", len(o.Matrix), len(o.Matrix[0]))
	}
	for i := 1; i < len(o.Timeline); i++ {
		if o.Timeline[i-1].Month >= o.Timeline[i].Month {
			t.Fatalf("timeline out of order at %d", i)
		}
	}
	if len(o.Gaps) == 0 || len(o.Gaps[0].MissingIn) < len(o.Gaps[len(o.Gaps)-1].MissingIn) {
		t.Errorf("shared gaps not ranked: %+v", o.Gaps)
	}
	cell := o.Matrix[0][6] // 厦门市 T07
	if len(cell.Measures) != 1 || len(cell.Covered) != 5 || cell.Level != "full" {
		t.Errorf("厦门市 T07 cell: %+v", cell)
	}
	rows := NewLedger(res, Chinese)
	if len(rows) != len(res.Measures) {
		t.Fatalf("ledger has %d rows for %d measures", len(rows), len(res.Measures))
	}
	overdue := 0
	for _, r := range rows {
		if r.Overdue {
			overdue++
		}
	}
	if overdue == 0 {
		t.Error("no overdue row as of 2022-06-30")
	}
}

// TestRecordJSON: the hand-written encoding gives the bytes encoding/json
// gives, for every seed record and for text that needs escaping.
func TestRecordJSON(t *testing.T) {
	res, _ := seedResults(t)
	recs := append([]MeasureRecord{}, res.Measures...)
	odd := recs[0]
	odd.Text = "引号\"反斜杠\\ 换行\n制表\t回车\r \x01 \b \f \x7f \u2028 \xe0\x80\x80 \xed\xa0\x80 \xe4\xbd 截断 \xf0\x9f\x98\x80 \u00e9 \u2029 <html> & \xff 结束"
	odd.Goal, odd.Plan = true, "p"
	odd.Progress = &compare.Progress{Status: compare.StatusDone}
	recs = append(recs, odd)
	type plain MeasureRecord // no MarshalJSON: encoding/json reflects
	for i, r := range recs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(plain(r))
		got := string(r.AppendJSON(nil)) + "\n"
		if got != want.String() {
			t.Fatalf("record %d:\n got  %s\n want %s", i, got, want.String())
		}
	}
}

// The tree: tops in the run's order (a province known from its cities alone
// after them), each region's regions below it, depth first; a loop of
// parents is listed once.
func TestTree(t *testing.T) {
	o := &Overview{
		Regions: []compare.RegionResult{{Name: "乙市", Level: "city", Parent: "甲省"}, {Name: "丙县", Level: "county", Parent: "乙市"}, {Name: "丁部", Level: "national"},
			{Name: "戊市", Level: "city", Parent: "甲省"}, {Name: "己市", Level: "city", Parent: "庚市"}, {Name: "庚市", Level: "city", Parent: "己市"}},
		RollUps: []compare.RollUp{{Region: "甲省", Below: []string{"乙市", "丙县", "戊市"}}, {Region: "乙市", Below: []string{"丙县"}},
			{Region: "庚市", Below: []string{"己市"}}, {Region: "己市", Below: []string{"庚市"}}},
	}
	var got []string
	for _, n := range o.Tree() {
		got = append(got, fmt.Sprintf("%s %s %d %d %d", n.Name, n.Level, n.Depth, n.Region, n.RollUp))
	}
	want := []string{"甲省 province 0 -1 0", "乙市 city 1 0 1", "丙县 county 2 1 -1", "戊市 city 1 3 -1", "丁部 national 0 2 -1", "己市 city 0 4 3", "庚市 city 1 5 2"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("tree:\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(want, "; "))
	}
}

// Why a measure maps to no task, in the outputs' language; results.json
// keeps the record's English reason.
func TestWhyInTheLanguage(t *testing.T) {
	for _, c := range []struct{ reason, zh string }{
		{"a goal statement, not a measure to map", "工作目标表述，不是具体措施"},
		{"no task's terms found", "未见任何国家任务的关键词"},
		{"rejected by 李四: a fragment of row 11", "审核人李四否决：a fragment of row 11"},
		{"something new", "something new"},
	} {
		if got := Chinese.Why(c.reason); got != c.zh {
			t.Errorf("Why(%q) = %q, want %q", c.reason, got, c.zh)
		}
		if got := English.Why(c.reason); got != c.reason {
			t.Errorf("English: %q", got)
		}
	}
}

// TestBriefStrength: 重庆市's measures by level and what they lack add up
// to its 58 measures; its one weak task (T13) cites the two encouraging
// measures behind it; the vague measures come fewest points first, each
// lacking a lead, a deadline or a target; the headline says it.
func TestBriefStrength(t *testing.T) {
	res, tax := seedResults(t)
	b := NewBrief(res, "重庆市", tax, Chinese)
	st := b.Strength
	if st.Levels != [4]int{0, 9, 47, 2} || st.Actionable != 5 {
		t.Errorf("levels %v (descriptive first), actionable %d; want [0 9 47 2], 5", st.Levels, st.Actionable)
	}
	lacks := map[string]int{}
	for _, c := range st.Lacks {
		lacks[c.Label] = c.Count
	}
	if lacks["牵头单位"] != 45 || lacks["完成时限"] != 22 || lacks["量化目标"] != 58 || lacks["约束性表述"] != 9 {
		t.Errorf("lacks %v", lacks)
	}
	if len(st.Weak) != 1 || st.Weak[0].Task != "T13" || st.Weak[0].Strength != "鼓励性" || len(st.Weak[0].Measures) != 2 ||
		st.Weak[0].Measures[0].ID != "44" || st.Weak[0].Measures[1].ID != "47" {
		t.Errorf("weak tasks %+v", st.Weak)
	}
	if st.VagueTotal != 58 || len(st.Vague) != 8 || st.Vague[0].Score != 0 || st.Vague[0].ID != "44" {
		t.Fatalf("vague: %d in all, %d shown, first %+v", st.VagueTotal, len(st.Vague), st.Vague[0])
	}
	for i, v := range st.Vague {
		if i > 0 && v.Score < st.Vague[i-1].Score {
			t.Errorf("vague measures not fewest points first: %d after %d", v.Score, st.Vague[i-1].Score)
		}
		if len(v.Lacks) == 0 || len(v.Lacks) != 4-v.Score {
			t.Errorf("#%s: score %d lacks %v", v.ID, v.Score, v.Lacks)
		}
	}
	if want := "可操作措施 5 项（共 58 项，可操作性 3 分以上）；约束力弱的任务 1 项。"; b.Headline[3] != want {
		t.Errorf("headline %q, want %q", b.Headline[3], want)
	}
	if en := NewBrief(res, "重庆市", tax, English); en.Strength.Weak[0].Strength != "encouraging" ||
		en.Headline[3] != "5 of the 58 measures actionable (3 points or more); weak tasks: 1." {
		t.Errorf("English: %q %q", en.Strength.Weak[0].Strength, en.Headline[3])
	}
}
