package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"policygap/compare"
	"policygap/reports"
	"policygap/reports/reportstest"
	"policygap/taxonomy"
)

// width of a rune in a test font: CJK 1, Latin 0.5.
func testWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name, text string
		width      float64
	}{
		{"long Chinese", strings.Repeat("老年人运用智能技术困难，", 12), 10},
		{"mixed Chinese, Latin, digits", "推进“健康码”与身份证、社保卡互相关联，开通95128电召服务，优化APP和Windows 11界面，2021年10月底前完成。", 9},
		{"full-width punctuation", "（一）完善“健康码”管理。对需查验“健康码”的情形，要优化代查代办服务；有条件的场所要设立“无健康码通道”！", 7},
		{"a word longer than a line", "见https://www.gov.cn/zhengce/content/2020-11/24/content_5563804.htm所载", 8},
		{"several paragraphs", "第一段。\n第二段，较长的一段文字。\n", 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := wrap(tt.text, tt.width, testWidth)
			if got, want := strings.Join(lines, ""), strings.ReplaceAll(tt.text, "\n", ""); got != want {
				t.Fatalf("characters lost or added:\n got  %q\n want %q", got, want)
			}
			for i, line := range lines {
				rs := []rune(line)
				if len(rs) == 0 {
					continue
				}
				over := testWidth(line) - tt.width
				// only hanging closing punctuation may pass the edge
				if over > 0 && !strings.ContainsRune(noLineStart, rs[len(rs)-1]) {
					t.Errorf("line %d %q is %.1f wide, more than %.1f", i, line, testWidth(line), tt.width)
				}
				if i > 0 && strings.ContainsRune(noLineStart, rs[0]) && len(lines[i-1]) > 0 {
					t.Errorf("line %d starts with closing punctuation: %q", i, line)
				}
				if i < len(lines)-1 && strings.ContainsRune(noLineEnd, rs[len(rs)-1]) && len(rs) > 1 {
					t.Errorf("line %d ends with an opening bracket: %q", i, line)
				}
			}
			for _, word := range []string{"95128", "APP", "Windows"} {
				if strings.Contains(tt.text, word) && !strings.Contains(strings.Join(lines, "\n"), word) {
					t.Errorf("%q was split across lines: %q", word, lines)
				}
			}
		})
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("老年人运用智能技术困难，（一）完善“健康码”管理。95128 APP", 5.0)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if width < 1 || width > 100 || !utf8Valid(text) {
			return
		}
		lines := wrap(text, width, testWidth)
		if strings.Join(lines, "") != strings.ReplaceAll(text, "\n", "") {
			t.Fatalf("wrap(%q, %v) lost characters: %q", text, width, lines)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

// seeds runs the pipeline on the bundled corpus, repeated copies times.
func seeds(t testing.TB, copies int) (*reports.Results, *taxonomy.Taxonomy) {
	return reportstest.Seeds(t, reportstest.Options{Copies: copies})
}

// TestFontCoversTheBriefs: every character a brief of the seeds prints has a
// glyph in the embedded font, so no page shows a missing-glyph box.
func TestFontCoversTheBriefs(t *testing.T) {
	f, err := sfnt.Parse(cjkFont)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	res, tax := seeds(t, 1)
	missing := map[rune]bool{}
	check := func(s string) {
		for _, r := range s {
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				continue
			}
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				missing[r] = true
			}
		}
	}
	for _, lang := range []reports.Lang{reports.Chinese, reports.English} {
		for _, r := range res.Regions {
			b := reports.NewBrief(res, r.Name, tax, lang)
			check(b.Title + b.Region.Name + strings.Join(b.Headline, "") + strings.Join(b.Method, ""))
			for _, a := range b.Areas {
				check(a.Title + a.Level)
				for _, t := range a.Tasks {
					check(t.Title + t.Level)
				}
			}
			for _, g := range b.Gaps {
				check(g.TaskTitle + g.Label + g.Status)
				if g.Peer != nil {
					check(excerpt(g.Peer.Text, quoteLen))
				}
			}
			for _, d := range b.Deadlines {
				check(d.KindLabel + excerpt(d.Text, 40))
			}
		}
	}
	for _, m := range res.Measures { // every measure's text, traditional characters included
		check(m.Text)
	}
	if len(missing) > 0 {
		var rs []string
		for r := range missing {
			rs = append(rs, fmt.Sprintf("%q U+%04X", r, r))
		}
		t.Errorf("no glyph for %d characters: %v", len(rs), rs)
	}
}

