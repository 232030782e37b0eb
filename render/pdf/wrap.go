package pdf

import (
	"strings"
	"unicode"
)

// fpdf's SplitText and MultiCell drop the character at every line break that
// falls on a Chinese character (they keep s[j:sep] and resume at sep+1), so
// the briefs wrap text here.

// noLineStart: closing punctuation that hangs at the end of a line rather
// than starting the next one.
const noLineStart = "，。、；：？！”’）》〉】」』〕,.;:?!)]}%·…—"

// noLineEnd: opening brackets and quotes that move to the next line rather
// than end this one.
const noLineEnd = "“‘（《〈【「『〔([{"

// wrap breaks text into lines no wider than width, measuring with width(s).
// Runs of Latin letters and digits stay whole unless longer than a line;
// one closing punctuation mark may hang past the edge; no character is lost: joining
// the lines gives back the text without its line breaks.
func wrap(text string, maxWidth float64, width func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapParagraph([]rune(para), maxWidth, width)...)
	}
	return lines
}

func wrapParagraph(rs []rune, maxWidth float64, width func(string) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	start := 0
	w := 0.0
	for i := 0; i < len(rs); {
		// the next unit: a run of Latin letters and digits, or one rune
		j := i + 1
		if isWordRune(rs[i]) {
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
		}
		uw := width(string(rs[i:j]))
		closing := strings.ContainsRune(noLineStart, rs[i]) && j == i+1
		if w+uw <= maxWidth || i == start || closing && w <= maxWidth { // one closing mark may hang
			if w+uw > maxWidth && i == start && j-i > 1 { // a word longer than a line: cut it
				k := i + 1
				for k < j && width(string(rs[i:k+1])) <= maxWidth {
					k++
				}
				j, uw = k, width(string(rs[i:k]))
			}
			w += uw
			i = j
			continue
		}
		// break before rs[i]; an opening bracket at the end moves down with it
		end := i
		if closing { // a second closing mark past the edge: the hanging one and what it closes move down with it
			for end-1 > start && strings.ContainsRune(noLineStart, rs[end-1]) {
				end--
			}
			for end-1 > start && isWordRune(rs[end-1]) && isWordRune(rs[end-2]) {
				end--
			}
			if end-1 > start {
				end--
			}
		}
		for end-1 > start && strings.ContainsRune(noLineEnd, rs[end-1]) {
			end--
		}
		if end == start {
			end = i
		}
		lines = append(lines, string(rs[start:end]))
		start, w = end, width(string(rs[end:i]))
	}
	return append(lines, string(rs[start:]))
}

func isWordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '.' || r == '-' || r == '_' || r == '/' || r == '#'
}
