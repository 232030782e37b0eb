package regions

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	// dateLine: a signature date ("2021年1月14日", "2021年11月16日印发").
	dateLine = regexp.MustCompile(`^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(印发|发布)?$`)
	// issuerLine: a signature or header line naming only the issuing body.
	issuerLine = regexp.MustCompile(`^[\p{Han}、 ]{2,40}(办公厅|办公室|人民政府|委员会|民政部|政府)$`)
	// planTitle: the title of a plan, notice or list that opens a new outline.
	planTitle = regexp.MustCompile(`^[^。]{4,80}(方案|计划|清单|意见|通知|办法|细则|措施|要点)(\s*\([^()]{2,20}\))?$`)
	// notMeasure: top-level sections that frame the plan rather than task anyone.
	notMeasure = regexp.MustCompile(`指导思想|总体要求|基本原则|工作原则|主要目标|总体目标|工作目标|阶段目标|目标任务|适用范围|编制依据|总则|附则`)
	goalTitle  = regexp.MustCompile(`目标`)
)

// frameLine: a signature date, an issuer's name standing alone, or a trailer
// (抄送, 附件 …): the end of an outline.
func frameLine(norm string) bool {
	return isDateLine(norm) || isIssuerLine(norm) || isTrailer(norm)
}

// isIssuerLine: issuerLine, tried only on a line with one of its endings.
func isIssuerLine(norm string) bool {
	return issuerEnding(norm) && issuerLine.MatchString(norm)
}

func issuerEnding(s string) bool {
	return strings.HasSuffix(s, "政府") || strings.HasSuffix(s, "办公厅") || strings.HasSuffix(s, "办公室") ||
		strings.HasSuffix(s, "委员会") || strings.HasSuffix(s, "民政部")
}

// isTrailer: a line that follows a document's body (抄送, 附件, a closing
// formula, a contact line, a web page's footer).
func isTrailer(norm string) bool {
	for _, p := range []string{"抄送", "附件", "附表", "附:", "扫一扫", "本作品", "注:", "註:", "Public domain", "特此通知",
		"(此件", "此件公开", "此件主动", "联系人:", "联系电话:", "(联系人"} {
		if strings.HasPrefix(norm, p) {
			return true
		}
	}
	return false
}

