package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	flag "github.com/spf13/pflag"

	"policygap/reports"
	"policygap/taxonomy"
)

// help is what a command's --help says besides its flags: what it does,
// its flags by group, and examples.
type help struct {
	usage    string     // after "policygap <command> "
	about    string     // a paragraph
	groups   [][]string // a title, then the flags' names
	examples []string
}

var helps = map[string]help{
	"report": {
		usage: "[PATH ...] [flags]",
		about: "Reads the documents (files or folders; PATH is the same as --in PATH; none: the bundled corpus), maps their measures onto the national tasks, compares the regions and writes results.json, workbook.xlsx, dashboard.html and briefs/ into --out, replacing the previous set whole.",
		groups: [][]string{
			{"Inputs", "in", "taxonomy", "overrides", "ledger", "baseline"},
			{"Outputs", "out", "format", "lang", "brief-scope"},
			{"Run", "as-of", "quiet", "timing", "memory-limit"},
		},
		examples: []string{
			"policygap report                                   # the bundled corpus, into ./out",
			"policygap report plans/ --out 2022Q2 --as-of 2022-06-30",
			"policygap report plans/ --ledger 2022Q1/workbook.xlsx --baseline 2022Q1/results.json --out 2022Q2",
			"policygap report national/ --format pdf --brief-scope province --lang en",
		},
	},
	"measures": {
		usage:    "[PATH ...] [flags]",
		about:    "Splits the documents into measures, maps each onto the national tasks and prints one record per measure (JSON lines, or CSV for Excel).",
		groups:   [][]string{{"Inputs", "in", "taxonomy"}, {"Output", "format"}},
		examples: []string{"policygap measures plans/ --format csv > measures.csv", "policygap measures 某市方案.docx | jq .tasks"},
	},
	"documents": {
		usage:    "[PATH ...] [flags]",
		about:    "Lists what was read from each file: format, encoding, region, level, issuer, number and date with where each came from, and the measures each layout reader found. --format csv writes a manifest.csv to correct and put beside the documents.",
		groups:   [][]string{{"Inputs", "in"}, {"Output", "format"}},
		examples: []string{"policygap documents plans/", "policygap documents plans/ --format csv > plans/manifest.csv"},
	},
	"eval": {
		usage:    "[PATH ...] [flags]",
		about:    "Scores reading (measures found, units, deadlines) and mapping (tasks) against gold labels, per document and per task. With no PATH and no --gold: the bundled seeds against their own gold, both in the binary.",
		groups:   [][]string{{"Inputs", "in", "gold", "taxonomy"}, {"Output", "wrong"}},
		examples: []string{"policygap eval", "policygap eval devset/docs --gold devset/gold --wrong"},
	},
	"taxonomy": {
		usage:    "[flags]",
		about:    "Prints the yardstick: the 7 areas, 20 tasks and 5 safeguards of 国办发〔2020〕45号 with their provisions, terms and milestones, or another taxonomy file.",
		groups:   [][]string{{"Input", "taxonomy"}, {"Output", "format"}},
		examples: []string{"policygap taxonomy", "policygap taxonomy --format yaml > province.yaml"},
	},
	"generate": {
		usage:    "[flags]",
		about:    "Writes a synthetic national corpus made from the seeds' measures (31 provinces, their cities and counties, with a manifest.csv): for scale tests, never for accuracy.",
		groups:   [][]string{{"Output", "out", "docs", "seed"}},
		examples: []string{"policygap generate --out national --docs 3000 --seed 1"},
	},
	"version": {usage: "", about: "Prints the version, the commit it was built from and the taxonomy's hash."},
}

// newFlags is a command's flag set; its help (-h, --help, help CMD) goes
// to stdout.
func newFlags(name string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stdout, name, fs) }
	return fs
}

// parse reads a command's arguments. The paths after the flags are inputs,
// as --in is (report plans/ = report --in plans/), for a command that reads
// documents (in not nil); another command takes none.
func parse(fs *flag.FlagSet, args []string, in *[]string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		if in == nil {
			return usageError{fmt.Errorf("%s takes no arguments; got %q", fs.Name(), fs.Args())}
		}
		*in = append(*in, fs.Args()...)
	}
	if in == nil {
		return nil
	}
	return checkIn(fs, *in)
}

// printHelp writes a command's help: what it does, its usage, its flags by
// group, examples.
func printHelp(w io.Writer, name string, fs *flag.FlagSet) {
	h := helps[name]
	summary := ""
	for _, c := range commands() {
		if c.name == name {
			summary = c.summary
		}
	}
	fmt.Fprintf(w, "policygap %s: %s\n\nUsage:\n  policygap %s %s\n\n%s\n", name, summary, name, h.usage, wrapText(h.about, 88))
	shown := map[string]bool{}
	for _, g := range h.groups {
		group := flag.NewFlagSet(g[0], flag.ContinueOnError)
		for _, n := range g[1:] {
			if f := fs.Lookup(n); f != nil {
				group.AddFlag(f)
				shown[n] = true
			}
		}
		fmt.Fprintf(w, "\n%s:\n%s", g[0], group.FlagUsages())
	}
	rest := flag.NewFlagSet("other", flag.ContinueOnError)
	fs.VisitAll(func(f *flag.Flag) {
		if !shown[f.Name] {
			rest.AddFlag(f)
		}
	})
	rest.BoolP("help", "h", false, "this help")
	fmt.Fprintf(w, "\nOther:\n%s", rest.FlagUsages())
	if len(h.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n  %s\n", strings.Join(h.examples, "\n  "))
	}
}

// wrapText breaks a paragraph between words at width columns.
func wrapText(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		if n > 0 && n+1+len([]rune(word)) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len([]rune(word))
	}
	return b.String()
}

// runVersion prints the version, the commit and the taxonomy's hash.
func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", stdout, stderr)
	if err := parse(fs, args, nil); err != nil {
		return err
	}
	fmt.Fprintln(stdout, versionLine())
	return nil
}

func versionLine() string {
	commit, dirty := "unknown", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && len(s.Value) >= 12:
				commit = s.Value[:12]
			case s.Key == "vcs.modified" && s.Value == "true":
				dirty = "+changes"
			}
		}
	}
	tax, _ := taxonomy.Default()
	return fmt.Sprintf("policygap %s (commit %s%s, taxonomy %s %s)", reports.Version, commit, dirty, tax.Name, tax.Hash)
}
