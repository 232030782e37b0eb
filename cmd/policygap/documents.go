package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"policygap/regions"
)

type documentsOptions struct {
	in     []string
	format string
}

// documentEntry is what `documents --format jsonl` prints for each input
// file: a contract like the measure record (fields may be added, never
// changed in meaning).
type documentEntry struct {
	File     string            `json:"file"` // the path as read
	Rel      string            `json:"rel"`  // the path below the folder given: what a manifest names
	Doc      string            `json:"doc"`  // the measure records' "doc"
	Format   string            `json:"format,omitempty"`
	Encoding string            `json:"encoding,omitempty"`
	Region   string            `json:"region,omitempty"`
	Level    string            `json:"level,omitempty"`
	Parent   string            `json:"parent,omitempty"`
	Issuer   string            `json:"issuer,omitempty"`
	Number   string            `json:"number,omitempty"`
	Date     string            `json:"date,omitempty"`
	Scope    []string          `json:"scope,omitempty"`
	Sources  map[string]string `json:"sources,omitempty"` // per field: manifest, site info, title, signature, text, issuer, region, file name, unknown
	Readers  map[string]int    `json:"readers,omitempty"` // measures found by each layout reader
	Measures int               `json:"measures"`
	Problems []string          `json:"problems,omitempty"`
	Notes    []string          `json:"notes,omitempty"`
}

func runDocuments(args []string, stdout, stderr io.Writer) error {
	var o documentsOptions
	fs := newFlags("documents", stdout, stderr)
	inFlag(fs, &o.in)
	fs.StringVar(&o.format, "format", "table", "output format: table, jsonl, or csv (manifest.csv's columns)")
	if err := parse(fs, args, &o.in); err != nil {
		return err
	}
	if !slices.Contains([]string{"table", "jsonl", "csv"}, o.format) {
		return usageError{fmt.Errorf("--format %q: use table, jsonl or csv", o.format)}
	}
	var corpus *regions.Corpus
	var errs []error
	if len(o.in) == 0 {
		corpus, errs = regions.DefaultCorpus()
	} else {
		corpus, errs = regions.Load(o.in)
	}
	entries := make([]documentEntry, len(corpus.Documents))
	segmentEach(corpus, func(i int, ms []regions.Measure, err error) {
		entries[i] = entryOf(corpus.Documents[i], ms, err)
	})
	for _, e := range errs {
		var fe *regions.FileError
		file, problem := "", e.Error()
		if ok := asFileError(e, &fe); ok {
			file, problem = fe.File, fe.Err.Error()
		}
		entries = append(entries, documentEntry{File: file, Problems: []string{problem}})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].File < entries[j].File })
	switch o.format {
	case "jsonl":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, e := range entries {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		return writeManifestCSV(stdout, stderr, entries)
	}
	return writeDocumentTable(stdout, entries)
}

func asFileError(err error, fe **regions.FileError) bool {
	f, ok := err.(*regions.FileError)
	*fe = f
	return ok
}

// entryOf describes a document read and segmented.
func entryOf(d *regions.Document, ms []regions.Measure, err error) documentEntry {
	e := documentEntry{File: d.Source, Rel: d.Rel, Doc: d.Name(), Format: d.Format, Encoding: d.Encoding,
		Region: d.Region, Level: string(d.Level), Parent: d.Parent, Issuer: d.Issuer, Number: d.Number,
		Scope: d.Scope, Sources: d.Origins, Measures: len(ms), Notes: d.Notes}
	if !d.Date.IsZero() {
		e.Date = d.Date.Format("2006-01-02")
	}
	for _, m := range ms {
		if e.Readers == nil {
			e.Readers = map[string]int{}
		}
		e.Readers[m.FoundBy]++
	}
	if err != nil {
		e.Problems = append(e.Problems, err.Error())
	}
	return e
}

// writeManifestCSV writes manifest.csv's columns for every document read, so
// that `documents --in plans/ --format csv > plans/manifest.csv` gives a
// manifest to correct in Excel. Files that could not be read are said on
// stderr.
func writeManifestCSV(stdout, stderr io.Writer, entries []documentEntry) error {
	w := csv.NewWriter(stdout)
	w.Write([]string{"file", "region", "level", "parent", "issuer", "number", "date", "scope"})
	for _, e := range entries {
		if e.Doc == "" {
			fmt.Fprintf(stderr, "policygap: %s not listed: %s\n", regions.QuoteName(e.File), strings.Join(e.Problems, "; "))
			continue
		}
		w.Write([]string{e.Rel, e.Region, e.Level, e.Parent, e.Issuer, e.Number, e.Date, strings.Join(e.Scope, ";")})
	}
	w.Flush()
	return w.Error()
}

// writeDocumentTable writes one line per file, what was read and where each
// value came from.
func writeDocumentTable(stdout io.Writer, entries []documentEntry) error {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tformat\tencoding\tregion (from)\tlevel\tissuer (from)\tnumber\tdate (from)\tmeasures\treaders\tproblems")
	for _, e := range entries {
		from := func(field, v string) string {
			if v == "" {
				return "—"
			}
			if src := e.Sources[field]; src != "" && src != regions.FromManifest {
				return v + " (" + src + ")"
			}
			return v
		}
		var readers []string
		for r, n := range e.Readers {
			readers = append(readers, fmt.Sprintf("%s %d", r, n))
		}
		sort.Strings(readers)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", regions.QuoteName(e.File), dash(e.Format), dash(e.Encoding),
			from("region", e.Region), dash(e.Level), from("issuer", e.Issuer), dash(e.Number), from("date", e.Date),
			e.Measures, dash(strings.Join(readers, ", ")), dash(strings.Join(e.Problems, "; ")))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
