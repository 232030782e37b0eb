package compare

import (
	"policygap/regions"
	"policygap/taxonomy"
)

// Mapped is a measure with the matcher's verdict on it.
type Mapped struct {
	regions.Measure
	Match    taxonomy.Match
	Strength Strength
	Override *Override // a reviewer's decision, when one was applied
}

// Map maps every measure; unmapped ones are kept, with an empty task list.
func Map(ms []regions.Measure, m *taxonomy.Matcher) []Mapped {
	out := make([]Mapped, len(ms))
	for i, x := range ms {
		in := MatcherInput(x)
		match := m.Match(in)
		for k := range match.Hits { // evidence positions in the measure's own text
			match.Hits[k].At = x.TextOffset(match.Hits[k].At)
		}
		out[i] = Mapped{Measure: x, Match: match, Strength: assess(x, in)}
	}
	return out
}

// MapAll is Map on every core, in chunks; the order is kept.
func MapAll(ms []regions.Measure, m *taxonomy.Matcher) []Mapped {
	const chunk = 256
	out := make([]Mapped, len(ms))
	regions.InOrder((len(ms)+chunk-1)/chunk, func(i int) {
		part := ms[i*chunk : min(len(ms), (i+1)*chunk)]
		copy(out[i*chunk:], Map(part, m))
	})
	return out
}

// MatcherInput is what the matcher reads of a measure, in matching form: its
// title, its text without the units parenthesis (a table row's own words
// without the other cells), and its section headings.
func MatcherInput(m regions.Measure) taxonomy.Input {
	return taxonomy.Input{Title: m.NormTitle(), Text: m.MatchText(), Headings: m.NormPath, Goal: m.Goal}
}
