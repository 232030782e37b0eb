package regions

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Assignment is what a measure's trailing parenthesis (or a table's 责任单位 and
// 完成时限 cells) says: who is responsible, who leads, and by when.
type Assignment struct {
	Units    []string // as printed, generic tails removed, in order, lead units included
	Lead     []string // units marked 牵头
	Deadline Deadline
	HasDate  bool
}

// unitEndings: how the name of a responsible body ends. A part of a
// parenthesis whose pieces do not all end like this is not a list of units.
var unitEndings = []string{"部门", "委员会", "委", "厅", "局", "办", "部", "政府", "中心", "支行", "分行", "公司", "处", "室", "院", "会", "联", "大学", "单位", "地区", "组", "馆", "台", "团", "队", "所",
	"站", "机构", "企业", "学校", "银行", "社", "电信", "移动", "联通", "铁塔"}

// unitEndRunes: the last characters of unitEndings, asked first.
var unitEndRunes = func() *bmpSet {
	set := new(bmpSet)
	for _, e := range unitEndings {
		r, _ := utf8.DecodeLastRuneInString(e)
		set.add(r)
	}
	return set
}()

func isUnitName(s string) bool {
	s = withoutAlias(s)
	if last, _ := utf8.DecodeLastRuneInString(s); !unitEndRunes.has(last) {
		return false
	}
	for _, e := range unitEndings {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// withoutAlias drops a parenthesised second name that ends a unit's name
// (区卫生健康局（区老龄办）): the name proper is what ends like a body.
func withoutAlias(s string) string {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i > 0 {
			return s[:i]
		}
	}
	return s
}

// genericTails: phrases after the names that say how, not who.
var genericTails = []string{"按职责分工负责", "按职责负责", "分工负责", "共同负责", "配合", "参与", "负责", "等有关部门", "等相关部门", "等部门", "等单位"}

// trimTails removes generic tails, repeatedly ("等部门按职责分工负责").
func trimTails(s string) string {
	for again := true; again; {
		again = false
		for _, t := range genericTails {
			if strings.HasSuffix(s, t) {
				s, again = strings.TrimSuffix(s, t), true
			}
		}
	}
	return s
}

// jiBody: what, after 及, starts another body of units (及各…, 及相关…).
var jiBody = []string{"各", "省", "市", "区", "县", "相关", "有关"}

// ParseAssignment reads the content of a units parenthesis (normalised text,
// without the parentheses) and the original text it was normalised from, so
// names are returned as printed. ok is false when the content is not an
// assignment (an explanatory remark, a quotation).
func ParseAssignment(norm, orig string, docYear int) (a Assignment, ok bool) {
	n := utf8.RuneCountInString(norm)
	if n != utf8.RuneCountInString(orig) || n == 0 || n > 300 {
		return a, false
	}
	units := 0
	var inner Assignment // the units a date's parenthesis names
	var buf [8][2]int
	for _, part := range splitTopLevel(buf[:0], norm) {
		text := norm[part[0]:part[1]]
		if strings.TrimSpace(text) == "" {
			continue
		}
		origText := runeSlice(orig, runeIndex(norm, part[0]), runeIndex(norm, part[1]))
		text, field := stripFieldLabel(trimSpaceLeft(text))
		origText = lastRunesOf(origText, runeCount(text))
		if field == fieldDeadline {
			if d, ok := ParseDeadline(text, docYear); ok {
				d.Raw = strings.TrimSpace(origText)
				a.Deadline, a.HasDate = d, true
			}
			continue
		}
		if u, ou, in, ok := unitsDateParenthesis(text, origText, docYear); ok {
			text, origText = u, ou
			a.Deadline, a.HasDate = in.Deadline, true
			inner.Units, inner.Lead = append(inner.Units, in.Units...), append(inner.Lead, in.Lead...)
		}
		if !mayBeDeadline(text) {
			// a list of units: no date regexp needed
		} else if names, marked, lead, d, ok := unitsThenDeadline(text, origText, docYear); ok {
			// (unitsThenDeadline declines at once a part that opens with its date)
			// units and a deadline with no comma between (…配合2022年底前完成)
			a.Deadline, a.HasDate = d, true
			units += len(names)
			a.Units = append(a.Units, names...)
			a.Lead = append(a.Lead, leads(names, marked, lead || field == fieldLead)...)
			continue
		} else if d, isDate := ParseDeadline(text, docYear); isDate && !isUnitName(strings.TrimSpace(text)) {
			d.Raw = strings.TrimSpace(origText)
			a.Deadline, a.HasDate = d, true
			continue
		}
		names, marked, lead, good := parseUnitList(text, origText)
		if !good {
			return Assignment{}, false
		}
		units += len(names)
		a.Units = append(a.Units, names...)
		a.Lead = append(a.Lead, leads(names, marked, lead || field == fieldLead)...)
	}
	a.Units, a.Lead = append(a.Units, inner.Units...), append(a.Lead, inner.Lead...) // those named in a date's parenthesis
	units += len(inner.Units)
	if units == 0 && !a.HasDate {
		return Assignment{}, false
	}
	if !a.HasDate {
		a.Deadline = Deadline{Kind: DeadlineNone}
	}
	return a, true
}

// leads are the lead units of a list: all its names when the list as a
// whole leads (…牵头, a 牵头单位 label), else those marked （牵头）.
func leads(names, marked []string, all bool) []string {
	if all {
		return names
	}
	return marked
}

// unitsThenDeadline reads a part that runs a unit list into a deadline.
func unitsThenDeadline(norm, orig string, docYear int) (names, marked []string, lead bool, d Deadline, ok bool) {
	if r, _ := utf8.DecodeRuneInString(trimSpaceLeft(norm)); isYearDigit(r) {
		return nil, nil, false, d, false // the part opens with its date
	}
	m, found := findDeadlineExpr(norm)
	if !found || m[0] == 0 {
		return nil, nil, false, d, false
	}
	d, isDate := ParseDeadline(norm[m[0]:], docYear)
	if !isDate {
		return nil, nil, false, d, false
	}
	k := runeIndex(norm, m[0])
	d.Raw = strings.TrimSpace(runeSlice(orig, k, -1))
	names, marked, lead, ok = parseUnitList(norm[:m[0]], runeSlice(orig, 0, k))
	return names, marked, lead, d, ok
}

// mayBeDeadline: the part names a year or an ongoing term; only such parts
// are given to the date parser.
func mayBeDeadline(s string) bool {
	return indexText(s, "年") >= 0 || indexText(s, "长期") >= 0 || indexText(s, "持续") >= 0 || indexText(s, "常态") >= 0
}

// unitsDateParenthesis cuts a part whose last parenthesis holds its date
// (县卫健局（2021年底前）, 县卫健局（牵头，2021年底前完成）, 县卫健局（县民政局配合，
// 2021年底前）) into the units before it, 牵头 kept as their mark, and the
// parenthesis read as an assignment of its own. A parenthesis without a date
// (县卫健局（县老龄办）) is the name's.
func unitsDateParenthesis(text, origText string, docYear int) (units, origUnits string, inner Assignment, ok bool) {
	t := strings.TrimRight(text, " ")
	open := strings.LastIndexByte(t, '(')
	if open <= 0 || !strings.HasSuffix(t, ")") || !mayBeDeadline(t[open:]) {
		return "", "", inner, false
	}
	in := t[open+1 : len(t)-1]
	lead := false
	if rest, found := strings.CutPrefix(in, "牵头"); found {
		lead, in = true, strings.TrimLeft(rest, ", ;、")
	}
	from := runeCount(t[:len(t)-1-len(in)])
	inner, ok = ParseAssignment(in, runeSlice(origText, from, from+runeCount(in)), docYear)
	if !ok || !inner.HasDate {
		return "", "", inner, false
	}
	units, origUnits = t[:open], runeSlice(origText, 0, runeCount(t[:open]))
	if lead {
		units, origUnits = units+"(牵头)", origUnits+"（牵头）"
	}
	return units, origUnits, inner, true
}

// parseUnitList splits "市大数据委、卫健委牵头", "由市民政局牵头" or
// "市卫健委（牵头）、市大数据局" (normalised norm, original orig of as many
// runes) into names as printed; lead reports a 牵头 that ends the list (all
// its names lead), marked the names a （牵头） follows. ok is false when a
// piece is not a unit's name; a list of generic words alone (配合, 负责)
// names no unit and is ok.
func parseUnitList(norm, orig string) (names, marked []string, lead, ok bool) {
	s := strings.TrimSpace(norm)
	body := strings.TrimSuffix(s, "牵头")
	lead = len(body) != len(s)
	body = trimTails(body)
	at := len(norm) - len(strings.TrimLeftFunc(norm, unicode.IsSpace)) // body's offset in norm
	if rest, ok := strings.CutPrefix(body, "由"); ok && lead {
		body, at = rest, at+len("由")
	}
	var buf [8][2]int
	for _, sp := range splitUnits(buf[:0], body) {
		piece := body[sp[0]:sp[1]]
		name := trimTails(strings.TrimSpace(piece))
		isLead := false
		for _, m := range []string{"(牵头)", "(牵头单位)", "(主责)"} {
			if n, ok := strings.CutSuffix(name, m); ok {
				name, isLead = strings.TrimSpace(n), true
			}
		}
		if name == "" {
			continue
		}
		if runeCount(name) > 24 || !isUnitName(name) {
			return nil, nil, false, false
		}
		from := at + sp[0] + strings.Index(piece, name)
		printed := runeSlice(orig, runeIndex(norm, from), runeIndex(norm, from+len(name)))
		names = append(names, printed)
		if isLead {
			marked = append(marked, printed)
		}
	}
	return names, marked, lead, true
}

// splitUnits appends to spans the byte spans of s's units: s is cut at 、 , ;
// / and at 及 before another body.
func splitUnits(spans [][2]int, s string) [][2]int {
	start, depth := 0, 0
	for i, r := range s {
		switch r {
		case '(', '〔', '[':
			depth++
			continue
		case ')', '〕', ']':
			depth--
			continue
		}
		if depth > 0 {
			continue // 各县（市、区）人民政府 is one name
		}
		switch r {
		case '、', ',', ';', '/':
		case '及': // the body that follows is kept
			rest := s[i+len("及"):]
			if !slices.ContainsFunc(jiBody, func(p string) bool { return strings.HasPrefix(rest, p) }) {
				continue
			}
		default:
			continue
		}
		spans = append(spans, [2]int{start, i})
		start = i + utf8.RuneLen(r)
	}
	return append(spans, [2]int{start, len(s)})
}

// lastRunesOf is the last n runes of s.
func lastRunesOf(s string, n int) string { return s[lastRunes(s, n):] }

// runeIndex is the rune offset of byte offset byteOff of valid UTF-8 s.
func runeIndex(s string, byteOff int) int { return runeCount(s[:byteOff]) }

// splitTopLevel appends to spans the byte spans of s's parts between the
// separators , ; ， ； that stand outside parentheses, so "各县(市)区人民政府"
// stays whole.
func splitTopLevel(spans [][2]int, s string) [][2]int {
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '（':
			depth++
		case r == ')' || r == '）':
			depth--
		case depth == 0 && (r == ',' || r == ';' || r == '，' || r == '；'):
			spans = append(spans, [2]int{start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(spans, [2]int{start, len(s)})
}

// Subject units: when a measure has no parenthesis and no labelled lines,
// the bodies a clause makes responsible: its subject ("各级民政部门要…",
// "县公交公司负责…", "由县发改局牵头，县卫健局配合"), and the bodies the subject
// works with (会同/联合 县公安局). Generic addressees (各地, 各有关部门) are
// not units.

// bodyName is the name of a responsible body: a few characters, maybe a
// parenthesised part (各乡（镇）人民政府), then what such names end with.
const bodyName = `[\p{Han}A-Za-z0-9]{1,20}?(?:\([\p{Han}、]{1,8}\)[\p{Han}]{0,12}?)?` +
	`(?:部门|委员会|委|厅|局|办公室|办|部|人民政府|政府|中心|公司|医院|卫生院|院|大学|学校|学院|支行|分行|集团|室|站|所|馆|处|队|团|社|地区)`

const bodyNames = `(` + bodyName + `(?:、` + bodyName + `)*)`

var (
	// a clause's subject, and the word that makes it responsible
	// the bodies the subject works with
	partnerRe = regexp.MustCompile(`(?:会同|联合|协同)` + bodyNames)
)

// genericBodies are addressees, not units a measure can hold to account.
// (The seeds' gold counts 各地区 and 各部门, which a plan names as
// responsible side by side with provincial bodies, as units; the vaguer
// addressees below it never does.)
var genericBodies = map[string]bool{"各有关部门": true, "各相关部门": true, "有关部门": true, "相关部门": true,
	"各单位": true, "各成员单位": true, "各责任单位": true, "各牵头单位": true, "各有关单位": true, "有关单位": true,
	"相关单位": true}

// institutionEnds: how the names of institutions end (a hospital, a centre,
// a company). A class of them (各级养老服务中心, 社区卫生服务中心) is not a
// unit; one named by its level of government (县人民医院, 各乡镇卫生院) or by
// the region's own place name (电信岱川分公司) is.
var institutionEnds = []string{"中心", "公司", "医院", "卫生院", "院", "大学", "学校", "学院", "支行", "分行", "集团", "站", "所", "馆", "队", "团", "社"}

func namedInstitution(name, place string) bool {
	inst := false
	for _, e := range institutionEnds {
		inst = inst || strings.HasSuffix(withoutAlias(name), e)
	}
	if !inst {
		return true
	}
	if place != "" && strings.Contains(name, place) {
		return true
	}
	t := strings.TrimPrefix(name, "各")
	if strings.HasPrefix(t, "乡镇") || strings.HasPrefix(t, "乡(镇)") {
		return t != name // 各乡镇卫生院: every township's
	}
	for _, level := range []string{"省", "市", "县", "区", "州", "盟", "旗", "自治区"} {
		if strings.HasPrefix(t, level) {
			return true
		}
	}
	return false
}

// placeName is a region's name without its level (岱川县 -> 岱川).
func placeName(region string) string {
	for _, l := range []string{"自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "盟", "旗"} {
		if n, ok := strings.CutSuffix(region, l); ok && runeCount(n) >= 2 {
			return n
		}
	}
	return ""
}

// SubjectUnits finds the responsible bodies named in the text itself
// (normalised norm, original orig of the same rune length): the subject of
// a clause, at its start or after one of its commas; in a clause that has
// one, the bodies that join (，县卫健局配合) and the partners (会同…). place is
// the region's place name (placeName), "" if unknown. Each trigger word is
// found first, and the patterns read only the few characters before or
// after it.
func SubjectUnits(norm, orig, place string) (units, lead []string) {
	type hit struct {
		at, end int // the names' byte span
		lead    bool
	}
	var subjects, others []hit
	for _, w := range subjectTriggers {
		eachAfterBody(norm, w, func(i int) {
			start := segmentStart(norm, i)
			if i-start > 3*30 {
				return // longer than a subject with its 建立由
			}
			if at, ok := subjectNames(norm[start:i]); ok {
				subjects = append(subjects, hit{start + at, i, w == "牵头"})
			}
		})
	}
	if len(subjects) == 0 {
		return nil, nil
	}
	// the clauses with a subject, where bodies join it (，县卫健局配合) or
	// work with it (会同…)
	var clauses [][2]int
	starts := clauseStarts(norm) // one pass: a long text may hold many subjects
	seenClause := map[int]bool{}
	for _, h := range subjects {
		k := sort.SearchInts(starts, h.at+1) - 1 // the clause's start is the last at or before h.at
		c := [2]int{starts[k], len(norm)}
		if k+1 < len(starts) {
			c[1] = starts[k+1]
		}
		if !seenClause[c[0]] {
			seenClause[c[0]] = true
			clauses = append(clauses, c)
		}
	}
	for _, c := range clauses {
		clause := norm[c[0]:c[1]]
		for _, w := range []string{"配合", "参加", "参与", "负责"} {
			eachAfterBody(clause, w, func(i int) {
				start := strings.LastIndexByte(clause[:i], ',') + 1 // after a comma, or the clause's first words
				if at, ok := subjectNames(clause[start:i]); ok {
					others = append(others, hit{c[0] + start + at, c[0] + i, false})
				}
			})
		}
		for _, w := range []string{"会同", "联合", "协同"} {
			for from := 0; ; {
				k := indexText(clause[from:], w)
				if k < 0 {
					break
				}
				i := from + k
				from = i + len(w)
				window := clause[i:min(len(clause), i+96)]
				if m := partnerRe.FindStringSubmatchIndex(window); m != nil && m[0] == 0 {
					end := m[3]
					if last := window[m[2]:m[3]]; strings.HasSuffix(last, "委") && runeCount(last) <= 3 {
						end += longerName(clause[i+m[3]:]) // 县委|网信办: a party committee's office
					}
					others = append(others, hit{c[0] + i + m[2], c[0] + i + end, false})
				}
			}
		}
	}
	hits := append(subjects, others...)
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	printed := map[string]string{} // a name -> as first printed; read once: a long text may name a body many times
	for _, h := range hits {
		names := norm[h.at:h.end]
		for _, sp := range splitUnits(nil, names) {
			n := strings.TrimSpace(names[sp[0]:sp[1]])
			if n == "" || genericBodies[n] || !namedInstitution(n, place) {
				continue
			}
			u, ok := printed[n]
			if !ok {
				from := h.at + sp[0] + strings.Index(names[sp[0]:sp[1]], n)
				u = runeSlice(orig, runeIndex(norm, from), runeIndex(norm, from+len(n)))
				printed[n] = u
				units = append(units, u)
			}
			if h.lead && !slices.Contains(lead, u) {
				lead = append(lead, u)
			}
		}
	}
	return units, lead
}

// eachAfterBody calls fn with the byte offset of each w in s that follows
// the last character of a body's name. w is looked for by its first
// character (indexText looks for a needle's last byte: 统一's, 0x80, is
// in a third of Chinese text's characters).
func eachAfterBody(s, w string, fn func(i int)) {
	_, first := utf8.DecodeRuneInString(w)
	for from := 0; ; {
		k := indexText(s[from:], w[:first])
		if k < 0 {
			return
		}
		i := from + k
		from = i + first
		if !strings.HasPrefix(s[i:], w) {
			continue
		}
		if before, _ := utf8.DecodeLastRuneInString(s[:i]); endsBodyName(before) && endsWithBodyWord(s[:i]) {
			fn(i)
		}
	}
}

// bodyWords: what the name of a responsible body ends with (bodyName's
// endings); the character test (endsBodyName) is asked first.
var bodyWords = []string{"部门", "委员会", "委", "厅", "局", "办公室", "办", "部", "政府", "中心", "公司", "院", "大学", "学校",
	"支行", "分行", "集团", "室", "站", "所", "馆", "处", "队", "团", "社", "地区"}

func endsWithBodyWord(s string) bool {
	for _, w := range bodyWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// segmentStart is where the clause segment that holds byte i starts: after
// the last , : 。 ; ! ? or line break before it (为做好就医服务：一是县卫健局要…),
// at most 96 bytes back (a subject is short; a segment that reaches that
// far is too long to be one).
func segmentStart(s string, i int) int {
	from := max(0, i-96) // maybe inside a character: no stop starts there
	k := strings.LastIndexAny(s[from:i], clauseStops+",:")
	if k < 0 {
		return from
	}
	_, size := utf8.DecodeRuneInString(s[from+k:])
	return from + k + size
}

// clauseStarts are the byte offsets where the clauses of s start: 0, and
// after each 。 ; ! ? or line break (a stop that ends s opens no clause).
func clauseStarts(s string) []int {
	starts := []int{0}
	for i := 0; ; {
		k := strings.IndexAny(s[i:], clauseStops)
		if k < 0 {
			return starts
		}
		_, size := utf8.DecodeRuneInString(s[i+k:])
		i += k + size
		if i == len(s) {
			return starts
		}
		starts = append(starts, i)
	}
}

// clauseStops end a clause.
const clauseStops = "。;!?\n"

// nameEndRe: what a body's name ends with, a few characters on (the name
// a lazy match cut short at a party committee: 县委|网信办).
var nameEndRe = regexp.MustCompile(`^[\p{Han}]{0,5}?(?:部门|委员会|委|厅|局|办公室|办|部|政府|中心|公司|院|支行|分行|集团|室|站|所|馆|处)`)

// longerName is how many bytes of s extend a name that ends where s starts.
func longerName(s string) int {
	n := 0
	for {
		m := nameEndRe.FindStringIndex(s[n:])
		if m == nil {
			return n
		}
		n += m[1]
	}
}

// subjectNames reads a clause's segment up to a trigger word as its
// subject: a list of body names, maybe after the words that set a mechanism
// up under them (建立由…牵头). at is where the names start.
func subjectNames(seg string) (at int, ok bool) {
	t := trimSpaceLeft(seg)
	t = t[enumeratorLen(t):] // 一是县交通局要…
	for _, v := range []string{"建立", "成立", "组建", "健全", "形成", "实行", "推行"} {
		if rest, found := strings.CutPrefix(t, v); found {
			t = rest
			break
		}
	}
	t = strings.TrimPrefix(t, "由")
	k, ok := bodyList(t)
	return len(seg) - len(t) + k, ok
}

// enumeratorLen is the byte length of an enumerator that opens s (一是, 二是 …).
func enumeratorLen(s string) int {
	t := strings.TrimLeft(s, cnTen)
	if len(t) < len(s) && strings.HasPrefix(t, "是") {
		return len(s) - len(t) + len("是")
	}
	return 0
}

// bodyList: s is a list of body names (bodyName, split at 、); at is where
// the first starts, after blanks.
func bodyList(s string) (at int, ok bool) {
	t := trimSpaceLeft(s)
	if t == "" {
		return 0, false
	}
	var buf [8][2]int
	for _, sp := range splitUnits(buf[:0], t) {
		if !isBodyName(strings.TrimSpace(t[sp[0]:sp[1]])) { // 市衛健委、 市民政局: blanks as printed
			return 0, false
		}
	}
	return len(s) - len(t), true
}

// isBodyName: a name of 2 to 34 letters (maybe one parenthesised part,
// 各乡（镇）人民政府) that ends with a body word (bodyWords).
func isBodyName(s string) bool {
	if !endsWithBodyWord(s) {
		return false
	}
	n, parens := 0, 0
	for _, r := range s {
		switch {
		case r == '(' || r == ')':
			parens++
		case r == '、':
			if parens%2 == 0 {
				return false
			}
		case isHan(r) || r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
		default:
			return false
		}
		n++
	}
	return n >= 2 && n <= 34 && parens <= 2
}

// subjectTriggers: the words after a subject that make it responsible.
var subjectTriggers = []string{"要", "应", "须", "负责", "牵头", "同步", "统一"}

// endsBodyName: r is the last character of a body's name (bodyName's endings).
func endsBodyName(r rune) bool {
	switch r {
	case '门', '会', '委', '厅', '局', '室', '办', '部', '府', '心', '司', '院', '学', '校', '行', '团', '站', '所', '馆', '处', '队', '社', '区':
		return true
	}
	return false
}
