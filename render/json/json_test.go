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
