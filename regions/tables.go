package regions

import (
	"strconv"
	"strings"

	"policygap/regions/document"
)

// A task table (任务分工表) is read by its header row, whatever its columns
// are called: a row number (序号), the task (重点任务 / 工作任务 / 具体措施 …),
// the units (责任单位, or 牵头单位 and 配合单位), the deadline (完成时限 / 时间节点
// …). Each row is a measure; a row across the table (一、…) is a section; a
// merged cell is every spanned row's (the format readers resolved that).

// column is what a task table's column holds.
type column uint8

const (
	colOther column = iota
	colNumber
	colTask
	colUnits
	colLead
	colPartner
	colDeadline
)

// headerWords name the columns, in matching form, longest first where one
// contains another.
var headerWords = []struct {
	word string
	col  column
}{
	{"序号", colNumber}, {"编号", colNumber},
	{"牵头单位", colLead}, {"牵头部门", colLead}, {"主办单位", colLead}, {"主责单位", colLead},
	{"配合单位", colPartner}, {"配合部门", colPartner}, {"协办单位", colPartner}, {"参与单位", colPartner}, {"协同单位", colPartner},
	{"责任单位", colUnits}, {"责任部门", colUnits}, {"责任主体", colUnits}, {"负责单位", colUnits}, {"实施主体", colUnits},
	{"责任处室", colUnits}, {"实施单位", colUnits},
	{"完成时限", colDeadline}, {"完成时间", colDeadline}, {"时间节点", colDeadline}, {"进度安排", colDeadline},
	{"时间安排", colDeadline}, {"完成期限", colDeadline}, {"时间要求", colDeadline}, {"时限要求", colDeadline},
	{"截止时间", colDeadline}, {"时限", colDeadline},
	{"重点任务", colTask}, {"工作任务", colTask}, {"任务内容", colTask}, {"具体措施", colTask}, {"主要任务", colTask},
	{"工作内容", colTask}, {"具体任务", colTask}, {"工作措施", colTask}, {"重点工作", colTask}, {"任务措施", colTask},
	{"主要措施", colTask}, {"政策措施", colTask}, {"工作事项", colTask}, {"任务名称", colTask}, {"工作要求", colTask},
	{"措施", colTask}, {"任务", colTask}, {"事项", colTask}, {"内容", colTask},
}

// headerColumn is what a header cell names, colOther if none of the words.
func headerColumn(norm string) column {
	t := strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, norm)
	if t == "" || runeCount(t) > 16 {
		return colOther
	}
	for _, h := range headerWords {
		if strings.Contains(t, h.word) {
			return h.col
		}
	}
	return colOther
}

// taskTable is a table read as a task table: what each grid column holds.
type taskTable struct {
	src    *source
	block  document.Block
	cols   []column // by grid column
	header int      // rows before the first data row
}

// cellSpan is a cell of a row by grid column: its runes in the source.
type cellSpan struct {
	start, end int
	merged     bool
	cols       int
}

// gridCells lays a row's cells out on the grid: cell i covers its Cols columns.
func gridCells(r document.Row) []cellSpan {
	var out []cellSpan
	for _, c := range r.Cells {
		for k := 0; k < max(c.Cols, 1); k++ {
			out = append(out, cellSpan{c.Start, c.End, c.Merged, max(c.Cols, 1)})
		}
	}
	return out
}

// asTaskTable reads a table's header: a row (among the first three) that
// names a task column and a units or deadline column; a second header row
// below it (牵头单位 | 配合单位 under 责任单位) refines it. nil when the table
// is no task table (a contact list, a layout table).
func asTaskTable(src *source, b document.Block) *taskTable {
	rows := b.Table.Rows
	for h := 0; h < len(rows) && h < 3; h++ {
		cells := gridCells(rows[h])
		cols := make([]column, len(cells))
		task, other := false, false
		for i, c := range cells {
			cols[i] = headerColumn(src.normStr(c.start, c.end))
			task = task || cols[i] == colTask
			other = other || cols[i] >= colUnits
		}
		if !task || !other {
			continue
		}
		t := &taskTable{src: src, block: b, cols: cols, header: h + 1}
		if h+1 < len(rows) { // a second header row
			sub := gridCells(rows[h+1])
			named, all := 0, 0
			for _, c := range sub {
				if c.merged {
					continue
				}
				all++
				if headerColumn(src.normStr(c.start, c.end)) != colOther {
					named++
				}
			}
			if all > 0 && named == all {
				for i, c := range sub {
					if col := headerColumn(src.normStr(c.start, c.end)); col != colOther && i < len(t.cols) {
						t.cols[i] = col
					}
				}
				t.header++
			}
		}
		return t
	}
	return nil
}

// measures reads the data rows.
func (t *taskTable) measures(doc *Document, year int, idPrefix string) []Measure {
	var ms []Measure
	section := ""
	var taskCols []int
	for i, c := range t.cols {
		if c == colTask {
			taskCols = append(taskCols, i)
		}
	}
	n := 0 // rows without a number are counted
	headerText := t.rowKey(t.block.Table.Rows[t.header-1])
	for _, row := range t.block.Table.Rows[t.header:] {
		cells := gridCells(row)
		if t.rowKey(row) == headerText {
			continue // the header repeated on a new page
		}
		if s, ok := t.sectionRow(cells); ok {
			section = s
			continue
		}
		textCol := taskCols[len(taskCols)-1]
		if textCol >= len(cells) {
			continue
		}
		task := cells[textCol]
		if strings.TrimSpace(t.src.normStr(task.start, task.end)) == "" {
			continue
		}
		path := []string{}
		if section != "" {
			path = append(path, section)
		}
		if len(taskCols) > 1 && taskCols[0] < len(cells) { // 重点任务 | 具体措施: the first groups the second
			g := cells[taskCols[0]]
			if s := strings.TrimSpace(t.src.origStr(g.start, g.end)); s != "" && g.start != task.start {
				path = append(path, s)
			}
		}
		n++
		m := t.rowMeasure(doc, cells, task, year)
		m.ID = idPrefix + t.rowNumber(cells, n)
		if len(path) > 0 {
			m.Section = path[len(path)-1]
		}
		m.Path = path
		m.NormPath = make([]string, len(path))
		for i, p := range path {
			m.NormPath[i] = NormalizeString(p)
		}
		ms = append(ms, m)
	}
	return ms
}

