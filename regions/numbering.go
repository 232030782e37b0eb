package regions

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// numbering is an outline label such as 一、 /（一）/ 1. / 1、 /（1）/ ①.
type numbering struct {
	scheme string // "" when the paragraph is not numbered
	value  int
	label  string
}

// numberings: the label schemes, in the order they are tried. Each reads its
// label by hand; FuzzNumbering holds them to the regexps they stand for:
//
//	一、   ^([一二三四五六七八九十]{1,3})\s*[、.]\s*
//	(一)  ^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*[、.]?\s*
//	1.    ^([0-9]{1,2})\s*\.\s*(?:[^0-9]|$)
//	1、   ^([0-9]{1,2})\s*、\s*
//	(1)   ^\(\s*([0-9]{1,2})\s*\)\s*
//	1)    ^([0-9]{1,2})\s*\)\s*
//	①     ^([①-⑳])\s*
//	⑴     ^([⑴-⒇])\s*
//	㈠     ^([㈠-㈩])\s*
//	第一条 ^第([一二三四五六七八九十百]{1,4})条\s*
//	第一章 ^第([一二三四五六七八九十百]{1,4})章\s*
//	第一节 ^第([一二三四五六七八九十百]{1,4})节\s*
//	第一部分 ^第([一二三四五六七八九十百]{1,4})部分\s*
var numberings = []struct {
	scheme string
	first  string // the runes such a label can start with
	read   func(l *pieceReader)
}{
	{"一、", cnTen, func(l *pieceReader) { l.run(cnTen, 1, 3); l.space(); l.oneOf("、", "."); l.space() }},
	{"(一)", "(", func(l *pieceReader) { l.paren(cnTen, 3); l.maybe("、", "."); l.space() }},
	{"1.", arabic, func(l *pieceReader) {
		l.run(arabic, 1, 2)
		l.space()
		l.lit(".")
		// the regexp then asks for a non-digit (a space will do) or the end;
		// the label runs to the dot and the blanks after it (readNumbering)
		l.ok = l.ok && (l.i == len(l.s) || !isDigit(rune(l.s[l.i])))
	}},
	{"1、", arabic, func(l *pieceReader) { l.run(arabic, 1, 2); l.space(); l.lit("、"); l.space() }},
	{"(1)", "(", func(l *pieceReader) { l.paren(arabic, 2) }},
	{"1)", arabic, func(l *pieceReader) { l.run(arabic, 1, 2); l.space(); l.lit(")"); l.space() }},
	{"①", circled, func(l *pieceReader) { l.run(circled, 1, 1); l.space() }},
	{"⑴", parenDigits, func(l *pieceReader) { l.run(parenDigits, 1, 1); l.space() }},
	{"㈠", parenIdeographs, func(l *pieceReader) { l.run(parenIdeographs, 1, 1); l.space() }},
	{"第一条", "第", func(l *pieceReader) { l.lit("第"); l.run(cnTen+"百", 1, 4); l.lit("条"); l.space() }},
	{"第一章", "第", func(l *pieceReader) { l.lit("第"); l.run(cnTen+"百", 1, 4); l.lit("章"); l.space() }},
	{"第一节", "第", func(l *pieceReader) { l.lit("第"); l.run(cnTen+"百", 1, 4); l.lit("节"); l.space() }},
	{"第一部分", "第", func(l *pieceReader) { l.lit("第"); l.run(cnTen+"百", 1, 4); l.lit("部分"); l.space() }},
}

const (
	cnTen   = "一二三四五六七八九十"
	arabic  = "0123456789"
	circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
	// parenDigits and parenIdeographs: ⑴ … ⒇ and ㈠ … ㈩, single characters
	parenDigits     = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
	parenIdeographs = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
)

// labelValue is the number a label's numeral stands for.
func labelValue(scheme, raw string) int {
	r, _ := utf8.DecodeRuneInString(raw)
	switch scheme {
	case "①":
		return int(r-'①') + 1
	case "⑴":
		return int(r-'⑴') + 1
	case "㈠":
		return int(r-'㈠') + 1
	}
	return cnNumber(raw)
}

// pieceReader reads a short pattern (an outline label, a date) piece by
// piece from byte i of s, as the regexps it stands for would; ok turns false
// at the first piece that is not there, and the rest are then not read.
type pieceReader struct {
	s   string
	i   int
	ok  bool
	num [2]int // the byte span of the last run read: the label's number
}

func readerAt(s string, i int) pieceReader { return pieceReader{s: s, i: i, ok: true} }

// run reads min to max runes of class, as many as there are: in every
// pattern read here the next piece never starts with one, so a shorter run
// would not do either.
func (l *pieceReader) run(class string, min, max int) {
	if !l.ok {
		return
	}
	start, n := l.i, 0
	for n < max && l.i < len(l.s) {
		r, size := utf8.DecodeRuneInString(l.s[l.i:])
		if !strings.ContainsRune(class, r) {
			break
		}
		l.i += size
		n++
	}
	l.num, l.ok = [2]int{start, l.i}, n >= min
}

func (l *pieceReader) space() { l.i = skipSpace(l.s, l.i) }

// paren reads a number of class in parentheses: \(\s*…\s*\)\s*.
func (l *pieceReader) paren(class string, max int) {
	l.lit("(")
	l.space()
	l.run(class, 1, max)
	l.space()
	l.lit(")")
	l.space()
}

func (l *pieceReader) lit(p string) {
	if l.ok = l.ok && strings.HasPrefix(l.s[l.i:], p); l.ok {
		l.i += len(p)
	}
}

func (l *pieceReader) oneOf(ps ...string) {
	if !l.maybe(ps...) {
		l.ok = false
	}
}

// maybe reads one of ps if it is there.
func (l *pieceReader) maybe(ps ...string) bool {
	for _, p := range ps {
		if l.ok && strings.HasPrefix(l.s[l.i:], p) {
			l.i += len(p)
			return true
		}
	}
	return false
}

// readNumbering recognises an outline label at the start of normalised text and
// returns it with the rune length of the label. Only the schemes that can
// start with the line's first rune are tried, on the line's first 64 bytes.
func readNumbering(norm string) (numbering, int) {
	first, _ := utf8.DecodeRuneInString(norm)
	head := norm[:min(len(norm), 64)] // a label is short
	for _, n := range numberings {
		if !strings.ContainsRune(n.first, first) {
			continue
		}
		l := readerAt(head, 0)
		if n.read(&l); !l.ok {
			continue
		}
		end := l.i
		if n.scheme == "1." { // the blanks after the dot, which may run past the head
			for end < len(norm) && norm[end] == ' ' {
				end++
			}
		}
		v := labelValue(n.scheme, norm[l.num[0]:l.num[1]])
		return numbering{scheme: n.scheme, value: v, label: strings.TrimSpace(norm[:end])}, runeIndex(norm, end)
	}
	return numbering{}, 0
}

var mdPrefix = regexp.MustCompile(`^(#{1,6}\s*|>\s*|[-*+]\s+)`)

func markdownPrefix(text string) string {
	if !strings.ContainsRune("#>-*+", rune(text[0])) {
		return ""
	}
	return mdPrefix.FindString(text)
}
