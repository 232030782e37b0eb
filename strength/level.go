package strength

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Level is how binding a measure's wording is; a higher level is stronger.
type Level int

// The levels, weakest first.
const (
	Descriptive Level = iota // no action: a statement of fact or of a goal
	Encouraging              // only 鼓励, 支持, 引导, 探索, 可 …: the plan asks nobody to act
	Directive                // 要, 应, or an imperative verb: the ordinary language of a plan
	Mandatory                // 必须, 不得, 严禁, 确保 …: an obligation or a ban
)

// Levels are the levels, strongest first, as outputs list them.
var Levels = []Level{Mandatory, Directive, Encouraging, Descriptive}

var levelNames = [...]string{"descriptive", "encouraging", "directive", "mandatory"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel reads a level's name.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if n == s {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown strength level %q (want mandatory, directive, encouraging or descriptive)", s)
}

// MarshalJSON writes the level's name.
func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(l.String()) }

// UnmarshalJSON reads a level's name.
func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseLevel(s)
	*l = v
	return err
}

// Cue is a word that decided a level, at its rune offset in the text read.
type Cue struct {
	Word string `json:"word"`
	At   int    `json:"at"`
}

// Reading is what a measure's words commit to.
type Reading struct {
	Level    Level
	Evidence []Cue // the words that decided the level, first of each, at most maxEvidence
	Targets  []Target
}

const maxEvidence = 3

// The lexicons of a Reader, by the lists of strength.yaml. The first
// numScanned are found everywhere in one pass (Reader.hits); the others are
// asked for only where a rule needs them (a clause's opening, the word after
// 支持 or 引导), which spares the pass the most frequent words.
const (
	lexMandatory = iota
	lexMandatoryNot
	lexModal
	lexModalNot
	lexEncouraging
	lexPermissive
	lexPermissiveNot
	lexAction
	lexTotality
	lexNumeral // a digit, Arabic or Chinese: where a number may start
	numScanned
	lexBreaks = iota - 1
	lexSupportAccepts
	lexGuideNouns
	lexCarryOn
	lexAdverbs
	numLex
)

const numerals = "0123456789零一二两三四五六七八九十百千万"

// Reader reads measures with one set of rules.
type Reader struct {
	lex [numLex]lexicon
	// first numbers, for each rune of the Basic Multilingual Plane, the
	// words of every lexicon that begin with it (0: none): a measure's runes
	// are passed over with one array read each, and only cue words are compared.
	first                     []uint16
	words                     [][]lexWords // by first[rune]; words[0] is empty
	units, unitNot, qualifier lexicon      // read only beside a number
	scratch                   sync.Pool    // *scratch, reused between reads
}

// lexWords are the words of lexicon lex that begin with one rune, longest first.
type lexWords struct {
	lex   int
	words [][]rune
}

// scratch holds one read's working slices.
type scratch struct {
	runes  []rune
	quoted []bool
	hits   []hit
}

func newReader(r Rules) *Reader {
	rd := &Reader{first: make([]uint16, 1<<16), words: [][]lexWords{nil},
		units: newLexicon(r.TargetUnits), unitNot: newLexicon(r.UnitNotBefore), qualifier: newLexicon(r.Qualifiers)}
	for k, words := range [numLex][]string{
		lexMandatory: r.Mandatory, lexMandatoryNot: r.MandatoryNot, lexModal: r.Modal, lexModalNot: r.ModalNot,
		lexEncouraging: r.Encouraging, lexPermissive: r.Permissive, lexPermissiveNot: r.PermissiveNot,
		lexBreaks: r.Breaks, lexSupportAccepts: r.SupportAccepts, lexGuideNouns: r.GuideNouns,
		lexCarryOn: r.CarryOn, lexAdverbs: r.Adverbs, lexAction: r.Action, lexTotality: r.Totality,
		lexNumeral: strings.Split(numerals, ""),
	} {
		rd.lex[k] = newLexicon(words)
		for c, ws := range rd.lex[k].byFirst {
			if c >= 1<<16 || k >= numScanned {
				continue
			}
			if rd.first[c] == 0 {
				rd.first[c] = uint16(len(rd.words))
				rd.words = append(rd.words, nil)
			}
			rd.words[rd.first[c]] = append(rd.words[rd.first[c]], lexWords{k, ws})
		}
	}
	return rd
}

// hit is a word of lexicon lex at runes [at, at+n) of the text read.
type hit struct{ lex, at, n int }

