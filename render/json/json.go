// Package json renders a run's results as results.json: the whole comparison,
// every measure and the run manifest, compact (it grows with the corpus: an
// indenting pass doubled the time), with Chinese left readable.
package json

import (
	"encoding/json"
	"io"

	"policygap/reports"
)

// Writer writes results.json.
type Writer struct{}

// New returns a results.json writer.
func New() *Writer { return &Writer{} }

// Write writes the results.
func (*Writer) Write(w io.Writer, r *reports.Results) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
