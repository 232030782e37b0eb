package regions

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// source is a document's text in both forms, rune-aligned: rune i of the
// original and rune i of the normalised text are the same character. The
// strings and their rune offsets let slices be taken without converting runes
// back to text; norm holds the normalised runes for the rules that step
// through characters.
type source struct {
	norm           []rune
	origS, normS   string
	origAt, normAt []int32 // rune index -> byte offset; one more than the runes
}

// newSource indexes text and norm, its normalised form; when norm is not made
// yet (""), normalize makes it and the index in one pass. ok is false when
// text is not valid UTF-8.
func newSource(text, norm string) (s *source, ok bool) {
	s = &source{}
	if norm == "" {
		_, ok = normalize(text, s)
		return s, ok
	}
	n := runeCount(norm) // if norm is not valid UTF-8, the loop finds out
	// filled in locals: stores into s's fields, one per rune, would each pay
	// the garbage collector's write barrier while it runs
	rs, origAt, normAt := make([]rune, n), make([]int32, n+1), make([]int32, n+1)
	j := 0 // text[j:] holds the runes of norm[i:]
	for k, i := 0, 0; k < n; k++ {
		r, size := rune(norm[i]), 1
		if r >= utf8.RuneSelf {
			// an invalid byte of text is one of norm too: normalising copies it
			if r, size = decode3(norm[i:]); size == 0 {
				r, size = utf8.DecodeRuneInString(norm[i:])
			}
			if size == 1 {
				return nil, false
			}
		}
		if j >= len(text) {
			return nil, false
		}
		rs[k], origAt[k], normAt[k] = r, int32(j), int32(i)
		i += size
		j += utf8Len(text[j])
	}
	origAt[n], normAt[n] = int32(len(text)), int32(len(norm))
	*s = source{norm: rs, origS: text, normS: norm, origAt: origAt, normAt: normAt}
	return s, j == len(text)
}

// utf8Len is the length of the UTF-8 sequence that starts with byte c.
func utf8Len(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

type span [2]int // rune offsets [start, end)

// origStr and normStr are the text of runes [a, b).
func (s *source) origStr(a, b int) string { return s.origS[s.origAt[a]:s.origAt[b]] }
func (s *source) normStr(a, b int) string { return s.normS[s.normAt[a]:s.normAt[b]] }

func (s *source) origOf(spans []span) string { return joinSpans(s.origStr, spans) }
func (s *source) normOf(spans []span) string { return joinSpans(s.normStr, spans) }

// joinSpans joins the text of spans, markdown emphasis (**) removed.
func joinSpans(text func(a, b int) string, spans []span) string {
	out := ""
	if len(spans) == 1 {
		out = text(spans[0][0], spans[0][1])
	} else {
		var b strings.Builder
		for _, sp := range spans {
			b.WriteString(text(sp[0], sp[1]))
		}
		out = b.String()
	}
	if strings.Contains(out, "**") {
		out = strings.ReplaceAll(out, "**", "")
	}
	return out
}

// para is a paragraph: one line, or several where a page break cut a sentence.
type para struct {
	spans      []span
	heading    bool // a markdown heading (# …)
	num        numbering
	orig, norm string // the text, markup removed, in both forms
	// assign is the units parenthesis that ends the paragraph, if any;
	// assignAt is where it starts, in bytes of orig.
	assign   Assignment
	assignAt int
	assigned bool
}

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
//	①     ^([①-⑳])\s*
//	第一条 ^第([一二三四五六七八九十百]{1,4})条\s*
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
	{"①", circled, func(l *pieceReader) { l.run(circled, 1, 1); l.space() }},
	{"第一条", "第", func(l *pieceReader) { l.lit("第"); l.run(cnTen+"百", 1, 4); l.lit("条"); l.space() }},
}

const (
	cnTen   = "一二三四五六七八九十"
	arabic  = "0123456789"
	circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
)

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
		raw := norm[l.num[0]:l.num[1]]
		v := cnNumber(raw)
		if n.scheme == "①" {
			v = int([]rune(raw)[0]-'①') + 1
		}
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

