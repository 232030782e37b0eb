package reports

import (
	"slices"
	"sort"
	"strings"

	"policygap/compare"
	"policygap/taxonomy"
)

// Brief is what a region's leaders read: where the region stands against the
// national plan and its peers, what is missing or late, who is responsible,
// and what to do next; every claim cites a measure.
type Brief struct {
	Lang        Lang
	Title       string
	Region      compare.RegionResult
	RegionCount int
	Docs        []InputFile
	AsOf        string
	Headline    []string // sentences
	Areas       []AreaRow
	Gaps        []GapRow
	Deadlines   []DeadlineRow
	DeadlineSum map[string]int // gaps of each kind, all of them
	NoUnit      []MeasureRef
	NoLead      []string // task titles
	Units       []compare.UnitLoad
	Innovations []MeasureRef
	Strength    BriefStrength
	// UnitsTotal and InnovationsTotal count what Units and Innovations cut
	// (the measures without a unit are Region.NoUnit).
	UnitsTotal, InnovationsTotal int
	// All lists every measure of the region, mapped or not (the appendix).
	All      []MeasureRef
	Method   []string
	Manifest Manifest
}

// AreaRow is an area and its tasks in the coverage table.
type AreaRow struct {
	ID, Title       string
	Score           float64
	Level, LevelKey string
	Tasks           []TaskRow
}

// TaskRow is a task's coverage.
type TaskRow struct {
	ID, Title       string
	Score           float64
	Level, LevelKey string
	Covered, Total  int
	Measures        int
}

// GapRow is a missing provision and a peer measure that fills it.
type GapRow struct {
	Task, TaskTitle, Provision, Label, Status string
	Peer                                      *PeerRef
}

// PeerRef cites another region's measure.
type PeerRef struct {
	Region, Doc, ID, Key, Text, Deadline string
	Lead                                 bool
}

// DeadlineRow is a deadline problem, cited by measure.
type DeadlineRow struct {
	Kind, KindLabel, Task, Measure, MeasureID, Text, Deadline, Reference string
	Days                                                                 int
}

// MeasureRef cites a measure of the region.
type MeasureRef struct {
	Key, Doc, ID, Task, Text string
	Tasks                    []string
	Deadline                 string
	Units                    []string // the lead units first
}

// Limits of a brief: it is read in minutes, not hours.
const (
	briefGaps      = 10
	briefDeadlines = 10
	briefUnits     = 8
	briefList      = 8
)

// NewBrief builds the brief of one region.
func NewBrief(res *Results, region string, t *taxonomy.Taxonomy, lang Lang) *Brief {
	rr := res.Region(region)
	if rr == nil {
		return nil
	}
	b := &Brief{Lang: lang, Title: lang.L("brief.title"), Region: *rr, RegionCount: len(res.Regions),
		AsOf: res.AsOf, Manifest: res.Manifest, DeadlineSum: map[string]int{}}
	ri := res.region(region)
	for _, i := range ri.inputs {
		b.Docs = append(b.Docs, res.Manifest.Inputs[i])
	}
	b.Areas = areaRows(res, region, t, lang)
	b.Headline = headline(b, t, lang)
	b.Gaps = gapRows(res, ri, region, t, lang)
	b.Deadlines = deadlineRows(res, ri, lang, b.DeadlineSum)
	for _, i := range ri.noUnit[:min(len(ri.noUnit), briefList)] {
		b.NoUnit = append(b.NoUnit, ref(*res.Measure(res.NoUnit[i])))
	}
	for _, i := range ri.noLead {
		tr := res.NoLead[i]
		b.NoLead = append(b.NoLead, tr.Task+" "+lang.TaskTitle(t.Task(tr.Task)))
	}
	b.UnitsTotal, b.InnovationsTotal = len(ri.units), len(ri.innovations)
	for _, i := range ri.units[:min(len(ri.units), briefUnits)] {
		b.Units = append(b.Units, res.Units[i])
	}
	for _, i := range ri.innovations[:min(len(ri.innovations), briefList)] {
		b.Innovations = append(b.Innovations, ref(*res.Measure(res.Innovations[i].Measure)))
	}
	for _, i := range ri.measures {
		b.All = append(b.All, ref(res.Measures[i]))
	}
	b.Strength = briefStrength(res, ri, region, t, lang)
	b.Method = MethodNote(res, lang)
	return b
}

func ref(m MeasureRecord) MeasureRef {
	r := MeasureRef{Key: m.Key, Doc: m.Doc, ID: m.ID, Text: m.Text, Deadline: m.Deadline.Raw}
	r.Units = append(r.Units, m.Lead...)
	for _, u := range m.Units {
		if !slices.Contains(r.Units, u) {
			r.Units = append(r.Units, u)
		}
	}
	for _, t := range m.Tasks {
		r.Tasks = append(r.Tasks, t.ID)
	}
	if len(m.Tasks) > 0 {
		r.Task = m.Tasks[0].ID
	}
	return r
}

