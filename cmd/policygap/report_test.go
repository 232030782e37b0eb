package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"policygap/compare"
	"policygap/outset"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// results is what the tests read of results.json.
type results struct {
	Manifest struct {
		AsOf      string `json:"as_of"`
		Hash      string `json:"hash"`
		Inputs    []struct{ File, SHA256 string }
		Overrides []struct{ Measure, Action string }
		Taxonomy  struct{ Hash string }
	} `json:"manifest"`
	Regions []struct {
		Name  string
		Index float64
		Rank  int
	} `json:"regions"`
	Coverage []struct {
		Region, Task, Level string
		Provisions          []string `json:"provisions_covered"`
		Total               int      `json:"provisions_total"`
	} `json:"coverage"`
	Gaps []struct {
		Region, Provision, Status string
		Peers                     []struct{ Key string }
	} `json:"provision_gaps"`
	Deadlines []struct{ Kind, Region, Task, Measure string } `json:"deadline_gaps"`
	Measures  []struct {
		Key   string
		Tasks []struct{ ID string }
	} `json:"measures"`
	Changes *struct {
		New          []string                   `json:"new_measures"`
		Removed      []string                   `json:"removed_measures"`
		Remapped     []struct{ Measure string } `json:"remapped_measures"`
		NewlyOverdue []string                   `json:"newly_overdue"`
	} `json:"changes"`
}

