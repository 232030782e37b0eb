package reports

import (
	"slices"
	"sort"
	"time"

	"policygap/compare"
	"policygap/regions"
	"policygap/taxonomy"
)

// Overview is the national commission's view: every region against every
// task and area, the deadlines over time, and the gaps most regions share.
type Overview struct {
	Lang       Lang
	AsOf       string
	Regions    []compare.RegionResult
	Areas      []Head
	Tasks      []Head
	Provisions [][]Head // per task: ID, Title (label)
	// RollUps are the regions with regions below them, each with all of them.
	RollUps    []compare.RollUp
	Matrix     [][]Cell    // region x task
	AreaMatrix [][]float64 // region x area
	AreaLevels [][]string  // region x area
	Timeline   []Month
	Milestones []Head // ID, Title (label), Date
	Gaps       []SharedGap
	// Unmapped are the measures no task claims: shown so that every measure
	// of the run appears (the others stand behind the matrix's cells).
	Unmapped []CellMeasure
	Measures int // all measures of the run
}

// Head is a column or series label.
type Head struct {
	ID, Title, Area, Date string
}

// Cell is one region's coverage of one task, with what stands behind it.
type Cell struct {
	Score             float64
	Level, LevelLabel string
	Covered, Missing  []string // provision labels
	Measures          []CellMeasure
	Provisions, Total int
	// Strength is the strongest level of the measures ("" for none) and
	// StrengthLabel its name in the language; Actionable counts the measures
	// scoring at least 3; Weak marks an in-scope task with only encouraging
	// or descriptive measures; Targets are the measures' targets as printed.
	Strength, StrengthLabel string
	Actionable              int
	Weak                    bool
	Targets                 []string
}

// CellMeasure cites a measure behind a cell.
type CellMeasure struct {
	Key, Region, Doc, ID, Text, Why string
}

// Month counts measures due in a month, per region.
type Month struct {
	Month    string // YYYY-MM
	Count    int
	ByRegion []int // in Regions' order
}

// SharedGap is a provision that several regions leave out, with the best
// measure of a region that does not.
type SharedGap struct {
	Provision, Label, Task, TaskTitle string
	MissingIn                         []string
	Peers                             []PeerRef
}

const overviewGaps = 20

// NewOverview builds the commission's view.
func NewOverview(res *Results, t *taxonomy.Taxonomy, lang Lang) *Overview {
	o := &Overview{Lang: lang, AsOf: res.AsOf, Regions: res.Regions, RollUps: res.RollUps}
	for _, a := range t.Areas {
		o.Areas = append(o.Areas, Head{ID: a.ID, Title: lang.AreaTitle(&a)})
	}
	for _, task := range t.Tasks {
		o.Tasks = append(o.Tasks, Head{ID: task.ID, Title: lang.TaskTitle(&task), Area: task.Area})
		var ps []Head
		for _, p := range task.Provisions {
			ps = append(ps, Head{ID: p.ID, Title: lang.ProvisionLabel(&p), Area: task.Area})
		}
		o.Provisions = append(o.Provisions, ps)
	}
	for _, m := range t.Milestones {
		o.Milestones = append(o.Milestones, Head{ID: m.ID, Title: m.Label, Date: m.Date})
	}
	byKey := map[string]MeasureRecord{}
	for _, m := range res.Measures {
		byKey[m.Key] = m
	}
	labels := map[string]string{}
	for _, task := range t.Tasks {
		for _, p := range task.Provisions {
			labels[p.ID] = lang.ProvisionLabel(&p)
		}
	}
	for _, rr := range res.Regions {
		var row []Cell
		for _, task := range t.Tasks {
			c := res.TaskCoverageOf(rr.Name, task.ID)
			cell := Cell{Score: c.Score, Level: string(c.Level), LevelLabel: lang.L(string(c.Level)),
				Provisions: len(c.Provisions), Total: c.Total, Actionable: c.Actionable, Weak: c.IsWeak()}
			if c.Strength != nil {
				cell.Strength, cell.StrengthLabel = c.Strength.String(), lang.Strength(*c.Strength)
			}
			for _, tg := range c.Targets {
				cell.Targets = append(cell.Targets, tg.Text)
			}
			for _, p := range task.Provisions {
				if slices.Contains(c.Provisions, p.ID) {
					cell.Covered = append(cell.Covered, lang.ProvisionLabel(&p))
				} else {
					cell.Missing = append(cell.Missing, lang.ProvisionLabel(&p))
				}
			}
			for _, key := range c.Measures {
				m := byKey[key]
				cell.Measures = append(cell.Measures, CellMeasure{Key: key, Region: m.Region, Doc: m.Doc, ID: m.ID, Text: m.Text})
			}
			row = append(row, cell)
		}
		o.Matrix = append(o.Matrix, row)
		var arow []float64
		var lrow []string
		for _, ac := range res.AreaCoverage {
			if ac.Region == rr.Name {
				arow = append(arow, ac.Score)
				lrow = append(lrow, string(ac.Level))
			}
		}
		o.AreaMatrix = append(o.AreaMatrix, arow)
		o.AreaLevels = append(o.AreaLevels, lrow)
	}
	for _, m := range res.Measures {
		if len(m.Tasks) == 0 {
			o.Unmapped = append(o.Unmapped, CellMeasure{Key: m.Key, Region: m.Region, Doc: m.Doc, ID: m.ID, Text: m.Text, Why: lang.Why(m.Unmapped)})
		}
	}
	o.Measures = len(res.Measures)
	o.Timeline = timeline(res)
	o.Gaps = sharedGaps(res, t, lang, labels)
	return o
}

