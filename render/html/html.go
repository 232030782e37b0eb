// Package html renders the commission's dashboard (dashboard.html): one
// self-contained page that works offline, at any number of regions. The
// regions are a tree (provinces and ministries, their cities, their counties)
// drawn as an HTML table a page of rows at a time, so nothing grows with the
// corpus but the data. go-echarts builds the charts' options; the page itself
// is this package's html/template, the options and data are encoded by
// encoding/json (which escapes <, >, &, U+2028 and U+2029), and the ECharts
// script (npm echarts 6.1.0, Apache-2.0, with only the charts the page draws:
// see assets/echarts-entry.js and .ci/assets) is inlined. go-echarts'
// own Render is never used: it writes labels raw into the script element and
// turns __f__ markers in any text into live JavaScript.
package html

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"policygap/compare"
	"policygap/regions"
	"policygap/reports"
	"policygap/strength"
)

var (
	//go:embed assets/echarts.min.js
	echartsJS string
	//go:embed page.html
	pageHTML string
	//go:embed page.js
	pageJS string
)

var page = template.Must(template.New("page").Funcs(template.FuncMap{"first": first}).Parse(pageHTML))

// Writer writes dashboard.html.
type Writer struct{}

// New returns a dashboard writer.
func New() *Writer { return &Writer{} }

// levels in the order of the colour pieces.
var levels = []compare.Level{compare.LevelNone, compare.LevelMentioned, compare.LevelPartial, compare.LevelFull, compare.LevelOutOfScope}

var levelColors = []string{"#F8696B", "#FCB97D", "#FFEB84", "#63BE7B", "#D9D9D9"}

// strengthColors fill the strength view's cells, by strength.Level
// (descriptive first): orange for what commits to nothing, amber for what
// only encourages, blue for what binds; the workbook's colours.
var strengthColors = []string{"#F8CBAD", "#FFE699", "#BDD7EE", "#5B9BD5"}

// regionLevels in the order the level filter offers them.
var regionLevels = []regions.Level{regions.LevelNational, regions.LevelProvince, regions.LevelCity, regions.LevelCounty, regions.LevelDistrict, regions.LevelUnknown}

// data is what the page's script reads. Rows, measures and texts, most of
// the page, are streamed by writeData; the rest is encoded in one piece.
type data struct {
	Options     map[string]any `json:"options"` // chart options; the script puts the rows of the page in
	Tasks       []string       `json:"tasks"`   // "T01 title"
	TaskArea    []int          `json:"taskArea"`
	Areas       []string       `json:"areas"`
	Provisions  [][]string     `json:"provisions"` // per task, its provisions' labels
	LevelLabels []string       `json:"levelLabels"`
	LevelColors []string       `json:"levelColors"`
	// the strength view: per strength.Level (descriptive first) its name,
	// its short form for a cell, and its colour
	StrengthLabels []string          `json:"strengthLabels"`
	StrengthShort  []string          `json:"strengthShort"`
	StrengthColors []string          `json:"strengthColors"`
	Cuts           [2]float64        `json:"cuts"`         // a score's level: see compare.LevelOf
	RegionLevels   [][2]string       `json:"regionLevels"` // level, label
	Labels         map[string]string `json:"labels"`
	Tiles          []tile            `json:"tiles"`
	Rows           []row             `json:"rows,omitempty"`
	// What only a drill-down or a search needs is the page's detail, after
	// its script, so that the table and the charts are drawn while the
	// browser still reads it: the rows' More and UpMore, and these.
	Docs     [][2]any `json:"-"` // row, file below --in
	Measures [][3]any `json:"-"` // doc, item id, text
	Texts    []string `json:"-"` // each text once: lower levels often copy an upper level's words
}

