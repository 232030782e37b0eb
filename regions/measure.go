package regions

import (
	"strings"
	"unicode/utf8"
)

// Measure is one measure (措施) of a document: the unit the whole tool counts.
type Measure struct {
	Region  string
	Doc     string   // the source file: its path below the folder given
	ID      string   // item path inside the document: stable across runs of the same file
	Plan    string   // the plan's title where one file holds several plans
	Section string   // the heading the measure stands under, as printed
	Path    []string // every heading above the measure, outermost first
	// NormPath is Path in matching form.
	NormPath []string
	Title    string
	Text     string // the measure's text as printed (page breaks and markup removed)
	Units    []string
	Lead     []string
	// Deadline is the completion deadline; goal statements never have one.
	Deadline Deadline
	Goal     bool // a goal statement (明确工作目标): kept, but its dates are not deadlines
	// Assignment is the raw text units and deadline were read from (a trailing
	// parenthesis or table cells); empty when they came from the sentence itself.
	Assignment string
	// Norm is the matching form of Text (simplified, half-width), rune for rune.
	Norm string
	// Clean is, for a row of a flattened table, the matching form of the row's
	// own words without the other cells interleaved in its text; CleanAt gives
	// each of its runes' offset in Text. Empty for other measures.
	Clean   string
	CleanAt []int
	// FoundBy names the layout reader that found the measure: outline,
	// article, run-in, labelled, list, table, table-text (a table that reached
	// us flattened), fallback. A reviewer checks the last ones first.
	FoundBy string
	at      int // where it starts in the document, in runes: measures are listed in this order
}

// NormTitle is the title in matching form: the title is the opening of the
// text, and Norm is the text's matching form rune for rune.
func (m Measure) NormTitle() string {
	n := utf8.RuneCountInString(m.Title)
	if n == 0 {
		return ""
	}
	return runeSlice(m.Norm, 0, n)
}

// Key is the measure's id across the corpus: region, document and item path.
func (m Measure) Key() string { return m.Region + "/" + m.Doc + "#" + m.ID }

// MatchText is the normalised text without the assignment, so unit names
// (市交通局) are not read as the measure's subject; for a table row, its Clean
// words. TextOffset maps an offset in it to one in Text.
func (m Measure) MatchText() string {
	if m.Clean != "" {
		return m.Clean
	}
	if m.Assignment == "" {
		return m.Norm
	}
	if i := strings.LastIndex(m.Norm, NormalizeString(m.Assignment)); i >= 0 {
		return m.Norm[:i]
	}
	return m.Norm
}

// TextOffset maps a rune offset in MatchText to one in Text.
func (m Measure) TextOffset(at int) int {
	if m.Clean != "" && at >= 0 && at < len(m.CleanAt) {
		return m.CleanAt[at]
	}
	return at
}

// Printed is the measure's words as printed (in Text) for runes [at, at+n)
// of the text the matcher reads (Body in matching form): a cue word or a
// target, for evidence.
func (m Measure) Printed(at, n int) string {
	from, to := m.TextOffset(at), m.TextOffset(at+n-1)+1
	if from < 0 || from >= to { // n <= 0 too: to <= from
		return ""
	}
	return runeSlice(m.Text, from, to)
}

// Body is the measure's own words as printed: without its units parenthesis,
// and for a table row without the other cells interleaved in its text.
func (m Measure) Body() string {
	if m.Clean != "" {
		rs := []rune(m.Text)
		out := make([]rune, 0, len(m.CleanAt))
		for _, at := range m.CleanAt {
			out = append(out, rs[at])
		}
		return string(out)
	}
	if m.Assignment != "" {
		if i := strings.LastIndex(m.Text, m.Assignment); i >= 0 {
			return strings.TrimRight(m.Text[:i], " \n")
		}
	}
	return m.Text
}