// timeline counts dated deadlines per month, per region.
func timeline(res *Results) []Month {
	regionIdx := map[string]int{}
	for i, r := range res.Regions {
		regionIdx[r.Name] = i
	}
	months := map[string]*Month{}
	for _, m := range res.Measures {
		if m.Deadline.Kind != regions.DeadlineDate {
			continue
		}
		key := m.Deadline.Date.Format("2006-01")
		mo := months[key]
		if mo == nil {
			mo = &Month{Month: key, ByRegion: make([]int, len(res.Regions))}
			months[key] = mo
		}
		mo.Count++
		mo.ByRegion[regionIdx[m.Region]]++
	}
	var out []Month
	for _, m := range months {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}

// sharedGaps ranks provisions by the number of regions that leave them out.
func sharedGaps(res *Results, t *taxonomy.Taxonomy, lang Lang, labels map[string]string) []SharedGap {
	index := map[string]*SharedGap{}
	var order []string
	for _, g := range res.Gaps {
		sg := index[g.Provision]
		if sg == nil {
			sg = &SharedGap{Provision: g.Provision, Label: labels[g.Provision], Task: g.Task, TaskTitle: lang.TaskTitle(t.Task(g.Task))}
			index[g.Provision] = sg
			order = append(order, g.Provision)
		}
		sg.MissingIn = append(sg.MissingIn, g.Region)
		for _, p := range g.Peers {
			if len(sg.Peers) < 2 && !hasPeer(sg.Peers, p.Key) {
				sg.Peers = append(sg.Peers, PeerRef{Region: p.Region, Doc: p.Doc, ID: p.ID, Key: p.Key, Text: p.Text, Deadline: p.Deadline, Lead: p.Lead})
			}
		}
	}
	var out []SharedGap
	for _, id := range order {
		out = append(out, *index[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].MissingIn) > len(out[j].MissingIn) })
	return out[:min(len(out), overviewGaps)]
}

func hasPeer(ps []PeerRef, key string) bool {
	for _, p := range ps {
		if p.Key == key {
			return true
		}
	}
	return false
}

// AsOfTime is the overview's as-of date.
func (o *Overview) AsOfTime() time.Time {
	t, _ := time.Parse(time.DateOnly, o.AsOf)
	return t
}

// Node is a region in the tree of the run's regions: the provinces and
// ministries at the top, their cities below them, the cities' counties
// below those.
type Node struct {
	Name   string
	Level  string // its own; for a region absent from the run, the level above its regions'
	Depth  int
	Region int // index in Regions; -1 when its own document is not in the run
	RollUp int // index in RollUps; -1 when no region of the run is below it
}

// Tree lists the regions depth first, each top region in the run's order,
// the regions below each in the run's order. A region named as a parent but
// absent from the run (a province whose cities alone are in) is a node of
// its roll-up alone, in the place of the first region below it.
func (o *Overview) Tree() []Node {
	var nodes []Node
	at := map[string]int{}
	add := func(name string) int {
		if i, ok := at[name]; ok {
			return i
		}
		at[name] = len(nodes)
		nodes = append(nodes, Node{Name: name, Region: -1, RollUp: -1})
		return len(nodes) - 1
	}
	for i, r := range o.Regions {
		n := &nodes[add(r.Name)]
		n.Region, n.Level = i, r.Level
	}
	for k, ru := range o.RollUps {
		nodes[add(ru.Region)].RollUp = k
	}
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = -1
	}
	for _, r := range o.Regions {
		if p, ok := at[r.Parent]; ok && r.Parent != r.Name {
			parent[at[r.Name]] = p
		}
	}
	pos := make([]int, len(nodes)) // where a node comes in the run
	for i, n := range nodes {
		pos[i] = n.Region
		if n.Region < 0 {
			pos[i] = len(o.Regions)
			for _, name := range o.RollUps[n.RollUp].Below {
				if j, ok := at[name]; ok && nodes[j].Region >= 0 {
					pos[i] = min(pos[i], nodes[j].Region)
				}
			}
		}
	}
	var tops []int
	below := make([][]int, len(nodes))
	for i := range nodes {
		if parent[i] < 0 {
			tops = append(tops, i)
		} else {
			below[parent[i]] = append(below[parent[i]], i)
		}
	}
	sort.SliceStable(tops, func(a, b int) bool { return pos[tops[a]] < pos[tops[b]] })
	for i := range nodes {
		if nodes[i].Region < 0 {
			nodes[i].Level = string(regions.LevelUnknown)
			if len(below[i]) > 0 {
				if up, ok := levelAbove[regions.Level(nodes[below[i][0]].Level)]; ok {
					nodes[i].Level = string(up)
				}
			}
		}
	}
	var out []Node
	seen := make([]bool, len(nodes))
	var walk func(i, depth int)
	walk = func(i, depth int) {
		if seen[i] { // parents that name each other
			return
		}
		seen[i] = true
		n := nodes[i]
		n.Depth = depth
		out = append(out, n)
		for _, j := range below[i] {
			walk(j, depth+1)
		}
	}
	for _, i := range tops {
		walk(i, 0)
	}
	for i := range nodes { // a loop of parents has no top: start it anywhere
		walk(i, 0)
	}
	return out
}

// levelAbove is the level of the region a region of a level belongs to.
var levelAbove = map[regions.Level]regions.Level{
	regions.LevelCity: regions.LevelProvince, regions.LevelCounty: regions.LevelCity, regions.LevelDistrict: regions.LevelCity,
}