func writeBrief(t testing.TB, res *reports.Results, tax *taxonomy.Taxonomy, region string, lang reports.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New().Write(&buf, reports.NewBrief(res, region, tax, lang)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBriefsReadBack: pdftotext finds the region's name and every quoted
// measure with no character missing; pdffonts shows the font embedded.
func TestBriefsReadBack(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " is not installed: apt-get install poppler-utils; .ci/run installs it")
		}
	}
	res, tax := seeds(t, 1)
	dir := t.TempDir()
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	for _, r := range res.Regions {
		b := reports.NewBrief(res, r.Name, tax, reports.Chinese)
		path := filepath.Join(dir, "brief.pdf")
		os.WriteFile(path, writeBrief(t, res, tax, r.Name, reports.Chinese), 0o644)
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := squash(string(out))
		// the peer column of the gaps table, read on its own: pdftotext reads
		// a table's rows across its columns, interleaving their lines
		peerColumn, err := exec.Command("pdftotext", "-enc", "UTF-8", "-x", mmToPt(107), "-y", "0",
			"-W", mmToPt(88), "-H", mmToPt(297), path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		peers := squash(string(peerColumn))
		quotes := []string{r.Name}
		for _, m := range b.Innovations {
			quotes = append(quotes, excerpt(m.Text, quoteLen))
		}
		var peerQuotes []string
		for _, g := range b.Gaps {
			if g.Peer != nil {
				peerQuotes = append(peerQuotes, excerpt(g.Peer.Text, quoteLen))
			}
		}
		if len(quotes)+len(peerQuotes) < 4 {
			t.Errorf("%s: only %d quotes to check", r.Name, len(quotes)+len(peerQuotes))
		}
		for _, q := range quotes {
			if !strings.Contains(text, squash(q)) {
				t.Errorf("%s: the brief's text lacks %q", r.Name, q)
			}
		}
		for _, q := range peerQuotes {
			if !strings.Contains(peers, squash(q)) {
				t.Errorf("%s: the peer column lacks %q", r.Name, q)
			}
		}
		if !strings.Contains(text, "第1页/共") {
			t.Errorf("%s: no page numbers", r.Name)
		}
		fonts, _ := exec.Command("pdffonts", path).Output()
		if !strings.Contains(string(fonts), "CID TrueType") || !strings.Contains(string(fonts), "Identity-H       yes") {
			t.Errorf("%s: font not embedded:\n%s", r.Name, fonts)
		}
		pages, _ := exec.Command("pdfinfo", path).Output()
		t.Logf("%s: %s", r.Name, pageCount(string(pages)))
		if err := exec.Command("pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "p")).Run(); err != nil {
			t.Errorf("%s: pdftoppm cannot render it: %v", r.Name, err)
		}
	}
}

// mmToPt is a length on the page in PostScript points, as pdftotext crops.
func mmToPt(mm float64) string { return fmt.Sprint(int(mm / 25.4 * 72)) }

func pageCount(info string) string {
	for _, line := range strings.Split(info, "\n") {
		if strings.HasPrefix(line, "Pages:") {
			return strings.Join(strings.Fields(line), " ")
		}
	}
	return "?"
}

func TestEnglishBriefAndOverview(t *testing.T) {
	res, tax := seeds(t, 1)
	if b := writeBrief(t, res, tax, "重庆市", reports.English); !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatal("not a PDF")
	}
	var buf bytes.Buffer
	if err := New().WriteOverview(&buf, reports.NewOverview(res, tax, reports.Chinese)); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "overview.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	out, _ := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	for _, want := range []string{"厦门市", "重庆市", "多地缺少的国家条款"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("overview lacks %q", want)
		}
	}
}

