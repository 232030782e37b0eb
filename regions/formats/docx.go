package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"policygap/regions/document"
)

// MaxDocumentBytes bounds what one document may expand to (a .docx's XML
// included), so a zip bomb or a runaway file cannot exhaust memory.
const MaxDocumentBytes = 64 << 20

// MaxTextBytes bounds the text a document may hold once read: a plan is tens
// or hundreds of KB of text; a reading costs about twenty-five times its
// text in memory, so 16 MiB keeps one document under half a GB.
const MaxTextBytes = 16 << 20

// maxXMLDepth bounds the nesting of a .docx's XML: Word nests a few dozen
// levels; a file nesting millions would cost minutes and gigabytes.
const maxXMLDepth = 512

// readDocx reads a Word document: paragraphs with their heading level (a
// Heading/标题 style or an outline level), the label Word's automatic
// numbering shows for them (numbering.xml), their bold opening; tables with
// merged cells resolved. Deleted text of tracked changes is skipped.
func readDocx(data []byte) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("corrupt .docx (not a zip archive): %w", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	body := parts["word/document.xml"]
	if body == nil {
		return nil, errors.New("corrupt .docx: no word/document.xml")
	}
	r := &docxReader{b: document.NewBuilder("docx", UTF8)}
	if f := parts["word/styles.xml"]; f != nil {
		if err := readPart(f, r.readStyles); err != nil {
			return nil, err
		}
	}
	if f := parts["word/numbering.xml"]; f != nil {
		if err := readPart(f, r.readNumbering); err != nil {
			return nil, err
		}
	}
	if err := readPart(body, r.readBody); err != nil {
		return nil, err
	}
	return r.b.Document(), nil
}

// readPart decodes one XML part of the archive, bounded in size and depth.
func readPart(f *zip.File, read func(*xmlTokens) error) error {
	if f.UncompressedSize64 > MaxDocumentBytes {
		return fmt.Errorf(".docx: %s expands to %d MiB, more than %d MiB (a zip bomb?)", f.Name, f.UncompressedSize64>>20, MaxDocumentBytes>>20)
	}
	// the size a zip declares can lie, but archive/zip refuses a part that
	// expands past it (zip.ErrFormat): the check above bounds what is read
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("corrupt .docx: %w", err)
	}
	defer rc.Close()
	if err := read(&xmlTokens{dec: xml.NewDecoder(rc)}); err != nil {
		return fmt.Errorf("corrupt .docx: %s: %w", f.Name, err)
	}
	return nil
}

// xmlTokens reads tokens and keeps the element depth within maxXMLDepth.
type xmlTokens struct {
	dec   *xml.Decoder
	depth int
	err   error // the error that ended all, nil at the end of the part
}

// all yields the part's tokens until its end or an error, kept in err.
func (t *xmlTokens) all() iter.Seq[xml.Token] {
	return func(yield func(xml.Token) bool) {
		for {
			tok, err := t.dec.Token()
			if err != nil {
				if err != io.EOF {
					t.err = err
				}
				return
			}
			switch tok.(type) {
			case xml.StartElement:
				if t.depth++; t.depth > maxXMLDepth {
					t.err = fmt.Errorf("elements nested more than %d deep", maxXMLDepth)
					return
				}
			case xml.EndElement:
				t.depth--
			}
			if !yield(tok) {
				return
			}
		}
	}
}

