package formats

import (
	"bytes"
	"errors"
	"fmt"
	"policygap/regions/document"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	unicodeenc "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encodings as Document.Encoding names them.
const (
	UTF8    = "UTF-8"
	GB18030 = "GB18030"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
)

// DecodeText detects a text's encoding and decodes it: a BOM (UTF-8,
// UTF-16LE/BE), then UTF-16 without a BOM (told by its zero bytes), then
// valid UTF-8, else GB18030 (a superset of GBK and GB2312). hint names a
// declared charset (an HTML page's meta); a GB one skips the UTF-8 guess.
// Line breaks are kept; a lone CR (old Mac files) becomes LF, one for one.
func DecodeText(data []byte, hint string) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return "", "", errors.New("not valid UTF-8, though it starts with a UTF-8 byte order mark")
		}
		text, err = checkText(string(data[3:]))
		return crLines(text), UTF8, err
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc := UTF16LE
		if data[0] == 0xFE {
			enc = UTF16BE
		}
		dec := unicodeenc.BOMOverride(unicodeenc.UTF16(unicodeenc.LittleEndian, unicodeenc.UseBOM).NewDecoder())
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return "", "", fmt.Errorf("UTF-16 text: %w", err)
		}
		text, err = checkText(string(out))
		return crLines(text), enc, err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if text, enc, ok := utf16NoBOM(data); ok {
			return crLines(text), enc, nil
		}
		return "", "", errors.New("binary file (contains NUL bytes); expected text, .docx, .html or .pdf")
	}
	if !strings.HasPrefix(strings.ToLower(hint), "gb") && utf8.Valid(data) {
		text, err = checkText(string(data))
		return crLines(text), UTF8, err
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil {
		return "", "", fmt.Errorf("unknown encoding: not UTF-8 and not GB18030 (%v)", err)
	}
	text, err = checkText(string(out))
	if err != nil {
		return "", "", fmt.Errorf("unknown encoding: not UTF-8, and as GB18030 %v", err)
	}
	return crLines(text), GB18030, nil
}

// utf16NoBOM reads data as UTF-16 without a byte order mark: the byte order
// whose decoding is text (Han, ASCII, punctuation) almost throughout wins.
// Chinese UTF-16 holds a zero byte wherever an ASCII character stands, so
// such files reach here for their NUL bytes.
func utf16NoBOM(data []byte) (string, string, bool) {
	if len(data)%2 != 0 || len(data) < 4 {
		return "", "", false
	}
	best, bestEnc, bestScore := "", "", 0.0
	for _, enc := range []string{UTF16LE, UTF16BE} {
		units := make([]uint16, len(data)/2)
		for i := range units {
			lo, hi := data[2*i], data[2*i+1]
			if enc == UTF16BE {
				lo, hi = hi, lo
			}
			units[i] = uint16(lo) | uint16(hi)<<8
		}
		s := string(utf16.Decode(units))
		good, total := 0, 0
		for _, r := range s {
			total++
			if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
				r >= 0x20 && r < 0x7F || r == '\n' || r == '\r' || r == '\t' || r >= 0x2000 && r <= 0x206F {
				good++
			}
		}
		if score := float64(good) / float64(max(total, 1)); score > bestScore {
			best, bestEnc, bestScore = s, enc, score
		}
	}
	return best, bestEnc, bestScore >= 0.95
}

// crLines turns lone CRs into LFs (rune for rune); CRLF stays.
func crLines(s string) string {
	i := strings.IndexByte(s, '\r')
	for i >= 0 && i+1 < len(s) && s[i+1] == '\n' { // CRLF: look for a lone CR
		k := strings.IndexByte(s[i+2:], '\r')
		if k < 0 {
			return s
		}
		i += 2 + k
	}
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}

// checkText rejects text that decoded into mostly replacement or control
// characters: the sign of a binary file or of an encoding this tool does not
// know. s is valid UTF-8 (the decoders make it so).
func checkText(s string) (string, error) {
	if bad, total := notText(s); bad*50 > total {
		return "", fmt.Errorf("%d of %d characters are not text (binary data or an unknown encoding)", bad, total)
	}
	return s, nil
}

// notText counts the characters of valid UTF-8 s and those that are not text:
// C0 and C1 controls but line breaks, tabs and form feeds; private use (what
// GB18030 makes of foreign bytes); U+FFFD. They are told by their bytes.
func notText(s string) (bad, total int) {
	for i := 0; i < len(s); i += document.SeqLen(s[i]) {
		total++
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f', c == 0x7F, // C0 controls, DEL
			c == 0xC2 && s[i+1] < 0xA0, // U+0080–U+009F
			c == 0xEE,                  // U+E000–U+EFFF
			c == 0xEF && (s[i+1] < 0xA4 || s[i+1] == 0xBF && s[i+2] == 0xBD): // U+F000–U+F8FF, U+FFFD
			bad++
		}
	}
	return bad, total
}
