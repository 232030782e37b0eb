package compare

import (
	"slices"
	"sort"
	"time"

	"policygap/regions"
	"policygap/taxonomy"
)

// ProvisionGap is a national provision a region's plan leaves out.
type ProvisionGap struct {
	Region    string `json:"region"`
	Task      string `json:"task"`
	Provision string `json:"provision"`
	Label     string `json:"label"`
	// Status: "absent": no measure of the region contains any of Terms (the
	// proof of absence: Searched measures, none matched); "elsewhere": some
	// do (FoundIn), but they are mapped to other tasks.
	Status   string        `json:"status"`
	Terms    []string      `json:"terms_looked_for"`
	Searched int           `json:"measures_searched"`
	FoundIn  []string      `json:"found_in,omitempty"`
	Peers    []PeerMeasure `json:"peers"`
}

// PeerMeasure is another region's measure that fills a gap.
type PeerMeasure struct {
	Region     string `json:"-"` // region, document and item are in the key
	Doc        string `json:"-"`
	ID         string `json:"-"`
	Key        string `json:"key"`
	Provisions int    `json:"provisions_of_task"` // how many of the task's provisions it carries
	Deadline   string `json:"deadline"`
	Lead       bool   `json:"has_lead"`
	Text       string `json:"-"` // the measure's text is in the measures list, by key
}

// Deadline gap kinds.
const (
	GapLateNational = "late_national" // later than the task's national milestone
	GapLateParent   = "late_parent"   // later than the parent region's deadline for the task
	GapOverdue      = "overdue"       // past, and the ledger does not say done
	GapMissing      = "missing"       // a mapped measure with no deadline
	GapOngoingOnly  = "ongoing_only"  // a task whose measures are all 长期坚持, none dated
)

// DeadlineGap is one deadline problem.
type DeadlineGap struct {
	Kind      string `json:"kind"`
	Region    string `json:"region"`
	Task      string `json:"task"`
	Measure   string `json:"measure,omitempty"`
	Deadline  string `json:"deadline,omitempty"`
	Reference string `json:"reference,omitempty"` // the date compared with
	Against   string `json:"against,omitempty"`   // what it is: a milestone id or the parent's measure
	Days      int    `json:"days,omitempty"`      // how late, or how long overdue
}

// UnitLoad is what one responsible unit carries in a region.
type UnitLoad struct {
	Region   string `json:"region"`
	Unit     string `json:"unit"`
	Measures int    `json:"measures"`
	Lead     int    `json:"lead"`
	Dated    int    `json:"with_deadline"`
}

// Innovation is a measure that goes beyond the national provisions.
type Innovation struct {
	Region   string   `json:"region"`
	Measure  string   `json:"measure"`
	Task     string   `json:"task"`
	Reason   string   `json:"reason"`
	Evidence []string `json:"evidence"`
}

// RollUp is a region's coverage together with every region below it: a
// province with its cities and their counties, a city with its counties.
type RollUp struct {
	Region   string       `json:"region"`
	Level    string       `json:"level,omitempty"` // the region's own level; empty when its document is not in the run
	InCorpus bool         `json:"in_corpus"`       // the region's own document is in the run
	Below    []string     `json:"below"`           // every region below it, in the run's order
	Own      float64      `json:"own_index"`
	Index    float64      `json:"index"` // with the regions below
	Tasks    []RollUpTask `json:"tasks"`
	Areas    []RollUpArea `json:"areas"` // the areas with a task in scope
}

// RollUpArea is the mean of a roll-up's task scores in an area.
type RollUpArea struct {
	Area  string  `json:"area"`
	Score float64 `json:"score"`
	Level Level   `json:"level"`
}

// RollUpTask is one task of a roll-up: the region's own level, and the score
// and level of its measures and the regions' below taken together.
type RollUpTask struct {
	Task       string   `json:"task"`
	Own        Level    `json:"own"`
	Score      float64  `json:"score"`
	Level      Level    `json:"level"`
	Measures   int      `json:"measures"`
	Provisions []string `json:"provisions_covered"`
}