// BenchmarkBriefs writes the briefs of the seeds repeated to 300 regions on
// every core and reports briefs per second.
func BenchmarkBriefs(b *testing.B) {
	for _, copies := range []int{1, 60} {
		res, tax := seeds(b, copies)
		briefs := make([]*reports.Brief, len(res.Regions))
		for i, r := range res.Regions {
			briefs[i] = reports.NewBrief(res, r.Name, tax, reports.Chinese)
		}
		var texts []string
		for _, m := range res.Measures {
			texts = append(texts, m.Text, m.Region, strings.Join(m.Units, ""))
		}
		for _, t := range tax.Tasks {
			texts = append(texts, t.Title, t.Short)
			for _, p := range t.Provisions {
				texts = append(texts, p.Label)
			}
		}
		b.Run(fmt.Sprintf("regions=%d", len(briefs)), func(b *testing.B) {
			for b.Loop() {
				w := New(texts...) // once per run, as the report command does
				var wg sync.WaitGroup
				next := make(chan *reports.Brief)
				for range 2 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for br := range next {
							var buf bytes.Buffer
							if err := w.Write(&buf, br); err != nil {
								b.Error(err)
							}
						}
					}()
				}
				for _, br := range briefs {
					next <- br
				}
				close(next)
				wg.Wait()
			}
			b.ReportMetric(float64(len(briefs))*float64(b.N)/b.Elapsed().Seconds(), "briefs/s")
		})
	}
}

// TestWrapLines: where lines break, exactly: at the width, an opening
// bracket carried down, closing punctuation hanging, a word longer than a
// line cut where it reaches the edge, Latin kept in words.
func TestWrapLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"一二三四五", 5, []string{"一二三四五"}},
		{"一二三四五六七八九十", 5, []string{"一二三四五", "六七八九十"}},
		{"一二三四（五六七八", 5, []string{"一二三四", "（五六七八"}},
		{"一二三四五。六七八", 5, []string{"一二三四五。", "六七八"}},
		{"abcdefghijkl", 3, []string{"abcdef", "ghijkl"}},
		{"一二三abcdef四五", 4, []string{"一二三", "abcdef四", "五"}},
		// one closing mark hangs; a second pulls both down with what they close
		{"甲乙丙丁戊）己", 5, []string{"甲乙丙丁戊）", "己"}},
		{"甲乙丙丁戊）；己", 5, []string{"甲乙丙丁", "戊）；己"}},
		{"甲乙丙丁戊。）；己", 5, []string{"甲乙丙丁", "戊。）；己"}},
		{"甲乙ab）；丙", 4, []string{"甲乙ab）；", "丙"}},
		{"甲乙ab）；丙", 3, []string{"甲乙", "ab）；", "丙"}},
		{"甲乙丙丁戊己庚）；辛", 7, []string{"甲乙丙丁戊己", "庚）；辛"}},
	} {
		if got := wrap(c.text, c.width, testWidth); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// TestExcerptCut: a text within the limit stays whole; a longer one is cut
// after the last 。 or ； in the second half of the limit, else at the limit.
func TestExcerptCut(t *testing.T) {
	for _, c := range []struct {
		text  string
		limit int
		want  string
	}{
		{"一二三四五", 5, "一二三四五"},
		{"一二三\n四五", 5, "一二三四五"},
		{"一二三四五六", 5, "一二三四五…"},
		{"一二三四。六七八九", 5, "一二三四。…"},
		{"一二三；五六七八九", 5, "一二三；…"},
		{"一二三四五六七八九十", 8, "一二三四五六七八…"},
		{"一二三。五六七八九十", 8, "一二三。五六七八…"}, // the 。 is in the first half
		{"一二三四五六七。九十", 8, "一二三四五六七。…"},
	} {
		if got := excerpt(c.text, c.limit); got != c.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", c.text, c.limit, got, c.want)
		}
	}
}

// wordBox is a word as pdftotext -bbox places it, in points.
type wordBox struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

