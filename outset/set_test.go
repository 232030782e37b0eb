package outset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var owned = map[string]bool{"results.json": false, "dashboard.html": false, "briefs": true}

// writeSet stages a set whose files say which run wrote them, and commits it.
func writeSet(t *testing.T, dest, run string) {
	t.Helper()
	s, err := Begin(dest, owned, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	os.WriteFile(filepath.Join(s.Dir(), "results.json"), []byte(run), 0o644)
	os.MkdirAll(filepath.Join(s.Dir(), "briefs"), 0o755)
	os.WriteFile(filepath.Join(s.Dir(), "briefs", "a.pdf"), []byte(run+" brief"), 0o644)
	if err := s.Commit(map[string]any{"run": run}); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// besides lists what lies beside dest but dest and its lock.
func besides(t *testing.T, dest string) []string {
	entries, _ := os.ReadDir(filepath.Dir(dest))
	var out []string
	for _, e := range entries {
		if n := e.Name(); n != filepath.Base(dest) && n != "."+filepath.Base(dest)+".policygap.lock" {
			out = append(out, n)
		}
	}
	return out
}

func TestCommitReplacesTheSetWhole(t *testing.T) {
	for _, way := range []string{"exchange", "two renames"} {
		t.Run(way, func(t *testing.T) {
			if way == "two renames" {
				defer func(e func(a, b string) error) { exchange = e }(exchange)
				exchange = func(a, b string) error { return errNoExchange }
			}
			dest := filepath.Join(t.TempDir(), "out")
			writeSet(t, dest, "one")
			if err := Verify(dest); err != nil {
				t.Fatal(err)
			}
			info, _ := os.Stat(dest)
			if info.Mode().Perm() != 0o755 {
				t.Errorf("output folder mode %v", info.Mode().Perm())
			}
			writeSet(t, dest, "two")
			if err := Verify(dest); err != nil {
				t.Fatal(err)
			}
			if got := read(t, filepath.Join(dest, "briefs", "a.pdf")); got != "two brief" {
				t.Errorf("brief %q after the second run", got)
			}
			if !strings.Contains(read(t, filepath.Join(dest, RecordName)), `"run": "two"`) {
				t.Errorf("the record is not the second run's")
			}
			if left := besides(t, dest); len(left) > 0 {
				t.Errorf("left beside the outputs: %v", left)
			}
		})
	}
}

func TestAbortKeepsTheOldSet(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	writeSet(t, dest, "one")
	s, err := Begin(dest, owned, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(s.Dir(), "results.json"), []byte("half"), 0o644)
	s.Abort()
	if got := read(t, filepath.Join(dest, "results.json")); got != "one" {
		t.Errorf("results.json %q after an aborted run", got)
	}
	if err := Verify(dest); err != nil {
		t.Error(err)
	}
	if left := besides(t, dest); len(left) > 0 {
		t.Errorf("left beside the outputs: %v", left)
	}
	if s.Commit(nil) == nil {
		t.Error("an aborted set committed")
	}
}

// TestStoppedRuns: what a killed run leaves is cleaned by the next; a set
// caught between the two renames comes back whole.
func TestStoppedRuns(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "out")
	writeSet(t, dest, "one")
	os.MkdirAll(filepath.Join(dir, ".out"+newTag+"123", "briefs"), 0o755) // a staging folder
	os.WriteFile(filepath.Join(dir, ".out"+newTag+"123", "results.json"), []byte("half"), 0o644)
	writeSet(t, dest, "two")
	if left := besides(t, dest); len(left) > 0 {
		t.Errorf("a stopped run's staging folder stays: %v", left)
	}
	// killed between the renames: the old set waits under its old name
	os.Rename(dest, filepath.Join(dir, ".out"+oldTag+"456"))
	os.MkdirAll(filepath.Join(dir, ".out"+newTag+"456"), 0o755)
	s, err := Begin(dest, owned, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Abort()
	if got := read(t, filepath.Join(dest, "results.json")); got != "two" {
		t.Errorf("the old set did not come back: results.json %q", got)
	}
	if left := besides(t, dest); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}

func TestInTheWay(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	mine := filepath.Join(dir, "mine")
	os.MkdirAll(mine, 0o755)
	os.WriteFile(filepath.Join(mine, "notes.docx"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(mine, "results.json"), []byte("x"), 0o644)
	briefsFile := filepath.Join(dir, "bf")
	os.MkdirAll(briefsFile, 0o755)
	os.WriteFile(filepath.Join(briefsFile, "briefs"), []byte("x"), 0o644)
	five, seven := filepath.Join(dir, "five"), filepath.Join(dir, "seven") // the message names five at most
	for i := range 7 {
		if i < 5 {
			os.MkdirAll(five, 0o755)
			os.WriteFile(filepath.Join(five, fmt.Sprintf("a%d.txt", i)), []byte("x"), 0o644)
		}
		os.MkdirAll(seven, 0o755)
		os.WriteFile(filepath.Join(seven, fmt.Sprintf("a%d.txt", i)), []byte("x"), 0o644)
	}
	old := filepath.Join(dir, "old") // what earlier versions left is no obstacle
	os.MkdirAll(filepath.Join(old, "briefs.old"), 0o755)
	os.MkdirAll(filepath.Join(old, ".policygap-123"), 0o755)
	for _, c := range []struct{ dest, says string }{
		{file, "is a file, not a folder"},
		{mine, "holds what policygap did not write (notes.docx)"},
		{briefsFile, "(briefs)"},
		{five, "(a0.txt, a1.txt, a2.txt, a3.txt, a4.txt): "},
		{seven, "(a0.txt, a1.txt, a2.txt, a3.txt, a4.txt and 2 more): "},
		{"", "--out is empty"},
		{"/", "root of the file system"},
		{old, ""},
	} {
		s, err := Begin(c.dest, owned, nil)
		if c.says == "" {
			if err != nil {
				t.Errorf("%s: %v", c.dest, err)
			} else {
				s.Abort()
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("Begin(%q) = %v, want %q", c.dest, err, c.says)
		}
	}
	if read(t, filepath.Join(mine, "results.json")) != "x" {
		t.Error("a refused folder was changed")
	}
}

// TestOneRunAtATime: a second run on the same folder waits for the first.
func TestOneRunAtATime(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	first, err := Begin(dest, owned, nil)
	if err != nil {
		t.Fatal(err)
	}
	waited := make(chan string, 1)
	got := make(chan *Set)
	go func() {
		s, err := Begin(dest, owned, func(lock string) { waited <- lock })
		if err != nil {
			t.Error(err)
		}
		got <- s
	}()
	select {
	case lock := <-waited:
		if !strings.HasSuffix(lock, ".out.policygap.lock") {
			t.Errorf("waiting on %q", lock)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the second run did not wait")
	}
	select {
	case <-got:
		t.Fatal("the second run went on while the first held the folder")
	case <-time.After(100 * time.Millisecond):
	}
	os.WriteFile(filepath.Join(first.Dir(), "results.json"), []byte("first"), 0o644)
	if err := first.Commit(nil); err != nil {
		t.Fatal(err)
	}
	second := <-got
	if second == nil {
		t.FailNow()
	}
	defer second.Abort()
	if read(t, filepath.Join(dest, "results.json")) != "first" {
		t.Error("the first run's set is not in place")
	}
}

func TestVerify(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	writeSet(t, dest, "one")
	for _, c := range []struct {
		name   string
		change func()
		says   string
	}{
		{"changed", func() { os.WriteFile(filepath.Join(dest, "results.json"), []byte("onf"), 0o644) }, "results.json is not the file the run wrote"},
		{"missing", func() { os.Remove(filepath.Join(dest, "briefs", "a.pdf")) }, "briefs/a.pdf is missing"},
		{"extra", func() { os.WriteFile(filepath.Join(dest, "x.pdf"), nil, 0o644) }, "x.pdf is not in the set's record"},
	} {
		t.Run(c.name, func(t *testing.T) {
			writeSet(t, dest, "one")
			c.change()
			if err := Verify(dest); err == nil || !strings.Contains(err.Error(), c.says) {
				t.Errorf("Verify = %v, want %q", err, c.says)
			}
		})
	}
}
