package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	fs := newFlags("measures", stdout, stderr)
	inputFlags(fs, &o.in, &o.taxonomy)
	fs.StringVar(&o.format, "format", "jsonl", "output format: jsonl or csv")
	if err := parse(fs, args, &o.in); err != nil {
		return err
	}
	if o.format != "jsonl" && o.format != "csv" {
		return usageError{fmt.Errorf("--format %q: use jsonl or csv", o.format)}
	}
	tax, err := loadTaxonomy(o.taxonomy)
	if err != nil {
		return err
	}
	corpus, _ := loadCorpus(o.in, stderr)
	matcher := taxonomy.NewMatcher(tax)
	encode := appendJSONL
	if o.format == "csv" {
		encode = appendCSV
	}
	// Each document is segmented, mapped and encoded on one core, and written
	// as soon as those before it are: nothing of the corpus but its text is
	// held, and the buffers are reused. What a document's notes say on stderr
	// comes just before its records, so that a merged stream stays readable.
	type encoded struct {
		records []byte
		notes   string
	}
	done := make([]chan encoded, len(corpus.Documents))
	for i := range done {
		done[i] = make(chan encoded, 1)
	}
	bufs := sync.Pool{New: func() any { return []byte(nil) }}
	var written error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		bw := bufio.NewWriterSize(stdout, 1<<20)
		header := o.format == "csv"
		for _, c := range done {
			e := <-c
			if e.notes != "" {
				bw.Flush()
				io.WriteString(stderr, e.notes)
			}
			if header && len(e.records) > 0 { // only once there is a row: a run without measures writes nothing
				bw.Write(appendCSVHeader(nil))
				header = false
			}
			bw.Write(e.records)
			bufs.Put(e.records[:0])
		}
		written = bw.Flush()
	}()
	var n atomic.Int64
	segmentEach(corpus, func(i int, ms []regions.Measure, err error) {
		n.Add(int64(len(ms)))
		done[i] <- encoded{encode(bufs.Get().([]byte), reports.Records(compare.Map(ms, matcher))), notes(corpus.Documents[i], err)}
	})
	<-finished
	if written != nil {
		return written
	}
	if n.Load() == 0 {
		return errNoMeasures(corpus)
	}
	return nil
}

// appendJSONL appends the records, one JSON object per line.
func appendJSONL(b []byte, recs []reports.MeasureRecord) []byte {
	size := 0
	for _, r := range recs { // room for the records, so the buffer never regrows
		size += 2*len(r.Text) + 64*len(r.Hits) + 512
	}
	b = slices.Grow(b, size)
	for _, r := range recs {
		b = append(r.AppendJSON(b), '\n')
	}
	return b
}

// loadTaxonomy reads a taxonomy file, or the embedded one when path is empty.
func loadTaxonomy(path string) (*taxonomy.Taxonomy, error) {
	if path == "" {
		return taxonomy.Default()
	}
	data, err := readInput("--taxonomy", path, maxSmallInput)
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
	rd, err := loadMeasures(in, stderr, nil)
	if err != nil {
		return nil, nil, err
	}
	return rd.measures, compare.MapAll(rd.measures, taxonomy.NewMatcher(tax)), nil
}

// loadCorpus reads the documents (the bundled corpus when in is empty),
// reporting every file it cannot read on stderr; those are returned too.
func loadCorpus(in []string, stderr io.Writer) (*regions.Corpus, []error) {
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
	return corpus, errs
}

func errNoMeasures(corpus *regions.Corpus) error {
	return fmt.Errorf("no measures found in %d document(s)", len(corpus.Documents))
}

// reading is what was read: every document, its measures, and what could
// not be used, for the run's record.
type reading struct {
	corpus   *regions.Corpus
	measures []regions.Measure
	counts   []int   // measures per document of corpus
	whyNone  []error // per document: why it has no measure
	unread   []error // files that could not be read
}

// measured is the corpus of the documents with measures: those are compared.
// A document without any is listed in the run's record, never ranked as a
// region that covers nothing.
func (r reading) measured() *regions.Corpus {
	c := *r.corpus
	c.Documents = nil
	for i, d := range r.corpus.Documents {
		if r.counts[i] > 0 {
			c.Documents = append(c.Documents, d)
		}
	}
	return &c
}

