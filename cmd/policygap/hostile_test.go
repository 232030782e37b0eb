//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// The catalogue of hostile and mistaken inputs (issue 16): every row is a
// run of the real binary, which must end (within its time), in bounded
// memory, with the exit code and the message the row expects, never with Go
// internals in the message; nothing it could read is lost.

const planText = "一、便利就医\n（一）保留现场号源。医疗机构保留号源。（市卫健委负责）\n（二）推广预约挂号。开通电话预约。（市卫健委负责，2021年底前）\n"

type hostile struct {
	name  string
	setup func(t *testing.T, dir string) []string // writes the inputs, returns the arguments
	code  int
	says  []string // each in stderr
	check func(t *testing.T, dir, stdout, stderr string)
	slow  bool // over a second: skipped with -short, as .ci/mutation runs the suite once per mutant
}

func put(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// zipOf is a zip archive of the named parts; a part whose content is nil is
// written raw, declaring an expanded size of declared bytes (a zip bomb's
// header).
func zipOf(t *testing.T, parts map[string][]byte, declared uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		if content == nil {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, UncompressedSize64: declared, CompressedSize64: 2})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte{3, 0}) // an empty deflate stream
			continue
		}
		w, _ := zw.Create(name)
		w.Write(content)
	}
	zw.Close()
	return buf.Bytes()
}

// measures counts the records on stdout.
func measures(stdout string) int { return strings.Count(stdout, `"key":`) }

func wantMeasures(n int) func(t *testing.T, dir, stdout, stderr string) {
	return func(t *testing.T, dir, stdout, stderr string) {
		if got := measures(stdout); got != n {
			t.Errorf("%d measures, want %d", got, n)
		}
	}
}

func inDir(files map[string][]byte, extra ...string) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		for name, data := range files {
			put(t, filepath.Join(dir, "in", name), data)
		}
		return append([]string{"measures", "--in", filepath.Join(dir, "in")}, extra...)
	}
}

func withPlan(name string, data []byte) map[string][]byte {
	return map[string][]byte{"plan.txt": []byte(planText), name: data}
}

func utf16le(s string) []byte {
	b, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	return b
}

func gbk(s string) []byte {
	b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	return b
}

// reportIn runs report on dir/in (made by files) into dir/out, as JSON.
func reportIn(files map[string][]byte, extra ...string) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		if files == nil {
			files = map[string][]byte{"厦门市.txt": []byte(planText)}
		}
		for name, data := range files {
			put(t, filepath.Join(dir, "in", name), data)
		}
		return append([]string{"report", "--in", filepath.Join(dir, "in"), "--out", filepath.Join(dir, "out"), "--format", "json", "--as-of", "2022-06-30"}, extra...)
	}
}

// reportWith is report with a flag naming a file that make writes in dir.
func reportWith(flag string, make func(t *testing.T, dir string) string) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		return append(reportIn(nil)(t, dir), flag, make(t, dir))
	}
}

func fifo(name string) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func file(name string, data []byte) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string { return put(t, filepath.Join(dir, name), data) }
}

// baselineResults is a results.json of the bundled corpus, made once.
var baselineResults []byte

func baseline(t *testing.T, edit func(m map[string]any)) []byte {
	t.Helper()
	if baselineResults == nil {
		out := filepath.Join(t.TempDir(), "base")
		if b, err := exec.Command(binary, "report", "--in", "../../regions/corpus", "--out", out, "--format", "json", "--as-of", "2022-06-30").CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		baselineResults, _ = os.ReadFile(filepath.Join(out, "results.json"))
	}
	var m map[string]any
	json.Unmarshal(baselineResults, &m)
	edit(m)
	b, _ := json.Marshal(m)
	return b
}

