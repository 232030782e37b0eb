package regions

import (
	"strings"
	"unicode/utf8"

	"policygap/regions/document"
)

// para is a paragraph: a block of the document model, or for plain text a
// line, or several where a page break cut a sentence.
type para struct {
	spans      []span
	heading    int // the heading level the format marks (a markdown # counts), 0 for body text
	num        numbering
	orig, norm string // the text, markup and label removed, in both forms
	// emph is the rune length of a run-in title that opens the text (bold, 【】).
	emph int
	// field is what a labelled line (责任单位：…) gives, fieldNone otherwise;
	// valueAt is where its value starts, in bytes of norm and orig.
	field           labelField
	raw             bool // a line of plain text
	valueAt, origAt int
	// assign is what the units parenthesis that ends the paragraph says, nil
	// when none does; assignAt is where it starts, in bytes of orig.
	assign   *Assignment
	assignAt int
}

// paragraphs reads the paragraph blocks into paras: outline labels, run-in
// titles and labelled lines. Plain text (lines) is read line by line
// instead, but for the spans of its task tables (skip, in order); its lines
// cut by a page break mid-sentence are joined again. Circled items run
// together in one paragraph are parted.
func (s *source) paragraphs(blocks []document.Block, lines bool, skip []span) []para {
	var out []para
	add := func(p para) {
		p.norm = s.normOf(p.spans)
		if n := len(out); n > 0 && p.raw && out[n-1].raw && continues(out[n-1], p) {
			out[n-1].spans = append(out[n-1].spans, p.spans...)
			out[n-1].norm += p.norm
			return
		}
		out = append(out, p)
	}
	if lines {
		out = make([]para, 0, strings.Count(s.normS, "\n")/2+1)
		start := 0
		for i := 0; i <= len(s.norm); i++ {
			if i < len(s.norm) && s.norm[i] != '\n' {
				continue
			}
			for len(skip) > 0 && skip[0][1] <= start {
				skip = skip[1:]
			}
			if len(skip) == 0 || i <= skip[0][0] {
				if p, ok := s.line(start, i); ok {
					add(p)
				}
			}
			start = i + 1
		}
	} else {
		out = make([]para, 0, len(blocks))
		for _, b := range blocks {
			if p, ok := s.block(b); ok {
				add(p)
			}
		}
	}
	out = s.splitCircled(out)
	for i := range out {
		p := &out[i]
		p.orig = s.origOf(p.spans)
		p.field, p.valueAt = readLabelField(p.norm)
		if p.field != fieldNone {
			p.origAt = lastRunes(p.orig, runeCount(p.norm[p.valueAt:]))
		}
	}
	return out
}

// line reads a line of plain text: markdown markers copied with it (#, **,
// -), its outline label, a bold or 【】 title.
func (s *source) line(a, b int) (para, bool) {
	for a < b && isSpace(s.norm[a]) {
		a++
	}
	for b > a && isSpace(s.norm[b-1]) {
		b--
	}
	text := s.normStr(a, b)
	if text == "" || strings.Trim(text, "-*_= ") == "" {
		return para{}, false
	}
	p := para{raw: true}
	if m := markdownPrefix(text); m != "" {
		if strings.HasPrefix(m, "#") {
			p.heading = strings.Count(m, "#")
		}
		a += runeIndex(text, len(m))
		text = text[len(m):]
	}
	bold := false
	for strings.HasPrefix(text, "**") { // bold title: **（一）加强组织领导。**
		a += 2
		text = text[2:]
		bold = true
	}
	num, n := readNumbering(text)
	if num.scheme == "" && p.heading > 0 && text != "" {
		num = numbering{scheme: headingScheme(p.heading)} // no label: the path shows the heading alone
		n = 0
	}
	p.num = num
	p.spans = []span{{a + n, b}}
	rest := text[byteOffset(text, n):]
	if bold {
		if end := strings.Index(rest, "**"); end > 0 {
			p.emph = runeCount(rest[:end])
		}
	} else {
		p.emph = bracketTitle(rest)
	}
	return p, a+n < b || num.scheme != ""
}

// block reads a paragraph block of a structured format: its label is the
// one the format renders (Word's numbering, a list's number) or, when it has
// none, one typed at the start of its text.
func (s *source) block(b document.Block) (para, bool) {
	if b.Quote || b.Table != nil {
		return para{}, false // a remark beside the text; tables are read apart
	}
	a, e := b.Start, b.End
	for a < e && isSpace(s.norm[a]) {
		a++
	}
	for e > a && isSpace(s.norm[e-1]) {
		e--
	}
	if a == e && b.Label == "" {
		return para{}, false
	}
	text := s.normStr(a, e)
	p := para{heading: b.Heading}
	n := 0
	switch {
	case b.Label == "•":
		p.num = numbering{scheme: "•", label: "•"}
	case b.Label != "":
		label := NormalizeString(strings.TrimSpace(b.Label))
		num, k := readNumbering(label)
		if num.scheme == "" || k < runeCount(label) {
			num = numbering{scheme: "label:" + labelShape(label), label: b.Label}
		} else {
			num.label = strings.TrimSpace(b.Label)
		}
		p.num = num
	default:
		p.num, n = readNumbering(text)
		if p.num.scheme == "" && b.Heading > 0 {
			p.num = numbering{scheme: headingScheme(b.Heading)}
		}
	}
	p.spans = []span{{a + n, e}}
	if b.Emph > 0 {
		// the emphasised run, from where the text (after a typed label) starts
		from, to := b.Start+b.EmphAt, b.Start+b.EmphAt+b.Emph
		if from <= a+n+1 && to > a+n {
			p.emph = to - (a + n)
		}
	} else {
		p.emph = bracketTitle(text[byteOffset(text, n):])
	}
	return p, a+n < e || p.num.scheme != ""
}

