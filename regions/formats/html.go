package formats

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"policygap/regions/document"
)

// readHTML reads a web page: its charset from a BOM or its meta tag, its
// article body told from the site's clutter (header, navigation, breadcrumbs,
// font-size and share bars, related links, footer) by where the text is, the
// site's info table (索引号, 发布机构, 文号, 成文日期 …) as Info, paragraphs with
// their <strong> run-in titles, lists with their numbers, and tables with
// rowspan and colspan resolved.
func readHTML(data []byte) (*document.Document, error) {
	text, enc, err := DecodeText(data, htmlCharset(data))
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil { // x/net/html refuses only elements nested past its limit of 512
		return nil, errors.New("HTML elements nested more than 512 deep: not a page a browser shows; not read")
	}
	b := document.NewBuilder("html", enc)
	pageInfo(b, root)
	w := &htmlWalker{b: b}
	w.container(articleBody(root))
	return b.Document(), nil
}

// readHTMLFragment reads an HTML fragment (raw HTML inside markdown) into b.
func readHTMLFragment(b *document.Builder, fragment string) {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"})
	if err != nil {
		return
	}
	w := &htmlWalker{b: b}
	for _, n := range nodes {
		w.node(n)
	}
	w.flush()
}

var charsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([a-z0-9_-]+)`)

// htmlCharset is the charset a page's meta tag declares, "" if none.
func htmlCharset(data []byte) string {
	head := data[:min(len(data), 4096)]
	if m := charsetRe.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// skipped elements hold no document text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Form: true, atom.Input: true, atom.Select: true, atom.Button: true, atom.Textarea: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Head: true,
	atom.Object: true, atom.Svg: true, atom.Canvas: true, atom.Map: true, atom.Audio: true, atom.Video: true,
}

// clutterRe: class or id words that name a site's furniture, not its article.
var clutterRe = regexp.MustCompile(`(?i)(^|[-_ ])(nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|crumbs?|breadcrumbs?|position|location|share|bdshare|related|relate|xgwz|xglj|sidebar|side|aside|search|print|fontsize|zoomsize|toolbar|tools|copyright|banner|logo|pagination|pager|comment|qrcode|ewm|links?|friendlink|login)($|[-_ ])`)

func isClutter(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if skipped[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && clutterRe.MatchString(a.Val) {
			return true
		}
		if a.Key == "style" && strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
			return true
		}
	}
	return false
}

// hanCount counts the Han characters of a subtree's text, clutter left out.
func hanCount(n *html.Node, memo map[*html.Node]int) int {
	if v, ok := memo[n]; ok {
		return v
	}
	c := 0
	switch {
	case n.Type == html.TextNode:
		for _, r := range n.Data {
			if unicode.Is(unicode.Han, r) {
				c++
			}
		}
	case isClutter(n):
	default:
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			c += hanCount(k, memo)
		}
	}
	memo[n] = c
	return c
}

// articleBody finds the element that holds the article: from <body> down,
// into the child that holds most of the text (three quarters or more), for
// as long as that child is a container rather than a paragraph or a data
// table.
func articleBody(root *html.Node) *html.Node {
	memo := map[*html.Node]int{}
	cur := find(root, atom.Body)
	if cur == nil {
		cur = root
	}
	for {
		total := hanCount(cur, memo)
		var best *html.Node
		for k := cur.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && (best == nil || hanCount(k, memo) > hanCount(best, memo)) {
				best = k
			}
		}
		if best == nil || total == 0 || hanCount(best, memo)*4 < total*3 || !isContainer(best) ||
			best.DataAtom == atom.Table && isDataTable(best) { // a page that is mostly a task table: the table is read whole
			return cur
		}
		cur = best
	}
}

// isContainer: an element whose children include blocks (paragraphs,
// divisions, tables), not an element of running text.
func isContainer(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Span, atom.Font, atom.Strong, atom.B, atom.A, atom.Ul, atom.Ol:
		return false
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && isBlock(k.DataAtom) {
			return true
		}
	}
	return false
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if f := find(k, a); f != nil {
			return f
		}
	}
	return nil
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th,
		atom.Blockquote, atom.Pre, atom.Center, atom.Hr, atom.Figure, atom.Figcaption, atom.Address, atom.Caption:
		return true
	}
	return false
}

// infoNames: the labels of a government site's info table, and the name
// each is recorded under.
var infoNames = map[string]string{
	"索引号": "索引号", "主题分类": "主题分类", "发布机构": "发布机构", "发文机关": "发布机构", "发文单位": "发布机构",
	"发布单位": "发布机构", "制发机关": "发布机构", "文号": "文号", "发文字号": "文号", "发文文号": "文号",
	"成文日期": "成文日期", "成文时间": "成文日期", "发布日期": "发布日期", "发文日期": "发布日期", "发布时间": "发布日期",
	"标题": "标题", "名称": "标题", "文件名称": "标题",
}

// pageInfo records the info table's fields and the page's title.
func pageInfo(b *document.Builder, root *html.Node) {
	seen := map[string]bool{}
	add := func(name, value string) {
		if !seen[name] && strings.TrimSpace(value) != "" {
			seen[name] = true
			b.Info(name, value)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && skipped[n.DataAtom] && n.DataAtom != atom.Head {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			name, content := attr(n, "name"), attr(n, "content")
			switch strings.ToLower(name) {
			case "articletitle":
				add("标题", content)
			case "pubdate":
				add("发布日期", content)
			case "contentsource":
				add("来源", content)
			}
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Span ||
			n.DataAtom == atom.Li || n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Dt || n.DataAtom == atom.Label) {
			own := strings.TrimSpace(textOf(n))
			key, value, _ := strings.Cut(strings.NewReplacer("：", ":").Replace(own), ":")
			key = strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, key)
			if name, ok := infoNames[key]; ok {
				if strings.TrimSpace(value) == "" {
					value = textOf(nextElement(n))
				}
				if len([]rune(value)) <= 120 {
					add(name, strings.TrimSpace(value))
				}
				return
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(root)
	if !seen["标题"] {
		if t := find(root, atom.Title); t != nil {
			title, _, _ := strings.Cut(textOf(t), "_") // "标题_栏目_网站"
			add("标题", title)
		}
	}
}

func nextElement(n *html.Node) *html.Node {
	for k := n.NextSibling; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode {
			return k
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is a subtree's text, white space collapsed.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// htmlWalker turns an article's elements into blocks.
type htmlWalker struct {
	b    *document.Builder
	line strings.Builder // the paragraph being read
	// the paragraph's first strong run, when it starts within its first
	// runes: where, and how long
	emphAt, emph int
	emphSet      bool
	heading      int
	label        string
	quote        bool
	para         int
}

func (w *htmlWalker) container(n *html.Node) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		w.node(k)
	}
	w.flush()
}

// flush ends the paragraph being read.
func (w *htmlWalker) flush() {
	s := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if s != "" {
		w.para++
		w.b.Paragraph(s, document.Block{Heading: w.heading, Label: w.label, Emph: w.emph, EmphAt: w.emphAt, Quote: w.quote, Origin: document.Origin{Para: w.para}})
		w.label = ""
	}
	w.emph, w.emphAt, w.emphSet = 0, 0, false
}

// maxEmphAt: how far into a paragraph its run-in title may start (after a
// typed label such as "（十一）").
const maxEmphAt = 8

func (w *htmlWalker) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if isClutter(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.flush()
		return
	case atom.Table:
		if isDataTable(n) {
			w.flush()
			w.table(n)
			return
		}
	case atom.Strong, atom.B:
		at := runeLen(strings.TrimLeftFunc(w.line.String(), unicode.IsSpace))
		if w.emphSet || at > maxEmphAt {
			w.children(n)
			return
		}
		w.children(n)
		if n := runeLen(strings.TrimLeftFunc(w.line.String(), unicode.IsSpace)) - at; n > 0 {
			w.emphAt, w.emph, w.emphSet = at, n, true
		}
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		w.heading = int(n.Data[1] - '0')
		w.children(n)
		w.flush()
		w.heading = 0
		return
	case atom.Ol, atom.Ul:
		w.flush()
		k, _ := strconv.Atoi(attr(n, "start"))
		k = max(k, 1)
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode || li.DataAtom != atom.Li {
				w.node(li)
				continue
			}
			if v, err := strconv.Atoi(attr(li, "value")); err == nil {
				k = v
			}
			w.flush()
			w.label = "•"
			if n.DataAtom == atom.Ol {
				w.label = strconv.Itoa(k) + "."
			}
			k++
			w.children(li)
			w.flush()
		}
		return
	case atom.Blockquote:
		w.flush()
		q := w.quote
		w.quote = true
		w.children(n)
		w.flush()
		w.quote = q
		return
	}
	if isBlock(n.DataAtom) {
		w.flush()
		w.children(n)
		w.flush()
		return
	}
	w.children(n)
}

func (w *htmlWalker) children(n *html.Node) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		w.node(k)
	}
}

// text adds running text, its white space collapsed as a browser shows it.
func (w *htmlWalker) text(s string) {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space { // a blank opening the paragraph goes at flush
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	w.line.WriteString(b.String())
}

func runeLen(s string) int { return len([]rune(s)) }

// isDataTable: a table of rows and cells, not one that lays out a page (a
// table in a cell, or a single column).
func isDataTable(t *html.Node) bool {
	cols := 0
	nested := false
	eachRow(t, func(tr *html.Node) {
		n := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
				n++
				if find(td, atom.Table) != nil {
					nested = true
				}
			}
		}
		cols = max(cols, n)
	})
	return cols >= 2 && !nested
}

// eachRow calls fn for the table's own rows (not those of tables inside it).
func eachRow(t *html.Node, fn func(tr *html.Node)) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch k.DataAtom {
			case atom.Tr:
				fn(k)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(k)
			}
		}
	}
	walk(t)
}

// table reads a data table, resolving rowspan (the cell is every spanned
// row's) and colspan.
func (w *htmlWalker) table(t *html.Node) {
	w.b.StartTable()
	pending := map[int]int{} // grid column -> rows a rowspan still covers
	pendingCols := map[int]int{}
	eachRow(t, func(tr *html.Node) {
		var texts []string
		var cols []int
		var merged []bool
		col := 0
		skipSpanned := func() {
			for pending[col] > 0 {
				texts, cols, merged = append(texts, ""), append(cols, pendingCols[col]), append(merged, true)
				pending[col]--
				col += max(pendingCols[col], 1)
			}
		}
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			skipSpanned()
			span, _ := strconv.Atoi(attr(td, "colspan"))
			span = max(span, 1)
			texts = append(texts, cellText(td))
			cols = append(cols, span)
			merged = append(merged, false)
			if rs, _ := strconv.Atoi(attr(td, "rowspan")); rs > 1 {
				pending[col], pendingCols[col] = rs-1, span
			}
			col += span
		}
		skipSpanned()
		w.para++
		w.b.Row(texts, cols, merged, document.Origin{Para: w.para})
	})
	w.b.EndTable(document.Origin{Para: w.para})
}

// cellText is a cell's text, its paragraphs and line breaks as lines.
func cellText(td *html.Node) string {
	sub := document.NewBuilder("html", "")
	cw := &htmlWalker{b: sub}
	cw.container(td)
	var lines []string
	for _, l := range strings.Split(sub.Document().Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