func report(t *testing.T, args ...string) (r results, path, stdout string) {
	t.Helper()
	out := t.TempDir()
	stdout, stderr, code := runBinary(t, append([]string{"report", "--out", out}, args...)...)
	path = filepath.Join(out, "results.json")
	if code != 0 {
		t.Fatalf("report %v: exit %d\n%s", args, code, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r, path, stdout
}

// TestReportGolden: the comparison of the seeds as of a fixed date, in a
// compact form a reviewer can read, against testdata/golden.
func TestReportGolden(t *testing.T) {
	r, path, stdout := report(t, "--as-of", "2022-06-30", "--format", "json")
	// what the run prints: every region's index and rank, the file written
	summary := "5 regions, 174 measures, as of 2022-06-30\n" +
		"  厦门市      index 0.821 (rank 2), 25 measures, 24 mapped\n" +
		"  青海省      index 0.774 (rank 3), 47 measures, 47 mapped\n" +
		"  民政部      index 0.374 (rank 5), 13 measures, 13 mapped\n" +
		"  福州市      index 0.909 (rank 1), 31 measures, 31 mapped\n" +
		"  重庆市      index 0.750 (rank 4), 58 measures, 58 mapped\n" +
		"wrote " + path + "\n"
	if stdout != summary {
		t.Errorf("summary\n%s\nwant\n%s", stdout, summary)
	}
	var b strings.Builder
	for _, g := range r.Regions {
		fmt.Fprintf(&b, "region %s index %.3f rank %d\n", g.Name, g.Index, g.Rank)
	}
	for _, c := range r.Coverage {
		fmt.Fprintf(&b, "coverage %s %s %s %d/%d\n", c.Region, c.Task, c.Level, len(c.Provisions), c.Total)
	}
	for _, g := range r.Gaps {
		var peers []string
		for _, p := range g.Peers {
			peers = append(peers, p.Key)
		}
		fmt.Fprintf(&b, "gap %s %s %s peers %s\n", g.Region, g.Provision, g.Status, strings.Join(peers, " "))
	}
	var dl []string
	for _, d := range r.Deadlines {
		dl = append(dl, fmt.Sprintf("deadline %s %s %s %s\n", d.Kind, d.Region, d.Task, d.Measure))
	}
	sort.Strings(dl)
	b.WriteString(strings.Join(dl, ""))
	golden := filepath.Join("..", "..", "testdata", "golden", "report_seeds_2022-06-30.txt")
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/policygap -run Golden -update)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("differs from %s at line %d:\n got  %s\n want %s\n(if the change is right: go test ./cmd/policygap -run Golden -update)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("differs from %s in length: %d lines, want %d", golden, len(gl), len(wl))
	}
	if len(r.Regions) != 5 || len(r.Coverage) != 5*25 {
		t.Errorf("%d regions, %d coverage cells; want 5 and 125", len(r.Regions), len(r.Coverage))
	}
	if r.Manifest.AsOf != "2022-06-30" || len(r.Manifest.Inputs) != 5 || r.Manifest.Hash == "" || r.Manifest.Taxonomy.Hash == "" {
		t.Errorf("manifest %+v", r.Manifest)
	}
}

// TestReportConservesMeasures: every output holds exactly the measures that
// `measures` prints, mapped or not: results.json's records, the workbook's
// ledger rows, the dashboard's cells and unmapped list, the briefs' appendix.
func TestReportConservesMeasures(t *testing.T) {
	out, _, _ := runBinary(t, "measures")
	var keys []string
	texts := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m struct{ Key, Region, Text string }
		json.Unmarshal([]byte(line), &m)
		keys = append(keys, m.Key)
		texts[m.Key] = m.Text
	}
	dir := t.TempDir()
	if _, stderr, code := runBinary(t, "report", "--out", dir, "--as-of", "2022-06-30", "--format", "json,xlsx,html,pdf"); code != 0 {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "results.json"))
	var r results
	json.Unmarshal(data, &r)
	if len(r.Measures) != len(keys) {
		t.Fatalf("results.json has %d measures, measures prints %d", len(r.Measures), len(keys))
	}
	for i, m := range r.Measures {
		if m.Key != keys[i] {
			t.Fatalf("measure %d: %s in results.json, %s in measures", i, m.Key, keys[i])
		}
	}
	// the workbook's ledger
	f, err := excelize.OpenFile(filepath.Join(dir, "workbook.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("措施清单")
	if len(rows)-1 != len(keys) {
		t.Errorf("workbook: %d ledger rows for %d measures", len(rows)-1, len(keys))
	}
	for i, row := range rows[1:] {
		if i < len(keys) && row[1] != keys[i] {
			t.Fatalf("workbook row %d: %s, want %s", i+2, row[1], keys[i])
		}
	}
	// the dashboard: measures behind cells, and the unmapped ones
	page, _ := os.ReadFile(filepath.Join(dir, "dashboard.html"))
	found := map[string]bool{}
	pg := regexp.MustCompile(`<script type="application/json" id="pg-data">(.*)</script>`).FindSubmatch(page)
	detail := regexp.MustCompile(`<script type="application/json" id="pg-detail">(.*)</script>`).FindSubmatch(page)
	var data2 struct{ Rows []struct{ N string } }
	var detail2 struct {
		Docs     [][2]any
		Measures [][3]any
	}
	if pg == nil || detail == nil || json.Unmarshal(pg[1], &data2) != nil || json.Unmarshal(detail[1], &detail2) != nil {
		t.Fatal("no dashboard data")
	}
	for _, m := range detail2.Measures { // region/doc#id
		d := detail2.Docs[int(m[0].(float64))]
		found[data2.Rows[int(d[0].(float64))].N+"/"+d[1].(string)+"#"+m[1].(string)] = true
	}
	for _, m := range regexp.MustCompile(`data-key="([^"]+)"`).FindAllSubmatch(page, -1) {
		found[string(m[1])] = true
	}
	for _, k := range keys {
		if !found[k] {
			t.Errorf("dashboard lacks %s", k)
		}
	}
	if len(found) != len(keys) {
		t.Errorf("dashboard shows %d measures, want %d", len(found), len(keys))
	}
	// the briefs' appendix: every measure of the region, by its opening words
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: apt-get install poppler-utils")
	}
	squash := regexp.MustCompile(`\s+`)
	byRegion := map[string]string{}
	for _, k := range keys {
		region, _, _ := strings.Cut(k, "/")
		if _, ok := byRegion[region]; !ok {
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", "-x", "240", "-y", "0", "-W", "320", "-H", "842",
				filepath.Join(dir, "briefs", region+".pdf"), "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			byRegion[region] = squash.ReplaceAllString(string(text), "")
		}
		opening := squash.ReplaceAllString(string([]rune(strings.ReplaceAll(texts[k], "\n", ""))[:12]), "")
		if !strings.Contains(byRegion[region], opening) {
			t.Errorf("the brief of %s does not list %s (%q)", region, k, opening)
		}
	}
}

