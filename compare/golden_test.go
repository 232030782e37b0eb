package compare_test

import (
	"testing"
	"time"

	"policygap/compare"
	"policygap/internal/golden"
	"policygap/regions"
	"policygap/taxonomy"
)

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
	golden.Check(t, name, v, "go test ./compare -run Golden -update")
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
