package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"policygap/compare"
	"policygap/reports"
)

// statusOf maps what a planner may type or pick, in either language, to the
// ledger status.
func statusOf(word string) (string, bool) {
	for _, s := range compare.Statuses {
		if word == s || word == englishStatus[s] {
			return s, true
		}
	}
	switch word {
	case "completed", "完成":
		return compare.StatusDone, true
	}
	return "", false
}

// headers by which the reader finds the ledger columns, in either language.
var (
	keyHeads    = []string{"措施编号", "Key"}
	statusHeads = []string{"进展状态", "Status"}
	doneHeads   = []string{"完成日期", "Done on"}
	noteHeads   = []string{"备注", "Note"}
	sheetNames  = []string{"措施清单", "Measures"}
)

// ReadLedger reads the ledger columns of a workbook this tool wrote (and a
// planner filled in): status, completion date and note by measure key.
// Cells it cannot use are returned as problems with their sheet and row,
// never dropped silently.
func ReadLedger(file string, r io.Reader) ([]reports.LedgerEntry, []reports.LedgerProblem, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a workbook: %w", file, err)
	}
	defer f.Close()
	sheet := ""
	for _, name := range f.GetSheetList() {
		for _, want := range sheetNames {
			if name == want {
				sheet = name
			}
		}
	}
	if sheet == "" {
		return nil, nil, fmt.Errorf("%s: no ledger sheet (%s)", file, strings.Join(sheetNames, " or "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: sheet %s: %w", file, sheet, err)
	}
	defer rows.Close()
	var entries []reports.LedgerEntry
	var problems []reports.LedgerProblem
	col := map[string]int{}
	seen := map[string]int{}
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: sheet %s, row %d: %w", file, sheet, n, err)
		}
		if n == 1 {
			for i, h := range cells {
				col[strings.TrimSpace(h)] = i
			}
			for _, need := range [][]string{keyHeads, statusHeads, doneHeads, noteHeads} {
				if find(col, need) < 0 {
					return nil, nil, fmt.Errorf("%s: sheet %s: no column %s", file, sheet, strings.Join(need, " / "))
				}
			}
			continue
		}
		get := func(heads []string) string {
			if i := find(col, heads); i >= 0 && i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		e := reports.LedgerEntry{Key: get(keyHeads), Sheet: sheet, Row: n}
		bad := func(format string, args ...any) {
			problems = append(problems, reports.LedgerProblem{File: file, Sheet: sheet, Row: n, Problem: fmt.Sprintf(format, args...)})
		}
		status, done, note := get(statusHeads), get(doneHeads), get(noteHeads)
		if status == "" && done == "" && note == "" {
			continue // nothing entered
		}
		if e.Key == "" {
			bad("status, date or note entered on a row without a measure key")
			continue
		}
		if prev, ok := seen[e.Key]; ok {
			bad("measure %s appears twice (also row %d); this row is not used", e.Key, prev)
			continue
		}
		seen[e.Key] = n
		if status != "" {
			s, ok := statusOf(strings.ToLower(status))
			if !ok {
				bad("status %q is not one of %s", status, strings.Join(compare.Statuses, " / "))
			}
			e.Progress.Status = s
		}
		if done != "" {
			t, ok := parseDate(done)
			if !ok {
				bad("completion date %q is not a date", done)
			}
			e.Progress.Done = t
		}
		e.Progress.Note = note
		entries = append(entries, e)
	}
	return entries, problems, rows.Error()
}

func find(col map[string]int, heads []string) int {
	for _, h := range heads {
		if i, ok := col[h]; ok {
			return i
		}
	}
	return -1
}

// parseDate reads a date cell: an Excel serial number (a real date cell) or
// text such as 2021-10-31, 2021/10/31, 2021.10.31 or 2021年10月31日.
func parseDate(s string) (time.Time, bool) {
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 20000 && f < 80000 {
		t, err := excelize.ExcelDateToTime(f, false)
		return t, err == nil
	}
	r := strings.NewReplacer("/", "-", ".", "-", "年", "-", "月", "-", "日", "")
	t, err := time.Parse("2006-1-2", strings.TrimSpace(r.Replace(s)))
	return t, err == nil
}