func TestReportOverridesAndBaseline(t *testing.T) {
	first, path, _ := report(t, "--as-of", "2021-06-30", "--format", "json")
	target := first.Measures[0].Key
	overrides := filepath.Join(t.TempDir(), "overrides.csv")
	os.WriteFile(overrides, []byte("measure,action,tasks,reviewer,date,reason\n"+target+",remap,T19,张三,2024-03-01,training\n"), 0o644)
	second, _, _ := report(t, "--as-of", "2022-06-30", "--format", "json", "--overrides", overrides, "--baseline", path)
	if second.Measures[0].Tasks[0].ID != "T19" || len(second.Manifest.Overrides) != 1 {
		t.Errorf("override not applied or not listed: %+v %+v", second.Measures[0], second.Manifest.Overrides)
	}
	c := second.Changes
	if c == nil || len(c.Remapped) != 1 || c.Remapped[0].Measure != target || len(c.New) != 0 || len(c.Removed) != 0 {
		t.Fatalf("changes %+v", c)
	}
	if len(c.NewlyOverdue) == 0 {
		t.Error("deadlines between 2021-06-30 and 2022-06-30 are not newly overdue")
	}
	// a bad overrides file stops the run and names every problem
	os.WriteFile(overrides, []byte("measure,action,tasks,reviewer,date,reason\n"+
		"某市/gone.txt#1,reject,,张三,2024-03-01,x\n"+target+",remap,T77,张三,2024-3-1,x\n"), 0o644)
	_, stderr, code := runBinary(t, "report", "--out", t.TempDir(), "--overrides", overrides)
	if code != 1 || !strings.Contains(stderr, `line 3: task "T77"`) || !strings.Contains(stderr, `line 3: date "2024-3-1"`) {
		t.Errorf("bad overrides: exit %d\n%s", code, stderr)
	}
	os.WriteFile(overrides, []byte("measure,action,tasks,reviewer,date,reason\n某市/gone.txt#1,reject,,张三,2024-03-01,x\n"), 0o644)
	_, stderr, code = runBinary(t, "report", "--out", t.TempDir(), "--overrides", overrides)
	if code != 1 || !strings.Contains(stderr, "line 2: measure 某市/gone.txt#1 is not in this run") {
		t.Errorf("stale override: exit %d\n%s", code, stderr)
	}
}

// TestReportFailureKeepsOutputs: a run that fails leaves the previous
// outputs whole and no temporary files behind.
func TestReportFailureKeepsOutputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runBinary(t, "report", "--out", out, "--format", "json", "--as-of", "2022-06-30"); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "results.json"))
	bad := filepath.Join(t.TempDir(), "o.csv")
	os.WriteFile(bad, []byte("measure,action\nx,y\n"), 0o644)
	if _, _, code := runBinary(t, "report", "--out", out, "--format", "json", "--overrides", bad); code == 0 {
		t.Fatal("a bad overrides file did not fail the run")
	}
	after, _ := os.ReadFile(filepath.Join(out, "results.json"))
	if string(before) != string(after) {
		t.Error("a failed run changed results.json")
	}
	if err := outset.Verify(out); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 2 { // out and its lock
		t.Errorf("files left beside %s: %v", out, entries)
	}
}

