package formats

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConvertDoc: a .doc (here: a .docx LibreOffice saved as .doc) is read
// through LibreOffice where soffice is installed.
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
		t.Skip("soffice (LibreOffice Writer) is not installed: the conversion is not tried; .ci/run installs it")
	}
	if testing.Short() {
		t.Skip("-short: LibreOffice's two conversions (15 s) are not run")
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

// TestConvertWithoutLibreOffice: where neither soffice nor libreoffice is on
// PATH, a .doc, .wps or .rtf is refused with the command that converts it.
func TestConvertWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, name := range []string{"a.doc", "规划.WPS", "b.rtf"} {
		_, err := NewReader().Read(name, []byte("x"))
		ext := strings.ToLower(filepath.Ext(name))
		want := ext + " files are read through LibreOffice, which is not installed here: convert it with `soffice --headless --convert-to docx " + name + "` (LibreOffice Writer) and read the .docx"
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", name, err, want)
		}
	}
}

// playLibreOffice puts script on PATH as exe, in a folder of its own, before
// the folders in rest (a ":"-separated tail, "" for none).
func playLibreOffice(t *testing.T, exe, script, rest string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, exe), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+rest)
}

// TestConvertFindsLibreOffice: LibreOffice is run as soffice, or else as
// libreoffice (the name some distributions install); its failure is
// reported with its message.
func TestConvertFindsLibreOffice(t *testing.T) {
	for _, exe := range []string{"soffice", "libreoffice"} {
		playLibreOffice(t, exe, "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", "")
		_, err := NewReader().Read("a.doc", []byte("x"))
		want := "LibreOffice could not convert it to .docx (Error: source file could not be loaded)"
		if err == nil || err.Error() != want {
			t.Errorf("%s on PATH: %v\nwant %s", exe, err, want)
		}
	}
}

// TestConvertSteps: what a conversion hands back is read as the .docx it
// is (its format doc→docx, a note saying so); output LibreOffice wrote while
// failing is not read. LibreOffice is played by a script that copies its
// input, or copies it and fails.
func TestConvertSteps(t *testing.T) {
	docx := docxOf(t, para("", 0, 0, run("保留现场号源。")), "", "")
	copyIn := `#!/bin/sh
for a; do [ "$prev" = --outdir ] && out=$a; prev=$a; done
mkdir -p "$out" && cp "$prev" "$out/in.docx"
`
	for _, c := range []struct{ script, want string }{
		{copyIn, "doc→docx 保留现场号源。"},
		{copyIn + "exit 1\n", "LibreOffice could not convert it to .docx (exit status 1)"},
	} {
		playLibreOffice(t, "soffice", c.script, ":/usr/bin:/bin")
		d, err := NewReader().Read("a.doc", docx)
		got := fmt.Sprint(err)
		if err == nil {
			got = d.Format + " " + blockText(d, paragraphs(d)[0])
			if !strings.Contains(strings.Join(d.Notes, " "), "LibreOffice") {
				t.Errorf("notes %q do not say the file was converted", d.Notes)
			}
		}
		if got != c.want {
			t.Errorf("read %q, want %q", got, c.want)
		}
	}
}

// TestFirstLine: LibreOffice's message is its first line that is not its
// "convert …" progress; without one, the first error.
func TestFirstLine(t *testing.T) {
	for _, c := range []struct {
		msg  string
		errs []error
		want string
	}{
		{"convert /tmp/in.doc -> out.docx\n\nError: source file could not be loaded\n", nil, "Error: source file could not be loaded"},
		{"convert /tmp/in.doc\n", []error{nil, errors.New("no in.docx")}, "no in.docx"},
		{"", []error{errors.New("exit status 1"), errors.New("no in.docx")}, "exit status 1"},
		{"", nil, "no output"},
	} {
		if got := firstLine(c.msg, c.errs...); got != c.want {
			t.Errorf("firstLine(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}
