package main

import (
	"fmt"
	"io"
	"os"
	"policygap/eval"
	"policygap/strength"
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
	sgold, err := eval.LoadStrengthGold(goldFS)
	if err != nil {
		return fmt.Errorf("gold %s: %w", from, err)
	}
	writeEval(stdout, eval.ScoreSegments(ms, gold), eval.ScoreMapping(mapped, gold), o.wrong)
	if len(sgold) > 0 {
		writeStrengthEval(stdout, eval.ScoreStrength(mapped, sgold), o.wrong)
	}
	return nil
}

// writeStrengthEval prints the strength scores (issue 20): level accuracy
// with its confusion table, mandatory and target precision, recall and F1.
func writeStrengthEval(w io.Writer, s eval.StrengthScore, wrong bool) {
	fmt.Fprintf(w, "\nstrength over %d of %d labelled measures found: level accuracy %.3f (%d/%d)\n",
		s.Found, s.Gold, s.LevelAccuracy(), s.LevelCorrect, s.Found)
	fmt.Fprintf(w, "%-12s %5s %5s %5s\n", "", "prec", "rec", "F1")
	for _, r := range []struct {
		name string
		pr   eval.PR
	}{{"mandatory", s.Mandatory}, {"targets", s.Targets}} {
		fmt.Fprintf(w, "%-12s %5.3f %5.3f %5.3f  (tp %d fp %d fn %d)\n", r.name, r.pr.Precision(), r.pr.Recall(), r.pr.F1(), r.pr.TP, r.pr.FP, r.pr.FN)
	}
	fmt.Fprintf(w, "\nlevels, gold down, predicted across:\n%-12s", "")
	for _, l := range strength.Levels {
		fmt.Fprintf(w, " %12s", l)
	}
	for _, g := range strength.Levels {
		fmt.Fprintf(w, "\n%-12s", g)
		for _, p := range strength.Levels {
			fmt.Fprintf(w, " %12d", s.Confusion[g][p])
		}
	}
	fmt.Fprintln(w)
	if wrong {
		fmt.Fprintln(w, "\nstrength wrong:")
		for _, m := range s.Wrong {
			fmt.Fprintf(w, "  %s %s gold %s -> %s %s", m.Doc, m.ID, m.Gold, m.Predicted, strings.Join(m.Evidence, ","))
			for _, t := range m.Missed {
				fmt.Fprintf(w, "  missed %s", t.Text)
			}
			for _, t := range m.Spurious {
				fmt.Fprintf(w, "  spurious %s", t.Text)
			}
			fmt.Fprintln(w)
		}
	}
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
