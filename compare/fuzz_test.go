package compare

import (
	"strings"
	"testing"

	"policygap/taxonomy"
)

// FuzzOverrides: any bytes as an overrides file give overrides that name a
// measure, an action and a reviewer, or an error, never a panic.
func FuzzOverrides(f *testing.F) {
	tax, err := taxonomy.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("measure,action,tasks,reviewer,date,reason\n厦门市/a.txt#1,remap,T01;T02,王,2022-01-01,x\n"))
	f.Add([]byte("measure,action,reviewer,date\nk,确认,李,2022-13-01\n"))
	f.Add([]byte("\xEF\xBB\xBFmeasure\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ovs, err := ReadOverrides("o.csv", data, tax, func(k string) bool { return strings.HasPrefix(k, "厦门市/") })
		if err != nil {
			return
		}
		for _, o := range ovs {
			if o.Measure == "" || o.Action == "" || o.Reviewer == "" || !strings.HasPrefix(o.Measure, "厦门市/") {
				t.Fatalf("accepted %+v", o)
			}
		}
	})
}

// FuzzBaseline: any bytes as --baseline are a baseline of this version and
// taxonomy, or an error, never a panic.
func FuzzBaseline(f *testing.F) {
	ref := TaxonomyRef{Name: "t", Hash: "h"}
	f.Add([]byte(`{"manifest":{"tool":"policygap","version":"0.5.0","as_of":"2022-06-30","taxonomy":{"hash":"h"}},"measures":[],"coverage":[]}`))
	f.Add([]byte(`{"manifest":{"as_of":"2021-01-01"}}`))
	f.Add([]byte(`{"manifest":{"as_of":5}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadBaseline("b.json", data, "0.5.0", ref)
		if err != nil {
			if strings.Contains(err.Error(), "Go struct") {
				t.Fatalf("Go internals in %v", err)
			}
			return
		}
		if b.Manifest.AsOf == "" || b.Manifest.Taxonomy.Hash != "h" || b.Measures == nil {
			t.Fatalf("accepted %+v", b.Manifest)
		}
	})
}
