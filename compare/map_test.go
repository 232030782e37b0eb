package compare

import (
	"testing"

	"policygap/regions"
	"policygap/taxonomy"
)

func seedMeasures(t testing.TB) []regions.Measure {
	t.Helper()
	c, errs := regions.DefaultCorpus()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var ms []regions.Measure
	for _, d := range c.Documents {
		got, err := regions.Segment(d)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, got...)
	}
	return ms
}

func defaultMatcher(t testing.TB) *taxonomy.Matcher {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	return taxonomy.NewMatcher(tax)
}

// TestEveryMeasureKept: mapping never drops a measure, mapped or not.
func TestEveryMeasureKept(t *testing.T) {
	ms := seedMeasures(t)
	mapped := Map(ms, defaultMatcher(t))
	if len(mapped) != len(ms) {
		t.Fatalf("%d measures in, %d out", len(ms), len(mapped))
	}
	for i, m := range mapped {
		if m.Key() != ms[i].Key() {
			t.Errorf("measure %d changed: %s -> %s", i, ms[i].Key(), m.Key())
		}
		for _, h := range m.Match.Hits {
			if h.At < 0 || h.At >= len([]rune(m.Text)) {
				t.Errorf("%s: evidence %q at %d outside the text", m.Key(), h.Term, h.At)
			}
		}
	}
}

// BenchmarkMatch measures the matcher alone over the seed corpus's measures,
// in MB/s of measure text, on one goroutine.
func BenchmarkMatch(b *testing.B) {
	ms := seedMeasures(b)
	m := defaultMatcher(b)
	ins := make([]taxonomy.Input, len(ms))
	n := 0
	for i, x := range ms {
		ins[i] = MatcherInput(x)
		n += len(ins[i].Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			m.Match(in)
		}
	}
}
