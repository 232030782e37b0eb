package compare

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"policygap/regions"
	"policygap/strength"
	"policygap/taxonomy"
)

// Input is everything one comparison reads.
type Input struct {
	Corpus   *regions.Corpus
	Measures []Mapped // after overrides
	Taxonomy *taxonomy.Taxonomy
	AsOf     time.Time
	// Progress is the work ledger's (工作台账) entry per measure key, if any.
	Progress map[string]Progress
}

// Progress is what a planner recorded of a measure in the ledger.
type Progress struct {
	Status string    `json:"status"` // 未启动 / 推进中 / 已完成 / 长期坚持 / 已调整
	Done   time.Time `json:"done"`   // completion date, zero if none
	Note   string    `json:"note,omitempty"`
}

// MarshalJSON writes the completion date as YYYY-MM-DD, null when there is none.
func (p Progress) MarshalJSON() ([]byte, error) {
	var done *string
	if !p.Done.IsZero() {
		d := p.Done.Format(time.DateOnly)
		done = &d
	}
	return json.Marshal(struct {
		Status string  `json:"status"`
		Done   *string `json:"done"`
		Note   string  `json:"note,omitempty"`
	}{p.Status, done, p.Note})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (p *Progress) UnmarshalJSON(b []byte) error {
	var v struct {
		Status string  `json:"status"`
		Done   *string `json:"done"`
		Note   string  `json:"note"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Progress{Status: v.Status, Note: v.Note}
	if v.Done != nil {
		d, err := time.Parse(time.DateOnly, *v.Done)
		if err != nil {
			return fmt.Errorf("progress: done %q is not YYYY-MM-DD", *v.Done)
		}
		p.Done = d
	}
	return nil
}

// Done is true when the ledger says the measure is completed.
func (p Progress) IsDone() bool { return p.Status == StatusDone }

// Ledger statuses (进展状态).
const (
	StatusNotStarted = "未启动"
	StatusOngoing    = "推进中"
	StatusDone       = "已完成"
	StatusLongTerm   = "长期坚持"
	StatusAdjusted   = "已调整"
)

// Statuses lists the ledger statuses in the order a planner picks them.
var Statuses = []string{StatusNotStarted, StatusOngoing, StatusDone, StatusLongTerm, StatusAdjusted}

// Level grades how far a region covers a task or area.
type Level string

const (
	LevelNone       Level = "none"         // no measure
	LevelMentioned  Level = "mentioned"    // measures, but no national provision in them
	LevelPartial    Level = "partial"      // some provisions
	LevelFull       Level = "full"         // at least two thirds of the provisions
	LevelOutOfScope Level = "out_of_scope" // the region's documents do not set out to cover it
)

// Coverage rule constants; the README states them in a planner's words.
const (
	mentionedScore = 0.25    // a task with measures but no provision
	fullShare      = 2.0 / 3 // provisions share from which a task is fully covered
)

// Result is the whole comparison, read-only, in a stable order.
type Result struct {
	Taxonomy     TaxonomyRef     `json:"taxonomy"`
	AsOf         string          `json:"as_of"`
	Regions      []RegionResult  `json:"regions"`
	Measures     []MeasureResult `json:"-"`             // reports writes them as measure records
	Coverage     []TaskCoverage  `json:"coverage"`      // region x task, regions in order, tasks in taxonomy order
	AreaCoverage []AreaCoverage  `json:"area_coverage"` // region x area
	Gaps         []ProvisionGap  `json:"provision_gaps"`
	Deadlines    []DeadlineGap   `json:"deadline_gaps"`
	Units        []UnitLoad      `json:"unit_load"`
	NoLead       []TaskRef       `json:"tasks_without_lead"`
	Weak         []WeakTask      `json:"weak_tasks"`
	Innovations  []Innovation    `json:"innovations"`
	RollUps      []RollUp        `json:"roll_ups"`
	NoUnit       []string        `json:"measures_without_unit"`
	byRegionTask map[[2]string]int
	byKey        map[string]int
	byRegion     map[string]int
}

// TaxonomyRef names the yardstick of the run.
type TaxonomyRef struct {
	Name string `json:"name"`
	File string `json:"file"`
	Hash string `json:"hash"`
}

// RegionResult is one region's headline.
type RegionResult struct {
	Name       string   `json:"name"`
	Level      string   `json:"level"`
	Parent     string   `json:"parent,omitempty"`
	Docs       []string `json:"docs"`
	Scope      []string `json:"scope"` // task ids judged; all tasks unless the documents say otherwise
	ScopeNote  string   `json:"scope_note,omitempty"`
	Measures   int      `json:"measures"`
	Mapped     int      `json:"mapped"`
	Index      float64  `json:"index"` // mean task score over the tasks in scope
	Rank       int      `json:"rank"`  // by index, 1 = best
	Strongest  []string `json:"strongest_areas"`
	Weakest    []string `json:"weakest_areas"`
	NoUnit     int      `json:"measures_without_unit"`
	NoDeadline int      `json:"measures_without_deadline"`
	Actionable int      `json:"actionable_measures"` // actionability score of at least strength.Actionable
	Weak       int      `json:"weak_tasks"`          // in-scope tasks covered only by encouraging or descriptive measures
}

// MeasureResult is a measure as the comparison sees it.
type MeasureResult struct {
	Mapped
	Tasks    []string  `json:"-"` // task ids, strongest first
	Progress *Progress `json:"-"`
}

// TaskCoverage is how far a region covers one task.
type TaskCoverage struct {
	Region     string   `json:"region"`
	Task       string   `json:"task"`
	Measures   []string `json:"measures"` // keys of the measures mapped to the task
	Provisions []string `json:"provisions_covered"`
	Total      int      `json:"provisions_total"`
	Score      float64  `json:"score"`
	Level      Level    `json:"level"`
	// Strength is the strongest level among the task's measures; nil when
	// it has none.
	Strength        *strength.Level `json:"strength,omitempty"`
	Actionable      int             `json:"actionable"`       // measures scoring at least strength.Actionable
	ActionableShare float64         `json:"actionable_share"` // of the task's measures; 0 when none
	Targets         []TaskTarget    `json:"targets"`          // the quantified targets of its measures
}

// AreaCoverage is the mean of a region's task scores in an area.
type AreaCoverage struct {
	Region string  `json:"region"`
	Area   string  `json:"area"`
	Score  float64 `json:"score"`
	Level  Level   `json:"level"`
	Tasks  int     `json:"tasks_in_scope"`
}

// TaskRef names a region's task.
type TaskRef struct {
	Region string `json:"region"`
	Task   string `json:"task"`
}

// Compare computes the comparison.
func Compare(in Input) *Result {
	t := in.Taxonomy
	r := &Result{Taxonomy: TaxonomyRef{t.Name, t.File, t.Hash}, AsOf: in.AsOf.Format(time.DateOnly),
		byRegionTask: map[[2]string]int{}}
	regionsList := in.Corpus.Regions()
	// sized once: at national scale these are 100,000s of records, and
	// growing them copies each several times
	r.Measures = make([]MeasureResult, 0, len(in.Measures))
	r.Regions = make([]RegionResult, 0, len(regionsList))
	r.Coverage = make([]TaskCoverage, 0, len(regionsList)*len(t.Tasks))
	r.AreaCoverage = make([]AreaCoverage, 0, len(regionsList)*len(t.Areas))
	byRegion := map[string][]int{}
	for i, m := range in.Measures {
		mr := MeasureResult{Mapped: m}
		for _, tm := range m.Match.Tasks {
			mr.Tasks = append(mr.Tasks, tm.ID)
		}
		if p, ok := in.Progress[m.Key()]; ok {
			p := p
			mr.Progress = &p
		}
		r.Measures = append(r.Measures, mr)
		byRegion[m.Region] = append(byRegion[m.Region], i)
	}
	for _, reg := range regionsList {
		rr := RegionResult{Name: reg.Name, Level: string(reg.Level), Parent: reg.Parent}
		for _, d := range reg.Docs {
			rr.Docs = append(rr.Docs, d.Name())
		}
		rr.Scope, rr.ScopeNote = scopeOf(reg, r.Measures, byRegion[reg.Name], t)
		for _, i := range byRegion[reg.Name] {
			m := r.Measures[i]
			rr.Measures++
			if len(m.Tasks) > 0 {
				rr.Mapped++
			}
			if len(m.Units) == 0 {
				rr.NoUnit++
				r.NoUnit = append(r.NoUnit, m.Key())
			}
			if m.Deadline.Kind != regions.DeadlineDate && m.Deadline.Kind != regions.DeadlineOngoing && !m.Goal {
				rr.NoDeadline++
			}
			if m.Strength.Actionable() {
				rr.Actionable++
			}
		}
		r.coverRegion(&rr, byRegion[reg.Name], t)
		r.Regions = append(r.Regions, rr)
	}
	r.rank()
	r.index()
	r.Gaps = provisionGaps(r, t)
	r.Deadlines = deadlineGaps(r, in, t)
	r.Units, r.NoLead = responsibility(r, t)
	r.Weak = weakTasks(r)
	r.Innovations = innovations(r, t)
	r.RollUps = rollUps(r, t)
	return r
}

// coverRegion fills the region's task and area coverage and its index.
func (r *Result) coverRegion(rr *RegionResult, idx []int, t *taxonomy.Taxonomy) {
	inScope := map[string]bool{}
	for _, id := range rr.Scope {
		inScope[id] = true
	}
	scores := map[string]float64{}
	for _, task := range t.Tasks {
		c := TaskCoverage{Region: rr.Name, Task: task.ID, Total: len(task.Provisions), Measures: []string{},
			Provisions: []string{}, Targets: []TaskTarget{}}
		covered := map[string]bool{}
		for _, i := range idx {
			m := r.Measures[i]
			if !slices.Contains(m.Tasks, task.ID) {
				continue
			}
			c.Measures = append(c.Measures, m.Key())
			c.addStrength(m)
			for _, p := range m.Match.Provisions {
				if t.Task(task.ID) != nil && provisionOf(p) == task.ID {
					covered[p] = true
				}
			}
		}
		for _, p := range task.Provisions {
			if covered[p.ID] {
				c.Provisions = append(c.Provisions, p.ID)
			}
		}
		c.Score, c.Level = taskScore(len(c.Measures), len(c.Provisions), c.Total)
		if len(c.Measures) > 0 {
			c.ActionableShare = round3(float64(c.Actionable) / float64(len(c.Measures)))
		}
		if !inScope[task.ID] {
			c.Level = LevelOutOfScope
		} else if c.IsWeak() {
			rr.Weak++
		}
		scores[task.ID] = c.Score
		r.byRegionTask[[2]string{rr.Name, task.ID}] = len(r.Coverage)
		r.Coverage = append(r.Coverage, c)
	}
	var sum float64
	var n int
	type areaScore struct {
		id    string
		score float64
	}
	var areas []areaScore
	for _, a := range t.Areas {
		ac := AreaCoverage{Region: rr.Name, Area: a.ID}
		for _, task := range t.Tasks {
			if task.Area == a.ID && inScope[task.ID] {
				ac.Score += scores[task.ID]
				ac.Tasks++
			}
		}
		if ac.Tasks == 0 {
			ac.Level = LevelOutOfScope
		} else {
			ac.Score = round3(ac.Score / float64(ac.Tasks))
			ac.Level = LevelOf(ac.Score)
			areas = append(areas, areaScore{a.ID, ac.Score})
		}
		r.AreaCoverage = append(r.AreaCoverage, ac)
	}
	for _, id := range rr.Scope {
		sum += scores[id]
		n++
	}
	if n > 0 {
		rr.Index = round3(sum / float64(n))
	}
	sort.SliceStable(areas, func(i, j int) bool { return areas[i].score > areas[j].score })
	for i := 0; i < len(areas) && i < 2; i++ {
		rr.Strongest = append(rr.Strongest, areas[i].id)
		rr.Weakest = append(rr.Weakest, areas[len(areas)-1-i].id)
	}
}

// taskScore: none 0; a task with measures but no provision 0.25; with
// provisions 0.25 + 0.75 × the share of the task's provisions covered.
func taskScore(measures, covered, total int) (float64, Level) {
	if measures == 0 {
		return 0, LevelNone
	}
	if total == 0 {
		return 1, LevelFull
	}
	share := float64(covered) / float64(total)
	score := round3(mentionedScore + (1-mentionedScore)*share)
	switch {
	case covered == 0:
		return score, LevelMentioned
	case share >= fullShare:
		return score, LevelFull
	}
	return score, LevelPartial
}

// LevelCuts are the scores LevelOf cuts at: mentioned up to the first,
// full from the second.
func LevelCuts() [2]float64 {
	return [2]float64{mentionedScore, mentionedScore + (1-mentionedScore)*fullShare}
}

// LevelOf grades an area's mean score with the same cut points as a task's
// (a task's own level is always LevelOf its score).
func LevelOf(score float64) Level {
	switch {
	case score == 0:
		return LevelNone
	case score <= LevelCuts()[0]:
		return LevelMentioned
	case score >= LevelCuts()[1]:
		return LevelFull
	}
	return LevelPartial
}

// provisionOf is the task of a provision id (T07.3 -> T07).
func provisionOf(id string) string {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '.' {
			return id[:i]
		}
	}
	return id
}

// scopeOf is the tasks a region is judged on: the union of its documents'
// declared scopes; a document without one covers everything, except a
// national ministry's, whose scope is inferred as the areas its measures fall in.
func scopeOf(reg *regions.Region, ms []MeasureResult, idx []int, t *taxonomy.Taxonomy) ([]string, string) {
	declared := map[string]bool{}
	all, inferred := false, false
	for _, d := range reg.Docs {
		switch {
		case len(d.Scope) > 0:
			for _, s := range d.Scope {
				declared[s] = true
			}
		case d.Level == regions.LevelNational:
			inferred = true
			for _, i := range idx {
				if ms[i].Doc != d.Name() {
					continue
				}
				for _, id := range ms[i].Tasks {
					if task := t.Task(id); task != nil {
						declared[task.Area] = true
					}
				}
			}
		default:
			all = true
		}
	}
	var scope []string
	for _, task := range t.Tasks {
		if all || declared[task.ID] || declared[task.Area] {
			scope = append(scope, task.ID)
		}
	}
	note := ""
	if inferred && !all {
		note = "inferred: the areas its measures fall in (a national ministry's notice covers its own field)"
	}
	return scope, note
}

// index builds the lookups by region and by measure key; after it the
// result is only read, from as many goroutines as like.
func (r *Result) index() {
	r.byRegion = make(map[string]int, len(r.Regions))
	for i, rr := range r.Regions {
		r.byRegion[rr.Name] = i
	}
	r.byKey = make(map[string]int, len(r.Measures))
	for i, m := range r.Measures {
		r.byKey[m.Key()] = i
	}
}

// rank orders regions by index (1 = best; ties share a rank).
func (r *Result) rank() {
	order := make([]int, len(r.Regions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return r.Regions[order[a]].Index > r.Regions[order[b]].Index })
	for pos, i := range order {
		r.Regions[i].Rank = pos + 1
		if pos > 0 && r.Regions[order[pos-1]].Index == r.Regions[i].Index {
			r.Regions[i].Rank = r.Regions[order[pos-1]].Rank
		}
	}
}

// TaskCoverageOf returns a region's coverage of a task, or nil.
func (r *Result) TaskCoverageOf(region, task string) *TaskCoverage {
	if i, ok := r.byRegionTask[[2]string{region, task}]; ok {
		return &r.Coverage[i]
	}
	return nil
}

// Region returns the region's headline, or nil.
func (r *Result) Region(name string) *RegionResult {
	if i, ok := r.byRegion[name]; ok {
		return &r.Regions[i]
	}
	return nil
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }
