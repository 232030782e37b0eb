package formats

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"policygap/regions/document"
)

// A table in a PDF is found by its ruling: the thin horizontal and vertical
// lines its borders are drawn with. Rows lie between horizontal rules,
// columns between vertical ones; where an inner vertical rule is missing a
// cell spans columns (a section row across the table), where a horizontal
// rule is missing over a cell it spans rows (a merged 牵头单位). Characters
// are put in the cell their centre falls in. A table without rules is read
// as text.

// pdfRule is a thin horizontal (y, x0..x1) or vertical (x, y0..y1) line.
type pdfRule struct {
	at, from, to float64
}

// ruleTol is how far two rules may lie apart and still be one (points).
const ruleTol = 2.5

// pdfGrid is a table found on a page: its rules' positions, top to bottom
// and left to right, and its cells.
type pdfGrid struct {
	page         int
	ys           []float64 // row boundaries, top first
	xs           []float64 // column boundaries, left first
	rows         [][]gridCell
	top, bottom  float64
	left, right  float64
	headerSample string // the first row's text: a repeated header on the next page is dropped
}

type gridCell struct {
	text   strings.Builder
	cols   int
	merged bool // continues the cell above (its text is that cell's)
	band   int  // the band of the cell it continues, for merged cells
	col    int  // its first column
}

// cluster merges values closer than ruleTol, keeping their mean.
func cluster(vs []float64) []float64 {
	sort.Float64s(vs)
	var out []float64
	n := 0
	for i, v := range vs {
		if i > 0 && v-vs[i-1] <= ruleTol {
			out[len(out)-1] = (out[len(out)-1]*float64(n) + v) / float64(n+1)
			n++
			continue
		}
		out = append(out, v)
		n = 1
	}
	return out
}

// covers: some rule at position at (within ruleTol) runs over [from, to]
// (within ruleTol).
func covers(rules []pdfRule, at, from, to float64) bool {
	for _, r := range rules {
		if math.Abs(r.at-at) <= ruleTol && r.from <= from+ruleTol && r.to >= to-ruleTol {
			return true
		}
	}
	return false
}

// pageGrids finds the ruled tables of a page.
func pageGrids(p pdfPage, page int) []*pdfGrid {
	if len(p.hrules) < 3 || len(p.vrules) < 3 { // two rows and two columns at least
		return nil
	}
	var ys []float64
	for _, r := range p.hrules {
		ys = append(ys, r.at)
	}
	ys = cluster(ys)
	// top first
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	var grids []*pdfGrid
	start := 0
	for i := 0; i+1 <= len(ys); i++ {
		// bands i..: ys[i] above ys[i+1]; a band belongs to the table when
		// a vertical rule spans it
		connected := i+1 < len(ys) && spanned(p.vrules, ys[i+1], ys[i])
		if connected {
			continue
		}
		if i-start >= 2 { // three rules or more: two rows or more
			if g := newGrid(p, page, ys[start:i+1]); g != nil {
				grids = append(grids, g)
			}
		}
		start = i + 1
	}
	return grids
}

// spanned: a vertical rule runs from y0 up to y1.
func spanned(vr []pdfRule, y0, y1 float64) bool {
	for _, r := range vr {
		if r.from <= y0+ruleTol && r.to >= y1-ruleTol {
			return true
		}
	}
	return false
}

// newGrid lays out the table between the rules at ys (top first).
func newGrid(p pdfPage, page int, ys []float64) *pdfGrid {
	top, bottom := ys[0], ys[len(ys)-1]
	var xs []float64
	for _, r := range p.vrules {
		if r.to >= bottom-ruleTol && r.from <= top+ruleTol && r.to-r.from > 1 {
			xs = append(xs, r.at)
		}
	}
	xs = cluster(xs)
	if len(xs) < 3 { // two columns or more
		return nil
	}
	g := &pdfGrid{page: page, ys: ys, xs: xs, top: top, bottom: bottom, left: xs[0], right: xs[len(xs)-1]}
	nb, nc := len(ys)-1, len(xs)-1
	owner := make([][]*gridCell, nb) // per band and column: the cell that holds it
	for b := 0; b < nb; b++ {
		owner[b] = make([]*gridCell, nc)
		var row []gridCell
		for c := 0; c < nc; c++ {
			if c > 0 && !covers(p.vrules, xs[c], ys[b+1], ys[b]) { // c > 0: row has a cell
				row[len(row)-1].cols++ // no rule between: the cell spans on
				continue
			}
			row = append(row, gridCell{cols: 1, col: c, band: b})
		}
		g.rows = append(g.rows, row)
	}
	for b := range g.rows {
		for k := range g.rows[b] {
			cell := &g.rows[b][k]
			for c := cell.col; c < cell.col+cell.cols; c++ {
				owner[b][c] = cell
			}
			mid := (xs[cell.col] + xs[cell.col+cell.cols]) / 2
			if b > 0 && !covers(p.hrules, ys[b], mid-1, mid+1) {
				above := owner[b-1][cell.col]
				cell.merged, cell.band = true, above.band
				if above.merged {
					cell.band = above.band
				}
			}
		}
	}
	return g
}