func (t *taskTable) rowKey(r document.Row) string {
	var b strings.Builder
	for _, c := range r.Cells {
		b.WriteString(t.src.normStr(c.Start, c.End))
		b.WriteByte('|')
	}
	return b.String()
}

// sectionRow: a row with one text across the table, or text only in its
// first column that is no row number: a section heading.
func (t *taskTable) sectionRow(cells []cellSpan) (string, bool) {
	if len(cells) == 0 {
		return "", false
	}
	first := cells[0]
	text := strings.TrimSpace(t.src.origStr(first.start, first.end))
	if text == "" {
		return "", false
	}
	if first.cols >= len(t.cols)-1 && len(t.cols) > 1 {
		return text, true
	}
	for _, c := range cells[1:] {
		if c.start != first.start && strings.TrimSpace(t.src.normStr(c.start, c.end)) != "" && !c.merged {
			return "", false
		}
	}
	if _, ok := rowNumberValue(NormalizeString(text)); ok {
		return "", false
	}
	return text, true
}

// rowNumberValue reads a cell that holds only a row number: Arabic digits
// or Chinese numerals, maybe followed by a dot or 、.
func rowNumberValue(norm string) (int, bool) {
	t := strings.TrimRight(strings.TrimSpace(norm), ".、")
	if t != "" && len(t) <= 4 && isDigits(t) {
		v, _ := strconv.Atoi(t)
		return v, true
	}
	if v := cnNumber(t); v > 0 && runeCount(t) <= 3 {
		return v, true
	}
	return 0, false
}

// rowNumber is the row's number as printed in its 序号 column, or its count.
func (t *taskTable) rowNumber(cells []cellSpan, count int) string {
	for i, c := range t.cols {
		if c == colNumber && i < len(cells) {
			s := strings.TrimRight(strings.TrimSpace(t.src.normStr(cells[i].start, cells[i].end)), ".、")
			if v, ok := rowNumberValue(s); ok {
				return strconv.Itoa(v)
			}
			if s != "" && runeCount(s) <= 6 {
				return s
			}
		}
	}
	return strconv.Itoa(count)
}

// rowMeasure makes a row's measure: the task cell's text; units from the
// units, lead and partner columns; the deadline from the deadline column.
func (t *taskTable) rowMeasure(doc *Document, cells []cellSpan, task cellSpan, year int) Measure {
	src := t.src
	m := Measure{Region: doc.Region, Doc: doc.Name(), Text: src.origStr(task.start, task.end), Norm: src.normStr(task.start, task.end), FoundBy: "table"}
	m.Deadline = Deadline{Kind: DeadlineNone}
	var assignment []string
	seen := map[int]bool{}
	for i, col := range t.cols {
		if i >= len(cells) || col < colUnits || seen[cells[i].start] && cells[i].end > cells[i].start {
			continue
		}
		c := cells[i]
		seen[c.start] = true
		orig := strings.TrimSpace(src.origStr(c.start, c.end))
		if orig == "" {
			continue
		}
		assignment = append(assignment, orig)
		norm := strings.ReplaceAll(src.normStr(c.start, c.end), "\n", "、")
		norm = strings.TrimSpace(norm)
		if col == colDeadline {
			if d, ok := ParseDeadline(norm, year); ok {
				d.Raw = orig
				m.Deadline = d
			}
			continue
		}
		a, ok := ParseAssignment(norm, orig, year)
		if !ok {
			continue
		}
		m.Units = append(m.Units, a.Units...)
		switch {
		case col == colLead:
			m.Lead = append(m.Lead, a.Units...)
		default:
			m.Lead = append(m.Lead, a.Lead...)
		}
		if a.HasDate && m.Deadline.Kind == DeadlineNone {
			m.Deadline = a.Deadline
		}
	}
	m.Units, m.Lead = uniq(m.Units), uniq(m.Lead)
	m.Assignment = strings.Join(assignment, " | ")
	if title := titleOf(m.Norm); title != "" {
		m.Title = runeSlice(m.Text, 0, runeCount(title))
	}
	return m
}

// cellBlocks turns a table that is no task table into paragraph blocks, a
// block per line of each cell, for the outline to read (a page laid out in
// a table, a numbered list typed into cells).
func cellBlocks(src *source, b document.Block) []document.Block {
	var out []document.Block
	for _, r := range b.Table.Rows {
		for _, c := range r.Cells {
			if c.Merged {
				continue
			}
			start := c.Start
			for i := c.Start; i <= c.End; i++ {
				if i == c.End || src.norm[i] == '\n' {
					if i > start {
						out = append(out, document.Block{Start: start, End: i, Origin: r.Origin})
					}
					start = i + 1
				}
			}
		}
	}
	return out
}
