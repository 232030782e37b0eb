package xlsx

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"policygap/compare"
	"policygap/regions"
	"policygap/reports"
	"policygap/reports/reportstest"
	"policygap/strength"
	"policygap/taxonomy"
)

// seeds runs the pipeline on the bundled corpus; edit may change the
// measures before the comparison.
func seeds(t testing.TB, progress map[string]compare.Progress, edit func([]regions.Measure)) (*reports.Results, *taxonomy.Taxonomy) {
	return reportstest.Seeds(t, reportstest.Options{Progress: progress, Edit: edit})
}

func write(t testing.TB, res *reports.Results, tax *taxonomy.Taxonomy, lang reports.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New().Write(&buf, reports.NewWorkbook(res, tax, lang, nil, nil)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestWorkbookSheets(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	for _, lang := range []reports.Lang{reports.Chinese, reports.English} {
		f := open(t, write(t, res, tax, lang))
		want := []string{"总览", "覆盖明细", "约束力矩阵", "条款覆盖", "措施清单", "时限分析", "责任分析", "差距与借鉴", "创新举措", "说明"}
		if lang == reports.English {
			want = []string{"Overview", "Coverage detail", "Strength", "Provisions", "Measures", "Deadlines", "Responsibility", "Gaps and peers", "Innovations", "About"}
		}
		if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("%s sheets %v, want %v", lang, got, want)
		}
		overview, measures := want[0], want[4]
		fj := map[reports.Lang]string{reports.Chinese: "福建省（含下级 2 个地区）", reports.English: "福建省 (with 2 regions below)"}[lang]
		if a, _ := f.GetCellValue(overview, "A2"); a != fj {
			t.Errorf("%s overview A2 = %q, want %q", lang, a, fj)
		}
		if a, _ := f.GetCellValue(overview, "A3"); a != "  厦门市" {
			t.Errorf("%s overview A3 = %q", lang, a)
		}
		if v, _ := f.GetCellValue(overview, "C3"); v != "0.82" {
			t.Errorf("%s overview C3 (厦门市's index) = %q", lang, v)
		}
		if panes, _ := f.GetPanes(overview); !panes.Freeze {
			t.Errorf("%s overview headers are not frozen", lang)
		}
		if comments, _ := f.GetComments(overview); len(comments) != 5*25 {
			t.Errorf("%s: %d comments on the overview, want one per task cell", lang, len(comments))
		}
		rows, _ := f.GetRows(measures)
		if len(rows) != len(res.Measures)+1 {
			t.Fatalf("%s: %d measure rows for %d measures", lang, len(rows)-1, len(res.Measures))
		}
		offered := map[reports.Lang]string{reports.Chinese: "未启动,推进中,已完成,长期坚持,已调整", reports.English: "not started,in progress,done,long-term,adjusted"}[lang]
		if dvs, _ := f.GetDataValidations(measures); len(dvs) != 1 || !strings.HasPrefix(dvs[0].Sqref, "Q2:Q") || !strings.Contains(dvs[0].Formula1, offered) {
			t.Errorf("%s: status dropdown %+v, want %s", lang, dvs, offered)
		}
		if tables, _ := f.GetTables(measures); len(tables) != 1 {
			t.Errorf("%s: measures sheet has no filter table", lang)
		}
		f.Close()
	}
}

func TestDeadlineIsADateCell(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	f := open(t, write(t, res, tax, reports.Chinese))
	rows, _ := f.GetRows("措施清单", excelize.Options{RawCellValue: true})
	for i, r := range rows[1:] {
		if res.Measures[i].Deadline.Kind != regions.DeadlineDate {
			continue
		}
		serial, err := strconv.ParseFloat(r[13], 64)
		if err != nil {
			t.Fatalf("row %d: deadline %q is not a date cell", i+2, r[13])
		}
		got, _ := excelize.ExcelDateToTime(serial, false)
		if !got.Equal(res.Measures[i].Deadline.Date) {
			t.Errorf("row %d: deadline %v, want %v", i+2, got, res.Measures[i].Deadline.Date)
		}
		shown, _ := f.GetCellValue("措施清单", "N"+strconv.Itoa(i+2))
		if shown != got.Format("2006-01-02") {
			t.Errorf("row %d: shown as %q", i+2, shown)
		}
		return
	}
	t.Fatal("no dated measure")
}

func TestTextLookingLikeAFormulaStaysText(t *testing.T) {
	evil := []string{`=HYPERLINK("http://example.com","x")`, "+1+1", "-2+3", "@SUM(A1:A2)"}
	res, tax := seeds(t, nil, func(ms []regions.Measure) {
		for i, e := range evil {
			ms[i].Text = e
			ms[i].Units = []string{e}
		}
	})
	f := open(t, write(t, res, tax, reports.Chinese))
	for i, e := range evil {
		for _, col := range []string{"G", "K"} {
			c := col + strconv.Itoa(i+2)
			if formula, _ := f.GetCellFormula("措施清单", c); formula != "" {
				t.Errorf("%s holds a formula %q", c, formula)
			}
			if v, _ := f.GetCellValue("措施清单", c); v != e {
				t.Errorf("%s = %q, want the text %q", c, v, e)
			}
			if typ, _ := f.GetCellType("措施清单", c); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				t.Errorf("%s has cell type %v", c, typ)
			}
		}
	}
}

