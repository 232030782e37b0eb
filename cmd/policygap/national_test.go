package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestNationalDashboard: the commission's page at 3,000 regions, as a user
// meets it in Chromium: every chart drawn, no canvas taller than a browser
// draws, a province expanded by a click, a phrase searched, and a measure of
// the results opened at its sentence. POLICYGAP_SHOTS=dir keeps the
// screenshots; POLICYGAP_DASH_RUNS=n loads the page n times for the
// first-paint figure (.ci/scale sets 5).
func TestNationalDashboard(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 3,000 documents")
	}
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("Chromium is not installed: apt-get install chromium; .ci/run installs it")
	}
	dir := t.TempDir()
	corpus, out := filepath.Join(dir, "national"), filepath.Join(dir, "out")
	if _, stderr, err := runInProcess(t, "generate", "--out", corpus, "--docs", "3000", "--seed", "1"); err != nil {
		t.Fatal(err, stderr)
	}
	if _, stderr, err := runInProcess(t, "report", "--in", corpus, "--out", out, "--as-of", "2022-06-30", "--format", "json,html", "--quiet"); err != nil {
		t.Fatal(err, stderr)
	}
	page := filepath.Join(out, "dashboard.html")
	info, _ := os.Stat(page)
	t.Logf("page: %.1f MB", float64(info.Size())/1e6)
	if info.Size() > 25<<20 {
		t.Errorf("the page is %d bytes, over 25 MB", info.Size())
	}
	const phrase = "爱心车队"
	var res struct {
		Measures []struct{ Key, Text string }
	}
	b, _ := os.ReadFile(filepath.Join(out, "results.json"))
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	saying := 0
	for _, m := range res.Measures {
		if strings.Contains(m.Text, phrase) {
			saying++
		}
	}

	shots := os.Getenv("POLICYGAP_SHOTS")
	if shots == "" {
		shots = dir
	}
	runs := 1
	fmt.Sscan(os.Getenv("POLICYGAP_DASH_RUNS"), &runs)
	for _, size := range [][2]int{{1366, 768}, {1920, 1080}} {
		var paints []int
		for run := 0; run < runs; run++ {
			b := browser(t, bin, size)
			do(t, b, chromedp.Navigate("file://"+page), chromedp.WaitReady(chromedp.CSS(`body[data-paint-ms]`)))
			paints = append(paints, js[int](t, b, `+document.body.dataset.paintMs`))
			t.Logf("%dx%d run %d: script started %s ms, data parsed %s ms later, charts made at %s, table at %s, script done at %s, first paint %d ms", size[0], size[1], run+1,
				js[string](t, b, `document.body.dataset.startMs`), js[string](t, b, `document.body.dataset.parseMs`), js[string](t, b, `document.body.dataset.chartsMs`), js[string](t, b, `document.body.dataset.tableMs`),
				js[string](t, b, `document.body.dataset.renderMs`), paints[len(paints)-1])
			if run == 0 {
				checkCharts(t, b, size)
				shot(t, b, filepath.Join(shots, fmt.Sprintf("national-%dx%d.png", size[0], size[1])))
			}
			if run == 0 && size[0] == 1366 {
				interact(t, b, phrase, saying, shots)
			}
		}
		slices.Sort(paints)
		t.Logf("%dx%d: first paint with every chart, median of %d: %d ms (min %d, max %d)", size[0], size[1], runs, paints[len(paints)/2], paints[0], paints[len(paints)-1])
	}
}

// browser starts a headless Chromium with no network at a window size.
func browser(t *testing.T, bin string, size [2]int) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.WindowSize(size[0], size[1]), chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(t.TempDir()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	return ctx
}

// checkCharts: five charts, each canvas with something drawn on it, none
// taller than a browser draws (Chromium's limit is 32,767 px; 4,096 is far
// from it), and no script error.
func checkCharts(t *testing.T, b context.Context, size [2]int) {
	t.Helper()
	got := js[struct {
		Charts, Errors string
		Canvases       []struct {
			ID     string
			Height int
			Inked  int
		}
	}](t, b, `({
		charts: document.body.dataset.charts, errors: document.body.dataset.errors || '',
		canvases: Array.from(document.querySelectorAll('canvas')).map(function (c) {
			var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
			for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
			return { id: c.closest('.chart').id, height: c.height, inked: n };
		})
	})`)
	if got.Charts != "5" || got.Errors != "" {
		t.Fatalf("%v: %s charts, errors %q", size, got.Charts, got.Errors)
	}
	inked := map[string]int{} // a chart may draw on several layers, one canvas each
	for _, c := range got.Canvases {
		inked[c.ID] += c.Inked
		if c.Height > 4096 {
			t.Errorf("%v: chart %s is a canvas %d px tall", size, c.ID, c.Height)
		}
	}
	for _, id := range []string{"tiles", "areas", "bars", "radar", "timeline"} {
		if inked[id] < 1000 {
			t.Errorf("%v: chart %s is blank (%d pixels drawn)", size, id, inked[id])
		}
	}
}

