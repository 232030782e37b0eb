package main

import (
	"fmt"
	"io"
	"testing"
	"time"

	"policygap/compare"
	"policygap/regions"
	jsonr "policygap/render/json"
	"policygap/reports"
	"policygap/taxonomy"
)

// scaledSeeds is the seed corpus repeated n times, each copy its own set of
// regions (厦门市#2 …), segmented and mapped once.
func scaledSeeds(b *testing.B, n int) (*regions.Corpus, []compare.Mapped, *taxonomy.Taxonomy) {
	b.Helper()
	seeds, _ := regions.DefaultCorpus()
	tax, _ := taxonomy.Default()
	matcher := taxonomy.NewMatcher(tax)
	var base []regions.Measure
	for _, d := range seeds.Documents {
		ms, err := regions.Segment(d)
		if err != nil {
			b.Fatal(err)
		}
		base = append(base, ms...)
	}
	mappedBase := compare.Map(base, matcher)
	c := &regions.Corpus{}
	var mapped []compare.Mapped
	for k := 0; k < n; k++ {
		suffix := ""
		if k > 0 {
			suffix = fmt.Sprintf("#%d", k+1)
		}
		for _, d := range seeds.Documents {
			cp := *d
			cp.Region += suffix
			if cp.Parent != "" {
				cp.Parent += suffix
			}
			c.Documents = append(c.Documents, &cp)
		}
		for _, m := range mappedBase {
			m.Region += suffix
			mapped = append(mapped, m)
		}
	}
	return c, mapped, tax
}

// BenchmarkCompareJSON measures compare + reports + results.json for the
// seeds repeated 1, 10 and 100 times; ns/measure shows whether cost grows
// linearly with the corpus.
func BenchmarkCompareJSON(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		c, mapped, tax := scaledSeeds(b, n)
		asOf := time.Date(2022, 6, 30, 0, 0, 0, 0, time.UTC)
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := compare.Compare(compare.Input{Corpus: c, Measures: mapped, Taxonomy: tax, AsOf: asOf})
				m := reports.NewManifest(c, r, asOf, "zh", nil)
				m.Seal(nil)
				if err := jsonr.New().Write(io.Discard, reports.NewResults(m, r, nil)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(mapped)), "ns/measure")
		})
	}
}
