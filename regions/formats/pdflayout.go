package formats

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"policygap/regions/document"
)

// pdfChar is one character of a page with its box, in points from the
// page's lower left corner (PDF coordinates: top > bottom).
type pdfChar struct {
	r                        rune
	left, right, top, bottom float64
	size                     float64 // font size; 0 when unknown
}

type pdfPage struct {
	width, height  float64
	chars          []pdfChar
	hrules, vrules []pdfRule // the thin lines tables are ruled with
}

// pdfLine is a line of a page: characters left to right, in pieces where a
// wide gap (a table's column, a signature's spacing) divides it.
type pdfLine struct {
	page                     int
	left, right, top, bottom float64
	size                     float64
	frags                    []pdfFrag
}

type pdfFrag struct {
	left, right float64
	text        string
}

func (l *pdfLine) text() string {
	parts := make([]string, len(l.frags))
	for i, f := range l.frags {
		parts[i] = f.text
	}
	return strings.Join(parts, " ")
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == 0xFEFF || r == 0 }

func (c pdfChar) height() float64 {
	if c.size > 0 {
		return c.size
	}
	return math.Max(c.top-c.bottom, 1)
}

// pageLines groups a page's characters into lines by their vertical centre
// (pdfium may give quotation marks after the sentence they belong to, so the
// order it returns is not trusted) and orders each line by x.
func pageLines(p pdfPage, page int) []*pdfLine {
	var cs []pdfChar
	for _, c := range p.chars {
		if !isBlank(c.r) && c.right >= c.left {
			cs = append(cs, c)
		}
	}
	center := func(c pdfChar) float64 { return (c.top + c.bottom) / 2 }
	sort.SliceStable(cs, func(i, j int) bool { return center(cs[i]) > center(cs[j]) })
	var groups [][]pdfChar
	for _, c := range cs {
		if n := len(groups); n > 0 {
			g := groups[n-1]
			cy := 0.0
			for _, x := range g {
				cy += center(x)
			}
			cy /= float64(len(g))
			if math.Abs(center(c)-cy) < 0.45*math.Max(c.height(), g[0].height()) {
				groups[n-1] = append(g, c)
				continue
			}
		}
		groups = append(groups, []pdfChar{c})
	}
	var lines []*pdfLine
	for _, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return g[i].left < g[j].left })
		lines = append(lines, makeLine(g, page))
	}
	return lines
}

// makeLine joins a line's characters: no space between Chinese characters,
// or between a number and the Chinese next to it; a space between Latin
// words; a new piece at a gap wider than one and a half characters.
func makeLine(g []pdfChar, page int) *pdfLine {
	l := &pdfLine{page: page, left: g[0].left, right: g[0].right, top: g[0].top, bottom: g[0].bottom}
	sizes := make([]float64, len(g))
	var b strings.Builder
	fragLeft := g[0].left
	for i, c := range g {
		sizes[i] = c.height()
		if i > 0 {
			prev := g[i-1]
			gap := c.left - prev.right
			size := math.Max(prev.height(), c.height())
			switch {
			case gap > 1.5*size:
				l.frags = append(l.frags, pdfFrag{fragLeft, prev.right, b.String()})
				b.Reset()
				fragLeft = c.left
			case gap > 0.25*size && isLatin(prev.r) && isLatin(c.r):
				b.WriteByte(' ')
			}
		}
		b.WriteRune(c.r)
		l.right = math.Max(l.right, c.right)
		l.top, l.bottom = math.Max(l.top, c.top), math.Min(l.bottom, c.bottom)
	}
	l.frags = append(l.frags, pdfFrag{fragLeft, l.right, b.String()})
	sort.Float64s(sizes)
	l.size = sizes[len(sizes)/2]
	return l
}

func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// pageNumberRe: a line that is only a page number: — 3 —, -3-, 3, 第3页, 第 3 页 共 8 页, 3/8.
var pageNumberRe = regexp.MustCompile(`^[\s\-—–－_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[\s\-—–－_·•]*$`)

// dropFurniture removes running headers and footers: page numbers near the
// top or bottom of a page, and a line repeated (numbers aside) in the same
// place on most pages.
func dropFurniture(pages []pdfPage, lines [][]*pdfLine) (kept [][]*pdfLine, dropped int) {
	digits := regexp.MustCompile(`\d+`)
	key := func(l *pdfLine) string { return digits.ReplaceAllString(l.text(), "#") }
	inBand := func(l *pdfLine, p pdfPage) bool { // the top or bottom 8% of the page
		return l.bottom > p.height*0.92 || l.top < p.height*0.08
	}
	repeats := map[string]int{}
	for pi, ls := range lines {
		seen := map[string]bool{}
		for _, l := range ls {
			if inBand(l, pages[pi]) && !seen[key(l)] {
				seen[key(l)] = true
				repeats[key(l)]++
			}
		}
	}
	kept = make([][]*pdfLine, len(lines))
	for pi, ls := range lines {
		for _, l := range ls {
			band := inBand(l, pages[pi])
			if pageNumberRe.MatchString(l.text()) && (band || len(lines) > 1) ||
				band && len(lines) >= 3 && repeats[key(l)]*2 > len(lines) {
				dropped++
				continue
			}
			kept[pi] = append(kept[pi], l)
		}
	}
	return kept, dropped
}