// paragraphs splits the text into lines, strips markdown markers, reads
// outline labels and rejoins lines that a page break cut mid-sentence.
func (s *source) paragraphs() []para {
	out := make([]para, 0, strings.Count(s.normS, "\n")+1) // at most a paragraph a line
	start := 0
	for i := 0; i <= len(s.norm); i++ {
		if i < len(s.norm) && s.norm[i] != '\n' {
			continue
		}
		p, ok := s.line(start, i)
		start = i + 1
		if !ok {
			continue
		}
		p.norm = s.normOf(p.spans)
		if n := len(out); n > 0 && continues(out[n-1], p) {
			out[n-1].spans = append(out[n-1].spans, p.spans...)
			out[n-1].norm += p.norm
			continue
		}
		out = append(out, p)
	}
	for i := range out {
		out[i].orig = s.origOf(out[i].spans)
	}
	return out
}

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
	p := para{}
	if m := markdownPrefix(text); m != "" {
		p.heading = strings.HasPrefix(m, "#")
		a += runeIndex(text, len(m))
		text = text[len(m):]
	}
	for strings.HasPrefix(text, "**") { // bold title: **（一）加强组织领导。**
		a += 2
		text = text[2:]
	}
	num, n := readNumbering(text)
	if num.scheme == "" && p.heading && text != "" {
		num = numbering{scheme: "#", label: "#"}
	}
	p.num = num
	p.spans = []span{{a + n, b}}
	if num.scheme == "#" {
		p.spans = []span{{a, b}}
	}
	return p, a+n < b || num.scheme != ""
}

func isSpace(r rune) bool {
	if r > 0x3000 { // Unicode has no space above U+3000; the BOM counts as one here
		return r == 0xFEFF
	}
	return unicode.IsSpace(r) || r == 0x3000
}

// isHan is unicode.Is(unicode.Han, r) with the common block checked first.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// continues reports whether next carries on prev's sentence across a page break.
func continues(prev, next para) bool {
	if next.num.scheme != "" || next.heading || prev.heading || isAssignmentOnly(next.norm) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev.norm)
	if prev.norm == "" || strings.ContainsRune("。;!?:)”」》】", last) {
		return false
	}
	if prev.num.scheme != "" && runeCount(prev.norm) <= 40 && !strings.Contains(prev.norm, "。") { // a heading: 一、指导思想
		return false
	}
	return !isDateLine(prev.norm) && !isDateLine(next.norm)
}

func isAssignmentOnly(norm string) bool {
	t := strings.TrimSpace(norm)
	return strings.HasPrefix(t, "(") && (strings.HasSuffix(t, ")") || strings.HasSuffix(t, ")。"))
}

var (
	// dateLine: a signature date ("2021年1月14日", "2021年11月16日印发").
	dateLine = regexp.MustCompile(`^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(印发|发布)?$`)
	// issuerLine: a signature or header line naming only the issuing body.
	issuerLine = regexp.MustCompile(`^[\p{Han}、 ]{2,40}(办公厅|办公室|人民政府|委员会|民政部|政府)$`)
	// planTitle: the title of a plan, notice or list that opens a new outline.
	planTitle = regexp.MustCompile(`^[^。]{4,80}(方案|计划|清单|意见|通知|办法|细则|措施|要点)(\s*\([^()]{2,20}\))?$`)
	// notMeasure: top-level sections that frame the plan rather than task anyone.
	notMeasure = regexp.MustCompile(`指导思想|总体要求|基本原则|工作原则|主要目标|总体目标|工作目标|阶段目标|目标任务|适用范围|编制依据`)
	goalTitle  = regexp.MustCompile(`目标`)
)

// frameLine: a signature date, an issuer's name standing alone, or a trailer
// (抄送, 附件 …): the end of an outline.
func frameLine(norm string) bool {
	return isDateLine(norm) || len(norm) <= 150 && issuerLine.MatchString(norm) || isTrailer(norm)
}