// headingScheme is the outline scheme of an unnumbered heading of a level.
func headingScheme(level int) string { return "#" + string(rune('0'+min(level, 9))) }

// labelShape is a label with its digits and letters generalised ("A." ->
// "a.", "Ⅱ、" -> "a、"), so labels of one list share a scheme.
func labelShape(label string) string {
	var b strings.Builder
	for _, r := range label {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= 'Ⅰ' && r <= 'ⅿ':
			if !strings.HasSuffix(b.String(), "a") {
				b.WriteByte('a')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bracketTitle is the rune length of a 【…】 title opening text, 0 if none.
func bracketTitle(text string) int {
	if !strings.HasPrefix(text, "【") {
		return 0
	}
	end := strings.Index(text, "】")
	if end < 0 || runeCount(text[:end]) > 30 || end+len("】") == len(text) {
		return 0
	}
	return runeCount(text[:end+len("】")])
}

// byteOffset is the byte offset of rune n of s.
func byteOffset(s string, n int) int {
	for at := range s {
		if n == 0 {
			return at
		}
		n--
	}
	return len(s)
}

// continues reports whether next carries on prev's sentence across a page break.
func continues(prev, next para) bool {
	if next.num.scheme != "" || next.heading > 0 || prev.heading > 0 || isAssignmentOnly(next.norm) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev.norm)
	if prev.norm == "" || strings.ContainsRune("。;!?:)”」》】", last) {
		return false
	}
	if prev.num.scheme != "" && runeCount(prev.norm) <= 40 && !strings.Contains(prev.norm, "。") { // a heading: 一、指导思想
		return false
	}
	if isDateLine(prev.norm) || isDateLine(next.norm) {
		return false
	}
	if f, _ := readLabelField(prev.norm); f != fieldNone {
		return false
	}
	if f, _ := readLabelField(next.norm); f != fieldNone {
		return false
	}
	return !isPlanTitle(strings.TrimSpace(prev.norm))
}

func isAssignmentOnly(norm string) bool {
	t := strings.TrimSpace(norm)
	return strings.HasPrefix(t, "(") && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, ")。"))
}

// splitCircled parts a paragraph in which circled items run on
// ("1．做好查验服务。①县卫健局要…。②县交通运输局负责…。"): each of ①, ②, … in
// order, at the start or after a sentence or clause ends, begins a
// paragraph of its own; what stands before ① stays the item's heading.
func (s *source) splitCircled(ps []para) []para {
	if !strings.Contains(s.normS, "②") { // its lead byte, E2, is rare in Chinese text
		return ps
	}
	var out []para
	for _, p := range ps {
		from := '①'
		if p.num.scheme == "①" { // the line opens with ①: its text holds ② on
			from += rune(p.num.value)
		}
		cuts := circledCuts(p.norm, from)
		if cuts == nil || strings.Contains(s.normOf(p.spans), "**") {
			out = append(out, p)
			continue
		}
		if cuts[0] > 0 {
			head := p
			head.spans = subSpans(p.spans, 0, cuts[0])
			head.norm = s.normOf(head.spans)
			out = append(out, head)
		}
		ends := append(cuts[1:], runeCount(p.norm))
		for k, c := range cuts {
			item := para{spans: subSpans(p.spans, c, ends[k]), raw: p.raw}
			text := s.normOf(item.spans)
			var n int
			item.num, n = readNumbering(text)
			item.spans = subSpans(item.spans, n, ends[k]-c)
			item.norm = s.normOf(item.spans)
			out = append(out, item)
		}
	}
	return out
}

// circledCuts are the rune offsets in norm where ①, ②, … begin items: in
// sequence from the circled number from (① unless the paragraph's own label
// is one), each at the start or after 。 ; : (blanks between); nil unless
// that makes two items or more, the paragraph's label counted.
func circledCuts(norm string, from rune) []int {
	if !strings.Contains(norm, string(from)) || from == '①' && !strings.Contains(norm, "②") {
		return nil
	}
	var cuts []int
	want := from
	prev := rune(-1) // the last rune before, blanks skipped
	i := 0
	for _, r := range norm {
		if r == want && (prev < 0 || strings.ContainsRune("。;:", prev)) {
			cuts = append(cuts, i)
			want++
		}
		if !isSpace(r) {
			prev = r
		}
		i++
	}
	if len(cuts)+int(from-'①') < 2 {
		return nil
	}
	return cuts
}

// subSpans is the part of spans that holds runes [from, to) of their text.
func subSpans(spans []span, from, to int) []span {
	var out []span
	at := 0 // runes before sp
	for _, sp := range spans {
		l := sp[1] - sp[0]
		a, b := max(from-at, 0), min(to-at, l)
		if a < b {
			out = append(out, span{sp[0] + a, sp[0] + b})
		}
		at += l
	}
	return out
}
