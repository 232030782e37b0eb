package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"

	flag "github.com/spf13/pflag"

	"policygap/compare"
	"policygap/regions"
	"policygap/reports"
	"policygap/taxonomy"
)

type measuresOptions struct {
	in       []string
	format   string
	taxonomy string
}

func runMeasures(args []string, stdout, stderr io.Writer) error {
	var o measuresOptions
	fs := flag.NewFlagSet("measures", flag.ContinueOnError)
	fs.SetOutput(stderr)
	inputFlags(fs, &o.in, &o.taxonomy)
	fs.StringVar(&o.format, "format", "jsonl", "output format: jsonl or csv")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if o.format != "jsonl" && o.format != "csv" {
		return usageError{fmt.Errorf("--format %q: use jsonl or csv", o.format)}
	}
	_, mapped, err := loadMapped(o.in, o.taxonomy, stderr)
	if err != nil {
		return err
	}
	recs := reports.Records(mapped)
	if o.format == "csv" {
		return writeMeasuresCSV(stdout, recs)
	}
	return writeJSONL(stdout, recs)
}

// writeJSONL encodes the records on every core, in chunks, and writes them in order.
func writeJSONL(w io.Writer, recs []reports.MeasureRecord) error {
	const chunk = 256
	parts := make([][]byte, (len(recs)+chunk-1)/chunk)
	regions.InOrder(len(parts), func(i int) {
		part := recs[i*chunk : min(len(recs), (i+1)*chunk)]
		size := 0
		for _, r := range part { // room for the record, so the buffer never regrows
			size += 2*len(r.Text) + 64*len(r.Hits) + 512
		}
		b := make([]byte, 0, size)
		for _, r := range part {
			b = append(r.AppendJSON(b), '\n')
		}
		parts[i] = b
	})
	bw := bufio.NewWriterSize(w, 1<<20)
	for _, p := range parts {
		bw.Write(p)
	}
	return bw.Flush()
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

// loadMapped reads and segments the documents and maps every measure onto
// the taxonomy (the embedded one when taxFile is empty).
func loadMapped(in []string, taxFile string, stderr io.Writer) ([]regions.Measure, []compare.Mapped, error) {
	tax, err := loadTaxonomy(taxFile)
	if err != nil {
		return nil, nil, err
	}
	_, ms, err := loadMeasures(in, stderr)
	if err != nil {
		return nil, nil, err
	}
	return ms, compare.MapAll(ms, taxonomy.NewMatcher(tax)), nil
}

// loadMeasures reads and segments the documents, reporting every bad file on
// stderr and going on with the others. It fails only when nothing could be read.
func loadMeasures(in []string, stderr io.Writer) (*regions.Corpus, []regions.Measure, error) {
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
	all := segmentAll(corpus, stderr)
	if len(all) == 0 {
		return nil, nil, fmt.Errorf("no measures found in %d document(s)", len(corpus.Documents))
	}
	return corpus, all, nil
}

// segmentAll segments every document on every core, saying on stderr what
// it inferred and which documents hold no measure.
func segmentAll(corpus *regions.Corpus, stderr io.Writer) []regions.Measure {
	perDoc := make([][]regions.Measure, len(corpus.Documents))
	segErrs := make([]error, len(corpus.Documents))
	regions.InOrder(len(corpus.Documents), func(i int) {
		perDoc[i], segErrs[i] = regions.Segment(corpus.Documents[i])
	})
	n := 0
	for _, ms := range perDoc {
		n += len(ms)
	}
	all := make([]regions.Measure, 0, n)
	for i, d := range corpus.Documents {
		if len(d.Inferred) > 0 {
			fmt.Fprintf(stderr, "policygap: %s: inferred %s: region %s, level %s, number %q, date %s\n",
				d.Source, strings.Join(d.Inferred, ", "), d.Region, d.Level, d.Number, d.Date.Format("2006-01-02"))
		}
		if segErrs[i] != nil {
			fmt.Fprintf(stderr, "policygap: skipped %s: %v\n", d.Source, segErrs[i])
			continue
		}
		all = append(all, perDoc[i]...)
	}
	return all
}

func writeMeasuresCSV(w io.Writer, recs []reports.MeasureRecord) error {
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
