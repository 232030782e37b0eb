// Command policygap compares how regions implement the State Council's
// 国办发〔2020〕45号 plan and shows where each falls short.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	flag "github.com/spf13/pflag"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	var u usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp): // --help printed the usage
	case errors.As(err, &u):
		fmt.Fprintln(os.Stderr, "policygap:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "policygap:", err)
		os.Exit(1)
	}
}

// usageError is a mistake in the command line (exit code 2).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"report", "compare the regions and write the outputs (the main job)", runReport},
		{"measures", "split documents into measures, map them, print the measure records", runMeasures},
		{"documents", "list what was read from each file: format, encoding, metadata and its source, measures", runDocuments},
		{"eval", "score segmentation and mapping against gold labels", runEval},
		{"taxonomy", "print the taxonomy (areas, tasks, provisions, milestones)", runTaxonomy},
		{"generate", "write a synthetic national corpus from the seeds (for scale tests)", runGenerate},
		{"version", "print the version, commit and taxonomy hash", runVersion},
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0 || args[0] == "-h" || args[0] == "--help" || len(args) == 1 && args[0] == "help":
		printUsage(stdout)
		return nil
	case args[0] == "--version":
		return runVersion(nil, stdout, stderr)
	case args[0] == "help": // help CMD: the command's own help
		return run([]string{args[1], "--help"}, stdout, stderr)
	}
	var names []string
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
		names = append(names, c.name)
	}
	return usageError{fmt.Errorf("unknown command %q: use %s (policygap --help)", args[0], strings.Join(names, ", "))}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "policygap: where regional plans fall short of 国办发〔2020〕45号")
	fmt.Fprintln(w, "\nusage: policygap <command> [PATH ...] [flags]   (policygap help <command>, or <command> --help, for its flags and examples)")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nflags: --version, -h/--help\n\nexamples:\n  policygap report                 # the bundled corpus, into ./out\n  policygap report plans/ --out 2022Q2 --as-of 2022-06-30")
}

const taxonomyHelp = "taxonomy YAML file; default: the embedded 国办发〔2020〕45号"

// inputFlags registers the flags of every command that reads documents: the
// documents and the yardstick they are mapped onto.
func inputFlags(fs *flag.FlagSet, in *[]string, tax *string) {
	inFlag(fs, in)
	fs.StringVar(tax, "taxonomy", "", taxonomyHelp)
}

func inFlag(fs *flag.FlagSet, in *[]string) {
	fs.StringArrayVar(in, "in", nil, "document file or folder (repeat --in for more; a comma is part of the path); default: the bundled corpus")
}

// checkIn: an --in given empty (a shell variable that was not set) is a
// mistake, not a request for the bundled corpus.
func checkIn(fs *flag.FlagSet, in []string) error {
	if fs.Changed("in") && len(in) == 0 || slices.Contains(in, "") {
		return usageError{errors.New("--in is empty: name a document file or folder (leave --in out for the bundled corpus)")}
	}
	return nil
}
