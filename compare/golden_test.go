package compare_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"policygap/compare"
	"policygap/regions"
	"policygap/taxonomy"
)

var update = flag.Bool("update", false, "rewrite testdata/golden_*.json")

// comparison runs the pipeline up to the comparison on a corpus, with the
// ledger entries given (key -> progress).
func comparison(t *testing.T, c *regions.Corpus, asOf string, progress map[string]compare.Progress) *compare.Result {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	var ms []regions.Measure
	for _, d := range c.Documents {
		got, err := regions.Segment(d)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, got...)
	}
	day, _ := time.Parse(time.DateOnly, asOf)
	return compare.Compare(compare.Input{Corpus: c, Measures: compare.MapAll(ms, taxonomy.NewMatcher(tax)), Taxonomy: tax, AsOf: day, Progress: progress})
}

// checkGolden compares v, as indented JSON, with testdata/name.
func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(path, got, 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./compare -run Golden -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("%s differs at line %d:\n got  %s\n want %s\n(if the change is right: go test ./compare -run Golden -update, and read the diff)", path, i+1, g[i], w[i])
			}
		}
		t.Fatalf("%s differs in length: %d lines, want %d", path, len(g), len(w))
	}
}

// TestComparisonGolden: the whole comparison of the seeds and of the dev set
// (every region's index and rank, each task's level, score and provisions,
// the gaps with their peers, the deadline gaps with their days, the units'
// load, the innovations and the roll-ups) against testdata, value for value.
// On the seeds two measures are recorded as done in the ledger, one after
// its deadline, so the ledger's effect on the deadline gaps is held too.
func TestComparisonGolden(t *testing.T) {
	seeds, errs := regions.DefaultCorpus()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	done := map[string]compare.Progress{
		"民政部/002_8436166b0374edce.txt#2.1.2": {Status: compare.StatusDone, Done: time.Date(2021, 1, 15, 0, 0, 0, 0, time.UTC)}, // before its deadline
		"重庆市/004_39e0957d0ad3f9af.txt#13":    {Status: compare.StatusDone, Done: time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)},  // after it
		"福州市/003_f4ac198c78a4da61.txt#2.1.1": {Status: compare.StatusOngoing},                                                  // still overdue
	}
	checkGolden(t, "golden_seeds_2022-06-30.json", comparison(t, seeds, "2022-06-30", done))
	dev, errs := regions.Load([]string{"../testdata/devset/docs"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	checkGolden(t, "golden_devset_2021-12-31.json", comparison(t, dev, "2021-12-31", nil))
}
