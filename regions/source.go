package regions

import (
	"policygap/regions/document"
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
		j += document.SeqLen(text[j])
	}
	origAt[n], normAt[n] = int32(len(text)), int32(len(norm))
	*s = source{norm: rs, origS: text, normS: norm, origAt: origAt, normAt: normAt}
	return s, j == len(text)
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

// trimSpaceLeft is strings.TrimLeft(s, reSpace), without building the
// cutset's table at every call.
func trimSpaceLeft(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return s[i:]
}