func TestReportFlags(t *testing.T) {
	for _, args := range [][]string{{"--format", "docx"}, {"--as-of", "2022-13-01"}, {"--lang", "fr"}} {
		_, stderr, code := runBinary(t, append([]string{"report", "--out", t.TempDir()}, args...)...)
		if code != 2 || !strings.Contains(stderr, args[0]) {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
}

// TestReportLedgerRoundTrip: the workbook a run writes, filled in and passed
// back with --ledger, changes the overdue analysis; problems are reported
// with file, sheet and row, and entries are carried forward.
func TestReportLedgerRoundTrip(t *testing.T) {
	out := t.TempDir()
	if _, stderr, code := runBinary(t, "report", "--out", out, "--format", "json,xlsx", "--as-of", "2022-06-30"); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "results.json"))
	var r1 results
	json.Unmarshal(before, &r1)
	overdue := ""
	for _, d := range r1.Deadlines {
		if d.Kind == "overdue" {
			overdue = d.Measure
			break
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, "workbook.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("措施清单")
	for i, row := range rows {
		if row[1] == overdue {
			f.SetCellValue("措施清单", fmt.Sprintf("Q%d", i+1), "已完成")
		}
	}
	f.SetCellValue("措施清单", "Q2", "快完成了")
	ledger := filepath.Join(t.TempDir(), "last-quarter.xlsx")
	if err := f.SaveAs(ledger); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runBinary(t, "report", "--out", out, "--format", "json,xlsx", "--as-of", "2022-06-30", "--ledger", ledger)
	if code != 0 {
		t.Fatal(stderr)
	}
	if !strings.Contains(stderr, "last-quarter.xlsx: sheet 措施清单, row 2: status \"快完成了\"") {
		t.Errorf("stderr: %s", stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "results.json"))
	var r2 results
	json.Unmarshal(after, &r2)
	count := func(r results) int {
		n := 0
		for _, d := range r.Deadlines {
			if d.Kind == "overdue" {
				n++
			}
		}
		return n
	}
	if count(r2) != count(r1)-1 {
		t.Errorf("overdue %d -> %d", count(r1), count(r2))
	}
	g, _ := excelize.OpenFile(filepath.Join(out, "workbook.xlsx"))
	rows, _ = g.GetRows("措施清单")
	for _, row := range rows {
		if row[1] == overdue && (len(row) < 17 || row[16] != "已完成") {
			t.Errorf("the entry was not carried forward: %v", row)
		}
	}
	if problems, _ := g.GetRows("台账问题"); len(problems) < 2 {
		t.Errorf("the ledger problems are not in the new workbook")
	}
}

// TestSummaryListsAFewRegions: a national run's terminal summary names the
// first regions and says how many more there are, not thousands of lines.
func TestSummaryListsAFewRegions(t *testing.T) {
	for _, n := range []int{3, summaryRegions, summaryRegions + 7} {
		r := &compare.Result{AsOf: "2022-06-30"}
		for i := range n {
			r.Regions = append(r.Regions, compare.RegionResult{Name: fmt.Sprintf("区%d", i), Rank: i + 1})
		}
		var b strings.Builder
		printSummary(&b, r, []string{"out/results.json"})
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		listed := min(n, summaryRegions)
		more := strings.Contains(b.String(), fmt.Sprintf("and %d more regions", n-listed))
		if len(lines) != 1+listed+btoi(n > listed)+1 || more != (n > listed) {
			t.Errorf("%d regions: summary\n%s", n, b.String())
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestReportFailureAfterAnOutputKeepsTheSet: a renderer that fails after
// another output is written, and after writing part of its own, leaves the
// previous set whole: outputs are written beside --out, never into it.
func TestReportFailureAfterAnOutputKeepsTheSet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, err := runInProcess(t, "report", "--out", out, "--as-of", "2022-01-01", "--format", "json,html"); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "results.json"))
	saved := slices.Clone(formats)
	defer func() { formats = saved }()
	for i, f := range formats {
		if f.name == "pdf" {
			formats[i].write = func(dir string, run *reportRun) error {
				for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(5 * time.Millisecond) {
					if _, err := os.Stat(filepath.Join(dir, "results.json")); err == nil {
						break
					}
				}
				os.MkdirAll(filepath.Join(dir, "briefs"), 0o755)
				os.WriteFile(filepath.Join(dir, "briefs", "partial.pdf"), []byte("%PDF-1.4 half"), 0o644)
				return errors.New("disk full")
			}
		}
	}
	_, _, err := runInProcess(t, "report", "--out", out, "--as-of", "2022-06-30", "--format", "json,html,pdf")
	if err == nil || !strings.Contains(err.Error(), "briefs: disk full") {
		t.Fatalf("the failing renderer's error: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "results.json")); !bytes.Equal(before, after) {
		t.Error("results.json of the failed run reached --out")
	}
	if _, err := os.Stat(filepath.Join(out, "briefs")); err == nil {
		t.Error("the failed run's briefs reached --out")
	}
	if err := outset.Verify(out); err != nil {
		t.Error(err)
	}
}

// --brief-scope province: a brief per top region, a province with its
// cities in it instead of a brief per city; an unknown scope names the two.
func TestBriefScopeProvince(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, err := runInProcess(t, "report", "--out", out, "--as-of", "2022-06-30", "--format", "pdf", "--brief-scope", "province", "-q"); err != nil {
		t.Fatal(err, stderr)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "briefs"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	if want := []string{"overview.pdf", "民政部.pdf", "福建省.pdf", "重庆市.pdf", "青海省.pdf"}; !slices.Equal(names, want) {
		t.Errorf("briefs %v, want %v", names, want)
	}
	_, stderr, code := runBinary(t, "report", "--out", out, "--brief-scope", "city")
	if code != 2 || !strings.Contains(stderr, `--brief-scope "city": use region or province`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// Progress: plain lines on stderr when it is not a terminal, none with
// --quiet; the run's warnings are printed either way.
func TestProgressLines(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	os.WriteFile(filepath.Join(dir, "plan.txt"), []byte(planText), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("通知\n"), 0o644)
	_, stderr, err := runInProcess(t, "report", "--in", dir, "--out", out, "--as-of", "2022-06-30", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"policygap: reading documents: 2 …\n", "policygap: 2 documents read (", "policygap: 1 regions compared (", "policygap: 1 outputs written ("} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "\r") {
		t.Error("a terminal's redrawn line on a pipe")
	}
	_, quiet, _ := runInProcess(t, "report", "--in", dir, "--out", out, "--as-of", "2022-06-30", "--format", "json", "--quiet")
	if strings.Contains(quiet, "documents read") || !strings.Contains(quiet, "empty.txt") {
		t.Errorf("--quiet: %s", quiet)
	}
}

// TestMemoryLimit: report sets --memory-limit as the runtime's soft limit,
// none with 0, and leaves a GOMEMLIMIT the user set alone.
func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "")
	for _, c := range []struct {
		env, flag string
		want      int64
	}{
		{"", "123", 123 << 20},
		{"", "0", math.MaxInt64 - 1},
		{"1GiB", "123", math.MaxInt64 - 1},
	} {
		debug.SetMemoryLimit(math.MaxInt64 - 1)
		os.Setenv("GOMEMLIMIT", c.env)
		if _, stderr, err := runInProcess(t, "report", "--out", filepath.Join(t.TempDir(), "out"), "--format", "json", "--quiet", "--memory-limit", c.flag); err != nil {
			t.Fatal(err, stderr)
		}
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("GOMEMLIMIT=%q --memory-limit %s: limit %d, want %d", c.env, c.flag, got, c.want)
		}
	}
}
