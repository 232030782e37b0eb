package regions

import (
	"bufio"
	"bytes"
	_ "embed"
	"policygap/regions/document"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// OpenCC's traditional-to-simplified dictionaries (npm package opencc 1.4.2,
// Apache-2.0; see opencc/LICENSE and .ci/assets).
var (
	//go:embed opencc/TSCharacters.txt
	tsCharacters []byte
	//go:embed opencc/TSPhrases.txt
	tsPhrases []byte
)

// phrase is a traditional phrase and its simplified form of the same length.
type phrase struct{ trad, simp string }

// t2sTables maps in arrays over the Basic Multilingual Plane, so normalising
// costs an index per character; the rare supplementary-plane entries sit in a map.
type t2sTables struct {
	chars   []rune               // BMP rune -> simplified rune, 0 when unchanged
	astral  map[rune]rune        // the same beyond the BMP
	phrases map[[2]rune][]phrase // by their first two runes, longest first
	starts  bmpSet               // runes that begin a phrase: the rest never look one up
	seconds bmpSet               // runes that are a phrase's second
	// may holds every BMP rune that normalize must look up: a phrase start or
	// a rune that changes. Its 8 KB stay in cache, where chars does not.
	may bmpSet
}

// bmpSet is a set of runes of the Basic Multilingual Plane, a bit each.
type bmpSet [0x10000 / 64]uint64

// newRuneSet is the set of the characters of s, which are all in the BMP;
// the segmenter asks such sets about every character of a document.
func newRuneSet(s string) *bmpSet {
	set := new(bmpSet)
	for _, r := range s {
		set.add(r)
	}
	return set
}

func (s *bmpSet) add(r rune)      { s[r>>6] |= 1 << (r & 63) }
func (s *bmpSet) has(r rune) bool { return r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0 }

// mayChange: r is beyond the BMP or in may.
func (t *t2sTables) mayChange(r rune) bool { return r >= 0x10000 || t.may.has(r) }

var t2s = sync.OnceValue(func() *t2sTables {
	t := &t2sTables{chars: make([]rune, 0x10000), astral: map[rune]rune{}, phrases: map[[2]rune][]phrase{}}
	eachEntry(tsCharacters, func(key string, values []string) {
		k, _ := utf8.DecodeRuneInString(key)
		v, _ := utf8.DecodeRuneInString(values[0])
		if utf8.RuneCountInString(key) != 1 || utf8.RuneCountInString(values[0]) != 1 {
			return
		}
		if k < 0x10000 {
			t.chars[k] = v
		} else {
			t.astral[k] = v
		}
	})
	eachEntry(tsPhrases, func(key string, values []string) {
		// Only same-length phrases keep the normalised text rune-aligned with the
		// original; 5 of OpenCC's 491 entries change length and are left to the
		// character table.
		n := utf8.RuneCountInString(key)
		if n != utf8.RuneCountInString(values[0]) {
			return
		}
		r := []rune(key)
		k := [2]rune{r[0], r[1]}
		t.phrases[k] = append(t.phrases[k], phrase{key, values[0]})
		if r[0] < 0x10000 && r[1] < 0x10000 {
			t.starts.add(r[0])
			t.seconds.add(r[1])
		}
	})
	for _, ps := range t.phrases {
		sort.Slice(ps, func(i, j int) bool { return len(ps[i].trad) > len(ps[j].trad) })
	}
	for r := rune(0); r < 0x10000; r++ {
		if t.starts.has(r) || normalizeRune(r, t) != r {
			t.may.add(r)
		}
	}
	return t
})

// eachEntry calls fn for every "key<TAB>value value…" line of an OpenCC dictionary.
func eachEntry(data []byte, fn func(key string, values []string)) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		key, vals, ok := strings.Cut(line, "\t")
		if !ok || vals == "" {
			continue
		}
		fn(key, strings.Fields(vals))
	}
}

// NormalizeString returns the matching form of text: one rune for every rune
// of text, so the n-th rune of the result is the n-th of the original.
// Traditional characters become simplified (OpenCC t2s: longest phrase first,
// then characters), full-width ASCII becomes half-width, corner brackets
// become quotes.
func NormalizeString(text string) string {
	norm, _ := normalize(text, nil)
	return norm
}

