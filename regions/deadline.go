package regions

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DeadlineKind says whether a measure has a date, is ongoing (长期坚持), or has none.
type DeadlineKind string

const (
	DeadlineDate    DeadlineKind = "date"
	DeadlineOngoing DeadlineKind = "ongoing"
	DeadlineNone    DeadlineKind = "none"
)

// Deadline is a measure's completion deadline: the raw text as printed and the
// last day of the period it names (2021年10月底 -> 2021-10-31).
type Deadline struct {
	Raw  string
	Date time.Time // zero unless Kind is DeadlineDate
	Kind DeadlineKind
}

// MarshalJSON writes {"raw":…,"date":"2006-01-02"|null,"kind":…}, the measure record's form.
func (d Deadline) MarshalJSON() ([]byte, error) {
	var date *string
	if d.Kind == DeadlineDate {
		s := d.Date.Format(time.DateOnly)
		date = &s
	}
	return json.Marshal(struct {
		Raw  string       `json:"raw"`
		Date *string      `json:"date"`
		Kind DeadlineKind `json:"kind"`
	}{d.Raw, date, d.KindOrNone()})
}

// KindOrNone is d's kind, DeadlineNone when it was never set.
func (d Deadline) KindOrNone() DeadlineKind {
	if d.Kind == "" {
		return DeadlineNone
	}
	return d.Kind
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Deadline) UnmarshalJSON(b []byte) error {
	var v struct {
		Raw  string       `json:"raw"`
		Date *string      `json:"date"`
		Kind DeadlineKind `json:"kind"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*d = Deadline{Raw: v.Raw, Kind: v.Kind}
	if v.Date != nil {
		t, err := time.Parse(time.DateOnly, *v.Date)
		if err != nil {
			return err
		}
		d.Date = t
	}
	return nil
}

// String is the date, "ongoing" or "none".
func (d Deadline) String() string {
	if d.Kind == DeadlineDate {
		return d.Date.Format(time.DateOnly)
	}
	return string(d.KindOrNone())
}

// Due is the date as YYYY-MM-DD, "ongoing", or "" when there is no deadline:
// the form of a ledger's cell and of the gold labels.
func (d Deadline) Due() string {
	if d.KindOrNone() == DeadlineNone {
		return ""
	}
	return d.String()
}

const cnDigits = "〇一二三四五六七八九"

// A date expression in normalised text: a year (Arabic or Chinese digits), then
// a month with an optional day or part of month, a quarter, a half year, or
// the year's end; spaces between the parts are tolerated ("2022 年底前").
var deadlineRe = regexp.MustCompile(`([0-9〇一二三四五六七八九零]{4})\s*年\s*` +
	`(?:第?\s*([1-4一二三四])\s*季度|(上半年|下半年)|(底|末|年底|前|内)|` +
	`([0-9一二三四五六七八九十]{1,3})\s*月\s*(?:([0-9一二三四五六七八九十]{1,3})\s*日|(上旬|中旬|下旬|底|末))?)?`)

var (
	ongoingRe  = regexp.MustCompile(`长期坚持|长期推进|持续推进|持续开展|长期开展|常态化推进|长期`)
	withinYear = regexp.MustCompile(`^(年内|年底前|年底|今年内|今年年底前|今年底前|今年底|本年度内|本年内|当年内)`)
)

// ParseDeadline reads a deadline slot: the deadline part of a units parenthesis
// or a table's 完成时限 cell (normalised text). docYear resolves 年内 ("within the
// year"); 0 means unknown. ok is false when the slot holds no deadline.
func ParseDeadline(raw string, docYear int) (d Deadline, ok bool) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return Deadline{Kind: DeadlineNone}, false
	}
	if m, ok := findDeadlineExpr(s); ok {
		if t, ok := deadlineDate(s, m[:]); ok {
			return Deadline{Raw: raw, Date: t, Kind: DeadlineDate}, true
		}
	}
	if withinYear.MatchString(s) && docYear > 0 {
		return Deadline{Raw: raw, Date: time.Date(docYear, 12, 31, 0, 0, 0, 0, time.UTC), Kind: DeadlineDate}, true
	}
	if ongoingRe.MatchString(s) {
		return Deadline{Raw: raw, Kind: DeadlineOngoing}, true
	}
	return Deadline{Kind: DeadlineNone}, false
}

// deadlineExpr is a match of deadlineRe as FindStringSubmatchIndex gives it:
// the match's byte span, then the span of each of its 7 groups, -1 for a
// group that took no part.
type deadlineExpr [16]int

// findDeadlineExpr is deadlineRe.FindStringSubmatchIndex: the leftmost match.
func findDeadlineExpr(s string) (deadlineExpr, bool) {
	for p := 0; p < len(s); {
		r, size := utf8.DecodeRuneInString(s[p:])
		if isYearDigit(r) {
			if m, ok := matchDeadlineExpr(s, p); ok {
				return m, true
			}
		}
		p += size
	}
	return deadlineExpr{}, false
}

// matchDeadlineExpr matches deadlineRe at byte p of s, piece by piece: the
// regexp's alternatives in its order, its greedy repeats as it takes them.
// FuzzDeadlineExpr holds it to the regexp.
func matchDeadlineExpr(s string, p int) (m deadlineExpr, ok bool) {
	for i := range m {
		m[i] = -1
	}
	l := readerAt(s, p)
	l.run(yearDigits, 4, 4)
	m[2], m[3] = l.num[0], l.num[1]
	l.space()
	l.lit("年")
	l.space()
	if !l.ok {
		return m, false
	}
	m[0], m[1] = p, l.i
	group := func(g int, span [2]int, end int) (deadlineExpr, bool) {
		m[2*g], m[2*g+1], m[1] = span[0], span[1], end
		return m, true
	}
	i := l.i
	// 第?\s*([1-4一二三四])\s*季度
	q := readerAt(s, i)
	q.maybe("第")
	q.space()
	q.run("1234一二三四", 1, 1)
	q.space()
	if q.lit("季度"); q.ok {
		return group(2, q.num, q.i)
	}
	for g, words := range [][]string{3: {"上半年", "下半年"}, 4: {"底", "末", "年底", "前", "内"}} {
		if w := readerAt(s, i); w.maybe(words...) {
			return group(g, [2]int{i, w.i}, w.i)
		}
	}
	// ([0-9一…十]{1,3})\s*月\s*(?:([0-9一…十]{1,3})\s*日|(上旬|中旬|下旬|底|末))?
	mo := readerAt(s, i)
	mo.run(dateNumerals, 1, 3)
	mo.space()
	if mo.lit("月"); !mo.ok {
		return m, true // the year alone
	}
	mo.space()
	m, _ = group(5, mo.num, mo.i)
	d := readerAt(s, mo.i)
	d.run(dateNumerals, 1, 3)
	d.space()
	if d.lit("日"); d.ok {
		return group(6, d.num, d.i)
	}
	if x := readerAt(s, mo.i); x.maybe("上旬", "中旬", "下旬", "底", "末") {
		return group(7, [2]int{mo.i, x.i}, x.i)
	}
	return m, true
}

const (
	yearDigits   = "0123456789〇一二三四五六七八九零"
	dateNumerals = "0123456789一二三四五六七八九十"
)

func isYearDigit(r rune) bool { return strings.ContainsRune(yearDigits, r) }

// skipSpace skips \s* (the regexp's ASCII spaces) from byte i of s.
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// deadlineDate turns one deadlineRe match into the last day of its period.
func deadlineDate(s string, m []int) (time.Time, bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	year := cnNumber(group(1))
	if year < 1990 || year > 2100 {
		return time.Time{}, false
	}
	endOfMonth := func(y, mo int) time.Time { return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC) }
	switch {
	case group(2) != "": // quarter
		return endOfMonth(year, 3*cnNumber(group(2))), true
	case group(3) == "上半年":
		return endOfMonth(year, 6), true
	case group(3) == "下半年":
		return endOfMonth(year, 12), true
	case group(4) == "前": // 2022年前: before the year begins
		return time.Date(year-1, 12, 31, 0, 0, 0, 0, time.UTC), true
	case group(4) != "":
		return endOfMonth(year, 12), true
	case group(5) != "":
		month := cnNumber(group(5))
		if month < 1 || month > 12 {
			return time.Time{}, false
		}
		if day := cnNumber(group(6)); group(6) != "" {
			t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if day < 1 || t.Month() != time.Month(month) {
				return time.Time{}, false
			}
			return t, true
		}
		switch group(7) {
		case "上旬":
			return time.Date(year, time.Month(month), 10, 0, 0, 0, 0, time.UTC), true
		case "中旬":
			return time.Date(year, time.Month(month), 20, 0, 0, 0, 0, time.UTC), true
		}
		return endOfMonth(year, month), true
	}
	// a bare year ("2022年完成") is due by the year's end
	rest := strings.TrimSpace(s[m[1]:])
	if rest == "" || strings.HasPrefix(rest, "完成") || strings.HasPrefix(rest, "内") {
		return endOfMonth(year, 12), true
	}
	return time.Time{}, false
}

// cnNumber reads Arabic digits, digit-by-digit Chinese years (二〇二一) and
// Chinese numbers up to 99 (十二, 二十一).
func cnNumber(s string) int {
	if s == "" {
		return 0
	}
	if isDigits(s) {
		n, _ := strconv.Atoi(s)
		return n
	}
	rs := []rune(strings.ReplaceAll(s, "零", "〇"))
	if len(rs) == 4 { // a year written digit by digit
		n := 0
		for _, r := range rs {
			d := strings.IndexRune(cnDigits, r)
			if d < 0 {
				return 0
			}
			n = n*10 + d/3 // cnDigits holds 3-byte runes
		}
		return n
	}
	n, cur := 0, 0
	for _, r := range rs {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			n += cur * 10
			cur = 0
			continue
		}
		d := strings.IndexRune(cnDigits, r)
		if d < 0 {
			return 0
		}
		cur = d / 3
	}
	return n + cur
}

// bareYear: periods of the document's own year named without the year
// (年底前完成全覆盖), as they go on after their 年, and what may stand
// before that 年; the words that may follow one.
var (
	bareYear = []struct {
		after  string
		before []string
	}{{"底前", []string{"今年", "今"}}, {"度内", []string{"本"}}, {"内", []string{"今", "本", "当"}}}
	bareYearAfter = []string{"完成", "办结", "实现"}
	// ongoingEnds: ongoing terms that may end a measure (…，此项工作长期坚持。)
	ongoingEnds = []string{"长期坚持", "长期推进", "持续推进", "持续开展", "长期开展", "常态化推进", "常态化开展"}
)

// otherDeadline finds what FindDeadline's dates with 前 do not: a period of
// the document's year named without the year, not after a number or 每
// (三年内, 每年底), read at each 年; or an ongoing term that ends the text.
func otherDeadline(s string, docYear int) (Deadline, int, int, bool) {
	for from := 0; docYear > 0; {
		k := indexText(s[from:], "年")
		if k < 0 {
			break
		}
		at := from + k
		from = at + len("年")
		for _, b := range bareYear {
			if !strings.HasPrefix(s[from:], b.after) || b.after == "度内" && !strings.HasSuffix(s[:at], "本") {
				continue
			}
			start, end := at, from+len(b.after)
			for _, w := range b.before {
				if strings.HasSuffix(s[:start], w) {
					start -= len(w)
					break
				}
			}
			if before, _ := utf8.DecodeLastRuneInString(s[:start]); strings.ContainsRune("0123456789〇一二三四五六七八九十两几每多明去今本老", before) {
				break
			}
			for _, a := range bareYearAfter {
				if strings.HasPrefix(s[end:], a) {
					end += len(a)
					break
				}
			}
			if d, ok := ParseDeadline(s[start:end], docYear); ok {
				return d, start, end, true
			}
			break
		}
	}
	t := strings.TrimRight(s, "。.;; \n\t")
	for _, w := range ongoingEnds {
		if strings.HasSuffix(t, w) {
			return Deadline{Raw: w, Kind: DeadlineOngoing}, len(t) - len(w), len(t), true
		}
	}
	return Deadline{Kind: DeadlineNone}, 0, 0, false
}

// bodyDeadlineRe finds a deadline inside a measure's text: a date followed by
// 前 ("在2021年1月中旬前排查完毕", "于2021年1月22日前报送"). It is tried on the
// few characters before each 前, not on the whole text.
var bodyDeadlineRe = regexp.MustCompile(deadlineRe.String() + `\s*前$`)

// FindDeadline returns the first deadline stated in a measure's body text
// (normalised), with the byte span of the expression in s. Dates after 到/至
// are targets of goal statements, not deadlines.
func FindDeadline(s string, docYear int) (Deadline, int, int, bool) {
	for from := 0; ; {
		i := indexText(s[from:], "前")
		if i < 0 {
			return otherDeadline(s, docYear)
		}
		end := from + i + len("前")
		if before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:end-len("前")], " ")); !strings.ContainsRune("底末旬日月年度", before) {
			from = end // 前 after anything but a date's last part: 前提, 提前 …
			continue
		}
		start := max(0, end-48) // maybe inside a character: the regexp matches none there
		if m := bodyDeadlineRe.FindStringIndex(s[start:end]); m != nil {
			at := start + m[0]
			guard, _ := utf8.DecodeLastRuneInString(s[:at])
			if guard != '到' && guard != '至' {
				if d, ok := ParseDeadline(s[at:end], docYear); ok {
					return d, at, end, true
				}
			}
		}
		from = end
	}
}
