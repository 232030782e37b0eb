package regions

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A task table (序号 / 重点任务 / 责任单位 / 完成时限) often reaches us flattened:
// copied out of a PDF line by line, so the cells of a row interleave (a row
// number glued into a word, "网19络"), rows repeat, and a cell's units or
// deadline land next to another row's text. segmentTable reads such a stream
// as tokens (text, row number, unit, deadline, heading), cuts measures where a
// new row's text begins, and gives each row the units and deadline the stream
// offers it, by rules that hold for any table flattened this way:
//   - a measure's text is the raw slice of the stream from its first to its
//     last text character, interleaved cells included: nothing is invented;
//   - cells inside a row's slice are that row's;
//   - the k cell groups that stand before the text of row N are those of rows
//     N-1, N-2 … (the stream skipped ahead, but kept the order of the cells);
//   - a repeated row is listed once, with the best-placed cells of its copies.

var tableHeaderRe = regexp.MustCompile(`序号\s*(?:重点任务|主要任务|工作任务|任务内容|工作内容|具体任务|任务)\s*(?:责任单位|牵头单位|责任部门|牵头部门)\s*(?:完成时限|完成时间|时间节点|时限)`)

// tableStart finds a task table's header row and returns where the rows begin.
func tableStart(src *source) (int, bool) {
	for i := 0; i+1 < len(src.norm); i++ {
		if src.norm[i] != '序' || src.norm[i+1] != '号' {
			continue
		}
		window := src.normStr(i, min(len(src.norm), i+40))
		if loc := tableHeaderRe.FindStringIndex(window); loc != nil && loc[0] == 0 {
			return i + runeIndex(window, loc[1]), true
		}
	}
	return 0, false
}

type tokenKind int

const (
	tkText tokenKind = iota
	tkNumber
	tkUnit
	tkDeadline
	tkHeading
)

type token struct {
	kind       tokenKind
	start, end int // rune offsets in the source
	number     int
	unit       string    // the unit's name as printed (fragments joined)
	deadline   *Deadline // a deadline, or one embedded in a unit broken by it
	// number is a row number, or one embedded in a unit broken by it
	commaAfter bool // a unit followed by 、: the list goes on past what follows
}

var (
	unitStartRunes = newRuneSet("市人民中国省区县自州")
	cnNumerals     = newRuneSet(cnTen)
	tableOngoing   = regexp.MustCompile(`^(?:长期坚持|持续推进|长期)`)
)

type tableReader struct {
	doc       *Document
	src       *source
	placeName []rune // the region's place name (重庆 of 重庆市): a unit's name may start with it
	vocab     map[string]bool
	// byFirst indexes the vocabulary by first rune, built after learning.
	byFirst map[rune][][]rune
	year    int
	// deadlines remembers deadlineAt where a deadline may start: the same
	// place is asked about again for every name that might break across it.
	// deadlineOf[i] is 0 before rune i is read, else 1 + its index in deadlines.
	deadlines  []deadlineCell
	deadlineOf []int32
}

type deadlineCell struct {
	d Deadline
	n int
}

func newTableReader(doc *Document, src *source) *tableReader {
	return &tableReader{doc: doc, src: src, placeName: []rune(placeName(doc.Region)), vocab: map[string]bool{}, year: doc.Date.Year(), deadlineOf: make([]int32, len(src.norm))}
}

// deadlineAt reads a deadline cell at rune i and returns its rune length (0:
// none) and the deadline, which the caller must not change.
func (t *tableReader) deadlineAt(i int) (*Deadline, int) {
	norm := t.src.norm
	if i >= len(norm) {
		return nil, 0
	}
	r := norm[i]
	dateLike := isDigit(r) && i+4 < len(norm) && isDigit(norm[i+1]) && isDigit(norm[i+3])
	if !dateLike && r != '长' && r != '持' {
		return nil, 0
	}
	if t.deadlineOf[i] == 0 {
		t.deadlines = append(t.deadlines, t.readDeadline(i, dateLike))
		t.deadlineOf[i] = int32(len(t.deadlines))
	}
	c := &t.deadlines[t.deadlineOf[i]-1]
	return &c.d, c.n
}

