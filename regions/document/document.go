// Package document is the document model between the format readers
// (regions/formats) and the layout readers (regions): a file's content as an
// ordered list of blocks, paragraphs and tables, over one text.
//
// Every block points into Document.Text by rune offsets, so whatever a layout
// reader makes of a block (a measure, a unit name, a deadline) maps character
// for character to the text as the file shows it. What a format renders but
// does not store as text (the label of Word's automatic numbering, the number
// of a markdown list item) is kept beside the text, in Block.Label.
//
// The model knows nothing of measures; pandoc's readers -> AST -> writers and
// goldmark's AST are the pattern.
package document

import (
	"math/bits"
	"strings"
)

// Document is one file's content in reading order.
type Document struct {
	Format   string // the reader that read it: txt, md, docx, html, pdf
	Encoding string // how its text was decoded: UTF-8, GB18030, UTF-16LE, UTF-16BE
	// Text is the text of every block in order: paragraphs end with '\n';
	// a table's cells end with '\t' and its rows with '\n'.
	Text   string
	Blocks []Block
	// Lines: a plain text, whose lines are its paragraphs, each with
	// whatever markup it was copied with (# and ** of markdown). Blocks then
	// holds only its tables, each over whole lines, in order.
	Lines bool
	// Info holds what the file states about itself outside its text: a
	// government site's info table (发布机构, 文号, 成文日期 …), a page's title.
	Info []Field
	// Notes are the reader's remarks a user should see (a conversion, the
	// running headers dropped).
	Notes []string
}

// Field is a named value the file states about itself.
type Field struct{ Name, Value string }

// InfoValue is the value of the first Info field of that name, or "".
func (d *Document) InfoValue(name string) string {
	for _, f := range d.Info {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

// Block is a paragraph or a table.
type Block struct {
	Start, End int // the block's runes in Text (for a table: all its cells)
	// Heading is the heading level the format marks (a heading style, <h2>,
	// ##), 1 to 6; 0 for body text.
	Heading int
	// Label is the list label the format renders for the paragraph (Word's
	// automatic numbering "（二）", a markdown list's "3."); the text does not
	// hold it. A bullet is "•".
	Label string
	// Emph is the rune length of the paragraph's first emphasised run (bold,
	// <strong>, **…**) when it stands at its start or right after a typed
	// label, EmphAt runes in: a run-in title when shorter than the paragraph.
	Emph, EmphAt int
	Quote        bool   // a block quotation: a remark beside the document's text
	Table        *Table // nil for a paragraph
	// Raw: the text is the file's own lines, with whatever markup they carry
	// (plain text, where copied markdown still shows # and **).
	Raw    bool
	Origin Origin
}

// Origin says where a block or row came from, for a reader to find it:
// 1-based page (PDF) and paragraph, line or row number in the file; 0 unknown.
type Origin struct {
	Page int
	Para int
}

// Table is a table's rows with merged cells resolved.
type Table struct {
	Rows []Row
}

// Row is one table row.
type Row struct {
	Cells  []Cell
	Origin Origin
}

// Cell is a table cell. A cell merged over several rows (vMerge, rowspan)
// appears in every row it spans, with the same runes: Merged marks the
// copies below the first. A cell spanning columns appears once, with Cols.
type Cell struct {
	Start, End int
	Cols       int // grid columns it spans (1 or more)
	Merged     bool
}

// RuneCount is utf8.RuneCountInString for valid UTF-8, eight bytes at a time:
// the runes are the bytes that do not continue one (10xxxxxx). For invalid
// UTF-8 it may differ from utf8.RuneCountInString.
func RuneCount(s string) int {
	const high = 0x8080808080808080
	cont := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont += bits.OnesCount64(w & high &^ (w << 1))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// SeqLen is the length of the UTF-8 sequence that starts with byte c, for
// walking valid UTF-8 without decoding it.
func SeqLen(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

// Builder appends blocks to a document, keeping rune offsets.
type Builder struct {
	doc   Document
	text  strings.Builder
	runes int
	table *Table
}

// NewBuilder starts a document read by format from text in encoding.
func NewBuilder(format, encoding string) *Builder {
	return &Builder{doc: Document{Format: format, Encoding: encoding}}
}

// Grow makes room for n more bytes of text: a reader that knows roughly how
// long its text will be spares the copies of a growing buffer.
func (b *Builder) Grow(n int) { b.text.Grow(n) }

func (b *Builder) write(s string) (start, end int) {
	start = b.runes
	b.text.WriteString(s)
	b.runes += RuneCount(s)
	return start, b.runes
}

// Paragraph appends a paragraph whose text is text and whose other fields are p's.
func (b *Builder) Paragraph(text string, p Block) {
	p.Start, p.End = b.write(text)
	p.Table = nil
	b.write("\n")
	b.doc.Blocks = append(b.doc.Blocks, p)
}

// StartTable opens a table; rows and cells follow until EndTable.
func (b *Builder) StartTable() { b.table = &Table{} }

// Row appends a row of cells (texts), each spanning cols[i] grid columns
// (nil: one each); merged[i] marks a cell that continues the one above, whose
// text is then not written again.
func (b *Builder) Row(texts []string, cols []int, merged []bool, origin Origin) {
	row := Row{Origin: origin}
	prev := b.lastRow()
	for i, t := range texts {
		c := Cell{Cols: 1}
		if cols != nil && cols[i] > 1 {
			c.Cols = cols[i]
		}
		if merged != nil && merged[i] {
			if above, ok := cellAbove(prev, gridColumn(row.Cells)); ok {
				c.Start, c.End, c.Merged = above.Start, above.End, true
				row.Cells = append(row.Cells, c)
				continue
			}
		}
		c.Start, c.End = b.write(t)
		b.write("\t")
		row.Cells = append(row.Cells, c)
	}
	b.write("\n")
	b.table.Rows = append(b.table.Rows, row)
}

func (b *Builder) lastRow() *Row {
	if n := len(b.table.Rows); n > 0 {
		return &b.table.Rows[n-1]
	}
	return nil
}

// gridColumn is the grid column where the next cell after cells starts.
func gridColumn(cells []Cell) int {
	col := 0
	for _, c := range cells {
		col += max(c.Cols, 1)
	}
	return col
}

// cellAbove is the cell of row that starts at grid column col.
func cellAbove(row *Row, col int) (Cell, bool) {
	if row == nil {
		return Cell{}, false
	}
	at := 0
	for _, c := range row.Cells {
		if at == col {
			return c, true
		}
		at += max(c.Cols, 1)
	}
	return Cell{}, false
}

// EndTable closes the table and appends it as a block.
func (b *Builder) EndTable(origin Origin) {
	t := b.table
	b.table = nil
	if t == nil || len(t.Rows) == 0 {
		return
	}
	start := b.runes // the table's text runs from its first cell to here
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if !c.Merged {
				start = min(start, c.Start)
			}
		}
	}
	b.doc.Blocks = append(b.doc.Blocks, Block{Start: start, End: b.runes, Table: t, Origin: origin})
}

// InTable reports whether a table is open.
func (b *Builder) InTable() bool { return b.table != nil }

// Info records a field the file states about itself.
func (b *Builder) Info(name, value string) {
	if value = strings.TrimSpace(value); value != "" {
		b.doc.Info = append(b.doc.Info, Field{name, value})
	}
}

// Note records a remark for the user.
func (b *Builder) Note(s string) { b.doc.Notes = append(b.doc.Notes, s) }

// Document returns what was built.
func (b *Builder) Document() *Document {
	d := b.doc
	d.Text = b.text.String()
	return &d
}
