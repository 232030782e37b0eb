package eval

import (
	"io/fs"
	"strings"

	"policygap/compare"
	"policygap/strength"
)

// StrengthGold is one hand-made label of how binding a measure is
// (gold/strength/*.jsonl): its level and quantified targets.
type StrengthGold struct {
	Doc     string            `json:"doc"`
	ID      string            `json:"id"`
	Start   string            `json:"start"`
	Level   strength.Level    `json:"level"`
	Targets []strength.Target `json:"targets"`
}

// LoadStrengthGold reads the strength/*.jsonl files of a gold folder; none is
// no error (a gold folder need not label strength).
func LoadStrengthGold(fsys fs.FS) ([]StrengthGold, error) {
	return loadJSONL[StrengthGold](fsys, "strength/*.jsonl")
}

// StrengthScore is how well the levels and targets agree with the labels,
// over the gold measures the segmentation found.
type StrengthScore struct {
	Gold, Found  int
	LevelCorrect int
	// Confusion counts [gold level][predicted level].
	Confusion [4][4]int
	// Mandatory and Targets are true/false positives and false negatives.
	Mandatory, Targets PR
	Wrong              []StrengthMiss
}

// PR counts agreements for a precision, recall and F1.
type PR struct{ TP, FP, FN int }

func (p PR) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }
func (p PR) Recall() float64    { return ratio(p.TP, p.TP+p.FN) }

// F1 is 1 when there is nothing to find and nothing was found.
func (p PR) F1() float64 {
	if p.TP+p.FP+p.FN == 0 {
		return 1
	}
	return 2 * float64(p.TP) / float64(2*p.TP+p.FP+p.FN)
}

// LevelAccuracy is over the found measures.
func (s StrengthScore) LevelAccuracy() float64 { return ratio(s.LevelCorrect, s.Found) }

// StrengthMiss is a found measure whose level or targets differ from its label.
type StrengthMiss struct {
	Doc, ID          string
	Gold, Predicted  strength.Level
	Evidence         []string
	Missed, Spurious []strength.Target
}

// ScoreStrength compares each found measure's level and targets with its
// label. A predicted target counts when its value and unit equal a gold
// target's and their texts overlap (share two runes in a row, or one holds
// the other).
func ScoreStrength(mapped []compare.Mapped, gold []StrengthGold) StrengthScore {
	ms := measuresOf(mapped)
	opens := make([]GoldMeasure, len(gold))
	for i, g := range gold {
		opens[i] = GoldMeasure{Doc: g.Doc, ID: g.ID, Start: g.Start}
	}
	a := Align(ms, opens)
	s := StrengthScore{Gold: len(gold)}
	for gi, g := range gold {
		pi, ok := a.Found[gi]
		if !ok {
			continue
		}
		p := mapped[pi].Strength
		s.Found++
		s.Confusion[g.Level][p.Level]++
		if g.Level == p.Level {
			s.LevelCorrect++
		}
		switch {
		case g.Level == strength.Mandatory && p.Level == strength.Mandatory:
			s.Mandatory.TP++
		case p.Level == strength.Mandatory:
			s.Mandatory.FP++
		case g.Level == strength.Mandatory:
			s.Mandatory.FN++
		}
		missed, spurious := matchTargets(g.Targets, p.Targets)
		s.Targets.TP += len(p.Targets) - len(spurious)
		s.Targets.FP += len(spurious)
		s.Targets.FN += len(missed)
		if g.Level != p.Level || len(missed)+len(spurious) > 0 {
			s.Wrong = append(s.Wrong, StrengthMiss{Doc: g.Doc, ID: g.ID, Gold: g.Level, Predicted: p.Level,
				Evidence: p.Evidence, Missed: missed, Spurious: spurious})
		}
	}
	return s
}

// matchTargets pairs predicted targets with gold ones, each used once.
func matchTargets(gold, pred []strength.Target) (missed, spurious []strength.Target) {
	used := make([]bool, len(gold))
	for _, p := range pred {
		hit := false
		for i, g := range gold {
			if !used[i] && g.Value == p.Value && g.Unit == p.Unit && overlaps(g.Text, p.Text) {
				used[i], hit = true, true
				break
			}
		}
		if !hit {
			spurious = append(spurious, p)
		}
	}
	for i, g := range gold {
		if !used[i] {
			missed = append(missed, g)
		}
	}
	return missed, spurious
}

func overlaps(a, b string) bool {
	a, b = scoreNorm(a), scoreNorm(b)
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	ra := []rune(a)
	for i := 0; i+1 < len(ra); i++ {
		if strings.Contains(b, string(ra[i:i+2])) {
			return true
		}
	}
	return false
}