// hits finds every cue word of s, in order of position, in one pass.
func (r *Reader) hits(s []rune, out []hit) []hit {
	for i, c := range s {
		if c >= 1<<16 { // beyond the plane: ask every lexicon
			for k := range numScanned {
				if n := r.lex[k].at(s, i); n > 0 {
					out = append(out, hit{k, i, n})
				}
			}
			continue
		}
		if r.first[c] == 0 {
			continue
		}
		for _, lw := range r.words[r.first[c]] {
			for _, w := range lw.words {
				if hasPrefix(s[i:], w) {
					out = append(out, hit{lw.lex, i, len(w)})
					break
				}
			}
		}
	}
	return out
}

// span is a clause or sentence: runes [from, to) of the text.
type span struct{ from, to int }

// Read reads a measure's words in matching form (simplified, half-width),
// without its units parenthesis; the first title runes are its run-in title
// (0 for none). A measure takes the strongest level among its clauses. An
// encouraging verb that opens a clause governs the clauses after it in the
// same sentence (鼓励网约车平台简化流程，增设一键叫车功能), until a clause
// carries a modal or opens with the government's own action (支持企业研发产品，
// 开展应用试点). A title names the topic in the imperative (推进网站和APP适老化
// 改造) and commits to nothing the body does not, so its clauses count only
// when they bind (任何单位不得拒收现金 printed as a title). Targets are read
// in the whole text.
func (r *Reader) Read(text string, title int) Reading {
	sc, _ := r.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer r.scratch.Put(sc)
	sc.runes = appendRunes(sc.runes[:0], text)
	s := sc.runes
	if title >= len(s) {
		title = 0 // a title that is the whole measure is its body
	}
	sc.quoted = quotedMask(s, sc.quoted)
	sc.hits = r.hits(s, sc.hits[:0])
	q, hs := sc.quoted, sc.hits
	var out Reading
	var cues [len(levelNames)]cueSet
	var titleBinds cueSet
	next := 0
	clauses(s, func(c span, soft bool) bool {
		from := next
		for next < len(hs) && hs[next].at < c.to {
			next++
		}
		lv, cue, soft := r.clause(s, q, hs[from:next], c, soft)
		if c.from < title {
			if lv == Mandatory {
				titleBinds.add(s, cue)
			}
			return false // a title governs nothing after it
		}
		out.Level = max(out.Level, lv)
		if cue.to > cue.from {
			cues[lv].add(s, cue)
		}
		return soft
	})
	evidence := cues[out.Level]
	if titleBinds.n > 0 && out.Level < Mandatory {
		out.Level, evidence = Mandatory, titleBinds
	}
	out.Evidence = make([]Cue, evidence.n)
	for i, c := range evidence.words[:evidence.n] {
		out.Evidence[i] = Cue{Word: string(s[c.from:c.to]), At: c.from}
	}
	out.Targets = r.targets(s, q, hs)
	return out
}

// clauses calls clause for every clause of s in order, telling it whether
// an encouraging verb of its sentence governs it; clause returns whether one
// governs the next.
func clauses(s []rune, clause func(c span, soft bool) bool) {
	from, soft := 0, false
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !isClauseEnd(s[i]) {
			continue
		}
		if i > from {
			soft = clause(span{from, i}, soft)
		}
		if i == len(s) || isSentenceEnd(s[i]) {
			soft = false
		}
		from = i + 1
	}
}

// cueSet is the first maxEvidence different cue words of a level.
type cueSet struct {
	n     int
	words [maxEvidence]span
}

// add adds the cue word at runes c of s unless the same word is there
// already or the set is full.
func (cs *cueSet) add(s []rune, c span) {
	if cs.n == maxEvidence {
		return
	}
	for _, x := range cs.words[:cs.n] {
		if slices.Equal(s[x.from:x.to], s[c.from:c.to]) {
			return
		}
	}
	cs.words[cs.n] = c
	cs.n++
}

