package regions

import (
	"testing"
)

// segmentSeeds segments the bundled corpus.
func segmentSeeds(t testing.TB) []Measure {
	t.Helper()
	c, errs := DefaultCorpus()
	if len(errs) > 0 {
		t.Fatalf("bundled corpus: %v", errs)
	}
	var ms []Measure
	for _, d := range c.Documents {
		got, err := Segment(d)
		if err != nil {
			t.Fatalf("%s: %v", d.File, err)
		}
		ms = append(ms, got...)
	}
	return ms
}

// TestMeasureIDsStable: ids are item paths, unique within a document and the
// same on every run.
func TestMeasureIDsStable(t *testing.T) {
	first, second := segmentSeeds(t), segmentSeeds(t)
	if len(first) != len(second) {
		t.Fatalf("two runs found %d and %d measures", len(first), len(second))
	}
	seen := map[string]bool{}
	for i, m := range first {
		if m.Key() != second[i].Key() {
			t.Errorf("measure %d: key %s, then %s", i, m.Key(), second[i].Key())
		}
		if seen[m.Key()] {
			t.Errorf("duplicate key %s", m.Key())
		}
		seen[m.Key()] = true
		if m.Text == "" {
			t.Errorf("%s: empty text", m.Key())
		}
	}
}
