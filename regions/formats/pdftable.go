package formats

import (
	"sort"
	"unicode/utf8"

	"policygap/regions/model"
)

// pdfGrid is a table recovered from a PDF page's geometry: rows of cells,
// a section row as one cell across the table.
type pdfGrid struct {
	cols int
	rows []pdfGridRow
}

type pdfGridRow struct {
	cells   []string
	section bool
	page    int
}

// pdfTable reads a table that starts at line i: a header of three or more
// short pieces set apart by wide gaps, then lines whose pieces stand in the
// same columns (found by where the pieces start). A line with a piece in
// the first column starts a row; one without continues the row above (a
// cell's text wrapped onto more lines); a short single piece across the
// columns is a section row. It returns the table and the first line after
// it, or nil.
func pdfTable(lines []*pdfLine, i int, margins map[int][2]float64) (*pdfGrid, int) {
	head := lines[i]
	if len(head.frags) < 3 {
		return nil, i
	}
	for _, f := range head.frags {
		if utf8.RuneCountInString(f.text) > 15 {
			return nil, i
		}
	}
	size := head.size
	j, multi := i+1, 0
	for j < len(lines) {
		l := lines[j]
		switch {
		case len(l.frags) >= 2:
			multi++
		case l.frags[0].left > margins[l.page][0]+2*size:
			// a wrapped cell of a later column
		case utf8.RuneCountInString(l.text()) <= 30 && j+1 < len(lines) && len(lines[j+1].frags) >= 2:
			// a section row, or a first cell wrapped
		default:
			goto end
		}
		j++
	}
end:
	if multi < 3 {
		return nil, i
	}
	var lefts []float64
	for _, l := range lines[i+1 : j] {
		for _, f := range l.frags {
			lefts = append(lefts, f.left)
		}
	}
	starts := columnStarts(lefts, size)
	if len(starts) < 2 {
		return nil, i
	}
	column := func(x float64) int {
		c := 0
		for k, s := range starts {
			if s <= x+0.5*size {
				c = k
			}
		}
		return c
	}
	g := &pdfGrid{cols: len(starts)}
	add := func(l *pdfLine, row *pdfGridRow) {
		for _, f := range l.frags {
			c := column(f.left)
			row.cells[c] += f.text
		}
	}
	headText := head.text()
	hdr := pdfGridRow{cells: make([]string, len(starts)), page: head.page}
	add(head, &hdr)
	g.rows = append(g.rows, hdr)
	for _, l := range lines[i+1 : j] {
		if l.text() == headText { // the header repeated on a new page
			continue
		}
		first := column(l.frags[0].left) == 0
		if len(l.frags) == 1 && first && l.frags[0].right > starts[1]+size {
			g.rows = append(g.rows, pdfGridRow{cells: []string{l.frags[0].text}, section: true, page: l.page})
			continue
		}
		if first || len(g.rows) == 1 || g.rows[len(g.rows)-1].section {
			g.rows = append(g.rows, pdfGridRow{cells: make([]string, len(starts)), page: l.page})
		}
		add(l, &g.rows[len(g.rows)-1])
	}
	return g, j
}

// columnStarts clusters the x where pieces start: each cluster of two or
// more within a character's width is a column.
func columnStarts(lefts []float64, size float64) []float64 {
	sort.Float64s(lefts)
	var starts []float64
	for k := 0; k < len(lefts); {
		m := k + 1
		for m < len(lefts) && lefts[m]-lefts[m-1] < size {
			m++
		}
		if m-k >= 2 {
			starts = append(starts, lefts[k])
		}
		k = m
	}
	return starts
}

func emitPDFTable(b *model.Builder, g *pdfGrid) {
	b.StartTable()
	for _, r := range g.rows {
		if r.section {
			b.Row(r.cells, []int{g.cols}, nil, model.Origin{Page: r.page})
			continue
		}
		b.Row(r.cells, nil, nil, model.Origin{Page: r.page})
	}
	b.EndTable(model.Origin{Page: g.rows[0].page})
}
