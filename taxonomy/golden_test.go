package taxonomy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"policygap/taxonomy"
)

var update = flag.Bool("update", false, "rewrite testdata/match_golden.jsonl from the seeds and the dev set")

const goldenFile = "testdata/match_golden.jsonl"

// goldenCase is one measure of the seeds or the dev set: what the matcher
// is given, and what it made of it, in the form a reviewer reads.
type goldenCase struct {
	Key string         `json:"key"`
	In  taxonomy.Input `json:"in"`
	Out []string       `json:"out"`
}

// describe is a match as lines: tasks with scores, provisions, evidence,
// the section's area and the reason it is unmapped.
func describe(m taxonomy.Match) []string {
	var out []string
	for _, t := range m.Tasks {
		out = append(out, fmt.Sprintf("task %s %.4f %s", t.ID, t.Score, strings.Join(t.Evidence, "、")))
	}
	out = append(out, "provisions "+strings.Join(m.Provisions, " "))
	var hits []string
	for _, h := range m.Hits {
		hits = append(hits, fmt.Sprintf("%s@%d:%s%s", h.Term, h.At, h.Task, strings.TrimPrefix(" "+h.Provision, " ")))
	}
	out = append(out, "hits "+strings.Join(hits, " "), "area "+m.Area, "reason "+m.Reason)
	return out
}

// TestMatchGolden: every measure of the seeds and the dev set maps exactly
// as recorded in testdata/match_golden.jsonl: tasks, scores to four places,
// provisions, evidence and where it stands. A change of the matcher or the
// lexicon shows here measure by measure (go test -tags golden ./taxonomy
// -update rewrites the file from the corpora; read its diff before committing
// it). The file holds the matcher's inputs, so the test needs no reading.
func TestMatchGolden(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := taxonomy.NewMatcher(tax)
	if *update {
		writeGolden(t, m)
	}
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c goldenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		got := describe(m.Match(c.In))
		if strings.Join(got, "\n") != strings.Join(c.Out, "\n") {
			t.Errorf("%s:\n got  %s\n want %s", c.Key, strings.Join(got, "\n      "), strings.Join(c.Out, "\n      "))
		}
	}
	if n < 300 {
		t.Errorf("%d measures in %s; the seeds and the dev set have about 350", n, goldenFile)
	}
}
