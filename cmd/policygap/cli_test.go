package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A path after the flags is an input, as --in is: report plans/ reports on
// plans/, not on the bundled corpus.
func TestPathsAreInputs(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	os.WriteFile(filepath.Join(dir, "plan.txt"), []byte(planText), 0o644)
	stdout, stderr, code := runBinary(t, "report", dir, "--out", out, "--format", "json", "-q")
	if code != 0 || !strings.Contains(stdout, "1 regions, 2 measures") {
		t.Fatalf("report PATH: exit %d\n%s\n%s", code, stdout, stderr)
	}
	measures, _, code := runBinary(t, "measures", filepath.Join(dir, "plan.txt"))
	if code != 0 || strings.Count(measures, "\n") != 2 || !strings.Contains(measures, `"doc":"plan.txt"`) {
		t.Errorf("measures FILE: exit %d\n%s", code, measures)
	}
	if _, stderr, code := runBinary(t, "measures", ""); code != 2 || !strings.Contains(stderr, "--in is empty") {
		t.Errorf("an empty path: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runBinary(t, "taxonomy", "plans/"); code != 2 || !strings.Contains(stderr, `taxonomy takes no arguments; got ["plans/"]`) {
		t.Errorf("taxonomy PATH: exit %d, %s", code, stderr)
	}
}

// Each command's help on stdout, exit 0: what it does, its flags by group,
// examples; help CMD says the same.
func TestHelp(t *testing.T) {
	for _, c := range commands() {
		stdout, stderr, code := runBinary(t, c.name, "--help")
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "policygap "+c.name+": "+c.summary+"\n\nUsage:\n  policygap "+c.name) ||
			!strings.Contains(stdout, "  -h, --help") {
			t.Errorf("%s --help: exit %d, stderr %q\n%s", c.name, code, stderr, stdout)
		}
		for _, g := range helps[c.name].groups {
			if !strings.Contains(stdout, "\n"+g[0]+":\n") {
				t.Errorf("%s --help lacks the group %s", c.name, g[0])
			}
			for _, f := range g[1:] {
				if !regexp.MustCompile(`(?m)^ +(-\w, )?--` + f + `\b`).MatchString(stdout) {
					t.Errorf("%s --help lacks --%s", c.name, f)
				}
			}
		}
		same, _, _ := runBinary(t, "help", c.name)
		if same != stdout {
			t.Errorf("help %s differs from %s --help", c.name, c.name)
		}
	}
	report, _, _ := runBinary(t, "report", "-h")
	for _, want := range []string{"Inputs:\n      --baseline string", "Outputs:\n      --brief-scope string", "Run:\n      --as-of string", "Examples:\n  policygap report"} {
		if !strings.Contains(report, want) {
			t.Errorf("report -h lacks %q", want)
		}
	}
	if version, _, _ := runBinary(t, "version", "-h"); strings.Contains(version, "Examples") || !strings.Contains(version, "Prints the version") {
		t.Errorf("version -h, a command without examples:\n%s", version)
	}
	top, _, code := runBinary(t, "help")
	if code != 0 || !strings.Contains(top, "  version    print the version") {
		t.Errorf("help: exit %d\n%s", code, top)
	}
	_, stderr, code := runBinary(t, "frobnicate")
	if code != 2 || !strings.Contains(stderr, `unknown command "frobnicate": use report, measures, documents, eval, taxonomy, generate, version`) {
		t.Errorf("unknown command: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{{"measures", "--format", "xml"}, {"documents", "--format", "xml"}, {"taxonomy", "--format", "xml"}, {"report", "--lang", "fr"}} {
		_, stderr, code := runBinary(t, args...)
		if code != 2 || !strings.Contains(stderr, ": use ") {
			t.Errorf("%v: exit %d, %s (the valid values named?)", args, code, stderr)
		}
	}
}

// --version and version: the version, the commit (when the build recorded
// it) and the taxonomy's hash.
func TestVersion(t *testing.T) {
	want := regexp.MustCompile(`^policygap \d+\.\d+\.\d+ \(commit (unknown|[0-9a-f]{12}(\+changes)?), taxonomy 国办发〔2020〕45号 [0-9a-f]{16}\)\n$`)
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out, _, code := runBinary(t, args...)
		if code != 0 || !want.MatchString(out) || !strings.Contains(out, " 0.5.0 ") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}

// TestWrapText: the help's paragraphs break between words, each line at
// most width runes, a word longer than that alone on its line.
func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"aa bb cc", 5, "aa bb\ncc"},
		{"aa bb cc", 4, "aa\nbb\ncc"},
		{"aa  bb\ncc", 8, "aa bb cc"},
		{"数据 共享 平台", 5, "数据 共享\n平台"},
		{"abcdefg hi", 5, "abcdefg\nhi"},
		{"a bc", 4, "a bc"},
		{"a b c", 4, "a b\nc"},
		{"", 5, ""},
	} {
		if got := wrapText(c.in, c.width); got != c.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
