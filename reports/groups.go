package reports

import (
	"slices"
	"sort"

	"policygap/compare"
)

// Group is a region at the top of the tree (a province or a ministry) with
// every region below it: a page of the overview brief, and the brief of
// --brief-scope province.
type Group struct {
	Top    Node
	RollUp *compare.RollUp // nil when no region of the run is below it
	// Nodes are the top region and every region below it, depth first.
	Nodes []Node
	// Regions counts the group's regions whose documents are in the run.
	Regions int
	// Weak are the tasks with the lowest mean score over the group's
	// regions (each region's own coverage, tasks in its scope);
	// Missing, the provisions the most of its regions leave out.
	Weak    []WeakTask
	Missing []MissingProvision
}

// WeakTask is a task's mean score over a group's regions, with how many of
// them have no measure for it.
type WeakTask struct {
	Head
	Mean     float64
	None, Of int
}

// MissingProvision is a provision, with how many of a group's regions leave
// it out, of those with the task in scope.
type MissingProvision struct {
	Head        // ID, Title (label), Area (the task)
	Missing, Of int
}

// groupWeak and groupMissing: how many tasks and provisions a group lists.
const (
	groupWeak    = 3
	groupMissing = 5
)

// Groups splits the tree at its top regions.
func (o *Overview) Groups() []Group {
	var out []Group
	for _, n := range o.Tree() {
		if n.Depth == 0 {
			g := Group{Top: n}
			if n.RollUp >= 0 {
				g.RollUp = &o.RollUps[n.RollUp]
			}
			out = append(out, g)
		}
		g := &out[len(out)-1]
		g.Nodes = append(g.Nodes, n)
		if n.Region >= 0 {
			g.Regions++
		}
	}
	for i := range out {
		o.weakest(&out[i])
	}
	return out
}

// weakest finds a group's weakest tasks and most often missing provisions.
func (o *Overview) weakest(g *Group) {
	missing := map[string]*MissingProvision{}
	for j, t := range o.Tasks {
		wt := WeakTask{Head: t}
		var sum float64
		for _, n := range g.Nodes {
			if n.Region < 0 {
				continue
			}
			c := o.Matrix[n.Region][j]
			if c.Level == string(compare.LevelOutOfScope) {
				continue
			}
			wt.Of++
			sum += c.Score
			if c.Level == string(compare.LevelNone) {
				wt.None++
			}
			for _, p := range o.Provisions[j] {
				mp := missing[p.ID]
				if mp == nil {
					mp = &MissingProvision{Head: Head{ID: p.ID, Title: p.Title, Area: t.ID}}
					missing[p.ID] = mp
				}
				mp.Of++
				if !slices.Contains(c.Covered, p.Title) {
					mp.Missing++
				}
			}
		}
		if wt.Of > 0 {
			wt.Mean = sum / float64(wt.Of)
			g.Weak = append(g.Weak, wt)
		}
	}
	sort.SliceStable(g.Weak, func(a, b int) bool { return g.Weak[a].Mean < g.Weak[b].Mean })
	g.Weak = g.Weak[:min(len(g.Weak), groupWeak)]
	for _, ps := range o.Provisions { // in the taxonomy's order, then by count
		for _, p := range ps {
			if mp := missing[p.ID]; mp != nil && mp.Missing > 0 {
				g.Missing = append(g.Missing, *mp)
			}
		}
	}
	sort.SliceStable(g.Missing, func(a, b int) bool {
		x, y := g.Missing[a], g.Missing[b]
		return x.Missing*y.Of > y.Missing*x.Of // the larger share first
	})
	g.Missing = g.Missing[:min(len(g.Missing), groupMissing)]
}