func resultsJSON(t *testing.T, dir string) map[string]any {
	t.Helper()
	var m map[string]any
	data, err := os.ReadFile(filepath.Join(dir, "out", "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(data, &m)
	return m
}

func hostileCases() []hostile {
	manifest := func(body string) map[string][]byte {
		return map[string][]byte{"plan.txt": []byte(planText), "manifest.csv": []byte("file,region,level,date,scope\n" + body)}
	}
	return []hostile{
		// documents that cannot be read: reported, the others read
		{name: "empty file", setup: inDir(withPlan("empty.txt", nil)), says: []string{"empty.txt: empty file"}, check: wantMeasures(2)},
		{name: "only an empty file", setup: inDir(map[string][]byte{"empty.txt": nil}), code: 1, says: []string{"empty.txt: empty file", "no measures found"}},
		{name: "binary named .txt", setup: inDir(withPlan("bin.txt", []byte("\x00\x01\x02PK\x03\x04\xff\xfe\x00\x00garbage"))), says: []string{"bin.txt: binary file"}, check: wantMeasures(2)},
		{name: "control characters", setup: inDir(withPlan("ctl.txt", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100))), says: []string{"ctl.txt:", "not text"}, check: wantMeasures(2)},
		{name: "bad UTF-8 after a BOM", setup: inDir(withPlan("bom.txt", []byte("\xEF\xBB\xBF\xff\xfe一、"))), says: []string{"bom.txt: not valid UTF-8"}, check: wantMeasures(2)},
		{name: "docx not a zip", setup: inDir(withPlan("a.docx", []byte("not a zip"))), says: []string{"a.docx:", "not a zip archive"}, check: wantMeasures(2)},
		{name: "docx without its document", setup: func(t *testing.T, dir string) []string {
			return inDir(withPlan("a.docx", zipOf(t, map[string][]byte{"word/styles.xml": []byte("<x/>")}, 0)))(t, dir)
		}, says: []string{"a.docx:", "word/document.xml"}, check: wantMeasures(2)},
		{name: "docx zip bomb", setup: func(t *testing.T, dir string) []string {
			return inDir(withPlan("bomb.docx", zipOf(t, map[string][]byte{"word/document.xml": nil}, 3<<30)))(t, dir)
		}, says: []string{"bomb.docx:", "zip bomb"}, check: wantMeasures(2)},
		{name: "docx nested 200,000 deep", setup: func(t *testing.T, dir string) []string {
			deep := "<w:document xmlns:w=\"w\"><w:body>" + strings.Repeat("<w:x>", 200000) + strings.Repeat("</w:x>", 200000) + "</w:body></w:document>"
			return inDir(withPlan("deep.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte(deep)}, 0)))(t, dir)
		}, says: []string{"deep.docx:", "nested more than"}, check: wantMeasures(2)},
		{name: "docx of broken XML", setup: func(t *testing.T, dir string) []string {
			return inDir(withPlan("x.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p>")}, 0)))(t, dir)
		}, says: []string{"x.docx:"}, check: wantMeasures(2)},
		{name: "pdf of garbage", setup: inDir(withPlan("a.pdf", []byte("%PDF-1.4\ngarbage"))), says: []string{"a.pdf:"}, check: wantMeasures(2)},
		{name: "pdf without text", setup: func(t *testing.T, dir string) []string {
			pdf := "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
			return inDir(withPlan("scan.pdf", []byte(pdf)))(t, dir)
		}, says: []string{"scan.pdf:", "no text layer"}, check: wantMeasures(2)},
		{name: "html of binary", setup: inDir(withPlan("a.html", []byte("\x00\x00\x00\x01\x02"))), says: []string{"a.html:"}, check: wantMeasures(2)},
		{name: "html nested 100,000 deep", setup: inDir(withPlan("deep.html", []byte("<html><body>"+strings.Repeat("<div>", 100000)+planText+strings.Repeat("</div>", 100000)))),
			says: []string{"deep.html: HTML elements nested more than 512 deep"}, check: wantMeasures(2)},
		{name: "markdown nested 50,000 quotes", slow: true, setup: inDir(withPlan("deep.md", []byte(strings.Repeat(">", 50000)+" 前言\n"))),
			says: []string{"deep.md: no recognisable measures"}, check: wantMeasures(2)},
		{name: "10 MB on one line", slow: true, setup: inDir(withPlan("line.txt", bytes.Repeat([]byte("推广预约挂号，开通电话预约"), 10<<20/39))), check: func(t *testing.T, dir, stdout, stderr string) {
			if measures(stdout) < 2 {
				t.Error("the planText beside a 10 MB line lost")
			}
		}},
		{name: "a body named 70,000 times on one line", setup: inDir(withPlan("subj.txt", bytes.Repeat([]byte("市民政局要做好服务，"), 2<<20/30))), check: func(t *testing.T, dir, stdout, stderr string) {
			if measures(stdout) < 3 || !strings.Contains(stdout, `"units":["市民政局"]`) {
				t.Errorf("the line's measure, its one unit, and the plan's: %d measures", measures(stdout))
			}
		}},
		{name: "an enumeration of 70,000 clauses on one line", slow: true, setup: inDir(withPlan("enum.txt", bytes.Repeat([]byte("一是县交通局要做好；"), 2<<20/30))), check: func(t *testing.T, dir, stdout, stderr string) {
			if n := measures(stdout); n < 2<<20/30 {
				t.Errorf("%d measures, want one a clause", n)
			}
		}},
		{name: "text over 16 MiB", setup: inDir(withPlan("long.txt", bytes.Repeat([]byte("推广预约挂号。\n"), 17<<20/22))), says: []string{"long.txt: its text is 17.0 MiB, more than the 16 MiB"}, check: wantMeasures(2)},
		{name: "file over 64 MiB", setup: func(t *testing.T, dir string) []string {
			args := inDir(withPlan("x", nil))(t, dir)
			os.Remove(filepath.Join(dir, "in", "x"))
			f, _ := os.Create(filepath.Join(dir, "in", "big.txt"))
			f.Truncate(3 << 30) // sparse: 3 GB that take no disk
			f.Close()
			return args
		}, says: []string{"big.txt: file is 3072 MiB, more than the 64 MiB"}, check: wantMeasures(2)},
		{name: "named pipe", setup: func(t *testing.T, dir string) []string {
			args := inDir(withPlan("x", nil))(t, dir)
			os.Remove(filepath.Join(dir, "in", "x"))
			fifo("in/p.txt")(t, dir)
			return args
		}, says: []string{"p.txt: not a regular file but a named pipe"}, check: wantMeasures(2)},
		{name: "named pipe given alone", setup: func(t *testing.T, dir string) []string {
			return []string{"measures", "--in", fifo("p.txt")(t, dir)}
		}, code: 1, says: []string{"p.txt: not a regular file but a named pipe"}},
		{name: "link to /dev/zero", setup: func(t *testing.T, dir string) []string {
			args := inDir(withPlan("x", nil))(t, dir)
			os.Remove(filepath.Join(dir, "in", "x"))
			os.Symlink("/dev/zero", filepath.Join(dir, "in", "zero.txt"))
			return args
		}, says: []string{"zero.txt: not a regular file but a character device"}, check: wantMeasures(2)},
		{name: "link to a folder", setup: func(t *testing.T, dir string) []string {
			args := inDir(withPlan("x", nil))(t, dir)
			os.Remove(filepath.Join(dir, "in", "x"))
			put(t, filepath.Join(dir, "other", "plan2.txt"), []byte(planText))
			os.Symlink(filepath.Join(dir, "other"), filepath.Join(dir, "in", "linked"))
			return args
		}, says: []string{"linked: a link to a folder, not followed"}, check: wantMeasures(2)},
		{name: "broken link", setup: func(t *testing.T, dir string) []string {
			args := inDir(withPlan("x", nil))(t, dir)
			os.Remove(filepath.Join(dir, "in", "x"))
			os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "in", "gone.txt"))
			return args
		}, says: []string{"gone.txt: no such file or directory"}, check: wantMeasures(2)},
		{name: "link to a document", setup: func(t *testing.T, dir string) []string {
			put(t, filepath.Join(dir, "elsewhere", "plan.txt"), []byte(planText))
			os.MkdirAll(filepath.Join(dir, "in"), 0o755)
			os.Symlink(filepath.Join(dir, "elsewhere", "plan.txt"), filepath.Join(dir, "in", "linked.txt"))
			return []string{"measures", "--in", filepath.Join(dir, "in")}
		}, check: wantMeasures(2)},
		{name: "hidden files and README skipped", setup: inDir(map[string][]byte{"plan.txt": []byte(planText), ".DS_Store": []byte("\x00\x01"), "README.md": []byte(planText), ".hidden/x.txt": []byte(planText)}), check: func(t *testing.T, dir, stdout, stderr string) {
			if measures(stdout) != 2 || strings.Contains(stderr, "policygap: skipped") {
				t.Errorf("%d measures; stderr %q", measures(stdout), stderr)
			}
		}},
		{name: "OFD", setup: inDir(withPlan("a.ofd", []byte("PK\x03\x04"))), says: []string{"a.ofd: OFD"}, check: wantMeasures(2)},
		{name: "spreadsheet among documents", setup: inDir(withPlan("tasks.xlsx", []byte("PK\x03\x04"))), says: []string{"tasks.xlsx: .xlsx is a spreadsheet"}, check: wantMeasures(2)},
		{name: "unknown ending", setup: inDir(withPlan("a.zip", []byte("PK"))), says: []string{"a.zip: not a document format policygap reads (.zip)"}, check: wantMeasures(2)},
		{name: "no ending in a folder", setup: inDir(withPlan("notes", []byte(planText))), says: []string{"notes: not a document format policygap reads (no file ending)"}, check: wantMeasures(2)},
		{name: "no ending given alone", setup: func(t *testing.T, dir string) []string {
			return []string{"measures", "--in", put(t, filepath.Join(dir, "notes"), []byte(planText))}
		}, check: wantMeasures(2)},
		{name: "garbage .doc", slow: true, setup: func(t *testing.T, dir string) []string {
			if _, err := exec.LookPath("soffice"); err != nil {
				t.Skip("soffice not installed: the message for .doc without LibreOffice is tested in formats")
			}
			return inDir(withPlan("old.doc", []byte("\xD0\xCF\x11\xE0garbage")))(t, dir)
		}, says: []string{"old.doc:"}, check: wantMeasures(2)},
		{name: "a newline in a file name", setup: inDir(withPlan("bad\nname.txt", nil)), says: []string{`bad\nname.txt": empty file`}, check: wantMeasures(2)},
		{name: "an escape in a file name", setup: inDir(withPlan("\x1b[31mred.txt", nil)), says: []string{`\x1b[31mred.txt": empty file`}, check: wantMeasures(2)},
		{name: "UTF-16 without BOM", setup: inDir(map[string][]byte{"u16.txt": utf16le(planText)}), check: wantMeasures(2)},
		{name: "UTF-16 with BOM", setup: inDir(map[string][]byte{"u16.txt": append([]byte{0xFF, 0xFE}, utf16le(planText)...)}), check: wantMeasures(2)},
		{name: "GB18030", setup: inDir(map[string][]byte{"gb.txt": gbk(planText)}), check: wantMeasures(2)},
		{name: "CR line endings", setup: inDir(map[string][]byte{"mac.txt": []byte(strings.ReplaceAll(planText, "\n", "\r"))}), check: wantMeasures(2)},
		{name: "CRLF line endings", setup: inDir(map[string][]byte{"dos.txt": []byte(strings.ReplaceAll(planText, "\n", "\r\n"))}), check: wantMeasures(2)},
		{name: "no measures anywhere", setup: inDir(map[string][]byte{"note.txt": []byte("各位同事：今天天气很好。\n")}), code: 1, says: []string{"no measures found in 1 document"}},
		// command lines
		{name: "--in missing", setup: func(t *testing.T, dir string) []string {
			return []string{"measures", "--in", filepath.Join(dir, "nope")}
		}, code: 1, says: []string{"nope: no such file or directory", "no measures found in 0"}},
		{name: "--in empty", setup: func(t *testing.T, dir string) []string { return []string{"measures", "--in", ""} }, code: 2, says: []string{"--in is empty"}},
		{name: "--in a second time empty", setup: func(t *testing.T, dir string) []string { return []string{"report", "--in", dir, "--in="} }, code: 2, says: []string{"--in is empty"}},
		{name: "--in with a comma in the path", setup: func(t *testing.T, dir string) []string {
			put(t, filepath.Join(dir, "a,b", "plan.txt"), []byte(planText))
			return []string{"measures", "--in", filepath.Join(dir, "a,b")}
		}, check: wantMeasures(2)},
		{name: "one file through two --in", setup: func(t *testing.T, dir string) []string {
			args := inDir(map[string][]byte{"plan.txt": []byte(planText)})(t, dir)
			return append(args, "--in", filepath.Join(dir, "in", "plan.txt"))
		}, says: []string{"the same file as"}, check: wantMeasures(2)},
		{name: "one name in two folders", setup: func(t *testing.T, dir string) []string {
			put(t, filepath.Join(dir, "a", "plan.txt"), []byte(planText))
			put(t, filepath.Join(dir, "b", "plan.txt"), []byte(planText))
			return []string{"measures", "--in", filepath.Join(dir, "a"), "--in", filepath.Join(dir, "b")}
		}, says: []string{"b/plan.txt: its measures would have the keys of"}, check: wantMeasures(2)},
		{name: "one name in two subfolders", setup: inDir(map[string][]byte{"a/plan.txt": []byte(planText), "b/plan.txt": []byte(planText)}), check: func(t *testing.T, dir, stdout, stderr string) {
			if measures(stdout) != 4 || !strings.Contains(stdout, `"doc":"a/plan.txt"`) || !strings.Contains(stdout, `"doc":"b/plan.txt"`) {
				t.Errorf("two files of one name: %d measures, keys %v", measures(stdout), strings.Count(stdout, `plan.txt#`))
			}
		}},
		{name: "outputs inside the documents", setup: func(t *testing.T, dir string) []string {
			args := inDir(map[string][]byte{"plan.txt": []byte(planText), "out/results.json": []byte("{}"), "out/dashboard.html": []byte("<html>" + planText), "out/policygap-run.json": []byte("{}")})(t, dir)
			return args
		}, says: []string{"out: a folder of policygap's outputs"}, check: wantMeasures(2)},
		// manifests
		{name: "manifest in GBK", setup: inDir(map[string][]byte{"plan.txt": []byte(planText), "manifest.csv": gbk("file,region,level\nplan.txt,岱川县,county\n")}), check: func(t *testing.T, dir, stdout, stderr string) {
			if !strings.Contains(stdout, `"region":"岱川县"`) {
				t.Errorf("the GBK manifest's region not applied: %.200s", stdout)
			}
		}},
		{name: "manifest names a missing file", setup: inDir(manifest("plan.txt,岱川县,county,,\nplam.txt,岱川县,county,,\n")), says: []string{"manifest.csv: names files that are not in its folder (line 3: plam.txt)"}, check: wantMeasures(2)},
		{name: "manifest bad level", setup: inDir(manifest("plan.txt,岱川县,village,,\n")), says: []string{`line 2: unknown level "village"`}, check: wantMeasures(2)},
		{name: "manifest bad date", setup: inDir(manifest("plan.txt,岱川县,county,2021-13-01,\n")), says: []string{`date "2021-13-01" is not YYYY-MM-DD`}, check: wantMeasures(2)},
		{name: "manifest without region column", setup: inDir(map[string][]byte{"plan.txt": []byte(planText), "manifest.csv": []byte("file,level\nplan.txt,county\n")}), says: []string{"manifest.csv:", "region"}, check: wantMeasures(2)},
		{name: "manifest lists a file twice", setup: inDir(manifest("plan.txt,岱川县,county,,\nplan.txt,岱川县,county,,\n")), says: []string{"listed twice"}, check: wantMeasures(2)},
		{name: "manifest row without region", setup: inDir(manifest("plan.txt,,county,,\n")), says: []string{"plan.txt has no region"}, check: wantMeasures(2)},
		{name: "manifest empty", setup: inDir(map[string][]byte{"plan.txt": []byte(planText), "manifest.csv": nil}), check: wantMeasures(2)},
		{name: "manifest binary", setup: inDir(map[string][]byte{"plan.txt": []byte(planText), "manifest.csv": []byte("\x00\x01\x02\x03")}), says: []string{"manifest.csv:", "binary"}, check: wantMeasures(2)},
		{name: "manifest a named pipe", setup: func(t *testing.T, dir string) []string {
			args := inDir(map[string][]byte{"plan.txt": []byte(planText)})(t, dir)
			fifo("in/manifest.csv")(t, dir)
			return args
		}, says: []string{"manifest.csv: not a regular file but a named pipe"}, check: wantMeasures(2)},
		{name: "manifest with a quote left open", setup: inDir(manifest("plan.txt,\"岱川县,county,,\n")), says: []string{"manifest.csv:"}, check: wantMeasures(2)},
		// the report's outputs
		{name: "--out is a file", setup: func(t *testing.T, dir string) []string {
			args := reportIn(nil)(t, dir)
			put(t, filepath.Join(dir, "out"), []byte("x"))
			return args
		}, code: 1, says: []string{"is a file, not a folder"}},
		{name: "--out holds other files", setup: func(t *testing.T, dir string) []string {
			args := reportIn(nil)(t, dir)
			put(t, filepath.Join(dir, "out", "my notes.docx"), []byte("x"))
			return args
		}, code: 1, says: []string{"holds what policygap did not write (my notes.docx)"}, check: func(t *testing.T, dir, stdout, stderr string) {
			if b, _ := os.ReadFile(filepath.Join(dir, "out", "my notes.docx")); string(b) != "x" {
				t.Error("the user's file was touched")
			}
		}},
		{name: "a file named briefs in --out", setup: func(t *testing.T, dir string) []string {
			args := reportIn(nil)(t, dir)
			put(t, filepath.Join(dir, "out", "briefs"), []byte("x"))
			return args
		}, code: 1, says: []string{"(briefs)"}},
		{name: "--out inside --in", setup: func(t *testing.T, dir string) []string {
			args := reportIn(nil)(t, dir)
			return append(args, "--out", filepath.Join(dir, "in", "out"))
		}, code: 2, says: []string{"is inside --in"}},
		{name: "--out empty", setup: func(t *testing.T, dir string) []string { return append(reportIn(nil)(t, dir), "--out", "") }, code: 1, says: []string{"--out is empty"}},
		{name: "--out the root", setup: func(t *testing.T, dir string) []string { return append(reportIn(nil)(t, dir), "--out", "/") }, code: 1, says: []string{"root of the file system"}},
		{name: "a document without measures in a report", setup: reportIn(map[string][]byte{"厦门市.txt": []byte(planText), "空文.txt": []byte("各位同事：今天天气很好。\n")}), check: func(t *testing.T, dir, stdout, stderr string) {
			res := resultsJSON(t, dir)
			for _, r := range res["regions"].([]any) {
				if r.(map[string]any)["name"] == "空文" {
					t.Error("a document without measures is ranked as a region")
				}
			}
			found := false
			for _, in := range res["manifest"].(map[string]any)["inputs"].([]any) {
				in := in.(map[string]any)
				if in["file"] == "空文.txt" {
					found = in["measures"] == 0.0 && in["problem"] != nil
				}
			}
			if !found {
				t.Error("results.json does not say the document gave no measure, and why")
			}
		}},
		{name: "an unreadable file in a report", setup: reportIn(map[string][]byte{"厦门市.txt": []byte(planText), "broken.docx": []byte("x")}), check: func(t *testing.T, dir, stdout, stderr string) {
			unread, _ := resultsJSON(t, dir)["manifest"].(map[string]any)["unread"].([]any)
			if len(unread) != 1 || !strings.Contains(unread[0].(map[string]any)["file"].(string), "broken.docx") {
				t.Errorf("results.json's unread files: %v", unread)
			}
		}},
		{name: "a scope no task or area has", setup: reportIn(map[string][]byte{"plan.txt": []byte(planText), "manifest.csv": []byte("file,region,scope\nplan.txt,厦门市,T99;A1\n")}), code: 1, says: []string{"plan.txt: scope T99", "tasks T01 … S5"}},
		// files the flags name
		{name: "--baseline not JSON", setup: reportWith("--baseline", file("b.json", []byte("<html>"))), code: 1, says: []string{"b.json: not a policygap results.json (invalid JSON at byte 1)"}},
		{name: "--baseline of another shape", setup: reportWith("--baseline", file("b.json", []byte(`{"manifest":{"as_of":"2021-01-01"}}`))), code: 1, says: []string{"cannot serve as the baseline", `no manifest.tool "policygap"`}},
		{name: "--baseline with a wrong type", setup: reportWith("--baseline", file("b.json", []byte(`{"manifest":{"as_of":5}}`))), code: 1, says: []string{"manifest.as_of holds a JSON number"}},
		{name: "--baseline of another version", setup: reportWith("--baseline", func(t *testing.T, dir string) string {
			return file("b.json", baseline(t, func(m map[string]any) { m["manifest"].(map[string]any)["version"] = "0.3.1" }))(t, dir)
		}), code: 1, says: []string{"made by policygap 0.3.1"}},
		{name: "--baseline on another taxonomy", setup: reportWith("--baseline", func(t *testing.T, dir string) string {
			return file("b.json", baseline(t, func(m map[string]any) {
				m["manifest"].(map[string]any)["taxonomy"].(map[string]any)["hash"] = "0123456789abcdef"
			}))(t, dir)
		}), code: 1, says: []string{"mapped onto another taxonomy"}},
		{name: "--baseline without measures", setup: reportWith("--baseline", func(t *testing.T, dir string) string {
			return file("b.json", baseline(t, func(m map[string]any) { delete(m, "measures") }))(t, dir)
		}), code: 1, says: []string{"lacks the measures or the coverage"}},
		{name: "--baseline a good one", setup: reportWith("--baseline", func(t *testing.T, dir string) string {
			return file("b.json", baseline(t, func(map[string]any) {}))(t, dir)
		})},
		{name: "--baseline a named pipe", setup: reportWith("--baseline", fifo("b.json")), code: 1, says: []string{"--baseline", "not a regular file"}},
		{name: "--baseline a folder", setup: reportWith("--baseline", func(t *testing.T, dir string) string { return dir }), code: 1, says: []string{"is a folder"}},
		{name: "--overrides unknown measure and bad action together", setup: reportWith("--overrides", file("o.csv", []byte("measure,action,tasks,reviewer,date,reason\n厦门市/nope.txt#1,remap,T01,王,2022-01-01,x\n厦门市/厦门市.txt#1.1,frobnicate,,王,2022-01-01,x\n"))),
			code: 1, says: []string{"line 2: measure 厦门市/nope.txt#1 is not in this run", `line 3: action "frobnicate"`}},
		{name: "--overrides in GBK", setup: reportWith("--overrides", file("o.csv", gbk("measure,action,tasks,reviewer,date,reason\n厦门市/厦门市.txt#1.1,确认,,王审核,2022-01-01,核实\n")))},
		{name: "--overrides empty", setup: reportWith("--overrides", file("o.csv", nil)), code: 1, says: []string{"o.csv: no header line"}},
		{name: "--overrides missing", setup: reportWith("--overrides", func(t *testing.T, dir string) string { return filepath.Join(dir, "none.csv") }), code: 1, says: []string{"--overrides", "none.csv: no such file or directory"}},
		{name: "--ledger a Word file", setup: reportWith("--ledger", func(t *testing.T, dir string) string {
			docx, _ := filepath.Abs("../../testdata/devset/docs/d01.docx")
			return docx
		}), code: 1, says: []string{"a Word document (.docx), not a workbook"}},
		{name: "--ledger an old .xls", setup: reportWith("--ledger", file("l.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"))), code: 1, says: []string{"an old Excel .xls file"}},
		{name: "--ledger a zip bomb", setup: reportWith("--ledger", func(t *testing.T, dir string) string {
			return file("bomb.xlsx", zipOf(t, map[string][]byte{"xl/worksheets/sheet1.xml": nil, "[Content_Types].xml": []byte("<x/>")}, 3<<30))(t, dir)
		}), code: 1, says: []string{"zip bomb"}},
		{name: "--ledger some zip", setup: reportWith("--ledger", func(t *testing.T, dir string) string {
			return file("l.xlsx", zipOf(t, map[string][]byte{"a.txt": []byte("x")}, 0))(t, dir)
		}), code: 1, says: []string{"a zip archive, not a workbook"}},
		{name: "--ledger text", setup: reportWith("--ledger", file("l.xlsx", []byte("key,status\n"))), code: 1, says: []string{"not a workbook (.xlsx)"}},
		{name: "--taxonomy broken YAML", setup: reportWith("--taxonomy", file("t.yaml", []byte("areas: [\n"))), code: 1, says: []string{"t.yaml"}},
		{name: "--taxonomy a named pipe", setup: reportWith("--taxonomy", fifo("t.yaml")), code: 1, says: []string{"--taxonomy", "not a regular file"}},
		{name: "--as-of not a date", setup: func(t *testing.T, dir string) []string { return append(reportIn(nil)(t, dir), "--as-of", "30/06/2022") }, code: 2, says: []string{"--as-of"}},
		{name: "--format unknown", setup: func(t *testing.T, dir string) []string { return append(reportIn(nil)(t, dir), "--format", "docx") }, code: 2, says: []string{`--format "docx"`}},
		{name: "--lang unknown", setup: func(t *testing.T, dir string) []string { return append(reportIn(nil)(t, dir), "--lang", "fr") }, code: 2, says: []string{`--lang "fr"`}},
		{name: "unknown command", setup: func(t *testing.T, dir string) []string { return []string{"reprot"} }, code: 2, says: []string{`unknown command "reprot"`}},
		{name: "unknown flag", setup: func(t *testing.T, dir string) []string { return []string{"measures", "--inn", dir} }, code: 2, says: []string{"unknown flag: --inn"}},
	}
}

// TestHostileInputs runs the catalogue.
func TestHostileInputs(t *testing.T) {
	cases := hostileCases()
	if len(cases) < 70 {
		t.Errorf("the catalogue has %d cases; issue 16 asks for at least 70", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.slow && testing.Short() {
				t.Skip("slow; -short")
			}
			dir := t.TempDir()
			args := c.setup(t, dir)
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, binary, args...)
			cmd.Dir = dir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("hung: still running after 60 s")
			}
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.code, stderr.String())
			}
			for _, s := range c.says {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			for _, internal := range []string{"panic", "goroutine ", "runtime error", "Go struct", "cannot unmarshal", ".go:", "open /", "lstat ", "stat /"} {
				if strings.Contains(stderr.String(), internal) {
					t.Errorf("Go internals in the message (%q):\n%s", internal, stderr.String())
				}
			}
			if rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss; rss > 1<<20 { // KiB
				t.Errorf("peak memory %d MiB", rss>>10)
			}
			if c.check != nil {
				c.check(t, dir, stdout.String(), stderr.String())
			}
		})
	}
}
