package formats

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"slices"
	"strings"
	"testing"

	"policygap/regions/document"
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

// TestDocxDefaultLevels: a numbering without a level is level 0, in a
// paragraph or in its style, unless a level of the list names the style;
// moved-away text and alternate content's fallback are not read.
func TestDocxDefaultLevels(t *testing.T) {
	numbering := numberingOf(
		lvl(0, "chineseCounting", "%1、", ""),
		lvl(1, "chineseCounting", "（%2）", ""),
		lvl(2, "decimal", "%3.", `<w:pStyle w:val="ListSub"/>`),
	)
	styles := `<?xml version="1.0"?><w:styles ` + wordNS + `>
<w:style w:styleId="ListMain"><w:name w:val="List Main"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:styleId="ListSub"><w:name w:val="List Sub"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`
	body := `<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>` +
		para("ListSub", 0, 0, run("乙")) +
		para("ListMain", 0, 0, run("丙")) +
		para("", 0, 0, `<w:moveFrom><w:r><w:t>移走的话</w:t></w:r></w:moveFrom>`, run("丁")) +
		para("", 0, 0, `<mc:AlternateContent><mc:Choice><w:r><w:t>戊</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>戊</w:t></w:r></mc:Fallback></mc:AlternateContent>`)
	if got, want := labelled(t, docxOf(t, body, numbering, styles)), []string{"一、甲", "1.乙", "二、丙", "丁", "戊"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// plainPara and tableCell are a paragraph of one run and a table cell.
func plainPara(s string) string { return "<w:p>" + run(s) + "</w:p>" }
func tableCell(s string) string { return `<w:tc>` + s + `</w:tc>` }

// TestDocxStrayCells: a malformed body loses no text: a cell outside any
// table is read as paragraphs (a table inside it as a table), a cell before
// any row as a row of its own. Paragraphs and rows are counted from 1.
func TestDocxStrayCells(t *testing.T) {
	p, tc := plainPara, tableCell
	body := tc(p("甲")+`<w:tbl><w:tr>`+tc(p("子"))+tc(p("丑"))+`</w:tr></w:tbl>`) +
		`<w:tbl>` + tc(p("乙")) + `<w:tr>` + tc(p("丙")) + `<w:tc><w:tcPr><w:gridSpan w:val="1"/></w:tcPr>` + p("丁") + `</w:tc></w:tr></w:tbl>`
	d, err := NewReader().Read("a.docx", docxOf(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			got = append(got, fmt.Sprintf("%d:%s", b.Origin.Para, blockText(d, b)))
			continue
		}
		var rows []int
		for _, r := range b.Table.Rows {
			rows = append(rows, r.Origin.Para)
		}
		got = append(got, fmt.Sprint(rows, cells(d, b.Table)))
	}
	if want := []string{"1:甲", "[2] [[子 丑]]", "[3 4] [[乙] [丙 丁]]"}; !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestDocxTableInCell: a table inside a cell (a sub-list laid out as a
// grid) is that cell's, its rows as lines after the cell's paragraphs.
func TestDocxTableInCell(t *testing.T) {
	p, tc := plainPara, tableCell
	inner := `<w:tbl><w:tr>` + tc(p("子")) + tc(p("丑")) + `</w:tr><w:tr>` + tc(p("寅")) + tc(p("卯")) + `</w:tr></w:tbl>`
	body := `<w:tbl><w:tr>` + tc(p("1")) + tc(p("保留号源。")+inner) + tc(p("市卫健委")) + `</w:tr></w:tbl>` + p("后文")
	d, err := NewReader().Read("a.docx", docxOf(t, body, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	got := blockTexts(d)
	if want := []string{"TABLE 1/保留号源。\n子 丑\n寅 卯/市卫健委", "后文"}; !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestReadBounds: a file of MaxDocumentBytes is read (here: found to be no
// zip), one byte more refused unread; a text of MaxTextBytes is kept, one
// byte more refused.
func TestReadBounds(t *testing.T) {
	data := make([]byte, MaxDocumentBytes+1)
	if _, err := NewReader().Read("a.docx", data[:MaxDocumentBytes]); err == nil || strings.Contains(err.Error(), "more than") {
		t.Errorf("a file of the limit: %v", err)
	}
	if _, err := NewReader().Read("a.docx", data); err == nil || err.Error() != "file is 67108865 bytes, more than the 64 MiB a document may have" {
		t.Errorf("one byte more: %v", err)
	}
	text := strings.Repeat("a", MaxTextBytes+1)
	if d, err := bounded(&document.Document{Text: text[:MaxTextBytes]}, nil); err != nil || len(d.Text) != MaxTextBytes {
		t.Errorf("a text of the limit: %v", err)
	}
	if _, err := bounded(&document.Document{Text: text}, nil); err == nil || !strings.HasPrefix(err.Error(), "its text is 16.0 MiB, more than the 16 MiB of text") {
		t.Errorf("one byte more: %v", err)
	}
}

// TestDocxLevelRestart: a level with lvlRestart 1 restarts after level 0
// only, not after level 1, one with lvlRestart 0 never; a literal % ends a
// label as it is.
func TestDocxLevelRestart(t *testing.T) {
	numbering := numberingOf(
		lvl(0, "chineseCounting", "%1、", ""),
		lvl(1, "chineseCounting", "（%2）", ""),
		lvl(2, "decimal", "%3.", `<w:lvlRestart w:val="1"/>`),
		lvl(3, "decimal", "%4%", `<w:lvlRestart w:val="0"/>`),
	)
	body := para("", 1, 0, run("甲")) + para("", 1, 2, run("乙")) + para("", 1, 1, run("丙")) + para("", 1, 2, run("丁")) +
		para("", 1, 0, run("戊")) + para("", 1, 2, run("己")) + para("", 1, 3, run("庚")) + para("", 1, 0, run("辛")) + para("", 1, 3, run("壬"))
	if got, want := labelled(t, docxOf(t, body, numbering, "")), []string{"一、甲", "1.乙", "（一）丙", "2.丁", "二、戊", "1.己", "1%庚", "三、辛", "2%壬"}; !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// numberingOf is a numbering part: one list of these levels, instance 1.
func numberingOf(levels ...string) string {
	return `<?xml version="1.0"?><w:numbering ` + wordNS + `><w:abstractNum w:abstractNumId="0">` + strings.Join(levels, "") +
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
}

// lvl is a list level starting at 1, with extra elements (pStyle, lvlRestart).
func lvl(i int, format, text, extra string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="1"/>%s<w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, i, extra, format, text)
}

// labelled is each paragraph of a .docx as Word shows it: label, then text.
func labelled(t *testing.T, docx []byte) []string {
	t.Helper()
	d, err := NewReader().Read("a.docx", docx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range paragraphs(d) {
		out = append(out, p.Label+blockText(d, p))
	}
	return out
}
