package compare

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Baseline is what a change list needs of an earlier run's results.json.
type Baseline struct {
	File     string `json:"-"`
	Manifest struct {
		AsOf string `json:"as_of"`
	} `json:"manifest"`
	Measures []struct {
		Key   string `json:"key"`
		Tasks []struct {
			ID string `json:"id"`
		} `json:"tasks"`
	} `json:"measures"`
	Coverage  []TaskCoverage `json:"coverage"`
	Deadlines []DeadlineGap  `json:"deadline_gaps"`
}

// ReadBaseline reads an earlier results.json.
func ReadBaseline(file string, data []byte) (*Baseline, error) {
	b := &Baseline{File: file}
	if err := json.Unmarshal(data, b); err != nil {
		return nil, fmt.Errorf("%s: not a policygap results.json: %w", file, err)
	}
	if b.Manifest.AsOf == "" {
		return nil, fmt.Errorf("%s: not a policygap results.json (no manifest.as_of)", file)
	}
	return b, nil
}

// Changes is what changed since the baseline run.
type Changes struct {
	Baseline     string           `json:"baseline"`
	BaselineAsOf string           `json:"baseline_as_of"`
	New          []string         `json:"new_measures"`
	Removed      []string         `json:"removed_measures"`
	Remapped     []Remap          `json:"remapped_measures"`
	Coverage     []CoverageChange `json:"coverage_changes"`
	NewlyOverdue []string         `json:"newly_overdue"`
}

// Remap is a measure whose tasks changed.
type Remap struct {
	Measure string   `json:"measure"`
	Before  []string `json:"before"`
	After   []string `json:"after"`
}

// CoverageChange is a region's task whose coverage level or score changed.
type CoverageChange struct {
	Region      string  `json:"region"`
	Task        string  `json:"task"`
	Before      Level   `json:"before"`
	After       Level   `json:"after"`
	ScoreBefore float64 `json:"score_before"`
	ScoreAfter  float64 `json:"score_after"`
}

// Diff lists the changes from the baseline to this result.
func Diff(b *Baseline, r *Result) Changes {
	c := Changes{Baseline: b.File, BaselineAsOf: b.Manifest.AsOf,
		New: []string{}, Removed: []string{}, Remapped: []Remap{}, Coverage: []CoverageChange{}, NewlyOverdue: []string{}}
	before := map[string][]string{}
	for _, m := range b.Measures {
		ids := []string{}
		for _, t := range m.Tasks {
			ids = append(ids, t.ID)
		}
		before[m.Key] = ids
	}
	now := map[string]bool{}
	for _, m := range r.Measures {
		key := m.Key()
		now[key] = true
		after := m.Tasks
		if after == nil {
			after = []string{}
		}
		prev, ok := before[key]
		switch {
		case !ok:
			c.New = append(c.New, key)
		case !slices.Equal(prev, after):
			c.Remapped = append(c.Remapped, Remap{key, prev, after})
		}
	}
	for _, m := range b.Measures {
		if !now[m.Key] {
			c.Removed = append(c.Removed, m.Key)
		}
	}
	old := map[[2]string]TaskCoverage{}
	for _, tc := range b.Coverage {
		old[[2]string{tc.Region, tc.Task}] = tc
	}
	for _, tc := range r.Coverage {
		o, ok := old[[2]string{tc.Region, tc.Task}]
		if !ok {
			o = TaskCoverage{Level: LevelNone}
		}
		if o.Level != tc.Level || o.Score != tc.Score {
			c.Coverage = append(c.Coverage, CoverageChange{tc.Region, tc.Task, o.Level, tc.Level, o.Score, tc.Score})
		}
	}
	wasOverdue := map[string]bool{}
	for _, g := range b.Deadlines {
		if g.Kind == GapOverdue {
			wasOverdue[g.Measure] = true
		}
	}
	for _, g := range r.Deadlines {
		if g.Kind == GapOverdue && !wasOverdue[g.Measure] {
			c.NewlyOverdue = append(c.NewlyOverdue, g.Measure)
		}
	}
	return c
}
