package reports

import (
	"slices"
	"strconv"

	"policygap/compare"
	"policygap/taxonomy"
)

// Workbook is what the planners' Excel workbook shows: the overview matrix,
// provision coverage, the ledger of every measure, the gaps, the changes and
// the run manifest.
type Workbook struct {
	Lang     Lang
	Results  *Results
	Overview *Overview
	Ledger   []LedgerRow
	// Provisions are the columns of the provision sheet; ProvisionStatus its
	// cells, region x provision: covered, missing or out_of_scope.
	Provisions      []Head
	ProvisionStatus [][]string
	// Peers gives the text of each peer measure cited in the gaps, by key.
	Peers map[string]string
	// LedgerProblems are what the last ledger had that could not be read back;
	// StaleEntries are its entries for measures no longer in the run: both are
	// shown so that nothing a planner wrote is lost.
	LedgerProblems []LedgerProblem
	StaleEntries   []LedgerEntry
	TaskTitles     map[string]string
	AreaTitles     map[string]string
}

// LedgerEntry is one measure's row of a ledger read back.
type LedgerEntry struct {
	Key      string
	Progress compare.Progress
	Sheet    string
	Row      int
}

// LedgerProblem is a ledger cell that could not be used, by file, sheet and
// row: the measure's key, the column and the value rejected, and why (a
// labels key, "ledger.…", with its arguments).
type LedgerProblem struct {
	File, Sheet string
	Row         int
	Key         string
	Column      string // the column's heading as the ledger has it
	Value       string // the value rejected
	Why         string
	Args        []any
}

// Problem is why, in lang.
func (p LedgerProblem) Problem(l Lang) string { return l.Sprintf(p.Why, p.Args...) }

func (p LedgerProblem) String() string {
	return p.File + ": sheet " + p.Sheet + ", row " + strconv.Itoa(p.Row) + ": " + p.Problem(English)
}

// NewWorkbook assembles the workbook's content.
func NewWorkbook(res *Results, t *taxonomy.Taxonomy, lang Lang, problems []LedgerProblem, stale []LedgerEntry) *Workbook {
	wb := &Workbook{Lang: lang, Results: res, Overview: NewOverview(res, t, lang), Ledger: NewLedger(res, lang),
		Peers: map[string]string{}, LedgerProblems: problems, StaleEntries: stale,
		TaskTitles: map[string]string{}, AreaTitles: map[string]string{}}
	for _, task := range t.Tasks {
		wb.TaskTitles[task.ID] = lang.TaskTitle(&task)
		for _, p := range task.Provisions {
			wb.Provisions = append(wb.Provisions, Head{ID: p.ID, Title: lang.ProvisionLabel(&p), Area: task.ID})
		}
	}
	for _, a := range t.Areas {
		wb.AreaTitles[a.ID] = lang.AreaTitle(&a)
	}
	for _, rr := range res.Regions {
		var row []string
		for _, p := range wb.Provisions {
			c := res.TaskCoverageOf(rr.Name, p.Area)
			switch {
			case c.Level == compare.LevelOutOfScope:
				row = append(row, string(compare.LevelOutOfScope))
			case slices.Contains(c.Provisions, p.ID):
				row = append(row, "covered")
			default:
				row = append(row, "missing")
			}
		}
		wb.ProvisionStatus = append(wb.ProvisionStatus, row)
	}
	text := map[string]string{}
	for _, m := range res.Measures {
		text[m.Key] = m.Text
	}
	for _, g := range res.Gaps {
		for _, p := range g.Peers {
			wb.Peers[p.Key] = text[p.Key]
		}
	}
	return wb
}
