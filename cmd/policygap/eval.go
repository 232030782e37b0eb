package main

import (
	"fmt"
	"io"
	"os"
	"policygap/eval"
	"strings"
)

type evalOptions struct {
	in       []string
	gold     string
	taxonomy string
	wrong    bool
}

// runEval scores segmentation, units, deadlines and the task mapping against
// gold labels, per document and per task.
func runEval(args []string, stdout, stderr io.Writer) error {
	var o evalOptions
	fs := newFlags("eval", stdout, stderr)
	inputFlags(fs, &o.in, &o.taxonomy)
	fs.StringVar(&o.gold, "gold", "", "folder of gold label files (*.jsonl); default: the bundled seeds' gold, in the binary")
	fs.BoolVar(&o.wrong, "wrong", false, "list every gold measure the mapping gets wrong")
	if err := parse(fs, args, &o.in); err != nil {
		return err
	}
	goldFS, from := eval.SeedGold(), "the bundled seeds' gold"
	if o.gold != "" {
		goldFS, from = os.DirFS(o.gold), o.gold
	}
	gold, err := eval.LoadGold(goldFS)
	if err != nil {
		return fmt.Errorf("gold %s: %w", from, err)
	}
	ms, mapped, err := loadMapped(o.in, o.taxonomy, stderr)
	if err != nil {
		return err
	}
	writeEval(stdout, eval.ScoreSegments(ms, gold), eval.ScoreMapping(mapped, gold), o.wrong)
	return nil
}

func writeEval(w io.Writer, seg []eval.SegmentScore, s eval.MappingScore, wrong bool) {
	fmt.Fprintf(w, "%-26s %5s %5s %6s %6s %6s %6s\n", "document", "gold", "found", "seg_r", "units", "deadl", "task")
	for _, d := range seg {
		c := s.PerDoc[d.Doc]
		if d.Doc == "TOTAL" {
			c = [2]int{s.Correct, s.Gold}
		}
		fmt.Fprintf(w, "%-26s %5d %5d %6.3f %6.3f %6.3f %6.3f\n", d.Doc, d.Gold, d.Found, d.Recall(),
			d.UnitsF1(), d.Deadline(), float64(c[0])/float64(max(1, c[1])))
	}
	fmt.Fprintf(w, "\ntask accuracy over all gold measures (a missed measure is wrong): %.3f (%d/%d); first task equal to gold's first: %d\n",
		s.Accuracy(), s.Correct, s.Gold, s.Top1)
	fmt.Fprintf(w, "\n%-6s %5s %5s %5s %6s %6s\n", "task", "gold", "pred", "both", "prec", "recall")
	for _, id := range s.Tasks() {
		p := s.PerTask[id]
		fmt.Fprintf(w, "%-6s %5d %5d %5d %6.3f %6.3f\n", id, p.Gold, p.Predicted, p.Both, p.Precision(), p.Recall())
	}
	if wrong {
		fmt.Fprintln(w, "\nwrong:")
		for _, m := range s.Wrong {
			got := strings.Join(m.Got, ",")
			if m.MeasureID == "" {
				got = "(not found)"
			}
			fmt.Fprintf(w, "  %s gold %s %s -> %s %s\n", m.Doc[:3], m.GoldID, strings.Join(m.Gold, ","), m.MeasureID, got)
		}
	}
}