// isTrailer: a line that follows a document's body (抄送, 附件, a web page's footer).
func isTrailer(norm string) bool {
	for _, p := range []string{"抄送", "附件", "扫一扫", "本作品", "注:", "註:", "Public domain"} {
		if strings.HasPrefix(norm, p) {
			return true
		}
	}
	return false
}

// The line patterns are anchored at both ends and short; checking the length
// first keeps long paragraphs away from them.
func isDateLine(norm string) bool { return len(norm) <= 40 && dateLine.MatchString(norm) }
func isPlanTitle(norm string) bool {
	return len(norm) <= 300 && !strings.Contains(norm, "。") && titleEnding(norm) && planTitle.MatchString(norm)
}

// titleEnding: norm ends as planTitle requires, with one of its nouns, maybe
// followed by a parenthesis; a quick test before the regexp.
func titleEnding(norm string) bool {
	if strings.HasSuffix(norm, ")") {
		norm = strings.TrimRight(norm[:max(0, strings.LastIndexByte(norm, '('))], reSpace)
	}
	last, _ := utf8.DecodeLastRuneInString(norm)
	return titleNounEnds.has(last)
}

var titleNounEnds = newRuneSet("案划单见知法则施点")

// node is a numbered heading or item of the outline.
type node struct {
	para     int
	num      numbering
	parent   *node
	children []*node
	body     []int // unnumbered paragraphs that follow the heading
	plan     int
	closed   bool // the last body paragraph ended with a units parenthesis
}

// outline is a document's tree of numbered nodes, one root per plan.
type outline struct {
	src   *source
	paras []para
	roots []*node
	plans []string // plan titles, by plan index
	norms map[string]string
}

func buildOutline(src *source, year int) *outline {
	o := &outline{src: src, paras: src.paragraphs()}
	for i := range o.paras {
		p := &o.paras[i]
		p.assign, p.assignAt, p.assigned = trailingAssignment(p.norm, p.orig, year)
	}
	var stack []*node
	plan, lastRoot := 0, 0
	pendingTitle, titled := "", false // titled: a plan title stands since the last root
	o.plans = []string{""}
	for i, p := range o.paras {
		norm := strings.TrimSpace(p.norm)
		if p.num.scheme == "#" && (frameLine(norm) || isPlanTitle(norm)) {
			p.num.scheme = "" // a markdown title, not an outline heading
		}
		if p.num.scheme == "" {
			switch {
			case frameLine(norm):
				stack = nil // a signature block or trailer ends the outline
			case isPlanTitle(norm):
				stack, pendingTitle, titled = nil, p.orig, true
			case len(stack) > 0:
				top := stack[len(stack)-1]
				if top.closed && !strings.HasSuffix(norm, ")") && !strings.HasSuffix(norm, ")。") && !o.nextIsAssignment(i) {
					continue // text after a closed item that names no units: not part of it
				}
				top.body = append(top.body, i)
				top.closed = p.assigned
			default:
				if len(norm) <= 240 && !strings.Contains(norm, "。") && pendingTitle == "" {
					pendingTitle = p.orig
				}
			}
			continue
		}
		n := &node{para: i, num: p.num}
		n.closed = p.assigned
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].num.scheme == p.num.scheme {
				stack = stack[:j]
				break
			}
		}
		if len(stack) == 0 {
			if n.num.value == 1 && (lastRoot >= 2 || titled) || len(o.roots) == 0 {
				if len(o.roots) > 0 {
					plan++
					o.plans = append(o.plans, "")
				}
				o.plans[plan] = pendingTitle
			}
			pendingTitle, titled = "", false
			lastRoot = n.num.value
			n.plan = plan
			o.roots = append(o.roots, n)
		} else {
			n.parent = stack[len(stack)-1]
			n.plan = n.parent.plan
			n.parent.children = append(n.parent.children, n)
		}
		stack = append(stack, n)
	}
	return o
}

