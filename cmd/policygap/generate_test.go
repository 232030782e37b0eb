package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerate: a synthetic corpus of 320 documents is the 31 provinces,
// nine cities each, and counties for the rest; the same seed gives the same
// bytes, another seed other documents; every document yields measures, and
// the region, level, issuer and number read from its text alone agree with
// its manifest row. Fewer than 31 documents is a usage error.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	gen := func(name, seed string) string {
		out := filepath.Join(dir, name)
		stdout, stderr, err := runInProcess(t, "generate", "--out", out, "--docs", "320", "--seed", seed)
		if err != nil || stdout != "wrote 320 documents and manifest.csv to "+out+"\n" {
			t.Fatalf("generate: %v %q %s", err, stdout, stderr)
		}
		return out
	}
	a, b, c := gen("a", "1"), gen("b", "1"), gen("c", "2")
	f, err := os.Open(filepath.Join(a, "manifest.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 321 || strings.Join(rows[0], ",") != "file,region,level,parent,issuer,number,date" {
		t.Fatalf("manifest: %d rows, %v", len(rows), err)
	}
	levels, names, byFile, differ := map[string]int{}, map[string]string{}, map[string][]string{}, 0
	for _, r := range rows[1:] {
		levels[r[2]]++
		names[r[1]] = r[2]
		byFile[r[0]] = r
		da, _ := os.ReadFile(filepath.Join(a, r[0]))
		db, _ := os.ReadFile(filepath.Join(b, r[0]))
		dc, _ := os.ReadFile(filepath.Join(c, r[0]))
		if len(da) == 0 || !bytes.Equal(da, db) {
			t.Errorf("%s: %d bytes, the same seed gives other bytes: %v", r[0], len(da), !bytes.Equal(da, db))
		}
		if !bytes.Equal(da, dc) {
			differ++
		}
	}
	if levels["province"] != 31 || levels["city"] != 279 || levels["county"] != 10 {
		t.Errorf("levels %v, want 31 provinces, 279 cities, 10 counties", levels)
	}
	if differ < 300 {
		t.Errorf("seed 2 changes %d of 320 documents", differ)
	}
	for _, r := range rows[1:] {
		if want := map[string]string{"province": "", "city": "province", "county": "city"}[r[2]]; names[r[3]] != want {
			t.Errorf("%s (%s): parent %q is a %q", r[1], r[2], r[3], names[r[3]])
		}
	}
	// a national run's summary names the first 40 regions and counts the rest
	stdout, stderr, err := runInProcess(t, "report", "--in", a, "--out", filepath.Join(dir, "out"), "--format", "json", "--quiet")
	lines := strings.Split(stdout, "\n")
	if err != nil || len(lines) != 44 || !strings.HasPrefix(lines[0], "320 regions, ") || lines[41] != "  … and 280 more regions (every region is in the outputs)" {
		t.Errorf("report: %v %s\n%s", err, stderr, stdout)
	}
	// read without the manifest: the text alone says who wrote it
	os.Remove(filepath.Join(a, "manifest.csv"))
	out, stderr, err := runInProcess(t, "documents", "--in", a, "--format", "jsonl")
	if err != nil {
		t.Fatal(err, stderr)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			Rel, Region, Level, Issuer, Number string
			Measures                           int
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		r := byFile[e.Rel]
		if got, want := []string{e.Region, e.Level, e.Issuer, e.Number}, []string{r[1], r[2], r[4], r[5]}; strings.Join(got, "|") != strings.Join(want, "|") || e.Measures < 5 {
			t.Errorf("%s: read %q with %d measures, manifest %q", e.Rel, got, e.Measures, want)
		}
		n++
	}
	if n != 320 {
		t.Errorf("%d documents read, want 320", n)
	}
	_, _, err = runInProcess(t, "generate", "--out", filepath.Join(dir, "d"), "--docs", "30")
	if !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "--docs 30: at least 31") {
		t.Errorf("--docs 30: %v", err)
	}
	if _, _, err := runInProcess(t, "generate", "--out", filepath.Join(dir, "e"), "--docs", "31"); err != nil {
		t.Errorf("--docs 31: %v", err)
	}
}
