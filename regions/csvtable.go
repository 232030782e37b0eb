package regions

import (
	"encoding/csv"
	"fmt"
	"slices"
	"strings"

	"policygap/regions/formats"
)

// CSVTable reads a CSV file a user wrote, often in Excel: a header row naming
// the columns (any order, any case, a BOM allowed), then rows of any length.
// The manifest and the reviewers' overrides file are both read with it.
type CSVTable struct {
	r   *csv.Reader
	col map[string]int
}

// CSVRow is one row of a CSVTable with its line in the file.
type CSVRow struct {
	Line int
	rec  []string
	col  map[string]int
}

// NewCSVTable reads the header. Problems lists every unknown column and every
// missing required one ("line 1: ..."); the error is for a file with no header.
func NewCSVTable(data []byte, known, required []string) (t *CSVTable, problems []string, err error) {
	// Excel saves CSV in the system's code page: GBK on Chinese Windows, UTF-8
	// with a BOM when asked; decoded as documents are
	text, _, err := formats.DecodeText(data, "")
	if err != nil {
		return nil, nil, err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, nil, err
	}
	t = &CSVTable{r: r, col: map[string]int{}}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(known, h) {
			problems = append(problems, fmt.Sprintf("line 1: unknown column %q (known: %s)", h, strings.Join(known, ", ")))
		}
		t.col[h] = i
	}
	for _, need := range required {
		if _, ok := t.col[need]; !ok {
			problems = append(problems, fmt.Sprintf("line 1: missing column %q", need))
		}
	}
	return t, problems, nil
}

// Next returns the next row; io.EOF at the end.
func (t *CSVTable) Next() (CSVRow, error) {
	rec, err := t.r.Read()
	if err != nil {
		return CSVRow{}, err
	}
	line, _ := t.r.FieldPos(0)
	return CSVRow{Line: line, rec: rec, col: t.col}, nil
}

// Get is the trimmed cell of the named column; "" when the column or the cell
// is absent.
func (r CSVRow) Get(name string) string {
	if i, ok := r.col[name]; ok && i < len(r.rec) {
		return strings.TrimSpace(r.rec[i])
	}
	return ""
}