// interact: expand 福建省 with a click and with the keyboard, search a
// phrase, open the first measure found.
func interact(t *testing.T, b context.Context, phrase string, saying int, shots string) {
	t.Helper()
	rowNames := `Array.from(document.querySelectorAll('#tree tbody tr')).map(function (r) { return r.querySelector('td.name').title; })`
	before := js[[]string](t, b, rowNames)
	do(t, b, chromedp.Click(chromedp.CSS(`#tree button[aria-label="展开下级 福建省"]`)), chromedp.WaitVisible(chromedp.CSS(`#tree button[aria-expanded="true"]`)))
	after := js[[]string](t, b, rowNames)
	fj := slices.Index(after, "福建省")
	if fj < 0 || len(after) != len(before)+9 || !strings.HasPrefix(after[fj+1], "福建省 › ") || !strings.HasPrefix(after[fj+9], "福建省 › ") {
		t.Fatalf("福建省 expanded: %d rows before, %d after, %q", len(before), len(after), after[max(fj, 0):min(fj+11, len(after))])
	}
	// a city below it, opened from the keyboard
	city := js[string](t, b, `document.querySelectorAll('#tree tbody tr')[`+fmt.Sprint(fj+1)+`].querySelector('button').getAttribute('aria-label')`)
	do(t, b, chromedp.Focus(chromedp.CSS(`#tree button[aria-label="`+city+`"]`)), chromedp.KeyEvent("\r"), chromedp.Sleep(300*time.Millisecond))
	after = js[[]string](t, b, rowNames)
	if !strings.HasPrefix(after[fj+2], "福建省 › "+strings.TrimPrefix(city, "展开下级 ")+" › ") {
		t.Errorf("Enter on %q did not show its counties: %q", city, after[fj+1:fj+4])
	}
	shot(t, b, filepath.Join(shots, "national-expanded.png"))

	do(t, b, chromedp.SendKeys(chromedp.CSS(`#search`), phrase), chromedp.WaitVisible(chromedp.CSS(`#found button[data-measure]`)))
	found := js[string](t, b, `document.querySelector('#found p').textContent`)
	if want := fmt.Sprintf("含“%s”的措施 %d 项", phrase, saying); !strings.HasPrefix(found, want) {
		t.Errorf("search: %q, want %q (results.json has %d measures saying it)", found, want, saying)
	}
	first := js[string](t, b, `document.querySelector('#found button[data-measure] b').textContent`)
	do(t, b, chromedp.Click(chromedp.CSS(`#found button[data-measure]`)), chromedp.WaitVisible(chromedp.CSS(`#detail mark`)))
	detail := js[string](t, b, `document.querySelector('#detail mark').textContent`)
	cite := js[string](t, b, `document.querySelector('#detail .cite').textContent`)
	hash := js[string](t, b, `decodeURIComponent(location.hash)`)
	if !strings.Contains(detail, phrase) || strings.ContainsAny(strings.TrimRight(detail, "。；！？"), "。；！？") {
		t.Errorf("the opened measure marks %q: not the one sentence that says %s", detail, phrase)
	}
	if !strings.HasPrefix(hash, "#open=") || !strings.Contains(hash, "&q="+phrase) {
		t.Errorf("the link to the opened measure: %q", hash)
	}
	if strings.TrimSpace(first) != cite {
		t.Errorf("the result %q opened %q", first, cite)
	}
	shot(t, b, filepath.Join(shots, "national-search.png"))
}

// do runs the steps in the page; js returns a script's value.
func do(t *testing.T, b context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b, steps...); err != nil {
		t.Fatal(err)
	}
}

func js[T any](t *testing.T, b context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(b, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func shot(t *testing.T, b context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(b, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
