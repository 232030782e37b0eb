package formats

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzNotText: notText, which reads bytes, counts what the rune definition
// counts: C0/C1 controls but line breaks and tabs, private use, U+FFFD.
func FuzzNotText(f *testing.F) {
	for _, s := range []string{"一、便利老年人日常就医\n（一）提供挂号服务。", "\x01\x02a", "\u0085\u009f\u00a0", "\ue000\uf8ff\uf900\ufffd\uffff", "a\x7f\t\f\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		bad, total := 0, 0
		for _, r := range s {
			total++
			if r == utf8.RuneError || unicode.IsControl(r) && !strings.ContainsRune("\n\r\t\f", r) || r >= 0xE000 && r <= 0xF8FF {
				bad++
			}
		}
		if b, n := notText(s); b != bad || n != total {
			t.Fatalf("%q: %d of %d not text, notText says %d of %d", s, bad, total, b, n)
		}
	})
}
