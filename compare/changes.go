package compare

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Baseline is what a change list needs of an earlier run's results.json.
type Baseline struct {
	File     string `json:"-"`
	Manifest struct {
		Tool     string      `json:"tool"`
		Version  string      `json:"version"`
		AsOf     string      `json:"as_of"`
		Taxonomy TaxonomyRef `json:"taxonomy"`
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

// ReadBaseline reads an earlier results.json and refuses one that cannot be
// compared with this run: not policygap's, made by another version (measure
// keys and scores may differ), mapped onto another taxonomy, or without the
// measures and coverage a comparison needs.
func ReadBaseline(file string, data []byte, version string, tax TaxonomyRef) (*Baseline, error) {
	b := &Baseline{File: file}
	if err := json.Unmarshal(data, b); err != nil {
		return nil, fmt.Errorf("%s: not a policygap results.json (%s)", file, jsonProblem(err))
	}
	m := b.Manifest
	var problem string
	switch {
	case m.Tool != "policygap":
		problem = "it has no manifest.tool \"policygap\": not a policygap results.json"
	case minor(m.Version) != minor(version):
		problem = fmt.Sprintf("it was made by policygap %s and this is %s, whose measure keys and scores may differ: run this version on the baseline's documents and pass that results.json", m.Version, version)
	case m.AsOf == "":
		problem = "it has no manifest.as_of"
	case m.Taxonomy.Hash != tax.Hash:
		problem = fmt.Sprintf("its measures were mapped onto another taxonomy (%s, hash %.12s; this run: %s, hash %.12s): coverage cannot be compared", m.Taxonomy.Name, m.Taxonomy.Hash, tax.Name, tax.Hash)
	case b.Measures == nil || b.Coverage == nil:
		problem = "it lacks the measures or the coverage a comparison needs"
	}
	if problem != "" {
		return nil, fmt.Errorf("%s: cannot serve as the baseline: %s", file, problem)
	}
	return b, nil
}

// minor is a version's major.minor ("0.5.2" -> "0.5").
func minor(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	return parts[0] + "." + parts[1]
}

// jsonProblem says what is wrong with a JSON file in a user's words, not
// Go's ("cannot unmarshal string into Go struct field …").
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("%s holds a JSON %s where a results.json has another kind of value", typ.Field, typ.Value)
	}
	return "invalid JSON"
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
