package taxonomy

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Input is what the matcher reads of a measure, all in normalised form
// (simplified, half-width): the caller normalises.
type Input struct {
	Title    string   // the measure's lead phrase; a prefix of Text, or empty
	Text     string   // the measure's text without its units parenthesis
	Headings []string // the section headings above it, outermost first
	Goal     bool     // a goal statement: never mapped
}

// Hit is one term found in a measure: the evidence for a task or provision.
type Hit struct {
	Term      string `json:"term"`
	At        int    `json:"at"` // rune offset in the measure's text
	Task      string `json:"task"`
	Provision string `json:"provision,omitempty"`
}

// TaskMatch is a task a measure maps to, with the score and the terms behind it.
type TaskMatch struct {
	ID       string   `json:"id"`
	Score    float64  `json:"score"` // 0..1, how strongly the evidence points here
	Evidence []string `json:"evidence"`
}

// Match is the matcher's verdict on one measure.
type Match struct {
	Tasks      []TaskMatch // strongest first; empty: unmapped
	Provisions []string    // provisions of the matched tasks the measure carries
	Hits       []Hit       // every term found, in text order
	Area       string      // the area its section heading names, if any
	Reason     string      // why a measure is unmapped
}

// Matcher maps measures onto a taxonomy.
type Matcher struct {
	tax     *Taxonomy
	terms   *automaton
	refs    [][]termRef // per pattern
	pattern []string
	heads   *automaton
	headRef [][]int // per heading pattern: areas
	// titleIndex: bigram -> national titles holding it (task*2 + 0 title, 1 short);
	// titleSize: distinct bigrams of each national title.
	titleIndex map[uint64][]int
	titleSize  []int
	slots      int
	provAt     []int // per task: where its provisions start in scratch.provs
	scratch    sync.Pool
	// namePatterns are the tasks' name patterns, with their task's index.
	namePatterns []namePattern
}

type namePattern struct {
	task    int
	pattern NamePattern
}

// scratch is what one Match works in. The matcher is shared by every core,
// so each call takes its own from a pool: a national run maps 100,000s of
// measures, and allocating these for each was a third of the bytes it allocated.
type scratch struct {
	own, scores []float64 // per task: evidence from the measure's own words; its score
	order       []int
	termW       []slotWeight // best weight of each (term, task) seen: a term counts once
	provs       []bool       // the provisions carried, every task's at provAt
	hits        []Hit        // gathered here, then copied once at their size
	sims        []float64
	bigrams     []uint64
	quoted      [][2]int // byte spans of the text's “quoted” names
}

type slotWeight struct {
	slot int
	w    float64
}

type termRef struct {
	task   int
	prov   int // -1 for a task term
	weight float64
	slot   int // this (term, task) pair's index in the per-match scratch
}

// Scoring constants; README "How a measure is mapped" explains each.
const (
	titleFactor    = 2.0 // a term in the measure's title counts twice
	provisionBonus = 0.5 // per provision of the task the measure carries
	areaBonus      = 1.5 // the section heading names the task's area
	titleSimBonus  = 4.0 // times the title's similarity to the national task title
	minTitleSim    = 0.5
	minScore       = 1.0 // below: unmapped (one ordinary term is enough to map)
	secondShare    = 0.5 // a second task needs this share of the first's score …
	secondMin      = 2.5 // … and this much evidence of its own
	maxTasks       = 3
	scoreScale     = 4.0 // score s is reported as s/(s+scoreScale)
)