// TestLedgerRoundTrip: write the workbook, fill in the ledger as a planner
// would (with excelize), read it back, and the overdue analysis changes.
func TestLedgerRoundTrip(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	data := write(t, res, tax, reports.Chinese)
	f := open(t, data)
	overdue := map[string]bool{}
	for _, g := range res.Deadlines {
		if g.Kind == compare.GapOverdue {
			overdue[g.Measure] = true
		}
	}
	var done []string
	rows, _ := f.GetRows("措施清单")
	for i, r := range rows[1:] {
		if overdue[r[1]] && len(done) < 3 {
			done = append(done, r[1])
			f.SetCellValue("措施清单", "Q"+strconv.Itoa(i+2), "已完成")
			f.SetCellValue("措施清单", "R"+strconv.Itoa(i+2), time.Date(2021, 11, 3, 0, 0, 0, 0, time.UTC))
			f.SetCellValue("措施清单", "S"+strconv.Itoa(i+2), "按期完成")
		}
	}
	if len(done) != 3 {
		t.Fatalf("only %d overdue measures", len(done))
	}
	f.SetCellValue("措施清单", "Q3", "差不多了")          // a bad status
	f.SetCellValue("措施清单", "R4", "下个月")           // a bad date
	f.SetCellValue("措施清单", "B5", "某市/gone.txt#1") // a measure no longer in the run
	f.SetCellValue("措施清单", "Q5", "推进中")
	f.SetCellValue("措施清单", "S6", "待财政局回复") // a note alone
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	entries, problems, err := ReadLedger("last.xlsx", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 || !strings.Contains(problems[0].String(), "last.xlsx: sheet 措施清单, row 3: status \"差不多了\"") ||
		!strings.Contains(problems[1].String(), "row 4: completion date \"下个月\"") {
		t.Errorf("problems: %v", problems)
	}
	progress := map[string]compare.Progress{}
	stale := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Key, "某市/") {
			stale++
			continue
		}
		progress[e.Key] = e.Progress
	}
	if p := progress[rows[5][1]]; p.Note != "待财政局回复" || p.Status != "" || !p.Done.IsZero() {
		t.Errorf("a note alone read back as %+v", p)
	}
	if stale != 1 {
		t.Errorf("the stale row was not returned: %+v", entries)
	}
	for _, key := range done {
		p := progress[key]
		if p.Status != compare.StatusDone || p.Done.Format("2006-01-02") != "2021-11-03" || p.Note != "按期完成" {
			t.Errorf("%s read back as %+v", key, p)
		}
	}
	again, _ := seeds(t, progress, nil)
	count := func(r *reports.Results) int {
		n := 0
		for _, g := range r.Deadlines {
			if g.Kind == compare.GapOverdue {
				n++
			}
		}
		return n
	}
	if count(again) != count(res)-3 {
		t.Errorf("overdue %d -> %d after marking 3 done", count(res), count(again))
	}
	// the new workbook carries the entries forward
	g := open(t, write(t, again, tax, reports.Chinese))
	rows, _ = g.GetRows("措施清单")
	carried := 0
	for _, r := range rows[1:] {
		if len(r) > 18 && r[16] == "已完成" && r[18] == "按期完成" {
			carried++
		}
	}
	if carried != 3 {
		t.Errorf("%d entries carried forward, want 3", carried)
	}
	// the problems: the key, the column, the value and why, in the
	// workbook's language; the rejected values kept in their cells,
	// highlighted, for the planner to correct
	var nb bytes.Buffer
	if err := New().Write(&nb, reports.NewWorkbook(again, tax, reports.Chinese, problems, nil)); err != nil {
		t.Fatal(err)
	}
	h := open(t, nb.Bytes())
	sheet, _ := h.GetRows("台账问题")
	want := [][]string{
		{"措施清单", "3", rows[2][1], "进展状态", "差不多了", "进展状态“差不多了”不是以下之一：未启动 / 推进中 / 已完成 / 长期坚持 / 已调整；原值保留在新台账中，请改正"},
		{"措施清单", "4", rows[3][1], "完成日期", "下个月", "完成日期“下个月”不是日期；原值保留在新台账中，请改正"},
	}
	for i, w := range want {
		if len(sheet) <= i+1 || strings.Join(sheet[i+1][:6], "|") != strings.Join(w, "|") {
			t.Errorf("台账问题 row %d: %q, want %q", i+2, sheet[min(i+1, len(sheet)-1)], w)
		}
	}
	kept := 0
	mrows, _ := h.GetRows("措施清单")
	for i, r := range mrows[1:] {
		for _, c := range []struct {
			col, key, value string
		}{{"Q", want[0][2], "差不多了"}, {"R", want[1][2], "下个月"}} {
			if r[1] != c.key {
				continue
			}
			v, _ := h.GetCellValue("措施清单", c.col+strconv.Itoa(i+2))
			style, _ := h.GetCellStyle("措施清单", c.col+strconv.Itoa(i+2))
			st, _ := h.GetStyle(style)
			if v != c.value || st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
				t.Errorf("%s%d (%s): %q, fill %v; want %q highlighted", c.col, i+2, c.key, v, st, c.value)
			}
			kept++
		}
	}
	if kept != 2 {
		t.Errorf("%d rejected values kept, want 2", kept)
	}
}

