//go:build golden

package taxonomy_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"policygap/compare"
	"policygap/regions"
	"policygap/taxonomy"
)

// writeGolden reads the seeds and the dev set and records each measure's
// matcher input with what the matcher makes of it.
func writeGolden(t *testing.T, m *taxonomy.Matcher) {
	var ms []regions.Measure
	for _, load := range []func() (*regions.Corpus, []error){
		regions.DefaultCorpus,
		func() (*regions.Corpus, []error) { return regions.Load([]string{"../testdata/devset/docs"}) },
	} {
		c, errs := load()
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, d := range c.Documents {
			got, err := regions.Segment(d)
			if err != nil {
				t.Fatal(err)
			}
			ms = append(ms, got...)
		}
	}
	var b bytes.Buffer
	for _, meas := range ms {
		in := compare.MatcherInput(meas)
		line, _ := json.Marshal(goldenCase{Key: meas.Key(), In: in, Out: describe(m.Match(in))})
		b.Write(append(line, '\n'))
	}
	os.MkdirAll("testdata", 0o755)
	if err := os.WriteFile(goldenFile, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
