package compare

import (
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

// assess reads a measure's own words. A run-in title (推进网站和APP适老化改造)
// names the topic in the imperative and commits to nothing the body does not,
// so it decides the level only when it binds (任何单位不得拒收现金 read as a
// title); targets are read in the whole text.
func assess(m regions.Measure) Strength {
	sr := strength.Standard()
	text := m.MatchText()
	all := sr.Read(text)
	level, evidence, skip := all.Level, all.Evidence, 0
	if t := m.NormTitle(); t != "" && len(text) > len(t) && text[:len(t)] == t {
		body := sr.Read(text[len(t):])
		level, evidence, skip = body.Level, body.Evidence, utf8.RuneCountInString(t)
		if title := sr.Read(t); title.Level == strength.Mandatory && body.Level < strength.Mandatory {
			level, evidence, skip = title.Level, title.Evidence, 0
		}
	}
	printed := []rune(m.Text)
	words := func(at, n int) string { // the printed words of a span of the text read
		from, to := m.TextOffset(at), m.TextOffset(at+n-1)+1
		if from < 0 || to > len(printed) || from >= to {
			return ""
		}
		return string(printed[from:to])
	}
	s := Strength{Level: level, Evidence: []string{}, Targets: []strength.Target{}}
	for _, c := range evidence {
		s.Evidence = append(s.Evidence, words(skip+c.At, utf8.RuneCountInString(c.Word)))
	}
	for _, t := range all.Targets {
		t.Text, t.At = words(t.At, utf8.RuneCountInString(t.Text)), m.TextOffset(t.At)
		s.Targets = append(s.Targets, t)
	}
	lead := len(m.Lead) > 0 || len(m.Units) == 1
	s.Actionability = strength.Assess(lead, m.Deadline.Kind == regions.DeadlineDate, strength.Reading{Level: level, Targets: all.Targets})
	return s
}