// TestLibreOfficeReadsEverySheet converts the workbook to CSV, one file per
// sheet, with LibreOffice, as a planner's reader would open it.
func TestLibreOfficeReadsEverySheet(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui; .ci/run installs it")
	}
	res, tax := seeds(t, nil, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "workbook.xlsx")
	os.WriteFile(path, write(t, res, tax, reports.Chinese), 0o644)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	read := func(sheet string) [][]string {
		data, err := os.ReadFile(filepath.Join(dir, "workbook-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		return rows
	}
	overview := read("总览")
	if overview[0][0] != "地区" || overview[2][0] != "  厦门市" || overview[2][2] != "0.821" || overview[1][2] != "0.973" {
		t.Errorf("总览: %v / %v / %v", overview[0][:4], overview[1][:4], overview[2][:4])
	}
	measures := read("措施清单")
	if len(measures) != len(res.Measures)+1 {
		t.Errorf("措施清单: %d rows for %d measures", len(measures)-1, len(res.Measures))
	}
	if measures[1][1] != res.Measures[0].Key || measures[1][6] != res.Measures[0].Text {
		t.Errorf("措施清单 row 2: %v", measures[1][:7])
	}
	for _, sheet := range []string{"覆盖明细", "条款覆盖", "时限分析", "责任分析", "差距与借鉴", "创新举措", "说明"} {
		if rows := read(sheet); len(rows) < 2 {
			t.Errorf("%s: %d rows", sheet, len(rows))
		}
	}
}

// BenchmarkWorkbook100k writes a workbook whose ledger holds 100,000 measures
// (the seeds' measures repeated) and reports the peak heap while writing.
func BenchmarkWorkbook100k(b *testing.B) {
	res, tax := seeds(b, nil, nil)
	base := res.Measures
	var many []reports.MeasureRecord
	for k := 0; len(many) < 100000; k++ {
		for _, m := range base {
			m.Key = m.Key + "/" + strconv.Itoa(k)
			many = append(many, m)
		}
	}
	res.Measures = many[:100000]
	wb := reports.NewWorkbook(res, tax, reports.Chinese, nil, nil)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		peak := sampleHeap(func() {
			if err := New().Write(discard{}, wb); err != nil {
				b.Fatal(err)
			}
		})
		b.ReportMetric(float64(peak-before.HeapInuse)/(1<<20), "MB-peak-heap-over-input")
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// sampleHeap runs fn and returns the highest heap in use seen meanwhile.
func sampleHeap(fn func()) uint64 {
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var m runtime.MemStats
		var high uint64
		for {
			runtime.ReadMemStats(&m)
			high = max(high, m.HeapInuse)
			select {
			case <-done:
				peak <- high
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	return <-peak
}

// TestLongTextCutVisibly: a text longer than a cell holds is cut to the
// cell's 32,767 characters, the cut marked with …, not cut silently.
func TestLongTextCutVisibly(t *testing.T) {
	long := strings.Repeat("长", 40000)
	res, tax := seeds(t, nil, func(ms []regions.Measure) { ms[0].Text = long })
	f := open(t, write(t, res, tax, reports.Chinese))
	v, _ := f.GetCellValue("措施清单", "G2")
	if n := len([]rune(v)); n != excelize.TotalCellChars || !strings.HasSuffix(v, "长…") {
		t.Errorf("the cell holds %d characters ending %q", n, v[len(v)-9:])
	}
	if got := fitCell("a😀b"); got != "a😀b" {
		t.Errorf("a short text changed: %q", got)
	}
	astral := strings.Repeat("😀", excelize.TotalCellChars/2+1)                                                    // two UTF-16 units each
	if got := fitCell(astral); len([]rune(got)) != excelize.TotalCellChars/2+1 || !strings.HasSuffix(got, "😀…") { // 16,383 × 2 units and …
		t.Errorf("astral text cut to %d runes", len([]rune(got)))
	}
}

// The overview grouped by province: 福建省's roll-up (its own document is not
// in the seeds) above its cities, one outline level deeper; each row's index,
// rank and level read back by column header; a large overview opens with its
// provinces alone.
func TestOverviewGroupedByProvince(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	for _, collapse := range []bool{false, true} {
		if collapse {
			defer func(n int) { collapseOver = n }(collapseOver)
			collapseOver = 3
		}
		f := open(t, write(t, res, tax, reports.Chinese))
		rows, _ := f.GetRows("总览")
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		want := [][5]string{ // name, level, index, rank, outline level
			{"福建省（含下级 2 个地区）", "省级", "0.97", "", "0"},
			{"  厦门市", "市级", "0.82", "2", "1"},
			{"  福州市", "市级", "0.91", "1", "1"},
			{"青海省", "省级", "0.77", "3", "0"},
		}
		for k, w := range want {
			r := rows[k+1]
			got := [5]string{r[col["地区"]], r[col["层级"]], r[col["综合指数"]], r[col["排名"]]}
			lvl, _ := f.GetRowOutlineLevel("总览", k+2)
			got[4] = fmt.Sprint(lvl)
			if got != w {
				t.Errorf("row %d: %q, want %q", k+2, got, w)
			}
			visible, _ := f.GetRowVisible("总览", k+2)
			if visible != (!collapse || w[4] == "0") {
				t.Errorf("collapse %v: row %d (%s) visible %v", collapse, k+2, w[0], visible)
			}
		}
		if a1 := rows[1][col["A1 应急保障"]]; a1 != "0.96" {
			t.Errorf("福建省's roll-up A1 = %q", a1)
		}
		if t04 := rows[1][col["T04 打车出行"]]; t04 != "0.81" {
			t.Errorf("福建省's roll-up T04 = %q", t04)
		}
	}
}

// The overview's legend sits one row below the last region, its levels on
// their colours, the method under it; comments on every task cell exactly
// up to the limit; the outline collapses only past collapseOver rows.
func TestOverviewLegendAndLimits(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	wb := reports.NewWorkbook(res, tax, reports.Chinese, nil, nil)
	cells := len(wb.Overview.Regions) * len(wb.Overview.Tasks)
	rows := len(wb.Overview.Tree())
	for _, c := range []struct {
		limit, collapse int
		comments        int
		hidden          bool
	}{{cells, rows, cells, false}, {cells - 1, rows - 1, 0, true}} {
		defer func(n int) { collapseOver = n }(collapseOver)
		collapseOver = c.collapse
		var buf bytes.Buffer
		if err := (&Writer{CommentLimit: c.limit}).Write(&buf, wb); err != nil {
			t.Fatal(err)
		}
		f := open(t, buf.Bytes())
		if got, _ := f.GetComments("总览"); len(got) != c.comments {
			t.Errorf("limit %d: %d comments, want %d", c.limit, len(got), c.comments)
		}
		if visible, _ := f.GetRowVisible("总览", 3); visible == c.hidden {
			t.Errorf("collapse past %d rows of %d: row 3 visible %v", c.collapse, rows, visible)
		}
		legend := rows + 3 // the header, the rows, one blank
		want := []string{"图例", "未覆盖", "仅提及", "部分覆盖", "全面覆盖", "不在范围"}
		for k, w := range want {
			if v, _ := f.GetCellValue("总览", cell(1+k, legend)); v != w {
				t.Errorf("legend %s = %q, want %q", cell(1+k, legend), v, w)
			}
		}
		if v, _ := f.GetCellValue("总览", cell(1, legend+1)); v != "方法说明" {
			t.Errorf("method label %q", v)
		}
		if v, _ := f.GetCellValue("总览", cell(2, legend+1)); !strings.HasPrefix(v, "每项措施按其文字中出现的国家任务") {
			t.Errorf("method %.40q", v)
		}
	}
}

// byHeader reads a sheet's rows as maps from column header to value.
func byHeader(t *testing.T, f *excelize.File, sheet string) []map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

// TestStrengthInTheWorkbook: each measure's strength, evidence, targets,
// actionability and what it lacks in 措施清单, after the planner's columns;
// the strength matrix gives each region's strongest level per task, its
// actionable measures, and marks the weak task, filled by level; English
// labels in the English workbook.
func TestStrengthInTheWorkbook(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	f := open(t, write(t, res, tax, reports.Chinese))
	rows, _ := f.GetRows("措施清单")
	if h := rows[0]; h[16] != "进展状态" || h[20] != "约束力" || h[24] != "缺少要素" {
		t.Errorf("measure columns %q: the planner's columns must stay at Q-S, strength after them", h)
	}
	want := map[string][5]string{ // key: strength, evidence, targets, actionability, lacks
		"民政部/002_8436166b0374edce.txt#2.1.2": {"强制性", "確保", "", "2", "牵头单位；量化目标"},
	}
	var withTarget map[string]string
	for _, r := range byHeader(t, f, "措施清单") {
		if w, ok := want[r["措施编号"]]; ok {
			got := [5]string{r["约束力"], r["约束依据词"], r["量化目标"], r["可操作性（0–4）"], r["缺少要素"]}
			if got != w {
				t.Errorf("%s: %q, want %q", r["措施编号"], got, w)
			}
			delete(want, r["措施编号"])
		}
		if r["量化目标"] != "" && withTarget == nil {
			withTarget = r
		}
	}
	if len(want) > 0 {
		t.Errorf("measures not in the sheet: %v", want)
	}
	if withTarget == nil || !strings.Contains(withTarget["措施内容"], withTarget["量化目标"]) {
		t.Errorf("no measure with its target as printed: %v", withTarget)
	}
	matrix := byHeader(t, f, "约束力矩阵")
	if len(matrix) != len(res.Regions) {
		t.Fatalf("%d matrix rows for %d regions", len(matrix), len(res.Regions))
	}
	var cq map[string]string
	for i, r := range matrix {
		if r["地区"] == "重庆市" {
			cq = r
			weakCell := cell(5+12, i+2) // T13 is the 13th task, after 4 columns
			style, _ := f.GetCellStyle("约束力矩阵", weakCell)
			if fill, _ := f.GetStyle(style); fill == nil || len(fill.Fill.Color) == 0 || fill.Fill.Color[0] != strengthColor[strength.Encouraging] {
				t.Errorf("重庆市's weak T13 (%s) is not filled as encouraging: %+v", weakCell, fill)
			}
		}
	}
	if cq == nil || cq["措施数"] != "58" || cq["可操作措施"] != "5" || cq["约束力弱的任务"] != "1" {
		t.Errorf("重庆市 row %v", cq)
	}
	for h, v := range cq {
		switch {
		case strings.HasPrefix(h, "T13 "):
			if v != "鼓励性 0/2 约束力弱" {
				t.Errorf("重庆市 T13 = %q, want 鼓励性 0/2 约束力弱", v)
			}
		case strings.HasPrefix(h, "T01 "):
			if v != "强制性 0/4" {
				t.Errorf("重庆市 T01 = %q, want 强制性 0/4", v)
			}
		case strings.HasPrefix(h, "S1 "):
			if v != "—" {
				t.Errorf("重庆市 S1, without measures, = %q", v)
			}
		}
	}
	en := open(t, write(t, res, tax, reports.English))
	for _, r := range byHeader(t, en, "Measures") {
		if r["Key"] == "民政部/002_8436166b0374edce.txt#2.1.2" &&
			(r["Strength"] != "mandatory" || r["Lacks"] != "lead unit；quantified target") {
			t.Errorf("English row: %q %q", r["Strength"], r["Lacks"])
		}
	}
}

// TestEverySheetHoldsItsRecords: each detail sheet of the seeds' workbook,
// read back by column header, holds one row per record of the results it
// shows, in their order, with the values a planner reads there.
func TestEverySheetHoldsItsRecords(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	f := open(t, write(t, res, tax, reports.Chinese))
	defer f.Close()
	wb := reports.NewWorkbook(res, tax, reports.Chinese, nil, nil)
	rowsOf := func(sheet string, want int) []map[string]string {
		t.Helper()
		rows := byHeader(t, f, sheet)
		if len(rows) != want {
			t.Fatalf("%s: %d rows, want %d", sheet, len(rows), want)
		}
		return rows
	}

	o := wb.Overview
	cells, n := rowsOf("覆盖明细", len(o.Regions)*len(o.Tasks)), 0
	var hiddenOut, shownIn int
	for i, r := range o.Regions {
		for j, c := range o.Matrix[i] {
			row := cells[n]
			n++
			if row["地区"] != r.Name || row["任务"] != o.Tasks[j].ID+" "+o.Tasks[j].Title {
				t.Fatalf("覆盖明细 row %d = %s %s, want %s %s", n, row["地区"], row["任务"], r.Name, o.Tasks[j].ID)
			}
			want := strings.Join(c.Missing, "；")
			if c.Level == string(compare.LevelOutOfScope) { // nothing is missing from what a region does not set out to cover
				want, hiddenOut = "", hiddenOut+min(len(c.Missing), 1)
			} else {
				shownIn += min(len(c.Missing), 1)
			}
			if row["缺少条款"] != want {
				t.Errorf("覆盖明细 %s %s: missing %q, want %q", r.Name, o.Tasks[j].ID, row["缺少条款"], want)
			}
		}
	}
	comments, _ := f.GetComments("总览")
	listed := 0
	for _, c := range comments {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		if strings.Contains(text, "缺少条款: ") {
			listed++
		}
	}
	if listed != shownIn {
		t.Errorf("%d overview comments list missing provisions, want %d (in-scope cells that miss some)", listed, shownIn)
	}
	if hiddenOut == 0 || shownIn == 0 {
		t.Errorf("the seeds have %d out-of-scope and %d in-scope cells with missing provisions; want some of each", hiddenOut, shownIn)
	}

	label := map[string]string{"covered": "✓ 已覆盖", "missing": "✗ 缺少", string(compare.LevelOutOfScope): "不在范围"}
	seen := map[string]int{}
	for i, row := range rowsOf("条款覆盖", len(res.Regions)) {
		for k, p := range wb.Provisions {
			st := wb.ProvisionStatus[i][k]
			seen[st]++
			if got := row[p.ID+" "+p.Title]; got != label[st] {
				t.Errorf("条款覆盖 %s %s = %q, want %q", row["地区"], p.ID, got, label[st])
			}
		}
	}
	if len(seen) != 3 {
		t.Errorf("provision statuses seen %v; want covered, missing and out of scope", seen)
	}

	for i, row := range rowsOf("措施清单", len(wb.Ledger)) {
		if row["序号"] != strconv.Itoa(i+1) || row["措施编号"] != wb.Ledger[i].Key {
			t.Fatalf("措施清单 row %d: 序号 %s, key %s; want %d, %s", i+1, row["序号"], row["措施编号"], i+1, wb.Ledger[i].Key)
		}
	}

	against := 0
	for i, row := range rowsOf("时限分析", len(res.Deadlines)) {
		g := res.Deadlines[i]
		want := g.Reference
		if g.Against != "" && g.Against != "as_of" {
			want, against = g.Reference+" ("+g.Against+")", against+1
		}
		if row["措施编号"] != g.Measure || row["对照"] != want || row["天数"] != strconv.Itoa(g.Days) {
			t.Errorf("时限分析 row %d = %s %s %s; want %s %s %d", i+1, row["措施编号"], row["对照"], row["天数"], g.Measure, want, g.Days)
		}
	}
	if against == 0 {
		t.Error("no deadline gap against a milestone or a parent's measure in the seeds")
	}

	kinds := map[string]int{}
	for _, row := range rowsOf("责任分析", len(res.Units)+len(res.NoLead)+len(res.NoUnit)) {
		kinds[row["问题"]]++
	}
	if kinds["责任单位任务量"] != len(res.Units) || kinds["无牵头单位"] != len(res.NoLead) || kinds["无责任单位"] != len(res.NoUnit) {
		t.Errorf("责任分析 kinds %v; want %d units, %d tasks without a lead, %d measures without a unit", kinds, len(res.Units), len(res.NoLead), len(res.NoUnit))
	}

	cut := 0
	for i, row := range rowsOf("差距与借鉴", len(res.Gaps)) {
		g := res.Gaps[i]
		if row["地区"] != g.Region || !strings.HasPrefix(row["国家条款"], g.Provision+" ") {
			t.Errorf("差距与借鉴 row %d = %s %s; want %s %s", i+1, row["地区"], row["国家条款"], g.Region, g.Provision)
		}
		if len(g.Peers) == 0 {
			continue
		}
		want := []rune(wb.Peers[g.Peers[0].Key]) // the peer's text, its first 120 characters
		if len(want) > 120 {
			want, cut = append(want[:120:120], '…'), cut+1
		}
		if row["借鉴地区"] != g.Peers[0].Region || row["借鉴做法"] != string(want) {
			t.Errorf("差距与借鉴 row %d: peer %s %.20q, want %s %.20q", i+1, row["借鉴地区"], row["借鉴做法"], g.Peers[0].Region, string(want))
		}
	}
	if cut == 0 {
		t.Error("no peer text long enough to be cut")
	}
	if len(res.Innovations) == 0 {
		t.Error("no innovation in the seeds")
	}
	for i, row := range rowsOf("创新举措", len(res.Innovations)) {
		if in := res.Innovations[i]; row["措施编号"] != in.Measure {
			t.Errorf("创新举措 row %d = %s, want %s", i+1, row["措施编号"], in.Measure)
		}
	}

	about := map[string]string{}
	for _, row := range byHeader(t, f, "说明") {
		about[row["项目"]] = row["内容"]
	}
	if !strings.HasPrefix(about["措施清单"], "在“措施清单”中填写进展状态") {
		t.Errorf("说明 says of the ledger %.30q", about["措施清单"])
	}
	for _, in := range res.Manifest.Inputs {
		want := reports.Chinese.Sprintf("about.input.v", in.Region, in.Issuer, in.Number, in.Date, in.Measures, in.SHA256)
		if in.Problem != "" {
			want += "; " + in.Problem
		}
		if got := about["输入文件 "+in.Source]; got != want {
			t.Errorf("说明, input %s = %q, want %q", in.Source, got, want)
		}
	}
}

// TestLedgerReadByHeader: the ledger's columns are found by their headers,
// so a planner who deleted the 序号 column (the key now first) and the
// columns after 备注 still has the entries read back.
func TestLedgerReadByHeader(t *testing.T) {
	res, tax := seeds(t, nil, nil)
	f := open(t, write(t, res, tax, reports.Chinese))
	rows, _ := f.GetRows("措施清单")
	key := rows[1][1]
	f.SetCellValue("措施清单", "Q2", "推进中")
	f.SetCellValue("措施清单", "S2", "已部署")
	// a status alone, in a row that ends there once the columns after 备注 are gone
	f.SetCellValue("措施清单", "Q3", "长期坚持")
	for _, c := range []string{"Y", "X", "W", "V", "U", "T", "A"} {
		if err := f.RemoveCol("措施清单", c); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	entries, problems, err := ReadLedger("moved.xlsx", &buf)
	if err != nil || len(problems) != 0 {
		t.Fatalf("%v %v", err, problems)
	}
	if len(entries) != 2 || entries[0].Key != key || entries[0].Progress.Status != compare.StatusOngoing || entries[0].Progress.Note != "已部署" ||
		entries[1].Key != rows[2][1] || entries[1].Progress.Status != compare.StatusLongTerm || entries[1].Progress.Note != "" {
		t.Errorf("entries %+v; want %s 推进中 已部署, %s 长期坚持", entries, key, rows[2][1])
	}
}
