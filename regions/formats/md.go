package formats

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"

	"policygap/regions/document"
)

// readMarkdown reads markdown with goldmark and its GFM table extension:
// headings keep their level, list items their number (every item may be
// written "1."), a paragraph its bold opening, pipe tables their cells. Each
// line of a paragraph is a block of its own: documents copied into markdown
// keep one paragraph a line, and labelled lines (**责任单位**：…) follow their
// item on lines of their own.
func readMarkdown(data []byte) (*document.Document, error) {
	text, enc, err := DecodeText(data, "")
	if err != nil {
		return nil, err
	}
	src := []byte(text)
	root := mdParser.Parse(gtext.NewReader(src))
	w := &mdWalker{src: src, b: document.NewBuilder("md", enc), lineAt: lineStarts(src)}
	w.b.Grow(len(src)) // the text is the source less its markup
	w.blocks(root, mdContext{})
	return w.b.Document(), nil
}

// mdParser serves every goroutine: goldmark's parsers keep their state in
// the parse's context, not in themselves (yuin/goldmark#182, gohugoio/hugo#6484).
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

type mdWalker struct {
	src    []byte
	b      *document.Builder
	lineAt []int // byte offset of each line's start
}

// mdContext is what a block inherits from the blocks around it.
type mdContext struct {
	label string // a list item's label, for its first paragraph
	quote bool
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line is the 1-based line of byte offset at.
func (w *mdWalker) line(at int) int {
	return sort.Search(len(w.lineAt), func(i int) bool { return w.lineAt[i] > at })
}

func (w *mdWalker) blocks(n ast.Node, ctx mdContext) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		ctx = w.block(c, ctx)
	}
}

// block reads one block and returns the context for the next: a list item's
// label goes to its first paragraph only.
func (w *mdWalker) block(n ast.Node, ctx mdContext) mdContext {
	switch n := n.(type) {
	case *ast.Heading:
		w.paragraph(n, document.Block{Heading: n.Level, Quote: ctx.quote}, ctx.label)
		ctx.label = ""
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(n, document.Block{Quote: ctx.quote}, ctx.label)
		ctx.label = ""
	case *ast.List:
		k := 0
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			label := "•"
			if n.IsOrdered() {
				label = fmt.Sprintf("%d.", n.Start+k)
			}
			k++
			w.blocks(item, mdContext{label: label, quote: ctx.quote})
		}
	case *ast.Blockquote:
		w.blocks(n, mdContext{quote: true})
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.rawLines(n, ctx)
	case *ast.HTMLBlock:
		var buf bytes.Buffer
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			buf.Write(seg.Value(w.src))
		}
		readHTMLFragment(w.b, buf.String())
	case *east.Table:
		w.table(n)
	default:
		if n.HasChildren() {
			w.blocks(n, ctx)
		}
	}
	return ctx
}

func (w *mdWalker) rawLines(n ast.Node, ctx mdContext) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		s := strings.TrimRight(string(seg.Value(w.src)), "\r\n")
		w.b.Paragraph(s, document.Block{Quote: ctx.quote, Origin: document.Origin{Para: w.line(seg.Start)}})
	}
}

// mdLine is one line of a paragraph's inline text.
type mdLine struct {
	text strings.Builder
	emph int // runes of the strong run that opens it; -1 while one is open
	at   int // byte offset in the source where it starts
}

// inline collects a block's inline text line by line.
func (w *mdWalker) inline(n ast.Node) []*mdLine {
	lines := []*mdLine{{at: -1}}
	cur := func() *mdLine { return lines[len(lines)-1] }
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				l := cur()
				if l.at < 0 {
					l.at = c.Segment.Start
				}
				l.text.Write(c.Segment.Value(w.src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					lines = append(lines, &mdLine{at: -1})
				}
			case *ast.String:
				cur().text.Write(c.Value)
			case *ast.Emphasis:
				l := cur()
				opens := strings.TrimSpace(l.text.String()) == "" && l.emph == 0
				walk(c)
				if opens && cur() == l {
					l.emph = utf8.RuneCountInString(strings.TrimSpace(l.text.String()))
				}
			case *ast.RawHTML:
				segs := c.Segments
				raw := ""
				for i := 0; i < segs.Len(); i++ {
					seg := segs.At(i)
					raw += string(seg.Value(w.src))
				}
				if strings.HasPrefix(strings.ToLower(strings.ReplaceAll(raw, " ", "")), "<br") {
					lines = append(lines, &mdLine{at: -1})
				}
			case *ast.Image:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return lines
}

func (w *mdWalker) paragraph(n ast.Node, p document.Block, label string) {
	for i, l := range w.inline(n) {
		s, emph := unmarkedEmphasis(strings.TrimRight(l.text.String(), " \t\r\n"), l.emph)
		if strings.TrimSpace(s) == "" {
			continue
		}
		b := p
		b.Emph = emph
		if i == 0 {
			b.Label = label
		}
		if l.at >= 0 {
			b.Origin.Para = w.line(l.at)
		}
		w.b.Paragraph(s, b)
	}
}

// unmarkedEmphasis removes the ** pairs goldmark left as text (CommonMark's
// flanking rules fail next to Chinese punctuation: **“云岭码”**通行); a pair
// that opens the line is its emphasised title.
func unmarkedEmphasis(s string, emph int) (string, int) {
	if !strings.Contains(s, "**") {
		return s, emph
	}
	trimmed := strings.TrimLeft(s, " \t")
	if strings.HasPrefix(trimmed, "**") {
		if end := strings.Index(trimmed[2:], "**"); end > 0 {
			emph = utf8.RuneCountInString(strings.TrimSpace(trimmed[2 : 2+end]))
		}
	}
	return strings.ReplaceAll(s, "**", ""), emph
}

func (w *mdWalker) table(t *east.Table) {
	w.b.StartTable()
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			var parts []string
			for _, l := range w.inline(c) {
				s, _ := unmarkedEmphasis(strings.TrimSpace(l.text.String()), 0)
				parts = append(parts, s)
			}
			cells = append(cells, strings.Join(parts, "\n"))
		}
		line := 0 // a row has no lines of its own; its cells have (an empty one too)
		if fc := r.FirstChild(); fc != nil && fc.Lines().Len() > 0 {
			line = w.line(fc.Lines().At(0).Start)
		}
		w.b.Row(cells, nil, nil, document.Origin{Para: line})
	}
	w.b.EndTable(document.Origin{})
}
