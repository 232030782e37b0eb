package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"policygap/taxonomy"
)

// runTaxonomy prints the taxonomy: a table of areas, tasks and provisions,
// or the YAML source.
func runTaxonomy(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("taxonomy", stdout, stderr)
	format := fs.String("format", "table", "table, yaml, or terms (every term, one per line: for grep -F -f)")
	file := fs.String("taxonomy", "", taxonomyHelp)
	if err := parse(fs, args, nil); err != nil {
		return err
	}
	tax, err := loadTaxonomy(*file)
	if err != nil {
		return err
	}
	switch *format {
	case "yaml":
		if *file == "" {
			_, err = stdout.Write(taxonomy.DefaultYAML())
			return err
		}
		data, err := readInput("--taxonomy", *file, maxSmallInput)
		if err != nil {
			return err
		}
		_, err = stdout.Write(data)
		return err
	case "table":
		writeTaxonomyTable(stdout, tax)
		return nil
	case "terms":
		for _, term := range tax.Terms() {
			fmt.Fprintln(stdout, term)
		}
		return nil
	}
	return usageError{fmt.Errorf("--format %q: use table, yaml or terms", *format)}
}

func writeTaxonomyTable(w io.Writer, t *taxonomy.Taxonomy) {
	fmt.Fprintf(w, "%s %s (%s, hash %s): %d areas, %d tasks, %d provisions\n\n",
		t.Name, t.Title, t.File, t.Hash, len(t.Areas), len(t.Tasks), t.ProvisionCount())
	for _, m := range t.Milestones {
		fmt.Fprintf(w, "%s %s %s\n", m.ID, m.Date, m.Label)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, a := range t.Areas {
		fmt.Fprintf(tw, "\n%s\t%s\t%s\n", a.ID, a.Title, "headings: "+strings.Join(a.Headings, "、"))
		for _, task := range t.Tasks {
			if task.Area != a.ID {
				continue
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", task.ID, task.Title, task.Milestone)
			for _, p := range task.Provisions {
				fmt.Fprintf(tw, "    %s\t%s\t%s\n", p.ID, p.Label, strings.Join(p.Terms, "、"))
			}
		}
	}
	tw.Flush()
}