func wordBoxes(t *testing.T, pdf []byte) []wordBox {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var words []wordBox
	for i, page := range strings.Split(string(out), "<page ")[1:] {
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			w := wordBox{page: i + 1, text: m[5]}
			fmt.Sscan(m[1], &w.xMin)
			fmt.Sscan(m[2], &w.yMin)
			fmt.Sscan(m[3], &w.xMax)
			fmt.Sscan(m[4], &w.yMax)
			words = append(words, w)
		}
	}
	return words
}

// TestLayoutStaysInItsPlace: on the overview and a brief, every word lies
// within the page's margins and no two words overlap: a table's columns
// fit the page, a cell's lines stand one under the other, nothing is
// printed over anything else.
func TestLayoutStaysInItsPlace(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: apt-get install poppler-utils; .ci/run installs it")
	}
	res, tax := seeds(t, 1)
	var overview bytes.Buffer
	if err := New().WriteOverview(&overview, reports.NewOverview(res, tax, reports.Chinese)); err != nil {
		t.Fatal(err)
	}
	pt := func(mm float64) float64 { return mm / 25.4 * 72 }
	for name, pdf := range map[string][]byte{"overview": overview.Bytes(), "brief": writeBrief(t, res, tax, "重庆市", reports.Chinese)} {
		words := wordBoxes(t, pdf)
		if len(words) < 200 {
			t.Fatalf("%s: %d words read back", name, len(words))
		}
		for _, w := range words {
			if w.xMin < pt(margin+0.9) || w.xMax > pt(pageW-margin)+10 { // text keeps a cell's 1 mm inner margin; closing punctuation may hang past the edge
				t.Errorf("%s p%d: %q at x %.1f–%.1f pt, outside the margins %.1f–%.1f", name, w.page, w.text, w.xMin, w.xMax, pt(margin), pt(pageW-margin))
			}
			// the body between the top margin and the footer's band; the
			// footer (第 n 页 / 共 N 页) alone in that band
			body := w.yMin >= pt(margin)-1 && w.yMax <= pt(pageH-margin-6)+1
			footer := w.yMin >= pt(pageH-10)-1 && w.yMax <= pt(pageH-5) && regexp.MustCompile(`^(第\d+页/共\d+页|第|\d+|页|/|共)$`).MatchString(w.text)
			if !body && !footer {
				t.Errorf("%s p%d: %q at y %.1f–%.1f pt, outside the body (%.1f–%.1f) and not the footer", name, w.page, w.text, w.yMin, w.yMax, pt(margin), pt(pageH-margin-6))
			}
		}
		for i, a := range words {
			for _, b := range words[i+1:] {
				if a.page == b.page && min(a.xMax, b.xMax)-max(a.xMin, b.xMin) > 1 && min(a.yMax, b.yMax)-max(a.yMin, b.yMin) > 1 {
					t.Errorf("%s p%d: %q and %q overlap", name, a.page, a.text, b.text)
				}
			}
		}
	}
}

// The overview by province: a row per top region with its roll-up and own
// index, then a page for 福建省 (roll-up only: its document is not in the
// seeds) with its weakest tasks, the provisions its cities leave out and its
// cities; the province brief lists every region below it.
func TestOverviewByProvince(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: apt-get install poppler-utils")
	}
	res, tax := seeds(t, 1)
	o := reports.NewOverview(res, tax, reports.Chinese)
	var buf bytes.Buffer
	if err := New().WriteOverview(&buf, o); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, buf.Bytes())
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3 (the tables, then 福建省)", len(pages))
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, want := range []string{"各省（部委）概况", "福建省 0.97 — 2", "青海省 — 0.77 1", "S2 法规规范 平均 0.50（1/2 个地区未覆"} {
		if !strings.Contains(flat(pages[0]), want) {
			t.Errorf("page 1 lacks %q:\n%s", want, flat(pages[0]))
		}
	}
	last := flat(pages[2])
	for _, want := range []string{"福建省（含下级 2 个地区）", "含下级指数 0.973；本级文件不在本次评估中", "S2 法规规范 0.50 1/2",
		"T01.3 健康码全国互通互认 T01 2/2", "厦门市 市级 — 0.82 2", "福州市 市级 — 0.91 1"} {
		if !strings.Contains(last, want) {
			t.Errorf("福建省's page lacks %q:\n%s", want, last)
		}
	}
	if strings.Contains(last, "县级地区") {
		t.Error("a note about counties where there are none")
	}
	var fj reports.Group
	for _, g := range o.Groups() {
		if g.Top.Name == "福建省" {
			fj = g
		}
	}
	buf.Reset()
	if err := New().WriteGroup(&buf, o, fj); err != nil {
		t.Fatal(err)
	}
	brief := flat(strings.Join(pdfPages(t, buf.Bytes()), " "))
	if !strings.HasPrefix(brief, "落实国办发〔2020〕45号情况简报 评估日期 2022-06-30 福建省（含下级 2 个地区）") || !strings.Contains(brief, "福州市 市级 — 0.91 1") {
		t.Errorf("福建省's brief: %.300s", brief)
	}
}

