package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var binary string

// runMainEnv makes the test binary, run again by the end-to-end tests, be
// the command itself: the tests run the code they were built from, and a
// change to it can never pass from a cached result of an older build.
const runMainEnv = "POLICYGAP_TEST_RUN_MAIN"

// TestMain lets the end-to-end tests run the real command as a user would:
// the test binary re-executed with runMainEnv set.
func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	binary = exe
	os.Setenv(runMainEnv, "1") // for the children only: this process has passed the check
	os.Exit(m.Run())
}

func runBinary(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestMeasuresJSONLOnSeeds(t *testing.T) {
	out, stderr, code := runBinary(t, "measures", "--in", "../../regions/corpus", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	docs := map[string]int{}
	for i, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, field := range []string{"region", "doc", "id", "section", "title", "text", "tasks", "provisions", "units", "lead", "deadline"} {
			if _, ok := r[field]; !ok {
				t.Fatalf("line %d lacks %q: %s", i+1, field, l)
			}
		}
		dl := r["deadline"].(map[string]any)
		if k := dl["kind"]; k != "date" && k != "ongoing" && k != "none" {
			t.Errorf("line %d: deadline kind %v", i+1, k)
		}
		docs[r["doc"].(string)]++
	}
	if len(docs) != 5 {
		t.Errorf("measures from %d documents, want 5: %v", len(docs), docs)
	}
	// the bundled corpus, with no --in, is the same corpus
	bundled, _, _ := runBinary(t, "measures")
	if bundled != out {
		t.Error("measures with no --in differs from measures --in regions/corpus")
	}
}

func TestMeasuresCSV(t *testing.T) {
	out, stderr, code := runBinary(t, "measures", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	jsonl, _, _ := runBinary(t, "measures")
	if want := strings.Count(jsonl, "\n"); len(rows)-1 != want {
		t.Errorf("csv has %d measures, jsonl %d", len(rows)-1, want)
	}
	if rows[0][0] != "key" || rows[0][13] != "deadline" || rows[0][14] != "deadline_kind" {
		t.Errorf("header %v", rows[0])
	}
	// each row's deadline as the JSON record has it: the date only for a
	// dated one, and its kind
	recs := strings.Split(strings.TrimSpace(jsonl), "\n")
	kinds := map[string]int{}
	for i, row := range rows[1:] {
		var rec struct {
			Key      string
			Deadline struct {
				Date *string
				Kind string
			}
		}
		json.Unmarshal([]byte(recs[i]), &rec)
		date := ""
		if rec.Deadline.Date != nil {
			date = *rec.Deadline.Date
		}
		if row[0] != rec.Key || row[13] != date || row[14] != rec.Deadline.Kind {
			t.Fatalf("csv %s: deadline %q kind %q; jsonl %q %q", row[0], row[13], row[14], date, rec.Deadline.Kind)
		}
		kinds[row[14]]++
	}
	if kinds["date"] == 0 || kinds["ongoing"] == 0 || kinds["none"] == 0 {
		t.Errorf("deadline kinds %v: each kind should appear in the seeds", kinds)
	}
}

func TestMeasuresBadInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "plan.txt"), []byte("一、便利就医\n（一）保留现场号源。医疗机构保留号源。（市卫健委负责）\n"), 0o644)
	out, stderr, code := runBinary(t, "measures", "--in", dir)
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d, output %q", code, out)
	}
	if !strings.Contains(stderr, "empty.txt: empty file") || !strings.Contains(stderr, "plan.txt: inferred") {
		t.Errorf("stderr %q", stderr)
	}
	_, stderr, code = runBinary(t, "measures", "--in", filepath.Join(dir, "empty.txt"))
	if code != 1 || !strings.Contains(stderr, "no measures found") {
		t.Errorf("only a bad file: exit %d, stderr %q", code, stderr)
	}
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("各位同事：今天天气很好。\n"), 0o644)
	out, _, code = runBinary(t, "measures", "--format", "csv", filepath.Join(dir, "empty.txt"), filepath.Join(dir, "note.txt"))
	if code != 1 || out != "" {
		t.Errorf("csv without measures: exit %d, output %q (not even a header)", code, out)
	}
	_, stderr, code = runBinary(t, "measures", "--format", "xml")
	if code != 2 || !strings.Contains(stderr, "--format") {
		t.Errorf("bad format: exit %d, stderr %q", code, stderr)
	}
}