// row is a region: its own coverage where its document is in the run, and
// its roll-up with the regions below where there are any.
type row struct {
	Name   string `json:"n"`
	Level  string `json:"v"`
	Parent int    `json:"p"` // row index, -1 at the top
	// Own is the region's own index, Rank its rank; both absent when its
	// document is not in the run (a province whose cities alone are).
	Own  *float64 `json:"i,omitempty"`
	Rank int      `json:"k,omitempty"`
	// Cells: per task the score, its level compare.LevelOf's, -1 out of
	// scope; More (in the detail): per task [[measures], [provisions covered]].
	Cells []float64 `json:"c,omitempty"`
	More  [][2]any  `json:"-"`
	// Areas: per area the score, as Cells.
	Areas []float64 `json:"a,omitempty"`
	// Up is the roll-up with the regions below: its index, per task and per
	// area the score, as Cells; UpMore per task [measures, [provisions covered]].
	Up      *float64  `json:"u,omitempty"`
	UpCells []float64 `json:"uc,omitempty"`
	UpMore  [][2]any  `json:"-"`
	UpAreas []float64 `json:"ua,omitempty"`
	Count   int       `json:"m"` // measures
	// Strength: per task the strongest strength.Level of the region's own
	// measures, -1 without measures; Actionable: per task its measures
	// scoring at least 3. Absent as Cells are.
	Strength   []int `json:"s,omitempty"`
	Actionable []int `json:"sa,omitempty"`
}

// tile is a province's place on the schematic grid.
type tile struct {
	Row   int    `json:"r"` // row index, -1 when the province is not in the run
	Col   int    `json:"x"`
	Line  int    `json:"y"`
	Short string `json:"s"`
}

type view struct {
	Lang     string
	Title    string
	Subtitle string
	L        map[string]string
	Gaps     []reports.SharedGap
	Unmapped []reports.CellMeasure
	AllNote  string
	ECharts  template.JS
	Script   template.JS
	Data     template.JS
	Texts    template.JS
	Tasks    []reports.Head
	Areas    []reports.Head
	Levels   [][2]string
}

// Write writes the dashboard.
func (*Writer) Write(w io.Writer, o *reports.Overview) error {
	d := &data{Options: map[string]any{}, Labels: labels(o.Lang), LevelColors: levelColors, Cuts: compare.LevelCuts(),
		StrengthColors: strengthColors}
	for lv := strength.Descriptive; lv <= strength.Mandatory; lv++ {
		d.StrengthLabels = append(d.StrengthLabels, o.Lang.Strength(lv))
		d.StrengthShort = append(d.StrengthShort, o.Lang.L("dash.short."+lv.String()))
	}
	areaIndex := map[string]int{}
	for i, a := range o.Areas {
		d.Areas = append(d.Areas, a.ID+" "+a.Title)
		areaIndex[a.ID] = i
	}
	for _, t := range o.Tasks {
		d.Tasks = append(d.Tasks, t.ID+" "+t.Title)
		d.TaskArea = append(d.TaskArea, areaIndex[t.Area])
	}
	for _, lv := range levels {
		d.LevelLabels = append(d.LevelLabels, o.Lang.L(string(lv)))
	}
	for _, lv := range regionLevels {
		d.RegionLevels = append(d.RegionLevels, [2]string{string(lv), o.Lang.L("level." + string(lv))})
	}
	for _, ps := range o.Provisions {
		var ls []string
		for _, p := range ps {
			ls = append(ls, p.Title)
		}
		d.Provisions = append(d.Provisions, ls)
	}
	fillRows(d, o)
	d.Tiles = tiles(d.Rows)
	d.Options["areas"] = heatmap(o, d.Areas)
	d.Options["bars"] = areaBars(d)
	d.Options["radar"] = radar(d)
	d.Options["tiles"] = tileMap(o)
	d.Options["timeline"] = timeline(o)
	v := view{Lang: string(o.Lang), Title: o.Lang.L("dash.title"), L: d.Labels, Gaps: o.Gaps,
		Unmapped: o.Unmapped, AllNote: o.Lang.Sprintf("dash.all", o.Measures, len(o.Unmapped)),
		ECharts: template.JS(echartsJS), Script: template.JS(pageJS), Data: dataMark, Texts: textsMark,
		Subtitle: fmt.Sprintf("%s %s · %d %s", o.Lang.L("brief.asof"), o.AsOf, len(o.Regions), o.Lang.L("dash.regions")),
		Tasks:    o.Tasks, Areas: o.Areas, Levels: d.RegionLevels}
	var p bytes.Buffer // the page without its data: a few MB
	if err := page.Execute(&p, v); err != nil {
		return err
	}
	// the last marks: a document's text, in the tables above, could hold them too
	page := p.Bytes()
	tx := bytes.LastIndex(page, []byte(textsMark))
	at := bytes.LastIndex(page[:tx], []byte(dataMark))
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(page[:at])
	if err := writeData(bw, d); err != nil {
		return err
	}
	bw.Write(page[at+len(dataMark) : tx])
	if err := writeDetail(bw, d); err != nil {
		return err
	}
	bw.Write(page[tx+len(textsMark):])
	return bw.Flush()
}