// cellAt is the cell that holds the point, nil outside the table; a cell
// holds its left and top rules, not its right and bottom ones.
func (g *pdfGrid) cellAt(x, y float64) *gridCell {
	if x < g.left || x >= g.right || y > g.top || y <= g.bottom {
		return nil
	}
	b := sort.Search(len(g.ys)-1, func(i int) bool { return g.ys[i+1] < y })
	c := sort.Search(len(g.xs)-1, func(i int) bool { return g.xs[i+1] > x })
	row := g.rows[b]
	for k := range row {
		if c >= row[k].col && c < row[k].col+row[k].cols {
			cell := &row[k]
			if cell.merged { // the text belongs to the cell the merge starts in (band is its band)
				if top := g.cellOfBand(cell.band, cell.col); top != nil {
					cell = top
				}
			}
			return cell
		}
	}
	return nil
}

func (g *pdfGrid) cellOfBand(b, col int) *gridCell {
	for k := range g.rows[b] {
		if g.rows[b][k].col == col {
			return &g.rows[b][k]
		}
	}
	return nil
}

// fill puts each character inside the table into its cell, line by line,
// and returns the characters outside it.
func (g *pdfGrid) fill(chars []pdfChar) []pdfChar {
	var outside []pdfChar
	inCell := map[*gridCell][]pdfChar{}
	var order []*gridCell
	for _, c := range chars {
		cell := g.cellAt((c.left+c.right)/2, (c.top+c.bottom)/2)
		if cell == nil {
			outside = append(outside, c)
			continue
		}
		if _, ok := inCell[cell]; !ok {
			order = append(order, cell)
		}
		inCell[cell] = append(inCell[cell], c)
	}
	for _, cell := range order {
		// a line that stops short of the cell's right edge ends a paragraph;
		// one that reaches it wraps on (Chinese wraps without a space)
		right := g.xs[cell.col+cell.cols]
		lines := pageLines(pdfPage{chars: inCell[cell]}, g.page)
		for i, l := range lines {
			if i > 0 {
				prev := lines[i-1]
				switch {
				case prev.right < right-2*prev.size:
					cell.text.WriteByte('\n')
				case isLatin(lastRune(prev.text())) && isLatin(firstRune(l.text())):
					cell.text.WriteByte(' ')
				}
			}
			cell.text.WriteString(l.text())
		}
	}
	if len(g.rows) > 0 {
		var b strings.Builder
		for k := range g.rows[0] {
			b.WriteString(g.rows[0][k].text.String())
			b.WriteByte('|')
		}
		g.headerSample = b.String()
	}
	return outside
}

// gridRow is a table row as it is written: cells' texts, spans and merges.
type gridRow struct {
	texts  []string
	cols   []int
	merged []bool
	page   int
}

// pdfTableRows gathers a table's rows over the pages it runs on.
type pdfTableRows struct {
	rows   []gridRow
	ncols  int    // grid columns
	header string // the first row's text, which a new page may repeat
	page   int
}

// add appends a page's part of the table: a header the page repeats is
// dropped, and a row the page break cut (its number column empty) is joined
// to the row it continues.
func (t *pdfTableRows) add(g *pdfGrid) {
	for i, row := range g.rows {
		r := gridRow{page: g.page}
		for k := range row {
			r.texts = append(r.texts, row[k].text.String())
			r.cols = append(r.cols, row[k].cols)
			r.merged = append(r.merged, row[k].merged)
		}
		switch {
		case len(t.rows) == 0:
			t.header = g.headerSample
		case i == 0 && g.headerSample == t.header:
			continue // the header again
		case i <= 1 && t.continues(r):
			last := &t.rows[len(t.rows)-1]
			for k := range r.texts {
				last.texts[k] += r.texts[k]
			}
			continue
		}
		t.rows = append(t.rows, r)
	}
}

// continues: r is the rest of the last row, cut by a page break: the same
// cells, the first (the row number) empty where the last row's was not.
func (t *pdfTableRows) continues(r gridRow) bool {
	if len(t.rows) == 0 {
		return false
	}
	last := t.rows[len(t.rows)-1]
	if len(last.texts) != len(r.texts) || len(r.texts) < 2 || strings.TrimSpace(r.texts[0]) != "" || strings.TrimSpace(last.texts[0]) == "" {
		return false
	}
	for k := range r.cols {
		if r.cols[k] != last.cols[k] {
			return false
		}
	}
	return true
}

// emit writes the table.
func (t *pdfTableRows) emit(b *document.Builder) {
	b.StartTable()
	for _, r := range t.rows {
		b.Row(r.texts, r.cols, r.merged, document.Origin{Page: r.page})
	}
	b.EndTable(document.Origin{Page: t.page})
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
