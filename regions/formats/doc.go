// Package formats reads the files regions publish into the document model
// (regions/document), one reader per format, each knowing nothing of measures:
//
//   - encoding.go: text encodings (BOMs, UTF-16 without one, UTF-8, GB18030).
//   - txt.go: plain text, its lines, and tables of tab- or |-separated lines.
//   - md.go: markdown, through goldmark with GFM tables.
//   - docx.go, numbering.go: Word's XML, its styles and automatic numbering.
//   - html.go: web pages, through x/net/html: the article, the site's info table.
//   - pdf.go, pdflayout.go, pdfgrid.go: PDF text through pdfium (WebAssembly):
//     characters into lines and paragraphs, ruled tables into cells.
//   - convert.go: .doc, .wps and .rtf through LibreOffice.
//   - read.go: the Reader, which picks the reader by the file's ending.
package formats