func attrVal(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a toggle property (<w:b/>, <w:b w:val="0"/>).
func onOff(e xml.StartElement) bool {
	v, ok := attrVal(e, "val")
	return !ok || v == "1" || v == "true" || v == "on"
}

// style is what a paragraph or character style gives.
type style struct {
	name       string
	basedOn    string
	outline    int // heading level 1..9, 0 none
	numID      string
	ilvl       int
	bold, hasB bool
}

type docxReader struct {
	b      *document.Builder
	styles map[string]*style
	nums   numbering
	para   int
}

func (r *docxReader) readStyles(t *xmlTokens) error {
	r.styles = map[string]*style{}
	var cur *style
	inRPr := false
	for tok := range t.all() {
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "style":
				id, _ := attrVal(e, "styleId")
				cur = &style{ilvl: -1}
				r.styles[id] = cur
			case "name":
				if cur != nil {
					cur.name, _ = attrVal(e, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn, _ = attrVal(e, "val")
				}
			case "outlineLvl":
				if cur != nil {
					v, _ := attrVal(e, "val")
					if n, err := strconv.Atoi(v); err == nil && n < 9 {
						cur.outline = n + 1
					}
				}
			case "numId":
				if cur != nil {
					cur.numID, _ = attrVal(e, "val")
				}
			case "ilvl":
				if cur != nil {
					v, _ := attrVal(e, "val")
					cur.ilvl, _ = strconv.Atoi(v)
				}
			case "rPr":
				inRPr = true
			case "b":
				if cur != nil && inRPr {
					cur.bold, cur.hasB = onOff(e), true
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "style":
				cur = nil
			case "rPr":
				inRPr = false
			}
		}
	}
	return t.err
}

// resolved walks a style's basedOn chain: its heading level, numbering and bold.
func (r *docxReader) resolved(id string) style {
	var out style
	out.ilvl = -1
	haveB := false
	for hops := 0; id != "" && hops < 16; hops++ {
		s := r.styles[id]
		if s == nil {
			break
		}
		if out.outline == 0 {
			out.outline = s.outline
			if out.outline == 0 {
				out.outline = headingLevel(s.name)
			}
		}
		if out.numID == "" && s.numID != "" {
			out.numID = s.numID
			out.ilvl = s.ilvl
		}
		if !haveB && s.hasB {
			out.bold, haveB = s.bold, true
		}
		id = s.basedOn
	}
	return out
}

// headingLevel reads "heading 2" or "标题 2" (Word's built-in heading names).
func headingLevel(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, p := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(n, p); ok {
			if v, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && v >= 1 && v <= 9 {
				return v
			}
		}
	}
	return 0
}

// docxPara is a paragraph being read.
type docxPara struct {
	text     strings.Builder
	styleID  string
	numID    string
	ilvl     int
	hasNum   bool
	outline  int
	emph     int  // runes of the bold run(s) that open it
	emphOpen bool // still reading its opening bold runs
	runBold  bool // the run being read is bold
	runes    int
}

// docxCell is a table cell being read.
type docxCell struct {
	paras  []string
	span   int
	vMerge string // "restart", "continue" or ""
}

type docxTable struct {
	rows [][]*docxCell
}

func (r *docxReader) readBody(t *xmlTokens) error {
	var paras []*docxPara // nested: a text box's paragraph inside a paragraph
	var tables []*docxTable
	var cell *docxCell
	var cells []*docxCell // the open cells, innermost last
	skip := 0             // depth inside deleted or duplicated content
	inText, inRPr := false, false
	for tok := range t.all() {
		switch e := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			p := top(paras)
			switch e.Name.Local {
			case "del", "moveFrom", "Fallback", "instrText", "delInstrText", "footnoteReference", "endnoteReference":
				skip = 1
			case "p":
				paras = append(paras, &docxPara{ilvl: -1, emphOpen: true})
			case "pStyle":
				if p != nil {
					p.styleID, _ = attrVal(e, "val")
				}
			case "numId":
				if p != nil {
					p.numID, _ = attrVal(e, "val")
					p.hasNum = true
				}
			case "ilvl":
				if p != nil {
					v, _ := attrVal(e, "val")
					p.ilvl, _ = strconv.Atoi(v)
				}
			case "outlineLvl":
				if p != nil {
					v, _ := attrVal(e, "val")
					if n, err := strconv.Atoi(v); err == nil && n < 9 {
						p.outline = n + 1
					}
				}
			case "r":
				if p != nil {
					p.runBold = r.resolved(p.styleID).bold
				}
			case "rStyle":
				if v, _ := attrVal(e, "val"); p != nil && r.resolved(v).bold {
					p.runBold = true
				}
			case "rPr":
				inRPr = true
			case "b":
				if p != nil && inRPr {
					p.runBold = onOff(e)
				}
			case "t":
				inText = true
			case "tab":
				if p != nil && !inRPr {
					p.write("\t", false)
				}
			case "br", "cr":
				if v, _ := attrVal(e, "type"); p != nil && v != "page" && v != "column" {
					p.write("\n", false)
				}
			case "noBreakHyphen":
				if p != nil {
					p.write("-", false)
				}
			case "tbl":
				tables = append(tables, &docxTable{})
			case "tr":
				if tb := top(tables); tb != nil {
					tb.rows = append(tb.rows, nil)
				}
			case "tc":
				cell = &docxCell{span: 1}
				cells = append(cells, cell)
				if tb := top(tables); tb != nil {
					if len(tb.rows) == 0 { // a cell before any row (a tool's, not Word's): a row of its own
						tb.rows = append(tb.rows, nil)
					}
					tb.rows[len(tb.rows)-1] = append(tb.rows[len(tb.rows)-1], cell)
				}
			case "gridSpan":
				if c := top(cells); c != nil {
					v, _ := attrVal(e, "val")
					if n, err := strconv.Atoi(v); err == nil && n > 1 {
						c.span = n
					}
				}
			case "vMerge":
				if c := top(cells); c != nil {
					v, _ := attrVal(e, "val")
					if v == "" {
						v = "continue"
					}
					c.vMerge = v
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch e.Name.Local {
			case "t":
				inText = false
			case "rPr":
				inRPr = false
			case "p":
				p := top(paras)
				paras = paras[:len(paras)-1]
				if p == nil {
					continue
				}
				if c := top(cells); c != nil && len(tables) > 0 {
					label := r.label(p)
					c.paras = append(c.paras, label+p.text.String())
				} else {
					r.paragraph(p)
				}
			case "tc":
				cells = cells[:len(cells)-1]
			case "tbl":
				tb := top(tables)
				tables = tables[:len(tables)-1]
				if c := top(cells); c != nil && len(tables) > 0 {
					c.paras = append(c.paras, tb.lines()...) // a table inside a cell: its rows as lines
					continue
				}
				r.table(tb)
			}
		case xml.CharData:
			if p := top(paras); p != nil && inText && skip == 0 {
				p.write(string(e), true)
			}
		}
	}
	return t.err
}

func top[T any](s []*T) *T {
	if len(s) == 0 {
		return nil
	}
	return s[len(s)-1]
}

// write adds text to the paragraph; a run's text extends the bold opening
// while every run so far was bold.
func (p *docxPara) write(s string, run bool) {
	n := len([]rune(s))
	if run && p.emphOpen {
		if p.runBold {
			p.emph += n
		} else if strings.TrimSpace(s) != "" {
			p.emphOpen = false
		} else { // blanks, before or within the opening: paragraph() trims the leading ones off
			p.emph += n
		}
	}
	p.text.WriteString(s)
	p.runes += n
}

// paragraph emits a body paragraph, split at its line breaks.
func (r *docxReader) paragraph(p *docxPara) {
	st := r.resolved(p.styleID)
	heading := p.outline
	if heading == 0 {
		heading = st.outline
	}
	label := r.label(p)
	emph := p.emph
	text := p.text.String()
	lead := len([]rune(text)) - len([]rune(strings.TrimLeft(text, " \t\u3000")))
	emph = max(0, emph-lead)
	for i, line := range strings.Split(text, "\n") {
		r.para++
		b := document.Block{Heading: heading, Origin: document.Origin{Para: r.para}}
		if i == 0 {
			b.Label, b.Emph = label, min(emph, len([]rune(strings.TrimSpace(line))))
		}
		if strings.TrimSpace(line) == "" && b.Label == "" {
			continue
		}
		r.b.Paragraph(strings.TrimSpace(line), b)
	}
}

// label is the numbering label Word shows for the paragraph, "" for none.
func (r *docxReader) label(p *docxPara) string {
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum {
		st := r.resolved(p.styleID)
		numID, ilvl = st.numID, st.ilvl
		if ilvl < 0 {
			ilvl = r.nums.levelOfStyle(numID, p.styleID)
		}
	}
	if numID == "" || numID == "0" {
		return ""
	}
	return r.nums.next(numID, max(ilvl, 0))
}

func (tb *docxTable) lines() []string {
	var out []string
	for _, row := range tb.rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, strings.Join(c.paras, " "))
		}
		out = append(out, strings.Join(cells, " "))
	}
	return out
}

func (r *docxReader) table(tb *docxTable) {
	r.b.StartTable()
	for _, row := range tb.rows {
		texts := make([]string, len(row))
		cols := make([]int, len(row))
		merged := make([]bool, len(row))
		for i, c := range row {
			texts[i] = strings.Join(c.paras, "\n")
			cols[i] = c.span
			merged[i] = c.vMerge == "continue"
		}
		r.para++
		r.b.Row(texts, cols, merged, document.Origin{Para: r.para})
	}
	r.b.EndTable(document.Origin{Para: r.para})
}
