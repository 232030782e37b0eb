package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	flag "github.com/spf13/pflag"

	"policygap/compare"
	"policygap/regions"
	"policygap/taxonomy"
)

type measuresOptions struct {
	in       []string
	format   string
	taxonomy string
}

// measureRecord is the measure record of ../shared/DESIGN.md: a contract read
// by tests and outside scripts. Fields may be added, never changed in meaning.
type measureRecord struct {
	Region     string           `json:"region"`
	Doc        string           `json:"doc"`
	ID         string           `json:"id"`
	Key        string           `json:"key"`
	Plan       string           `json:"plan,omitempty"`
	Section    string           `json:"section"`
	Path       []string         `json:"path"`
	Title      string           `json:"title"`
	Text       string           `json:"text"`
	Tasks      []taskRecord     `json:"tasks"`
	Provisions []string         `json:"provisions"`
	Units      []string         `json:"units"`
	Lead       []string         `json:"lead"`
	Deadline   regions.Deadline `json:"deadline"`
	Goal       bool             `json:"goal,omitempty"`
	Assignment string           `json:"assignment,omitempty"`
	Hits       []taxonomy.Hit   `json:"hits"`
	Area       string           `json:"section_area,omitempty"`
	Unmapped   string           `json:"unmapped,omitempty"`
}

type taskRecord struct {
	ID       string   `json:"id"`
	Score    float64  `json:"score"`
	Evidence []string `json:"evidence"`
}

func runMeasures(args []string, stdout, stderr io.Writer) error {
	var o measuresOptions
	fs := flag.NewFlagSet("measures", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringSliceVar(&o.in, "in", nil, "document file or folder (repeatable); default: the bundled corpus")
	fs.StringVar(&o.format, "format", "jsonl", "output format: jsonl or csv")
	fs.StringVar(&o.taxonomy, "taxonomy", "", "taxonomy YAML file; default: the embedded 国办发〔2020〕45号")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if o.format != "jsonl" && o.format != "csv" {
		return usageError{fmt.Errorf("--format %q: use jsonl or csv", o.format)}
	}
	tax, err := loadTaxonomy(o.taxonomy)
	if err != nil {
		return err
	}
	ms, err := loadMeasures(o.in, stderr)
	if err != nil {
		return err
	}
	mapped := compare.Map(ms, taxonomy.NewMatcher(tax))
	recs := make([]measureRecord, len(mapped))
	for i, m := range mapped {
		recs[i] = newMeasureRecord(m)
	}
	if o.format == "csv" {
		return writeMeasuresCSV(stdout, recs)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// loadTaxonomy reads a taxonomy file, or the embedded one when path is empty.
func loadTaxonomy(path string) (*taxonomy.Taxonomy, error) {
	if path == "" {
		return taxonomy.Default()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return taxonomy.Parse(path, data)
}

// loadMeasures reads and segments the documents, reporting every bad file on
// stderr and going on with the others. It fails only when nothing could be read.
func loadMeasures(in []string, stderr io.Writer) ([]regions.Measure, error) {
	var corpus *regions.Corpus
	var errs []error
	if len(in) == 0 {
		corpus, errs = regions.DefaultCorpus()
	} else {
		corpus, errs = regions.Load(in)
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, "policygap: skipped", e)
	}
	var all []regions.Measure
	for _, d := range corpus.Documents {
		if len(d.Inferred) > 0 {
			fmt.Fprintf(stderr, "policygap: %s: inferred %s: region %s, level %s, number %q, date %s\n",
				d.Source, strings.Join(d.Inferred, ", "), d.Region, d.Level, d.Number, d.Date.Format("2006-01-02"))
		}
		ms, err := regions.Segment(d)
		if err != nil {
			fmt.Fprintf(stderr, "policygap: skipped %s: %v\n", d.Source, err)
			continue
		}
		all = append(all, ms...)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no measures found in %d document(s)", len(corpus.Documents))
	}
	return all, nil
}

func newMeasureRecord(m compare.Mapped) measureRecord {
	r := measureRecord{
		Region: m.Region, Doc: m.Doc, ID: m.ID, Key: m.Key(), Plan: m.Plan, Section: m.Section,
		Path: nonNil(m.Path), Title: m.Title, Text: m.Text, Tasks: []taskRecord{},
		Provisions: nonNil(m.Match.Provisions), Units: nonNil(m.Units), Lead: nonNil(m.Lead),
		Deadline: m.Deadline, Goal: m.Goal, Assignment: m.Assignment, Hits: m.Match.Hits,
		Area: m.Match.Area, Unmapped: m.Match.Reason,
	}
	if r.Hits == nil {
		r.Hits = []taxonomy.Hit{}
	}
	for _, t := range m.Match.Tasks {
		r.Tasks = append(r.Tasks, taskRecord{ID: t.ID, Score: t.Score, Evidence: nonNil(t.Evidence)})
	}
	return r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeMeasuresCSV(w io.Writer, recs []measureRecord) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"key", "region", "doc", "id", "plan", "section", "title", "text", "tasks", "provisions", "units", "lead", "deadline_raw", "deadline", "deadline_kind"})
	for _, r := range recs {
		var tasks []string
		for _, t := range r.Tasks {
			tasks = append(tasks, t.ID)
		}
		d := r.Deadline
		date := ""
		if d.Kind == regions.DeadlineDate {
			date = d.String()
		}
		cw.Write([]string{r.Key, r.Region, r.Doc, r.ID, r.Plan, r.Section, r.Title, r.Text,
			strings.Join(tasks, ";"), strings.Join(r.Provisions, ";"), strings.Join(r.Units, ";"), strings.Join(r.Lead, ";"),
			d.Raw, date, d.String()})
	}
	cw.Flush()
	return cw.Error()
}