// first is the template's cut of a long list: its first n, and how many more.
func first(n int, list []string) struct {
	Shown []string
	More  int
} {
	k := min(n, len(list))
	return struct {
		Shown []string
		More  int
	}{list[:k], len(list) - k}
}

// dataMark and textsMark stand in the page for the data and the detail,
// which are streamed in their places: at national scale they are tens of MB,
// not to be built in one piece.
const (
	dataMark  = "/*policygap:data*/"
	textsMark = "/*policygap:texts*/"
)

// marshaller encodes as encoding/json does (which escapes <, >, &, U+2028
// and U+2029: safe inside <script>), into buf, without the newline.
func marshaller(buf *bytes.Buffer) func(any) ([]byte, error) {
	enc := json.NewEncoder(buf)
	return func(v any) ([]byte, error) {
		buf.Reset()
		err := enc.Encode(v)
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
	}
}

// writeData writes d, the long lists one item at a time.
func writeData(bw *bufio.Writer, d *data) error {
	var buf bytes.Buffer
	marshal := marshaller(&buf)
	head := *d
	head.Rows = nil
	b, err := marshal(head)
	if err != nil {
		return err
	}
	bw.Write(bytes.TrimSuffix(b, []byte("}"))) // the object, left open (options is always in it)
	bw.WriteString(`,"rows":`)
	if err := writeArray(bw, d.Rows, marshal); err != nil {
		return err
	}
	return bw.WriteByte('}')
}

// writeDetail writes what a drill-down and a search read: per row the
// measures and provisions behind each cell and roll-up cell, and the
// measures' documents, ids and texts.
func writeDetail(bw *bufio.Writer, d *data) error {
	var buf bytes.Buffer
	marshal := marshaller(&buf)
	more, upMore := make([][][2]any, len(d.Rows)), make([][][2]any, len(d.Rows))
	for i, r := range d.Rows {
		more[i], upMore[i] = r.More, r.UpMore
	}
	for k, list := range []func() error{
		func() error { return writeArray(bw, more, marshal) },
		func() error { return writeArray(bw, upMore, marshal) },
		func() error { return writeArray(bw, d.Docs, marshal) },
		func() error { return writeArray(bw, d.Measures, marshal) },
		func() error { return writeArray(bw, d.Texts, marshal) },
	} {
		bw.WriteString([]string{`{"cells":`, `,"up":`, `,"docs":`, `,"measures":`, `,"texts":`}[k])
		if err := list(); err != nil {
			return err
		}
	}
	return bw.WriteByte('}')
}

// writeArray writes `[…]`, one item marshalled at a time.
func writeArray[T any](bw *bufio.Writer, items []T, marshal func(any) ([]byte, error)) error {
	bw.WriteByte('[')
	for i, item := range items {
		if i > 0 {
			bw.WriteByte(',')
		}
		b, err := marshal(item)
		if err != nil {
			return err
		}
		bw.Write(b)
	}
	return bw.WriteByte(']')
}

func labels(l reports.Lang) map[string]string {
	out := map[string]string{}
	for _, k := range []string{"dash.title", "dash.tasks", "dash.areas", "dash.bars", "dash.radar", "dash.timeline", "dash.gaps",
		"dash.detail", "dash.detail.hint", "dash.covered", "dash.missing", "dash.measures", "dash.none", "dash.asof",
		"dash.regions", "dash.count", "col.region", "col.index", "col.rank", "col.provision", "col.task", "col.peer", "dash.missingin", "dash.unmapped",
		"col.measure", "col.text", "col.unmapped", "dash.own", "dash.rollup", "dash.rollup.note", "dash.level", "dash.level.all",
		"dash.search", "dash.found", "dash.found.more", "dash.found.none", "dash.page", "dash.prev", "dash.next", "dash.expand",
		"dash.collapse", "dash.tiles", "dash.metric", "dash.outofcorpus", "dash.rows", "dash.sort", "dash.opened", "dash.behind", "dash.more", "dash.ownlevel",
		"dash.view", "col.level", "col.strength", "col.weak", "col.actionable", "dash.weak.tip", "dash.nomeasure"} {
		out[k] = l.L(k)
	}
	return out
}

