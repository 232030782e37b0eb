package strength

import (
	"strconv"
	"strings"
)

// Target is a quantified target: a number with a unit, or a totality,
// bounding an outcome of the measure (不少于30%, 100个以上, 全覆盖).
type Target struct {
	Text  string  `json:"text"`  // as printed, with its qualifier (不少于, 至少 …)
	Value float64 `json:"value"` // a totality (全覆盖, 全部, 所有) is 100 %
	Unit  string  `json:"unit"`
	At    int     `json:"-"` // rune offset in the text read
}

// qualifierReach is how many runes may stand between a qualifier and its
// number (至少保留一条).
const qualifierReach = 4

// targets finds the quantified targets of a text. Numbers without a unit
// (years, hotlines 12345, document numbers), ages (65周岁), grades (二级医院),
// ordinals (第一批) and words in quotes are not targets. A number written in
// Chinese counts only beside a qualifier or in a clause with 每 (每月至少
// 上门一次), since 一 is in every other word (一站式, 一批, 一键).
func (r *Reader) targets(s []rune, q []bool, hs []hit) []Target {
	var out []Target
	next := 0
	clauses(s, func(c span, _ bool) bool {
		end := c.from // where the last number read ends
		for ; next < len(hs) && hs[next].at < c.to; next++ {
			h := hs[next]
			switch {
			case q[h.at]:
			// 全部交易均通过网络完成的，…: a totality in a condition bounds no outcome
			case h.lex == lexTotality && s[c.to-1] != '的':
				out = append(out, Target{Text: string(s[h.at : h.at+h.n]), Value: 100, Unit: "%", At: h.at})
			case h.lex == lexNumeral && h.at >= end:
				if t, e, ok := r.number(s, c, h.at); ok {
					out, end = append(out, t), e
				}
			}
		}
		out = dropShadowed(out, c)
		return false
	})
	return out
}

// dropShadowed removes 所有/全部 from a clause that also says 全覆盖: one
// target, said twice (实现所有定点医疗机构全覆盖).
func dropShadowed(ts []Target, c span) []Target {
	full := false
	for _, t := range ts {
		if t.At >= c.from && t.At < c.to && t.Unit == "%" && t.Value == 100 && t.Text != "所有" && t.Text != "全部" {
			full = true
		}
	}
	if !full {
		return ts
	}
	out := ts[:0]
	for _, t := range ts {
		if t.At >= c.from && t.At < c.to && (t.Text == "所有" || t.Text == "全部") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// number reads a number with its unit starting at s[i]; end is the rune after it.
func (r *Reader) number(s []rune, c span, i int) (Target, int, bool) {
	if i > c.from && (isDigit(s[i-1]) || isChineseDigit(s[i-1]) || s[i-1] == '第' || s[i-1] == '.' || isLatin(s[i-1])) {
		return Target{}, 0, false
	}
	j, value, chinese := readNumber(s, i, c.to)
	if j == i {
		return Target{}, 0, false
	}
	n := r.units.at(s, j)
	if n == 0 || j+n > c.to || r.unitNot.at(s, j+n) > 0 {
		return Target{}, 0, false
	}
	from := i
	if k := r.qualifierBefore(s, c, i); k >= 0 {
		from = k
	} else if chinese && !containsRune(s[c.from:i], '每') {
		return Target{}, 0, false
	}
	end := j + n
	for _, suffix := range []string{"以上", "以内", "左右"} {
		if hasPrefix(s[end:c.to], []rune(suffix)) {
			end += len([]rune(suffix))
			break
		}
	}
	return Target{Text: string(s[from:end]), Value: value, Unit: string(s[j : j+n]), At: from}, end, true
}

// qualifierBefore is where a qualifier standing up to qualifierReach runes
// before s[i] starts, or -1.
func (r *Reader) qualifierBefore(s []rune, c span, i int) int {
	for k := max(c.from, i-qualifierReach-maxQualifier); k < i; k++ { // the farthest first: 不少于, not 少于
		if n := r.qualifier.at(s, k); n > 0 && k+n <= i && i-(k+n) <= qualifierReach {
			return k
		}
	}
	return -1
}

const maxQualifier = 3

// readNumber reads Arabic digits (with a decimal part and 万/千 after them) or
// a Chinese numeral from s[i]; j == i when there is none.
func readNumber(s []rune, i, to int) (j int, value float64, chinese bool) {
	j = i
	for j < to && (isDigit(s[j]) || s[j] == '.' && j > i && j+1 < to && isDigit(s[j+1])) {
		j++
	}
	if j > i {
		v, err := strconv.ParseFloat(string(s[i:j]), 64)
		if err != nil {
			return i, 0, false
		}
		if j < to {
			switch s[j] {
			case '万':
				v, j = v*10000, j+1
			case '千':
				v, j = v*1000, j+1
			}
		}
		return j, v, false
	}
	for j < to && isChineseDigit(s[j]) {
		j++
	}
	if j == i {
		return i, 0, false
	}
	return j, chineseValue(s[i:j]), true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }

func isChineseDigit(r rune) bool {
	switch r {
	case '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万':
		return true
	}
	return false
}

// chineseValue reads 三, 十二, 二十, 一百五十, 五千, 三万 and the like.
func chineseValue(rs []rune) float64 {
	var total, section, digit float64
	for _, r := range rs {
		switch r {
		case '零':
			digit = 0
		case '十', '百', '千':
			unit := map[rune]float64{'十': 10, '百': 100, '千': 1000}[r]
			if digit == 0 {
				digit = 1
			}
			section += digit * unit
			digit = 0
		case '万':
			total += (section + digit) * 10000
			section, digit = 0, 0
		default:
			digit = float64(strings.IndexRune("零一二三四五六七八九", r) / len("一"))
			if r == '两' {
				digit = 2
			}
		}
	}
	return total + section + digit
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
