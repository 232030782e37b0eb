// Package xlsx renders the planners' workbook (workbook.xlsx) with excelize:
// the overview heatmap, coverage detail, provision coverage, the ledger of
// every measure (工作台账, with the columns planners fill in), the gaps, the
// changes and the run manifest; and reads a filled-in ledger back (ledger.go).
//
// Detail sheets are written with the stream writer, so a workbook of 100,000
// measures stays small in memory. Text is always written as text, never as a
// formula, whatever it starts with.
package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"policygap/compare"
	"policygap/regions"
	"policygap/reports"
	"policygap/strength"
)

// Writer writes workbook.xlsx.
type Writer struct {
	// CommentLimit is the largest overview (regions x tasks) that gets a
	// comment on every cell; larger ones rely on the coverage detail sheet.
	CommentLimit int
}

// New returns a workbook writer.
func New() *Writer { return &Writer{CommentLimit: 5000} }

// levelColor is the heatmap fill of each coverage level.
var levelColor = map[string]string{
	string(compare.LevelNone):       "F8696B",
	string(compare.LevelMentioned):  "FCB97D",
	string(compare.LevelPartial):    "FFEB84",
	string(compare.LevelFull):       "63BE7B",
	string(compare.LevelOutOfScope): "D9D9D9",
}

var levelOrder = []compare.Level{compare.LevelNone, compare.LevelMentioned, compare.LevelPartial, compare.LevelFull, compare.LevelOutOfScope}

// strengthColor is the fill of each strength level: blue for what binds,
// amber for what only encourages, orange for what commits to nothing.
var strengthColor = map[strength.Level]string{
	strength.Mandatory:   "5B9BD5",
	strength.Directive:   "BDD7EE",
	strength.Encouraging: "FFE699",
	strength.Descriptive: "F8CBAD",
}

type book struct {
	f      *excelize.File
	wb     *reports.Workbook
	l      reports.Lang
	header int
	bold   int
	// rejected marks a ledger value carried over that could not be used
	rejected int
	date     int
	wrap     int
	levels   map[string]int
	strength map[strength.Level]int // fill of each strength level
	tables   map[string]int         // sheet -> the number of its Excel table, by sheet order
	text     map[string]string      // measure key -> text, for the sheets that quote measures
	labels   map[string]string      // provision id -> label in the workbook's language
	// mu guards f: sheets are filled side by side, each into its own stream
	// writer, while opening, closing and the overview's cells go through f.
	mu sync.Mutex
}

// sheet is a sheet of the workbook and what fills it; rows, an estimate,
// lets the largest start first.
type sheet struct {
	name string
	fill func(name string) error
	rows int
}

