// Package pdf renders a region's brief (briefs/<region>.pdf) and the national
// overview (briefs/overview.pdf) with codeberg.org/go-pdf/fpdf, Chinese text
// embedded as real, searchable text in WenQuanYi Micro Hei (face 0 of the
// Debian package fonts-wqy-microhei, Apache-2.0 option: fonts/COPYRIGHT),
// subset into each file. Text is wrapped by wrap.go, not by fpdf.
package pdf

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"policygap/compare"
	"policygap/reports"
	"policygap/strength"
)

//go:embed fonts/wqy-microhei.ttf
var cjkFont []byte

// Writer writes briefs. Parsing and cutting the 4.6 MB font is most of the
// work of a PDF, so a Writer made for a run cuts the font once to the
// characters of that run and gives each PDF the small font.
type Writer struct {
	font *fontSet
}

// fontSet is a font and the characters it has (nil: all of the embedded font's).
type fontSet struct {
	data  []byte
	runes map[rune]bool
}

var fullFont = &fontSet{data: cjkFont}

// New returns a writer. Given the texts a run will print (measure texts,
// region names …), it cuts the font to their characters; a document that
// prints a character outside them is written again with the whole font.
func New(texts ...string) *Writer {
	if len(texts) == 0 {
		return &Writer{font: fullFont}
	}
	fs, err := cutFont(texts)
	if err != nil {
		return &Writer{font: fullFont}
	}
	return &Writer{font: fs}
}

