package regions

import (
	"regexp"
	"slices"
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
var unitEndings = []string{"部门", "委员会", "委", "厅", "局", "办", "部", "政府", "中心", "支行", "分行", "公司", "处", "室", "院", "会", "联", "大学", "单位", "地区", "组", "馆", "台", "团", "队", "所"}

func isUnitName(s string) bool {
	for _, e := range unitEndings {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
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
	var buf [8][2]int
	for _, part := range splitTopLevel(buf[:0], norm) {
		text := norm[part[0]:part[1]]
		if strings.TrimSpace(text) == "" {
			continue
		}
		origText := runeSlice(orig, runeIndex(norm, part[0]), runeIndex(norm, part[1]))
		if !mayBeDeadline(text) {
			// a list of units: no date regexp needed
		} else if d, isDate := ParseDeadline(text, docYear); isDate && !isUnitName(strings.TrimSpace(text)) {
			d.Raw = strings.TrimSpace(origText)
			a.Deadline, a.HasDate = d, true
			continue
		}
		names, lead, good := parseUnitList(text, origText)
		if !good {
			return Assignment{}, false
		}
		units += len(names)
		a.Units = append(a.Units, names...)
		if lead {
			a.Lead = append(a.Lead, names...)
		}
	}
	if units == 0 && !a.HasDate {
		return Assignment{}, false
	}
	if !a.HasDate {
		a.Deadline = Deadline{Kind: DeadlineNone}
	}
	return a, true
}

// mayBeDeadline: the part names a year or an ongoing term; only such parts
// are given to the date parser.
func mayBeDeadline(s string) bool {
	return indexText(s, "年") >= 0 || indexText(s, "长期") >= 0 || indexText(s, "持续") >= 0 || indexText(s, "常态") >= 0
}

// parseUnitList splits "市大数据委、卫健委牵头" or "市商务局、民政局等部门按职责分工负责"
// (normalised norm, original orig of as many runes) into names as printed;
// lead reports a 牵头 marker.
func parseUnitList(norm, orig string) (names []string, lead, ok bool) {
	s := strings.TrimSpace(norm)
	body := strings.TrimSuffix(s, "牵头")
	lead = len(body) != len(s)
	body = trimTails(body)
	at := len(norm) - len(strings.TrimLeftFunc(norm, unicode.IsSpace)) // body's offset in norm
	var buf [8][2]int
	for _, sp := range splitUnits(buf[:0], body) {
		piece := body[sp[0]:sp[1]]
		name := trimTails(strings.TrimSpace(piece))
		if name == "" {
			continue
		}
		if runeCount(name) > 24 || !isUnitName(name) {
			return nil, false, false
		}
		from := at + sp[0] + strings.Index(piece, name)
		names = append(names, runeSlice(orig, runeIndex(norm, from), runeIndex(norm, from+len(name))))
	}
	return names, lead, len(names) > 0
}

// splitUnits appends to spans the byte spans of s's units: s is cut at 、 , ;
// / and at 及 before another body.
func splitUnits(spans [][2]int, s string) [][2]int {
	start := 0
	for i, r := range s {
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

// Subject units: when a measure has no parenthesis, the bodies that open a
// sentence as its subject ("各级民政部门要…", "各地区、各部门要…") or that lead or
// join a mechanism ("建立省发展改革委、省卫生健康委牵头，省直各有关部门参加的…").
var (
	subjectUnit = `(?:(?:各|省|市|区|县|州|自治区|国家|中央)[\p{Han}]{0,14}?(?:部门|委|厅|局|办|部|政府|地区))`
	subjectRe   = regexp.MustCompile(`(?:^|[。;；!！?？,，]\s*)(` + subjectUnit + `(?:、` + subjectUnit + `)*)(?:要|应|须|负责)$`)
	leadRe      = regexp.MustCompile(`(` + subjectUnit + `(?:、` + subjectUnit + `)*)牵头$`)
	joinRe      = regexp.MustCompile(`[,，](` + subjectUnit + `(?:、` + subjectUnit + `)*)(?:参加|参与|配合)$`)
)

// subjectTriggers: the words that, right after a body's name, make it
// responsible, in the order they are read, each with the pattern that reads
// the names before it.
var subjectTriggers = []struct {
	word   string
	re     *regexp.Regexp
	isLead bool
}{{"牵头", leadRe, true}, {"参加", joinRe, false}, {"参与", joinRe, false}, {"配合", joinRe, false},
	{"要", subjectRe, false}, {"应", subjectRe, false}, {"须", subjectRe, false}, {"负责", subjectRe, false}}

// SubjectUnits finds responsible bodies named in the text itself (normalised
// norm, original orig of the same rune length). The patterns are tried on a
// short window before each trigger word, not over the whole text.
func SubjectUnits(norm, orig string) (units, lead []string) {
	// the triggers that follow the last character of a body's name: (trigger,
	// where the word ends), read trigger by trigger, each in text order
	var hits [][2]int
	for t, tr := range subjectTriggers {
		for from := 0; ; {
			i := indexText(norm[from:], tr.word)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(tr.word)
			if before, _ := utf8.DecodeLastRuneInString(norm[:at]); endsBodyName(before) {
				hits = append(hits, [2]int{t, from})
			}
		}
	}
	seen := map[string]bool{}
	for _, h := range hits {
		tr, end := subjectTriggers[h[0]], h[1]
		start := max(0, end-3*64)
		for start > 0 && !utf8.RuneStart(norm[start]) {
			start++
		}
		window := norm[start:end]
		m := tr.re.FindStringSubmatchIndex(window)
		if m == nil {
			continue
		}
		at := start + m[2] // the names' byte offset in norm
		for _, sp := range splitUnits(nil, window[m[2]:m[3]]) {
			u := strings.TrimSpace(runeSlice(orig, runeIndex(norm, at+sp[0]), runeIndex(norm, at+sp[1])))
			if u == "" {
				continue
			}
			if !seen[u] {
				seen[u] = true
				units = append(units, u)
			}
			if tr.isLead {
				lead = append(lead, u)
			}
		}
	}
	return units, lead
}

// endsBodyName: r is the last character of a body's name (部门, 委, 厅 …, 政府, 地区).
func endsBodyName(r rune) bool {
	switch r {
	case '门', '委', '厅', '局', '办', '部', '府', '区':
		return true
	}
	return false
}