// Write writes the workbook.
func (w *Writer) Write(out io.Writer, wb *reports.Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	// A national workbook is hundreds of MB of XML: compress fast, and
	// straight into out. excelize zips into a buffer of its own and then copies
	// that buffer to out; handed a zip writer on out, it leaves the buffer
	// empty and the copy writes nothing. (What it would also skip: marking
	// the local headers of sheets over 4 GiB as zip64, twenty times the largest
	// sheet of a 3,000-document run; archive/zip still writes their zip64
	// records.)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return fastZip(out) })
	res := wb.Results
	b := &book{f: f, wb: wb, l: wb.Lang, levels: map[string]int{}, strength: map[strength.Level]int{}, text: measureText(res), labels: map[string]string{}}
	for _, p := range wb.Provisions {
		b.labels[p.ID] = p.Title
	}
	if err := b.styles(); err != nil {
		return err
	}
	sheets := b.sheets(w.CommentLimit)
	f.SetSheetName("Sheet1", sheets[0].name) // the overview, first, is the active sheet
	b.tables = map[string]int{}
	for i, sh := range sheets[1:] {
		b.tables[sh.name] = i + 1
		if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
	}
	order := make([]int, len(sheets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return sheets[order[i]].rows > sheets[order[j]].rows })
	errs := make([]error, len(sheets))
	regions.InOrder(len(order), func(i int) {
		sh := sheets[order[i]]
		errs[order[i]] = sh.fill(sh.name)
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return f.Write(out)
}

// sheets lists the workbook's sheets in their order; the changes and the
// ledger problems only when there are some.
func (b *book) sheets(commentLimit int) []sheet {
	l, res, wb := b.l.L, b.wb.Results, b.wb
	out := []sheet{
		{l("sheet.overview"), func(name string) error { return b.overview(name, commentLimit) }, len(res.Regions) * 8},
		{l("sheet.cells"), b.cells, len(res.Coverage)},
		{l("sheet.strength"), b.strengthMatrix, len(res.Regions) * 2},
		{l("sheet.provisions"), b.provisions, len(res.Regions) * len(wb.Provisions) / 8},
		{l("sheet.measures"), b.measures, len(wb.Ledger) * 4},
		{l("sheet.deadlines"), b.deadlines, len(res.Deadlines) * 2},
		{l("sheet.resp"), b.responsibility, len(res.Units) + len(res.NoLead) + 2*len(res.NoUnit)},
		{l("sheet.gaps"), b.gaps, len(res.Gaps) * 2},
		{l("sheet.innovations"), b.innovations, len(res.Innovations) * 2},
	}
	if res.Changes != nil {
		out = append(out, sheet{l("sheet.changes"), b.changes, 0})
	}
	if len(wb.LedgerProblems) > 0 || len(wb.StaleEntries) > 0 {
		out = append(out, sheet{l("sheet.ledger"), b.ledgerProblems, 0})
	}
	return append(out, sheet{l("sheet.about"), b.about, 0})
}

// fastZip compresses with flate's best speed, on every core: the workbook
// is a little larger and written several times faster.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return newBlockDeflate(out), nil
	})
	return zw
}

func (b *book) styles() error {
	var err error
	if b.header, err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}); err != nil {
		return err
	}
	if b.bold, err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	if b.rejected, err = b.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}},
		Font: &excelize.Font{Color: "9C0006"}}); err != nil {
		return err
	}
	format := "yyyy-mm-dd"
	if b.date, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
		return err
	}
	if b.wrap, err = b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return err
	}
	for _, lv := range levelOrder {
		id, err := b.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{levelColor[string(lv)]}},
			NumFmt: 2, Alignment: &excelize.Alignment{Horizontal: "center"}})
		if err != nil {
			return err
		}
		b.levels[string(lv)] = id
	}
	for lv, color := range strengthColor {
		id, err := b.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
			Alignment: &excelize.Alignment{Horizontal: "center"}})
		if err != nil {
			return err
		}
		b.strength[lv] = id
	}
	return nil
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// overview: regions x (index, areas, tasks), each score cell filled with its
// level's colour and commented with the measures behind it.
// collapseOver: an overview of more rows opens with its top regions alone.
var collapseOver = 200