// layoutPDF makes the document of a PDF's pages: lines re-joined into
// paragraphs where a line runs to the right margin and the next does not
// start indented (across page breaks too), a title set in large type kept
// whole over its lines, tables on a grid read as tables.
func layoutPDF(pages []pdfPage) *document.Document {
	all := make([][]*pdfLine, len(pages))
	grids := make([][]*pdfGrid, len(pages))
	for i, p := range pages {
		grids[i] = pageGrids(p, i+1)
		for _, g := range grids[i] {
			p.chars = g.fill(p.chars)
		}
		all[i] = pageLines(p, i+1)
	}
	lines, dropped := dropFurniture(pages, all)
	body := bodySize(lines)
	b := document.NewBuilder("pdf", "")
	if dropped > 0 {
		b.Note(plural(dropped, "running header, footer or page number line", "running header, footer or page number lines") + " left out")
	}
	margins := map[int][2]float64{}
	var para []*pdfLine
	flush := func() {
		if len(para) == 0 {
			return
		}
		var s strings.Builder
		for _, l := range para {
			s.WriteString(l.text())
		}
		b.Paragraph(s.String(), document.Block{Origin: document.Origin{Page: para[0].page}})
		para = nil
	}
	var open *pdfTableRows // the table being read: one on the next page may go on with it
	closeTable := func() {
		if open != nil {
			open.emit(b)
			open = nil
		}
	}
	for pi, ls := range lines {
		margins[pi+1] = pageMargins(ls, body)
		gs := grids[pi]
		for i := 0; i <= len(ls); i++ {
			for len(gs) > 0 && (i == len(ls) || ls[i].top < gs[0].top) { // a table stands before this line
				flush()
				g := gs[0]
				gs = gs[1:]
				if open == nil || open.ncols != len(g.xs)-1 {
					closeTable()
					open = &pdfTableRows{ncols: len(g.xs) - 1, page: g.page}
				}
				open.add(g)
			}
			if i == len(ls) {
				break
			}
			closeTable()
			l := ls[i]
			if len(para) > 0 && !continuesLine(para[len(para)-1], l, margins, body) {
				flush()
			}
			para = append(para, l)
		}
	}
	flush()
	closeTable()
	return b.Document()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// bodySize is the size most characters are set in: the body text's (of a
// tie, the smaller: titles are set larger); 12 for a document without text.
func bodySize(lines [][]*pdfLine) float64 {
	count := map[int]int{}
	for _, ls := range lines {
		for _, l := range ls {
			count[int(math.Round(l.size))] += utf8.RuneCountInString(l.text())
		}
	}
	best, bestN := 12, 0
	for _, k := range slices.Sorted(maps.Keys(count)) { // smallest first: it wins a tie
		if count[k] > bestN {
			best, bestN = k, count[k]
		}
	}
	return float64(best)
}

// pageMargins are a page's left margin (where most body lines start) and
// right margin (where full body lines end).
func pageMargins(ls []*pdfLine, body float64) [2]float64 {
	lefts := map[int]int{}
	var rights []float64
	for _, l := range ls {
		if math.Abs(l.size-body) > 0.2*body {
			continue
		}
		lefts[int(math.Round(l.left))]++
		rights = append(rights, l.right)
	}
	left, n := 0, -1
	for _, x := range slices.Sorted(maps.Keys(lefts)) { // leftmost first: it wins a tie
		if lefts[x] > n {
			left, n = x, lefts[x]
		}
	}
	if len(rights) == 0 {
		return [2]float64{float64(left), math.Inf(1)}
	}
	sort.Float64s(rights)
	return [2]float64{float64(left), rights[len(rights)*9/10]}
}

// continuesLine: next carries on prev's paragraph. prev ran to the right
// margin and next is not indented, in the same type; or both are lines of a
// title in large type, close together.
func continuesLine(prev, next *pdfLine, margins map[int][2]float64, body float64) bool {
	if math.Abs(prev.size-next.size) > 0.2*math.Max(prev.size, next.size) {
		return false
	}
	if prev.size >= 1.15*body && prev.page == next.page && prev.bottom-next.top < prev.size {
		return true
	}
	pm, nm := margins[prev.page], margins[next.page]
	full := prev.right >= pm[1]-1.5*prev.size
	indented := next.left >= nm[0]+0.8*next.size
	return full && !indented && len(next.frags) == 1 && len(prev.frags) == 1 && !outlineLabel.MatchString(next.text())
}

// outlineLabel: a line that opens with an outline label (二、 （三） 4． ⑤
// 第六条) starts a paragraph, even where the line before ran to the margin.
var outlineLabel = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.．、]\D|[①-⑳]|第[一二三四五六七八九十百]{1,4}[章条节])`)
