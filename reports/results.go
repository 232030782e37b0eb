package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"policygap/compare"
	"policygap/regions"
)

// Version is the tool's version, written into every run manifest.
const Version = "0.5.0"

// InputFile is one document of the run, with what is known of it.
type InputFile struct {
	File     string   `json:"file"`
	Source   string   `json:"source"`
	SHA256   string   `json:"sha256"`
	Size     int      `json:"size"`
	Region   string   `json:"region"`
	Level    string   `json:"level"`
	Parent   string   `json:"parent,omitempty"`
	Issuer   string   `json:"issuer,omitempty"`
	Number   string   `json:"number,omitempty"`
	Date     string   `json:"date,omitempty"`
	Scope    []string `json:"scope,omitempty"`
	Inferred []string `json:"inferred,omitempty"`
	Measures int      `json:"measures"`
	// Problem is why a document gave no measure; it is then in no ranking.
	Problem string `json:"problem,omitempty"`
}

// UnreadFile is a file of the input that could not be read, and why.
type UnreadFile struct {
	File    string `json:"file"`
	Problem string `json:"problem"`
}

// Manifest records what a run read and how, so that it can be reproduced.
type Manifest struct {
	Tool          string              `json:"tool"`
	Version       string              `json:"version"`
	Taxonomy      compare.TaxonomyRef `json:"taxonomy"`
	Inputs        []InputFile         `json:"inputs"`
	Unread        []UnreadFile        `json:"unread,omitempty"`
	AsOf          string              `json:"as_of"`
	Lang          string              `json:"lang"`
	OverridesFile string              `json:"overrides_file,omitempty"`
	Overrides     []compare.Override  `json:"overrides"`
	LedgerFile    string              `json:"ledger_file,omitempty"`
	// LedgerProblems are the ledger's cells this run could not use.
	LedgerProblems []string `json:"ledger_problems,omitempty"`
	Baseline       string   `json:"baseline,omitempty"`
	// Hash identifies the run's inputs: documents, taxonomy, as-of date,
	// overrides and ledger. Two runs with the same hash read the same things.
	Hash string `json:"hash"`
}

// NewManifest describes a run.
func NewManifest(c *regions.Corpus, r *compare.Result, asOf time.Time, lang string, overrides []compare.Override) Manifest {
	m := Manifest{Tool: "policygap", Version: Version, Taxonomy: r.Taxonomy, AsOf: asOf.Format(time.DateOnly),
		Lang: lang, Overrides: overrides}
	if m.Overrides == nil {
		m.Overrides = []compare.Override{}
	}
	for _, d := range c.Documents {
		f := InputFile{File: d.File, Source: d.Source, SHA256: d.SHA256, Size: d.Size, Region: d.Region,
			Level: string(d.Level), Parent: d.Parent, Issuer: d.Issuer, Number: d.Number, Scope: d.Scope, Inferred: d.Inferred}
		if !d.Date.IsZero() {
			f.Date = d.Date.Format(time.DateOnly)
		}
		m.Inputs = append(m.Inputs, f)
	}
	return m
}

// Seal computes the manifest's hash over everything a rerun needs the same.
func (m *Manifest) Seal(progress map[string]compare.Progress) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	enc.Encode([]any{m.Taxonomy, m.AsOf, m.Overrides, progress})
	for _, f := range m.Inputs {
		enc.Encode([]any{f.File, f.SHA256, f.Region, f.Level, f.Parent, f.Scope})
	}
	m.Hash = hex.EncodeToString(h.Sum(nil))[:16]
}

// Results is the whole run: what results.json holds, and what a later run
// reads back as its baseline.
type Results struct {
	Manifest Manifest `json:"manifest"`
	*compare.Result
	Measures []MeasureRecord  `json:"measures"` // every measure, mapped or not
	Changes  *compare.Changes `json:"changes,omitempty"`

	byKey    map[string]int          // measure key -> index in Measures
	byRegion map[string]*regionIndex // what concerns each region, by index
}

// regionIndex lists, for one region, the indexes of what concerns it: a
// brief reads its region's share, not the whole run's.
type regionIndex struct {
	measures, noUnit, noLead, units, innovations, areas, gaps, deadlines, inputs []int
}

// NewResults assembles the run's results.
func NewResults(m Manifest, r *compare.Result, changes *compare.Changes) *Results {
	res := &Results{Manifest: m, Result: r, Changes: changes, Measures: make([]MeasureRecord, 0, len(r.Measures))}
	for _, mr := range r.Measures {
		rec := NewMeasureRecord(mr.Mapped)
		rec.Progress = mr.Progress
		res.Measures = append(res.Measures, rec)
	}
	res.index()
	return res
}

// index builds the lookups by key and by region, once: after it, Results is
// only read, from as many goroutines as like.
func (res *Results) index() {
	res.byKey = make(map[string]int, len(res.Measures))
	res.byRegion = map[string]*regionIndex{}
	of := func(region string) *regionIndex {
		ri := res.byRegion[region]
		if ri == nil {
			ri = &regionIndex{}
			res.byRegion[region] = ri
		}
		return ri
	}
	for i, m := range res.Measures {
		res.byKey[m.Key] = i
		of(m.Region).measures = append(of(m.Region).measures, i)
	}
	for i, key := range res.NoUnit {
		if j, ok := res.byKey[key]; ok {
			of(res.Measures[j].Region).noUnit = append(of(res.Measures[j].Region).noUnit, i)
		}
	}
	for i, t := range res.NoLead {
		of(t.Region).noLead = append(of(t.Region).noLead, i)
	}
	for i, u := range res.Units {
		of(u.Region).units = append(of(u.Region).units, i)
	}
	for i, in := range res.Innovations {
		of(in.Region).innovations = append(of(in.Region).innovations, i)
	}
	for i, a := range res.AreaCoverage {
		of(a.Region).areas = append(of(a.Region).areas, i)
	}
	for i, g := range res.Gaps {
		of(g.Region).gaps = append(of(g.Region).gaps, i)
	}
	for i, d := range res.Deadlines {
		of(d.Region).deadlines = append(of(d.Region).deadlines, i)
	}
	for i, f := range res.Manifest.Inputs {
		of(f.Region).inputs = append(of(f.Region).inputs, i)
	}
}

// Measure returns the record of a measure key, or nil.
func (res *Results) Measure(key string) *MeasureRecord {
	if i, ok := res.byKey[key]; ok {
		return &res.Measures[i]
	}
	return nil
}

// region is the region's share of the results (empty for an unknown region).
func (res *Results) region(name string) *regionIndex {
	if ri := res.byRegion[name]; ri != nil {
		return ri
	}
	return &regionIndex{}
}