// pdfPages is the text of each page, as pdftotext reads it in reading order.
func pdfPages(t *testing.T, pdf []byte, flags ...string) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, flags...), path, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(out), "\f"), "\f")
}

// A brief says where it cuts a list and shows all in the appendix (units
// column), shows — for tasks out of its scope as the overview does, and
// keeps each heading on the page of what follows it.
func TestBriefCutsAndHeadings(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: apt-get install poppler-utils")
	}
	res, tax := seeds(t, 1)
	cuts := 0
	for _, l := range []reports.Lang{reports.Chinese, reports.English} {
		headings := map[string]bool{}
		for _, k := range []string{"unit.load", "brief.headline", "brief.coverage", "brief.gaps", "brief.deadlines", "brief.resp", "brief.innovations", "brief.method", "brief.all"} {
			headings[l.L(k)] = true
		}
		for _, r := range res.Regions {
			b := reports.NewBrief(res, r.Name, tax, l)
			pdf := writeBrief(t, res, tax, r.Name, l)
			pages := pdfPages(t, pdf)
			for i, p := range pages[:len(pages)-1] {
				lines := strings.Split(strings.TrimSpace(p), "\n")
				var last string
				for k := len(lines) - 1; k >= 0; k-- {
					if s := strings.TrimSpace(lines[k]); s != "" && !strings.HasPrefix(s, "第") {
						last = s
						break
					}
				}
				if headings[last] || headings[strings.Fields(last + " x")[0]] {
					t.Errorf("%s %s page %d ends with the heading %q", l, r.Name, i+1, last)
				}
			}
			text := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
			if r.NoUnit > len(b.NoUnit) {
				cuts++
				if want := strings.TrimSpace(l.Sprintf("brief.cut", r.NoUnit)); !strings.Contains(text, want) {
					t.Errorf("%s %s: %d without a unit, %d listed, and no %q", l, r.Name, r.NoUnit, len(b.NoUnit), want)
				}
			}
			// a table's rows as laid out: pdftotext's reading order may take a
			// cell into the next row
			layout := strings.Join(strings.Fields(strings.Join(pdfPages(t, pdf, "-layout"), " ")), " ")
			for _, a := range b.Areas {
				for _, tr := range a.Tasks {
					if tr.LevelKey == string(compare.LevelOutOfScope) && !strings.Contains(layout, tr.Title+" "+l.L(string(compare.LevelOutOfScope))+" — 0 —") {
						t.Errorf("%s %s: %s out of scope is not shown with —", l, r.Name, tr.ID)
					}
				}
			}
		}
	}
	if cuts == 0 {
		t.Error("no seed brief cuts its list of measures without a unit: the test checks nothing")
	}
}

// A heading with less than room for itself and a few lines of what follows
// starts the next page instead of ending this one.
func TestHeadingKeepsWithNext(t *testing.T) {
	tall := []string{strings.Repeat("可借鉴做法的原文，", 40)} // a first row of many lines
	for _, room := range []float64{12, 22, 40} {
		d := newDoc(reports.Chinese, "t", fullFont)
		d.pdf.SetY(pageH - margin - 6 - room)
		d.heading("主要差距")
		if d.pdf.PageNo() != 1 {
			t.Fatal("the heading was placed before what follows it")
		}
		d.table([]column{{"可借鉴做法", 60, "L"}}, [][]string{tall}, 8, nil)
		var buf bytes.Buffer
		if err := d.output(&buf); err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, buf.Bytes())
		if len(pages) != 2 || strings.Contains(pages[0], "主要差距") || !strings.Contains(pages[1], "主要差距") {
			t.Errorf("%.0f mm left: the heading is not on the page of the table below it: %q", room, pages)
		}
	}
	d := newDoc(reports.Chinese, "t", fullFont)
	d.pdf.SetY(pageH - margin - 6 - 16)
	d.heading("责任落实")
	d.para("一行文字。", 9.5, black)
	if d.pdf.PageNo() != 1 {
		t.Error("16 mm left: the heading moved though it and its one line fit")
	}
}

