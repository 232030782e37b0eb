package document

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCount: the rune count, eight bytes at a time, is
// utf8.RuneCountInString's for valid UTF-8 of every length and alignment.
func TestRuneCount(t *testing.T) {
	s := "序号a¢€𝄞保留号源,市卫健委 2021年底前完成。𠀀é"
	for i := 0; i <= len(s); i++ {
		for j := i; j <= len(s); j++ {
			if !utf8.ValidString(s[i:j]) {
				continue
			}
			if got, want := RuneCount(s[i:j]), utf8.RuneCountInString(s[i:j]); got != want {
				t.Fatalf("RuneCount(%q) = %d, want %d", s[i:j], got, want)
			}
		}
	}
}

// TestSeqLen: a UTF-8 sequence's length from its first byte: ASCII and
// continuation bytes 1, then 2, 3 and 4 by the lead byte's high bits.
func TestSeqLen(t *testing.T) {
	for _, c := range []struct {
		b    byte
		want int
	}{{0x00, 1}, {'a', 1}, {0x7F, 1}, {0x80, 1}, {0xBF, 1}, {0xC0, 2}, {0xDF, 2}, {0xE0, 3}, {0xEF, 3}, {0xF0, 4}, {0xF4, 4}, {0xFF, 4}} {
		if got := SeqLen(c.b); got != c.want {
			t.Errorf("SeqLen(%#x) = %d, want %d", c.b, got, c.want)
		}
	}
	for _, r := range "a¢€𝄞保" {
		if got := SeqLen(string(r)[0]); got != utf8.RuneLen(r) {
			t.Errorf("SeqLen(%q) = %d, want %d", r, got, utf8.RuneLen(r))
		}
	}
}

// TestBuilder: paragraphs and tables over one text, every block and cell
// at its runes; merged cells point at the cell above in the same grid column
// (where there is none, the text is written); an empty table is no block;
// info fields are trimmed and empty ones dropped.
func TestBuilder(t *testing.T) {
	b := NewBuilder("docx", "GB18030")
	b.Info("标题", "  某市方案 ")
	b.Info("文号", " ")
	b.Info("标题", "另一个")
	b.Note("converted")
	b.Paragraph("一、总体要求", Block{Heading: 1, Start: 99, End: 99, Table: &Table{}, Origin: Origin{Para: 1}})
	if b.InTable() {
		t.Error("a table is open before StartTable")
	}
	b.StartTable()
	if !b.InTable() {
		t.Error("no table open after StartTable")
	}
	b.Row([]string{"序号", "任务", "单位"}, nil, nil, Origin{Para: 2})
	b.Row([]string{"1", "保留号源", "市卫健委"}, []int{1, 0, 1}, nil, Origin{Para: 3})
	b.Row([]string{"", "优化服务", ""}, nil, []bool{true, false, true}, Origin{Para: 4})
	b.Row([]string{"二、便利出行", "x"}, []int{2, 1}, nil, Origin{Para: 5})
	b.Row([]string{"", "y", "z"}, nil, []bool{true, true, false}, Origin{Para: 6}) // nothing starts above y: written
	b.EndTable(Origin{Para: 2})
	if b.InTable() {
		t.Error("a table is open after EndTable")
	}
	b.StartTable()
	b.EndTable(Origin{Para: 7}) // no rows: no block
	b.EndTable(Origin{Para: 8}) // none open: no block
	b.Paragraph("完", Block{Label: "（二）", Origin: Origin{Para: 9}})
	d := b.Document()

	wantText := "一、总体要求\n序号\t任务\t单位\t\n1\t保留号源\t市卫健委\t\n优化服务\t\n二、便利出行\tx\t\ny\tz\t\n完\n"
	if d.Text != wantText || d.Format != "docx" || d.Encoding != "GB18030" {
		t.Fatalf("document %s %s %q\nwant text %q", d.Format, d.Encoding, d.Text, wantText)
	}
	runes := []rune(d.Text)
	at := func(s, e int) string { return string(runes[s:e]) }
	var got []string
	for _, bl := range d.Blocks {
		if bl.Table == nil {
			got = append(got, fmt.Sprintf("p%d %s %d %s", bl.Origin.Para, at(bl.Start, bl.End), bl.Heading, bl.Label))
			continue
		}
		got = append(got, fmt.Sprintf("t%d %d-%d", bl.Origin.Para, bl.Start, bl.End))
		for _, r := range bl.Table.Rows {
			var cells []string
			for _, c := range r.Cells {
				m := ""
				if c.Merged {
					m = "^"
				}
				cells = append(cells, fmt.Sprintf("%s%s:%d", m, at(c.Start, c.End), c.Cols))
			}
			got = append(got, fmt.Sprintf(" r%d %s", r.Origin.Para, strings.Join(cells, "|")))
		}
	}
	want := []string{
		"p1 一、总体要求 1 ",
		"t2 7-51",
		" r2 序号:1|任务:1|单位:1",
		" r3 1:1|保留号源:1|市卫健委:1",
		" r4 ^1:1|优化服务:1|^市卫健委:1",
		" r5 二、便利出行:2|x:1",
		" r6 ^二、便利出行:1|y:1|z:1",
		"p9 完 0 （二）",
	}
	if !slices.Equal(got, want) {
		t.Errorf("blocks\n%q\nwant\n%q", got, want)
	}
	if d.InfoValue("标题") != "某市方案" || d.InfoValue("文号") != "" || len(d.Info) != 2 || !slices.Equal(d.Notes, []string{"converted"}) {
		t.Errorf("info %q, notes %q", d.Info, d.Notes)
	}
}
