package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"policygap/compare"
	"policygap/outset"
	"policygap/regions"
	"policygap/render/html"
	jsonr "policygap/render/json"
	"policygap/render/pdf"
	"policygap/render/xlsx"
	"policygap/reports"
	"policygap/taxonomy"
)

type reportOptions struct {
	in        []string
	out       string
	asOf      string
	overrides string
	baseline  string
	formats   []string
	lang      string
	taxonomy  string
	ledger    string
	timing    bool
	quiet     bool
	scope     string
	memory    int
}

// format is one output of a report: its name on the command line, the file
// (or folder) it writes under --out, and how.
type format struct {
	name, file, help string
	write            func(dir string, run *reportRun) error
}

// formats is the one list of output formats: flag validation, help text and
// dispatch all read it.
var formats = []format{
	{"json", "results.json", "the whole comparison, every measure and the run manifest", writeJSON},
	{"xlsx", "workbook.xlsx", "matrices, measures with the ledger columns, gaps", writeXLSX},
	{"html", "dashboard.html", "the commission's offline dashboard", writeHTML},
	{"pdf", "briefs", "a brief per region (briefs/<region>.pdf) and briefs/overview.pdf", writePDF},
}

func formatNames() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.name)
	}
	return names
}

// reportRun is everything the renderers are given.
type reportRun struct {
	results  *reports.Results
	tax      *taxonomy.Taxonomy
	lang     reports.Lang
	problems []reports.LedgerProblem
	stale    []reports.LedgerEntry
	// briefScope: a brief per region, or per province with its regions in it
	briefScope string
}

// runReport is the main job: load corpus -> segment -> map -> overrides ->
// compare -> build reports -> render, with every output written atomically.
func runReport(args []string, stdout, stderr io.Writer) error {
	o, err := parseReportFlags(args, stdout, stderr)
	if err != nil {
		return err
	}
	asOf, _ := time.Parse(time.DateOnly, o.asOf)
	if os.Getenv("GOMEMLIMIT") == "" && o.memory > 0 {
		// a soft limit: the collector works harder near it instead of letting
		// the heap double (a national run's live data is several hundred MB)
		debug.SetMemoryLimit(int64(o.memory) << 20)
	}
	st := newStages(stderr, o.timing)
	set, err := beginOutputs(o, stderr)
	if err != nil {
		return err
	}
	defer set.Abort()
	tax, err := loadTaxonomy(o.taxonomy)
	if err != nil {
		return err
	}
	pg := newProgress(stderr, o.quiet)
	rd, err := loadMeasures(o.in, stderr, pg)
	if err != nil {
		return err
	}
	if err := checkScopes(rd.corpus, tax); err != nil {
		return err
	}
	st.done("load+segment")
	pg.begin(fmt.Sprintf("mapping %d measures", len(rd.measures)), 0)
	mapped := compare.MapAll(rd.measures, taxonomy.NewMatcher(tax))
	pg.end(fmt.Sprintf("%d measures mapped", len(mapped)))
	st.done("match")
	var applied []compare.Override
	if o.overrides != "" {
		if mapped, applied, err = applyOverridesFile(o.overrides, mapped, tax); err != nil {
			return err
		}
	}
	var progress map[string]compare.Progress
	var problems []reports.LedgerProblem
	var stale []reports.LedgerEntry
	if o.ledger != "" {
		if progress, problems, stale, err = readLedger(o.ledger, mapped); err != nil {
			return err
		}
		for _, p := range problems {
			fmt.Fprintln(stderr, "policygap: ledger:", p)
		}
		for _, e := range stale {
			fmt.Fprintf(stderr, "policygap: ledger: %s: sheet %s, row %d: measure %s is not in this run; its entry is kept in the new workbook\n", o.ledger, e.Sheet, e.Row, e.Key)
		}
	}
	pg.begin("comparing the regions", 0)
	result := compare.Compare(compare.Input{Corpus: rd.measured(), Measures: mapped, Taxonomy: tax, AsOf: asOf, Progress: progress})
	pg.end(fmt.Sprintf("%d regions compared", len(result.Regions)))
	st.done("compare")
	var changes *compare.Changes
	if o.baseline != "" {
		data, err := readInput("--baseline", o.baseline, maxBaselineInput)
		if err != nil {
			return err
		}
		b, err := compare.ReadBaseline(o.baseline, data, reports.Version, result.Taxonomy)
		if err != nil {
			return err
		}
		c := compare.Diff(b, result)
		changes = &c
	}
	manifest := reports.NewManifest(rd.corpus, result, asOf, o.lang, applied)
	recordReading(&manifest, rd)
	manifest.OverridesFile, manifest.Baseline, manifest.LedgerFile = o.overrides, o.baseline, o.ledger
	for _, p := range problems {
		manifest.LedgerProblems = append(manifest.LedgerProblems, p.String())
	}
	manifest.Seal(progress)
	run := &reportRun{results: reports.NewResults(manifest, result, changes), tax: tax, lang: reports.Lang(o.lang),
		problems: problems, stale: stale, briefScope: o.scope}
	st.done("reports")
	record := map[string]any{"as_of": o.asOf, "formats": o.formats, "inputs": o.in, "lang": o.lang}
	written, err := writeOutputs(set, o.formats, run, st, pg, record)
	if err != nil {
		return err
	}
	printSummary(stdout, result, written)
	return nil
}

