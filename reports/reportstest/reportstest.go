// Package reportstest runs the pipeline on the bundled corpus for the tests
// of the report and render packages.
package reportstest

import (
	"fmt"
	"testing"
	"time"

	"policygap/compare"
	"policygap/regions"
	"policygap/reports"
	"policygap/taxonomy"
)

// AsOf is the date the test runs are judged at.
var AsOf = time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC)

// Options vary a test run.
type Options struct {
	Copies   int                         // the seeds repeated, each copy its own regions (default 1)
	Lang     reports.Lang                // default Chinese
	Progress map[string]compare.Progress // the ledger's entries
	Edit     func([]regions.Measure)     // changes the measures before they are mapped
}

// Seeds segments, maps and compares the bundled corpus and returns the
// run's results and the taxonomy.
func Seeds(t testing.TB, o Options) (*reports.Results, *taxonomy.Taxonomy) {
	t.Helper()
	seeds, errs := regions.DefaultCorpus()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := &regions.Corpus{}
	var ms []regions.Measure
	for k := 0; k < max(1, o.Copies); k++ {
		for _, d := range seeds.Documents {
			cp := *d
			if k > 0 {
				cp.Region, cp.Parent = fmt.Sprintf("%s%d", d.Region, k+1), ""
			}
			c.Documents = append(c.Documents, &cp)
			got, err := regions.Segment(&cp)
			if err != nil {
				t.Fatal(err)
			}
			ms = append(ms, got...)
		}
	}
	if o.Edit != nil {
		o.Edit(ms)
	}
	lang := o.Lang
	if lang == "" {
		lang = reports.Chinese
	}
	r := compare.Compare(compare.Input{Corpus: c, Measures: compare.MapAll(ms, taxonomy.NewMatcher(tax)), Taxonomy: tax, AsOf: AsOf, Progress: o.Progress})
	m := reports.NewManifest(c, r, AsOf, string(lang), nil)
	m.Seal(o.Progress)
	return reports.NewResults(m, r, nil), tax
}
