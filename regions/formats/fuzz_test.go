package formats

import (
	"os"
	"testing"
)

// The fuzz targets feed each reader what it would never see from a real
// file: it must give blocks within its text, or an error, never a panic.

func fuzzRead(t *testing.T, name string, data []byte) {
	d, err := testReader.Read(name, data)
	if err == nil {
		checkSpans(t, d)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("序号\t任务\t单位\n一、甲\n1\t乙。\t丙局\n2\t丁\n戊。\t己局\n"))
	f.Add([]byte("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n"))
	f.Add(utf16le("一、便利就医\r（一）保留号源。\r"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.txt", data) })
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte(markdownPlan))
	f.Add([]byte("1. **“码”**x\n   **责任单位**：甲\n\n<table><tr><td rowspan=2>a</td></tr></table>\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.md", data) })
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(clutteredPage))
	f.Add([]byte(`<table><tr><td rowspan="3" colspan="2">a</td><td>b</td></tr><tr><td rowspan="-1">c</td></tr></table>`))
	f.Add([]byte(`<meta charset="gb2312"><ol start="-5"><li value="x">a</li></ol><strong><b>t</b></strong>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.html", data) })
}

// FuzzDocx fuzzes the XML parts of a .docx: its body, numbering and styles.
func FuzzDocx(f *testing.F) {
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>`, numberingXML, stylesXML)
	f.Add(`<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val="9"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`, "", "")
	f.Fuzz(func(t *testing.T, body, numbering, styles string) {
		fuzzRead(t, "a.docx", docxOf(t, body, numbering, styles))
	})
}

// FuzzPDF feeds pdfium and the layout after it bytes that start like a
// PDF. Slow (pdfium parses each input): run it for a minute at least.
func FuzzPDF(f *testing.F) {
	if data, err := os.ReadFile("testdata/plan.pdf"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "a.pdf", data) })
}