func parseReportFlags(args []string, stdout, stderr io.Writer) (reportOptions, error) {
	var o reportOptions
	fs := newFlags("report", stdout, stderr)
	inputFlags(fs, &o.in, &o.taxonomy)
	fs.StringVar(&o.out, "out", "out", "folder to write the outputs to")
	fs.StringVar(&o.asOf, "as-of", time.Now().Format(time.DateOnly), "date deadlines are judged at (YYYY-MM-DD)")
	fs.StringVar(&o.overrides, "overrides", "", "CSV of reviewers' decisions (measure,action,tasks,reviewer,date,reason)")
	fs.StringVar(&o.baseline, "baseline", "", "an earlier results.json: list what changed since")
	fs.StringSliceVar(&o.formats, "format", formatNames(), "outputs, comma-separated: "+formatHelp())
	fs.StringVar(&o.lang, "lang", "zh", "language of the outputs: zh or en")
	fs.StringVar(&o.ledger, "ledger", "", "last quarter's workbook.xlsx with the ledger columns filled in")
	fs.BoolVar(&o.timing, "timing", false, "print each stage's time and the heap on stderr")
	fs.StringVar(&o.scope, "brief-scope", "region", "briefs: region (one per region) or province (one per province or ministry, its cities and counties in it)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "no progress on stderr (warnings and errors are still printed)")
	fs.IntVar(&o.memory, "memory-limit", 800, "soft memory limit in MiB (0: none; GOMEMLIMIT overrides)")
	if err := parse(fs, args, &o.in); err != nil {
		return o, err
	}
	var problems []string
	if _, err := time.Parse(time.DateOnly, o.asOf); err != nil {
		problems = append(problems, fmt.Sprintf("--as-of %q is not YYYY-MM-DD", o.asOf))
	}
	for _, f := range o.formats {
		if !slices.Contains(formatNames(), f) {
			problems = append(problems, fmt.Sprintf("--format %q: use %s", f, strings.Join(formatNames(), ", ")))
		}
	}
	if o.scope != "region" && o.scope != "province" {
		problems = append(problems, fmt.Sprintf("--brief-scope %q: use region or province", o.scope))
	}
	if o.lang != "zh" && o.lang != "en" {
		problems = append(problems, fmt.Sprintf("--lang %q: use zh or en", o.lang))
	}
	if len(problems) > 0 {
		return o, usageError{errors.New(strings.Join(problems, "; "))}
	}
	return o, nil
}

func formatHelp() string {
	var parts []string
	for _, f := range formats {
		parts = append(parts, f.name+" ("+f.file+": "+f.help+")")
	}
	return strings.Join(parts, ", ")
}

func applyOverridesFile(file string, mapped []compare.Mapped, tax *taxonomy.Taxonomy) ([]compare.Mapped, []compare.Override, error) {
	data, err := readInput("--overrides", file, maxSmallInput)
	if err != nil {
		return nil, nil, err
	}
	keys := map[string]bool{}
	for _, m := range mapped {
		keys[m.Key()] = true
	}
	ovs, err := compare.ReadOverrides(file, data, tax, func(k string) bool { return keys[k] })
	if err != nil {
		return nil, nil, err
	}
	return compare.ApplyOverrides(mapped, ovs, file)
}

// checkScopes: a scope a manifest gives names tasks or areas of the
// taxonomy; one that names neither would leave the region nothing to cover.
func checkScopes(c *regions.Corpus, tax *taxonomy.Taxonomy) error {
	var problems []string
	for _, d := range c.Documents {
		var bad []string
		for _, id := range d.Scope {
			if tax.Task(id) == nil && tax.Area(id) == nil {
				bad = append(bad, id)
			}
		}
		if len(bad) > 0 {
			problems = append(problems, fmt.Sprintf("%s: scope %s", regions.QuoteName(d.Source), strings.Join(bad, ", ")))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("scopes name no task or area of the taxonomy %s (tasks %s … %s, areas %s … %s):\n  %s",
		tax.Name, tax.Tasks[0].ID, tax.Tasks[len(tax.Tasks)-1].ID, tax.Areas[0].ID, tax.Areas[len(tax.Areas)-1].ID,
		strings.Join(problems, "\n  "))
}

// recordReading puts in the run's record how many measures each document
// gave, why a document gave none, and the files that could not be read.
func recordReading(m *reports.Manifest, rd reading) {
	for i := range m.Inputs {
		m.Inputs[i].Measures = rd.counts[i]
		if rd.counts[i] == 0 && rd.whyNone[i] != nil {
			m.Inputs[i].Problem = rd.whyNone[i].Error()
		}
	}
	for _, e := range rd.unread {
		u := reports.UnreadFile{Problem: e.Error()}
		var fe *regions.FileError
		if errors.As(e, &fe) {
			u.File, u.Problem = fe.File, fe.Err.Error()
		}
		m.Unread = append(m.Unread, u)
	}
}

// writeOutputs renders every format into the set's staging folder, side by
// side, and commits the set: the previous outputs are replaced whole, or,
// when a renderer fails, kept whole.
func writeOutputs(set *outset.Set, names []string, run *reportRun, st *stages, pg *progress, record map[string]any) ([]string, error) {
	var done []format
	for _, f := range formats {
		if slices.Contains(names, f.name) {
			done = append(done, f)
		}
	}
	// the outputs are independent: written side by side, the workbook's
	// compression overlaps results.json and the dashboard
	errs := make([]error, len(done))
	var wg sync.WaitGroup
	pg.begin("writing the outputs", len(done))
	for i, f := range done {
		wg.Go(func() {
			start := time.Now()
			if err := f.write(set.Dir(), run); err != nil {
				errs[i] = fmt.Errorf("%s: %w", f.file, err)
				return
			}
			st.since(f.file, start)
			pg.add()
		})
	}
	wg.Wait()
	pg.end(fmt.Sprintf("%d outputs written", len(done)))
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := set.Commit(record); err != nil {
		return nil, err
	}
	st.since("commit", start)
	var written []string
	for _, f := range done {
		written = append(written, filepath.Join(set.Dest(), f.file))
	}
	return written, nil
}

// outputNames are the names a set of outputs holds (true: a folder).
func outputNames() map[string]bool {
	names := map[string]bool{}
	for _, f := range formats {
		names[f.file] = f.name == "pdf"
	}
	return names
}

// beginOutputs takes --out for this run, before any work: a folder in the
// way, another run writing there, an --out inside an --in are found now.
func beginOutputs(o reportOptions, stderr io.Writer) (*outset.Set, error) {
	for _, in := range o.in {
		if inside(o.out, in) {
			return nil, usageError{fmt.Errorf("--out %s is inside --in %s: the next run would read the outputs as documents; write them elsewhere", o.out, in)}
		}
	}
	return outset.Begin(o.out, outputNames(), func(lock string) {
		fmt.Fprintf(stderr, "policygap: another run is writing to %s; waiting for it to finish (lock: %s)\n", o.out, lock)
	})
}

// inside: path a is folder b or below it.
func inside(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA != nil || errB != nil {
		return false
	}
	if info, err := os.Stat(absB); err != nil || !info.IsDir() {
		return false
	}
	rel, err := filepath.Rel(absB, absA)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// writeFile renders into path, streaming: the file is in the run's
// temporary folder, and is moved into place only when every output is whole.
func writeFile(path string, render func(w io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := render(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeJSON(dir string, run *reportRun) error {
	return writeFile(filepath.Join(dir, "results.json"), func(w io.Writer) error {
		return jsonr.New().Write(w, run.results)
	})
}

func writeHTML(dir string, run *reportRun) error {
	return writeFile(filepath.Join(dir, "dashboard.html"), func(w io.Writer) error {
		return html.New().Write(w, reports.NewOverview(run.results, run.tax, run.lang))
	})
}

// writePDF writes every region's brief and the overview, on all cores.
func writePDF(dir string, run *reportRun) error {
	folder := filepath.Join(dir, "briefs")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	w := pdf.New(runTexts(run)...)
	o := reports.NewOverview(run.results, run.tax, run.lang)
	jobs := []func() error{func() error {
		return writeFile(filepath.Join(folder, "overview.pdf"), func(out io.Writer) error {
			return w.WriteOverview(out, o)
		})
	}}
	used := map[string]bool{"overview": true}
	if run.briefScope == "province" {
		// a brief per top region: with its regions below in it where it
		// has any, else its own
		for _, g := range o.Groups() {
			name := fileName(g.Top.Name, used)
			jobs = append(jobs, func() error {
				return writeFile(filepath.Join(folder, name+".pdf"), func(out io.Writer) error {
					if g.RollUp != nil {
						return w.WriteGroup(out, o, g)
					}
					return w.Write(out, reports.NewBrief(run.results, g.Top.Name, run.tax, run.lang))
				})
			})
		}
		return parallel(jobs)
	}
	for _, r := range run.results.Regions {
		name := fileName(r.Name, used)
		jobs = append(jobs, func() error {
			return writeFile(filepath.Join(folder, name+".pdf"), func(out io.Writer) error {
				return w.Write(out, reports.NewBrief(run.results, r.Name, run.tax, run.lang))
			})
		})
	}
	return parallel(jobs)
}

// runTexts is what the run's PDFs may print besides the fixed labels: the
// PDF writer cuts its font to these characters once for all the briefs.
func runTexts(run *reportRun) []string {
	var texts []string
	for _, m := range run.results.Measures {
		texts = append(texts, m.Text, m.Region, strings.Join(m.Units, ""))
	}
	for _, f := range run.results.Manifest.Inputs {
		texts = append(texts, f.Issuer, f.Number, f.Date)
	}
	for _, t := range run.tax.Tasks {
		texts = append(texts, t.Title, t.Short, t.En)
		for _, p := range t.Provisions {
			texts = append(texts, p.Label)
		}
	}
	for _, a := range run.tax.Areas {
		texts = append(texts, a.Title, a.Short, a.En)
	}
	return append(texts, run.results.AsOf, run.tax.Name)
}

// parallel runs the jobs on every core and returns the first error.
func parallel(jobs []func() error) error {
	work := make(chan func() error)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range work {
				errs <- job()
			}
		}()
	}
	for _, job := range jobs {
		work <- job
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// fileName makes a region's name a file name that Windows and Linux both
// accept: reserved characters and trailing dots or spaces replaced, reserved
// device names avoided, length bounded, and unique among used.
func fileName(region string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, region)
	name = strings.TrimRight(name, ". ")
	for len(name) > 120 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	upper := strings.ToUpper(strings.SplitN(name, ".", 2)[0])
	if name == "" || slices.Contains([]string{"CON", "PRN", "AUX", "NUL"}, upper) ||
		len(upper) == 4 && (strings.HasPrefix(upper, "COM") || strings.HasPrefix(upper, "LPT")) && upper[3] >= '0' && upper[3] <= '9' {
		name = "_" + name
	}
	base := name
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	used[strings.ToLower(name)] = true
	return name
}

func writeXLSX(dir string, run *reportRun) error {
	return writeFile(filepath.Join(dir, "workbook.xlsx"), func(w io.Writer) error {
		return xlsx.New().Write(w, reports.NewWorkbook(run.results, run.tax, run.lang, run.problems, run.stale))
	})
}

// readLedger reads last quarter's ledger: progress by measure key, the cells
// it could not use, and its entries for measures no longer in the run.
func readLedger(file string, mapped []compare.Mapped) (map[string]compare.Progress, []reports.LedgerProblem, []reports.LedgerEntry, error) {
	data, err := readInput("--ledger", file, xlsx.MaxLedgerBytes)
	if err != nil {
		return nil, nil, nil, err
	}
	entries, problems, err := xlsx.ReadLedger(file, bytes.NewReader(data))
	if err != nil {
		return nil, nil, nil, err
	}
	keys := map[string]bool{}
	for _, m := range mapped {
		keys[m.Key()] = true
	}
	progress := map[string]compare.Progress{}
	var stale []reports.LedgerEntry
	for _, e := range entries {
		if !keys[e.Key] {
			stale = append(stale, e)
			continue
		}
		progress[e.Key] = e.Progress
	}
	return progress, problems, stale, nil
}

// summaryRegions is how many regions the terminal summary lists; a national
// run's thousands are in the outputs, not on the screen.
const summaryRegions = 40

func printSummary(w io.Writer, r *compare.Result, written []string) {
	fmt.Fprintf(w, "%d regions, %d measures, as of %s\n", len(r.Regions), len(r.Measures), r.AsOf)
	for i, rr := range r.Regions {
		if i == summaryRegions {
			fmt.Fprintf(w, "  … and %d more regions (every region is in the outputs)\n", len(r.Regions)-i)
			break
		}
		fmt.Fprintf(w, "  %-8s index %.3f (rank %d), %d measures, %d mapped\n", rr.Name, rr.Index, rr.Rank, rr.Measures, rr.Mapped)
	}
	for _, f := range written {
		fmt.Fprintln(w, "wrote", f)
	}
}