// With stdout and stderr merged (2>&1), each note comes on its own line,
// never inside a record: megabytes of records, a note for every document.
func TestMeasuresMergedStreams(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../regions/corpus/*.txt")
	for copy := range 20 {
		for _, f := range seeds {
			data, _ := os.ReadFile(f)
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d_%s", copy, filepath.Base(f))), data, 0o644) // no manifest: every one inferred
		}
	}
	var merged bytes.Buffer
	cmd := exec.Command(binary, "measures", "--in", dir)
	cmd.Stdout, cmd.Stderr = &merged, &merged
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	records, notes := 0, 0
	for i, l := range strings.Split(strings.TrimSuffix(merged.String(), "\n"), "\n") {
		switch {
		case strings.HasPrefix(l, "policygap: ") && strings.Contains(l, ": inferred "):
			notes++
		case json.Valid([]byte(l)):
			records++
		default:
			t.Fatalf("line %d is neither a record nor a note: %.120q", i+1, l)
		}
	}
	if notes != 20*len(seeds) || records < 20*150 || merged.Len() < 4<<20 {
		t.Errorf("%d notes, %d records, %d bytes", notes, records, merged.Len())
	}
}

func TestFileName(t *testing.T) {
	used := map[string]bool{"overview": true}
	tests := []struct{ region, want string }{
		{"厦门市", "厦门市"},
		{`某市/某区:新区*"?<>|`, "某市_某区_新区______"},
		{"CON", "_CON"},
		{"com1", "_com1"},
		{"LPT0.txt", "_LPT0.txt"},
		{"COM9", "_COM9"},
		{"COMA", "COMA"},
		{"AUX.", "_AUX"},
		{"某县. ", "某县"},
		{"厦门市", "厦门市-2"},
		{"厦门市", "厦门市-3"},
		{"Overview", "Overview-2"},
		{"", "_"},
		{strings.Repeat("长", 60), strings.Repeat("长", 40)},
	}
	for _, tt := range tests {
		if got := fileName(tt.region, used); got != tt.want {
			t.Errorf("fileName(%q) = %q, want %q", tt.region, got, tt.want)
		}
	}
}

// TestExitCodes: --help is not an error; a bad flag or command is a usage
// error (exit 2) that names the problem.
func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"report", "--help"}, 0, "--as-of"},
		{[]string{"measures", "-h"}, 0, "--format"},
		{[]string{"measures", "--bogus"}, 2, "unknown flag: --bogus"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
	} {
		stdout, stderr, code := runBinary(t, c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.says) {
			t.Errorf("policygap %v: exit %d, want %d and %q in\n%s%s", c.args, code, c.code, c.says, stdout, stderr)
		}
		if c.code == 0 && strings.Contains(stderr, "policygap:") {
			t.Errorf("policygap %v: help reported as an error: %s", c.args, stderr)
		}
	}
}

// eval scores the bundled seeds against their gold from any folder: both
// are in the binary.
// TestEvalTable: each document's task column is its share of its gold
// measures mapped right, the TOTAL row adds the documents up and agrees with
// the accuracy line, and the strength part is printed only when the gold
// folder has strength labels.
func TestEvalTable(t *testing.T) {
	goldDir := "../../testdata/devset/gold"
	out, stderr, err := runInProcess(t, "eval", "--in", "../../testdata/devset/docs", "--gold", goldDir)
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	acc := regexp.MustCompile(`task accuracy over all gold measures \(a missed measure is wrong\): ([0-9.]+) \((\d+)/(\d+)\)`).FindStringSubmatch(out)
	rows := regexp.MustCompile(`(?m)^(\S+) +(\d+) +(\d+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+)$`).FindAllStringSubmatch(out, -1)
	if acc == nil || len(rows) != 9 || rows[8][1] != "TOTAL" {
		t.Fatalf("want 8 document rows, TOTAL and the accuracy line:\n%s", out)
	}
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	var gold, found, right float64
	for _, r := range rows[:8] {
		if task := num(r[7]); task < 0 || task > 1 {
			t.Errorf("%s: task %s", r[1], r[7])
		}
		gold, found, right = gold+num(r[2]), found+num(r[3]), right+num(r[7])*num(r[2])
	}
	total := rows[8]
	if num(total[2]) != gold || num(total[3]) != found || num(total[2]) != num(acc[3]) || total[7] != acc[1] || math.Round(right) != num(acc[2]) {
		t.Errorf("TOTAL %v, accuracy %v; the documents add up to %.0f gold, %.0f found, %.1f right", total[1:], acc[1:], gold, found, right)
	}
	if want := fmt.Sprintf("strength over %s of %s labelled measures found", total[3], total[2]); !strings.Contains(out, want) {
		t.Errorf("no line %q:\n%s", want, out)
	}
	// the same gold without its strength labels: no strength part
	bare := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.jsonl"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(bare, filepath.Base(f)), data, 0o644)
	}
	out, stderr, err = runInProcess(t, "eval", "--in", "../../testdata/devset/docs", "--gold", bare)
	if err != nil || !strings.Contains(out, "TOTAL") || strings.Contains(out, "strength") {
		t.Errorf("gold without strength labels: %v %s\n%s", err, stderr, out)
	}
}

func TestEvalFromAnyFolder(t *testing.T) {
	cmd := exec.Command(binary, "eval")
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !regexp.MustCompile(`(?m)^TOTAL\s+174\s+\d+\s+0\.99\d`).Match(out) || !strings.Contains(string(out), "task accuracy over all gold measures") {
		t.Errorf("eval from %s:\n%s", cmd.Dir, out)
	}
	none := filepath.Join(t.TempDir(), "none")
	_, stderr, code := runBinary(t, "eval", "--gold", none)
	if code != 1 || !strings.Contains(stderr, "gold "+none+":") {
		t.Errorf("a missing gold folder: exit %d, %s", code, stderr)
	}
}

// TestMeasuresNotes: what a run infers about a document is said on stderr,
// each field with where it came from; a manifest that gives it all leaves
// nothing to say.
func TestMeasuresNotes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.txt"), []byte("杭州市人民政府办公厅关于切实解决老年人运用智能技术困难的实施方案\n杭政办〔2021〕3号\n"+
		"一、便利就医\n（一）保留现场号源。医疗机构保留号源。（市卫健委负责）\n\n杭州市人民政府办公厅\n2021年3月5日\n"), 0o644)
	_, stderr, err := runInProcess(t, "measures", "--in", dir)
	want := "policygap: " + filepath.Join(dir, "plan.txt") + ": inferred issuer, region, level, number, date: region 杭州市 (issuer), level city (region), number \"杭政办〔2021〕3号\" (text), date 2021-03-05 (signature)\n"
	if err != nil || stderr != want {
		t.Errorf("%v, stderr\n%q\nwant\n%q", err, stderr, want)
	}
	os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte("file,region,level,parent,issuer,number,date\nplan.txt,杭州市,city,,杭州市人民政府办公厅,杭政办〔2021〕3号,2021-03-05\n"), 0o644)
	if _, stderr, err := runInProcess(t, "measures", "--in", dir); err != nil || stderr != "" {
		t.Errorf("with a manifest: %v, stderr %q", err, stderr)
	}
}