// NewMatcher builds the automata over every term of the taxonomy.
func NewMatcher(t *Taxonomy) *Matcher {
	m := &Matcher{tax: t}
	index := map[string]int{}
	add := func(term string, r termRef) {
		i, ok := index[term]
		if !ok {
			i = len(m.pattern)
			index[term] = i
			m.pattern = append(m.pattern, term)
			m.refs = append(m.refs, nil)
		}
		r.slot = m.slots
		m.slots++
		m.refs[i] = append(m.refs[i], r)
	}
	provs := 0
	for ti, task := range t.Tasks {
		m.provAt = append(m.provAt, provs)
		provs += len(task.Provisions)
		for _, term := range task.SortedTerms() {
			add(term, termRef{task: ti, prov: -1, weight: task.Terms[term]})
		}
		for pi, p := range task.Provisions {
			for _, term := range p.Terms {
				add(term, termRef{task: ti, prov: pi})
			}
		}
		for _, np := range task.Names {
			m.namePatterns = append(m.namePatterns, namePattern{ti, np})
		}
		for k, title := range []string{task.Title, task.Short} {
			set := bigrams(nil, title)
			for _, b := range set {
				if m.titleIndex == nil {
					m.titleIndex = map[uint64][]int{}
				}
				m.titleIndex[b] = append(m.titleIndex[b], 2*ti+k)
			}
			m.titleSize = append(m.titleSize, len(set))
		}
	}
	m.terms = newAutomaton(m.pattern)
	var heads []string
	hindex := map[string]int{}
	for ai, a := range t.Areas {
		for _, h := range a.Headings {
			i, ok := hindex[h]
			if !ok {
				i = len(heads)
				hindex[h] = i
				heads = append(heads, h)
				m.headRef = append(m.headRef, nil)
			}
			m.headRef[i] = append(m.headRef[i], ai)
		}
	}
	m.heads = newAutomaton(heads)
	n := len(t.Tasks)
	m.scratch.New = func() any {
		return &scratch{own: make([]float64, n), scores: make([]float64, n), order: make([]int, n),
			provs: make([]bool, provs), sims: make([]float64, len(m.titleSize))}
	}
	return m
}

// Taxonomy is the taxonomy the matcher maps onto.
func (m *Matcher) Taxonomy() *Taxonomy { return m.tax }

// Match maps one measure.
func (m *Matcher) Match(in Input) Match {
	s := m.scratch.Get().(*scratch)
	defer m.scratch.Put(s)
	clear(s.own)
	clear(s.provs)
	s.termW, s.hits = s.termW[:0], s.hits[:0]
	own, provs := s.own, s.provs
	titleLen := utf8.RuneCountInString(in.Title)
	m.terms.scan(in.Text, func(p, at int) {
		inTitle := at < titleLen
		for _, r := range m.refs[p] {
			task := &m.tax.Tasks[r.task]
			h := Hit{Term: m.pattern[p], At: at, Task: task.ID}
			if r.prov >= 0 {
				h.Provision = task.Provisions[r.prov].ID
				if k := m.provAt[r.task] + r.prov; !provs[k] {
					provs[k] = true
					own[r.task] += provisionBonus
				}
			} else {
				w := r.weight
				if inTitle {
					w *= titleFactor
				}
				k := 0
				for k < len(s.termW) && s.termW[k].slot != r.slot {
					k++
				}
				if k == len(s.termW) {
					s.termW = append(s.termW, slotWeight{slot: r.slot})
				}
				if w > s.termW[k].w {
					own[r.task] += w - s.termW[k].w
					s.termW[k].w = w
				}
			}
			s.hits = append(s.hits, h)
		}
	})
	m.names(in.Text, titleLen, s)
	slices.SortStableFunc(s.hits, func(a, b Hit) int { return a.At - b.At })
	var res Match
	if len(s.hits) > 0 {
		res.Hits = slices.Clone(s.hits)
	}
	area := m.sectionArea(in.Headings)
	if area >= 0 {
		res.Area = m.tax.Areas[area].ID
	}
	if in.Goal {
		res.Reason = "a goal statement, not a measure to map"
		return res
	}
	scores, sims := s.scores, m.titleSims(s, in.Title)
	for ti, task := range m.tax.Tasks {
		if sim := max(sims[2*ti], sims[2*ti+1]); sim >= minTitleSim {
			own[ti] += titleSimBonus * sim
		}
		scores[ti] = own[ti]
		if area >= 0 && task.Area == m.tax.Areas[area].ID && own[ti] > 0 {
			scores[ti] += areaBonus
		}
	}
	order := s.order
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	top := scores[order[0]]
	if top < minScore {
		res.Reason = "no task's terms found"
		return res
	}
	for k, ti := range order {
		if k >= maxTasks || scores[ti] <= 0 {
			break
		}
		if k > 0 && (scores[ti] < secondShare*top || own[ti] < secondMin) {
			break
		}
		task := m.tax.Tasks[ti]
		tm := TaskMatch{ID: task.ID, Score: round2(scores[ti] / (scores[ti] + scoreScale))}
		for _, h := range res.Hits {
			if h.Task == task.ID && !slices.Contains(tm.Evidence, h.Term) {
				tm.Evidence = append(tm.Evidence, h.Term)
			}
		}
		res.Tasks = append(res.Tasks, tm)
		for pi := range task.Provisions {
			if provs[m.provAt[ti]+pi] {
				res.Provisions = append(res.Provisions, task.Provisions[pi].ID)
			}
		}
	}
	return res
}

