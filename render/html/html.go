// Package html renders the commission's dashboard (dashboard.html): one
// self-contained page that works offline. go-echarts builds the chart options;
// the page itself is this package's html/template, the options and data are
// encoded by encoding/json (which escapes <, >, &, U+2028 and U+2029), and the
// ECharts script (npm echarts 6.1.0, Apache-2.0, see assets/) is inlined.
// go-echarts' own Render is never used: it writes labels raw into the script
// element and turns __f__ markers in any text into live JavaScript.
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

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"policygap/compare"
	"policygap/reports"
)

var (
	//go:embed assets/echarts.min.js
	echartsJS string
	//go:embed page.html
	pageHTML string
	//go:embed page.js
	pageJS string
)

var page = template.Must(template.New("page").Parse(pageHTML))

// Writer writes dashboard.html.
type Writer struct{}

// New returns a dashboard writer.
func New() *Writer { return &Writer{} }

// levels in the order of the heatmap's colour pieces.
var levels = []compare.Level{compare.LevelNone, compare.LevelMentioned, compare.LevelPartial, compare.LevelFull, compare.LevelOutOfScope}

var levelColors = []string{"#F8696B", "#FCB97D", "#FFEB84", "#63BE7B", "#D9D9D9"}

// data is what the page's script reads: labels, and for every heatmap cell
// the measures behind it with their source text.
type data struct {
	Options     map[string]any    `json:"options"`
	Regions     []string          `json:"regions"`
	Tasks       []string          `json:"tasks"`
	Areas       []string          `json:"areas"`
	LevelLabels []string          `json:"levelLabels"`
	Labels      map[string]string `json:"labels"`
	// Cells and Measures, most of the page, are streamed by writeData; the
	// rest of data is encoded in one piece.
	Cells    [][]cellData `json:"cells,omitempty"`
	Measures [][4]string  `json:"measures,omitempty"` // doc, item id, text, key
}

type cellData struct {
	Score    float64  `json:"s"`
	Level    int      `json:"l"`
	Measures []int    `json:"m"`
	Covered  []string `json:"c"`
	Missing  []string `json:"x"`
}

type view struct {
	Lang     string
	Title    string
	Subtitle string
	L        map[string]string
	Gaps     []reports.SharedGap
	Unmapped []reports.CellMeasure
	AllNote  string
	Regions  []compare.RegionResult
	ECharts  template.JS
	Script   template.JS
	Data     template.JS
	Heights  map[string]int
}

// Write writes the dashboard.
func (*Writer) Write(w io.Writer, o *reports.Overview) error {
	d := &data{Options: map[string]any{}, Labels: labels(o.Lang)}
	for _, r := range o.Regions {
		d.Regions = append(d.Regions, r.Name)
	}
	for _, t := range o.Tasks {
		d.Tasks = append(d.Tasks, t.ID+" "+t.Title)
	}
	for _, a := range o.Areas {
		d.Areas = append(d.Areas, a.ID+" "+a.Title)
	}
	for _, lv := range levels {
		d.LevelLabels = append(d.LevelLabels, o.Lang.L(string(lv)))
	}
	fillCells(d, o)
	d.Options["tasks"] = heatmap(o, d.Tasks, d.Regions, taskValues(o))
	d.Options["areas"] = heatmap(o, d.Areas, d.Regions, areaValues(o))
	d.Options["bars"] = areaBars(o, d)
	d.Options["radar"] = radar(o, d)
	d.Options["timeline"] = timeline(o, d)
	v := view{Lang: string(o.Lang), Title: o.Lang.L("dash.title"), L: d.Labels, Gaps: o.Gaps, Regions: o.Regions,
		Unmapped: o.Unmapped, AllNote: o.Lang.Sprintf("dash.all", o.Measures, len(o.Unmapped)),
		ECharts: template.JS(echartsJS), Script: template.JS(pageJS), Data: dataMark,
		Subtitle: fmt.Sprintf("%s %s · %d %s", o.Lang.L("brief.asof"), o.AsOf, len(o.Regions), o.Lang.L("dash.regions")),
		Heights:  map[string]int{"tasks": 160 + 24*len(o.Regions), "areas": 160 + 24*len(o.Regions)}}
	var p bytes.Buffer // the page without its data: a few MB
	if err := page.Execute(&p, v); err != nil {
		return err
	}
	at := bytes.LastIndex(p.Bytes(), []byte(dataMark)) // the last: a document's text could hold the mark too
	before, after := p.Bytes()[:at], p.Bytes()[at+len(dataMark):]
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(before)
	if err := writeData(bw, d); err != nil {
		return err
	}
	bw.Write(after)
	return bw.Flush()
}

// dataMark stands in the page for the data, which writeData streams in its
// place: at national scale it is tens of MB, not to be built in one piece.
const dataMark = "/*policygap:data*/"

// writeData writes d as encoding/json would (which escapes <, >, &, U+2028
// and U+2029: safe inside <script>), the cells row by row and the measures
// one by one.
func writeData(bw *bufio.Writer, d *data) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	marshal := func(v any) ([]byte, error) {
		buf.Reset()
		err := enc.Encode(v)
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
	}
	head := *d
	head.Cells, head.Measures = nil, nil
	b, err := marshal(head)
	if err != nil {
		return err
	}
	bw.Write(bytes.TrimSuffix(b, []byte("}"))) // the object, left open (options is always in it)
	if err := writeArray(bw, "cells", d.Cells, marshal); err != nil {
		return err
	}
	if err := writeArray(bw, "measures", d.Measures, marshal); err != nil {
		return err
	}
	return bw.WriteByte('}')
}

