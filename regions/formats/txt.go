package formats

import (
	"strings"
	"unicode/utf8"

	"policygap/regions/document"
)

// readText reads plain text: a raw paragraph per line, as the file has them,
// and a table where tab-separated lines (Word's table-to-text) or lines
// divided by | bars form one.
func readText(data []byte, format, hint string) (*document.Document, error) {
	text, enc, err := DecodeText(data, hint)
	if err != nil {
		return nil, err
	}
	doc := TextDocument(text)
	doc.Format, doc.Encoding = format, enc
	return doc, nil
}

// line is a line of text as a table reader sees it: its rune span, and its
// cells' rune spans when it divides into some.
type line struct {
	text       string
	start, end int
	cells      [][2]int
	blank      bool
}

// textTables finds the tables among a text's lines.
func textTables(text string) []document.Block {
	var ls []line
	at := 0
	for s := range strings.SplitSeq(text, "\n") {
		n := document.RuneCount(s)
		ls = append(ls, line{text: s, start: at, end: at + n, blank: strings.TrimSpace(s) == "", cells: splitCells(s, at)})
		at += n + 1
	}
	var out []document.Block
	for i := 0; i < len(ls); {
		if t, end := tableAt(ls, i); t != nil {
			out = append(out, *t)
			i = end
			continue
		}
		i++
	}
	return out
}

// splitCells divides a line at tabs, or at | bars when it has two or more;
// nil when it has neither. Spans are runes, from the line's first rune at.
func splitCells(s string, at int) [][2]int {
	sep := func(r rune) bool { return r == '\t' }
	if !strings.ContainsRune(s, '\t') {
		if strings.Count(s, "|")+strings.Count(s, "｜") < 2 {
			return nil
		}
		sep = func(r rune) bool { return r == '|' || r == '｜' }
	}
	var cells [][2]int
	start, i := at, at
	first, last := "", s // the text before the first separator and after the last
	for k, r := range s {
		if sep(r) {
			if cells == nil {
				first = s[:k]
			}
			cells = append(cells, [2]int{start, i})
			start, last = i+1, s[k+utf8.RuneLen(r):]
		}
		i++
	}
	cells = append(cells, [2]int{start, i})
	if !sep('\t') { // | bars: the outer ones are not cells (two bars leave one)
		if strings.TrimSpace(first) == "" {
			cells = cells[1:]
		}
		if strings.TrimSpace(last) == "" {
			cells = cells[:len(cells)-1]
		}
	}
	return cells
}

// tableAt reads a table whose header is line i: three or more short cells,
// then at least two rows. A row may run over several lines (a cell with
// several paragraphs: the first piece of the next line continues the row's
// last cell); a line without cells between complete rows is a row across the
// table (a section), when more rows follow. It returns the block and the
// index of the first line after the table.
func tableAt(ls []line, i int) (*document.Block, int) {
	head := ls[i].cells
	if len(head) < 3 || !shortCells(head) {
		return nil, i
	}
	width := len(head)
	rows := [][][2]int{head}
	origins := []int{i + 1}
	j := i + 1
	for j < len(ls) {
		l := ls[j]
		cur := rows[len(rows)-1]
		switch {
		case isRule(l):
			j++
			continue
		case l.blank:
			if k := nextLine(ls, j); k < len(ls) && ls[k].cells != nil {
				j++
				continue
			}
		case l.cells == nil && len(cur) > 1 && len(cur) < width && len(rows) > 1 && nextHasCells(ls, j):
			cur[len(cur)-1][1] = l.end // a cell's next paragraph
			j++
			continue
		case l.cells == nil && isSectionLine(l.text) && nextCells(ls, j) >= 2:
			rows = append(rows, [][2]int{{l.start, l.end}}) // a section row
			origins = append(origins, j+1)
			j++
			continue
		case l.cells != nil && len(cur) > 1 && len(cur) < width && len(rows) > 1 && len(l.cells) < width:
			cur[len(cur)-1][1] = l.cells[0][1]
			rows[len(rows)-1] = append(cur, l.cells[1:]...)
			j++
			continue
		case l.cells != nil:
			rows = append(rows, l.cells)
			origins = append(origins, j+1)
			j++
			continue
		}
		break
	}
	if len(rows) < 3 {
		return nil, i
	}
	t := &document.Table{}
	start, end := ls[i].start, ls[i].start
	for k, r := range rows {
		row := document.Row{Origin: document.Origin{Para: origins[k]}}
		for _, c := range r {
			cell := document.Cell{Start: c[0], End: c[1], Cols: 1}
			if len(r) == 1 {
				cell.Cols = width
			}
			row.Cells = append(row.Cells, cell)
			end = max(end, c[1])
		}
		t.Rows = append(t.Rows, row)
	}
	return &document.Block{Start: start, End: end, Table: t, Origin: document.Origin{Para: i + 1}}, j
}

// shortCells: a header's cells are names, not sentences.
func shortCells(cells [][2]int) bool {
	for _, c := range cells {
		if c[1]-c[0] > 30 {
			return false
		}
	}
	return true
}

// isRule is a markdown table's separator line: |---|:--:|.
func isRule(l line) bool {
	return l.cells != nil && strings.Trim(l.text, "|｜-:— \t") == "" && strings.Contains(l.text, "-")
}

func nextLine(ls []line, j int) int {
	k := j + 1
	for k < len(ls) && ls[k].blank {
		k++
	}
	return k
}

func nextHasCells(ls []line, j int) bool { return nextCells(ls, j) > 0 }

// nextCells is how many cells the next line that is not blank has.
func nextCells(ls []line, j int) int {
	k := nextLine(ls, j)
	if k < len(ls) {
		return len(ls[k].cells)
	}
	return 0
}

// isSectionLine: a line that may head a part of a table (一、便利出行): short,
// not a sentence.
func isSectionLine(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && utf8.RuneCountInString(t) <= 30 && !strings.HasSuffix(t, "。")
}