// names finds the quoted local names of the tasks' name patterns (“云岭码”,
// “岱川通”): each pattern counts once, with its weight, twice in the title.
func (m *Matcher) names(text string, titleLen int, s *scratch) {
	if len(m.namePatterns) == 0 || !strings.Contains(text, "“") {
		return
	}
	s.quoted = s.quoted[:0]
	for at := 0; ; {
		i := strings.Index(text[at:], "“")
		if i < 0 {
			break
		}
		open := at + i + len("“")
		at = open
		j := strings.Index(text[open:], "”")
		if j < 0 {
			break
		}
		s.quoted = append(s.quoted, [2]int{open, open + j})
	}
	for _, np := range m.namePatterns {
		p := np.pattern
		best := 0.0
		var found []Hit
		for _, q := range s.quoted {
			name := text[q[0]:q[1]]
			n := utf8.RuneCountInString(name)
			if !strings.HasSuffix(name, p.Ending) || n <= utf8.RuneCountInString(p.Ending) ||
				p.MaxLen > 0 && n > p.MaxLen || slices.Contains(p.Except, name) {
				continue
			}
			if found == nil && len(p.Context) > 0 && !slices.ContainsFunc(p.Context, func(w string) bool { return strings.Contains(text, w) }) {
				break // no word of the pattern's context: none of its names count
			}
			pos := utf8.RuneCountInString(text[:q[0]])
			w := p.Weight
			if pos < titleLen {
				w *= titleFactor
			}
			best = max(best, w)
			found = append(found, Hit{Term: name, At: pos, Task: m.tax.Tasks[np.task].ID})
		}
		if len(found) > 0 {
			s.own[np.task] += best
			s.hits = append(s.hits, found...)
		}
	}
}

// sectionArea is the area named by the innermost heading that names one.
func (m *Matcher) sectionArea(headings []string) int {
	for i := len(headings) - 1; i >= 0; i-- {
		count := map[int]int{}
		m.heads.scan(headings[i], func(p, _ int) {
			for _, a := range m.headRef[p] {
				count[a]++
			}
		})
		best, bestN := -1, 0
		for a := range m.tax.Areas {
			if count[a] > bestN {
				best, bestN = a, count[a]
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// bigrams sets out to the distinct character pairs of s, sorted.
func bigrams(out []uint64, s string) []uint64 {
	out = out[:0]
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// titleSims is the Dice similarity of a title's bigrams to every national
// task title and short title (index task*2 + 0 or 1), in s.sims.
func (m *Matcher) titleSims(s *scratch, title string) []float64 {
	sims := s.sims
	clear(sims)
	s.bigrams = bigrams(s.bigrams, title)
	set := s.bigrams
	if len(set) == 0 {
		return sims
	}
	for _, b := range set {
		for _, t := range m.titleIndex[b] {
			sims[t]++
		}
	}
	for t, common := range sims {
		sims[t] = 2 * common / float64(len(set)+m.titleSize[t])
	}
	return sims
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