// writeArray writes `,"name":[…]`, one item marshalled at a time.
func writeArray[T any](bw *bufio.Writer, name string, items []T, marshal func(any) ([]byte, error)) error {
	bw.WriteString(`,"` + name + `":[`)
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
		"col.measure", "col.text", "col.unmapped"} {
		out[k] = l.L(k)
	}
	return out
}

func fillCells(d *data, o *reports.Overview) {
	index := map[string]int{}
	for _, row := range o.Matrix {
		var cells []cellData
		for _, c := range row {
			cd := cellData{Score: c.Score, Level: levelIndex(c.Level), Covered: c.Covered, Missing: c.Missing}
			if c.Level == string(compare.LevelOutOfScope) {
				cd.Missing = nil
			}
			for _, m := range c.Measures {
				i, ok := index[m.Key]
				if !ok {
					i = len(d.Measures)
					index[m.Key] = i
					d.Measures = append(d.Measures, [4]string{m.Doc, m.ID, m.Text, m.Key})
				}
				cd.Measures = append(cd.Measures, i)
			}
			cells = append(cells, cd)
		}
		d.Cells = append(d.Cells, cells)
	}
}

func levelIndex(level string) int {
	for i, lv := range levels {
		if string(lv) == level {
			return i
		}
	}
	return 0
}

type value struct {
	score float64
	level string
}

func taskValues(o *reports.Overview) [][]value {
	var out [][]value
	for _, row := range o.Matrix {
		var r []value
		for _, c := range row {
			r = append(r, value{c.Score, c.Level})
		}
		out = append(out, r)
	}
	return out
}

func areaValues(o *reports.Overview) [][]value {
	var out [][]value
	for i, row := range o.AreaMatrix {
		var r []value
		for j, s := range row {
			r = append(r, value{s, o.AreaLevels[i][j]})
		}
		out = append(out, r)
	}
	return out
}

// heatmap: columns x rows, each cell [x, y, score, level], coloured by level.
func heatmap(o *reports.Overview, cols, rows []string, values [][]value) map[string]any {
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "90", Right: "10", Top: "110", Bottom: "40"}),
	)
	hm.SetXAxis(cols)
	var points []opts.HeatMapData
	for y, row := range values {
		for x, v := range row {
			points = append(points, opts.HeatMapData{Value: [4]any{x, y, v.score, levelIndex(v.level)}})
		}
	}
	hm.AddSeries("coverage", points)
	hm.Validate()
	out := hm.JSON()
	out["xAxis"] = []map[string]any{{"type": "category", "data": cols, "position": "top", "axisLabel": map[string]any{"rotate": 60, "interval": 0, "fontSize": 10}}}
	out["yAxis"] = []map[string]any{{"type": "category", "data": rows, "inverse": true, "axisLabel": map[string]any{"interval": 0}}}
	// go-echarts' Piece has no label: the level legend is set here
	var pieces []map[string]any
	for i, lv := range levels {
		pieces = append(pieces, map[string]any{"value": i, "label": o.Lang.L(string(lv)), "color": levelColors[i]})
	}
	out["visualMap"] = []map[string]any{{"type": "piecewise", "dimension": 3, "orient": "horizontal", "left": "center", "bottom": 0, "pieces": pieces}}
	out["legend"] = []map[string]any{{"show": false}}
	return out
}

// areaBars: each region's area scores, grouped by region.
func areaBars(o *reports.Overview, d *data) map[string]any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
		charts.WithYAxisOpts(opts.YAxis{Min: 0, Max: 1}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "60"}),
	)
	if len(d.Regions) > 12 {
		bar.SetGlobalOptions(charts.WithDataZoomOpts(opts.DataZoom{Type: "slider", Start: 0, End: float32(100 * 12 / len(d.Regions))}))
	}
	bar.SetXAxis(d.Regions)
	for j, a := range d.Areas {
		var ys []opts.BarData
		for i := range d.Regions {
			ys = append(ys, opts.BarData{Value: o.AreaMatrix[i][j]})
		}
		bar.AddSeries(a, ys)
	}
	bar.Validate()
	return bar.JSON()
}

// radar: regions against the areas; the first five are shown, the others
// are a click away in the legend.
func radar(o *reports.Overview, d *data) map[string]any {
	r := charts.NewRadar()
	var ind []*opts.Indicator
	for _, a := range d.Areas {
		ind = append(ind, &opts.Indicator{Name: a, Max: 1})
	}
	selected := map[string]bool{}
	for i, name := range d.Regions {
		selected[name] = i < 5
	}
	r.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0", Selected: selected}),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind}),
	)
	for i, name := range d.Regions {
		r.AddSeries(name, []opts.RadarData{{Name: name, Value: o.AreaMatrix[i]}})
	}
	r.Validate()
	return r.JSON()
}

// timeline: measures due per month, by region, against the national
// milestones and the as-of date.
func timeline(o *reports.Overview, d *data) map[string]any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "40"}),
	)
	months := []string{}
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
	for i, name := range d.Regions {
		var ys []opts.BarData
		for _, month := range months {
			n := 0
			for _, m := range o.Timeline {
				if m.Month == month {
					n = m.ByRegion[i]
				}
			}
			ys = append(ys, opts.BarData{Value: n})
		}
		bar.AddSeries(name, ys, charts.WithBarChartOpts(opts.BarChart{Stack: "due"}))
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
