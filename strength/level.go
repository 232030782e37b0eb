package strength

import (
	"encoding/json"
	"fmt"
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

// Reader reads measures with one set of rules.
type Reader struct {
	mandatory, mandatoryNot, modal, modalNot       lexicon
	encouraging, permissive, permissiveNot, breaks lexicon
	supportAccepts, guideNouns, carryOn, adverbs   lexicon
	action, units, unitNot, qualifiers, totality   lexicon
}

func newReader(r Rules) *Reader {
	return &Reader{
		mandatory: newLexicon(r.Mandatory), mandatoryNot: newLexicon(r.MandatoryNot),
		modal: newLexicon(r.Modal), modalNot: newLexicon(r.ModalNot),
		encouraging: newLexicon(r.Encouraging), permissive: newLexicon(r.Permissive),
		permissiveNot: newLexicon(r.PermissiveNot), breaks: newLexicon(r.Breaks),
		supportAccepts: newLexicon(r.SupportAccepts), guideNouns: newLexicon(r.GuideNouns),
		carryOn: newLexicon(r.CarryOn), adverbs: newLexicon(r.Adverbs), action: newLexicon(r.Action),
		units: newLexicon(r.TargetUnits), unitNot: newLexicon(r.UnitNotBefore),
		qualifiers: newLexicon(r.Qualifiers), totality: newLexicon(r.Totality),
	}
}

// span is a clause or sentence: runes [from, to) of the text.
type span struct{ from, to int }

// Read reads a measure's own words in matching form (simplified, half-width),
// without its title and its units parenthesis. A measure takes the strongest
// level among its clauses. An encouraging verb that opens a clause governs
// the clauses after it in the same sentence (鼓励网约车平台简化流程，增设一键叫车功能),
// until a clause carries a modal or opens with the government's own action
// (支持企业研发产品，开展应用试点).
func (r *Reader) Read(text string) Reading {
	s := []rune(text)
	q := quotedMask(s)
	var out Reading
	var cues [len(levelNames)][]Cue
	for _, sent := range split(s, span{0, len(s)}, isSentenceEnd) {
		soft := false
		for _, c := range split(s, sent, isClauseEnd) {
			var lv Level
			var cue Cue
			lv, cue, soft = r.clause(s, q, c, soft)
			out.Level = max(out.Level, lv)
			if cue.Word != "" {
				cues[lv] = addCue(cues[lv], cue)
			}
		}
	}
	out.Evidence = cues[out.Level]
	out.Targets = r.targets(s, q)
	return out
}

func addCue(cs []Cue, c Cue) []Cue {
	if len(cs) == maxEvidence {
		return cs
	}
	for _, x := range cs {
		if x.Word == c.Word {
			return cs
		}
	}
	return append(cs, c)
}

// clause is one clause's level and the word that decided it, and whether an
// encouraging verb governs the next clause.
func (r *Reader) clause(s []rune, q []bool, c span, soft bool) (Level, Cue, bool) {
	open, carry := c.from, false
	for open < c.to {
		if n := r.carryOn.at(s, open); n > 0 {
			open, carry = open+n, true
		} else if n := r.adverbs.at(s, open); n > 0 {
			open += n
		} else {
			break
		}
	}
	if cue, ok := r.find(s, q, c, r.mandatory, r.mandatoryNot); ok {
		return Mandatory, cue, false
	}
	modal, hasModal := r.find(s, q, c, r.modal, r.modalNot)
	if hasModal {
		return Directive, modal, false
	}
	if cue, governs, ok := r.opensSoft(s, q, c, open); ok {
		return Encouraging, cue, governs
	}
	if soft && (carry || r.breaks.at(s, open) == 0) {
		return Encouraging, Cue{}, true
	}
	if cue, ok := r.find(s, q, c, r.action, lexicon{}); ok {
		return Directive, cue, false
	}
	return Descriptive, Cue{}, soft
}

// opensSoft finds an encouraging verb opening the clause (支持 meaning
// 'accept' and 引导 as a noun excepted), or a permissive 可 anywhere in it.
// governs tells whether it reaches into the next clause: an encouraging verb
// does when it governs a verb (鼓励平台简化流程，增设…), not when its object is
// a thing (支持电信普遍服务试点项目，提升信号覆盖水平); 可 always does.
func (r *Reader) opensSoft(s []rune, q []bool, c span, open int) (cue Cue, governs, ok bool) {
	if n := r.encouraging.at(s, open); n > 0 && !q[open] {
		w := string(s[open : open+n])
		switch {
		case w == "支持" && r.supportAccepts.at(s, open+n) > 0:
		case w == "引导" && (open+n >= c.to || r.guideNouns.at(s, open+n) > 0):
		default:
			_, verb := r.find(s, q, span{open + n, c.to}, r.action, lexicon{})
			return Cue{Word: w, At: open}, verb, true
		}
	}
	cue, ok = r.find(s, q, c, r.permissive, r.permissiveNot)
	return cue, true, ok
}

// find is the first word of l in the clause outside quotes that no word of
// not spans.
func (r *Reader) find(s []rune, q []bool, c span, l, not lexicon) (Cue, bool) {
	for i := c.from; i < c.to; i++ {
		n := l.at(s, i)
		if n == 0 || q[i] || i+n > c.to || not.covers(s, i, n) {
			continue
		}
		return Cue{Word: string(s[i : i+n]), At: i}, true
	}
	return Cue{}, false
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

// split cuts a span at the runes end says end one, leaving out empty parts.
func split(s []rune, in span, end func(rune) bool) []span {
	var out []span
	from := in.from
	for i := in.from; i <= in.to; i++ {
		if i == in.to || end(s[i]) {
			if i > from {
				out = append(out, span{from, i})
			}
			from = i + 1
		}
	}
	return out
}

// quotedMask marks the runes inside quotation marks and title marks: a cue
// word in a name (“不得拒收现金”专项行动, 《…必须…》) governs nothing.
func quotedMask(s []rune) []bool {
	q := make([]bool, len(s))
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
		}
	}
	return q
}
