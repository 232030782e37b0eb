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
	"reflect"
	"strings"

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
	var buf bytes.Buffer // one buffer for every value marshalled
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	marshal := func(v any) ([]byte, error) {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimRight(buf.Bytes(), "\n"), nil
	}
	manifest, err := marshal(r.Manifest)
	if err != nil {
		return err
	}
	bw.WriteString(`{"manifest":`)
	bw.Write(manifest)
	if err := writeFields(bw, r.Result, marshal); err != nil { // its measures are not in it (json:"-")
		return err
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

// writeFields writes the fields of the struct *v as encoding/json would, each
// after a comma, and its slices element by element: a national run's gaps
// are a hundred megabytes that need never sit in one buffer.
func writeFields(bw *bufio.Writer, v any, marshal func(any) ([]byte, error)) error {
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		f, fv := rv.Type().Field(i), rv.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || f.Anonymous { // no embedded structs here
			continue
		}
		if opts == "omitempty" && (fv.IsZero() || (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && fv.Len() == 0) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		bw.WriteString(`,"` + name + `":`)
		if fv.Kind() != reflect.Slice || fv.IsNil() {
			b, err := marshal(fv.Interface())
			if err != nil {
				return err
			}
			bw.Write(b)
			continue
		}
		bw.WriteByte('[')
		for j := range fv.Len() {
			if j > 0 {
				bw.WriteByte(',')
			}
			b, err := marshal(fv.Index(j).Interface())
			if err != nil {
				return err
			}
			bw.Write(b)
		}
		bw.WriteByte(']')
	}
	return nil
}
