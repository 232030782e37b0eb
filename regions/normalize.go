package regions

import (
	"bufio"
	"bytes"
	_ "embed"
	"slices"
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
type phrase struct{ trad, simp []rune }

// t2sTables maps in arrays over the Basic Multilingual Plane, so normalising
// costs an index per character; the rare supplementary-plane entries sit in a map.
type t2sTables struct {
	chars   []rune               // BMP rune -> simplified rune, 0 when unchanged
	astral  map[rune]rune        // the same beyond the BMP
	phrases map[[2]rune][]phrase // by their first two runes, longest first
	starts  []bool               // BMP runes that begin a phrase: the rest never look one up
	seconds []bool               // BMP runes that are a phrase's second
}

var t2s = sync.OnceValue(func() *t2sTables {
	t := &t2sTables{chars: make([]rune, 0x10000), astral: map[rune]rune{}, phrases: map[[2]rune][]phrase{}, starts: make([]bool, 0x10000), seconds: make([]bool, 0x10000)}
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
		p := phrase{[]rune(key), []rune(values[0])}
		k := [2]rune{p.trad[0], p.trad[1]}
		t.phrases[k] = append(t.phrases[k], p)
		if p.trad[0] < 0x10000 && p.trad[1] < 0x10000 {
			t.starts[p.trad[0]], t.seconds[p.trad[1]] = true, true
		}
	})
	for _, ps := range t.phrases {
		sort.Slice(ps, func(i, j int) bool { return len(ps[i].trad) > len(ps[j].trad) })
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

// Normalize returns the matching form of text: one rune for every rune of text,
// so an index into the result is an index into the original. Traditional
// characters become simplified (OpenCC t2s: longest phrase first, then
// characters), full-width ASCII becomes half-width, corner brackets become quotes.
func Normalize(text []rune) []rune {
	t := t2s()
	out := make([]rune, len(text))
	for i := 0; i < len(text); {
		r := text[i]
		if r < 0x3000 { // ASCII, Latin, general punctuation: nothing to map
			out[i] = r
			i++
			continue
		}
		if r < 0x10000 && t.starts[r] {
			if n := t.matchPhrase(text, i, out); n > 0 {
				i += n
				continue
			}
		}
		out[i] = normalizeRune(text[i], t)
		i++
	}
	return out
}

func (t *t2sTables) matchPhrase(text []rune, i int, out []rune) int {
	if i+1 >= len(text) || text[i+1] >= 0x10000 || !t.seconds[text[i+1]] {
		return 0
	}
	for _, p := range t.phrases[[2]rune{text[i], text[i+1]}] {
		if len(p.trad) <= len(text)-i && slices.Equal(p.trad, text[i:i+len(p.trad)]) {
			copy(out[i:], p.simp)
			return len(p.trad)
		}
	}
	return 0
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

// NormalizeString is Normalize for strings.
func NormalizeString(s string) string { return string(Normalize([]rune(s))) }
