package regions

import (
	"strings"
	"unicode/utf8"
)

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
