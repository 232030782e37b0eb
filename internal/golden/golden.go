// Package golden compares a test's value with a golden file under testdata/,
// for the tests that hold what a user checks, value for value. With -update
// the file is rewritten from the value; read the diff before committing it.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Check compares v, as indented JSON, with testdata/name and fails at the
// first line that differs; rerun is the command that rewrites the file.
func Check(t testing.TB, name string, v any, rerun string) {
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
		t.Fatalf("%v (%s writes it)", err, rerun)
	}
	if !bytes.Equal(got, want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("%s differs at line %d:\n got  %s\n want %s\n(if the change is right: %s, and read the diff)", path, i+1, g[i], w[i], rerun)
			}
		}
		t.Fatalf("%s differs in length: %d lines, want %d", path, len(g), len(w))
	}
}
