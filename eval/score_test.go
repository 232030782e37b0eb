package eval

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"policygap/compare"
	"policygap/regions"
	"policygap/strength"
	"policygap/taxonomy"
)

func mappedAs(doc, id, text string, tasks ...string) compare.Mapped {
	m := compare.Mapped{Measure: regions.Measure{Doc: doc, ID: id, Text: text}}
	for _, t := range tasks {
		m.Match.Tasks = append(m.Match.Tasks, taxonomy.TaskMatch{ID: t})
	}
	return m
}

// TestScoreMappingCounts: per task, what was predicted anywhere in the
// list, what gold holds, and both; per document, correct over gold; the
// misses in document and id order, unfound ones included.
func TestScoreMappingCounts(t *testing.T) {
	gold := []GoldMeasure{
		{Doc: "b.txt", ID: "2", Start: "乙项", Tasks: []string{"T02"}},
		{Doc: "a.txt", ID: "1", Start: "甲项", Tasks: []string{"T01", "T03"}},
		{Doc: "a.txt", ID: "3", Start: "丙项", Tasks: nil}, // NONE
		{Doc: "a.txt", ID: "2", Start: "丁项", Tasks: []string{"T04"}},
		{Doc: "b.txt", ID: "1", Start: "戊项", Tasks: []string{"T05"}},
	}
	mapped := []compare.Mapped{
		mappedAs("sub/a.txt", "x", "甲项内容", "T03", "T01", "T09"), // right, not top-1; a path below the folder
		mappedAs("a.txt", "y", "丙项内容"),                          // NONE, right
		mappedAs("a.txt", "z", "丁项内容", "T05"),                   // wrong
		mappedAs("b.txt", "w", "乙项内容", "T02"),                   // right
		// b.txt#1 (戊项) is not found
	}
	s := ScoreMapping(mapped, gold)
	if s.Gold != 5 || s.Found != 4 || s.Correct != 3 || s.Top1 != 2 {
		t.Errorf("gold %d found %d correct %d top1 %d; want 5 4 3 2", s.Gold, s.Found, s.Correct, s.Top1)
	}
	if s.Accuracy() != 0.6 {
		t.Errorf("accuracy %.3f, want 0.6", s.Accuracy())
	}
	want := map[string]TaskPR{"T01": {1, 1, 1}, "T03": {1, 1, 1}, "T09": {1, 0, 0}, "NONE": {1, 1, 1}, "T04": {0, 1, 0}, "T05": {1, 0, 0}, "T02": {1, 1, 1}}
	for id, w := range want {
		if p := s.PerTask[id]; p == nil || *p != w {
			t.Errorf("%s: %+v, want %+v", id, p, w)
		}
	}
	if len(s.PerTask) != len(want) || !slices.Equal(s.Tasks(), []string{"NONE", "T01", "T02", "T03", "T04", "T05", "T09"}) {
		t.Errorf("tasks %v", s.Tasks())
	}
	if p := s.PerTask["T09"]; p.Precision() != 0 || s.PerTask["T01"].Recall() != 1 {
		t.Errorf("precision and recall of T09 %.2f, T01 %.2f", p.Precision(), s.PerTask["T01"].Recall())
	}
	if s.PerDoc["a.txt"] != [2]int{2, 3} || s.PerDoc["b.txt"] != [2]int{1, 2} {
		t.Errorf("per document %v", s.PerDoc)
	}
	var misses []string
	for _, w := range s.Wrong {
		misses = append(misses, w.Doc+"#"+w.GoldID+":"+strings.Join(w.Got, ","))
	}
	if !slices.Equal(misses, []string{"a.txt#2:T05", "b.txt#1:"}) {
		t.Errorf("misses %v", misses)
	}
}

// TestAlignment: a predicted measure that holds two gold openings holds
// neither cleanly; one that holds none counts against precision.
func TestAlignment(t *testing.T) {
	gold := []GoldMeasure{{Doc: "a.txt", Start: "甲项"}, {Doc: "a.txt", Start: "乙项"}, {Doc: "a.txt", Start: "丙项"}}
	ms := []regions.Measure{{Doc: "a.txt", Text: "甲项。乙项。"}, {Doc: "a.txt", Text: "丙 项"}, {Doc: "a.txt", Text: "无关"}}
	a := Align(ms, gold)
	if len(a.Found) != 1 || a.Found[2] != 1 || a.PredHit["a.txt"] != 2 || a.Pred["a.txt"] != 3 {
		t.Errorf("found %v, predicted with a gold opening %d of %d", a.Found, a.PredHit["a.txt"], a.Pred["a.txt"])
	}
}

// TestScoreSegmentsOrder: documents sorted by name, the total last.
func TestScoreSegmentsOrder(t *testing.T) {
	gold := []GoldMeasure{{Doc: "c.txt", Start: "甲"}, {Doc: "a.txt", Start: "乙"}, {Doc: "b.txt", Start: "丙"}}
	var docs []string
	for _, s := range ScoreSegments(nil, gold) {
		docs = append(docs, s.Doc)
	}
	if !slices.Equal(docs, []string{"a.txt", "b.txt", "c.txt", "TOTAL"}) {
		t.Errorf("rows %v", docs)
	}
}

