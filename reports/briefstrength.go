package reports

import (
	"slices"
	"sort"

	"policygap/strength"
	"policygap/taxonomy"
)

// BriefStrength is how binding a region's plan is: its measures by strength
// level, how many are actionable, what they lack, the measures that lack a
// lead, a dated deadline or a target (fewest points first), and its weak
// tasks, each with the measures behind it.
type BriefStrength struct {
	Levels     [4]int // measures by strength.Level, descriptive first
	Actionable int
	Lacks      []LackCount // per need, in strength's order: the measures without it
	Vague      []VagueRow  // cut at briefList
	VagueTotal int         // measures without a lead, a dated deadline or a target
	Weak       []WeakRow
}

// LackCount is how many of a region's measures lack one need.
type LackCount struct {
	Need, Label string
	Count       int
}

// VagueRow is a measure that lacks a lead, a dated deadline or a target.
type VagueRow struct {
	MeasureRef
	Strength string // the level's name in the language
	Score    int
	Lacks    []string // in the language
}

// WeakRow is a task in scope that the region covers only with encouraging
// or descriptive measures.
type WeakRow struct {
	Task, TaskTitle, Strength string
	Measures                  []MeasureRef
}

// needs whose absence makes a measure vague: a level below directive is
// told apart by the weak tasks.
var vagueNeeds = []string{strength.NeedLead, strength.NeedDeadline, strength.NeedTarget}

func briefStrength(res *Results, ri *regionIndex, region string, t *taxonomy.Taxonomy, lang Lang) BriefStrength {
	var s BriefStrength
	counts := map[string]int{}
	for _, i := range ri.measures {
		m := res.Measures[i]
		s.Levels[m.Strength.Level]++
		if m.Actionability.Score >= strength.Actionable {
			s.Actionable++
		}
		vague := false
		for _, need := range m.Actionability.Missing {
			counts[need]++
			vague = vague || slices.Contains(vagueNeeds, need)
		}
		if vague {
			s.VagueTotal++
			s.Vague = append(s.Vague, VagueRow{MeasureRef: ref(m), Strength: lang.Strength(m.Strength.Level),
				Score: m.Actionability.Score, Lacks: lang.Lacks(m.Actionability.Missing)})
		}
	}
	for _, need := range []string{strength.NeedLead, strength.NeedDeadline, strength.NeedTarget, strength.NeedBinding} {
		s.Lacks = append(s.Lacks, LackCount{Need: need, Label: lang.L("need." + need), Count: counts[need]})
	}
	sort.SliceStable(s.Vague, func(i, j int) bool { return s.Vague[i].Score < s.Vague[j].Score })
	s.Vague = s.Vague[:min(len(s.Vague), briefList)]
	for _, w := range res.Weak {
		if w.Region != region {
			continue
		}
		row := WeakRow{Task: w.Task, TaskTitle: lang.TaskTitle(t.Task(w.Task)), Strength: lang.Strength(w.Strength)}
		for _, key := range w.Measures {
			row.Measures = append(row.Measures, ref(*res.Measure(key)))
		}
		s.Weak = append(s.Weak, row)
	}
	return s
}
