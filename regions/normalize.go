package regions

import (
	"bufio"
	"bytes"
	_ "embed"
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

type t2sTables struct {
	chars   map[rune]rune
	phrases map[string][]rune // traditional phrase -> simplified phrase of the same length
	starts  map[rune]bool     // first runes of phrases: most text never looks a phrase up
	longest int               // longest phrase, in runes
}

var t2s = sync.OnceValue(func() *t2sTables {
	t := &t2sTables{chars: map[rune]rune{}, phrases: map[string][]rune{}, starts: map[rune]bool{}}
	eachEntry(tsCharacters, func(key string, values []string) {
		k, _ := utf8.DecodeRuneInString(key)
		v, _ := utf8.DecodeRuneInString(values[0])
		if utf8.RuneCountInString(key) == 1 && utf8.RuneCountInString(values[0]) == 1 {
			t.chars[k] = v
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
		t.phrases[key] = []rune(values[0])
		first, _ := utf8.DecodeRuneInString(key)
		t.starts[first] = true
		t.longest = max(t.longest, n)
	})
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
		if t.starts[text[i]] {
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
	for n := min(t.longest, len(text)-i); n > 1; n-- {
		if simp, ok := t.phrases[string(text[i:i+n])]; ok {
			copy(out[i:], simp)
			return n
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
	if s, ok := t.chars[r]; ok {
		return s
	}
	return r
}

// NormalizeString is Normalize for strings.
func NormalizeString(s string) string { return string(Normalize([]rune(s))) }
