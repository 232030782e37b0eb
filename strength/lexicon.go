package strength

import (
	"slices"
	"unicode/utf8"
)

// lexicon finds its words at a position of a text, by first rune: a measure
// is read with a few map lookups a rune, not a scan of every word.
type lexicon struct {
	byFirst map[rune][][]rune // longest first
	longest int
}

func newLexicon(words []string) lexicon {
	l := lexicon{byFirst: map[rune][][]rune{}}
	for _, w := range words {
		rs := []rune(w)
		if len(rs) == 0 {
			continue
		}
		l.byFirst[rs[0]] = append(l.byFirst[rs[0]], rs)
		l.longest = max(l.longest, len(rs))
	}
	for _, ws := range l.byFirst {
		slices.SortFunc(ws, func(a, b []rune) int { return len(b) - len(a) })
	}
	return l
}

// at is the length in runes of the longest word starting at s[i], or 0.
func (l lexicon) at(s []rune, i int) int {
	if i >= len(s) {
		return 0
	}
	for _, w := range l.byFirst[s[i]] {
		if hasPrefix(s[i:], w) {
			return len(w)
		}
	}
	return 0
}

func hasPrefix(s, p []rune) bool {
	return len(s) >= len(p) && slices.Equal(s[:len(p)], p)
}

func sorted(s []string) []string { slices.Sort(s); return s }

func runeLen(s string) int { return utf8.RuneCountInString(s) }
