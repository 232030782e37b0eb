package compare

import (
	"strings"
	"unicode/utf8"

	"policygap/regions"
	"policygap/strength"
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

// assess reads a measure's words: text is its MatchText, the words without
// the units parenthesis, which opens with the run-in title when there is one.
func assess(m regions.Measure, text string) Strength {
	title := 0
	if t := m.NormTitle(); t != "" && strings.HasPrefix(text, t) {
		title = utf8.RuneCountInString(t)
	}
	r := strength.Standard().Read(text, title)
	s := Strength{Level: r.Level, Evidence: []string{}, Targets: []strength.Target{}}
	if len(r.Evidence)+len(r.Targets) > 0 {
		printed := []rune(m.Text)
		words := func(at, n int) string { // the printed words of a span of the text read
			from, to := m.TextOffset(at), m.TextOffset(at+n-1)+1
			if from < 0 || to > len(printed) || from >= to {
				return ""
			}
			return string(printed[from:to])
		}
		for _, c := range r.Evidence {
			s.Evidence = append(s.Evidence, words(c.At, utf8.RuneCountInString(c.Word)))
		}
		for _, t := range r.Targets {
			t.Text, t.At = words(t.At, utf8.RuneCountInString(t.Text)), m.TextOffset(t.At)
			s.Targets = append(s.Targets, t)
		}
	}
	lead := len(m.Lead) > 0 || len(m.Units) == 1
	s.Actionability = strength.Assess(lead, m.Deadline.Kind == regions.DeadlineDate, r)
	return s
}
