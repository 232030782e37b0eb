package xlsx

import (
	"bytes"
	"testing"

	"policygap/reports"
)

// FuzzLedger: any bytes as --ledger give entries with a key, or an error,
// never a panic; the seeds are a real workbook and a few broken files.
func FuzzLedger(f *testing.F) {
	res, tax := seeds(f, nil, nil)
	f.Add(write(f, res, tax, reports.Chinese))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("\xD0\xCF\x11\xE0"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, _, err := ReadLedger("l.xlsx", bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.Key == "" {
				t.Fatalf("an entry without a key: %+v", e)
			}
		}
	})
}