func (t *tableReader) readDeadline(i int, dateLike bool) deadlineCell {
	norm := t.src.norm
	if dateLike {
		// read on a short window: a date cell is at most ~16 runes
		window := t.src.normStr(i, min(len(norm), i+20))
		if m, ok := tableDate(window); ok {
			if d, ok := ParseDeadline(m, t.year); ok {
				n := runeIndex(m, len(m))
				d.Raw = t.src.origStr(i, i+n)
				return deadlineCell{d, n}
			}
		}
		return deadlineCell{}
	}
	if m := tableOngoing.FindString(t.src.normStr(i, min(len(norm), i+4))); m != "" {
		n := runeIndex(m, len(m))
		return deadlineCell{Deadline{Raw: t.src.origStr(i, i+n), Kind: DeadlineOngoing}, n}
	}
	return deadlineCell{}
}

// tableDate reads the date a table cell starts with, and the 前 and 完成 that
// may follow it: ^deadlineRe(?:前)?(?:完成)?.
func tableDate(s string) (string, bool) {
	m, ok := matchDeadlineExpr(s, 0)
	if !ok {
		return "", false
	}
	l := readerAt(s, m[1])
	l.maybe("前")
	l.maybe("完成")
	return s[:l.i], true
}

// genericUnitAt returns the rune length of a name of the usual shape
// (genericUnitRe) starting at i, or 0. It is the regexp's hot path, by hand.
func (t *tableReader) genericUnitAt(i int) int {
	return t.genericUnitLen(t.src.norm[i:])
}

// startsUnit: r may begin a unit's name (市, 省, 中国 …, or the region's place name).
func (t *tableReader) startsUnit(r rune) bool {
	return unitStartRunes.has(r) || len(t.placeName) > 0 && r == t.placeName[0]
}

var (
	unitPrefixes = [][]rune{[]rune("市"), []rune("人行"), []rune("民航"), []rune("中国"), []rune("国家"), []rune("省"), []rune("自治区"), []rune("区"), []rune("县")}
	unitSuffixes = [][]rune{[]rune("局"), []rune("委"), []rune("办事处"), []rune("办"), []rune("部"), []rune("中心"), []rune("联"), []rune("公司"), []rune("厅")}
)

// genericUnitLen is the rune length of a name of the usual shape that opens
// rs (a prefix, 1 to 12 Han characters, a suffix), 0 if none.
func (t *tableReader) genericUnitLen(rs []rune) int {
	if len(rs) == 0 || !t.startsUnit(rs[0]) {
		return 0
	}
	for _, p := range unitPrefixes {
		if n, ok := unitAfter(rs, p); ok {
			return n
		}
	}
	if len(t.placeName) > 0 {
		if n, ok := unitAfter(rs, t.placeName); ok {
			return n
		}
	}
	return 0
}

// unitAfter: rs opens with prefix p (ok), then 1 to 12 Han characters, as
// few as will reach a suffix; n is the name's rune length, 0 if no suffix
// comes.
func unitAfter(rs, p []rune) (n int, ok bool) {
	if len(rs) < len(p) || !slices.Equal(rs[:len(p)], p) {
		return 0, false
	}
	for j := len(p) + 1; j <= len(p)+12 && j < len(rs); j++ {
		if !isHan(rs[j-1]) {
			break
		}
		for _, suf := range unitSuffixes {
			if j+len(suf) <= len(rs) && slices.Equal(rs[j:j+len(suf)], suf) {
				return j + len(suf), true
			}
		}
	}
	return 0, true
}

// learnVocabulary collects the unit names the table prints in clean cells: a
// list of names ("市交通局、市国资委") directly followed by a deadline cell.
func (t *tableReader) learnVocabulary(from int) {
	norm := t.src.norm
	for i := from; i < len(norm); i++ {
		if _, n := t.deadlineAt(i); n == 0 {
			continue
		}
		k := i // the run of characters and 、 before the deadline (a cell is short)
		for k > from && k > i-80 && (isHan(norm[k-1]) || norm[k-1] == '、') {
			k--
		}
		run := norm[k:i] // its pieces between 、, from the last
		for end := len(run); ; {
			start := end
			for start > 0 && run[start-1] != '、' {
				start--
			}
			names := t.splitNames(run[start:end], end == len(run))
			if names == nil {
				break
			}
			for _, n := range names {
				t.vocab[n] = true
			}
			if start == 0 {
				break
			}
			end = start - 1
		}
	}
}

