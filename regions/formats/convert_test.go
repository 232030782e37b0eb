package formats

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConvertDoc: a .doc (here: a .docx LibreOffice saved as .doc) is read
// through LibreOffice where soffice is installed; elsewhere the error says
// the command that converts it.
func TestConvertDoc(t *testing.T) {
	body := para("", 1, 0, run("重点任务")) + para("", 1, 2, boldRun("优化挂号服务。"), run("保留现场号源。"))
	docx := zipOf(t, map[string]string{
		"word/document.xml":  `<?xml version="1.0"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`,
		"word/numbering.xml": numberingXML,
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
	})
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		_, err := NewReader().Read("a.doc", []byte("x"))
		if err == nil || !strings.Contains(err.Error(), "soffice --headless --convert-to docx a.doc") {
			t.Errorf("without LibreOffice: %v", err)
		}
		t.Skip("soffice (LibreOffice Writer) is not installed: the conversion is not tried; .ci/run installs it")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "a.docx")
	os.WriteFile(in, docx, 0o644)
	if out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "doc", "--outdir", dir, in).CombinedOutput(); err != nil {
		t.Fatalf("making the .doc: %v %s", err, out)
	}
	doc, err := os.ReadFile(filepath.Join(dir, "a.doc"))
	if err != nil {
		t.Skipf("LibreOffice made no .doc (Writer missing?): %v", err)
	}
	d, err := NewReader().Read("a.doc", doc)
	if err != nil {
		t.Fatal(err)
	}
	ps := paragraphs(d)
	if d.Format != "doc→docx" || len(ps) != 2 || ps[0].Label != "一、" || blockText(d, ps[1]) != "优化挂号服务。保留现场号源。" || ps[1].Label != "1." {
		for _, p := range ps {
			t.Logf("%q %q", p.Label, blockText(d, p))
		}
		t.Errorf("format %q, %d paragraphs", d.Format, len(ps))
	}
	if !strings.Contains(strings.Join(d.Notes, " "), "LibreOffice") {
		t.Errorf("notes %q do not say the file was converted", d.Notes)
	}
}