// cutFont writes a probe PDF that prints every character of the texts (and
// of the labels and ASCII) and takes the font fpdf subset into it.
func cutFont(texts []string) (*fontSet, error) {
	runes := map[rune]bool{}
	add := func(s string) {
		for _, r := range s {
			if r >= ' ' {
				runes[r] = true
			}
		}
	}
	for r := rune(' '); r < 0x7f; r++ {
		runes[r] = true
	}
	for _, s := range texts {
		add(s)
	}
	add(reports.LabelText())
	add("…—“”‘’（）《》【】〔〕、，。；：？！·")
	var all strings.Builder
	for r := range runes {
		all.WriteRune(r)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(font, "", cjkFont)
	pdf.AddPage()
	pdf.SetFont(font, "", 10)
	pdf.Cell(10, 5, all.String())
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	data, err := embeddedFont(buf.Bytes())
	if err != nil {
		return nil, err
	}
	return &fontSet{data: data, runes: runes}, nil
}

var (
	fontFileRe = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	lengthRe   = regexp.MustCompile(`/Length (\d+)`)
)

// embeddedFont takes the font program out of a PDF fpdf wrote.
func embeddedFont(pdf []byte) ([]byte, error) {
	m := fontFileRe.FindSubmatch(pdf)
	if m == nil {
		return nil, errors.New("no embedded font")
	}
	i := bytes.Index(pdf, []byte("\n"+string(m[1])+" 0 obj"))
	if i < 0 {
		return nil, errors.New("no font object")
	}
	obj := pdf[i:]
	lm := lengthRe.FindSubmatch(obj)
	start := bytes.Index(obj, []byte("stream\n"))
	if lm == nil || start < 0 {
		return nil, errors.New("no font stream")
	}
	n, _ := strconv.Atoi(string(lm[1]))
	start += len("stream\n")
	if start+n > len(obj) {
		return nil, errors.New("truncated font stream")
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[start : start+n]))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// errNeedFullFont: the document printed a character the cut font lacks.
var errNeedFullFont = errors.New("a character outside the run's font")

const (
	pageW, pageH = 210.0, 297.0
	margin       = 15.0
	textW        = pageW - 2*margin
	lineH        = 5.0
	font         = "cjk"
)

var (
	red   = [3]int{139, 0, 0}
	grey  = [3]int{110, 110, 110}
	black = [3]int{30, 30, 30}
	// fills by coverage level, as in the workbook and the dashboard
	levelFill = map[string][3]int{
		string(compare.LevelNone): {248, 105, 107}, string(compare.LevelMentioned): {252, 185, 125},
		string(compare.LevelPartial): {255, 235, 132}, string(compare.LevelFull): {99, 190, 123},
		string(compare.LevelOutOfScope): {217, 217, 217},
	}
)

// doc is one PDF being written, with the widths of the characters it has
// measured (fpdf measures a string by parsing it; a brief measures the same
// characters thousands of times).
type doc struct {
	pdf     *fpdf.Fpdf
	l       reports.Lang
	size    float64
	widths  map[rune]float64
	fs      *fontSet
	outside bool // printed a character the font set lacks
	color   [3]int
	// pending is a heading waiting to be printed with the first thing below it: a heading
	// never stands alone at the foot of a page, whatever follows it
	pending string
}

func newDoc(l reports.Lang, title string, fs *fontSet) *doc {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.AddUTF8FontFromBytes(font, "", fs.data)
	pdf.SetTitle(title, true)
	pdf.SetCreator("policygap "+reports.Version, true)
	pdf.AliasNbPages("{nb}")
	d := &doc{pdf: pdf, l: l, widths: map[rune]float64{}, fs: fs}
	pdf.SetFooterFunc(func() {
		pdf.SetY(pageH - 10)
		d.font(8, grey)
		d.cell(0, 4, fmt.Sprintf(l.L("brief.page"), pdf.PageNo(), "{nb}"), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	return d
}

// cell prints text, noting a character the document's font lacks.
func (d *doc) cell(w, h float64, text, border string, ln int, align string, fill bool, link int, linkStr string) {
	if d.pending != "" {
		d.need(h)
	}
	if d.fs.runes != nil {
		for _, r := range text {
			if r >= ' ' && !d.fs.runes[r] {
				d.outside = true
			}
		}
	}
	d.pdf.CellFormat(w, h, text, border, ln, align, fill, link, linkStr)
}

func (d *doc) font(size float64, color [3]int) {
	if size != d.size {
		d.pdf.SetFont(font, "", size)
		d.size = size
		clear(d.widths)
	}
	d.pdf.SetTextColor(color[0], color[1], color[2])
	d.color = color
}

// width measures s at the current size, rune by rune, with a cache.
func (d *doc) width(s string) float64 {
	w := 0.0
	for _, r := range s {
		rw, ok := d.widths[r]
		if !ok {
			rw = d.pdf.GetStringWidth(string(r))
			d.widths[r] = rw
		}
		w += rw
	}
	return w
}

// need starts a new page when h more millimetres do not fit; a heading
// waiting to be printed goes first, on the same page as them.
func (d *doc) need(h float64) {
	text := d.pending
	d.pending = "" // before AddPage: the footer prints cells
	if text != "" {
		h += headingH
	}
	if d.pdf.GetY()+h > pageH-margin-6 {
		d.pdf.AddPage()
	}
	if text == "" {
		return
	}
	size, color := d.size, d.color
	d.pdf.Ln(2)
	d.font(12, red)
	d.cell(textW, 7, text, "B", 1, "L", false, 0, "")
	d.pdf.Ln(1)
	d.font(size, color)
}

// para writes wrapped text.
func (d *doc) para(text string, size float64, color [3]int) {
	d.font(size, color)
	h := size * 0.45
	for _, line := range wrap(text, textW-2, d.width) { // within the cell's 1 mm inner margins, as the tables
		d.need(h)
		d.cell(textW, h, line, "", 1, "L", false, 0, "")
	}
}

// headingH is a heading's height, with the space around it.
const headingH = 10

// heading keeps with what follows it: it is printed by the first need or
// cell below it, on the page where they are.
func (d *doc) heading(text string) { d.pending = text }

// column of a table: its header, width (mm) and alignment.
type column struct {
	head  string
	width float64
	align string
}

// table writes rows of wrapped cells; the header repeats after a page
// break. fill, when not nil, gives a cell's background.
func (d *doc) table(cols []column, rows [][]string, size float64, fill func(row, col int) *[3]int) {
	h := size * 0.42
	header := func() {
		d.font(size, black)
		d.pdf.SetFillColor(221, 235, 247)
		x := margin
		for _, c := range cols {
			d.pdf.SetXY(x, d.pdf.GetY())
			d.cell(c.width, h+2, c.head, "1", 0, "C", true, 0, "")
			x += c.width
		}
		d.pdf.Ln(h + 2)
	}
	lines := func(row []string) ([][]string, float64) { // a row's cells wrapped, and its height
		cells := make([][]string, len(cols))
		n := 1
		for ci, text := range row {
			cells[ci] = wrap(text, cols[ci].width-2, d.width)
			n = max(n, len(cells[ci]))
		}
		return cells, float64(n)*h + 1.5
	}
	d.font(size, black)
	first := h + 4
	if len(rows) > 0 {
		_, first = lines(rows[0])
	}
	d.need(h + 2 + first) // the header stays with the first row
	header()
	for ri, row := range rows {
		d.font(size, black)
		cells, rowH := lines(row)
		if d.pdf.GetY()+rowH > pageH-margin-6 {
			d.pdf.AddPage()
			header()
			d.font(size, black)
		}
		y, x := d.pdf.GetY(), margin
		for ci, c := range cols {
			style := "D"
			if fill != nil {
				if f := fill(ri, ci); f != nil {
					d.pdf.SetFillColor(f[0], f[1], f[2])
					style = "FD"
				}
			}
			d.pdf.SetDrawColor(200, 200, 200)
			d.pdf.Rect(x, y, c.width, rowH, style)
			for li, line := range cells[ci] {
				d.pdf.SetXY(x+1, y+0.75+float64(li)*h)
				d.cell(c.width-2, h, line, "", 0, c.align, false, 0, "")
			}
			x += c.width
		}
		d.pdf.SetXY(margin, y+rowH)
	}
	d.pdf.Ln(2)
}

func (d *doc) output(w io.Writer) error {
	d.need(0) // a heading with nothing below it is still printed
	if d.outside {
		return errNeedFullFont
	}
	if err := d.pdf.Output(w); err != nil {
		return err
	}
	return d.pdf.Error()
}

// withFont renders with the writer's font, and again with the whole font
// when the document printed a character outside it.
func (wr *Writer) withFont(w io.Writer, render func(fs *fontSet) *doc) error {
	err := render(wr.font).output(w)
	if errors.Is(err, errNeedFullFont) {
		return render(fullFont).output(w)
	}
	return err
}

// excerpt is the opening of a measure's text: whole sentences up to about
// limit characters, cut at a character otherwise, with an ellipsis.
func excerpt(text string, limit int) string {
	text = strings.ReplaceAll(text, "\n", "")
	rs := []rune(text)
	if len(rs) <= limit {
		return text
	}
	cut := limit
	for i := limit; i > limit/2; i-- {
		if rs[i-1] == '。' || rs[i-1] == '；' {
			cut = i
			break
		}
	}
	return string(rs[:cut]) + "…"
}

// Excerpt is what a brief quotes of a measure's text (tests look for it).
func Excerpt(text string) string { return excerpt(text, quoteLen) }

const quoteLen = 90

// Write writes a region's brief.
func (wr *Writer) Write(w io.Writer, b *reports.Brief) error {
	return wr.withFont(w, func(fs *fontSet) *doc { return brief(b, fs) })
}

func brief(b *reports.Brief, fs *fontSet) *doc {
	l := b.Lang
	d := newDoc(l, b.Title+" "+b.Region.Name, fs)
	d.font(18, red)
	for _, line := range wrap(b.Title, textW, d.width) { // an English title breaks between words
		d.cell(textW, 10, line, "", 1, "C", false, 0, "")
	}
	d.font(15, black)
	d.cell(textW, 9, b.Region.Name, "", 1, "C", false, 0, "")
	var docs []string
	for _, f := range b.Docs {
		docs = append(docs, strings.TrimSpace(strings.Join([]string{f.Issuer, f.Number, f.Date}, " ")))
	}
	d.para(l.L("brief.docs")+l.L("colon")+strings.Join(docs, "; ")+"    "+l.L("brief.asof")+l.L("colon")+b.AsOf, 9, grey)

	d.heading(l.L("brief.headline"))
	for _, s := range b.Headline {
		d.para(s, 10.5, black)
	}

	d.heading(l.L("brief.coverage"))
	var rows [][]string
	var levels []string
	for _, a := range b.Areas {
		rows = append(rows, []string{a.ID + " " + a.Title, a.Level, "", "", score(a.Score, a.LevelKey)})
		levels = append(levels, "")
		for _, t := range a.Tasks {
			provisions := fmt.Sprintf("%d/%d", t.Covered, t.Total)
			if t.LevelKey == string(compare.LevelOutOfScope) {
				provisions = "—"
			}
			rows = append(rows, []string{"    " + t.ID + " " + t.Title, t.Level, provisions, fmt.Sprint(t.Measures), score(t.Score, t.LevelKey)})
			levels = append(levels, t.LevelKey)
		}
	}
	d.table([]column{{l.L("col.task"), 80, "L"}, {l.L("col.level"), 30, "C"}, {l.L("col.provisions"), 25, "C"}, {l.L("col.measures"), 20, "C"}, {l.L("col.score"), 25, "C"}},
		rows, 8.5, func(r, c int) *[3]int {
			if c != 1 {
				return nil
			}
			if f, ok := levelFill[levels[r]]; ok {
				return &f
			}
			return &[3]int{240, 242, 245}
		})

	d.heading(l.L("brief.gaps"))
	rows = nil
	for _, g := range b.Gaps {
		peer := "—"
		if g.Peer != nil {
			peer = fmt.Sprintf("%s %s#%s：%s", g.Peer.Region, g.Peer.Doc, g.Peer.ID, excerpt(g.Peer.Text, quoteLen))
		}
		rows = append(rows, []string{g.Task + " " + g.TaskTitle, g.Provision + " " + g.Label, g.Status, peer})
	}
	d.table([]column{{l.L("col.task"), 30, "L"}, {l.L("col.provision"), 40, "L"}, {l.L("col.status"), 22, "L"}, {l.L("col.peer"), 88, "L"}}, rows, 8, nil)

	d.heading(l.L("brief.deadlines"))
	var sums []string
	for _, k := range []string{compare.GapOverdue, compare.GapLateParent, compare.GapLateNational, compare.GapMissing, compare.GapOngoingOnly} {
		if n := b.DeadlineSum[k]; n > 0 {
			sums = append(sums, fmt.Sprintf("%s %d", l.L(k), n))
		}
	}
	if len(sums) == 0 {
		sums = []string{l.L("word.none")}
	}
	d.para(strings.Join(sums, "；"), 9.5, black)
	rows = nil
	for _, r := range b.Deadlines {
		days := ""
		if r.Days > 0 {
			days = fmt.Sprint(r.Days)
		}
		rows = append(rows, []string{r.KindLabel, r.Task, r.MeasureID + " " + excerpt(r.Text, 40), r.Deadline, r.Reference, days})
	}
	if len(rows) > 0 {
		d.table([]column{{l.L("col.kind"), 30, "L"}, {l.L("col.task"), 14, "C"}, {l.L("col.measure"), 76, "L"}, {l.L("col.deadline"), 21, "C"}, {l.L("col.reference"), 25, "C"}, {l.L("col.days"), 14, "C"}}, rows, 8, nil)
	}

	d.heading(l.L("brief.resp"))
	noUnit := make([]string, 0, len(b.NoUnit))
	for _, m := range b.NoUnit {
		noUnit = append(noUnit, m.ID)
	}
	d.para(fmt.Sprintf("%s（%d）：%s", l.L("no.unit"), b.Region.NoUnit, orNone(l, noUnit))+cut(l, len(noUnit), b.Region.NoUnit), 9.5, black)
	d.para(fmt.Sprintf("%s（%d）：%s", l.L("no.lead"), len(b.NoLead), orNone(l, b.NoLead)), 9.5, black)
	rows = nil
	for _, u := range b.Units {
		rows = append(rows, []string{u.Unit, fmt.Sprint(u.Measures), fmt.Sprint(u.Lead), fmt.Sprint(u.Dated)})
	}
	if len(rows) > 0 {
		d.need(30) // the line stays with its table
		d.para(l.L("unit.load")+cut(l, len(rows), b.UnitsTotal), 9.5, black)
		d.table([]column{{l.L("col.unit"), 90, "L"}, {l.L("col.measures"), 30, "C"}, {l.L("col.lead"), 30, "C"}, {l.L("col.deadline"), 30, "C"}}, rows, 8, nil)
	}

	strengthSection(d, b)

	if len(b.Innovations) > 0 {
		d.heading(l.L("brief.innovations"))
		for _, m := range b.Innovations {
			d.para(fmt.Sprintf("%s #%s（%s）：%s", m.Doc, m.ID, m.Task, excerpt(m.Text, quoteLen)), 9, black)
		}
		if c := cut(l, len(b.Innovations), b.InnovationsTotal); c != "" {
			d.para(c, 9, grey)
		}
	}

	d.heading(l.L("brief.method"))
	for _, s := range b.Method {
		d.para(s, 8.5, grey)
	}

	d.heading(l.L("brief.all"))
	rows = nil
	for _, m := range b.All {
		units := "—"
		if len(m.Units) > 0 {
			units = strings.Join(m.Units, "、")
		}
		rows = append(rows, []string{m.ID, strings.Join(m.Tasks, " "), units, m.Deadline, excerpt(m.Text, 30)})
	}
	d.table([]column{{l.L("col.item"), 16, "L"}, {l.L("col.tasks"), 20, "L"}, {l.L("col.units"), 36, "L"}, {l.L("col.deadline"), 26, "L"}, {l.L("col.text"), 82, "L"}}, rows, 7, nil)
	return d
}

// strengthSection: the region's measures by strength level, what they lack,
// its weak tasks with the measures behind them, and the measures that lack
// a lead, a dated deadline or a target.
func strengthSection(d *doc, b *reports.Brief) {
	l, st := b.Lang, b.Strength
	d.heading(l.L("brief.strength"))
	d.para(l.Sprintf("brief.strength.levels", st.Levels[strength.Mandatory], st.Levels[strength.Directive],
		st.Levels[strength.Encouraging], st.Levels[strength.Descriptive]), 9.5, black)
	var lacks []string
	for _, c := range st.Lacks {
		lacks = append(lacks, fmt.Sprintf("%s %d", c.Label, c.Count))
	}
	d.para(l.L("brief.strength.lacks")+strings.Join(lacks, " · "), 9.5, black)
	d.need(20)
	d.para(l.L("brief.weak"), 9.5, black)
	var rows [][]string
	for _, w := range st.Weak {
		var ms []string
		for _, m := range w.Measures {
			ms = append(ms, "#"+m.ID+" "+excerpt(m.Text, 40))
		}
		rows = append(rows, []string{w.Task + " " + w.TaskTitle, w.Strength, strings.Join(ms, "\n")})
	}
	if len(rows) == 0 {
		d.para(l.L("word.none"), 9.5, black)
	} else {
		d.table([]column{{l.L("col.task"), 45, "L"}, {l.L("col.strength"), 20, "C"}, {l.L("col.measure"), 115, "L"}}, rows, 8, nil)
	}
	d.need(20)
	d.para(l.Sprintf("brief.vague", st.VagueTotal)+cut(l, len(st.Vague), st.VagueTotal), 9.5, black)
	rows = nil
	for _, v := range st.Vague {
		rows = append(rows, []string{v.ID, v.Strength, fmt.Sprint(v.Score), strings.Join(v.Lacks, "、"), excerpt(v.Text, 40)})
	}
	if len(rows) > 0 {
		d.table([]column{{l.L("col.item"), 16, "L"}, {l.L("col.strength"), 20, "C"}, {l.L("col.actionability"), 24, "C"},
			{l.L("col.lacks"), 40, "L"}, {l.L("col.text"), 80, "L"}}, rows, 8, nil)
	}
}

// score is a score for a table, — out of scope.
func score(s float64, level string) string {
	if level == string(compare.LevelOutOfScope) {
		return "—"
	}
	return fmt.Sprintf("%.2f", s)
}

// cut ends a list cut at shown of total: "…等 10 项（全部见附录）".
func cut(l reports.Lang, shown, total int) string {
	if total <= shown {
		return ""
	}
	return l.Sprintf("brief.cut", total)
}

func orNone(l reports.Lang, items []string) string {
	if len(items) == 0 {
		return l.L("word.none")
	}
	return strings.Join(items, "、")
}

// WriteOverview writes the national overview: every region's index and
// areas, and the provisions most regions leave out.
func (wr *Writer) WriteOverview(w io.Writer, o *reports.Overview) error {
	return wr.withFont(w, func(fs *fontSet) *doc { return overview(o, fs) })
}

func overview(o *reports.Overview, fs *fontSet) *doc {
	l := o.Lang
	title := l.L("dash.title")
	d := newDoc(l, title, fs)
	d.font(16, red)
	for _, line := range wrap(title, textW, d.width) {
		d.cell(textW, 9, line, "", 1, "C", false, 0, "")
	}
	d.para(fmt.Sprintf("%s %s · %d %s", l.L("brief.asof"), o.AsOf, len(o.Regions), l.L("dash.regions")), 9, grey)

	groups := o.Groups()
	d.heading(l.L("pdf.groups"))
	var rows [][]string
	var fills [][2]string
	for _, g := range groups {
		up, own := "—", "—"
		fills = append(fills, [2]string{"", ""})
		if g.RollUp != nil {
			up = fmt.Sprintf("%.2f", g.RollUp.Index)
			fills[len(fills)-1][0] = string(compare.LevelOf(g.RollUp.Index))
		}
		if g.Top.Region >= 0 {
			r := o.Regions[g.Top.Region]
			own = fmt.Sprintf("%.2f", r.Index)
			fills[len(fills)-1][1] = string(compare.LevelOf(r.Index))
		}
		rows = append(rows, []string{g.Top.Name, up, own, fmt.Sprint(g.Regions), weakTasks(l, g.Weak), missingProvisions(g.Missing[:min(len(g.Missing), 3)])})
	}
	d.table([]column{{l.L("col.region"), 28, "L"}, {l.L("dash.rollup"), 15, "C"}, {l.L("dash.own"), 15, "C"},
		{l.L("pdf.regions"), 12, "C"}, {l.L("pdf.weak"), 55, "L"}, {l.L("pdf.missing"), 55, "L"}}, rows, 8, func(r, c int) *[3]int {
		if c == 1 || c == 2 {
			if f, ok := levelFill[fills[r][c-1]]; ok {
				return &f
			}
		}
		return nil
	})
	d.para(l.L("dash.rollup.note")+" "+l.L("pdf.weak.note"), 8, grey)

	if len(o.Regions) <= everyRegionUpTo {
		d.heading(l.L("dash.areas"))
		areaTable(d, o)
	}
	d.heading(l.L("dash.gaps"))
	rows = nil
	for _, g := range o.Gaps {
		peer := "—"
		if len(g.Peers) > 0 {
			p := g.Peers[0]
			peer = fmt.Sprintf("%s %s#%s：%s", p.Region, p.Doc, p.ID, excerpt(p.Text, quoteLen))
		}
		in := g.MissingIn[:min(len(g.MissingIn), missingInShown)]
		names := fmt.Sprintf("%d：%s", len(g.MissingIn), strings.Join(in, "、"))
		if more := len(g.MissingIn) - len(in); more > 0 {
			names += l.Sprintf("pdf.more", more)
		}
		rows = append(rows, []string{g.Provision + " " + g.Label, names, peer})
	}
	d.table([]column{{l.L("col.provision"), 50, "L"}, {l.L("dash.missingin"), 45, "L"}, {l.L("col.peer"), 85, "L"}}, rows, 8, nil)
	for _, g := range groups {
		if g.RollUp != nil {
			d.pdf.AddPage()
			groupPage(d, o, g, false)
		}
	}
	return d
}

// everyRegionUpTo: an overview of at most this many regions also lists
// each region's area scores; a national one gives a page per province.
const everyRegionUpTo = 60

// missingInShown: the regions a shared gap names before "and N more".
const missingInShown = 10

// areaTable: each region's index, rank and area scores.
func areaTable(d *doc, o *reports.Overview) {
	l := o.Lang
	cols := []column{{l.L("col.region"), 26, "L"}, {l.L("col.index"), 16, "C"}, {l.L("col.rank"), 12, "C"}}
	aw := (textW - 54) / float64(len(o.Areas))
	for _, a := range o.Areas {
		cols = append(cols, column{a.ID, aw, "C"})
	}
	var rows [][]string
	for i, r := range o.Regions {
		row := []string{r.Name, fmt.Sprintf("%.2f", r.Index), fmt.Sprint(r.Rank)}
		for j := range o.Areas {
			if o.AreaLevels[i][j] == string(compare.LevelOutOfScope) {
				row = append(row, "—")
			} else {
				row = append(row, fmt.Sprintf("%.2f", o.AreaMatrix[i][j]))
			}
		}
		rows = append(rows, row)
	}
	d.table(cols, rows, 8, func(r, c int) *[3]int {
		if c < 3 {
			return nil
		}
		f := levelFill[o.AreaLevels[r][c-3]]
		return &f
	})
	var legend []string
	for _, a := range o.Areas {
		legend = append(legend, a.ID+" "+a.Title)
	}
	d.para(strings.Join(legend, "；"), 8, grey)
}

func weakTasks(l reports.Lang, ws []reports.WeakTask) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, l.Sprintf("pdf.weak.task", w.ID, w.Title, w.Mean, w.None, w.Of))
	}
	return strings.Join(parts, "；")
}

func missingProvisions(ms []reports.MissingProvision) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s %s %d/%d", m.ID, m.Title, m.Missing, m.Of))
	}
	return strings.Join(parts, "；")
}

