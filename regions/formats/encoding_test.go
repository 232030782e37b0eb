package formats

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
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

// TestUTF16WithoutBOM: UTF-16 without a byte order mark is read in the byte
// order whose decoding is text throughout, up to the ends of each range of
// characters counted as text (Han, CJK punctuation, full-width forms, ASCII,
// general punctuation); where both orders read as text, little-endian; a
// text with 95% of its characters text is read.
func TestUTF16WithoutBOM(t *testing.T) {
	for _, r := range []rune{0x4E00, 0x9FFF, 0x3000, 0x303F, 0xFF00, 0xFFEF, 0x20, 0x7E, 0x2000, 0x206F} {
		s := strings.Repeat(string(r), 8) + "\n"
		for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
			var data []byte
			for _, u := range utf16.Encode([]rune(s)) {
				data = order.AppendUint16(data, u)
			}
			got, _, err := DecodeText(data, "")
			if err != nil || got != s {
				t.Errorf("%U ×8 in %v: %q, %v; want the text", r, order, got, err)
			}
		}
	}
	for _, data := range [][]byte{{0, 1, 0, 2, 0, 3, 0, 4, 0, 5}, bytes.Repeat([]byte{0x7F, 0, 0x0A, 0}, 4)} {
		if got, _, err := DecodeText(data, ""); err == nil {
			t.Errorf("control characters in UTF-16 read as text: %q", got)
		}
	}
	// both orders text (20 4E: 丠 or ⁎): little-endian, Windows' order, wins
	if got, enc, ok := utf16NoBOM(bytes.Repeat([]byte{0x20, 0x4E}, 4)); !ok || got != "丠丠丠丠" || enc != UTF16LE {
		t.Errorf("a tie read as %s %q (%v), want UTF-16LE 丠丠丠丠", enc, got, ok)
	}
	// text in 95% of its characters is read, in 90% not
	for bad, want := range map[int]bool{1: true, 2: false} {
		var data []byte
		for _, u := range utf16.Encode([]rune(strings.Repeat("保", 20-bad) + strings.Repeat("\x01", bad))) {
			data = binary.LittleEndian.AppendUint16(data, u)
		}
		if _, _, ok := utf16NoBOM(data); ok != want {
			t.Errorf("%d of 20 characters not text: read %v, want %v", bad, ok, want)
		}
	}
}

// TestCRLines: a lone CR ends a line as LF does; CRLF is left as it is.
func TestCRLines(t *testing.T) {
	for in, want := range map[string]string{
		"a\rb": "a\nb", "a\r\nb\rc": "a\r\nb\nc", "a\r": "a\n", "a\r\n": "a\r\n", "": "",
		"\r\r\n": "\n\r\n", "a\r\nb\r\nc": "a\r\nb\r\nc", "a\r\nb\r": "a\r\nb\n",
		"a\r\n\rb": "a\r\n\nb", "a\r\nbb\r\ncc\rd": "a\r\nbb\r\ncc\nd",
	} {
		if got := crLines(in); got != want {
			t.Errorf("crLines(%q) = %q, want %q", in, got, want)
		}
	}
	// a Windows text (CRLF only, from its first byte on) is not copied
	if n := testing.AllocsPerRun(10, func() { crLines("\r\na\r\nb\r\n") }); n != 0 {
		t.Errorf("crLines copied a CRLF text: %.0f allocations", n)
	}
}

// TestTextBounds: text with one character in fifty that is not text (2%)
// is read, one in forty-nine refused; four bytes of UTF-16 without a byte
// order mark are two characters.
func TestTextBounds(t *testing.T) {
	if _, err := checkText(strings.Repeat("甲", 49) + "\x01"); err != nil {
		t.Errorf("1 of 50 not text: %v", err)
	}
	if _, err := checkText(strings.Repeat("甲", 48) + "\x01"); err == nil || err.Error() != "1 of 49 characters are not text (binary data or an unknown encoding)" {
		t.Errorf("1 of 49 not text: %v", err)
	}
	if s, enc, ok := utf16NoBOM([]byte{'a', 0, '\n', 0}); !ok || s != "a\n" || enc != UTF16LE {
		t.Errorf("4 bytes of UTF-16LE: %q %s %v", s, enc, ok)
	}
	if _, _, ok := utf16NoBOM([]byte{'a', 0}); ok {
		t.Errorf("2 bytes taken for UTF-16")
	}
}