// fillRows makes a row of every region of the run, then of every region
// above them that only the roll-ups know (a province without its own
// document), and links each to its parent's row.
func fillRows(d *data, o *reports.Overview) {
	texts := map[string]int{}
	docs := map[string]int{}
	measure := map[string]int{}
	cite := func(m reports.CellMeasure, r int) int {
		if i, ok := measure[m.Key]; ok {
			return i
		}
		di, ok := docs[m.Region+"/"+m.Doc]
		if !ok {
			di = len(d.Docs)
			docs[m.Region+"/"+m.Doc] = di
			d.Docs = append(d.Docs, [2]any{r, m.Doc})
		}
		ti, ok := texts[m.Text]
		if !ok {
			ti = len(d.Texts)
			texts[m.Text] = ti
			d.Texts = append(d.Texts, m.Text)
		}
		i := len(d.Measures)
		measure[m.Key] = i
		d.Measures = append(d.Measures, [3]any{di, m.ID, ti})
		return i
	}
	taskIndex := map[string]int{}
	for j, t := range o.Tasks {
		taskIndex[t.ID] = j
	}
	provision := map[string]int{} // id -> place in its task
	for _, ps := range o.Provisions {
		for k, p := range ps {
			provision[p.ID] = k
		}
	}
	covered := func(task int, labels []string) []int {
		out := []int{}
		for _, l := range labels {
			if k := slices.IndexFunc(o.Provisions[task], func(h reports.Head) bool { return h.Title == l }); k >= 0 {
				out = append(out, k)
			}
		}
		return out
	}
	stack := []int{} // the row at each depth above the current one
	for k, n := range o.Tree() {
		r := row{Name: n.Name, Level: n.Level, Parent: -1}
		if n.Depth > 0 {
			r.Parent = stack[n.Depth-1]
		}
		stack = append(stack[:n.Depth], k)
		if i := n.Region; i >= 0 {
			rr := o.Regions[i]
			own := rr.Index
			r.Level, r.Own, r.Rank, r.Count = rr.Level, &own, rr.Rank, rr.Measures
			for j, c := range o.Matrix[i] {
				ms := []int{}
				for _, m := range c.Measures {
					ms = append(ms, cite(m, k))
				}
				r.Cells = append(r.Cells, scoreOf(c.Score, c.Level))
				r.Strength, r.Actionable = append(r.Strength, strengthOf(c)), append(r.Actionable, c.Actionable)
				r.More = append(r.More, [2]any{ms, covered(j, c.Covered)})
			}
			for j, s := range o.AreaMatrix[i] {
				r.Areas = append(r.Areas, scoreOf(s, o.AreaLevels[i][j]))
			}
		}
		if n.RollUp >= 0 {
			rollUp(&r, o.RollUps[n.RollUp], o, taskIndex, provision)
		}
		d.Rows = append(d.Rows, r)
	}
}

// strengthOf is a cell's strength in the page: its strength.Level, or -1
// without measures.
func strengthOf(c reports.Cell) int {
	lv, err := strength.ParseLevel(c.Strength)
	if err != nil {
		return -1
	}
	return int(lv)
}

// outOfScope is the score of a cell out of a region's scope.
const outOfScope = -1

// scoreOf is a cell's score in the page: its level is compare.LevelOf's,
// except out of scope.
func scoreOf(score float64, level string) float64 {
	if level == string(compare.LevelOutOfScope) {
		return outOfScope
	}
	return score
}

func levelIndex(level string) int {
	for i, lv := range levels {
		if string(lv) == level {
			return i
		}
	}
	return 0
}

// pieces is the level legend: go-echarts' Piece has no label.
func pieces(o *reports.Overview) []map[string]any {
	var out []map[string]any
	for i, lv := range levels {
		out = append(out, map[string]any{"value": i, "label": o.Lang.L(string(lv)), "color": levelColors[i]})
	}
	return out
}

