package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runInProcess(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(args, &out, &errb)
	return out.String(), errb.String(), err
}

// TestDocumentsDevSet: one entry per file of the development set, with the
// reader, the encoding, the metadata and where it came from, and the
// measures each layout reader found.
func TestDocumentsDevSet(t *testing.T) {
	out, stderr, err := runInProcess(t, "documents", "--in", "../../testdata/devset/docs", "--format", "jsonl")
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	want := map[string]struct {
		format, encoding, region, level string
		measures                        int
		reader                          string
	}{
		"d01.docx": {"docx", "UTF-8", "云岭市", "city", 23, "outline"},
		"d02.docx": {"docx", "UTF-8", "泓安市", "city", 24, "table"},
		"d03.html": {"html", "GB18030", "芷川市", "city", 24, "table"},
		"d04.pdf":  {"pdf", "", "瀚州市", "city", 25, "outline"},
		"d05.txt":  {"txt", "GB18030", "梧溪市", "city", 17, "article"},
		"d06.md":   {"md", "UTF-8", "枫浦市", "city", 19, "outline"},
		"d07.txt":  {"txt", "UTF-8", "江澜省", "province", 25, "table"},
		"d08.txt":  {"txt", "UTF-8", "岱川县", "county", 24, "outline"},
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d entries, want %d", len(lines), len(want))
	}
	for _, l := range lines {
		var e documentEntry
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		w, ok := want[e.Doc]
		if !ok {
			t.Errorf("unexpected entry %s", e.Doc)
			continue
		}
		if e.Format != w.format || e.Encoding != w.encoding || e.Region != w.region || e.Level != w.level || e.Measures != w.measures || e.Readers[w.reader] == 0 {
			t.Errorf("%s: %s %s %s %s %d measures %v; want %+v", e.Doc, e.Format, e.Encoding, e.Region, e.Level, e.Measures, e.Readers, w)
		}
		found := 0
		for _, n := range e.Readers {
			found += n
		}
		if found != e.Measures {
			t.Errorf("%s: the readers %v found %d measures, the entry says %d", e.Doc, e.Readers, found, e.Measures)
		}
		if e.Sources["region"] != "issuer" || e.Sources["issuer"] == "" {
			t.Errorf("%s: sources %v", e.Doc, e.Sources)
		}
	}
}

// TestManifestRoundTrip: documents --format csv writes a manifest; corrected
// and put beside the documents, it is what the next run reads.
func TestManifestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("signed.txt", "各乡镇人民政府：\n一、便利就医\n（一）保留号源。医疗机构保留号源。（县卫健局负责）\n岱川县民政局\n2021年6月1日\n")
	write("sub/plan-07.txt", "关于便利老年人的几点意见\n一、便利出行\n（一）保留扬招。出租车保留扬招服务。（县交通局负责）\n")
	write("broken.docx", "not a zip")
	table, stderr, err := runInProcess(t, "documents", "--in", dir)
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	for _, want := range []string{"plan-07 (file name)", "unknown", "岱川县 (issuer)", "岱川县民政局 (signature)", "not a zip archive"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	csvOut, stderr, err := runInProcess(t, "documents", "--in", dir, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "broken.docx not listed") {
		t.Errorf("stderr %q does not say the unreadable file is not listed", stderr)
	}
	wantCSV := "file,region,level,parent,issuer,number,date,scope\n" +
		"signed.txt,岱川县,county,,岱川县民政局,,2021-06-01,\n" +
		"sub/plan-07.txt,plan-07,unknown,,,,,\n"
	if csvOut != wantCSV {
		t.Fatalf("csv\n%s\nwant\n%s", csvOut, wantCSV)
	}
	// the planner corrects the region Excel shows, and saves it beside the documents
	write("manifest.csv", strings.Replace(csvOut, "sub/plan-07.txt,plan-07,unknown,", "sub/plan-07.txt,岱川县,county,", 1))
	out, stderr, err := runInProcess(t, "documents", "--in", dir, "--format", "jsonl")
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	var plan documentEntry
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e documentEntry
		json.Unmarshal([]byte(l), &e)
		if e.Doc == "sub/plan-07.txt" {
			plan = e
		}
	}
	if plan.Region != "岱川县" || plan.Level != "county" || plan.Sources["region"] != "manifest" {
		t.Errorf("after the manifest: %+v", plan)
	}
	records, _, err := runInProcess(t, "measures", "--in", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(records, `"key":"岱川县/sub/plan-07.txt#1.1"`) {
		t.Errorf("measures do not carry the manifest's region:\n%s", records)
	}
}
