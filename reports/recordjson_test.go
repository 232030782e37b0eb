package reports

import (
	"bytes"
	"encoding/json"
	"testing"
)

// appendString is encoding/json's string encoding (HTML escaping off), byte
// for byte, whatever the bytes.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "老年人\u2028\u2029", "\x00\b\f\n\r\t\"\\\x7f", "\xe0\x80\x80\xed\xa0\x80\xe4\xbd", "\xf0\x9f\x98\x80é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got := string(appendString(nil, s)) + "\n"; got != want.String() {
			t.Fatalf("%q: got %s want %s", s, got, want.String())
		}
	})
}