// heatmap: areas × the rows of the table's page, each cell [x, y, score,
// level], coloured by level; the script sets the rows.
func heatmap(o *reports.Overview, cols []string) map[string]any {
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "150", Right: "10", Top: "110", Bottom: "40"}),
	)
	hm.SetXAxis(cols)
	hm.AddSeries("coverage", []opts.HeatMapData{})
	hm.Validate()
	out := hm.JSON()
	out["xAxis"] = []map[string]any{{"type": "category", "data": cols, "position": "top", "axisLabel": map[string]any{"rotate": 30, "interval": 0, "fontSize": 10}}}
	out["yAxis"] = []map[string]any{{"type": "category", "data": []string{}, "inverse": true, "axisLabel": map[string]any{"interval": 0}}}
	out["visualMap"] = []map[string]any{{"type": "piecewise", "dimension": 3, "orient": "horizontal", "left": "center", "bottom": 0, "pieces": pieces(o)}}
	out["legend"] = []map[string]any{{"show": false}}
	return out
}

// areaBars: the area scores of the rows of the table's page.
func areaBars(d *data) map[string]any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
		charts.WithYAxisOpts(opts.YAxis{Min: 0, Max: 1}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "60"}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "slider", Start: 0, End: 100}),
	)
	bar.SetXAxis([]string{})
	for _, a := range d.Areas {
		bar.AddSeries(a, []opts.BarData{})
	}
	bar.Validate()
	return bar.JSON()
}

// radar: the first rows of the table's page against the areas.
func radar(d *data) map[string]any {
	r := charts.NewRadar()
	var ind []*opts.Indicator
	for _, a := range d.Areas {
		ind = append(ind, &opts.Indicator{Name: a, Max: 1})
	}
	r.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0"}),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind}),
	)
	r.AddSeries("areas", []opts.RadarData{})
	r.Validate()
	return r.JSON()
}

// tileMap: the provinces as equal tiles on a grid; the script colours them
// by the chosen measure.
func tileMap(o *reports.Overview) map[string]any {
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "10", Right: "10", Top: "10", Bottom: "50"}),
	)
	cols := make([]string, tileCols)
	for i := range cols {
		cols[i] = fmt.Sprint(i)
	}
	hm.SetXAxis(cols)
	hm.AddSeries("tiles", []opts.HeatMapData{})
	hm.AddSeries("absent", []opts.HeatMapData{}) // provinces not in the run, grey
	hm.Validate()
	out := hm.JSON()
	lines := make([]string, tileLines)
	for i := range lines {
		lines[i] = fmt.Sprint(i)
	}
	hidden := map[string]any{"show": false}
	out["xAxis"] = []map[string]any{{"type": "category", "data": cols, "axisLabel": hidden, "axisLine": hidden, "axisTick": hidden, "splitArea": hidden}}
	out["yAxis"] = []map[string]any{{"type": "category", "data": lines, "inverse": true, "axisLabel": hidden, "axisLine": hidden, "axisTick": hidden}}
	out["visualMap"] = []map[string]any{{"type": "continuous", "seriesIndex": 0, "min": 0, "max": 1, "dimension": 2, "orient": "horizontal", "left": "center", "bottom": 0,
		"calculable": false, "precision": 2, "inRange": map[string]any{"color": []string{levelColors[0], levelColors[2], levelColors[3]}}}}
	out["legend"] = []map[string]any{{"show": false}}
	return out
}

// The schematic grid of China's 31 provinces (the tile-grid map of news
// graphics): each at a column and line roughly where it lies, so that no
// boundary data, and no map approval, is needed. A region is a province's
// when its name starts with the province's name.
const tileCols, tileLines = 8, 8

var grid = []struct {
	name, short string
	col, line   int
}{
	{"黑龙江", "黑", 7, 0},
	{"内蒙古", "蒙", 3, 1}, {"北京", "京", 4, 1}, {"天津", "津", 5, 1}, {"辽宁", "辽", 6, 1}, {"吉林", "吉", 7, 1},
	{"新疆", "新", 0, 2}, {"宁夏", "宁", 2, 2}, {"山西", "晋", 3, 2}, {"河北", "冀", 4, 2}, {"山东", "鲁", 5, 2},
	{"青海", "青", 1, 3}, {"甘肃", "甘", 2, 3}, {"陕西", "陕", 3, 3}, {"河南", "豫", 4, 3}, {"江苏", "苏", 5, 3},
	{"西藏", "藏", 0, 4}, {"四川", "川", 1, 4}, {"重庆", "渝", 2, 4}, {"湖北", "鄂", 3, 4}, {"安徽", "皖", 4, 4}, {"上海", "沪", 5, 4},
	{"云南", "滇", 1, 5}, {"贵州", "黔", 2, 5}, {"湖南", "湘", 3, 5}, {"江西", "赣", 4, 5}, {"浙江", "浙", 5, 5},
	{"广西", "桂", 2, 6}, {"广东", "粤", 3, 6}, {"福建", "闽", 4, 6},
	{"海南", "琼", 3, 7},
}