// nextIsAssignment: the paragraph after i is a units parenthesis standing alone,
// so paragraph i is the measure it belongs to.
func (o *outline) nextIsAssignment(i int) bool {
	return i+1 < len(o.paras) && o.paras[i+1].num.scheme == "" && isAssignmentOnly(o.paras[i+1].norm)
}

// trailingAssignment finds a units parenthesis at the end of a paragraph
// (normalised and original text) and parses it. It returns the assignment and
// the byte offset in origText where the parenthesis starts.
func trailingAssignment(normText, origText string, year int) (Assignment, int, bool) {
	// The normalised parentheses and spaces are ASCII: scan bytes, not runes.
	end := len(normText)
	for end > 0 {
		switch {
		case normText[end-1] == ' ' || normText[end-1] == '\t':
			end--
			continue
		case strings.HasSuffix(normText[:end], "。"):
			end -= len("。")
			continue
		}
		break
	}
	if end == 0 || normText[end-1] != ')' {
		return Assignment{}, 0, false
	}
	depth := 0
	for i := end - 1; i >= 0; i-- {
		switch normText[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth != 0 {
				continue
			}
			// the same runes of the original, counted from its end: the
			// parenthesis is short, the paragraph may be long
			tail, n := runeCount(normText[end-1:]), runeCount(normText[i+1:end-1])
			open := lastRunes(origText, tail+n+1)
			a, ok := ParseAssignment(normText[i+1:end-1], origText[lastRunes(origText, tail+n):lastRunes(origText, tail)], year)
			return a, open, ok
		}
	}
	return Assignment{}, 0, false
}

// lastRunes is the byte offset where the last n runes of s start.
func lastRunes(s string, n int) int {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		i--
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
	}
	return i
}

// runeSlice is s's runes [from, to); to < 0 means to the end.
func runeSlice(s string, from, to int) string {
	i, start := 0, -1
	for at := range s {
		if i == from {
			start = at
		}
		if i == to {
			return s[start:at]
		}
		i++
	}
	if start < 0 {
		return ""
	}
	return s[start:]
}

// Segment splits a document into measures. It fails when the document holds
// no measure it can recognise. The text must be valid UTF-8, as Decode makes it.
func Segment(doc *Document) ([]Measure, error) {
	src, ok := newSource(doc.Text, doc.norm) // the matching form made for the metadata, if it was
	doc.norm = ""                            // the measures keep what they need; the document need not hold a second copy
	if !ok {
		return nil, fmt.Errorf("the text is not valid UTF-8")
	}
	var ms []Measure
	if start, ok := tableStart(src); ok {
		ms = segmentTable(doc, src, start)
	} else {
		ms = segmentOutline(doc, buildOutline(src, doc.Date.Year()))
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("no recognisable measures in %d bytes of text (no numbered items such as 一、 /（一）/ 1. and no task table)", len(doc.Text))
	}
	return ms, nil
}

func segmentOutline(doc *Document, o *outline) []Measure {
	ms := make([]Measure, 0, len(o.paras)/2) // about a measure in two paragraphs
	var walk func(n *node, path []string, ids []string)
	walk = func(n *node, path []string, ids []string) {
		heading := strings.TrimSpace(o.paras[n.para].orig)
		label := o.paras[n.para].num.label
		ids = append(ids, strconv.Itoa(n.num.value))
		if len(n.children) > 0 {
			sub := append(append([]string{}, path...), label+heading)
			for _, c := range n.children {
				walk(c, sub, ids)
			}
			return
		}
		title := titleOf(o.paras[n.para].norm)
		if n.parent == nil && notMeasure.MatchString(title) {
			return
		}
		ms = o.itemMeasures(ms, doc, n, path, strings.Join(ids, "."))
	}
	for _, r := range o.roots {
		var path []string
		prefix := []string{}
		if r.plan > 0 {
			prefix = []string{"p" + strconv.Itoa(r.plan+1)}
		}
		if len(o.plans) > 1 && o.plans[r.plan] != "" {
			path = []string{o.plans[r.plan]}
		}
		walk(r, path, prefix)
	}
	for i := range ms {
		if len(o.plans) > 1 {
			ms[i].Plan = o.plans[planOf(ms[i].ID)]
		}
	}
	return ms
}

