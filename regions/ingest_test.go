package regions

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"policygap/regions/formats"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// testReader reads the test's files as Load does.
var testReader = formats.NewReader()

// a small plan, used in several encodings and containers
const smallPlan = "某市关于切实解决老年人运用智能技术困难的实施方案\n" +
	"一、便利老年人日常就医\n" +
	"（一）提供多渠道挂号服务。医疗机构要保留现场号源。（市卫健委负责，2021年底前完成）\n" +
	"（二）优化网上就医服务。简化网上办理就医服务流程。（市医保局负责）\n"

func utf16le(s string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.Bytes()
}

func gb18030(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func docx(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxXML(paras ...string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		b.WriteString(`<w:p><w:r><w:t>` + p + `</w:t></w:r></w:p>`)
	}
	b.WriteString(`<w:p><w:r><w:delText>删除的文字</w:delText></w:r></w:p>`)
	b.WriteString(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
	}{
		{"utf-8", "a.txt", []byte(smallPlan)},
		{"utf-8 with BOM", "a.txt", append([]byte{0xEF, 0xBB, 0xBF}, smallPlan...)},
		{"utf-16le with BOM", "a.txt", utf16le(smallPlan, true)},
		{"gb18030", "a.txt", gb18030(t, smallPlan)},
		{"markdown", "a.md", []byte(smallPlan)},
		{"html", "a.html", []byte("<html><head><title>x</title><style>p{}</style></head><body>" +
			strings.ReplaceAll(strings.TrimSpace(smallPlan), "\n", "<br>") + "</body></html>")},
		{"html gbk", "a.htm", append([]byte(`<meta charset="gbk"><p>`), gb18030(t, strings.ReplaceAll(smallPlan, "\n", "</p><p>"))...)},
		{"docx", "a.docx", docx(t, map[string][]byte{"word/document.xml": docxXML(strings.Split(strings.TrimSpace(smallPlan), "\n")...)})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readDocument(testReader, tt.file, tt.data, false)
			if err != nil {
				t.Fatal(err)
			}
			if text := doc.Text; !strings.Contains(text, "提供多渠道挂号服务") || strings.Contains(text, "删除的文字") {
				t.Errorf("text = %q", text)
			}
			ms, err := Segment(doc)
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != 2 || ms[0].Deadline.String() != "2021-12-31" || ms[1].Units[0] != "市医保局" {
				t.Errorf("measures = %+v", ms)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document><w:body><w:p><w:r><w:t>"))
	zeros := bytes.Repeat([]byte("a"), 1<<20)
	for i := 0; i < formats.MaxDocumentBytes>>20+1; i++ {
		w.Write(zeros)
	}
	zw.Close()
	if bomb.Len() > formats.MaxDocumentBytes/100 {
		t.Fatalf("the test bomb is %d bytes, not a bomb", bomb.Len())
	}
	// the same bomb, its header claiming 100 bytes: the reader must still stop
	var liar bytes.Buffer
	{
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
		fw.Write([]byte("<w:document><w:body><w:p><w:r><w:t>"))
		for i := 0; i < formats.MaxDocumentBytes>>20+1; i++ {
			fw.Write(zeros)
		}
		fw.Close()
		zl := zip.NewWriter(&liar)
		w, _ := zl.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: 100})
		w.Write(packed.Bytes())
		zl.Close()
	}
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i * 7)
	}
	unknown := bytes.Repeat([]byte{0x81, 0x30, 0xFF, 0xFE, 0x80}, 200) // not UTF-8, not GB18030 text
	tests := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty", "a.txt", nil, "empty file"},
		{"binary", "a.txt", binary, "binary"},
		{"unknown encoding", "a.txt", unknown, "encoding"},
		{"UTF-8 BOM, then not UTF-8", "a.txt", append([]byte{0xEF, 0xBB, 0xBF}, gb18030(t, smallPlan)...), "byte order mark"},
		{"corrupt docx", "a.docx", []byte("PK\x03\x04 not really"), "corrupt .docx"},
		{"docx without body", "a.docx", docx(t, map[string][]byte{"word/styles.xml": []byte("<x/>")}), "no word/document.xml"},
		{"docx with broken xml", "a.docx", docx(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:p>")}), "corrupt .docx"},
		{"docx zip bomb", "a.docx", bomb.Bytes(), "zip bomb"},
		{"docx zip bomb, lying header", "a.docx", liar.Bytes(), ".docx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readDocument(testReader, tt.file, tt.data, false)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// TestLoadBadInputs: every bad file is reported by name with its problem, and
// the good file among them is still read and segmented.

func TestLoadBadInputs(t *testing.T) {
	dir := t.TempDir()
	size := 10 << 20 // a 10 MB line, a 2 MB table row
	if testing.Short() {
		size = 1 << 20 // 5 s less
	}
	long := strings.Repeat("老年人运用智能技术困难，", size/len("老年人运用智能技术困难，"))
	files := map[string][]byte{
		"good.txt":      []byte(smallPlan),
		"empty.txt":     nil,
		"binary.txt":    {0x00, 0x01, 0x02, 0xFF},
		"nomeasure.txt": []byte("这是一段没有编号的说明文字。"),
		"oneline.txt":   []byte(long),
		"onetable.txt":  []byte("序号重点任务责任单位完成时限" + strings.Repeat("市交通局、市民政局2021年底", size/5/40)),
		"corrupt.docx":  []byte("not a zip"),
		"sub/deep.md":   []byte(smallPlan),
		"broken.pdf":    []byte("%PDF-1.4"),
	}
	writeTree(t, dir, files)
	c, errs := Load([]string{dir, filepath.Join(dir, "missing.txt")})
	report := reportByFile(errs)
	for _, d := range c.Documents {
		if _, err := Segment(d); err != nil {
			report[d.File] = d.Source + ": " + err.Error()
		}
	}
	want := map[string]string{
		"empty.txt":     "empty file",
		"binary.txt":    "binary",
		"nomeasure.txt": "no recognisable measures in 42 bytes",
		"oneline.txt":   "no recognisable measures",
		"onetable.txt":  "no recognisable measures",
		"corrupt.docx":  "corrupt .docx",
		"missing.txt":   "no such file",
		"broken.pdf":    "damaged or not a PDF",
	}
	for file, msg := range want {
		if !strings.Contains(report[file], msg) || !strings.Contains(report[file], file) {
			t.Errorf("%s: report %q, want the file name and %q", file, report[file], msg)
		}
	}
	if len(report) != len(want) {
		t.Errorf("reports %v, want exactly %d", report, len(want))
	}
	var good int
	for _, d := range c.Documents {
		if d.File == "good.txt" || d.File == "deep.md" {
			good++
		}
	}
	if good != 2 {
		t.Errorf("read %d of the 2 good files", good)
	}
}

func TestManifestErrors(t *testing.T) {
	fsys := memFS(map[string]string{
		ManifestName: "file,region,level,colour,date\n" +
			"a.txt,某市,city,,2021-01-01\n" +
			"b.txt,,city,,2021-01-01\n" +
			"c.txt,某县,village,,2021-13-01\n" +
			"a.txt,某市,city,,\n",
	})
	_, err := readManifest(fsys, ManifestName)
	if err == nil {
		t.Fatal("bad manifest accepted")
	}
	for _, want := range []string{`line 1: unknown column "colour"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	fsys = memFS(map[string]string{ManifestName: "file,region,level,date\n" +
		"b.txt,,city,2021-01-01\n" +
		"c.txt,某县,village,2021-13-01\n" +
		"a.txt,某市,city,\n" +
		"a.txt,某市,city,\n"})
	_, err = readManifest(fsys, ManifestName)
	for _, want := range []string{"line 2: b.txt has no region", `line 3: unknown level "village"`,
		`line 3: date "2021-13-01" is not YYYY-MM-DD`, "line 5: a.txt is listed twice (also line 4)"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

// memFS holds files in memory (a folder on disk would outlive the test).
func memFS(files map[string]string) fs.FS {
	fsys := fstest.MapFS{}
	for n, s := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

// TestInferMetadata reads the seeds without their manifest: what the tool
// says it inferred must be what the seeds' README says of them.
func TestInferMetadata(t *testing.T) {
	sub, _ := fs.Sub(defaultCorpus, "corpus")
	tests := []struct{ file, region, number, date string }{
		{"000_50d23e7d7f02d89f.txt", "厦门市", "厦府办〔2021〕2号", "2021-01-14"},
		{"001_07c21b29b43e8eb6.txt", "青海省", "青政办〔2021〕12号", "2021-02-09"},
		{"002_8436166b0374edce.txt", "民政部", "", "2020-12-29"},
		{"003_f4ac198c78a4da61.txt", "福州市", "榕发改社〔2021〕52号", "2021-11-16"},
		{"004_39e0957d0ad3f9af.txt", "重庆市", "渝府办发〔2021〕44号", "2021-04-30"},
	}
	for _, tt := range tests {
		data, _ := fs.ReadFile(sub, tt.file)
		d, _ := readDocument(testReader, tt.file, data, false)
		inferMetadata(d)
		if d.Region != tt.region || d.Number != tt.number || d.Date.Format("2006-01-02") != tt.date {
			t.Errorf("%s: inferred %s %q %s; want %s %q %s", tt.file, d.Region, d.Number,
				d.Date.Format("2006-01-02"), tt.region, tt.number, tt.date)
		}
	}
}

// TestInferNumberAndDate: a document number is the bracketed year and number
// with up to 8 characters of issuer's code before them, after a title's 通知,
// not inside a quotation; a 成文日期 field wins, wherever it stands.
func TestInferNumberAndDate(t *testing.T) {
	for _, c := range []struct{ norm, want string }{
		{"渝府办发〔2021〕44号", "渝府办发〔2021〕44号"},
		{"关于做好服务工作的 通知渝府办发〔2021〕44号", "渝府办发〔2021〕44号"},
		{"关于做好服务工作的通知渝府办发〔2021〕44号", "渝府办发〔2021〕44号"},
		{"重庆市人民政府办公厅渝府办发〔2021〕44号", "府办公厅渝府办发〔2021〕44号"}, // a run of characters: its last 8
		{"市府办公厅渝府办发〔2021〕44号", "府办公厅渝府办发〔2021〕44号"},
		{"〔此件公开发布〕\n渝府办发〔2021〕44号", "渝府办发〔2021〕44号"},
		{"按照《国办发〔2020〕45号》要求", ""},
		{"〔2021〕44号", ""},
	} {
		if got := inferNumber(c.norm); got != c.want {
			t.Errorf("inferNumber(%q) = %q, want %q", c.norm, got, c.want)
		}
	}
	for _, norm := range []string{"成文日期:2021-06-10\n发布日期:2021-06-15", "发布日期:2021-06-15\n成文日期:2021-06-10"} {
		d, from, ok := inferDate(norm, strings.Split(norm, "\n"))
		if !ok || d.Format(time.DateOnly) != "2021-06-10" || from != FromSiteInfo {
			t.Errorf("inferDate(%q) = %s %s %v, want 2021-06-10 from the site's information", norm, d.Format(time.DateOnly), from, ok)
		}
	}
}

// maySign is only a quick test before signatureRe: on every line of the
// seeds, and on signatures written every way, where the regexp matches it
// says yes.
func TestMaySign(t *testing.T) {
	lines := []string{"厦门市人民政府办公厅 2021年1月15日", "民政部\t2020 年 12 月 1 日", "市委员会2021年3月2日", "到2022年底前完成", "2021年1月15日"}
	c, _ := DefaultCorpus()
	for _, doc := range c.Documents {
		lines = append(lines, strings.Split(NormalizeString(doc.Text), "\n")...)
	}
	signed := 0
	for _, line := range lines {
		if signatureRe.MatchString(line) {
			signed++
			if !maySign(line) {
				t.Errorf("maySign(%q) = false; the regexp matches", line)
			}
		}
	}
	if signed < 3 || maySign("到2022年底前完成") {
		t.Errorf("%d signatures; maySign(到2022年底前完成) = %v", signed, maySign("到2022年底前完成"))
	}
}

// TestLoadLinksAndHiddenFiles: a link to a file read already is reported
// as that file, a link to a folder is not followed, hidden files and
// folders are passed over unless named themselves.
func TestLoadLinksAndHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for _, name := range []string{"a/plan.txt", "a/.hidden.txt", "a/.drafts/draft.txt", "b/other.txt", ".secret/kept.txt", ".single.txt"} {
		files[name] = []byte(smallPlan)
	}
	writeTree(t, dir, files)
	if os.Symlink(filepath.Join(dir, "a", "plan.txt"), filepath.Join(dir, "a", "plan2.txt")) != nil ||
		os.Symlink(filepath.Join(dir, "b"), filepath.Join(dir, "a", "folder")) != nil {
		t.Skip("no symbolic links here")
	}
	c, errs := Load([]string{filepath.Join(dir, "a"), filepath.Join(dir, ".secret"), filepath.Join(dir, ".single.txt")})
	var got []string
	for _, d := range c.Documents {
		got = append(got, d.Name())
	}
	if want := []string{"plan.txt", "kept.txt", ".single.txt"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
	report := reportByFile(errs)
	want := map[string]string{
		"plan2.txt": "the same file as " + filepath.Join(dir, "a", "plan.txt") + ", read already",
		"folder":    "a link to a folder, not followed",
	}
	for file, msg := range want {
		if !strings.Contains(report[file], msg) {
			t.Errorf("%s: %q, want %q", file, report[file], msg)
		}
	}
	if len(report) != len(want) {
		t.Errorf("reports %v, want exactly %d", report, len(want))
	}
}

// TestQuoteName: a file name with a control character or a line separator
// is quoted in a message, so it cannot garble it or pass for a second one.
func TestQuoteName(t *testing.T) {
	for name, want := range map[string]string{
		"岱川县/方案.docx":  "岱川县/方案.docx",
		"a\nb.txt":     `"a\nb.txt"`,
		"a\tb.txt":     `"a\tb.txt"`,
		"a\x7fb.txt":   `"a\x7fb.txt"`,
		"a\u2028b.txt": `"a\u2028b.txt"`,
		"a\u2029b.txt": `"a\u2029b.txt"`,
		"a b.txt":      "a b.txt",
	} {
		if got := QuoteName(name); got != want {
			t.Errorf("QuoteName(%q) = %s, want %s", name, got, want)
		}
	}
}

// TestDocumentName: a document is named by its path below the folder read,
// by its file name when it was not read from a folder.
func TestDocumentName(t *testing.T) {
	if n := (&Document{File: "a.txt", Rel: "sub/a.txt"}).Name(); n != "sub/a.txt" {
		t.Errorf("Name() = %q, want sub/a.txt", n)
	}
	if n := (&Document{File: "a.txt"}).Name(); n != "a.txt" {
		t.Errorf("Name() = %q, want a.txt", n)
	}
}

// TestIssuerFromSignature: with no title naming it, the issuer is the
// body's name that signs the text, one or two lines above the date (a blank
// or a seal's line between), in the last 40 lines.
func TestIssuerFromSignature(t *testing.T) {
	body := strings.Repeat("各单位要加强服务保障。\n", 3)
	for _, c := range []struct{ text, want string }{
		{body + "岱川县人民政府办公室\n2021年6月10日\n", "岱川县人民政府办公室"},
		{body + "岱川县人民政府办公室\n（盖章）\n2021年6月10日\n", "岱川县人民政府办公室"},
		{body + "岱川县人民政府办公室\n\n\n2021年6月10日\n", ""},
		{body + "岱川县人民政府办公室\n2021年6月10日\n" + strings.Repeat("附件内容。\n", 38), ""},
		{body + "岱川县人民政府办公室\n2021年6月10日\n" + strings.Repeat("附件内容。\n", 37), "岱川县人民政府办公室"},
		{"岱川县人民政府办公室\n2021年6月10日", "岱川县人民政府办公室"}, // the signature's name on the first line
		// a title line names the issuer within the first 81 lines
		{strings.Repeat("\n", 80) + "岱川县人民政府办公室关于印发工作方案的通知\n", "岱川县人民政府办公室"},
		{strings.Repeat("\n", 81) + "岱川县人民政府办公室关于印发工作方案的通知\n", ""},
	} {
		if got, _ := inferIssuer(strings.Split(c.text, "\n")); got != c.want {
			t.Errorf("inferIssuer(…%q) = %q, want %q", c.text[len(body):min(len(c.text), len(body)+60)], got, c.want)
		}
	}
}

// TestLoadWithManifest: a folder's manifest gives each listed file its
// metadata (a file in a subfolder by its path from there, the nearest
// manifest first), names the files it lists that are missing, and applies to
// a file of its folder named alone; a README and a folder of policygap's
// outputs are not documents, unless a README is named itself; a file of an
// unknown kind is reported, and read as text when named alone.
func TestLoadWithManifest(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"manifest.csv":        []byte("file,region,level,parent,date,scope\na.txt,岱川县,county,江澜省,2021-06-10,T01;T02\nsub/b.txt,澜江市,city,,,\ngone.txt,云岭市,,,,\n"),
		"a.txt":               []byte(smallPlan),
		"sub/b.txt":           []byte(smallPlan),
		"README.md":           []byte("# 说明\n"),
		"notes.dat":           []byte(smallPlan),
		"out/" + OutputRecord: []byte("{}"),
		"out/results.json":    []byte("{}"),
		"deeper/manifest.csv": []byte("file,region\nc.txt,云岭市\n"),
		"deeper/c.txt":        []byte(smallPlan),
	}
	writeTree(t, dir, files)
	c, errs := Load([]string{dir})
	got := map[string]string{}
	for _, d := range c.Documents {
		got[d.Name()] = fmt.Sprintf("%s|%s|%s|%s|%v", d.Region, d.Level, d.Parent, d.Date.Format(time.DateOnly), d.Scope)
	}
	want := map[string]string{
		"a.txt":        "岱川县|county|江澜省|2021-06-10|[T01 T02]",
		"sub/b.txt":    "澜江市|city||0001-01-01|[]",
		"deeper/c.txt": "云岭市|||0001-01-01|[]",
	}
	if !maps.Equal(got, want) {
		t.Errorf("read %q\nwant %q", got, want)
	}
	for _, d := range c.Documents {
		if d.Name() == "sub/b.txt" && !maps.Equal(d.Origins, map[string]string{"region": FromManifest, "level": FromManifest}) {
			t.Errorf("sub/b.txt's fields from the manifest: %v; want region and level only (the others are blank)", d.Origins)
		}
	}
	report := reportByFile(errs)
	if len(report) != 3 || !strings.Contains(report["out"], "a folder of policygap's outputs") ||
		!strings.Contains(report["manifest.csv"], "names files that are not in its folder (line 4: gone.txt)") ||
		!strings.Contains(report["notes.dat"], "not a document format policygap reads (.dat)") {
		t.Errorf("reports %q; want the outputs folder, the manifest's missing file and the file of an unknown kind", report)
	}

	// named alone: a README is read, a file of an unknown kind is read as
	// text, and a file listed in its folder's manifest gets its row
	c, errs = Load([]string{filepath.Join(dir, "README.md"), filepath.Join(dir, "notes.dat"), filepath.Join(dir, "a.txt")})
	var alone []string
	for _, d := range c.Documents {
		alone = append(alone, d.Name()+" "+d.Region+" "+d.Date.Format(time.DateOnly))
	}
	if want := []string{"README.md README 0001-01-01", "notes.dat notes 0001-01-01", "a.txt 岱川县 2021-06-10"}; len(errs) != 0 || !slices.Equal(alone, want) {
		t.Errorf("read alone %q, %v; want %q", alone, errs, want)
	}
}

// writeTree writes files (paths below dir, folders made as needed).
func writeTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// reportByFile is what Load reported of each file, by its base name.
func reportByFile(errs []error) map[string]string {
	report := map[string]string{}
	for _, e := range errs {
		report[filepath.Base(e.(*FileError).File)] = e.Error()
	}
	return report
}

// TestCSVTable: a CSV table (a manifest) is read by its header, whatever the
// columns' order, case and blanks; a short row's missing cells are blank; each
// row knows its line; unknown and missing columns are named.
func TestCSVTable(t *testing.T) {
	data := gb18030(t, " File ,Region,备注\n岱川县.txt, 岱川县 ,x\n短行.txt\n\"两行\n文件.txt\",县\n")
	tab, problems, err := NewCSVTable(data, []string{"file", "region", "date"}, []string{"file", "date"})
	if err != nil {
		t.Fatal(err)
	}
	wantProblems := []string{`line 1: unknown column "备注" (known: file, region, date)`, `line 1: missing column "date"`}
	if !slices.Equal(problems, wantProblems) {
		t.Errorf("problems = %q, want %q", problems, wantProblems)
	}
	var got []string
	for {
		row, err := tab.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d|%s|%s|%s", row.Line, row.Get("file"), row.Get("region"), row.Get("date")))
	}
	want := []string{"2|岱川县.txt|岱川县|", "3|短行.txt||", "4|两行\n文件.txt|县|"}
	if !slices.Equal(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
	if _, _, err := NewCSVTable(nil, []string{"file"}, nil); err == nil {
		t.Error("an empty file gave no error")
	}
}

// TestReadFileBounds: a file of exactly the 64 MiB a document may have is
// read whole; one byte more is refused before it is read.
func TestReadFileBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: reads 64 MiB (about a second)")
	}
	dir := t.TempDir()
	for _, size := range []int64{formats.MaxDocumentBytes, formats.MaxDocumentBytes + 1} {
		f, err := os.Create(filepath.Join(dir, "a.txt"))
		if err == nil {
			err = f.Truncate(size) // sparse: no disk is used
			f.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := readFile(os.DirFS(dir), "a.txt")
		switch {
		case size == formats.MaxDocumentBytes && (err != nil || int64(len(data)) != size):
			t.Errorf("a file of the limit: %d bytes read, %v", len(data), err)
		case size > formats.MaxDocumentBytes && (err == nil || err.Error() != "file is 64 MiB, more than the 64 MiB a document may have: not read"):
			t.Errorf("one byte more: %v", err)
		}
	}
}
