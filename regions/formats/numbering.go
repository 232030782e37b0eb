package formats

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// numbering renders the labels of Word's automatic numbering
// (word/numbering.xml): each abstract numbering defines nine levels (start
// value, number format, label text such as "（%2）"), each numbering instance
// points to one and may override start values. Instances without overrides
// continue the list of their abstract numbering, as Word does; an instance
// with overrides restarts it.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numInstance
	lists     map[string]*listState
}

type numLevel struct {
	start   int
	format  string // numFmt: decimal, chineseCounting, decimalEnclosedCircle …
	text    string // lvlText: "%1、", "（%2）", "%3."
	restart int    // lvlRestart: restarts when a level above this index is used; -1: the default
	legal   bool   // isLgl: every number in the label in decimal
	pStyle  string
}

type abstractNum struct{ levels [9]numLevel }

type numInstance struct {
	abstract  string
	overrides map[int]int // level -> startOverride
}

type listState struct {
	value   [9]int
	started [9]bool
}

func (r *docxReader) readNumbering(t *xmlTokens) error {
	n := &r.nums
	n.abstracts, n.nums, n.lists = map[string]*abstractNum{}, map[string]*numInstance{}, map[string]*listState{}
	var abs *abstractNum
	var lvl *numLevel
	var inst *numInstance
	overrideLvl := -1
	for tok := range t.all() {
		e, ok := tok.(xml.StartElement)
		if !ok {
			if end, ok := tok.(xml.EndElement); ok {
				switch end.Name.Local {
				case "abstractNum":
					abs = nil
				case "lvl":
					lvl = nil
				case "num":
					inst = nil
				case "lvlOverride":
					overrideLvl = -1
				}
			}
			continue
		}
		val, _ := attrVal(e, "val")
		switch e.Name.Local {
		case "abstractNum":
			id, _ := attrVal(e, "abstractNumId")
			abs = &abstractNum{}
			for i := range abs.levels {
				abs.levels[i] = numLevel{start: 1, format: "decimal", restart: -1}
			}
			n.abstracts[id] = abs
		case "lvl":
			il, _ := attrVal(e, "ilvl")
			if k, err := strconv.Atoi(il); err == nil && k >= 0 && k < 9 && abs != nil && inst == nil {
				lvl = &abs.levels[k]
			}
		case "num":
			id, _ := attrVal(e, "numId")
			inst = &numInstance{overrides: map[int]int{}}
			n.nums[id] = inst
		case "abstractNumId":
			if inst != nil {
				inst.abstract = val
			}
		case "lvlOverride":
			il, _ := attrVal(e, "ilvl")
			overrideLvl, _ = strconv.Atoi(il)
		case "startOverride":
			if inst != nil && overrideLvl >= 0 && overrideLvl < 9 {
				inst.overrides[overrideLvl], _ = strconv.Atoi(val)
			}
		}
		if lvl == nil {
			continue
		}
		switch e.Name.Local {
		case "start":
			lvl.start, _ = strconv.Atoi(val)
		case "numFmt":
			lvl.format = val
		case "lvlText":
			lvl.text = val
		case "lvlRestart":
			lvl.restart, _ = strconv.Atoi(val)
		case "isLgl":
			lvl.legal = onOff(e)
		case "pStyle":
			lvl.pStyle = val
		}
	}
	return t.err
}

// levelOfStyle is the level of numbering numID that a paragraph style is
// linked to (a Heading 2 style numbered at level 2), 0 if none is.
func (n *numbering) levelOfStyle(numID, styleID string) int {
	if inst := n.nums[numID]; inst != nil {
		if abs := n.abstracts[inst.abstract]; abs != nil {
			for i, l := range abs.levels {
				if l.pStyle != "" && l.pStyle == styleID {
					return i
				}
			}
		}
	}
	return 0
}

// next counts a paragraph numbered at level ilvl of instance numID and
// returns the label Word shows for it.
func (n *numbering) next(numID string, ilvl int) string {
	inst := n.nums[numID]
	if inst == nil || ilvl > 8 {
		return ""
	}
	abs := n.abstracts[inst.abstract]
	if abs == nil {
		return ""
	}
	key := "a" + inst.abstract
	if len(inst.overrides) > 0 {
		key = "n" + numID
	}
	st := n.lists[key]
	if st == nil {
		st = &listState{}
		n.lists[key] = st
	}
	startOf := func(l int) int {
		if v, ok := inst.overrides[l]; ok {
			return v
		}
		return abs.levels[l].start
	}
	if st.started[ilvl] {
		st.value[ilvl]++
	} else {
		st.value[ilvl], st.started[ilvl] = startOf(ilvl), true
	}
	for m := ilvl + 1; m < 9; m++ {
		if r := abs.levels[m].restart; r < 0 || ilvl < r {
			st.started[m] = false
		}
	}
	lv := abs.levels[ilvl]
	switch lv.format {
	case "bullet":
		return "•"
	case "none":
		return strings.TrimSpace(stripPlaceholders(lv.text))
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v := startOf(l)
			if st.started[l] {
				v = st.value[l]
			}
			format := abs.levels[l].format
			if lv.legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

func stripPlaceholders(s string) string {
	for d := '1'; d <= '9'; d++ {
		s = strings.ReplaceAll(s, "%"+string(d), "")
	}
	return s
}

// formatNumber writes v in one of Word's number formats.
func formatNumber(v int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional":
		return chineseNumber(v)
	case "chineseLegalSimplified":
		return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍", "六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰").Replace(chineseNumber(v))
	case "ideographTraditional":
		return cycle(v, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(v, "子丑寅卯辰巳午未申酉戌亥")
	case "ideographDigital", "japaneseDigitalTenThousand":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune([]rune("〇一二三四五六七八九")[d-'0'])
		}
		return b.String()
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	case "decimalEnclosedParen":
		if v >= 1 && v <= 20 {
			return string(rune('⑴' + v - 1))
		}
	case "decimalEnclosedFullstop":
		if v >= 1 && v <= 20 {
			return string(rune('⒈' + v - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune('０' + d - '0')
		}
		return b.String()
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "upperLetter", "lowerLetter":
		s := letters(v)
		if format == "lowerLetter" {
			s = strings.ToLower(s)
		}
		return s
	case "upperRoman", "lowerRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(v)
}

// chineseNumber writes 1..999 as 一, 十一, 二十, 一百零五 (no list reaches 1000: larger
// numbers are written in digits).
func chineseNumber(v int) string {
	digits := []rune("零一二三四五六七八九")
	if v <= 0 {
		return "零"
	}
	if v < 10 {
		return string(digits[v])
	}
	if v < 20 {
		s := "十"
		if v > 10 {
			s += string(digits[v-10])
		}
		return s
	}
	if v < 100 {
		s := string(digits[v/10]) + "十"
		if v%10 > 0 {
			s += string(digits[v%10])
		}
		return s
	}
	if v < 1000 {
		s := string(digits[v/100]) + "百"
		switch r := v % 100; {
		case r == 0:
		case r < 10:
			s += "零" + string(digits[r])
		default:
			s += string(digits[r/10]) + "十"
			if r%10 > 0 {
				s += string(digits[r%10])
			}
		}
		return s
	}
	return strconv.Itoa(v)
}

func cycle(v int, chars string) string {
	rs := []rune(chars)
	return string(rs[(v-1+len(rs)*100)%len(rs)])
}

func letters(v int) string {
	if v < 1 {
		return strconv.Itoa(v)
	}
	// Word repeats the letter: A … Z, AA … ZZ
	return strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
