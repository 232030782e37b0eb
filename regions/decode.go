package regions

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	unicodeenc "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxDocumentBytes bounds what one document may expand to (a .docx's XML
// included), so a zip bomb or a runaway file cannot exhaust memory.
const MaxDocumentBytes = 64 << 20

// Extensions lists the file endings ingestion reads; a folder is searched for these.
var Extensions = []string{".txt", ".md", ".docx", ".html", ".htm"}

// Decode turns a file's bytes into text according to its name's extension.
// Errors say what is wrong with the content; callers add the file name.
func Decode(name string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", errors.New("empty file")
	}
	if len(data) > MaxDocumentBytes {
		return "", fmt.Errorf("file is %d bytes, more than the %d MiB a document may have", len(data), MaxDocumentBytes>>20)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		return docxText(data)
	case ".html", ".htm":
		text, err := decodeText(data, htmlCharset(data))
		if err != nil {
			return "", err
		}
		return htmlText(text), nil
	default:
		return decodeText(data, "")
	}
}

// decodeText detects the encoding: a BOM (UTF-8, UTF-16LE/BE), valid UTF-8, or
// GB18030 (a superset of GBK and GB2312), in that order. hint is a declared charset.
func decodeText(data []byte, hint string) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return "", errors.New("not valid UTF-8, though it starts with a UTF-8 byte order mark")
		}
		return checkText(string(data[3:]))
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicodeenc.BOMOverride(unicodeenc.UTF16(unicodeenc.LittleEndian, unicodeenc.UseBOM).NewDecoder())
		out, _, err := transform.Bytes(dec, data)
		if err != nil {
			return "", fmt.Errorf("UTF-16 text: %w", err)
		}
		return checkText(string(out))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New("binary file (contains NUL bytes); expected text, .docx or .html")
	}
	if hint == "" && utf8.Valid(data) {
		return checkText(string(data))
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil {
		return "", fmt.Errorf("unknown encoding: not UTF-8 and not GB18030 (%v)", err)
	}
	text, err := checkText(string(out))
	if err != nil {
		return "", fmt.Errorf("unknown encoding: not UTF-8, and as GB18030 %v", err)
	}
	return text, nil
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
	for i := 0; i < len(s); i += utf8Len(s[i]) {
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

var charsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_-]+)`)

func htmlCharset(data []byte) string {
	head := data[:min(len(data), 2048)]
	if m := charsetRe.FindSubmatch(head); m != nil {
		cs := strings.ToLower(string(m[1]))
		if strings.HasPrefix(cs, "gb") {
			return cs
		}
	}
	return ""
}

var (
	htmlDropRe  = regexp.MustCompile(`(?is)<(script|style|head)\b.*?</(script|style|head)\s*>|<!--.*?-->`)
	htmlBlockRe = regexp.MustCompile(`(?i)<(br|/p|/div|/li|/tr|/h[1-6]|/table|p|div|tr|h[1-6]|li)\b[^>]*>`)
	htmlCellRe  = regexp.MustCompile(`(?i)</t[dh]\s*>`)
	htmlTagRe   = regexp.MustCompile(`<[^>]*>`)
)

// htmlText keeps an HTML page's visible text with one line per block element
// and table cells separated by tabs.
func htmlText(s string) string {
	s = htmlDropRe.ReplaceAllString(s, "")
	s = htmlCellRe.ReplaceAllString(s, "\t")
	s = htmlBlockRe.ReplaceAllString(s, "\n")
	s = htmlTagRe.ReplaceAllString(s, "")
	return html.UnescapeString(s)
}

// docxText reads word/document.xml of a .docx: one line per paragraph, table
// cells separated by tabs, deleted text of tracked changes skipped.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("corrupt .docx (not a zip archive): %w", err)
	}
	var body *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			body = f
		}
	}
	if body == nil {
		return "", errors.New("corrupt .docx: no word/document.xml")
	}
	if body.UncompressedSize64 > MaxDocumentBytes {
		return "", fmt.Errorf(".docx: word/document.xml expands to %d MiB, more than %d MiB (a zip bomb?)", body.UncompressedSize64>>20, MaxDocumentBytes>>20)
	}
	rc, err := body.Open() // the size a zip declares can lie: the reader is bounded too
	if err != nil {
		return "", fmt.Errorf("corrupt .docx: %w", err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: MaxDocumentBytes + 1}
	text, err := docxXMLText(lr)
	if lr.N <= 0 {
		return "", fmt.Errorf(".docx: word/document.xml expands to more than %d MiB (a zip bomb?)", MaxDocumentBytes>>20)
	}
	if err != nil {
		return "", fmt.Errorf("corrupt .docx: word/document.xml: %w", err)
	}
	return text, nil
}

func docxXMLText(r io.Reader) (string, error) {
	var b strings.Builder
	dec := xml.NewDecoder(r)
	inText := false
	cells := 0 // depth of open table cells: a paragraph inside a cell does not end the row
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tc":
				cells++
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if cells == 0 {
					b.WriteByte('\n')
				}
			case "tc":
				cells--
				b.WriteByte('\t')
			case "tr":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}
