package taxonomy

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

//go:embed taxonomy.yaml
var defaultYAML []byte

// Taxonomy is the yardstick: areas, tasks with their provisions, milestones.
type Taxonomy struct {
	Name       string      `yaml:"name"`
	Title      string      `yaml:"title"`
	Issued     string      `yaml:"issued"`
	Milestones []Milestone `yaml:"milestones"`
	Areas      []Area      `yaml:"areas"`
	Tasks      []Task      `yaml:"tasks"`

	// File and Hash identify the file the taxonomy was read from.
	File string `yaml:"-"`
	Hash string `yaml:"-"`

	taskIndex map[string]int
	areaIndex map[string]int
	mileIndex map[string]int
}

// Milestone is a national deadline (2020年底, 2021年底, 2022年底).
type Milestone struct {
	ID    string `yaml:"id"`
	Date  string `yaml:"date"`
	Label string `yaml:"label"`

	date time.Time
}

// Time is the milestone's date.
func (m Milestone) Time() time.Time { return m.date }

// Area groups tasks (A1 emergency … A7 smart products, S safeguards).
type Area struct {
	ID    string `yaml:"id"`
	Key   string `yaml:"key"`
	Title string `yaml:"title"`
	Short string `yaml:"short"`
	En    string `yaml:"en"` // a short English title
	// Headings are words that, in a document's section heading, say that the
	// measures under it belong to this area.
	Headings []string `yaml:"headings"`
}

// Task is one of the 20 tasks or 5 safeguard measures.
type Task struct {
	ID        string `yaml:"id"`
	Area      string `yaml:"area"`
	Title     string `yaml:"title"`
	Short     string `yaml:"short"`
	En        string `yaml:"en"`        // a short English title
	Milestone string `yaml:"milestone"` // the reference deadline for the task
	// Terms say what the task's measures talk about, with a weight: how sure
	// the term alone makes it (0.3 .. 3).
	Terms map[string]float64 `yaml:"terms"`
	// Names recognise the local names the task's subject goes by: each
	// region names its health code (渝康码, 云岭码) and its government app
	// (岱川通) itself, so no list of terms can hold them.
	Names      []NamePattern `yaml:"names"`
	Provisions []Provision   `yaml:"provisions"`
}

// NamePattern is a quoted name (“…码”) that counts for a task like a term of
// Weight: its last characters are Ending, it is at most MaxLen characters,
// it is none of Except, and the measure says one of Context (if given).
type NamePattern struct {
	Ending  string   `yaml:"ending"`
	Weight  float64  `yaml:"weight"`
	MaxLen  int      `yaml:"max_len"`
	Except  []string `yaml:"except"`
	Context []string `yaml:"context"`
	Note    string   `yaml:"note"`
}

// Provision is a concrete requirement of the national text (无健康码通道, 现场号源 …).
type Provision struct {
	ID     string   `yaml:"id"`
	Label  string   `yaml:"label"`
	En     string   `yaml:"en"`     // the label in English
	Source string   `yaml:"source"` // the national sentence it comes from
	Terms  []string `yaml:"terms"`  // any of them signals the provision
}

// DefaultYAML is the embedded taxonomy file as written.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// Default returns the embedded 45号 taxonomy.
func Default() (*Taxonomy, error) { return Parse("taxonomy.yaml (embedded)", defaultYAML) }