// tiles places every province of the grid, with the row of the region at
// the top of the tree that is that province, if any.
func tiles(rows []row) []tile {
	var out []tile
	for _, g := range grid {
		t := tile{Row: -1, Col: g.col, Line: g.line, Short: g.short}
		for i, r := range rows {
			if r.Parent == -1 && r.Level == string(regions.LevelProvince) && strings.HasPrefix(r.Name, g.name) {
				t.Row = i
				break
			}
		}
		out = append(out, t)
	}
	return out
}

// timeline: measures due per month, by level of region, against the
// national milestones and the as-of date.
func timeline(o *reports.Overview) map[string]any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "40"}),
	)
	var months []string
	for _, m := range o.Timeline {
		months = append(months, m.Month)
	}
	marks := []string{o.AsOfTime().Format("2006-01")}
	for _, m := range o.Milestones {
		marks = append(marks, m.Date[:7])
	}
	for _, m := range marks { // the lines need their month on the axis
		if !slices.Contains(months, m) {
			months = append(months, m)
		}
	}
	sort.Strings(months)
	bar.SetXAxis(months)
	for _, lv := range regionLevels {
		counts := make([]int, len(months))
		any := false
		for _, m := range o.Timeline {
			k := slices.Index(months, m.Month)
			for i, n := range m.ByRegion {
				if o.Regions[i].Level == string(lv) && n > 0 {
					counts[k] += n
					any = true
				}
			}
		}
		if !any {
			continue
		}
		var ys []opts.BarData
		for _, n := range counts {
			ys = append(ys, opts.BarData{Value: n})
		}
		bar.AddSeries(o.Lang.L("level."+string(lv)), ys, charts.WithBarChartOpts(opts.BarChart{Stack: "due"}))
	}
	bar.Validate()
	out := bar.JSON()
	var lines []map[string]any
	for _, m := range o.Milestones {
		lines = append(lines, map[string]any{"xAxis": m.Date[:7], "name": m.ID, "lineStyle": map[string]any{"color": "#333", "type": "dashed"}, "label": map[string]any{"formatter": m.ID}})
	}
	lines = append(lines, map[string]any{"xAxis": marks[0], "name": "as_of", "lineStyle": map[string]any{"color": "#c00"}, "label": map[string]any{"formatter": o.Lang.L("dash.asof")}})
	if series, ok := out["series"].(charts.MultiSeries); ok && len(series) > 0 {
		out["series"] = append([]any{}, withMarkLines(series, lines)...)
	}
	return out
}

func withMarkLines(series []charts.SingleSeries, lines []map[string]any) []any {
	out := make([]any, len(series))
	for i, s := range series {
		if i == 0 {
			b, _ := json.Marshal(s)
			var m map[string]any
			json.Unmarshal(b, &m)
			m["markLine"] = map[string]any{"symbol": "none", "data": lines}
			out[i] = m
			continue
		}
		out[i] = s
	}
	return out
}

// rollUp fills a row's roll-up: its index, per task [score, level, measures,
// [provisions covered]], per area the mean of its tasks' scores.
func rollUp(r *row, ru compare.RollUp, o *reports.Overview, taskIndex, provision map[string]int) {
	up := ru.Index
	r.Up = &up
	r.UpCells, r.UpMore = make([]float64, len(o.Tasks)), make([][2]any, len(o.Tasks))
	for j := range o.Tasks {
		r.UpCells[j], r.UpMore[j] = outOfScope, [2]any{0, []int{}}
	}
	for _, rt := range ru.Tasks {
		j := taskIndex[rt.Task]
		ids := []int{}
		for _, p := range rt.Provisions {
			ids = append(ids, provision[p])
		}
		r.UpCells[j], r.UpMore[j] = scoreOf(rt.Score, string(rt.Level)), [2]any{rt.Measures, ids}
	}
	for _, a := range o.Areas {
		score := float64(outOfScope)
		for _, ra := range ru.Areas {
			if ra.Area == a.ID {
				score = ra.Score
			}
		}
		r.UpAreas = append(r.UpAreas, score)
	}
}
