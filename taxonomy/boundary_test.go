package taxonomy

import (
	"slices"
	"strings"
	"testing"
)

// A small taxonomy whose weights make each boundary of the matcher testable.
const boundaryYAML = `name: test
title: t
milestones:
  - {id: M1, date: 2021-12-31, label: m}
areas:
  - {id: A1, title: 出行, short: 出行, en: a, headings: [出行, 交通]}
  - {id: A2, title: 就医, short: 就医, en: b, headings: [就医, 交通]}
tasks:
  - id: T01
    area: A1
    title: 甲
    milestone: M1
    terms: {甲甲: 3}
    names:
      - {ending: 码, weight: 2, max_len: 4, context: [查验]}
    provisions: [{id: T01.1, label: p, terms: [甲丙]}]
  - id: T02
    area: A1
    title: 乙
    milestone: M1
    terms: {乙乙: 3}
    names:
      - {ending: 通, weight: 2, except: [交通]}
    provisions: [{id: T02.1, label: p, terms: [乙丙]}]
  - id: T03
    area: A2
    title: 丙
    milestone: M1
    terms: {丙丙: 3}
    provisions: [{id: T03.1, label: p, terms: [丙丁]}]
  - id: T04
    area: A2
    title: 丁
    milestone: M1
    terms: {丁丁: 3}
    provisions: [{id: T04.1, label: p, terms: [丁戊]}]
`

func boundaryMatcher(t *testing.T) *Matcher {
	t.Helper()
	tax, err := Parse("test.yaml", []byte(boundaryYAML))
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(tax)
}

func taskIDs(m Match) []string {
	var ids []string
	for _, tm := range m.Tasks {
		ids = append(ids, tm.ID)
	}
	return ids
}

func hitTerms(m Match) []string {
	var terms []string
	for _, h := range m.Hits {
		terms = append(terms, h.Term)
	}
	return terms
}

// TestAtMostThreeTasks: four tasks with equal evidence give the first three.
func TestAtMostThreeTasks(t *testing.T) {
	got := boundaryMatcher(t).Match(Input{Text: "甲甲，乙乙，丙丙，丁丁。"})
	if ids := taskIDs(got); !slices.Equal(ids, []string{"T01", "T02", "T03"}) {
		t.Errorf("tasks %v, want the first three of four equal ones", ids)
	}
}

// TestLocalNames: a quoted name counts when it ends as the pattern says, is
// longer than the ending and no longer than max_len, is not excepted, and a
// context word is in the text; a name in the title counts double.
func TestLocalNames(t *testing.T) {
	m := boundaryMatcher(t)
	for _, c := range []struct {
		title, text string
		hits        []string
		score       float64 // T01's or T02's score as reported
	}{
		{"", "查验“码”。", nil, 0},                     // the ending alone is no name
		{"", "查验“一二三码”。", []string{"一二三码"}, 0.33},  // 4 runes: max_len
		{"", "查验“一二三四码”。", nil, 0},                 // 5 runes: too long
		{"", "出示“岭码”。", nil, 0},                    // no context word
		{"", "“”查验“岭码”。", []string{"岭码"}, 0.33},    // an empty quote first
		{"“岭码”查验", "“岭码”查验。", []string{"岭码"}, 0.5}, // in the title: 2×2
		{"查验“", "查验“岭码”。", []string{"岭码"}, 0.33},   // starts just after the title
		{"", "办理“岭通”事项。", []string{"岭通"}, 0.33},    // no context needed
		{"", "便利“交通”。", nil, 0},                    // excepted
	} {
		got := m.Match(Input{Title: c.title, Text: c.text})
		if hits := hitTerms(got); !slices.Equal(hits, c.hits) {
			t.Errorf("%s: hits %v, want %v", c.text, hits, c.hits)
		}
		score := 0.0
		if len(got.Tasks) > 0 {
			score = got.Tasks[0].Score
		}
		if score != c.score {
			t.Errorf("%s: score %.2f, want %.2f", c.text, score, c.score)
		}
	}
}

// TestSectionAreaTie: a heading naming two areas equally gives the first.
func TestSectionAreaTie(t *testing.T) {
	m := boundaryMatcher(t)
	if got := m.Match(Input{Text: "甲甲。", Headings: []string{"一、交通"}}); got.Area != "A1" {
		t.Errorf("area %q, want A1 (交通 names A1 and A2; A1 comes first)", got.Area)
	}
	if got := m.Match(Input{Text: "甲甲。", Headings: []string{"一、就医", "（一）说明"}}); got.Area != "A2" {
		t.Errorf("area %q, want A2 from the outer heading", got.Area)
	}
}

// TestAstralTerms: terms outside the basic plane (the root table's edge) match.
func TestAstralTerms(t *testing.T) {
	a := newAutomaton([]string{"\U00010000", "\uFFFF", "a\U00010000"})
	var got []int
	a.scan("x\U00010000\uFFFFa\U00010000", func(p, at int) { got = append(got, p*10+at) })
	slices.Sort(got)
	if want := []int{1, 4, 12, 23}; !slices.Equal(got, want) { // pattern*10 + where it starts
		t.Errorf("hits %v, want %v", got, want)
	}
}

// TestValidateBounds: weights must be in (0, 5], max_len not negative.
func TestValidateBounds(t *testing.T) {
	for _, c := range []struct {
		replace, with string
		bad           bool
	}{
		{"{甲甲: 3}", "{甲甲: 5}", false},
		{"{甲甲: 3}", "{甲甲: 5.01}", true},
		{"{甲甲: 3}", "{甲甲: 0}", true},
		{"{甲甲: 3}", "{甲甲: 0.01}", false},
		{"weight: 2, max_len: 4", "weight: 5, max_len: 0", false},
		{"weight: 2, max_len: 4", "weight: 5.5, max_len: 4", true},
		{"weight: 2, max_len: 4", "weight: 0, max_len: 4", true},
		{"weight: 2, max_len: 4", "weight: 2, max_len: -1", true},
	} {
		_, err := Parse("t.yaml", []byte(strings.Replace(boundaryYAML, c.replace, c.with, 1)))
		if (err != nil) != c.bad {
			t.Errorf("%s: error %v, want an error: %v", c.with, err, c.bad)
		}
		if err != nil && !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: the error names no line: %v", c.with, err)
		}
	}
}

// TestSortedTerms: heaviest first, then in character order.
func TestSortedTerms(t *testing.T) {
	task := Task{Terms: map[string]float64{"b": 1, "a": 1, "c": 2, "d": 0.5}}
	if got := task.SortedTerms(); !slices.Equal(got, []string{"c", "a", "b", "d"}) {
		t.Errorf("SortedTerms = %v", got)
	}
}
