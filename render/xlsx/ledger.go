package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
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

// Bounds of a ledger workbook: a national run's workbook is about 75 MB and
// expands to about 450 MB of XML.
const (
	MaxLedgerBytes    = 256 << 20
	MaxLedgerUnzipped = 1 << 30
)

// checkWorkbook tells what a file passed as the ledger is, when it is not
// an .xlsx workbook, and refuses one that would expand past MaxLedgerUnzipped.
func checkWorkbook(data []byte) error {
	switch {
	case len(data) > MaxLedgerBytes:
		return fmt.Errorf("larger than the %d MiB a workbook may be", MaxLedgerBytes>>20)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return errors.New("an old Excel .xls file, or an encrypted workbook: save it in Excel as .xlsx, without a password")
	case !bytes.HasPrefix(data, []byte("PK")):
		return errors.New("not a workbook (.xlsx): pass the workbook.xlsx a report wrote, with the ledger columns filled in")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return errors.New("a damaged zip file, not a workbook that opens")
	}
	var size uint64
	has := map[string]bool{}
	for _, f := range zr.File {
		size += f.UncompressedSize64
		has[strings.SplitN(f.Name, "/", 2)[0]] = true
	}
	switch {
	case has["word"]:
		return errors.New("a Word document (.docx), not a workbook: pass the workbook.xlsx a report wrote")
	case has["ppt"]:
		return errors.New("a PowerPoint file, not a workbook")
	case !has["xl"]:
		return errors.New("a zip archive, not a workbook (.xlsx)")
	case size > MaxLedgerUnzipped:
		return fmt.Errorf("expands to %d MiB, more than the %d MiB a workbook may (a zip bomb?)", size>>20, MaxLedgerUnzipped>>20)
	}
	return nil
}

// ReadLedger reads the ledger columns of a workbook this tool wrote (and a
// planner filled in): status, completion date and note by measure key.
// Cells it cannot use are returned as problems with their sheet and row,
// never dropped silently.
func ReadLedger(file string, r io.Reader) ([]reports.LedgerEntry, []reports.LedgerProblem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxLedgerBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := checkWorkbook(data); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxLedgerUnzipped})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a workbook excelize can read (%v): save it again in Excel as .xlsx", file, err)
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
		heading := func(heads []string) string {
			for _, h := range heads {
				if _, ok := col[h]; ok {
					return h
				}
			}
			return heads[0]
		}
		bad := func(heads []string, value, why string, args ...any) {
			column := ""
			if heads != nil {
				column = heading(heads)
			}
			problems = append(problems, reports.LedgerProblem{File: file, Sheet: sheet, Row: n, Key: e.Key, Column: column, Value: value, Why: why, Args: args})
		}
		status, done, note := get(statusHeads), get(doneHeads), get(noteHeads)
		if status == "" && done == "" && note == "" {
			continue // nothing entered
		}
		if e.Key == "" {
			bad(nil, strings.Join(slices.DeleteFunc([]string{status, done, note}, func(s string) bool { return s == "" }), " / "), "ledger.nokey")
			continue
		}
		if prev, ok := seen[e.Key]; ok {
			bad(keyHeads, e.Key, "ledger.twice", e.Key, prev)
			continue
		}
		seen[e.Key] = n
		if status != "" {
			s, ok := statusOf(strings.ToLower(status))
			if !ok {
				bad(statusHeads, status, "ledger.status", status, strings.Join(compare.Statuses, " / "))
			}
			e.Progress.Status = s
		}
		if done != "" {
			t, ok := parseDate(done)
			if !ok {
				bad(doneHeads, done, "ledger.date", done)
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
