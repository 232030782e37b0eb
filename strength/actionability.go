package strength

// What an actionable measure has; Actionability.Missing names the absent ones.
const (
	NeedLead     = "lead"      // a lead unit, or a single responsible unit
	NeedDeadline = "deadline"  // a dated deadline
	NeedTarget   = "target"    // a quantified target
	NeedBinding  = "directive" // a level of at least directive
)

// Actionable is the score from which a measure counts as actionable.
const Actionable = 3

// Actionability is one point for each of a lead, a dated deadline, a
// quantified target and a level of at least directive (可操作性).
type Actionability struct {
	Score   int      `json:"score"`
	Missing []string `json:"missing"`
}

// Assess scores a measure's actionability.
func Assess(lead, dated bool, r Reading) Actionability {
	a := Actionability{Missing: []string{}}
	for _, c := range []struct {
		has  bool
		name string
	}{{lead, NeedLead}, {dated, NeedDeadline}, {len(r.Targets) > 0, NeedTarget}, {r.Level >= Directive, NeedBinding}} {
		if c.has {
			a.Score++
		} else {
			a.Missing = append(a.Missing, c.name)
		}
	}
	return a
}