func areaRows(res *Results, region string, t *taxonomy.Taxonomy, lang Lang) []AreaRow {
	var rows []AreaRow
	for _, i := range res.region(region).areas {
		ac := res.AreaCoverage[i]
		a := t.Area(ac.Area)
		row := AreaRow{ID: a.ID, Title: lang.AreaTitle(a), Score: ac.Score, Level: lang.L(string(ac.Level)), LevelKey: string(ac.Level)}
		for _, task := range t.Tasks {
			if task.Area != a.ID {
				continue
			}
			c := res.TaskCoverageOf(region, task.ID)
			row.Tasks = append(row.Tasks, TaskRow{ID: task.ID, Title: lang.TaskTitle(&task), Score: c.Score,
				Level: lang.L(string(c.Level)), LevelKey: string(c.Level), Covered: len(c.Provisions), Total: c.Total, Measures: len(c.Measures)})
		}
		rows = append(rows, row)
	}
	return rows
}

func headline(b *Brief, t *taxonomy.Taxonomy, lang Lang) []string {
	r := b.Region
	names := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, lang.AreaTitle(t.Area(id)))
		}
		return strings.Join(out, lang.sep())
	}
	full, none := 0, 0
	for _, a := range b.Areas {
		for _, tr := range a.Tasks {
			switch tr.LevelKey {
			case string(compare.LevelFull):
				full++
			case string(compare.LevelNone):
				none++
			}
		}
	}
	return []string{
		lang.Sprintf("headline.index", r.Index, r.Rank, b.RegionCount),
		lang.Sprintf("headline.tasks", r.Measures, r.Mapped, full, len(r.Scope), none),
		lang.Sprintf("headline.areas", names(r.Strongest), names(r.Weakest)),
		lang.Sprintf("headline.strength", r.Actionable, r.Measures, r.Weak),
	}
}

func (l Lang) sep() string {
	if l == English {
		return ", "
	}
	return "、"
}

// gapRows picks the region's provision gaps to show: those of the least
// covered tasks first, those a peer has filled before those none has.
func gapRows(res *Results, ri *regionIndex, region string, t *taxonomy.Taxonomy, lang Lang) []GapRow {
	var gaps []compare.ProvisionGap
	for _, i := range ri.gaps {
		gaps = append(gaps, res.Gaps[i])
	}
	score := func(g compare.ProvisionGap) float64 { return res.TaskCoverageOf(region, g.Task).Score }
	sort.SliceStable(gaps, func(i, j int) bool {
		if (len(gaps[i].Peers) > 0) != (len(gaps[j].Peers) > 0) {
			return len(gaps[i].Peers) > 0
		}
		return score(gaps[i]) < score(gaps[j])
	})
	var rows []GapRow
	for _, g := range gaps {
		if len(rows) == briefGaps {
			break
		}
		task := t.Task(g.Task)
		row := GapRow{Task: g.Task, TaskTitle: lang.TaskTitle(task), Provision: g.Provision, Label: g.Label, Status: lang.L(g.Status)}
		for _, p := range task.Provisions {
			if p.ID == g.Provision {
				row.Label = lang.ProvisionLabel(&p)
			}
		}
		if len(g.Peers) > 0 {
			p := g.Peers[0]
			row.Peer = &PeerRef{Region: p.Region, Doc: p.Doc, ID: p.ID, Key: p.Key, Text: p.Text, Deadline: p.Deadline, Lead: p.Lead}
		}
		rows = append(rows, row)
	}
	return rows
}

// deadlineRows shows overdue, late-against-parent and late-against-national
// deadlines first, then missing ones; counts every kind in sum.
func deadlineRows(res *Results, ri *regionIndex, lang Lang, sum map[string]int) []DeadlineRow {
	order := []string{compare.GapOverdue, compare.GapLateParent, compare.GapLateNational, compare.GapOngoingOnly, compare.GapMissing}
	var rows []DeadlineRow
	for _, i := range ri.deadlines {
		g := res.Deadlines[i]
		sum[g.Kind]++
		var m MeasureRecord
		if r := res.Measure(g.Measure); r != nil {
			m = *r
		}
		rows = append(rows, DeadlineRow{Kind: g.Kind, KindLabel: lang.L(g.Kind), Task: g.Task, Measure: g.Measure,
			MeasureID: m.ID, Text: m.Text, Deadline: g.Deadline, Reference: g.Reference, Days: g.Days})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := slices.Index(order, rows[i].Kind), slices.Index(order, rows[j].Kind)
		if a != b {
			return a < b
		}
		return rows[i].Days > rows[j].Days
	})
	return rows[:min(len(rows), briefDeadlines)]
}

// MethodNote says how the scores were made, in the language.
func MethodNote(res *Results, lang Lang) []string {
	m := res.Manifest
	return []string{
		lang.L("method.mapping"),
		lang.L("method.score"),
		lang.L("method.strength"),
		lang.Sprintf("method.run", m.Taxonomy.Name, m.Taxonomy.Hash, m.Tool, m.Version, m.Hash, m.AsOf),
	}
}