// splitNames reads piece as unit names back to back ("市卫生健康委市医保局").
// The piece next to the deadline may start with text; the others may not.
func (t *tableReader) splitNames(piece []rune, last bool) []string {
	for s := 0; s < len(piece); s++ {
		var names []string
		i := s
		for i < len(piece) {
			n := t.genericUnitLen(piece[i:])
			if n == 0 {
				break
			}
			names = append(names, string(piece[i:i+n]))
			i += n
		}
		if i == len(piece) { // s < len(piece): a name was read
			return names
		}
		if !last {
			return nil
		}
	}
	return nil
}

// unitAt reads a unit at rune i: a known name, a known name broken by another
// cell (a deadline, a row number, a few characters of text), or a name of the
// usual shape in a list context. It returns the token.
func (t *tableReader) unitAt(i int, inList bool) (token, bool) {
	norm := t.src.norm
	if !t.startsUnit(norm[i]) {
		return token{}, false
	}
	best, broken := token{}, token{}
	for _, vr := range t.byFirst[norm[i]] {
		k := 0
		for k < len(vr) && i+k < len(norm) && norm[i+k] == vr[k] {
			k++
		}
		switch {
		case k == len(vr):
			if i+k > best.end {
				best = token{kind: tkUnit, start: i, end: i + k, unit: t.src.origStr(i, i+k)}
			}
		case k >= 2 || k == 1 && inList:
			if tok, ok := t.brokenUnit(i, k, vr); ok && tok.end > broken.end {
				broken = tok
			}
		}
	}
	if best.end == 0 {
		best = broken // a name broken by another cell only where no whole name fits
	}
	if best.end > 0 {
		return best, true
	}
	if n := t.genericUnitAt(i); n > 0 {
		next := i + n
		for j := i + 1; j < next-1; j++ {
			if m := t.genericUnitAt(j); m > 0 && j+m == next {
				return token{}, false // "区教育市教委": the name is 市教委, read from j
			}
		}
		if inList || next < len(norm) && (norm[next] == '、' || isDigit(norm[next])) {
			return token{kind: tkUnit, start: i, end: next, unit: t.src.origStr(i, next)}, true
		}
		if _, dn := t.deadlineAt(next); dn > 0 || next < len(norm) && t.knownUnitAt(next) {
			return token{kind: tkUnit, start: i, end: next, unit: t.src.origStr(i, next)}, true
		}
	}
	return token{}, false
}

// brokenUnit matches a known name whose first k runes stand at i and whose
// rest follows after another cell's line (at most 12 runes later).
func (t *tableReader) brokenUnit(i, k int, name []rune) (token, bool) {
	norm := t.src.norm
	var dl *Deadline
	rest := name[k:]
	for gap := i + k; gap < len(norm) && gap <= i+k+12; gap++ {
		if gap > i+k && (norm[gap-1] == '市' || norm[gap-1] == '省') {
			break // another name begins: this one is not broken across it
		}
		if gap == i+k {
			if d, n := t.deadlineAt(gap); n > 0 {
				dl = d
			}
		}
		if gap+len(rest) > len(norm) || !slices.Equal(norm[gap:gap+len(rest)], rest) {
			continue
		}
		// (not at gap i+k: the caller found the name's rune k differs there)
		end := gap + len(rest)
		if end < len(norm) && norm[end] != '、' && !isDigit(norm[end]) && !isHan(norm[end]) && norm[end] != '。' {
			continue
		}
		tok := token{kind: tkUnit, start: i, end: end, deadline: dl,
			unit: t.src.origStr(i, i+k) + t.src.origStr(gap, end)}
		if v, n := numberAt(norm[i+k : gap]); n > 0 && dl == nil {
			tok.number = v // "市34民服务文化旅游委": row 34's number
		}
		return tok, true
	}
	return token{}, false
}

