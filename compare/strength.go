package compare

import (
	"strings"
	"unicode/utf8"

	"policygap/regions"
	"policygap/strength"
	"policygap/taxonomy"
)

// Strength is how binding a measure is: its level with the words that
// decided it, its quantified targets, and its actionability, with the words
// and targets as printed in the measure's text.
type Strength struct {
	Level         strength.Level         `json:"level"`
	Evidence      []string               `json:"evidence"`
	Targets       []strength.Target      `json:"targets"`
	Actionability strength.Actionability `json:"actionability"`
}

// Actionable tells whether the measure scores at least strength.Actionable.
func (s Strength) Actionable() bool { return s.Actionability.Score >= strength.Actionable }

// assess reads a measure's words as the matcher reads them (MatcherInput):
// its text without the units parenthesis opens with the run-in title when
// there is one.
func assess(m regions.Measure, in taxonomy.Input) Strength {
	title := 0
	if in.Title != "" && strings.HasPrefix(in.Text, in.Title) {
		title = utf8.RuneCountInString(in.Title)
	}
	r := strength.Standard().Read(in.Text, title)
	s := Strength{Level: r.Level, Evidence: make([]string, 0, len(r.Evidence)), Targets: r.Targets}
	if s.Targets == nil {
		s.Targets = []strength.Target{}
	}
	for _, c := range r.Evidence {
		s.Evidence = append(s.Evidence, m.Printed(c.At, utf8.RuneCountInString(c.Word)))
	}
	for i, t := range r.Targets { // the reading's own, rewritten in place
		s.Targets[i].Text, s.Targets[i].At = m.Printed(t.At, utf8.RuneCountInString(t.Text)), m.TextOffset(t.At)
	}
	lead := len(m.Lead) > 0 || len(m.Units) == 1
	s.Actionability = strength.Assess(lead, m.Deadline.Kind == regions.DeadlineDate, r)
	return s
}

// TaskTarget is a quantified target of one of a task's measures.
type TaskTarget struct {
	Measure string  `json:"measure"` // the measure's key
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
}

// WeakTask is a gap of kind weak: an in-scope task that a region covers only
// with encouraging or descriptive measures, so that nobody is bound to act.
type WeakTask struct {
	Region   string         `json:"region"`
	Task     string         `json:"task"`
	Strength strength.Level `json:"strength"` // the strongest level among its measures
	Measures []string       `json:"measures"`
}

// addStrength counts a measure of the task into its strength.
func (c *TaskCoverage) addStrength(m MeasureResult) {
	if c.Strength == nil || m.Strength.Level > *c.Strength {
		lv := m.Strength.Level
		c.Strength = &lv
	}
	if m.Strength.Actionable() {
		c.Actionable++
	}
	for _, t := range m.Strength.Targets {
		c.Targets = append(c.Targets, TaskTarget{Measure: m.Key(), Text: t.Text, Value: t.Value, Unit: t.Unit})
	}
}

// IsWeak tells whether the task has measures, none of them directive or
// mandatory. An out-of-scope task is never a gap.
func (c *TaskCoverage) IsWeak() bool {
	return c.Level != LevelOutOfScope && c.Strength != nil && *c.Strength < strength.Directive
}

// weakTasks lists every region's weak tasks, regions and tasks in order.
func weakTasks(r *Result) []WeakTask {
	out := []WeakTask{}
	for i := range r.Coverage {
		if c := &r.Coverage[i]; c.IsWeak() {
			out = append(out, WeakTask{Region: c.Region, Task: c.Task, Strength: *c.Strength, Measures: c.Measures})
		}
	}
	return out
}
