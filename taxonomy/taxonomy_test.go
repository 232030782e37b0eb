package taxonomy

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

func TestDefaultTaxonomy(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(tax.Areas) != 8 || len(tax.Tasks) != 25 || len(tax.Milestones) != 3 {
		t.Fatalf("%d areas, %d tasks, %d milestones; want 8 (A1-A7, S), 25 (T01-T20, S1-S5), 3",
			len(tax.Areas), len(tax.Tasks), len(tax.Milestones))
	}
	for _, task := range tax.Tasks {
		if len(task.Provisions) == 0 {
			t.Errorf("%s has no provisions", task.ID)
		}
		if tax.Milestone(task.Milestone) == nil {
			t.Errorf("%s has no reference milestone", task.ID)
		}
	}
	if tax.Task("T07").Title != "提供多渠道挂号等就诊服务" || tax.Task("T99") != nil {
		t.Error("Task lookup")
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"bad yaml", "name: x\ntasks: [\n", []string{"line 2: did not find expected node content"}},
		{"unknown keys", `name: x
colour: red
areas:
  - id: A1
    title: t
    flavour: sweet
`, []string{"line 2: field colour not found", "line 6: field flavour not found"}},
		{"references and ids", `name: x
milestones:
  - id: M1
    date: 2021-13-01
areas:
  - id: A1
    title: area
tasks:
  - id: T01
    area: A1
    title: one
    milestone: M1
    terms: {码: 1}
    provisions:
      - id: T01.1
        terms: [a]
  - id: T01
    area: A9
    title: two
    milestone: M7
    terms: {x: 9}
    provisions:
      - id: T02.1
        terms: []
`, []string{
			`line 3: milestone M1: date "2021-13-01" is not YYYY-MM-DD`,
			`line 17: task id "T01" is used twice`,
			`line 17: task T01 names area "A9", which is not defined`,
			`line 17: task T01 names milestone "M7", which is not defined`,
			`line 17: task T01: term "x" has weight 9`,
			`line 23: provision T02.1 is listed under task T01`,
			`line 23: provision T02.1 has no terms`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.HasPrefix(err.Error(), "bad.yaml: ") {
				t.Errorf("error does not name the file: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestAutomaton(t *testing.T) {
	a := newAutomaton([]string{"he", "she", "his", "hers", "健康码", "康码", "码"})
	type hit struct {
		p, at int
	}
	var got []hit
	a.scan("ushers 健康码", func(p, at int) { got = append(got, hit{p, at}) })
	want := []hit{{1, 1}, {0, 2}, {3, 2}, {4, 7}, {5, 8}, {6, 9}}
	slices.SortFunc(got, func(x, y hit) int { return x.at*10 + x.p - y.at*10 - y.p })
	slices.SortFunc(want, func(x, y hit) int { return x.at*10 + x.p - y.at*10 - y.p })
	if !slices.Equal(got, want) {
		t.Errorf("hits %v, want %v", got, want)
	}
}

func TestMatchEvidence(t *testing.T) {
	tax, _ := Default()
	m := NewMatcher(tax)
	text := "提供便利化就诊服务。医疗机构应提供一定比例的现场号源，完善电话、网络、现场等多种预约挂号方式。"
	got := m.Match(Input{Title: "提供便利化就诊服务", Text: text, Headings: []string{"三、便利老年人日常就医"}})
	if len(got.Tasks) == 0 || got.Tasks[0].ID != "T07" {
		t.Fatalf("tasks %+v", got.Tasks)
	}
	if got.Area != "A3" {
		t.Errorf("section area %q, want A3", got.Area)
	}
	if !slices.Contains(got.Provisions, "T07.3") || !slices.Contains(got.Provisions, "T07.1") {
		t.Errorf("provisions %v", got.Provisions)
	}
	var at int = -1
	for _, h := range got.Hits {
		if h.Term == "现场号源" {
			at = h.At
		}
	}
	if at < 0 || string([]rune(text)[at:at+4]) != "现场号源" {
		t.Errorf("现场号源 found at %d", at)
	}
	if !slices.Contains(got.Tasks[0].Evidence, "现场号源") {
		t.Errorf("evidence %v", got.Tasks[0].Evidence)
	}
}

func TestMatchUnmappedAndGoals(t *testing.T) {
	tax, _ := Default()
	m := NewMatcher(tax)
	if got := m.Match(Input{Text: "全面贯彻落实党的十九大精神。"}); len(got.Tasks) != 0 || got.Reason == "" {
		t.Errorf("a measure with no task's terms: %+v", got)
	}
	if got := m.Match(Input{Text: "到2021年底前，推动老年人享受智能化服务，保留现场号源。", Goal: true}); len(got.Tasks) != 0 {
		t.Errorf("a goal was mapped: %+v", got.Tasks)
	}
}

func TestMatchTwoTasks(t *testing.T) {
	tax, _ := Default()
	m := NewMatcher(tax)
	text := "保障居家老年人基本服务需求。提供生活用品代购、餐饮外卖、家政预约、代收代缴等服务。做细做实老年人家庭医生签约服务，提供健康监测、药品配送、慢性病随访等健康管理服务。"
	got := m.Match(Input{Title: "保障居家老年人基本服务需求", Text: text})
	var ids []string
	for _, tm := range got.Tasks {
		ids = append(ids, tm.ID)
	}
	if !slices.Equal(ids, []string{"T02", "T09"}) {
		t.Errorf("tasks %v, want T02 then T09", ids)
	}
}

// One matcher serves every core, each call in scratch of its own: matching
// the same measures on several goroutines at once gives what matching them
// one by one gives (.ci/run also runs it under -race).
func TestMatchConcurrent(t *testing.T) {
	tax, _ := Default()
	m := NewMatcher(tax)
	var in []Input
	for _, task := range tax.Tasks { // measures worded like each task, with its provisions' terms
		text := task.Title + "。"
		for _, p := range task.Provisions {
			text += strings.Join(p.Terms, "、") + "。"
		}
		in = append(in, Input{Title: task.Title, Text: text})
	}
	want := make([]Match, len(in))
	for i, x := range in {
		want[i] = m.Match(x)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for round := range 20 {
				for i := range in {
					k := (i + round) % len(in)
					if got := m.Match(in[k]); !reflect.DeepEqual(got, want[k]) {
						t.Errorf("%s: concurrent match %+v, alone %+v", tax.Tasks[k].ID, got.Tasks, want[k].Tasks)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	for i, w := range want {
		if len(w.Tasks) == 0 || w.Tasks[0].ID != tax.Tasks[i].ID {
			t.Errorf("%s worded as itself maps to %+v", tax.Tasks[i].ID, w.Tasks)
		}
	}
}

// Every area, task and provision of the default taxonomy has an English
// label without a Chinese character: the English outputs print them.
func TestEnglishLabels(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	han := func(s string) bool {
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				return true
			}
		}
		return false
	}
	n := 0
	check := func(id, en string) {
		n++
		if en == "" || han(en) {
			t.Errorf("%s: English label %q", id, en)
		}
	}
	for _, a := range tax.Areas {
		check(a.ID, a.En)
	}
	for _, task := range tax.Tasks {
		check(task.ID, task.En)
		for _, p := range task.Provisions {
			check(p.ID, p.En)
		}
	}
	if n != 8+25+89 {
		t.Errorf("%d labels checked, want 122", n)
	}
}
