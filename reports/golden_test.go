package reports_test

import (
	"testing"
	"time"

	"policygap/compare"
	"policygap/internal/golden"
	. "policygap/reports"
	"policygap/reports/reportstest"
)

// checkGolden compares v, as indented JSON, with testdata/name.
func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	golden.Check(t, name, v, "go test ./reports -run Golden -update")
}

// TestReportsGolden: what each audience reads of the seeds, in both
// languages, value for value: the commission's overview, every region's
// brief (headline numbers, areas, gaps with peers, deadlines), the
// workbook's model and the ledger rows. The ledger holds a done, an
// ongoing and a stale entry, so their traces are held too.
func TestReportsGolden(t *testing.T) {
	progress := map[string]compare.Progress{
		"民政部/002_8436166b0374edce.txt#2.1.2": {Status: compare.StatusDone, Done: time.Date(2021, 1, 15, 0, 0, 0, 0, time.UTC), Note: "已上线"},
		"福州市/003_f4ac198c78a4da61.txt#2.1.1": {Status: compare.StatusOngoing},
	}
	stale := []LedgerEntry{{Key: "某市/旧.txt#1", Sheet: "措施清单", Row: 9}}
	problems := []LedgerProblem{{File: "l.xlsx", Sheet: "措施清单", Row: 7, Key: "福州市/003_f4ac198c78a4da61.txt#2.1.1", Column: "进展状态", Value: "大概", Why: "ledger.status", Args: []any{"大概", "未启动 / 推进中 / 已完成 / 长期坚持 / 已调整"}}}
	for _, lang := range []Lang{Chinese, English} {
		res, tax := reportstest.Seeds(t, reportstest.Options{Lang: lang, Progress: progress})
		res.Manifest.Hash = "fixed" // the hash covers the as-of date and the taxonomy only, but keep the file readable
		var briefs []*Brief
		for _, r := range res.Regions {
			briefs = append(briefs, NewBrief(res, r.Name, tax, lang))
		}
		wb := NewWorkbook(res, tax, lang, problems, stale)
		checkGolden(t, "golden_"+string(lang)+".json", map[string]any{
			"overview": wb.Overview,
			"briefs":   briefs,
			"workbook": map[string]any{"provisions": wb.Provisions, "status": wb.ProvisionStatus, "peers": wb.Peers,
				"problems": wb.LedgerProblems, "stale": wb.StaleEntries, "tasks": wb.TaskTitles, "areas": wb.AreaTitles},
			"ledger": wb.Ledger,
		})
	}
}