// Parse decodes a taxonomy file strictly (unknown keys are errors) and
// validates it. The error lists every problem with its line.
func Parse(file string, data []byte) (*Taxonomy, error) {
	t := &Taxonomy{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(t); err != nil {
		return nil, fmt.Errorf("%s: %s", file, yamlProblems(err))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if problems := t.validate(lineFinder(&root)); len(problems) > 0 {
		return nil, fmt.Errorf("%s: %d problem(s):\n  %s", file, len(problems), strings.Join(problems, "\n  "))
	}
	sum := sha256.Sum256(data)
	t.File, t.Hash = file, hex.EncodeToString(sum[:8])
	return t, nil
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

// yamlProblems formats a decoding error as one problem per line.
func yamlProblems(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%d problem(s):\n  %s", len(te.Errors), strings.Join(te.Errors, "\n  "))
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// lineFinder returns the line of the nth (from 0) "id: <value>" in the document.
func lineFinder(root *yaml.Node) func(id string, nth int) int {
	lines := map[string][]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode {
					lines[v.Value] = append(lines[v.Value], v.Line)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return func(id string, nth int) int {
		if nth < len(lines[id]) {
			return lines[id][nth]
		}
		return 0
	}
}

// validate checks what the types cannot: unique ids, references that
// resolve, dates that parse, weights in range. It returns every problem.
func (t *Taxonomy) validate(line func(id string, nth int) int) []string {
	var p []string
	occurrence := map[string]int{} // how many times an id was declared so far
	add := func(id, format string, args ...any) {
		where := ""
		if l := line(id, max(0, occurrence[id]-1)); l > 0 {
			where = fmt.Sprintf("line %d: ", l)
		}
		p = append(p, where+fmt.Sprintf(format, args...))
	}
	t.taskIndex, t.areaIndex, t.mileIndex = map[string]int{}, map[string]int{}, map[string]int{}
	seen := map[string]bool{}
	unique := func(id, kind string) {
		occurrence[id]++
		if id == "" {
			p = append(p, fmt.Sprintf("a %s without an id", kind))
		} else if seen[id] {
			add(id, "%s id %q is used twice", kind, id)
		}
		seen[id] = true
	}
	for i := range t.Milestones {
		m := &t.Milestones[i]
		unique(m.ID, "milestone")
		d, err := time.Parse(time.DateOnly, m.Date)
		if err != nil {
			add(m.ID, "milestone %s: date %q is not YYYY-MM-DD", m.ID, m.Date)
		}
		m.date = d
		t.mileIndex[m.ID] = i
	}
	for i, a := range t.Areas {
		unique(a.ID, "area")
		if a.Title == "" {
			add(a.ID, "area %s has no title", a.ID)
		}
		t.areaIndex[a.ID] = i
	}
	if len(t.Tasks) == 0 {
		p = append(p, "no tasks")
	}
	for i, task := range t.Tasks {
		unique(task.ID, "task")
		t.taskIndex[task.ID] = i
		if _, ok := t.areaIndex[task.Area]; !ok {
			add(task.ID, "task %s names area %q, which is not defined", task.ID, task.Area)
		}
		if _, ok := t.mileIndex[task.Milestone]; !ok && task.Milestone != "" {
			add(task.ID, "task %s names milestone %q, which is not defined", task.ID, task.Milestone)
		}
		if task.Title == "" {
			add(task.ID, "task %s has no title", task.ID)
		}
		if len(task.Terms) == 0 {
			add(task.ID, "task %s has no terms: nothing could ever match it", task.ID)
		}
		for term, w := range task.Terms {
			if strings.TrimSpace(term) == "" || w <= 0 || w > 5 {
				add(task.ID, "task %s: term %q has weight %g (want a non-empty term, 0 < weight <= 5)", task.ID, term, w)
			}
		}
		for _, n := range task.Names {
			if strings.TrimSpace(n.Ending) == "" || n.Weight <= 0 || n.Weight > 5 || n.MaxLen < 0 {
				add(task.ID, "task %s: name pattern ending %q has weight %g and max_len %d (want an ending, 0 < weight <= 5, max_len >= 0)", task.ID, n.Ending, n.Weight, n.MaxLen)
			}
		}
		for _, pr := range task.Provisions {
			unique(pr.ID, "provision")
			if !strings.HasPrefix(pr.ID, task.ID+".") {
				add(pr.ID, "provision %s is listed under task %s: its id must start with %s.", pr.ID, task.ID, task.ID)
			}
			if len(pr.Terms) == 0 {
				add(pr.ID, "provision %s has no terms", pr.ID)
			}
		}
	}
	return p
}

// Task returns the task with the id, or nil.
func (t *Taxonomy) Task(id string) *Task {
	if i, ok := t.taskIndex[id]; ok {
		return &t.Tasks[i]
	}
	return nil
}

// Area returns the area with the id, or nil.
func (t *Taxonomy) Area(id string) *Area {
	if i, ok := t.areaIndex[id]; ok {
		return &t.Areas[i]
	}
	return nil
}

// Milestone returns the milestone with the id, or nil.
func (t *Taxonomy) Milestone(id string) *Milestone {
	if i, ok := t.mileIndex[id]; ok {
		return &t.Milestones[i]
	}
	return nil
}

// SortedTerms lists a task's terms, heaviest first, for display.
func (task Task) SortedTerms() []string {
	terms := make([]string, 0, len(task.Terms))
	for term := range task.Terms {
		terms = append(terms, term)
	}
	sort.Slice(terms, func(i, j int) bool {
		if task.Terms[terms[i]] != task.Terms[terms[j]] {
			return task.Terms[terms[i]] > task.Terms[terms[j]]
		}
		return terms[i] < terms[j]
	})
	return terms
}

// Terms lists every term of the tasks and provisions once, in taxonomy order.
func (t *Taxonomy) Terms() []string {
	var out []string
	seen := map[string]bool{}
	add := func(term string) {
		if !seen[term] {
			seen[term] = true
			out = append(out, term)
		}
	}
	for _, task := range t.Tasks {
		for _, term := range task.SortedTerms() {
			add(term)
		}
		for _, p := range task.Provisions {
			for _, term := range p.Terms {
				add(term)
			}
		}
	}
	return out
}

// ProvisionCount is the number of provisions of all tasks.
func (t *Taxonomy) ProvisionCount() int {
	n := 0
	for _, task := range t.Tasks {
		n += len(task.Provisions)
	}
	return n
}
