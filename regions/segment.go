package regions

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"policygap/regions/document"
)

// Segment splits a document into measures. Its layout readers are chosen
// for each part of the document by what the part shows: tables read by
// their header row; a task table that reached us flattened into text; the
// numbered outline with its run-in titles, labelled lines and articles; and,
// where none of these finds a measure, the paragraphs that state an action.
// It fails when the document holds no measure at all. The text must be
// valid UTF-8, as the format readers make it.
func Segment(doc *Document) ([]Measure, error) {
	blocks, lines := doc.layout()
	src, ok := newSource(doc.Text, doc.norm) // the matching form made for the metadata, if it was
	doc.norm = ""                            // the measures keep what they need; the document need not hold a second copy
	if !ok {
		return nil, fmt.Errorf("the text is not valid UTF-8")
	}
	year := doc.Date.Year()
	var tables []placed
	var text []document.Block // paragraphs, and the cells of tables that are no task tables
	var skip []span           // plain text: the lines of its task tables
	for i, b := range blocks {
		if b.Table == nil {
			text = append(text, b)
			continue
		}
		if t := asTaskTable(src, b); t != nil {
			tables = append(tables, placed{t: t, at: b.Start, before: precedingText(src, blocks[:i], lines, b.Start)})
			skip = append(skip, span{b.Start, b.End})
			continue
		}
		if !lines { // a plain text's other tables are read as its lines
			text = append(text, cellBlocks(src, b)...)
		}
	}
	if len(tables) == 0 {
		if start, ok := tableStart(src); ok && !inTable(blocks, start) {
			ms := segmentTable(doc, src, start)
			for i := range ms {
				ms[i].FoundBy = "table-text"
			}
			return orNone(ms, doc)
		}
	}
	paras := src.paragraphs(text, lines, skip)
	ms := segmentOutline(doc, buildOutline(src, paras, year))
	ms = append(ms, tableMeasures(doc, src, tables, len(ms) > 0, year)...)
	if len(ms) == 0 {
		ms = fallbackMeasures(doc, src, paras, year)
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].at < ms[j].at })
	return orNone(ms, doc)
}

func orNone(ms []Measure, doc *Document) ([]Measure, error) {
	if len(ms) == 0 {
		return nil, fmt.Errorf("no recognisable measures in %d bytes of text (no numbered items such as 一、 /（一）/ 1., no task table, and no paragraph that states an action)", len(doc.Text))
	}
	return ms, nil
}

// placed is a task table and the text just before it (an 附件 line names it).
type placed struct {
	t      *taskTable
	at     int
	before string
}

// precedingText is the matching form of the few paragraphs before rune at.
func precedingText(src *source, blocks []document.Block, lines bool, at int) string {
	if lines {
		return src.normStr(max(0, at-80), at)
	}
	var b strings.Builder
	for _, bl := range blocks[max(0, len(blocks)-3):] {
		if bl.Table == nil {
			b.WriteString(src.normStr(bl.Start, bl.End))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// tableMeasures reads the task tables' rows. Their ids are the row numbers;
// where the document has measures besides, an appendix table's are prefixed
// 附件-, another table's 表N-.
func tableMeasures(doc *Document, src *source, tables []placed, others bool, year int) []Measure {
	var ms []Measure
	for k, p := range tables {
		prefix := ""
		if others || len(tables) > 1 {
			prefix = "表" + strconv.Itoa(k+1) + "-"
			for _, l := range strings.Split(p.before, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "附") {
					prefix = "附件-"
				}
			}
		}
		rows := p.t.measures(doc, year, prefix)
		for i := range rows {
			rows[i].at = p.at + i
		}
		ms = append(ms, rows...)
	}
	return ms
}

// inTable: rune i stands in a table block.
func inTable(blocks []document.Block, i int) bool {
	for _, b := range blocks {
		if b.Table != nil && i >= b.Start && i < b.End {
			return true
		}
	}
	return false
}
