package html

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"policygap/compare"
	"policygap/regions"
	"policygap/reports"
	"policygap/reports/reportstest"
)

const (
	scriptPayload = `</script><img src=x onerror="document.title='X'">`
	markerPayload = `__f__(function(){document.title='Y'})()__f__`
)

// overview runs the pipeline on the seeds repeated copies times (each copy
// its own regions); edit may change the measures first.
func overview(t testing.TB, copies int, lang reports.Lang, edit func([]regions.Measure)) *reports.Overview {
	t.Helper()
	res, tax := reportstest.Seeds(t, reportstest.Options{Copies: copies, Lang: lang, Edit: edit})
	return reports.NewOverview(res, tax, lang)
}

func writePage(t testing.TB, o *reports.Overview) string {
	t.Helper()
	var buf bytes.Buffer
	if err := New().Write(&buf, o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dashboard.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPageIsSelfContained(t *testing.T) {
	path := writePage(t, overview(t, 1, reports.Chinese, nil))
	html, _ := os.ReadFile(path)
	s := string(html)
	markup := regexp.MustCompile(`(?s)<script>.*?</script>`).ReplaceAllString(s, "<script></script>")
	if regexp.MustCompile(`(?i)<(script|link|img|iframe)[^>]+(src|href)=`).MatchString(markup) {
		t.Error("the page loads something from outside itself")
	}
	if !strings.Contains(s, `Content-Security-Policy" content="default-src 'none'`) {
		t.Error("no Content-Security-Policy")
	}
	if !strings.Contains(s, "<title>老年人运用智能技术困难：各地落实情况对比</title>") || !strings.Contains(s, "@media print") {
		t.Error("title or print stylesheet missing")
	}
	en := writePage(t, overview(t, 1, reports.English, nil))
	if b, _ := os.ReadFile(en); !strings.Contains(string(b), "<title>Elderly people and smart technology") {
		t.Error("English page title")
	}
}

// chromium loads the page headless, with no network, and returns the DOM
// after the scripts ran.
func chromium(t *testing.T, url string) string {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("Chromium is not installed: apt-get install chromium; .ci/run installs it")
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--window-size=1366,768", "--virtual-time-budget=10000", "--dump-dom", url)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, errb.String())
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Fatal("chromium did not finish in 90 s")
	}
	return out.String()
}

var (
	chartsRe = regexp.MustCompile(`data-charts="(\d+)"`)
	titleRe  = regexp.MustCompile(`<title>([^<]*)</title>`)
	msRe     = regexp.MustCompile(`data-render-ms="(\d+)"`)
)

func TestChromiumRendersTheCharts(t *testing.T) {
	o := overview(t, 1, reports.Chinese, nil)
	path := writePage(t, o)
	// 厦门市 (row 0) x T07 (column 6): the drill-down opens from the link
	dom := chromium(t, "file://"+path+"#cell=0,6")
	if m := chartsRe.FindStringSubmatch(dom); m == nil || m[1] != "5" {
		t.Fatalf("charts drawn: %v", m)
	}
	if strings.Contains(dom, "data-errors") {
		t.Errorf("the page reported script errors: %s", regexp.MustCompile(`data-errors="[^"]*"`).FindString(dom))
	}
	if n := strings.Count(dom, "<canvas"); n < 5 {
		t.Errorf("%d canvases, want one per chart", n)
	}
	if !strings.Contains(dom, "提供便利化就诊服务。各医疗卫生机构要完善电话、网络、现场等多种预约挂号方式") || !strings.Contains(dom, "000_50d23e7d7f02d89f.txt #3.7") {
		t.Error("the drill-down does not show the measure's source text and citation")
	}
	if m := msRe.FindStringSubmatch(dom); m != nil {
		t.Logf("bundled corpus: page %d bytes, charts drawn in %s ms", fileSize(path), m[1])
	}
}

func fileSize(path string) int64 {
	info, _ := os.Stat(path)
	return info.Size()
}

// TestChromiumInjection: text from documents that tries to end the script
// element or to become a go-echarts function stays text.
func TestChromiumInjection(t *testing.T) {
	o := overview(t, 1, reports.Chinese, func(ms []regions.Measure) {
		for i := range ms {
			if ms[i].Region == "厦门市" && ms[i].ID == "3.7" {
				ms[i].Text = scriptPayload + " " + markerPayload + " " + ms[i].Text
			}
			if ms[i].Region == "福州市" {
				ms[i].Region = "福州市" + scriptPayload // a region name, shown on the axes
			}
		}
	})
	path := writePage(t, o)
	dom := chromium(t, "file://"+path+"#cell=0,6")
	if m := titleRe.FindStringSubmatch(dom); m == nil || m[1] != "老年人运用智能技术困难：各地落实情况对比" {
		t.Fatalf("the page title changed: %v", m)
	}
	if strings.Contains(dom, `<img src="x"`) {
		t.Error("the payload became an element")
	}
	if m := chartsRe.FindStringSubmatch(dom); m == nil || m[1] != "5" {
		t.Errorf("charts drawn: %v (the payload broke the page)", m)
	}
	// shown as literal text in the drill-down
	if !strings.Contains(dom, "&lt;/script&gt;&lt;img src=x onerror=\"document.title='X'\"&gt;") ||
		!strings.Contains(dom, markerPayload) {
		t.Error("the payload is not shown as literal text")
	}
}

// TestChromium300Regions: page weight and render time for 300 regions.
func TestChromium300Regions(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	o := overview(t, 60, reports.Chinese, nil)
	path := writePage(t, o)
	start := time.Now()
	dom := chromium(t, "file://"+path)
	if m := chartsRe.FindStringSubmatch(dom); m == nil || m[1] != "5" {
		t.Fatalf("charts drawn: %v", m)
	}
	m := msRe.FindStringSubmatch(dom)
	t.Logf("300 regions: page %d bytes, charts drawn in %s ms, chromium run %v", fileSize(path), m[1], time.Since(start).Round(time.Millisecond))
}

// The data is streamed into the page where the template left its mark; a
// document whose text holds the mark (shown in the tables above the script)
// does not move it.
func TestDataInItsPlace(t *testing.T) {
	path := writePage(t, overview(t, 1, reports.Chinese, func(ms []regions.Measure) {
		for i := range ms {
			ms[i].Text = dataMark + ms[i].Text
		}
	}))
	b, _ := os.ReadFile(path)
	page := string(b)
	if n := strings.Count(page, dataMark); n < 2 {
		t.Fatalf("the mark is in the page %d times: the test needs it in the tables too", n)
	}
	d, dt := pageData(t, page)
	if len(d.Rows) != 6 || len(dt.Measures) == 0 || len(d.Options) != 5 || len(dt.Texts) == 0 || len(dt.Cells) != 6 {
		t.Fatalf("data incomplete: %d rows, %d measures, %d options, %d texts, %d rows of cells", len(d.Rows), len(dt.Measures), len(d.Options), len(dt.Texts), len(dt.Cells))
	}
	for _, tx := range dt.Texts {
		if !strings.HasPrefix(tx, dataMark) {
			t.Fatalf("text %.40q", tx)
		}
	}
}

// pageDetail is the detail the page reads after its script.
type pageDetail struct {
	Cells, Up [][][2]any
	Docs      [][2]any
	Measures  [][3]any
	Texts     []string
}

// pageData reads the data and the detail the page's script reads.
func pageData(t *testing.T, page string) (data, pageDetail) {
	t.Helper()
	var d data
	var dt pageDetail
	for id, v := range map[string]any{"pg-data": &d, "pg-detail": &dt} {
		_, rest, ok := strings.Cut(page, `<script type="application/json" id="`+id+`">`)
		if !ok {
			t.Fatalf("no %s in the page", id)
		}
		if err := json.NewDecoder(strings.NewReader(rest)).Decode(v); err != nil {
			t.Fatalf("the page's %s is not JSON: %v", id, err)
		}
	}
	return d, dt
}

// levelOf is the level the page shows for a cell's score.
func levelOf(score float64) string {
	if score < 0 {
		return string(compare.LevelOutOfScope)
	}
	return string(compare.LevelOf(score))
}

// The tree the page draws: every region a row, 福建省 (whose own document is
// not in the corpus) a row of its roll-up alone, its cities below it; each
// cell's measures and provisions those of the overview; the provinces on
// their tiles.
func TestRowsTreeAndTiles(t *testing.T) {
	o := overview(t, 1, reports.Chinese, nil)
	path := writePage(t, o)
	b, _ := os.ReadFile(path)
	d, dt := pageData(t, string(b))
	at := map[string]int{}
	for i, r := range d.Rows {
		at[r.Name] = i
	}
	fj, xm, fz, qh := at["福建省"], at["厦门市"], at["福州市"], at["青海省"]
	if fj != 0 || d.Rows[fj].Own != nil || d.Rows[fj].Up == nil || *d.Rows[fj].Up != 0.973 || d.Rows[fj].Parent != -1 || d.Rows[fj].Cells != nil {
		t.Errorf("福建省: %+v", d.Rows[fj])
	}
	if d.Rows[xm].Parent != fj || d.Rows[fz].Parent != fj || d.Rows[qh].Parent != -1 || d.Rows[xm].Up != nil {
		t.Errorf("parents: 厦门市 %d, 福州市 %d, 青海省 %d; want %d, %d, -1, and no roll-up of 厦门市", d.Rows[xm].Parent, d.Rows[fz].Parent, d.Rows[qh].Parent, fj, fj)
	}
	for i, rr := range o.Regions {
		r := d.Rows[at[rr.Name]]
		if *r.Own != rr.Index || r.Rank != rr.Rank || r.Count != rr.Measures {
			t.Errorf("%s: own %v rank %d measures %d; want %v %d %d", rr.Name, *r.Own, r.Rank, r.Count, rr.Index, rr.Rank, rr.Measures)
		}
		for j, c := range o.Matrix[i] {
			score, more := r.Cells[j], dt.Cells[at[rr.Name]][j]
			var keys []string
			for _, m := range more[0].([]any) {
				ref := dt.Measures[int(m.(float64))]
				doc := dt.Docs[int(ref[0].(float64))]
				keys = append(keys, d.Rows[int(doc[0].(float64))].Name+"/"+doc[1].(string)+"#"+ref[1].(string))
				if dt.Texts[int(ref[2].(float64))] == "" {
					t.Errorf("%s: no text", keys[len(keys)-1])
				}
			}
			var want []string
			for _, m := range c.Measures {
				want = append(want, m.Key)
			}
			var covered []string
			for _, k := range more[1].([]any) {
				covered = append(covered, d.Provisions[j][int(k.(float64))])
			}
			if score != c.Score && !(score == -1 && c.Level == string(compare.LevelOutOfScope)) || levelOf(score) != c.Level ||
				strings.Join(keys, " ") != strings.Join(want, " ") || strings.Join(covered, "|") != strings.Join(c.Covered, "|") {
				t.Fatalf("%s %s: %v %v, want %v %s %v %v", rr.Name, o.Tasks[j].ID, score, more, c.Score, c.Level, want, c.Covered)
			}
		}
	}
	var fjUp compare.RollUp
	for _, ru := range o.RollUps {
		if ru.Region == "福建省" {
			fjUp = ru
		}
	}
	for j, task := range o.Tasks {
		got, more := d.Rows[fj].UpCells[j], dt.Up[fj][j]
		k := slices.IndexFunc(fjUp.Tasks, func(rt compare.RollUpTask) bool { return rt.Task == task.ID })
		if k < 0 {
			if got != -1 {
				t.Errorf("福建省 %s is out of scope: %v", task.ID, got)
			}
			continue
		}
		rt := fjUp.Tasks[k]
		if got != rt.Score || levelOf(got) != string(rt.Level) || int(more[0].(float64)) != rt.Measures || len(more[1].([]any)) != len(rt.Provisions) {
			t.Errorf("福建省 %s: %v %v, want %+v", task.ID, got, more, rt)
		}
	}
	tiles := map[string]int{}
	for _, tl := range d.Tiles {
		tiles[tl.Short] = tl.Row
	}
	if len(d.Tiles) != 31 || tiles["闽"] != fj || tiles["青"] != qh || tiles["渝"] != at["重庆市"] || tiles["京"] != -1 {
		t.Errorf("tiles: %v", tiles)
	}
}

// The strength view, opened by its link: each cell the strongest level of
// the measures behind it, filled by level; the one weak task of the seeds
// (重庆市 T13: two encouraging measures) outlined, the only one; the legend
// and the drill-down say what it means.
func TestChromiumStrengthView(t *testing.T) {
	o := overview(t, 1, reports.Chinese, nil)
	path := writePage(t, o)
	dom := chromium(t, "file://"+path+"#view=strength&region=%E9%87%8D%E5%BA%86%E5%B8%82&task=T13")
	if strings.Contains(dom, "data-errors") {
		t.Fatalf("script errors: %s", regexp.MustCompile(`data-errors="[^"]*"`).FindString(dom))
	}
	weak := regexp.MustCompile(`<td class="cell weak"[^>]*title="([^"]*)"[^>]*>([^<]*)</td>`).FindAllStringSubmatch(dom, -1)
	if len(weak) != 1 || !strings.HasPrefix(weak[0][1], "重庆市 · T13") || weak[0][2] != "鼓励" {
		t.Errorf("weak cells %q, want 重庆市 T13 alone, shown as 鼓励", weak)
	}
	if n := strings.Count(dom, `>强制</td>`); n < 3 {
		t.Errorf("%d mandatory cells", n)
	}
	if !strings.Contains(dom, "约束力：鼓励性 · 可操作措施 0 · 约束力弱") {
		t.Error("the drill-down does not give the cell's strength")
	}
	if !strings.Contains(dom, `<div id="legend" class="legend"><span style="background: rgb(91, 155, 213);">强制性</span>`) {
		t.Errorf("legend: %s", regexp.MustCompile(`<div id="legend"[^>]*>.{0,300}`).FindString(dom))
	}
}

// Each row's strength in the page is the overview's: per task the level's
// number (-1 without measures) and the actionable measures.
func TestStrengthData(t *testing.T) {
	o := overview(t, 1, reports.Chinese, nil)
	b, _ := os.ReadFile(writePage(t, o))
	d, _ := pageData(t, string(b))
	at := map[string]int{}
	for i, r := range d.Rows {
		at[r.Name] = i
	}
	if d.Rows[at["福建省"]].Strength != nil {
		t.Error("福建省, without its own document, has strengths of its own")
	}
	for i, rr := range o.Regions {
		r := d.Rows[at[rr.Name]]
		for j, c := range o.Matrix[i] {
			want := map[string]int{"": -1, "descriptive": 0, "encouraging": 1, "directive": 2, "mandatory": 3}[c.Strength]
			if r.Strength[j] != want || r.Actionable[j] != c.Actionable {
				t.Errorf("%s %s: strength %d actionable %d, want %d %d", rr.Name, o.Tasks[j].ID, r.Strength[j], r.Actionable[j], want, c.Actionable)
			}
		}
	}
	if got := d.Rows[at["重庆市"]].Strength[12]; got != 1 {
		t.Errorf("重庆市 T13 strength %d, want 1 (encouraging)", got)
	}
	if strings.Join(d.StrengthLabels, ",") != "描述性,鼓励性,指令性,强制性" || len(d.StrengthColors) != 4 {
		t.Errorf("strength labels %v colours %v", d.StrengthLabels, d.StrengthColors)
	}
}