func planOf(id string) int {
	if strings.HasPrefix(id, "p") {
		n, _ := strconv.Atoi(strings.SplitN(id[1:], ".", 2)[0])
		return n - 1
	}
	return 0
}

// itemMeasures appends to ms one outline item's measures: one per paragraph
// group that carries its own units parenthesis, or one for the whole item.
func (o *outline) itemMeasures(ms []Measure, doc *Document, n *node, path []string, id string) []Measure {
	groups := [][]int{{n.para}}
	for _, b := range n.body {
		last := groups[len(groups)-1]
		if o.paras[last[len(last)-1]].assigned {
			groups = append(groups, []int{b})
		} else {
			groups[len(groups)-1] = append(last, b)
		}
	}
	section := ""
	if len(path) > 0 {
		section = path[len(path)-1]
	}
	year := doc.Date.Year()
	for gi, g := range groups {
		m := o.measure(doc, g, year)
		if strings.TrimSpace(m.Text) == "" {
			continue // a bare label: nothing to measure
		}
		m.Section, m.Path, m.NormPath = section, path, o.normPath(path)
		m.ID = id
		if gi > 0 {
			m.ID = id + "-" + strconv.Itoa(gi+1)
		}
		if gi == 0 {
			title := titleOf(m.Norm)
			if n := runeCount(title); n > 0 {
				m.Title = runeSlice(m.Text, 0, n)
			}
			m.Goal = goalTitle.MatchString(title) && n.parent != nil
		}
		if m.Goal {
			m.Deadline = Deadline{Kind: DeadlineNone}
		}
		ms = append(ms, m)
	}
	return ms
}

// normPath is a path in matching form; items of a section share it.
func (o *outline) normPath(path []string) []string {
	if o.norms == nil {
		o.norms = map[string]string{}
	}
	out := make([]string, len(path))
	for i, p := range path {
		n, ok := o.norms[p]
		if !ok {
			n = NormalizeString(p)
			o.norms[p] = n
		}
		out[i] = n
	}
	return out
}

// measure builds a measure from its paragraphs: text, units and deadline.
func (o *outline) measure(doc *Document, group []int, year int) Measure {
	var text, norm []string
	for _, pi := range group {
		text = append(text, o.paras[pi].orig)
		norm = append(norm, o.paras[pi].norm)
	}
	m := Measure{Region: doc.Region, Doc: doc.File, Text: strings.Join(text, "\n"), Norm: strings.Join(norm, "\n")}
	if last := o.paras[group[len(group)-1]]; last.assigned {
		m.Units, m.Lead, m.Deadline = last.assign.Units, last.assign.Lead, last.assign.Deadline
		m.Assignment = strings.TrimRight(last.orig[last.assignAt:], "。 \n")
	} else {
		m.Units, m.Lead = SubjectUnits(m.Norm, m.Text)
	}
	if m.Deadline.KindOrNone() == DeadlineNone {
		if d, s, e, found := FindDeadline(m.Norm, year); found {
			d.Raw = runeSlice(m.Text, runeIndex(m.Norm, s), runeIndex(m.Norm, e))
			m.Deadline = d
		} else {
			m.Deadline = Deadline{Kind: DeadlineNone}
		}
	}
	return m
}

// titleOf is the item's lead phrase: the text before its first full stop, when short.
func titleOf(norm string) string {
	line, _, _ := strings.Cut(norm, "\n")
	n := 0 // runes so far; a title is at most 40
	for at, c := range line {
		if c == '。' || c == ':' {
			if n <= 40 {
				return line[:at]
			}
			return ""
		}
		if n++; n > 41 {
			return ""
		}
	}
	if n <= 40 {
		return strings.TrimSpace(line)
	}
	return ""
}
