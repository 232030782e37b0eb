package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"policygap/outset"
)

// reportCmd is a report on the bundled corpus into out, every format.
func reportCmd(out, asOf string) *exec.Cmd {
	return exec.Command(binary, "report", "--out", out, "--as-of", asOf, "--format", "json,xlsx,html,pdf")
}

// checkSet: out holds one run's whole set, and its results.json is that run's.
func checkSet(t *testing.T, out string) string {
	t.Helper()
	if err := outset.Verify(out); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	var rec struct {
		AsOf string `json:"as_of"`
	}
	data, _ := os.ReadFile(filepath.Join(out, outset.RecordName))
	json.Unmarshal(data, &rec)
	var res struct {
		Manifest struct {
			AsOf string `json:"as_of"`
		} `json:"manifest"`
	}
	data, _ = os.ReadFile(filepath.Join(out, "results.json"))
	json.Unmarshal(data, &res)
	if rec.AsOf == "" || res.Manifest.AsOf != rec.AsOf {
		t.Fatalf("results.json is of %q, the set's record of %q", res.Manifest.AsOf, rec.AsOf)
	}
	return rec.AsOf
}

// TestReportKilledOrConcurrent: runs killed at random moments (the swap
// included) and runs on one --out at once; after every round --out holds
// one run's whole set, and the next run clears what the killed ones left.
func TestReportKilledOrConcurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("50 rounds of report runs")
	}
	out := filepath.Join(t.TempDir(), "out")
	start := time.Now()
	if b, err := reportCmd(out, "2022-01-01").CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	full := time.Since(start)
	checkSet(t, out)
	rng := rand.New(rand.NewPCG(16, 50))
	killed, concurrent := 0, 0
	for round := range 50 {
		asOf := time.Date(2022, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, round).Format(time.DateOnly)
		if round%5 == 4 { // two runs at once, both to the end
			concurrent++
			var wg sync.WaitGroup
			for k := range 2 {
				wg.Go(func() {
					if b, err := reportCmd(out, fmt.Sprintf("2023-%02d-%02d", round/5+1, k+1)).CombinedOutput(); err != nil {
						t.Errorf("round %d, run %d: %v: %s", round, k, err, b)
					}
				})
			}
			wg.Wait()
		} else { // one run, killed somewhere between its start and a little after its end
			cmd := reportCmd(out, asOf)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(rng.Int64N(int64(full) * 12 / 10)))
			if cmd.Process.Signal(syscall.SIGKILL) == nil {
				killed++
			}
			cmd.Wait()
		}
		checkSet(t, out)
	}
	if b, err := reportCmd(out, "2023-01-01").CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if got := checkSet(t, out); got != "2023-01-01" {
		t.Errorf("the last run's set is of %s", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".out.policygap.lock out" {
		t.Errorf("beside the outputs after the last run: %v", names)
	}
	t.Logf("a whole run %v; %d runs killed, %d rounds of two runs at once", full.Round(time.Millisecond), killed, concurrent)
}

// TestParallelAndWriteFile: a failing job's error reaches the run, however
// many jobs fail; a file that cannot be flushed (a full disk) is an error.
func TestParallelAndWriteFile(t *testing.T) {
	fail := func() error { return errors.New("disk full") }
	ok := func() error { return nil }
	for _, jobs := range [][]func() error{{fail}, {fail, fail}, {ok, fail, ok, ok}} {
		if err := parallel(jobs); err == nil || err.Error() != "disk full" {
			t.Errorf("%d jobs: %v", len(jobs), err)
		}
	}
	if err := parallel([]func() error{ok, ok}); err != nil {
		t.Errorf("no job fails: %v", err)
	}
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	err := writeFile("/dev/full", func(w io.Writer) error { _, err := io.WriteString(w, "甲"); return err })
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Errorf("writing to a full disk: %v", err)
	}
}
