package regions

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden_*.json")

// goldenDoc is what a reviewer checks of a document: its metadata with the
// source of each value, and every measure with everything read of it.
type goldenDoc struct {
	File, Format, Encoding, Region, Level, Parent, Issuer, Number, Date string
	Origins                                                             map[string]string
	Notes                                                               []string
	Problem                                                             string `json:",omitempty"`
	Measures                                                            []goldenMeasure
}

type goldenMeasure struct {
	ID, Plan, Section, Title, Text, FoundBy, Assignment string
	Path                                                []string
	Units, Lead                                         []string
	Deadline                                            Deadline
	Goal                                                bool
	Clean                                               string `json:",omitempty"`
}

func readGolden(t *testing.T, c *Corpus) []goldenDoc {
	var out []goldenDoc
	for _, d := range c.Documents {
		g := goldenDoc{File: d.Name(), Format: d.Format, Encoding: d.Encoding, Region: d.Region, Level: string(d.Level),
			Parent: d.Parent, Issuer: d.Issuer, Number: d.Number, Origins: d.Origins, Notes: d.Notes}
		if !d.Date.IsZero() {
			g.Date = d.Date.Format("2006-01-02")
		}
		ms, err := Segment(d)
		if err != nil {
			g.Problem = err.Error()
		}
		for _, m := range ms {
			g.Measures = append(g.Measures, goldenMeasure{ID: m.ID, Plan: m.Plan, Section: m.Section, Title: m.Title, Text: m.Text,
				FoundBy: m.FoundBy, Assignment: m.Assignment, Path: m.Path, Units: m.Units, Lead: m.Lead, Deadline: m.Deadline,
				Goal: m.Goal, Clean: m.Clean})
		}
		out = append(out, g)
	}
	return out
}

// TestReadingGolden: every document of the seeds (as read without their
// manifest, so the metadata is inferred) and of the dev set, and every
// measure of them, field for field, against testdata. Accuracy tests say how
// far the reading is from the gold; this one says exactly what changed.
func TestReadingGolden(t *testing.T) {
	for _, c := range []struct{ name, dir string }{
		{"golden_seeds.json", "corpus"},
		{"golden_devset.json", "../testdata/devset/docs"},
	} {
		dir := t.TempDir()
		files, _ := filepath.Glob(filepath.Join(c.dir, "*.*"))
		for _, f := range files {
			if filepath.Base(f) == ManifestName || strings.HasPrefix(filepath.Base(f), "README") {
				continue
			}
			data, _ := os.ReadFile(f)
			os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
		}
		corpus, errs := Load([]string{dir})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		got, err := json.MarshalIndent(readGolden(t, corpus), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", c.name)
		if *update {
			os.MkdirAll("testdata", 0o755)
			os.WriteFile(path, got, 0o644)
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./regions -run ReadingGolden -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("%s differs at line %d:\n got  %s\n want %s\n(if the change is right: go test ./regions -run ReadingGolden -update, and read the diff)", path, i+1, g[i], w[i])
				}
			}
			t.Fatalf("%s differs in length", path)
		}
	}
}