// loadMeasures reads and segments the documents, reporting every bad file on
// stderr and going on with the others. It fails only when nothing could be read.
func loadMeasures(in []string, stderr io.Writer, pg *progress) (reading, error) {
	pg.begin("opening the files", 0)
	corpus, unread := loadCorpus(in, stderr)
	pg.end(fmt.Sprintf("%d documents opened", len(corpus.Documents)))
	perDoc := make([][]regions.Measure, len(corpus.Documents))
	rd := reading{corpus: corpus, unread: unread, counts: make([]int, len(corpus.Documents)), whyNone: make([]error, len(corpus.Documents))}
	pg.begin("reading documents", len(corpus.Documents))
	segmentEach(corpus, func(i int, ms []regions.Measure, err error) { perDoc[i], rd.whyNone[i] = ms, err; pg.add() })
	pg.end(fmt.Sprintf("%d documents read", len(corpus.Documents)))
	for i, d := range corpus.Documents {
		rd.counts[i] = len(perDoc[i])
		io.WriteString(stderr, notes(d, rd.whyNone[i]))
	}
	rd.measures = slices.Concat(perDoc...)
	if len(rd.measures) == 0 {
		return rd, errNoMeasures(corpus)
	}
	return rd, nil
}

// segmentEach segments every document on every core and hands fn its
// measures, or why it has none, on the same core.
func segmentEach(corpus *regions.Corpus, fn func(i int, ms []regions.Measure, err error)) {
	regions.InOrder(len(corpus.Documents), func(i int) {
		ms, err := regions.Segment(corpus.Documents[i])
		fn(i, ms, err)
	})
}

// notes is what a run says on stderr about a document: what it inferred,
// and why it found no measure in it.
func notes(d *regions.Document, err error) string {
	var b strings.Builder
	if len(d.Inferred) > 0 {
		date := "unknown"
		if !d.Date.IsZero() {
			date = d.Date.Format("2006-01-02")
		}
		from := func(field string) string {
			if src := d.Origins[field]; src != "" {
				return " (" + src + ")"
			}
			return ""
		}
		fmt.Fprintf(&b, "policygap: %s: inferred %s: region %s%s, level %s%s, number %q%s, date %s%s\n",
			regions.QuoteName(d.Source), strings.Join(d.Inferred, ", "), d.Region, from("region"), d.Level, from("level"),
			d.Number, from("number"), date, from("date"))
		if d.Origins["region"] == regions.FromFileName {
			fmt.Fprintf(&b, "policygap: %s: no issuer found to tell the region: it is named after the file, its level unknown; give it in a manifest.csv (policygap documents --format csv)\n", regions.QuoteName(d.Source))
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "policygap: %s: %s\n", regions.QuoteName(d.Source), n)
	}
	if err != nil {
		fmt.Fprintf(&b, "policygap: skipped %s: %v\n", regions.QuoteName(d.Source), err)
	}
	return b.String()
}

var csvHeader = []string{"key", "region", "doc", "id", "plan", "section", "title", "text", "tasks", "provisions", "units", "lead", "deadline_raw", "deadline", "deadline_kind"}

func appendCSVHeader(b []byte) []byte { return appendCSVRows(b, [][]string{csvHeader}) }

// appendCSV appends the records as CSV rows under csvHeader.
func appendCSV(b []byte, recs []reports.MeasureRecord) []byte {
	rows := make([][]string, len(recs))
	for i, r := range recs {
		var tasks []string
		for _, t := range r.Tasks {
			tasks = append(tasks, t.ID)
		}
		d := r.Deadline
		date := ""
		if d.Kind == regions.DeadlineDate {
			date = d.String()
		}
		rows[i] = []string{r.Key, r.Region, r.Doc, r.ID, r.Plan, r.Section, r.Title, r.Text,
			strings.Join(tasks, ";"), strings.Join(r.Provisions, ";"), strings.Join(r.Units, ";"), strings.Join(r.Lead, ";"),
			d.Raw, date, string(d.Kind)}
	}
	return appendCSVRows(b, rows)
}

func appendCSVRows(b []byte, rows [][]string) []byte {
	buf := bytes.NewBuffer(b)
	cw := csv.NewWriter(buf)
	cw.WriteAll(rows) // into memory: no error
	return buf.Bytes()
}