const peersPerGap = 2

// provisionGaps lists, per region, each in-scope provision not covered, with
// its proof of absence and the peers that fill it.
func provisionGaps(r *Result, t *taxonomy.Taxonomy) []ProvisionGap {
	peers := peerIndex(r, t)
	byRegion := map[string][]int{}
	for i, m := range r.Measures {
		byRegion[m.Region] = append(byRegion[m.Region], i)
	}
	n := 0 // counted first: a national run has 100,000s of gaps
	for _, rr := range r.Regions {
		for _, tid := range rr.Scope {
			c := r.TaskCoverageOf(rr.Name, tid)
			n += c.Total - len(c.Provisions)
		}
	}
	gaps := make([]ProvisionGap, 0, n)
	for _, rr := range r.Regions {
		carriedBy := map[string][]string{} // provision -> the region's measures whose text carries it
		for _, i := range byRegion[rr.Name] {
			seen := map[string]bool{}
			for _, h := range r.Measures[i].Match.Hits {
				if h.Provision != "" && !seen[h.Provision] {
					seen[h.Provision] = true
					carriedBy[h.Provision] = append(carriedBy[h.Provision], r.Measures[i].Key())
				}
			}
		}
		for _, tid := range rr.Scope {
			c := r.TaskCoverageOf(rr.Name, tid)
			task := t.Task(tid)
			for _, p := range task.Provisions {
				if slices.Contains(c.Provisions, p.ID) {
					continue
				}
				g := ProvisionGap{Region: rr.Name, Task: tid, Provision: p.ID, Label: p.Label, Status: "absent",
					Terms: p.Terms, Searched: len(byRegion[rr.Name]), Peers: []PeerMeasure{}}
				if found := carriedBy[p.ID]; len(found) > 0 {
					g.Status, g.FoundIn = "elsewhere", found
				}
				for _, pm := range peers[p.ID] { // strongest first: stop at the first few
					if len(g.Peers) == peersPerGap {
						break
					}
					if pm.Region != rr.Name {
						g.Peers = append(g.Peers, pm)
					}
				}
				gaps = append(gaps, g)
			}
		}
	}
	return gaps
}

// peerIndex lists, per provision, the measures that carry it (mapped to its
// task), strongest first: most of the task's provisions, then a dated
// deadline, then a lead unit.
func peerIndex(r *Result, t *taxonomy.Taxonomy) map[string][]PeerMeasure {
	idx := map[string][]PeerMeasure{}
	for _, m := range r.Measures {
		for _, tid := range m.Tasks {
			var own []string
			for _, p := range m.Match.Provisions {
				if provisionOf(p) == tid {
					own = append(own, p)
				}
			}
			for _, p := range own {
				idx[p] = append(idx[p], PeerMeasure{Region: m.Region, Doc: m.Doc, ID: m.ID, Key: m.Key(),
					Provisions: len(own), Deadline: m.Deadline.Due(), Lead: len(m.Lead) > 0, Text: m.Text})
			}
		}
	}
	for _, list := range idx {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i], list[j]
			if a.Provisions != b.Provisions {
				return a.Provisions > b.Provisions
			}
			if (a.Deadline != "") != (b.Deadline != "") {
				return a.Deadline != ""
			}
			if a.Lead != b.Lead {
				return a.Lead
			}
			return a.Key < b.Key
		})
	}
	return idx
}