// clause is one clause's level and the runes of the word that decided it
// (empty for none), and whether an encouraging verb governs the next clause.
func (r *Reader) clause(s []rune, q []bool, hs []hit, c span, soft bool) (Level, span, bool) {
	open, carry := c.from, false
	for open < c.to {
		if n := r.lex[lexCarryOn].at(s, open); n > 0 {
			open, carry = open+n, true
		} else if n := r.lex[lexAdverbs].at(s, open); n > 0 {
			open += n
		} else {
			break
		}
	}
	if h, ok := find(hs, q, c, lexMandatory, lexMandatoryNot); ok {
		return Mandatory, cueOf(h), false
	}
	if h, ok := find(hs, q, c, lexModal, lexModalNot); ok {
		return Directive, cueOf(h), false
	}
	if cue, governs, ok := r.opensSoft(s, q, hs, c, open); ok {
		return Encouraging, cue, governs
	}
	if soft && (carry || r.lex[lexBreaks].at(s, open) == 0) {
		return Encouraging, span{}, true
	}
	if at := r.accepts(s, q, hs, span{open, c.to}); at >= 0 {
		return Directive, span{at, at + len(accept)}, false
	}
	if h, ok := find(hs, q, c, lexAction, -1); ok {
		return Directive, cueOf(h), false
	}
	return Descriptive, span{}, soft
}

// opensSoft finds an encouraging verb opening the clause (支持 meaning
// 'accept' and 引导 as a noun excepted), or a permissive 可 anywhere in it.
// governs tells whether it reaches into the next clause: an encouraging verb
// does when it governs a verb (鼓励平台简化流程，增设…), not when its object is
// a thing (支持电信普遍服务试点项目，提升信号覆盖水平); 可 always does.
func (r *Reader) opensSoft(s []rune, q []bool, hs []hit, c span, open int) (cue span, governs, ok bool) {
	if n := wordAt(hs, lexEncouraging, open); n > 0 && !q[open] {
		switch {
		case r.accepts(s, q, hs, span{open, open + n}) == open:
		case slices.Equal(s[open:open+n], guide) && (open+n >= c.to || r.lex[lexGuideNouns].at(s, open+n) > 0):
		default:
			_, verb := find(hs, q, span{open + n, c.to}, lexAction, -1)
			return span{open, open + n}, verb, true
		}
	}
	h, ok := find(hs, q, c, lexPermissive, lexPermissiveNot)
	if !ok {
		return span{}, false, false
	}
	return cueOf(h), true, true
}

var accept, guide = []rune("支持"), []rune("引导")

// accepts is where 支持 means 'accept' in a span (支持现金支付, 支持老年人凭
// 身份证就医), or -1: a duty laid on whoever serves, not encouragement.
func (r *Reader) accepts(s []rune, q []bool, hs []hit, in span) int {
	for _, h := range hs {
		if h.lex == lexEncouraging && h.at >= in.from && h.at+len(accept) <= in.to && !q[h.at] &&
			hasPrefix(s[h.at:], accept) && r.lex[lexSupportAccepts].at(s, h.at+len(accept)) > 0 {
			return h.at
		}
	}
	return -1
}

// find is the first word of lexicon k in the span outside quotes that no
// word of lexicon not spans (需要 is no modal 要); not < 0 for none.
func find(hs []hit, q []bool, c span, k, not int) (hit, bool) {
	for _, h := range hs {
		if h.lex != k || h.at < c.from || h.at+h.n > c.to || q[h.at] || covered(hs, not, h) {
			continue
		}
		return h, true
	}
	return hit{}, false
}

func covered(hs []hit, not int, h hit) bool {
	for _, g := range hs {
		if g.lex == not && g.at <= h.at && g.at+g.n >= h.at+h.n {
			return true
		}
	}
	return false
}

// wordAt is the length of the word of lexicon k at rune i, or 0.
func wordAt(hs []hit, k, i int) int {
	for _, h := range hs {
		if h.at == i && h.lex == k {
			return h.n
		}
	}
	return 0
}

func cueOf(h hit) span { return span{h.at, h.at + h.n} }

// appendRunes appends the runes of s to rs.
func appendRunes(rs []rune, s string) []rune {
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '；', ';', '！', '？', '!', '?', '\n':
		return true
	}
	return false
}

func isClauseEnd(r rune) bool {
	switch r {
	case '，', ',', '：', ':':
		return true
	}
	return isSentenceEnd(r)
}

// quotedMask marks the runes inside quotation marks and title marks: a cue
// word in a name (“不得拒收现金”专项行动, 《…必须…》) governs nothing.
func quotedMask(s []rune, q []bool) []bool {
	q = slices.Grow(q[:0], len(s))[:len(s)]
	depth := 0
	for i, r := range s {
		switch r {
		case '“', '‘', '《', '「', '『':
			depth++
		case '”', '’', '》', '」', '』':
			depth = max(0, depth-1)
		case '"':
			if depth > 0 {
				depth--
			} else {
				depth++
			}
		default:
			q[i] = depth > 0
			continue
		}
		q[i] = false
	}
	return q
}