// TestLoadGoldProblems: a bad line is named by file and line; blank lines
// are skipped; an empty folder is an error.
func TestLoadGoldProblems(t *testing.T) {
	fsys := fstest.MapFS{"a.jsonl": {Data: []byte("{\"doc\":\"a.txt\",\"id\":\"1\",\"start\":\"甲\"}\n\n{\"doc\":\"a.txt\",\"id\":\"2\",\"start\":\"乙\"}\n")},
		"b.jsonl": {Data: []byte("{\"doc\":\"b.txt\"}\n\nnot json\n")}}
	if _, err := LoadGold(fsys); err == nil || !strings.Contains(err.Error(), "b.jsonl:3:") {
		t.Errorf("error %v, want it to name b.jsonl:3", err)
	}
	delete(fsys, "b.jsonl")
	if gold, err := LoadGold(fsys); err != nil || len(gold) != 2 {
		t.Errorf("%d gold measures, %v", len(gold), err)
	}
	if _, err := LoadGold(fstest.MapFS{}); err == nil {
		t.Error("an empty gold folder is no error")
	}
}

// TestScoreStrengthCounts: level agreement and its confusion, mandatory as a
// class, targets matched on value, unit and overlapping text, each gold
// target used once; a measure not found is not scored.
func TestScoreStrengthCounts(t *testing.T) {
	pct := func(text string, v float64) strength.Target { return strength.Target{Text: text, Value: v, Unit: "%"} }
	gold := []StrengthGold{
		{Doc: "a.txt", ID: "1", Start: "甲项", Level: strength.Mandatory, Targets: []strength.Target{pct("不少于20%", 20)}},
		{Doc: "a.txt", ID: "2", Start: "乙项", Level: strength.Directive, Targets: []strength.Target{pct("全覆盖", 100), pct("全部保留", 100)}},
		{Doc: "a.txt", ID: "3", Start: "丙项", Level: strength.Encouraging},
		{Doc: "a.txt", ID: "4", Start: "丁项", Level: strength.Mandatory},
		{Doc: "b.txt", ID: "1", Start: "未见", Level: strength.Mandatory},
	}
	with := func(id, text string, l strength.Level, ts ...strength.Target) compare.Mapped {
		m := mappedAs("a.txt", id, text)
		m.Strength = compare.Strength{Level: l, Targets: ts}
		return m
	}
	mapped := []compare.Mapped{
		with("1", "甲项……", strength.Mandatory, pct("20%", 20)),
		with("2", "乙项……", strength.Mandatory, pct("全覆盖", 100), pct("全覆盖", 100), pct("30%", 30)),
		with("3", "丙项……", strength.Encouraging),
		with("4", "丁项……", strength.Directive, strength.Target{Text: "20%", Value: 20, Unit: "个"}),
	}
	s := ScoreStrength(mapped, gold)
	if s.Gold != 5 || s.Found != 4 || s.LevelCorrect != 2 {
		t.Errorf("gold %d found %d correct %d, want 5 4 2", s.Gold, s.Found, s.LevelCorrect)
	}
	if s.Confusion[strength.Directive][strength.Mandatory] != 1 || s.Confusion[strength.Mandatory][strength.Directive] != 1 || s.Confusion[strength.Mandatory][strength.Mandatory] != 1 {
		t.Errorf("confusion %v", s.Confusion)
	}
	if s.Mandatory != (PR{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("mandatory %+v, want 1 1 1", s.Mandatory)
	}
	// 20% overlaps 不少于20%; one 全覆盖 matches, the second has no gold left
	// (全部保留 shares no two runes with it), 30% is spurious; the 个 target has the wrong unit.
	if s.Targets != (PR{TP: 2, FP: 3, FN: 1}) {
		t.Errorf("targets %+v, want tp 2 fp 3 fn 1", s.Targets)
	}
	if got := s.Mandatory.F1(); got != 0.5 {
		t.Errorf("mandatory F1 %v, want 0.5", got)
	}
	if len(s.Wrong) != 2 || s.Wrong[0].ID != "2" || s.Wrong[1].ID != "4" || len(s.Wrong[0].Spurious) != 2 || len(s.Wrong[0].Missed) != 1 {
		t.Errorf("wrong %+v", s.Wrong)
	}
	if (PR{}).F1() != 1 || s.LevelAccuracy() != 0.5 {
		t.Errorf("empty F1 %v, level accuracy %v", (PR{}).F1(), s.LevelAccuracy())
	}
	for _, c := range []struct {
		pr PR
		f1 float64
	}{{PR{FP: 1, FN: 1}, 0}, {PR{TP: 2, FP: 1, FN: 1}, 4.0 / 6}, {PR{TP: 3}, 1}} {
		if got := c.pr.F1(); got != c.f1 {
			t.Errorf("%+v: F1 %v, want %v", c.pr, got, c.f1)
		}
	}
	// the right level with one target missed and one spurious is still wrong
	one := ScoreStrength([]compare.Mapped{with("1", "甲项……", strength.Mandatory, pct("30%", 30))}, gold[:1])
	if len(one.Wrong) != 1 || len(one.Wrong[0].Missed) != 1 || len(one.Wrong[0].Spurious) != 1 {
		t.Errorf("a missed and a spurious target: wrong %+v", one.Wrong)
	}
}

func TestTargetTextsOverlap(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"不少于20%", "20%", true}, {"每年培训5000人次", "培训5000人", true}, {"全覆盖", "不少于", false}, {"全部保留", "全覆盖", false}, {"", "全覆盖", false}} {
		if got := overlaps(c.a, c.b); got != c.want {
			t.Errorf("overlaps(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