// deadlineGaps finds late, overdue, missing and ongoing-only deadlines.
func deadlineGaps(r *Result, in Input, t *taxonomy.Taxonomy) []DeadlineGap {
	gaps := make([]DeadlineGap, 0, len(r.Measures)) // about one per measure at national scale
	parentFirst := map[[2]string]MeasureResult{}    // region, task -> its earliest dated measure
	for _, m := range r.Measures {
		if m.Deadline.Kind != regions.DeadlineDate {
			continue
		}
		for _, tid := range m.Tasks {
			k := [2]string{m.Region, tid}
			if cur, ok := parentFirst[k]; !ok || m.Deadline.Date.Before(cur.Deadline.Date) {
				parentFirst[k] = m
			}
		}
	}
	parentOf := map[string]string{}
	for _, rr := range r.Regions {
		parentOf[rr.Name] = rr.Parent
	}
	days := func(later, earlier time.Time) int { return int(later.Sub(earlier).Hours() / 24) }
	for _, m := range r.Measures {
		if len(m.Tasks) == 0 || m.Goal {
			continue
		}
		tid := m.Tasks[0]
		task := t.Task(tid)
		if task == nil {
			continue
		}
		switch m.Deadline.KindOrNone() {
		case regions.DeadlineNone:
			gaps = append(gaps, DeadlineGap{Kind: GapMissing, Region: m.Region, Task: tid, Measure: m.Key()})
			continue
		case regions.DeadlineOngoing:
			continue
		}
		d := m.Deadline.Date
		if ms := t.Milestone(task.Milestone); ms != nil && d.After(ms.Time()) {
			gaps = append(gaps, DeadlineGap{Kind: GapLateNational, Region: m.Region, Task: tid, Measure: m.Key(),
				Deadline: m.Deadline.String(), Reference: ms.Date, Against: ms.ID, Days: days(d, ms.Time())})
		}
		if p, ok := parentFirst[[2]string{parentOf[m.Region], tid}]; ok && d.After(p.Deadline.Date) {
			gaps = append(gaps, DeadlineGap{Kind: GapLateParent, Region: m.Region, Task: tid, Measure: m.Key(),
				Deadline: m.Deadline.String(), Reference: p.Deadline.String(), Against: p.Key(), Days: days(d, p.Deadline.Date)})
		}
		if d.Before(in.AsOf) && (m.Progress == nil || !m.Progress.IsDone()) {
			gaps = append(gaps, DeadlineGap{Kind: GapOverdue, Region: m.Region, Task: tid, Measure: m.Key(),
				Deadline: m.Deadline.String(), Reference: in.AsOf.Format(time.DateOnly), Against: "as_of", Days: days(in.AsOf, d)})
		}
	}
	for _, c := range r.Coverage {
		if len(c.Measures) == 0 || c.Level == LevelOutOfScope {
			continue
		}
		dated, ongoing := false, false
		for _, key := range c.Measures {
			m := r.measure(key)
			dated = dated || m.Deadline.Kind == regions.DeadlineDate
			ongoing = ongoing || m.Deadline.Kind == regions.DeadlineOngoing
		}
		if ongoing && !dated {
			gaps = append(gaps, DeadlineGap{Kind: GapOngoingOnly, Region: c.Region, Task: c.Task})
		}
	}
	return gaps
}

// measure finds a measure by key.
func (r *Result) measure(key string) *MeasureResult {
	if i, ok := r.byKey[key]; ok {
		return &r.Measures[i]
	}
	return nil
}

// responsibility computes the load per unit and the in-scope tasks of a
// region that have measures but no lead unit.
func responsibility(r *Result, t *taxonomy.Taxonomy) ([]UnitLoad, []TaskRef) {
	index := map[[2]string]int{}
	var loads []UnitLoad
	for _, m := range r.Measures {
		for _, u := range m.Units {
			k := [2]string{m.Region, u}
			i, ok := index[k]
			if !ok {
				i = len(loads)
				index[k] = i
				loads = append(loads, UnitLoad{Region: m.Region, Unit: u})
			}
			loads[i].Measures++
			if slices.Contains(m.Lead, u) {
				loads[i].Lead++
			}
			if m.Deadline.Kind == regions.DeadlineDate {
				loads[i].Dated++
			}
		}
	}
	order := map[string]int{}
	for i, rr := range r.Regions {
		order[rr.Name] = i
	}
	sort.SliceStable(loads, func(i, j int) bool {
		if loads[i].Region != loads[j].Region {
			return order[loads[i].Region] < order[loads[j].Region]
		}
		return loads[i].Measures > loads[j].Measures
	})
	var noLead []TaskRef
	for _, c := range r.Coverage {
		if len(c.Measures) == 0 || c.Level == LevelOutOfScope {
			continue
		}
		lead := false
		for _, key := range c.Measures {
			lead = lead || len(r.measure(key).Lead) > 0
		}
		if !lead {
			noLead = append(noLead, TaskRef{c.Region, c.Task})
		}
	}
	return loads, noLead
}