// knownUnitAt: a name the table prints in a clean cell starts at i.
func (t *tableReader) knownUnitAt(i int) bool {
	for _, v := range t.byFirst[t.src.norm[i]] {
		if i+len(v) <= len(t.src.norm) && slices.Equal(t.src.norm[i:i+len(v)], v) {
			return true
		}
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// numberAt reads the row number (one to three digits) that rs starts with
// and returns it and its length; the length is 0 when rs starts otherwise.
func numberAt(rs []rune) (v, n int) {
	for n < len(rs) && n < 3 && isDigit(rs[n]) {
		v = v*10 + int(rs[n]-'0')
		n++
	}
	return v, n
}

// headingLabelLen is the rune length of the section label ("三、") rs starts
// with: one to three Chinese numerals and 、; 0 when there is none.
func headingLabelLen(rs []rune) int {
	n := 0
	for n < len(rs) && n < 3 && cnNumerals.has(rs[n]) {
		n++
	}
	if n == 0 || n == len(rs) || rs[n] != '、' {
		return 0
	}
	return n + 1
}

// tokenize reads the table rows from rune from to the end.
func (t *tableReader) tokenize(from int) []token {
	norm := t.src.norm
	toks := make([]token, 0, (len(norm)-from)/8) // about one cell in eight characters
	addText := func(i int) {
		if n := len(toks); n > 0 && toks[n-1].kind == tkText && toks[n-1].end == i && norm[i-1] != '。' && norm[i-1] != ';' {
			toks[n-1].end = i + 1
			return
		}
		toks = append(toks, token{kind: tkText, start: i, end: i + 1})
	}
	lastUnit := func() bool { return len(toks) > 0 && toks[len(toks)-1].kind == tkUnit }
	for i := from; i < len(norm); {
		r := norm[i]
		switch {
		case isSpace(r):
			i++
			continue
		case r == '、' && lastUnit():
			toks[len(toks)-1].commaAfter = true
			i++
			continue
		}
		if headingLabelLen(norm[i:]) > 0 && (i == 0 || !cnNumerals.has(norm[i-1])) {
			end := t.headingEnd(i)
			toks = append(toks, token{kind: tkHeading, start: i, end: end})
			i = end
			continue
		}
		if d, n := t.deadlineAt(i); n > 0 {
			toks = append(toks, token{kind: tkDeadline, start: i, end: i + n, deadline: d})
			i += n
			continue
		}
		if t.startsUnit(r) {
			if tok, ok := t.unitAt(i, t.inList(toks)); ok {
				toks = append(toks, tok)
				i = tok.end
				continue
			}
		}
		if isDigit(r) && (i == 0 || !isDigit(norm[i-1])) {
			v, n := numberAt(norm[i:])
			next := rune(0)
			if i+n < len(norm) {
				next = norm[i+n]
			}
			if v > 0 && !isDigit(next) && !strings.ContainsRune("年月日号%.GgKkMm万个元岁", next) { // not 1000人次
				toks = append(toks, token{kind: tkNumber, start: i, end: i + n, number: v})
				i += n
				continue
			}
		}
		addText(i)
		i++
	}
	return toks
}

// inList: the last cell read was a unit followed by 、, or a deadline cell
// that broke such a list ("重庆银保监局、2022年底重庆证监局").
func (t *tableReader) inList(toks []token) bool {
	n := len(toks)
	if n > 0 && toks[n-1].kind == tkUnit {
		return toks[n-1].commaAfter
	}
	return n > 1 && toks[n-1].kind == tkDeadline && toks[n-2].kind == tkUnit && toks[n-2].commaAfter
}

// headingEnd: a section heading runs to the next cell or full stop; when none
// comes within a heading's length, only the label is sure to be the heading.
func (t *tableReader) headingEnd(i int) int {
	norm := t.src.norm
	label := i + headingLabelLen(norm[i:])
	for j := label; j < len(norm) && j < label+24; j++ {
		if norm[j] == '。' || norm[j] == '\n' {
			break
		}
		if _, n := t.deadlineAt(j); n > 0 {
			return j
		}
		if _, ok := t.unitAt(j, false); ok {
			return j
		}
		if isDigit(norm[j]) {
			return j
		}
	}
	return label
}

// row is a measure being read from the table: its slice and the cells given to it.
type row struct {
	start, end int // rune slice of the source: first to last text character
	number     int // row number (序号), 0 when the stream lost it
	heading    string
	slices     []span // further slices: the other half of a row the stream split
	texts      []span // the text tokens: the row's own words, without other cells
	// tail is where the row's last sentence began when it followed the one
	// before with no cell between: it may be a row whose number was lost.
	tail, tailEnd, tailTexts int
	units                    []string
	unitsRank                int // 3 inside the slice, 2 placed by the numbering, 1 merely next to it
	deadline                 *Deadline
	deadlineRank             int
}

func (r *row) offerUnits(u []string, rank int) {
	if rank > r.unitsRank {
		r.units, r.unitsRank = u, rank
	} else if rank == 3 && r.unitsRank == 3 {
		r.units = append(r.units, u...)
	}
}

func (r *row) offerDeadline(d *Deadline, rank int) {
	if d != nil && rank > r.deadlineRank {
		r.deadline, r.deadlineRank = d, rank
	}
}

// cells are what stands between two rows' texts: unit lists and deadlines.
type cells struct {
	units     [][]string
	deadlines []*Deadline
}

func segmentTable(doc *Document, src *source, from int) []Measure {
	t := newTableReader(doc, src)
	t.learnVocabulary(from)
	t.indexVocabulary()
	rows := t.rows(t.tokenize(from))
	return t.measures(t.dedupeRows(rows))
}

// indexVocabulary indexes the learnt names by their first rune, for unitAt.
func (t *tableReader) indexVocabulary() {
	t.byFirst = map[rune][][]rune{}
	for v := range t.vocab {
		r := []rune(v)
		t.byFirst[r[0]] = append(t.byFirst[r[0]], r)
	}
	for _, vs := range t.byFirst { // map order must not decide ties
		sort.Slice(vs, func(i, j int) bool { return string(vs[i]) < string(vs[j]) })
	}
}

// rows cuts the token stream into rows and gives them their cells.
func (t *tableReader) rows(toks []token) []*row {
	var rows []*row
	var cur *row
	var pending cells // cells since cur's text ended
	var list []string // the unit list being read
	byNumber := map[int][]func(*row){}
	heading := ""
	sentenceEnded, noiseSinceEnd := true, false
	leadNumber := 0

	give := func(number int, fn func(*row)) { byNumber[number] = append(byNumber[number], fn) }
	closeList := func() {
		if len(list) == 0 {
			return
		}
		if cur != nil && !sentenceEnded {
			cur.offerUnits(list, 3)
		} else {
			pending.units = append(pending.units, list)
		}
		list = nil
	}
	addDeadline := func(d *Deadline) {
		if cur != nil && !sentenceEnded {
			cur.offerDeadline(d, 3)
		} else {
			pending.deadlines = append(pending.deadlines, d)
		}
	}
	// settle gives the cells between cur and the next row (number next, 0
	// when unknown): the last unit list and the last deadline are row next-1's,
	// the ones before next-2's …
	settle := func(next int) {
		if cur == nil {
			pending = cells{}
			return
		}
		if next > 1 && len(pending.units) > 0 && cur.number > 0 && next-1 != cur.number && cur.tail > 0 {
			cur = t.splitTail(cur, next-1, &rows)
		}
		for k, u := range pending.units {
			target := next - (len(pending.units) - k)
			t.place(cur, target, next, k == len(pending.units)-1, func(r *row, rank int) { r.offerUnits(u, rank) }, give)
		}
		for k, d := range pending.deadlines {
			target := next - (len(pending.deadlines) - k)
			t.place(cur, target, next, k == len(pending.deadlines)-1, func(r *row, rank int) { r.offerDeadline(d, rank) }, give)
		}
		pending = cells{}
	}
	number := func(n int) {
		if sentenceEnded || cur == nil {
			leadNumber = n
		} else if cur.number == 0 {
			cur.number = n
		}
		noiseSinceEnd = noiseSinceEnd || sentenceEnded
	}
	for idx, tk := range toks {
		switch tk.kind {
		case tkUnit:
			if idx > 0 && toks[idx-1].kind == tkUnit && !toks[idx-1].commaAfter {
				closeList() // two names with no 、 between: two cells
			}
			list = append(list, tk.unit)
			if tk.deadline != nil {
				addDeadline(tk.deadline)
			}
			if tk.number > 0 {
				number(tk.number)
			}
			if !tk.commaAfter {
				closeList()
			}
			noiseSinceEnd = noiseSinceEnd || sentenceEnded
		case tkDeadline:
			if !(idx > 0 && toks[idx-1].kind == tkUnit && toks[idx-1].commaAfter) {
				closeList()
			}
			addDeadline(tk.deadline)
			noiseSinceEnd = noiseSinceEnd || sentenceEnded
		case tkNumber:
			closeList()
			number(tk.number)
		case tkHeading:
			closeList()
			heading = strings.TrimSpace(t.src.origStr(tk.start, tk.end))
			sentenceEnded, noiseSinceEnd = true, true
		case tkText:
			closeList()
			text := t.src.normStr(tk.start, tk.end)
			if sentenceEnded && isTrailer(text) {
				break
			}
			inner := t.numberBeforeStop(toks, idx)
			switch {
			case cur == nil || sentenceEnded && (noiseSinceEnd || leadNumber > 0 || inner > 0):
				next := leadNumber
				if next == 0 {
					next = inner
				}
				settle(next)
				cur = &row{start: tk.start, heading: heading, number: leadNumber}
				rows = append(rows, cur)
				leadNumber = 0
			case sentenceEnded: // a next sentence with no cell before it
				cur.tail, cur.tailEnd, cur.tailTexts = tk.start, cur.end, len(cur.texts)
			}
			cur.end = tk.end
			cur.texts = append(cur.texts, span{tk.start, tk.end})
			sentenceEnded = strings.HasSuffix(text, "。") // not ；: the sentence goes on
			noiseSinceEnd = false
		}
		if tk.kind == tkText && sentenceEnded && isTrailer(t.src.normStr(tk.start, tk.end)) && cur != nil && tk.start > cur.end {
			break
		}
	}
	closeList()
	settle(0)
	for _, r := range rows {
		for _, fn := range byNumber[r.number] {
			fn(r)
		}
	}
	return rows
}

// place gives one cell to the row the numbering names (target), to cur when
// that is cur or when cur's number was lost, and to cur, weakly, when the
// numbering says nothing (next unknown).
func (t *tableReader) place(cur *row, target, next int, last bool, offer func(*row, int), give func(int, func(*row))) {
	switch {
	case next <= 0 || target <= 0:
		offer(cur, 1)
	case cur.number == 0 && last:
		cur.number = target // the stream lost the number; the order gives it
		offer(cur, 2)
	case target == cur.number:
		offer(cur, 2)
	default:
		give(target, func(r *row) { offer(r, 2) })
	}
}

// splitTail cuts off cur's last sentence as row number: the cells after it
// are that row's, so the sentence is that row's text, whose number was lost.
func (t *tableReader) splitTail(cur *row, number int, rows *[]*row) *row {
	r := &row{start: cur.tail, end: cur.end, number: number, heading: cur.heading}
	r.texts = append(r.texts, cur.texts[cur.tailTexts:]...)
	cur.texts = cur.texts[:cur.tailTexts]
	cur.end, cur.tail = cur.tailEnd, 0
	*rows = append(*rows, r)
	return r
}

// numberBeforeStop returns the first row number among toks[i:] before the
// text reaches a full stop (0 when there is none): a sentence that carries a
// row number inside it is a new row, not the previous row's next sentence.
func (t *tableReader) numberBeforeStop(toks []token, i int) int {
	for _, tk := range toks[i:min(len(toks), i+64)] { // a sentence spans a few cells at most
		switch tk.kind {
		case tkNumber:
			return tk.number
		case tkUnit:
			if tk.number > 0 {
				return tk.number
			}
		case tkHeading:
			return 0
		case tkText:
			if strings.ContainsRune(t.src.normStr(tk.start, tk.end), '。') {
				return 0
			}
		}
	}
	return 0
}

// dedupeRows lists a row that the stream repeats once: the copy with the
// longest text, with the best-placed cells of all copies. A row whose text is
// inside another's is a partial copy; two rows of the same number are the
// halves of one row that the stream split apart.
func (t *tableReader) dedupeRows(rows []*row) []*row {
	var out []*row
	var keys []string // cleanKey of each row of out
	byNumber := map[int]int{}
	byEnds := map[string][]int{} // "<"+first 8 runes, ">"+last 8 runes -> rows of out
	ends := func(key string) (string, string) {
		return "<" + key[:byteOffset(key, 8)], ">" + key[lastRunes(key, 8):]
	}
	for _, r := range rows {
		key := t.cleanKey(r)
		same := -1
		if i, ok := byNumber[r.number]; ok && r.number > 0 {
			same = i
		} else if runeCount(key) >= 12 {
			head, tail := ends(key)
			for _, i := range append(byEnds[head], byEnds[tail]...) {
				ok := keys[i]
				if runeCount(ok) >= 12 && (strings.Contains(ok, key) || strings.Contains(key, ok)) {
					same = i
					break
				}
			}
		}
		if same < 0 {
			same = len(out)
			out, keys = append(out, r), append(keys, key)
		} else {
			out[same].absorb(r, key, keys[same])
			keys[same] = t.cleanKey(out[same])
		}
		if n := out[same].number; n > 0 {
			byNumber[n] = same
		}
		head, tail := ends(keys[same])
		byEnds[head] = append(byEnds[head], same)
		byEnds[tail] = append(byEnds[tail], same)
	}
	return out
}

// absorb merges copy r (whose clean text is key) into o (whose is ok).
func (o *row) absorb(r *row, key, ok string) {
	switch {
	case strings.Contains(ok, key):
	case strings.Contains(key, ok):
		o.start, o.end, o.slices, o.texts = r.start, r.end, r.slices, r.texts
	default: // the other half of the row
		o.slices = append(append(o.slices, span{r.start, r.end}), r.slices...)
		o.texts = append(o.texts, r.texts...)
	}
	if o.number == 0 {
		o.number = r.number
	}
	if r.unitsRank > o.unitsRank {
		o.units, o.unitsRank = r.units, r.unitsRank
	}
	if r.deadlineRank > o.deadlineRank {
		o.deadline, o.deadlineRank = r.deadline, r.deadlineRank
	}
}

// cleanText is the row's own words, normalised, other cells left out.
// cleanKey is the row's clean text without its spaces: what dedupeRows compares.
func (t *tableReader) cleanKey(r *row) string {
	var b strings.Builder
	for _, sp := range r.texts {
		from := sp[0]
		for j := sp[0]; j < sp[1]; j++ {
			if isSpace(t.src.norm[j]) {
				b.WriteString(t.src.normStr(from, j))
				from = j + 1
			}
		}
		b.WriteString(t.src.normStr(from, sp[1]))
	}
	return b.String()
}

func (t *tableReader) measures(rows []*row) []Measure {
	ms := make([]Measure, 0, len(rows))
	unnumbered := 0
	for _, r := range rows {
		id := strconv.Itoa(r.number) // unique: dedupeRows joined the rows of one number
		if r.number == 0 {
			unnumbered++
			id = "u" + strconv.Itoa(unnumbered)
		}
		r.slices = append([]span{{r.start, r.end}}, r.slices...)
		var text, norm []string
		sliceAt := make([]int, len(r.slices)) // where each slice starts in the measure's text
		at := 0
		for k, sl := range r.slices {
			text = append(text, t.src.origStr(sl[0], sl[1]))
			norm = append(norm, t.src.normStr(sl[0], sl[1]))
			sliceAt[k] = at
			at += sl[1] - sl[0] + 1 // and the newline between slices
		}
		m := Measure{Region: t.doc.Region, Doc: t.doc.Name(), ID: id, Section: r.heading,
			Text: strings.Join(text, "\n"), Norm: strings.Join(norm, "\n"),
			Units: uniq(r.units), Deadline: Deadline{Kind: DeadlineNone}}
		m.Clean, m.CleanAt = t.cleanWithOffsets(r, sliceAt)
		if r.heading != "" {
			m.Path, m.NormPath = []string{r.heading}, []string{NormalizeString(r.heading)}
		}
		if r.deadline != nil {
			m.Deadline = *r.deadline
		}
		cellText := append([]string{}, m.Units...)
		if m.Deadline.Raw != "" {
			cellText = append(cellText, m.Deadline.Raw)
		}
		m.Assignment = strings.Join(cellText, " ")
		ms = append(ms, m)
	}
	return ms
}

// cleanWithOffsets is the row's own words and, per rune, its offset in the
// measure's text (made of r.slices, which start at sliceAt).
func (t *tableReader) cleanWithOffsets(r *row, sliceAt []int) (string, []int) {
	n := 0
	for _, sp := range r.texts {
		n += sp[1] - sp[0]
	}
	var b strings.Builder
	offs := make([]int, 0, n)
	for _, sp := range r.texts {
		k := 0
		for k < len(r.slices) && !(sp[0] >= r.slices[k][0] && sp[1] <= r.slices[k][1]) {
			k++
		}
		if k == len(r.slices) {
			continue // cannot happen: a row's words lie in its slices
		}
		b.WriteString(t.src.normStr(sp[0], sp[1]))
		for i := sp[0]; i < sp[1]; i++ {
			offs = append(offs, sliceAt[k]+i-r.slices[k][0])
		}
	}
	return b.String(), offs
}

func uniq(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