// The line patterns are anchored at both ends and bounded: on a long
// paragraph they fail within a few dozen characters. A test of the first or
// last character keeps most lines away from them.
func isDateLine(norm string) bool {
	return norm != "" && isDigit(rune(norm[0])) && dateLine.MatchString(norm)
}
func isPlanTitle(norm string) bool {
	return titleEnding(norm) && !strings.Contains(norm, "。") && planTitle.MatchString(norm)
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

// framingWords name the parts of a plan that frame it rather than task
// anyone: its guiding idea, principles, goals, scope, general and final
// provisions.
var framingWords = []string{"指导思想", "总体要求", "基本原则", "工作原则", "主要目标", "总体目标", "工作目标", "阶段目标",
	"发展目标", "目标要求", "总体思路", "工作思路", "适用范围", "编制依据", "总则", "附则", "目标", "原则", "思路"}

// framingChars: a character of each framing word; a title without one of
// them is no framing heading.
var framingChars = newRuneSet("思要原目总附适编")

// isFraming: a heading made of framing words only (一、总体要求; （二）指导思想和
// 工作目标; 第一章 总则): it and all under it are not measures.
func isFraming(title string) bool {
	t := strings.TrimRight(strings.TrimSpace(title), "。.:;")
	if t == "" || len(t) > 20*3 || !strings.ContainsFunc(t, framingChars.has) {
		return false
	}
	for _, w := range framingWords {
		if strings.Contains(t, w) {
			t = strings.ReplaceAll(t, w, "")
		}
	}
	return strings.Trim(t, "和与及、 ") == ""
}

// entryIntoForce: an article that says when the document takes effect or
// who interprets it, not a measure (本措施自印发之日起施行).
var entryIntoForce = regexp.MustCompile(`^(?:本(?:办法|措施|方案|规定|意见|细则|通知|计划|要点|清单|规则))?(?:自|从)[^。]{0,30}起(?:施行|实施|执行|生效)|^本[^。]{1,10}由[^。]{2,30}负责解释`)

// pointsToAppendix: an item that refers its content to an appendix
// (…实施22项重点任务（详见附件）).
var pointsToAppendix = regexp.MustCompile(`[(（]?(?:详见|具体见|见)附件|附件[0-9一二三四五]?所列`)

// onlyPointsToAppendix: the text says where its measures are, in the
// appendix; the regexp runs only where 附件 appears.
func onlyPointsToAppendix(norm string) bool {
	return strings.Contains(norm, "附件") && pointsToAppendix.MatchString(norm)
}

// isEntryIntoForce: the article opens as entryIntoForce says; a test of its
// first character keeps every other item away from the regexp.
func isEntryIntoForce(norm string) bool {
	t := trimSpaceLeft(norm)
	if r, _ := utf8.DecodeRuneInString(t); r != '本' && r != '自' && r != '从' {
		return false
	}
	return entryIntoForce.MatchString(t[:min(len(t), 150)])
}

// node is a numbered heading or item of the outline.
type node struct {
	para     int
	num      numbering
	parent   *node
	children []*node
	body     []int // unnumbered paragraphs that follow the heading, labelled lines included
	plan     int
	closed   bool // the last body paragraph ended with a units parenthesis or labelled lines
}

// outline is a document's tree of numbered nodes, one root per plan.
type outline struct {
	src   *source
	paras []para
	roots []*node
	plans []string // plan titles, by plan index
	norms map[string]string
	// labelled: some paragraph is a labelled line (责任单位：…)
	labelled bool
}

// runIn gives an unnumbered paragraph the place in the outline its
// emphasis shows: one that opens with a run-in title (**提供便利就医服务。**…,
// 【…】) is an item; a short one emphasised whole is a heading.
func runIn(p *para) {
	if p.num.scheme != "" || p.field != fieldNone || p.emph == 0 {
		return
	}
	norm := strings.TrimSpace(p.norm)
	n := runeCount(norm)
	switch {
	case p.emph < n && p.emph <= 40:
		p.num = numbering{scheme: "run-in"}
	case p.emph >= n && n <= 40 && !strings.Contains(norm, "。") && !frameLine(norm) && !isPlanTitle(norm):
		p.num = numbering{scheme: "bold", label: ""}
	}
}

func buildOutline(src *source, paras []para, year int) *outline {
	o := &outline{src: src, paras: paras}
	for i := range o.paras {
		p := &o.paras[i]
		if p.field == fieldNone {
			if a, at, ok := trailingAssignment(p.norm, p.orig, year); ok {
				p.assign, p.assignAt = &a, at
			}
		} else {
			o.labelled = true
		}
		runIn(p)
	}
	var stack []*node
	plan, lastRoot := 0, 0
	// the title of the plan the next root opens: pendingNorm is its
	// matching form; titled says a plan title stands since the last root
	pendingTitle, pendingNorm, titled := "", "", false
	o.plans = []string{""}
	for i := range o.paras {
		p := &o.paras[i]
		norm := strings.TrimSpace(p.norm)
		if strings.HasPrefix(p.num.scheme, "#") && (frameLine(norm) || isPlanTitle(norm)) {
			p.num.scheme = "" // a markdown title, not an outline heading
		}
		if p.num.scheme == "" {
			switch {
			case p.field != fieldNone:
				if len(stack) > 0 { // a labelled line: the item's units or deadline
					top := stack[len(stack)-1]
					top.body = append(top.body, i)
					top.closed = true
				}
			case frameLine(norm):
				// a signature block or trailer ends the outline, and the
				// titles read before it
				stack, pendingTitle, pendingNorm, titled = nil, "", "", false
			case isPlanTitle(norm):
				stack, pendingTitle, pendingNorm, titled = nil, p.orig, norm, true
			case len(stack) > 0:
				top := stack[len(stack)-1]
				if top.closed && !strings.HasSuffix(norm, ")") && !strings.HasSuffix(norm, ")。") && !o.nextIsAssignment(i) && !o.labelledAhead(i) {
					continue // text after a closed item that names no units: not part of it
				}
				top.body = append(top.body, i)
				top.closed = p.assign != nil
			default:
				if titled {
					break
				}
				if joined := pendingNorm + norm; pendingNorm != "" && isPlanTitle(joined) {
					// a plan's title broken over lines
					pendingTitle, pendingNorm, titled = pendingTitle+p.orig, joined, true
				} else if len(norm) <= 240 && !strings.Contains(norm, "。") {
					pendingTitle, pendingNorm = p.orig, norm
				}
			}
			continue
		}
		n := &node{para: i, num: p.num}
		n.closed = p.assign != nil
		if strings.HasPrefix(p.num.scheme, "#") { // an unnumbered heading closes what opened at its level or below (## 便利出行 after ## 一、便利就医)
			for j, s := range stack {
				if o.paras[s.para].heading >= p.heading { // p.heading > 0: it is a heading
					stack = stack[:j]
					break
				}
			}
		}
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].num.scheme == p.num.scheme {
				stack = stack[:j]
				break
			}
		}
		var siblings []*node
		if len(stack) == 0 {
			siblings = o.roots
		} else {
			siblings = stack[len(stack)-1].children
		}
		if n.num.value == 0 { // a run-in item, a bullet, a heading without a number: counted
			n.num.value = 1
			for _, s := range siblings { // a heading counts the headings of its level before it (一、 then an unnumbered ##)
				if s.num.scheme == n.num.scheme || p.heading > 0 && o.paras[s.para].heading == p.heading {
					n.num.value++
				}
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
			pendingTitle, pendingNorm, titled = "", "", false
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

// labelledAhead: unnumbered paragraph i and those after it lead to labelled
// lines (责任单位：…) before the next item: a measure of its own after a
// closed one.
func (o *outline) labelledAhead(i int) bool {
	if !o.labelled {
		return false
	}
	for j := i + 1; j < len(o.paras) && j < i+8; j++ {
		p := &o.paras[j]
		switch {
		case p.field != fieldNone:
			return true
		case p.num.scheme != "":
			return false
		}
	}
	return false
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

func segmentOutline(doc *Document, o *outline) []Measure {
	var ms []Measure
	var walk func(n *node, path []string, ids []string)
	walk = func(n *node, path []string, ids []string) {
		heading := strings.TrimSpace(o.paras[n.para].orig)
		label := o.paras[n.para].num.label
		ids = append(ids, strconv.Itoa(n.num.value))
		if (len(n.children) > 0 || n.parent == nil) && isFraming(titleOf(o.paras[n.para].norm)) {
			return // 总体要求 and all under it: the plan's frame
		}
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
// group that carries its own units parenthesis or labelled lines, or one for
// the whole item. Labelled lines belong to the text before them, a units
// parenthesis there included (（县卫健局负责） then 完成时限：…).
func (o *outline) itemMeasures(ms []Measure, doc *Document, n *node, path []string, id string) []Measure {
	groups := [][]int{{n.para}}
	for _, b := range n.body {
		last := groups[len(groups)-1]
		prev := o.paras[last[len(last)-1]]
		if o.paras[b].field == fieldNone && (prev.assign != nil || prev.field != fieldNone) {
			groups = append(groups, []int{b})
		} else {
			groups[len(groups)-1] = append(last, b)
		}
	}
	if isEntryIntoForce(o.paras[n.para].norm) {
		return ms
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
		if m.Assignment == "" && onlyPointsToAppendix(m.Norm) {
			continue // the item only points to the appendix, where its measures are
		}
		m.Section, m.Path, m.NormPath = section, path, o.normPath(path)
		m.ID = id
		if gi > 0 {
			m.ID = id + "-" + strconv.Itoa(gi+1)
		}
		if gi == 0 {
			title := o.title(n.para)
			m.Title = runeSlice(m.Text, 0, runeCount(title))
			m.Goal = goalTitle.MatchString(title) && n.parent != nil
		}
		m.FoundBy = foundBy(n.num.scheme, gi > 0 && o.paras[g[len(g)-1]].field != fieldNone)
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

// title is an item's title: its emphasised run-in title, or the text
// before its first full stop when short.
func (o *outline) title(pi int) string {
	p := o.paras[pi]
	if p.emph > 0 && p.emph <= 40 { // (a 【】 title keeps its brackets: a title opens the text)
		return strings.TrimRight(runeSlice(p.norm, 0, p.emph), "。.:;, ")
	}
	return titleOf(p.norm)
}

// foundBy names the layout reader of an outline item: numbered outline,
// article (第X条), run-in title, or labelled lines that part an item.
func foundBy(scheme string, labelled bool) string {
	switch {
	case labelled:
		return "labelled"
	case scheme == "run-in" || scheme == "bold":
		return "run-in"
	case scheme == "第一条":
		return "article"
	case scheme == "•":
		return "list"
	}
	return "outline"
}

// measure builds a measure from its paragraphs: text, units and deadline.
func (o *outline) measure(doc *Document, group []int, year int) Measure {
	var text, norm []string
	var labelled []para
	for _, pi := range group {
		text = append(text, o.paras[pi].orig)
		norm = append(norm, o.paras[pi].norm)
		if o.paras[pi].field != fieldNone {
			labelled = append(labelled, o.paras[pi])
		}
	}
	m := Measure{Region: doc.Region, Doc: doc.Name(), Text: strings.Join(text, "\n"), Norm: strings.Join(norm, "\n")}
	if sp := o.paras[group[0]].spans; len(sp) > 0 {
		m.at = sp[0][0]
	}
	var lastBody para
	for _, pi := range group {
		if o.paras[pi].field == fieldNone {
			lastBody = o.paras[pi]
		}
	}
	if len(labelled) > 0 {
		a := labelledAssignment(labelled, year)
		m.Units, m.Lead, m.Deadline = a.Units, a.Lead, a.Deadline
		var raw []string
		for _, p := range labelled {
			raw = append(raw, p.orig)
		}
		m.Assignment = strings.Join(raw, "\n")
		if lastBody.assign != nil && len(m.Units) == 0 {
			m.Units, m.Lead = lastBody.assign.Units, lastBody.assign.Lead
		}
	} else if last := o.paras[group[len(group)-1]]; last.assign != nil {
		m.Units, m.Lead, m.Deadline = last.assign.Units, last.assign.Lead, last.assign.Deadline
		m.Assignment = strings.TrimRight(last.orig[last.assignAt:], "。 \n")
	} else {
		m.Units, m.Lead = SubjectUnits(m.Norm, m.Text, placeName(doc.Region))
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

// labelledAssignment reads the units, leads and deadline of an item's
// labelled lines.
func labelledAssignment(lines []para, year int) Assignment {
	a := Assignment{Deadline: Deadline{Kind: DeadlineNone}}
	for _, p := range lines {
		for _, part := range fieldParts(p.norm) {
			norm := strings.TrimRight(p.norm[part.start:part.end], "。 ")
			orig := runeSlice(p.orig, runeIndex(p.norm, part.start), runeIndex(p.norm, part.start)+runeCount(norm))
			if part.field == fieldDeadline {
				if d, ok := ParseDeadline(norm, year); ok {
					d.Raw = strings.TrimSpace(orig)
					a.Deadline, a.HasDate = d, true
				}
				continue
			}
			got, ok := ParseAssignment(norm, orig, year)
			if !ok {
				continue
			}
			a.Units = append(a.Units, got.Units...)
			if part.field == fieldLead {
				a.Lead = append(a.Lead, got.Units...)
			} else {
				a.Lead = append(a.Lead, got.Lead...)
			}
			if got.HasDate && !a.HasDate {
				a.Deadline, a.HasDate = got.Deadline, true
			}
		}
	}
	a.Units, a.Lead = uniq(a.Units), uniq(a.Lead)
	return a
}

// titleOf is the item's lead phrase: the text before its first full stop, when short.
func titleOf(norm string) string {
	line, _, _ := strings.Cut(norm, "\n")
	n := 0 // runes so far; a title is at most 40
	for at, c := range line {
		if c == '。' || c == ':' {
			return line[:at]
		}
		if n++; n > 40 {
			return ""
		}
	}
	return strings.TrimSpace(line)
}
