package json

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	"policygap/reports/reportstest"
)

// TestStreamedFieldsMatchEncodingJSON: the comparison written field by
// field, slices element by element, is byte for byte what encoding/json
// makes of it in one piece.
func TestStreamedFieldsMatchEncodingJSON(t *testing.T) {
	res, _ := reportstest.Seeds(t, reportstest.Options{})
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res.Result); err != nil {
		t.Fatal(err)
	}
	want := bytes.TrimRight(whole.Bytes(), "\n")
	want = append([]byte(","), want[1:len(want)-1]...) // writeFields writes each field after a comma

	var got bytes.Buffer
	bw := bufio.NewWriter(&got)
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	err := writeFields(bw, res.Result, func(v any) ([]byte, error) {
		buf.Reset()
		err := e.Encode(v)
		return bytes.TrimRight(buf.Bytes(), "\n"), err
	})
	if err != nil {
		t.Fatal(err)
	}
	bw.Flush()
	if len(res.Gaps) == 0 || !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("streamed fields differ from encoding/json (%d vs %d bytes; %d gaps)", got.Len(), len(want), len(res.Gaps))
	}
}

// TestFieldsAsEncodingJSON: what the seeds' results do not hold, a field
// without a name in its tag, omitempty on zero and empty values, an
// unexported or skipped field, nil and empty slices, is written as
// encoding/json writes it too.
func TestFieldsAsEncodingJSON(t *testing.T) {
	type sample struct {
		A      int            `json:"a"`
		B      int            `json:"b,omitempty"`
		C      []string       `json:"c,omitempty"`
		D      []string       `json:"d"`
		E      []int          `json:"e,omitempty"`
		M      map[string]int `json:"m,omitempty"`
		N      map[string]int `json:"n,omitempty"`
		S      string         `json:"s,omitempty"`
		F      string
		Skip   int `json:"-"`
		hidden int
	}
	for _, v := range []sample{
		{A: 0, B: 0, C: []string{}, D: nil, E: []int{1, 2}, M: map[string]int{}, N: map[string]int{"x": 1}, F: "f", Skip: 3, hidden: 4},
		{A: 1, B: 2, C: []string{"c"}, D: []string{}, S: "s"},
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		want = append([]byte(","), want[1:len(want)-1]...)
		var got bytes.Buffer
		bw := bufio.NewWriter(&got)
		if err := writeFields(bw, &v, json.Marshal); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("writeFields = %s\nencoding/json %s", got.Bytes(), want)
		}
	}
}