// normalize is NormalizeString in one pass over the bytes, ASCII copied as it
// is. When src is not nil it is filled with text, the result and their rune
// tables, read in the same pass; ok is then false when text is not valid
// UTF-8 (without src, invalid bytes are copied as they are).
func normalize(text string, src *source) (norm string, ok bool) {
	t := t2s()
	index := src != nil
	// the tables are filled in locals: stores into src's fields, one per
	// rune, would each pay the garbage collector's write barrier while it runs
	var rs []rune
	var origAt, normAt []int32
	if index {
		n := runeCount(text)
		rs, origAt, normAt = make([]rune, n), make([]int32, n+1), make([]int32, n+1)
	}
	var out strings.Builder // its String is the bytes written, not a copy
	out.Grow(len(text))
	from, k := 0, 0 // text[from:i] is copied as it is when something changes or at the end; i is rune k
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = decode3(text[i:]); size == 0 {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if size == 1 && index { // not UTF-8: the tables, sized by runeCount, cannot hold it
				return "", false
			}
		}
		n := r
		if t.mayChange(r) {
			if t.starts.has(r) {
				if p, ok := t.matchPhrase(text[i:], size); ok {
					out.WriteString(text[from:i])
					for j, pr := range p.simp { // the phrase's runes and their places in both texts
						if index {
							rs[k], origAt[k], normAt[k] = pr, int32(i), int32(out.Len()+j)
						}
						_, size := utf8.DecodeRuneInString(text[i:])
						i += size
						k++
					}
					out.WriteString(p.simp)
					from = i
					continue
				}
			}
			if n = normalizeRune(r, t); n != r {
				out.WriteString(text[from:i])
				from = i // out now ends where n goes
			}
		}
		if index {
			rs[k], origAt[k], normAt[k] = n, int32(i), int32(out.Len()+i-from)
		}
		if n != r {
			out.WriteRune(n)
			from = i + size
		}
		i += size
		k++
	}
	out.WriteString(text[from:])
	norm = out.String()
	if index {
		origAt[k], normAt[k] = int32(len(text)), int32(len(norm))
		*src = source{norm: rs, origS: text, normS: norm, origAt: origAt, normAt: normAt}
	}
	return norm, true
}

// decode3 decodes the three-byte UTF-8 sequence s starts with; size is 0
// when s starts otherwise (utf8.DecodeRuneInString will do). It is small
// enough to be inlined in loops over every character of a document.
func decode3(s string) (r rune, size int) {
	if len(s) > 2 {
		// the three bytes side by side: 1110xxxx 10xxxxxx 10xxxxxx
		if b := rune(s[0])<<16 | rune(s[1])<<8 | rune(s[2]); b&0xF0C0C0 == 0xE08080 {
			r = b>>4&0xF000 | b>>2&0x0FC0 | b&0x3F
			if r >= 0x800 && r&0xF800 != 0xD800 { // not overlong, not a surrogate
				return r, 3
			}
		}
	}
	return 0, 0
}

// matchPhrase finds the longest phrase that text starts with; its first rune
// is size bytes long.
func (t *t2sTables) matchPhrase(text string, size int) (phrase, bool) {
	second, _ := utf8.DecodeRuneInString(text[size:])
	if !t.seconds.has(second) {
		return phrase{}, false
	}
	first, _ := utf8.DecodeRuneInString(text)
	for _, p := range t.phrases[[2]rune{first, second}] {
		if strings.HasPrefix(text, p.trad) {
			return p, true
		}
	}
	return phrase{}, false
}

func normalizeRune(r rune, t *t2sTables) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	case r == '「' || r == '『':
		return '“'
	case r == '」' || r == '』':
		return '”'
	}
	if r < 0x10000 {
		if s := t.chars[r]; s != 0 {
			return s
		}
		return r
	}
	if s, ok := t.astral[r]; ok {
		return s
	}
	return r
}

// runeCount is document.RuneCount: the rune count of valid UTF-8.
func runeCount(s string) int { return document.RuneCount(s) }

// indexText is strings.Index for Chinese text: it looks for sub's last byte,
// which in UTF-8 Chinese is one of 64 continuation bytes, where strings.Index
// looks for its first, a lead byte that every third byte of the text shares.
// Six times faster on the seed corpus.
func indexText(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return 0
	}
	last := sub[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		if i += j; s[i+1-n:i+1] == sub {
			return i + 1 - n
		}
	}
	return -1
}