func (b *book) overview(sheet string, commentLimit int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	f, o := b.f, b.wb.Overview
	heads := []any{b.l.L("col.region"), b.l.L("dash.level"), b.l.L("col.index"), b.l.L("col.rank")}
	for _, a := range o.Areas {
		heads = append(heads, a.ID+" "+a.Title)
	}
	for _, t := range o.Tasks {
		heads = append(heads, t.ID+" "+t.Title)
	}
	if err := f.SetSheetRow(sheet, "A1", &heads); err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", cell(len(heads), 1), b.header)
	f.SetRowHeight(sheet, 1, 60)
	comments := len(o.Regions)*len(o.Tasks) <= commentLimit
	// grouped by province: a region with regions below is a roll-up row,
	// then its own row and the regions below one outline level deeper; a
	// national workbook opens with the provinces alone, the rest a click on
	// Excel's + away
	tree := o.Tree()
	collapse := len(tree) > collapseOver
	row := 1
	line := func(depth int, name string, level string) {
		row++
		f.SetCellValue(sheet, cell(1, row), strings.Repeat("  ", depth)+name)
		f.SetCellValue(sheet, cell(2, row), level)
		if depth > 0 {
			f.SetRowOutlineLevel(sheet, row, uint8(min(depth, 7)))
			if collapse {
				f.SetRowVisible(sheet, row, false)
			}
		}
	}
	for _, n := range tree {
		depth := n.Depth
		if n.RollUp >= 0 {
			ru := o.RollUps[n.RollUp]
			line(depth, b.l.Sprintf("xlsx.rollup", n.Name, len(ru.Below)), b.l.L("level."+n.Level))
			f.SetCellValue(sheet, cell(3, row), ru.Index)
			f.SetCellStyle(sheet, cell(1, row), cell(1, row), b.bold)
			f.SetCellStyle(sheet, cell(3, row), cell(3, row), b.levels[string(compare.LevelOf(ru.Index))])
			byTask := map[string]compare.RollUpTask{}
			for _, rt := range ru.Tasks {
				byTask[rt.Task] = rt
			}
			for j, a := range o.Areas {
				i := slices.IndexFunc(ru.Areas, func(ra compare.RollUpArea) bool { return ra.Area == a.ID })
				if i < 0 {
					b.score(sheet, cell(5+j, row), 0, string(compare.LevelOutOfScope))
					continue
				}
				b.score(sheet, cell(5+j, row), ru.Areas[i].Score, string(ru.Areas[i].Level))
			}
			for j, t := range o.Tasks {
				rt, ok := byTask[t.ID]
				if !ok {
					b.score(sheet, cell(5+len(o.Areas)+j, row), 0, string(compare.LevelOutOfScope))
					continue
				}
				b.score(sheet, cell(5+len(o.Areas)+j, row), rt.Score, string(rt.Level))
			}
			depth++
		}
		if n.Region < 0 {
			continue
		}
		i, r := n.Region, o.Regions[n.Region]
		name := r.Name
		if n.RollUp >= 0 {
			name = b.l.Sprintf("xlsx.own", r.Name)
		}
		line(depth, name, b.l.L("level."+n.Level))
		f.SetCellValue(sheet, cell(3, row), r.Index)
		f.SetCellValue(sheet, cell(4, row), r.Rank)
		f.SetCellStyle(sheet, cell(3, row), cell(3, row), b.levels[string(compare.LevelOf(r.Index))])
		for j, score := range o.AreaMatrix[i] {
			b.score(sheet, cell(5+j, row), score, o.AreaLevels[i][j])
		}
		for j, c := range o.Matrix[i] {
			name := cell(5+len(o.Areas)+j, row)
			b.score(sheet, name, c.Score, c.Level)
			if comments {
				if err := f.AddComment(sheet, excelize.Comment{Cell: name, Author: "policygap",
					Paragraph: []excelize.RichTextRun{{Text: cellComment(b.l, o.Tasks[j], c)}}}); err != nil {
					return err
				}
			}
		}
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{OutlineSummaryBelow: new(false)}); err != nil {
		return err
	}
	// the legend, under the matrix
	legend := row + 2
	f.SetCellValue(sheet, cell(1, legend), b.l.L("col.level.legend"))
	f.SetCellStyle(sheet, cell(1, legend), cell(1, legend), b.header)
	for k, lv := range levelOrder {
		c := cell(2+k, legend)
		f.SetCellValue(sheet, c, b.l.L(string(lv)))
		f.SetCellStyle(sheet, c, c, b.levels[string(lv)])
	}
	f.SetCellValue(sheet, cell(1, legend+1), b.l.L("brief.method"))
	f.SetCellValue(sheet, cell(2, legend+1), strings.Join(b.methodLines(), " "))
	last, _ := excelize.ColumnNumberToName(len(heads))
	f.SetColWidth(sheet, "A", "A", 30)
	f.SetColWidth(sheet, "B", last, 9)
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
}

// score writes a heatmap cell: the score on its level's colour, or a dash
// on grey where the region does not set out to cover the task.
func (b *book) score(sheet, c string, score float64, level string) {
	if level == string(compare.LevelOutOfScope) {
		b.f.SetCellValue(sheet, c, "—")
	} else {
		b.f.SetCellValue(sheet, c, score)
	}
	b.f.SetCellStyle(sheet, c, c, b.levels[level])
}

