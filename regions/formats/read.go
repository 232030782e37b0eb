package formats

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"policygap/regions/document"
)

// Formats the readers know, by file ending.
var readers = map[string]string{
	".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
	".docx": "docx", ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
	".pdf": "pdf",
}

// Converted are the endings LibreOffice turns into .docx for the docx reader.
var Converted = []string{".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot"}

// Readable lists the endings read directly, for messages and help.
var Readable = []string{".txt", ".md", ".docx", ".html", ".htm", ".pdf"}

// FormatOf names the reader for a file name: txt, md, docx, html, pdf;
// "convert" for what LibreOffice converts first; "" for anything else.
func FormatOf(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if f, ok := readers[ext]; ok {
		return f
	}
	for _, c := range Converted {
		if ext == c {
			return "convert"
		}
	}
	return ""
}

// Reader reads files of every format into the document document. It starts the
// PDF engine when the first PDF comes, once, and LibreOffice for each file
// that needs converting; it is safe for use by several goroutines.
type Reader struct {
	pdf     pdfEngine
	convert converter
}

// NewReader makes a reader; Close releases what it started.
func NewReader() *Reader { return &Reader{} }

// Close stops the PDF engine, if it was started.
func (r *Reader) Close() { r.pdf.Close() }

// PDFStartup is how long starting the PDF engine took (0: never started).
func (r *Reader) PDFStartup() time.Duration { return r.pdf.Startup }

// Read reads one file's bytes by its name's ending. Errors say what is wrong
// with the content and what to do; callers add the file name.
func (r *Reader) Read(name string, data []byte) (*document.Document, error) {
	return bounded(r.read(name, data))
}

// bounded refuses a document whose text is larger than MaxTextBytes.
func bounded(d *document.Document, err error) (*document.Document, error) {
	if err == nil && len(d.Text) > MaxTextBytes {
		return nil, fmt.Errorf("its text is %.1f MiB, more than the %d MiB of text a document may have (a plan has well under 1 MiB): not read", float64(len(d.Text))/(1<<20), MaxTextBytes>>20)
	}
	return d, err
}

func (r *Reader) read(name string, data []byte) (*document.Document, error) {
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	if len(data) > MaxDocumentBytes {
		return nil, fmt.Errorf("file is %d bytes, more than the %d MiB a document may have", len(data), MaxDocumentBytes>>20)
	}
	switch FormatOf(name) {
	case "md":
		return readMarkdown(data)
	case "docx":
		return readDocx(data)
	case "html":
		return readHTML(data)
	case "pdf":
		return r.pdf.readPDF(data)
	case "convert":
		docx, err := r.convert.toDocx(name, data)
		if err != nil {
			return nil, err
		}
		d, err := readDocx(docx)
		if err != nil {
			return nil, fmt.Errorf("converted by LibreOffice, then: %w", err)
		}
		d.Format = strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".") + "→docx"
		d.Notes = append(d.Notes, "converted to .docx with LibreOffice (soffice)")
		return d, nil
	case "txt":
		return readText(data, "txt", "")
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".ofd":
		return nil, errors.New("OFD (the Chinese fixed-layout format) is not read: save it as PDF (for example with the 数科 OFD reader) and read the PDF")
	case ".xls", ".xlsx", ".et", ".csv":
		return nil, fmt.Errorf("%s is a spreadsheet, not a document: save the task list as .docx or .txt (tab-separated) to read it", ext)
	}
	return nil, fmt.Errorf("not a document format policygap reads (%s); it reads %s, and %s through LibreOffice", orNone(ext), strings.Join(Readable, " "), strings.Join(Converted, " "))
}

func orNone(ext string) string {
	if ext == "" {
		return "no file ending"
	}
	return ext
}

// ReadText reads data as plain text whatever its name (a file given by name
// with an unknown ending is tried this way).
func ReadText(data []byte) (*document.Document, error) {
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	return bounded(readText(data, "txt", ""))
}

// TextDocument is the document of a text already decoded, read as plain
// text: its lines, and tables of tab-separated lines.
func TextDocument(text string) *document.Document {
	doc := &document.Document{Format: "txt", Text: text, Lines: true}
	if strings.IndexByte(text, '\t') >= 0 || strings.IndexByte(text, '|') >= 0 || strings.Contains(text, "｜") {
		doc.Blocks = textTables(text)
	}
	return doc
}
