// Package json renders a run's results as results.json: the whole
// comparison, every measure and the run manifest, compact, with Chinese left
// readable. It streams: a national run's results.json is hundreds of
// megabytes, and the measure records (most of it) are written by their own
// encoder rather than by reflection.
package json

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"policygap/reports"
)

// Writer writes results.json.
type Writer struct{}

// New returns a results.json writer.
func New() *Writer { return &Writer{} }

// Write writes the results: the fields encoding/json would give reports.Results,
// in the same order.
func (*Writer) Write(w io.Writer, r *reports.Results) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	marshal := func(v any) ([]byte, error) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimRight(buf.Bytes(), "\n"), nil
	}
	manifest, err := marshal(r.Manifest)
	if err != nil {
		return err
	}
	result, err := marshal(r.Result) // its measures are not in it (json:"-")
	if err != nil {
		return err
	}
	bw.WriteString(`{"manifest":`)
	bw.Write(manifest)
	if len(result) > 2 {
		bw.WriteByte(',')
		bw.Write(result[1 : len(result)-1])
	}
	bw.WriteString(`,"measures":[`)
	var b []byte
	for i := range r.Measures {
		if i > 0 {
			bw.WriteByte(',')
		}
		b = r.Measures[i].AppendJSON(b[:0])
		bw.Write(b)
	}
	bw.WriteByte(']')
	if r.Changes != nil {
		changes, err := marshal(r.Changes)
		if err != nil {
			return err
		}
		bw.WriteString(`,"changes":`)
		bw.Write(changes)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
