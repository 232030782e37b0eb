package eval

import (
	"maps"
	"slices"
	"sort"

	"policygap/compare"
	"policygap/regions"
)

// MappingScore is the task accuracy of a mapping against gold labels, as
// ../shared/eval/score.py counts it: a found measure is right when its first
// task is one of its gold tasks (an empty list matches a gold NONE).
type MappingScore struct {
	Gold, Found, Correct, Top1 int
	PerTask                    map[string]*TaskPR
	PerDoc                     map[string][2]int // doc -> {correct, gold}
	Wrong                      []Miss
}

// TaskPR counts, per task, over found measures: predicted (anywhere in the
// task list), gold (anywhere in the gold list), and both.
type TaskPR struct{ Predicted, Gold, Both int }

func (p TaskPR) Precision() float64 { return ratio(p.Both, p.Predicted) }
func (p TaskPR) Recall() float64    { return ratio(p.Both, p.Gold) }

// Miss is a gold measure the mapping got wrong (or did not find).
type Miss struct {
	Doc, GoldID, MeasureID string
	Gold, Got              []string
}

// Accuracy is correct over all gold measures: a measure not found is wrong.
func (s MappingScore) Accuracy() float64 { return ratio(s.Correct, s.Gold) }

// Tasks are the ids in PerTask, sorted.
func (s MappingScore) Tasks() []string { return slices.Sorted(maps.Keys(s.PerTask)) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func measuresOf(mapped []compare.Mapped) []regions.Measure {
	ms := make([]regions.Measure, len(mapped))
	for i, m := range mapped {
		ms[i] = m.Measure
	}
	return ms
}

// ScoreMapping scores mapped measures against gold labels.
func ScoreMapping(mapped []compare.Mapped, gold []GoldMeasure) MappingScore {
	a := Align(measuresOf(mapped), gold)
	s := MappingScore{Gold: len(gold), PerTask: map[string]*TaskPR{}, PerDoc: map[string][2]int{}}
	pr := func(id string) *TaskPR {
		if s.PerTask[id] == nil {
			s.PerTask[id] = &TaskPR{}
		}
		return s.PerTask[id]
	}
	for gi, g := range gold {
		d := s.PerDoc[g.Doc]
		d[1]++
		gt := g.Tasks
		if len(gt) == 0 {
			gt = []string{"NONE"}
		}
		pi, ok := a.Found[gi]
		if !ok {
			s.Wrong = append(s.Wrong, Miss{Doc: g.Doc, GoldID: g.ID, Gold: gt})
			s.PerDoc[g.Doc] = d
			continue
		}
		s.Found++
		var got []string
		for _, t := range mapped[pi].Match.Tasks {
			got = append(got, t.ID)
		}
		if len(got) == 0 {
			got = []string{"NONE"}
		}
		if slices.Contains(gt, got[0]) {
			s.Correct++
			d[0]++
		} else {
			s.Wrong = append(s.Wrong, Miss{Doc: g.Doc, GoldID: g.ID, MeasureID: mapped[pi].ID, Gold: gt, Got: got})
		}
		if got[0] == gt[0] {
			s.Top1++
		}
		for _, t := range got {
			pr(t).Predicted++
			if slices.Contains(gt, t) {
				pr(t).Both++
			}
		}
		for _, t := range gt {
			pr(t).Gold++
		}
		s.PerDoc[g.Doc] = d
	}
	sort.Slice(s.Wrong, func(i, j int) bool {
		if s.Wrong[i].Doc != s.Wrong[j].Doc {
			return s.Wrong[i].Doc < s.Wrong[j].Doc
		}
		return s.Wrong[i].GoldID < s.Wrong[j].GoldID
	})
	return s
}