// groupPage: a province (or any region with regions below) with its roll-up,
// its weakest tasks and most often missing provisions, and its regions: the
// ones right below it, or with full every region below, at every level.
func groupPage(d *doc, o *reports.Overview, g reports.Group, full bool) {
	l := o.Lang
	d.font(14, red)
	name := g.Top.Name
	if g.RollUp != nil {
		name = l.Sprintf("xlsx.rollup", g.Top.Name, len(g.RollUp.Below))
	}
	for _, line := range wrap(name, textW, d.width) {
		d.cell(textW, 8, line, "", 1, "L", false, 0, "")
	}
	line := ""
	if g.RollUp != nil {
		line = fmt.Sprintf("%s %.3f", l.L("dash.rollup"), g.RollUp.Index)
	}
	if g.Top.Region >= 0 {
		r := o.Regions[g.Top.Region]
		line += l.Sprintf("pdf.own", r.Index, r.Rank, len(o.Regions))
	} else {
		line += l.Sprintf("pdf.noown", l.L("dash.outofcorpus"))
	}
	d.para(line, 9, black)
	d.heading(l.L("pdf.weak"))
	var rows [][]string
	for _, w := range g.Weak {
		rows = append(rows, []string{w.ID + " " + w.Title, fmt.Sprintf("%.2f", w.Mean), fmt.Sprintf("%d / %d", w.None, w.Of)})
	}
	d.table([]column{{l.L("col.task"), 100, "L"}, {l.L("pdf.mean"), 30, "C"}, {l.L("pdf.none"), 50, "C"}}, rows, 8, nil)
	d.heading(l.L("pdf.missing"))
	rows = nil
	for _, m := range g.Missing {
		rows = append(rows, []string{m.ID + " " + m.Title, m.Area, fmt.Sprintf("%d / %d", m.Missing, m.Of)})
	}
	d.table([]column{{l.L("col.provision"), 110, "L"}, {l.L("col.task"), 20, "C"}, {l.L("pdf.missing.in"), 50, "C"}}, rows, 8, nil)
	d.heading(l.L("pdf.members"))
	rows = nil
	var levels [][2]string
	for _, n := range g.Nodes[1:] {
		if !full && n.Depth > 1 {
			continue
		}
		up, own, rank, below := "—", "—", "", ""
		lv := [2]string{}
		if n.RollUp >= 0 {
			ru := o.RollUps[n.RollUp]
			up, below, lv[0] = fmt.Sprintf("%.2f", ru.Index), fmt.Sprint(len(ru.Below)), string(compare.LevelOf(ru.Index))
		}
		if n.Region >= 0 {
			r := o.Regions[n.Region]
			own, rank, lv[1] = fmt.Sprintf("%.2f", r.Index), fmt.Sprint(r.Rank), string(compare.LevelOf(r.Index))
		}
		rows = append(rows, []string{strings.Repeat("　", n.Depth-1) + n.Name, l.L("level." + n.Level), up, own, rank, below})
		levels = append(levels, lv)
	}
	d.table([]column{{l.L("col.region"), 60, "L"}, {l.L("dash.level"), 20, "C"}, {l.L("dash.rollup"), 25, "C"}, {l.L("dash.own"), 25, "C"},
		{l.L("col.rank"), 20, "C"}, {l.L("pdf.below"), 30, "C"}}, rows, 8, func(r, c int) *[3]int {
		if c == 2 || c == 3 {
			if f, ok := levelFill[levels[r][c-2]]; ok {
				return &f
			}
		}
		return nil
	})
	if !full && slices.ContainsFunc(g.Nodes, func(n reports.Node) bool { return n.Depth > 1 }) {
		d.para(l.L("pdf.members.note"), 8, grey)
	}
}

// WriteGroup writes the brief of a region with the regions below it, at
// every level (--brief-scope province).
func (wr *Writer) WriteGroup(w io.Writer, o *reports.Overview, g reports.Group) error {
	return wr.withFont(w, func(fs *fontSet) *doc {
		l := o.Lang
		d := newDoc(l, l.L("brief.title")+" · "+g.Top.Name, fs)
		d.font(16, red)
		for _, line := range wrap(l.L("brief.title"), textW, d.width) {
			d.cell(textW, 9, line, "", 1, "C", false, 0, "")
		}
		d.para(fmt.Sprintf("%s %s", l.L("brief.asof"), o.AsOf), 9, grey)
		groupPage(d, o, g, true)
		return d
	})
}