// A brief prints a section only when it has something in it, and says where
// a list is cut exactly when it is.
func TestBriefSectionsOnlyWithContent(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: apt-get install poppler-utils")
	}
	l := reports.Chinese
	if cut(l, 8, 8) != "" || cut(l, 9, 8) != "" || cut(l, 8, 9) != "……等 9 项（全部见附录）" {
		t.Errorf("cut: %q %q %q", cut(l, 8, 8), cut(l, 9, 8), cut(l, 8, 9))
	}
	if score(0.25, "mentioned") != "0.25" || score(0, string(compare.LevelOutOfScope)) != "—" {
		t.Error("score")
	}
	res, tax := seeds(t, 1)
	seen := map[string][2]int{} // section: briefs with it, briefs without
	for _, r := range res.Regions {
		b := reports.NewBrief(res, r.Name, tax, l)
		text := strings.Join(pdfPages(t, writeBrief(t, res, tax, r.Name, l)), "\n")
		for _, c := range []struct {
			name, heading string
			has           bool
		}{
			{"innovations", l.L("brief.innovations"), len(b.Innovations) > 0},
			{"unit load", l.L("unit.load"), len(b.Units) > 0},
			{"deadline table", l.L("col.reference"), len(b.Deadlines) > 0},
		} {
			if strings.Contains(text, c.heading) != c.has {
				t.Errorf("%s: %s shown %v, has content %v", r.Name, c.name, !c.has, c.has)
			}
			k := seen[c.name]
			if c.has {
				k[0]++
			} else {
				k[1]++
			}
			seen[c.name] = k
		}
	}
	for name, k := range seen {
		if k[0] == 0 {
			t.Errorf("no seed brief has %s: the test checks only its absence", name)
		}
	}
	t.Logf("briefs with / without: %v", seen)
}

// TestBriefStrengthSection: the brief gives the region's measures by
// strength, what they lack, its weak tasks with the measures behind them
// (none said as such), and the vague measures, in both languages.
func TestBriefStrengthSection(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: apt-get install poppler-utils")
	}
	res, tax := seeds(t, 1)
	squash := strings.NewReplacer(" ", "", "\n", "", "\f", "")
	read := func(region string, l reports.Lang) string {
		return squash.Replace(strings.Join(pdfPages(t, writeBrief(t, res, tax, region, l)), "\n"))
	}
	cq := read("重庆市", reports.Chinese)
	for _, want := range []string{
		"约束力与可操作性",
		"措施约束力：强制性2项、指令性47项、鼓励性9项、描述性0项。",
		"缺少要素的措施数：牵头单位45·完成时限22·量化目标58·约束性表述9",
		"T13文体智能化渠道鼓励性#44引导文体机构",
		"缺少牵头单位、具体时限或量化目标的措施（58项，得分最低者在前）",
	} {
		if !strings.Contains(cq, want) {
			t.Errorf("重庆市's brief lacks %q", want)
		}
	}
	if xm := read("厦门市", reports.Chinese); !strings.Contains(xm, "约束力弱的任务（范围内仅有鼓励性或描述性措施）无") {
		t.Error("厦门市's brief does not say it has no weak task")
	}
	if en := read("重庆市", reports.English); !strings.Contains(en, "Measuresbystrength:2mandatory,47directive,9encouraging,0descriptive.") ||
		!strings.Contains(en, "Weaktasks(inscope,onlyencouragingordescriptivemeasures)") {
		t.Error("the English brief lacks its strength section")
	}
}
