package formats

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"strings"
	"testing"
)

// bigDocx is a .docx whose document.xml is one paragraph, 甲, padded with
// spaces to size bytes; its header declares declared bytes (the true size
// when declared is 0).
func bigDocx(t *testing.T, size, declared int) []byte {
	t.Helper()
	head := `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>甲</w:t></w:r></w:p>`
	tail := `</w:body></w:document>`
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
	fw.Write([]byte(head))
	pad := size - len(head) - len(tail)
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for ; pad > len(spaces); pad -= len(spaces) {
		fw.Write(spaces)
	}
	fw.Write(spaces[:pad])
	fw.Write([]byte(tail))
	fw.Close()
	if declared == 0 {
		declared = size
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(declared)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	return out.Bytes()
}

// TestDocxSizeLimit: a part of MaxDocumentBytes is read; one byte more is
// refused, whether its header says so or lies (archive/zip stops reading
// at the size declared).
func TestDocxSizeLimit(t *testing.T) {
	d, err := NewReader().Read("a.docx", bigDocx(t, MaxDocumentBytes, 0))
	if err != nil || strings.TrimSpace(d.Text) != "甲" {
		t.Fatalf("a part of exactly %d bytes: %v", MaxDocumentBytes, err)
	}
	for _, c := range []struct {
		name     string
		declared int
		want     string
	}{
		{"declared", 0, "word/document.xml expands to 64 MiB, more than 64 MiB"},
		{"lying header", 100, "corrupt .docx: word/document.xml: zip: not a valid zip file"},
	} {
		_, err := NewReader().Read("a.docx", bigDocx(t, MaxDocumentBytes+1, c.declared))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: a part of one byte more: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestDocxDepth: elements nested maxXMLDepth deep are read, one more is
// refused; depth is nesting, not the number of elements.
func TestDocxDepth(t *testing.T) {
	nest := func(n int) string { // document and body are two levels
		return strings.Repeat("<w:x>", n-2) + strings.Repeat("</w:x>", n-2)
	}
	para := `<w:p><w:r><w:t>甲</w:t></w:r></w:p>`
	for _, c := range []struct {
		body string
		ok   bool
	}{
		{para + nest(maxXMLDepth), true},
		{para + nest(maxXMLDepth+1), false},
		{para + strings.Repeat("<w:x></w:x>", 2*maxXMLDepth), true},
	} {
		_, err := NewReader().Read("a.docx", docxOf(t, c.body, "", ""))
		if (err == nil) != c.ok {
			t.Errorf("%.40s… (%d bytes): error %v, want ok=%v", c.body, len(c.body), err, c.ok)
		}
		if !c.ok && !strings.Contains(fmt.Sprint(err), fmt.Sprintf("nested more than %d deep", maxXMLDepth)) {
			t.Errorf("error %v, want one naming the depth", err)
		}
	}
}
