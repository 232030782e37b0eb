package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"policygap/regions"
	"regexp"
	"sort"
	"strings"
)

// GoldMeasure is one hand-made label (../shared/gold): where a measure starts,
// its tasks, units and deadline.
type GoldMeasure struct {
	Doc          string   `json:"doc"`
	ID           string   `json:"id"`
	Start        string   `json:"start"`
	Tasks        []string `json:"tasks"`
	Units        []string `json:"units"`
	Lead         []string `json:"lead"`
	DeadlineNorm *string  `json:"deadline_norm"`
}

// LoadGold reads every *.jsonl file of a gold folder.
func LoadGold(fsys fs.FS) ([]GoldMeasure, error) {
	gold, err := loadJSONL[GoldMeasure](fsys, "*.jsonl")
	if err == nil && len(gold) == 0 {
		err = fmt.Errorf("no gold labels (*.jsonl) found")
	}
	return gold, err
}

// loadJSONL reads one T a line from the files matching pattern, blank lines
// skipped; an error names the file and line.
func loadJSONL[T any](fsys fs.FS, pattern string) ([]T, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	var out []T
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var v T
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %w", n, line, err)
			}
			out = append(out, v)
		}
		f.Close()
	}
	return out, nil
}

// Alignment pairs gold measures with predicted ones the way
// ../shared/eval/score.py does: a gold measure is found when its opening text
// lies in a predicted measure that holds no other gold measure's opening.
type Alignment struct {
	// Found maps a gold index to the predicted measure that holds it cleanly.
	Found map[int]int
	// PredHit counts, per document, predicted measures holding any gold opening;
	// Pred counts the predicted measures of the document.
	PredHit, Pred map[string]int
}

var (
	scoreSpace  = regexp.MustCompile(`[\s*]+`)
	scorePunct  = strings.NewReplacer("（", "(", "）", ")", "，", ",", "：", ":", "；", ";", "“", `"`, "”", `"`)
	genericUnit = regexp.MustCompile(`(按职责分工负责|分工负责|负责|牵头|等相关部门|等部门|相关部门|及各.*$|各级各部门)`)
)

func scoreNorm(s string) string { return scorePunct.Replace(scoreSpace.ReplaceAllString(s, "")) }

// ScoreUnit is the light normalising score.py applies to a unit before comparing.
func ScoreUnit(u string) string {
	return strings.Trim(genericUnit.ReplaceAllString(scoreNorm(u), ""), "、,;")
}

// Align finds, for every gold measure, the predicted measure that holds it.
func Align(ms []regions.Measure, gold []GoldMeasure) Alignment {
	a := Alignment{Found: map[int]int{}, PredHit: map[string]int{}, Pred: map[string]int{}}
	byDoc := map[string][]int{}
	for i, m := range ms {
		byDoc[path.Base(m.Doc)] = append(byDoc[path.Base(m.Doc)], i)
		a.Pred[path.Base(m.Doc)]++
	}
	goldByDoc := map[string][]int{}
	for i, g := range gold {
		goldByDoc[g.Doc] = append(goldByDoc[g.Doc], i)
	}
	for doc, gis := range goldByDoc {
		holds := map[int][]int{} // predicted index -> gold indexes whose start it holds
		for _, pi := range byDoc[doc] {
			text := scoreNorm(ms[pi].Text)
			for _, gi := range gis {
				if s := scoreNorm(gold[gi].Start); s != "" && strings.Contains(text, s) {
					holds[pi] = append(holds[pi], gi)
				}
			}
			if len(holds[pi]) > 0 {
				a.PredHit[doc]++
			}
		}
		for _, gi := range gis {
			for _, pi := range byDoc[doc] {
				if h := holds[pi]; len(h) == 1 && h[0] == gi {
					a.Found[gi] = pi
					break
				}
			}
		}
	}
	return a
}

// SegmentScore is the segmentation, units and deadline accuracy of one
// document (or of all, as "TOTAL"), as score.py reports it.
type SegmentScore struct {
	Doc                       string
	Gold, Found               int
	UnitsTP, UnitsFP, UnitsFN int
	DeadlineOK                int
}

func (s SegmentScore) Recall() float64 { return ratio(s.Found, s.Gold) }
func (s SegmentScore) Deadline() float64 {
	return ratio(s.DeadlineOK, s.Found)
}
func (s SegmentScore) UnitsF1() float64 {
	d := 2*s.UnitsTP + s.UnitsFP + s.UnitsFN
	if d == 0 {
		return 1
	}
	return float64(2*s.UnitsTP) / float64(d)
}

// ScoreSegments scores measures against gold per document, plus a TOTAL row.
func ScoreSegments(ms []regions.Measure, gold []GoldMeasure) []SegmentScore {
	a := Align(ms, gold)
	byDoc := map[string]*SegmentScore{}
	total := &SegmentScore{Doc: "TOTAL"}
	for gi, g := range gold {
		s := byDoc[g.Doc]
		if s == nil {
			s = &SegmentScore{Doc: g.Doc}
			byDoc[g.Doc] = s
		}
		for _, x := range []*SegmentScore{s, total} {
			x.Gold++
		}
		pi, ok := a.Found[gi]
		if !ok {
			continue
		}
		m := ms[pi]
		gu, pu := unitSet(g.Units), unitSet(m.Units)
		tp := 0
		for u := range pu {
			if gu[u] {
				tp++
			}
		}
		dlOK := goldDeadline(g) == m.Deadline.Due()
		for _, x := range []*SegmentScore{s, total} {
			x.Found++
			x.UnitsTP += tp
			x.UnitsFP += len(pu) - tp
			x.UnitsFN += len(gu) - tp
			if dlOK {
				x.DeadlineOK++
			}
		}
	}
	var out []SegmentScore
	for _, s := range byDoc {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Doc < out[j].Doc })
	return append(out, *total)
}

func unitSet(us []string) map[string]bool {
	set := map[string]bool{}
	for _, u := range us {
		if n := ScoreUnit(u); n != "" {
			set[n] = true
		}
	}
	return set
}

func goldDeadline(g GoldMeasure) string {
	if g.DeadlineNorm == nil {
		return ""
	}
	return *g.DeadlineNorm
}