// innovations are measures mapped to a task on their own evidence that carry
// none of its national provisions: they do something the plan does not name.
func innovations(r *Result, t *taxonomy.Taxonomy) []Innovation {
	var out []Innovation
	for _, m := range r.Measures {
		if len(m.Tasks) == 0 || m.Goal || m.Match.Tasks[0].Score < innovationMinScore {
			continue
		}
		tid := m.Tasks[0]
		carries := false
		for _, p := range m.Match.Provisions {
			carries = carries || provisionOf(p) == tid
		}
		if carries {
			continue
		}
		out = append(out, Innovation{Region: m.Region, Measure: m.Key(), Task: tid,
			Reason: "maps to " + tid + " but carries none of its national provisions", Evidence: m.Match.Tasks[0].Evidence})
	}
	return out
}

// innovationMinScore: a measure must point clearly at its task (several of
// its terms) before doing something else there counts as an innovation.
const innovationMinScore = 0.4

// rollUps: for every region with regions below it in the run (the region
// itself may be absent: a province whose cities alone are in), its coverage
// with all of them: a task's measures are theirs together, its provisions the
// union of theirs, scored by the same rule as a region's own.
func rollUps(r *Result, t *taxonomy.Taxonomy) []RollUp {
	below := map[string][]string{}
	var tops []string // in the order their first region below appears
	for _, rr := range r.Regions {
		seen := map[string]bool{rr.Name: true} // a parent chain that loops stops where it repeats
		for up := rr.Parent; up != "" && !seen[up]; {
			seen[up] = true
			if _, ok := below[up]; !ok {
				tops = append(tops, up)
			}
			below[up] = append(below[up], rr.Name)
			if p := r.Region(up); p != nil {
				up = p.Parent
			} else {
				up = ""
			}
		}
	}
	var out []RollUp
	for _, name := range tops {
		ru := RollUp{Region: name, Below: below[name]}
		if own := r.Region(name); own != nil {
			ru.InCorpus, ru.Own, ru.Level = true, own.Index, own.Level
		}
		members := append([]string{name}, below[name]...)
		scope := map[string]bool{}
		for _, m := range members {
			if rr := r.Region(m); rr != nil {
				for _, id := range rr.Scope {
					scope[id] = true
				}
			}
		}
		var sum float64
		var n int
		for _, task := range t.Tasks {
			if !scope[task.ID] {
				continue
			}
			measures, provs := 0, map[string]bool{}
			for _, m := range members {
				if c := r.TaskCoverageOf(m, task.ID); c != nil {
					measures += len(c.Measures)
					for _, p := range c.Provisions {
						provs[p] = true
					}
				}
			}
			rt := RollUpTask{Task: task.ID, Own: LevelNone, Measures: measures}
			for _, p := range task.Provisions { // in the taxonomy's order
				if provs[p.ID] {
					rt.Provisions = append(rt.Provisions, p.ID)
				}
			}
			rt.Score, rt.Level = taskScore(measures, len(provs), len(task.Provisions))
			if c := r.TaskCoverageOf(name, task.ID); c != nil {
				rt.Own = c.Level
			}
			sum += rt.Score
			n++
			ru.Tasks = append(ru.Tasks, rt)
		}
		if n > 0 {
			ru.Index = round3(sum / float64(n))
		}
		for _, a := range t.Areas {
			var sum float64
			var n int
			for _, rt := range ru.Tasks {
				if t.Task(rt.Task).Area == a.ID {
					sum += rt.Score
					n++
				}
			}
			if n > 0 {
				score := round3(sum / float64(n))
				ru.Areas = append(ru.Areas, RollUpArea{Area: a.ID, Score: score, Level: LevelOf(score)})
			}
		}
		out = append(out, ru)
	}
	return out
}
