package taxonomy

import "sort"

// automaton is an Aho-Corasick automaton over runes: one pass over a text
// finds every occurrence of every term, whatever the number of terms.
type automaton struct {
	root  []int32          // transitions from the root, by BMP rune (0: stay at root)
	edges map[uint64]int32 // transitions from other states while building: state<<32 | rune
	next  [][]edge         // transitions from other states, sorted by rune, after building
	fail  []int32
	out   [][]int32 // patterns that end at a state, its suffixes' included
	lens  []int     // pattern lengths in runes
}

func newAutomaton(patterns []string) *automaton {
	a := &automaton{root: make([]int32, 0x10000), edges: map[uint64]int32{}, fail: []int32{0}, out: [][]int32{nil}}
	for pi, p := range patterns {
		rs := []rune(p)
		a.lens = append(a.lens, len(rs))
		s := int32(0)
		for _, r := range rs {
			next := a.step(s, r)
			if next == 0 {
				next = int32(len(a.fail))
				a.fail = append(a.fail, 0)
				a.out = append(a.out, nil)
				a.setEdge(s, r, next)
			}
			s = next
		}
		a.out[s] = append(a.out[s], int32(pi))
	}
	a.link()
	a.next = make([][]edge, len(a.fail))
	for k, next := range a.edges {
		s := int32(k >> 32)
		a.next[s] = append(a.next[s], edge{rune(uint32(k)), next})
	}
	for _, es := range a.next {
		sort.Slice(es, func(i, j int) bool { return es[i].r < es[j].r })
	}
	a.edges = nil
	return a
}

// edge is a transition on a rune. States have few, so a short slice scanned
// in order beats a hash lookup.
type edge struct {
	r    rune
	next int32
}

func key(s int32, r rune) uint64 { return uint64(s)<<32 | uint64(uint32(r)) }

// step is the trie transition (0 when there is none, except from the root).
func (a *automaton) step(s int32, r rune) int32 {
	if s == 0 {
		if r < 0x10000 {
			return a.root[r]
		}
		if a.next != nil {
			s = 0 // astral runes from the root: in next[0]
		} else {
			return a.edges[key(0, r)]
		}
	}
	if a.next != nil {
		for _, e := range a.next[s] {
			if e.r == r {
				return e.next
			}
			if e.r > r {
				return 0
			}
		}
		return 0
	}
	return a.edges[key(s, r)]
}

func (a *automaton) setEdge(s int32, r rune, next int32) {
	if s == 0 && r < 0x10000 {
		a.root[r] = next
		return
	}
	a.edges[key(s, r)] = next
}

// link computes failure links breadth first and merges outputs along them.
func (a *automaton) link() {
	children := make([][]struct {
		r    rune
		next int32
	}, len(a.fail))
	for r, next := range a.root {
		if next != 0 {
			children[0] = append(children[0], struct {
				r    rune
				next int32
			}{rune(r), next})
		}
	}
	for k, next := range a.edges {
		s := int32(k >> 32)
		children[s] = append(children[s], struct {
			r    rune
			next int32
		}{rune(uint32(k)), next})
	}
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, c := range children[s] {
			if s != 0 {
				f := a.fail[s]
				for f != 0 && a.step(f, c.r) == 0 {
					f = a.fail[f]
				}
				if t := a.step(f, c.r); t != c.next {
					a.fail[c.next] = t
				}
			}
			a.out[c.next] = append(a.out[c.next], a.out[a.fail[c.next]]...)
			queue = append(queue, c.next)
		}
	}
}

// scan calls fn for every pattern occurrence in text, with the rune offset
// where it starts.
func (a *automaton) scan(text string, fn func(pattern int, start int)) {
	s := int32(0)
	i := 0
	for _, r := range text {
		for s != 0 && a.step(s, r) == 0 {
			s = a.fail[s]
		}
		s = a.step(s, r)
		for _, p := range a.out[s] {
			fn(int(p), i+1-a.lens[p])
		}
		i++
	}
}
