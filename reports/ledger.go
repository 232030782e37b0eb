package reports

import (
	"strings"
	"time"

	"policygap/compare"
	"policygap/regions"
)

// LedgerRow is one measure of the work ledger (工作台账): what the document
// says, what the tool found, and the columns a planner fills in.
type LedgerRow struct {
	Key, Region, Doc, ID, Section, Text string
	Tasks, Provisions, Evidence         []string
	Units, Lead                         []string
	Deadline                            regions.Deadline
	Status                              string    // 进展状态, from the last ledger
	Done                                time.Time // 完成日期
	Note                                string    // 备注
	Overdue                             bool      // past its deadline and not done, as of the run
	Unmapped                            string    // why the measure maps to no task
	// How binding the measure is, in the language: its strength level, the
	// words that decided it, its targets as printed, its actionability
	// score (0-4) and what it lacks.
	Strength         string
	StrengthEvidence []string
	Targets          []string
	Actionability    int
	Lacks            []string
}

// NewLedger lists every measure, mapped or not, in the run's order.
func NewLedger(res *Results, lang Lang) []LedgerRow {
	overdue := map[string]bool{}
	for _, g := range res.Deadlines {
		if g.Kind == compare.GapOverdue {
			overdue[g.Measure] = true
		}
	}
	rows := make([]LedgerRow, 0, len(res.Measures))
	for _, m := range res.Measures {
		r := LedgerRow{Key: m.Key, Region: m.Region, Doc: m.Doc, ID: m.ID, Section: m.Section, Text: m.Text,
			Provisions: m.Provisions, Units: m.Units, Lead: m.Lead, Deadline: m.Deadline, Overdue: overdue[m.Key],
			Unmapped: lang.Why(m.Unmapped), Strength: lang.Strength(m.Strength.Level), StrengthEvidence: m.Strength.Evidence,
			Actionability: m.Actionability.Score, Lacks: lang.Lacks(m.Actionability.Missing)}
		for _, t := range m.Targets {
			r.Targets = append(r.Targets, t.Text)
		}
		seen := map[string]bool{}
		for _, t := range m.Tasks {
			r.Tasks = append(r.Tasks, t.ID)
			for _, e := range t.Evidence {
				if !seen[e] {
					seen[e] = true
					r.Evidence = append(r.Evidence, e)
				}
			}
		}
		if m.Progress != nil {
			r.Status, r.Done, r.Note = m.Progress.Status, m.Progress.Done, m.Progress.Note
		}
		rows = append(rows, r)
	}
	return rows
}

// Join joins a list for a cell.
func Join(ss []string) string { return strings.Join(ss, "；") }
