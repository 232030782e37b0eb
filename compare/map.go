package compare

import (
	"policygap/regions"
	"policygap/taxonomy"
)

// Mapped is a measure with the matcher's verdict on it.
type Mapped struct {
	regions.Measure
	Match    taxonomy.Match
	Override *Override // a reviewer's decision, when one was applied
}

// Map maps every measure; unmapped ones are kept, with an empty task list.
func Map(ms []regions.Measure, m *taxonomy.Matcher) []Mapped {
	out := make([]Mapped, len(ms))
	for i, x := range ms {
		match := m.Match(MatcherInput(x))
		for k := range match.Hits { // evidence positions in the measure's own text
			match.Hits[k].At = x.TextOffset(match.Hits[k].At)
		}
		out[i] = Mapped{Measure: x, Match: match}
	}
	return out
}

// MatcherInput is what the matcher reads of a measure: normalised title, text
// without the units parenthesis, section headings, unit names to ignore.
func MatcherInput(m regions.Measure) taxonomy.Input {
	in := taxonomy.Input{Title: regions.NormalizeString(m.Title), Text: m.MatchText(), Goal: m.Goal}
	for _, h := range m.Path {
		in.Headings = append(in.Headings, regions.NormalizeString(h))
	}
	for _, u := range m.Units {
		in.Mask = append(in.Mask, regions.NormalizeString(u))
	}
	return in
}
