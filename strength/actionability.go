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
	set := 0
	for i, has := range [len(needs)]bool{lead, dated, len(r.Targets) > 0, r.Level >= Directive} {
		if !has {
			set |= 1 << i
		}
	}
	return Actionability{Score: len(needs) - len(missing[set]), Missing: missing[set]}
}

var needs = [...]string{NeedLead, NeedDeadline, NeedTarget, NeedBinding}

// missing lists the needs absent for each set of them (bit i: needs[i]
// absent), made once: a measure's list is shared, never appended to.
var missing = func() (out [1 << len(needs)][]string) {
	for set := range out {
		out[set] = []string{}
		for i, n := range needs {
			if set&(1<<i) != 0 {
				out[set] = append(out[set], n)
			}
		}
		out[set] = out[set][:len(out[set]):len(out[set])]
	}
	return out
}()
