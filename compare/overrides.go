package compare

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"policygap/regions"
	"policygap/taxonomy"
)

// Override is a reviewer's decision on a measure's mapping: accept it, reject
// it (the measure becomes unmapped) or re-map it to other tasks.
type Override struct {
	Line     int       `json:"line"`
	Measure  string    `json:"measure"` // the measure's key: region/doc#id
	Action   string    `json:"action"`
	Tasks    []string  `json:"tasks,omitempty"`
	Reviewer string    `json:"reviewer"`
	Date     time.Time `json:"date"`
	Reason   string    `json:"reason"`
	Before   []string  `json:"before"` // the tasks the matcher gave
}

// Override actions; the Chinese words are accepted too.
const (
	ActionAccept = "accept"
	ActionReject = "reject"
	ActionRemap  = "remap"
)

var actionNames = map[string]string{
	"accept": ActionAccept, "确认": ActionAccept, "reject": ActionReject, "否决": ActionReject, "删除": ActionReject,
	"remap": ActionRemap, "改映射": ActionRemap, "重新映射": ActionRemap,
}

// OverrideColumns are the columns of an overrides file.
var OverrideColumns = []string{"measure", "action", "tasks", "reviewer", "date", "reason"}

// ReadOverrides reads an overrides CSV (header: measure,action,tasks,reviewer,date,reason)
// and checks every line against the taxonomy and, when known is given,
// against the run's measure keys. The error lists every problem with its line.
func ReadOverrides(file string, data []byte, t *taxonomy.Taxonomy, known func(key string) bool) ([]Override, error) {
	table, problems, err := regions.NewCSVTable(data, OverrideColumns, []string{"measure", "action", "reviewer", "date"})
	if err != nil {
		return nil, fmt.Errorf("%s: no header line (%s): %w", file, strings.Join(OverrideColumns, ","), err)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: bad overrides file:\n  %s", file, strings.Join(problems, "\n  "))
	}
	var out []Override
	seen := map[string]int{}
	for {
		row, err := table.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			problems = append(problems, err.Error())
			break
		}
		line, get := row.Line, row.Get
		o := Override{Line: line, Measure: get("measure"), Reviewer: get("reviewer"), Reason: get("reason")}
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, args...))
		}
		if o.Measure == "" {
			bad("no measure key")
		} else if prev, dup := seen[o.Measure]; dup {
			bad("measure %s is overridden twice (also line %d)", o.Measure, prev)
		} else if known != nil && !known(o.Measure) {
			bad("measure %s is not in this run (its document changed or is not read); update or remove the line", o.Measure)
		}
		seen[o.Measure] = line
		action, ok := actionNames[strings.ToLower(get("action"))]
		if !ok {
			bad("action %q: use accept, reject or remap", get("action"))
		}
		o.Action = action
		for _, id := range strings.FieldsFunc(get("tasks"), func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '、' }) {
			if t.Task(id) == nil {
				bad("task %q is not in the taxonomy", id)
			}
			o.Tasks = append(o.Tasks, id)
		}
		if action == ActionRemap && len(o.Tasks) == 0 {
			bad("remap needs the tasks to map to")
		}
		if o.Reviewer == "" {
			bad("no reviewer")
		}
		d, err := time.Parse(time.DateOnly, get("date"))
		if err != nil {
			bad("date %q is not YYYY-MM-DD", get("date"))
		}
		o.Date = d
		out = append(out, o)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: bad overrides file:\n  %s", file, strings.Join(problems, "\n  "))
	}
	return out, nil
}

// ApplyOverrides applies the overrides to the mapped measures and returns
// them with the overrides as applied. An override whose measure no longer
// exists is an error that names it: it is never dropped silently.
func ApplyOverrides(ms []Mapped, ovs []Override, file string) ([]Mapped, []Override, error) {
	index := map[string]int{}
	for i, m := range ms {
		index[m.Key()] = i
	}
	var problems []string
	var applied []Override
	out := slices.Clone(ms)
	for _, o := range ovs {
		i, ok := index[o.Measure]
		if !ok {
			problems = append(problems, fmt.Sprintf("line %d: measure %s is not in this run (its document changed or is not read); update or remove the line", o.Line, o.Measure))
			continue
		}
		m := &out[i]
		for _, tm := range m.Match.Tasks {
			o.Before = append(o.Before, tm.ID)
		}
		switch o.Action {
		case ActionReject:
			m.Match.Tasks, m.Match.Provisions = nil, nil
			m.Match.Reason = "rejected by " + o.Reviewer + ": " + o.Reason
		case ActionRemap:
			m.Match = remapped(m.Match, o)
		}
		o := o
		m.Override = &o
		applied = append(applied, o)
	}
	if len(problems) > 0 {
		return nil, nil, fmt.Errorf("%s: %w:\n  %s", file, errStaleOverrides, strings.Join(problems, "\n  "))
	}
	return out, applied, nil
}

var errStaleOverrides = errors.New("overrides name measures that do not exist")

// remapped is the match with the override's tasks; the provisions are those
// of the new tasks that the measure's text carries.
func remapped(m taxonomy.Match, o Override) taxonomy.Match {
	out := taxonomy.Match{Hits: m.Hits, Area: m.Area}
	for _, id := range o.Tasks {
		tm := taxonomy.TaskMatch{ID: id, Score: 1, Evidence: []string{}}
		seen := map[string]bool{}
		for _, h := range m.Hits {
			if h.Task == id && !seen[h.Term] {
				seen[h.Term] = true
				tm.Evidence = append(tm.Evidence, h.Term)
			}
			if h.Task == id && h.Provision != "" && !slices.Contains(out.Provisions, h.Provision) {
				out.Provisions = append(out.Provisions, h.Provision)
			}
		}
		out.Tasks = append(out.Tasks, tm)
	}
	return out
}
