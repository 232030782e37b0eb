package regions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policygap/internal/golden"
)

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
			checkCleanAt(t, d.Name(), m)
			g.Measures = append(g.Measures, goldenMeasure{ID: m.ID, Plan: m.Plan, Section: m.Section, Title: m.Title, Text: m.Text,
				FoundBy: m.FoundBy, Assignment: m.Assignment, Path: m.Path, Units: m.Units, Lead: m.Lead, Deadline: m.Deadline,
				Goal: m.Goal, Clean: m.Clean})
		}
		out = append(out, g)
	}
	return out
}

// checkCleanAt: each rune of a flattened table row's clean text is the rune
// of its text that CleanAt points at, in the text's order (the evidence a
// reviewer is shown is cut out of the text by these offsets).
func checkCleanAt(t *testing.T, doc string, m Measure) {
	norm, clean := []rune(m.Norm), []rune(m.Clean)
	if len(m.CleanAt) != len(clean) {
		t.Errorf("%s %s: %d offsets for %d clean runes", doc, m.ID, len(m.CleanAt), len(clean))
		return
	}
	for i, at := range m.CleanAt {
		if at < 0 || at >= len(norm) || norm[at] != clean[i] || i > 0 && at <= m.CleanAt[i-1] {
			t.Errorf("%s %s: clean rune %d (%q) points at %d of %q", doc, m.ID, i, clean[i], at, m.Norm)
			return
		}
	}
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
		golden.Check(t, c.name, readGolden(t, corpus), "go test ./regions -run ReadingGolden -update")
	}
}