// provisionLabel is a provision's label in the workbook's language.
func (b *book) provisionLabel(id, label string) string {
	if l, ok := b.labels[id]; ok {
		return l
	}
	return label
}

func (b *book) methodLines() []string { return reports.MethodNote(b.wb.Results, b.l) }

func cellComment(l reports.Lang, t reports.Head, c reports.Cell) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s %.2f\n", t.ID, t.Title, c.LevelLabel, c.Score)
	for _, m := range c.Measures {
		fmt.Fprintf(&b, "%s#%s\n", m.Doc, m.ID)
	}
	if len(c.Missing) > 0 && c.Level != string(compare.LevelOutOfScope) {
		fmt.Fprintf(&b, "%s: %s", l.L("col.missing"), reports.Join(c.Missing))
	}
	return b.String()
}

// table writes a detail sheet with the stream writer: a header row, frozen,
// filter buttons on every column (an Excel table), and the rows.
func (b *book) table(sheet string, heads []string, widths []float64, rows func(emit func([]any) error) error) error {
	return b.tableWith(sheet, heads, widths, rows, nil)
}

// tableWith is table, with before called ahead of the final flush: what a
// stream-written sheet carries besides cells (data validation) must be added
// before its XML is closed.
func (b *book) tableWith(sheet string, heads []string, widths []float64, rows func(emit func([]any) error) error, before func(n int) error) error {
	b.mu.Lock()
	sw, err := b.f.NewStreamWriter(sheet)
	b.mu.Unlock()
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(heads))
	for i, h := range heads {
		head[i] = excelize.Cell{StyleID: b.header, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	n := 1
	err = rows(func(values []any) error {
		n++
		for i, v := range values {
			switch v := v.(type) {
			case string:
				values[i] = fitCell(v)
			case excelize.Cell:
				if t, ok := v.Value.(string); ok {
					v.Value = fitCell(t)
					values[i] = v
				}
			}
		}
		return sw.SetRow(cell(1, n), values)
	})
	if err != nil {
		return err
	}
	if n == 1 { // an Excel table needs a row under its header
		n++
		if err := sw.SetRow(cell(1, n), []any{""}); err != nil {
			return err
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + cell(len(heads), n), Name: fmt.Sprintf("T%d", b.tables[sheet]), StyleName: "TableStyleLight1"}); err != nil {
		return err
	}
	if before != nil {
		if err := before(n); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (b *book) cols(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = b.l.L(k)
	}
	return out
}

// cells: one row per region x task, with the measures behind the cell.
func (b *book) cells(sheet string) error {
	return b.table(sheet, b.cols("col.region", "col.task", "col.level", "col.score", "col.provisions", "col.measures", "col.covered", "col.missing",
		"col.strength", "col.actionable", "col.weak", "col.targets"),
		[]float64{10, 22, 10, 8, 10, 40, 40, 40, 10, 10, 8, 24}, func(emit func([]any) error) error {
			o := b.wb.Overview
			for i, r := range o.Regions {
				for j, c := range o.Matrix[i] {
					var ms []string
					for _, m := range c.Measures {
						ms = append(ms, m.Key)
					}
					missing := c.Missing
					if c.Level == string(compare.LevelOutOfScope) {
						missing = nil
					}
					if err := emit([]any{r.Name, o.Tasks[j].ID + " " + o.Tasks[j].Title, c.LevelLabel, c.Score,
						fmt.Sprintf("%d/%d", c.Provisions, c.Total), strings.Join(ms, "\n"),
						reports.Join(c.Covered), reports.Join(missing), c.StrengthLabel, c.Actionable, b.yesNo(c.Weak),
						reports.Join(c.Targets)}); err != nil {
						return err
					}
				}
			}
			return nil
		})
}

// provisions: region x provision, covered or missing.
func (b *book) provisions(sheet string) error {
	heads := []string{b.l.L("col.region")}
	widths := []float64{10}
	for _, p := range b.wb.Provisions {
		heads = append(heads, p.ID+" "+p.Title)
		widths = append(widths, 12)
	}
	return b.table(sheet, heads, widths, func(emit func([]any) error) error {
		for i, r := range b.wb.Results.Regions {
			row := []any{r.Name}
			for _, st := range b.wb.ProvisionStatus[i] {
				label := b.l.L("prov." + st)
				if st == string(compare.LevelOutOfScope) {
					label = b.l.L(st)
				}
				row = append(row, label)
			}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// measures: the ledger of every measure, mapped or not, with the columns a
// planner fills in: status (a dropdown), completion date, note.
func (b *book) measures(sheet string) error {
	heads := b.cols("col.no", "col.key", "col.region", "col.doc", "col.item", "col.section", "col.text", "col.tasks",
		"col.provs", "col.evidence", "col.units", "col.leads", "col.deadline.raw", "col.deadline", "col.deadline.kind",
		"col.overdue", "col.progress", "col.done", "col.note", "col.unmapped",
		"col.strength", "col.strength.evidence", "col.targets", "col.actionability", "col.lacks")
	// the strength columns come last: the columns a planner fills in stay
	// where last quarter's ledger had them
	widths := []float64{6, 30, 8, 14, 8, 20, 60, 10, 14, 20, 24, 14, 16, 12, 10, 8, 10, 12, 24, 16, 10, 14, 16, 10, 20}
	// a value the last ledger had that could not be used stays in its
	// cell, highlighted, for the planner to correct rather than retype
	rejected := map[[2]string]string{}
	for _, p := range b.wb.LedgerProblems {
		if p.Key != "" && p.Value != "" && (p.Why == "ledger.status" || p.Why == "ledger.date") {
			rejected[[2]string{p.Key, p.Why}] = p.Value
		}
	}
	keep := func(key, why string, v any) any {
		if raw, ok := rejected[[2]string{key, why}]; ok {
			return excelize.Cell{StyleID: b.rejected, Value: raw}
		}
		return v
	}
	return b.tableWith(sheet, heads, widths, func(emit func([]any) error) error {
		for i, r := range b.wb.Ledger {
			var deadline any = ""
			if r.Deadline.Kind == regions.DeadlineDate {
				deadline = excelize.Cell{StyleID: b.date, Value: r.Deadline.Date}
			}
			var done any = ""
			if !r.Done.IsZero() {
				done = excelize.Cell{StyleID: b.date, Value: r.Done}
			}
			overdue := b.l.L("no")
			if r.Overdue {
				overdue = b.l.L("yes")
			}
			kind := string(r.Deadline.KindOrNone())
			status := r.Status
			if b.l == reports.English {
				status = englishStatus[status]
			}
			if err := emit([]any{i + 1, r.Key, r.Region, r.Doc, r.ID, r.Section, r.Text, strings.Join(r.Tasks, ";"),
				strings.Join(r.Provisions, ";"), reports.Join(r.Evidence), reports.Join(r.Units), reports.Join(r.Lead),
				r.Deadline.Raw, deadline, b.l.L("kind." + kind), overdue,
				keep(r.Key, "ledger.status", status), keep(r.Key, "ledger.date", done), r.Note, r.Unmapped,
				r.Strength, reports.Join(r.StrengthEvidence), reports.Join(r.Targets), r.Actionability, reports.Join(r.Lacks)}); err != nil {
				return err
			}
		}
		return nil
	}, b.statusDropdown(sheet, slices.Index(heads, b.l.L("col.progress"))+1))
}

// statusDropdown puts the ledger statuses as a dropdown on the status column.
// statusDropdown offers the statuses in column col of a sheet.
func (b *book) statusDropdown(sheet string, col int) func(last int) error {
	return func(last int) error {
		return b.addStatusList(sheet, col, last)
	}
}

func (b *book) addStatusList(sheet string, col, last int) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cell(col, 2) + ":" + cell(col, max(2, last)))
	list := compare.Statuses
	if b.l == reports.English {
		list = nil
		for _, s := range compare.Statuses {
			list = append(list, englishStatus[s])
		}
	}
	if err := dv.SetDropList(list); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, b.l.L("col.progress"), strings.Join(list, " / "))
	return b.f.AddDataValidation(sheet, dv)
}

// englishStatus are the statuses as the English workbook shows them; the
// ledger reader accepts either.
var englishStatus = map[string]string{
	compare.StatusNotStarted: "not started", compare.StatusOngoing: "in progress", compare.StatusDone: "done",
	compare.StatusLongTerm: "long-term", compare.StatusAdjusted: "adjusted", "": "",
}

func (b *book) deadlines(sheet string) error {
	res := b.wb.Results
	return b.table(sheet, b.cols("col.region", "col.kind", "col.task", "col.key", "col.text", "col.deadline", "col.reference", "col.days"),
		[]float64{10, 16, 18, 30, 60, 12, 24, 8}, func(emit func([]any) error) error {
			for _, g := range res.Deadlines {
				ref := g.Reference
				if g.Against != "" && g.Against != "as_of" {
					ref += " (" + g.Against + ")"
				}
				if err := emit([]any{g.Region, b.l.L(g.Kind), g.Task + " " + b.wb.TaskTitles[g.Task], g.Measure, b.text[g.Measure],
					g.Deadline, ref, g.Days}); err != nil {
					return err
				}
			}
			return nil
		})
}

// fitCell cuts a text longer than a cell holds (32,767 UTF-16 units) and
// marks the cut with …; excelize would cut it without a mark. The whole
// text stays in results.json.
func fitCell(s string) string {
	if len(s) <= excelize.TotalCellChars { // UTF-8 bytes never number fewer than UTF-16 units
		return s
	}
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > excelize.TotalCellChars-1 {
			return s[:i] + "…"
		}
		n += w
	}
	return s
}

// excerpt is the opening of a peer measure's text, for a cell that stays readable.
func excerpt(text string) string {
	n := 0
	for i := range text {
		if n == 120 {
			return text[:i] + "…"
		}
		n++
	}
	return text
}

func measureText(res *reports.Results) map[string]string {
	text := make(map[string]string, len(res.Measures))
	for _, m := range res.Measures {
		text[m.Key] = m.Text
	}
	return text
}

// responsibility: the load per unit, then tasks without a lead unit and
// measures without a responsible unit.
func (b *book) responsibility(sheet string) error {
	res := b.wb.Results
	return b.table(sheet, b.cols("col.region", "col.unit", "col.measures", "col.lead", "col.deadline", "col.kind", "col.key", "col.text"),
		[]float64{10, 24, 8, 8, 10, 16, 30, 60}, func(emit func([]any) error) error {
			for _, u := range res.Units {
				if err := emit([]any{u.Region, u.Unit, u.Measures, u.Lead, u.Dated, b.l.L("unit.load"), "", ""}); err != nil {
					return err
				}
			}
			for _, t := range res.NoLead {
				if err := emit([]any{t.Region, "", "", "", "", b.l.L("resp.noLead"), t.Task + " " + b.wb.TaskTitles[t.Task], ""}); err != nil {
					return err
				}
			}
			for _, key := range res.NoUnit {
				region, _, _ := strings.Cut(key, "/")
				if err := emit([]any{region, "", "", "", "", b.l.L("resp.noUnit"), key, b.text[key]}); err != nil {
					return err
				}
			}
			return nil
		})
}

// gaps: every provision a region leaves out, with the proof of absence and
// the best peer measure that fills it (the others cited by key).
func (b *book) gaps(sheet string) error {
	res := b.wb.Results
	excerpts := map[string]string{} // a few peers fill most gaps: cut each text once
	return b.table(sheet, b.cols("col.region", "col.task", "col.provision", "col.status", "col.terms", "col.searched", "col.foundin",
		"col.peer.region", "col.peer.key", "col.peer.text", "col.peer.more"),
		[]float64{10, 18, 30, 16, 24, 8, 30, 10, 30, 60, 30}, func(emit func([]any) error) error {
			for _, g := range res.Gaps {
				row := []any{g.Region, g.Task + " " + b.wb.TaskTitles[g.Task], g.Provision + " " + b.provisionLabel(g.Provision, g.Label), b.l.L(g.Status),
					reports.Join(g.Terms), g.Searched, strings.Join(g.FoundIn, "\n"), "", "", "", ""}
				if len(g.Peers) > 0 {
					p := g.Peers[0]
					ex, ok := excerpts[p.Key]
					if !ok {
						ex = excerpt(b.wb.Peers[p.Key]) // the whole text is in the measures sheet
						excerpts[p.Key] = ex
					}
					row[7], row[8], row[9] = p.Region, p.Key, ex
					var more []string
					for _, q := range g.Peers[1:] {
						more = append(more, q.Key)
					}
					row[10] = strings.Join(more, "\n")
				}
				if err := emit(row); err != nil {
					return err
				}
			}
			return nil
		})
}

func (b *book) innovations(sheet string) error {
	res := b.wb.Results
	return b.table(sheet, b.cols("col.region", "col.task", "col.key", "col.text", "col.evidence", "col.reason"),
		[]float64{10, 18, 30, 60, 24, 30}, func(emit func([]any) error) error {
			for _, in := range res.Innovations {
				if err := emit([]any{in.Region, in.Task + " " + b.wb.TaskTitles[in.Task], in.Measure, b.text[in.Measure],
					reports.Join(in.Evidence), b.l.Sprintf("innovation.why", in.Task)}); err != nil {
					return err
				}
			}
			return nil
		})
}

// changes: what changed since the baseline, when one was given.
func (b *book) changes(sheet string) error {
	c := b.wb.Results.Changes
	return b.table(sheet, b.cols("col.change", "col.key", "col.region", "col.task", "col.before", "col.after"),
		[]float64{14, 30, 10, 10, 20, 20}, func(emit func([]any) error) error {
			for _, k := range c.New {
				if err := emit([]any{b.l.L("change.new"), k, "", "", "", ""}); err != nil {
					return err
				}
			}
			for _, k := range c.Removed {
				if err := emit([]any{b.l.L("change.removed"), k, "", "", "", ""}); err != nil {
					return err
				}
			}
			for _, r := range c.Remapped {
				if err := emit([]any{b.l.L("change.remapped"), r.Measure, "", "", strings.Join(r.Before, ";"), strings.Join(r.After, ";")}); err != nil {
					return err
				}
			}
			for _, cc := range c.Coverage {
				if err := emit([]any{b.l.L("change.coverage"), "", cc.Region, cc.Task,
					fmt.Sprintf("%s %.3f", b.l.L(string(cc.Before)), cc.ScoreBefore), fmt.Sprintf("%s %.3f", b.l.L(string(cc.After)), cc.ScoreAfter)}); err != nil {
					return err
				}
			}
			for _, k := range c.NewlyOverdue {
				if err := emit([]any{b.l.L("change.overdue"), k, "", "", "", ""}); err != nil {
					return err
				}
			}
			return nil
		})
}

// ledgerProblems: what the last ledger held that this run could not use,
// kept so that nothing a planner wrote is lost.
func (b *book) ledgerProblems(sheet string) error {
	return b.table(sheet, b.cols("col.sheet", "col.row", "col.key", "col.column", "col.rejected", "col.problem", "col.progress", "col.done", "col.note"),
		[]float64{12, 6, 30, 12, 16, 50, 10, 12, 24}, func(emit func([]any) error) error {
			for _, p := range b.wb.LedgerProblems {
				if err := emit([]any{p.Sheet, p.Row, p.Key, p.Column, p.Value, p.Problem(b.l), "", "", ""}); err != nil {
					return err
				}
			}
			for _, e := range b.wb.StaleEntries {
				var done any = ""
				if !e.Progress.Done.IsZero() {
					done = excelize.Cell{StyleID: b.date, Value: e.Progress.Done}
				}
				if err := emit([]any{e.Sheet, e.Row, e.Key, "", "", b.l.L("stale"), e.Progress.Status, done, e.Progress.Note}); err != nil {
					return err
				}
			}
			return nil
		})
}

// about: the run manifest and how to read the workbook.
func (b *book) about(sheet string) error {
	m := b.wb.Results.Manifest
	return b.table(sheet, b.cols("col.field", "col.value"), []float64{24, 100}, func(emit func([]any) error) error {
		l := b.l
		rows := [][]any{
			{l.L("about.tool"), m.Tool + " " + m.Version},
			{l.L("about.taxonomy"), l.Sprintf("about.taxonomy.v", m.Taxonomy.Name, strings.Replace(m.Taxonomy.File, " (embedded)", l.L("about.embedded"), 1), m.Taxonomy.Hash)},
			{l.L("brief.asof"), m.AsOf},
			{l.L("about.hash"), m.Hash},
			{l.L("about.overrides"), fmt.Sprintf("%d (%s)", len(m.Overrides), m.OverridesFile)},
			{l.L("about.ledger"), m.LedgerFile},
			{l.L("about.baseline"), m.Baseline},
			{l.L("about.written"), time.Now().Format(time.DateTime)},
		}
		for _, line := range b.methodLines() {
			rows = append(rows, []any{b.l.L("brief.method"), line})
		}
		rows = append(rows, []any{b.l.L("sheet.measures"), b.howToLedger()})
		for _, f := range m.Inputs {
			v := l.Sprintf("about.input.v", f.Region, f.Issuer, f.Number, f.Date, f.Measures, f.SHA256)
			if f.Problem != "" {
				v += "; " + f.Problem
			}
			rows = append(rows, []any{l.L("about.input") + " " + f.Source, v})
		}
		for _, f := range m.Unread {
			rows = append(rows, []any{l.L("about.unread") + " " + f.File, f.Problem})
		}
		for _, r := range rows {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *book) howToLedger() string {
	if b.l == reports.English {
		return "Fill in Status, Done on and Note in the Measures sheet and pass the workbook back with --ledger: the next run reads them by Key, counts done measures as not overdue, and carries the entries forward."
	}
	return "在“措施清单”中填写进展状态、完成日期和备注，下次运行时以 --ledger 传入本工作簿：按措施编号读回，已完成的措施不再计为逾期，填写内容带入新工作簿。"
}

func (b *book) yesNo(v bool) string {
	if v {
		return b.l.L("yes")
	}
	return b.l.L("no")
}

// strengthMatrix: region x task, the strongest level of the region's
// measures for the task, filled by level; a weak task (in scope, nothing
// binding) is marked; per region its actionable measures and weak tasks.
func (b *book) strengthMatrix(sheet string) error {
	o := b.wb.Overview
	heads := b.cols("col.region", "col.measures", "col.actionable", "col.weak.tasks")
	widths := []float64{14, 8, 10, 10}
	for _, t := range o.Tasks {
		heads = append(heads, t.ID+" "+t.Title)
		widths = append(widths, 12)
	}
	return b.table(sheet, heads, widths, func(emit func([]any) error) error {
		for i, r := range o.Regions {
			row := []any{r.Name, r.Measures, r.Actionable, r.Weak}
			for _, c := range o.Matrix[i] {
				row = append(row, b.strengthCell(c))
			}
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// strengthCell is a cell of the strength matrix: the level's name, with the
// actionable measures of the task; "—" without measures; a weak task says so.
func (b *book) strengthCell(c reports.Cell) any {
	switch {
	case c.Level == string(compare.LevelOutOfScope):
		return b.l.L(c.Level)
	case c.Strength == "":
		return "—"
	}
	lv, _ := strength.ParseLevel(c.Strength)
	text := fmt.Sprintf("%s %d/%d", c.StrengthLabel, c.Actionable, len(c.Measures))
	if c.Weak {
		text += " " + b.l.L("col.weak")
	}
	return excelize.Cell{StyleID: b.strength[lv], Value: text}
}
