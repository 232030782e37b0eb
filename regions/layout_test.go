package regions

import (
	"strings"
	"testing"
	"time"
)

// layoutWant is what a test expects of a measure; empty fields are not checked.
type layoutWant struct {
	id, title, units, lead, deadline, foundBy, textHas string
	path                                               string // the headings above it, joined by /
	plan                                               string // the plan's title, where a file holds several
}

// segmentFile reads a file's bytes as Load does (its name says its format)
// and segments it.
func segmentFile(t *testing.T, name, content string) []Measure {
	t.Helper()
	doc, err := readDocument(testReader, name, []byte(content), false)
	if err != nil {
		t.Fatal(err)
	}
	doc.Region = "岱川县"
	doc.Date = mustDate("2021-06-10")
	ms, err := Segment(doc)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func checkMeasures(t *testing.T, ms []Measure, want []layoutWant) {
	t.Helper()
	if len(ms) != len(want) {
		for _, m := range ms {
			t.Logf("got %s %q units %q %s [%s] %q", m.ID, m.Title, m.Units, m.Deadline, m.FoundBy, m.Text)
		}
		t.Fatalf("%d measures, want %d", len(ms), len(want))
	}
	for i, w := range want {
		m := ms[i]
		check := func(field, got, want string) {
			if want != "" && got != want {
				t.Errorf("measure %d (%s): %s %q, want %q", i, m.ID, field, got, want)
			}
		}
		check("id", m.ID, w.id)
		check("title", m.Title, w.title)
		check("units", strings.Join(m.Units, "|"), w.units)
		check("lead", strings.Join(m.Lead, "|"), w.lead)
		check("deadline", m.Deadline.String(), w.deadline)
		check("found by", m.FoundBy, w.foundBy)
		check("path", strings.Join(m.Path, "/"), w.path)
		check("plan", m.Plan, w.plan)
		if !strings.Contains(m.Text, w.textHas) {
			t.Errorf("measure %d (%s): text %q lacks %q", i, m.ID, m.Text, w.textHas)
		}
	}
}

func TestLayouts(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []layoutWant
	}{
		{"labelled lines, simplified and traditional, and inside the parenthesis", "a.txt", `二、便利就医
（一）保留现场号源。医疗机构保留号源。
责任单位：县卫健局（牵头）、县医保局
完成时限：2021年二季度
（二）優化網上服務。簡化流程。
牵頭單位：县卫健局
配合單位：县大数据中心，各乡（镇）人民政府
時間節點：2021年上半年
（三）开展健康管理。为老年人建档。（责任单位：县卫健局（牵头），县民政局；完成时限：本年度内）
`, []layoutWant{
			{id: "2.1", title: "保留现场号源", units: "县卫健局|县医保局", lead: "县卫健局", deadline: "2021-06-30", textHas: "完成时限：2021年二季度"},
			{id: "2.2", units: "县卫健局|县大数据中心|各乡（镇）人民政府", lead: "县卫健局", deadline: "2021-06-30"},
			{id: "2.3", units: "县卫健局|县民政局", lead: "县卫健局", deadline: "2021-12-31"},
		}},
		{"unnumbered measures parted by their labelled lines", "a.txt", `一、便利就医
医疗机构要保留人工挂号窗口。
责任单位：县卫健局
完成时限：2021年9月底前
家庭医生要为老年人提供上门服务。
责任单位：县卫健局、各乡镇卫生院
完成时限：长期坚持
`, []layoutWant{
			{id: "1", units: "县卫健局", deadline: "2021-09-30", textHas: "人工挂号窗口"},
			{id: "1-2", units: "县卫健局|各乡镇卫生院", deadline: "ongoing", foundBy: "labelled", textHas: "上门服务"},
		}},
		{"run-in titles without numbers; an emphasised line alone is a heading", "a.md", `# 某县工作要点

**便利老年人就医**

**保留现场号源。**医疗机构保留号源。（县卫健局负责）

**优化网上服务。**简化流程，2021年9月底前完成。

**便利老年人出行**

**优化打车服务。**保留扬招服务。
`, []layoutWant{
			{id: "1.1", title: "保留现场号源", units: "县卫健局", foundBy: "run-in"},
			{id: "1.2", title: "优化网上服务", deadline: "2021-09-30", foundBy: "run-in"},
			{id: "2.1", title: "优化打车服务", foundBy: "run-in"},
		}},
		{"【】 titles in plain text", "a.txt", `一、便利就医
【保留现场号源】医疗机构保留号源。
【优化网上服务】简化流程。
`, []layoutWant{
			{id: "1.1", title: "【保留现场号源】", foundBy: "run-in"}, {id: "1.2", title: "【优化网上服务】", foundBy: "run-in"},
		}},
		{"circled items run together; subjects, partners and deadlines in the sentence", "a.txt", `一、守好底线
1．做好健康码查验服务。①县卫健局要会同县公安局督促车站落实替代核验措施，于2021年7月15日前完成。②县公交公司负责保留投币乘车，在2021年9月底前完成。
2．做好居家服务。县民政局要依托养老服务中心上门探访；各乡（镇）人民政府负责组织村（居）委会每月上门，此项工作长期坚持。
3．强化督查。县政府督查室要将落实情况纳入督查，各单位于每季度末月25日前报送进展。
4．推进远程会诊。社区卫生服务中心、乡镇卫生院要开展远程会诊，年底前完成全覆盖。
`, []layoutWant{
			{id: "1.1.1", units: "县卫健局|县公安局", deadline: "2021-07-15", textHas: "替代核验"},
			{id: "1.1.2", units: "县公交公司", deadline: "2021-09-30"},
			{id: "1.2", units: "县民政局|各乡（镇）人民政府", deadline: "ongoing"},
			{id: "1.3", units: "县政府督查室", deadline: "none"},
			{id: "1.4", units: "", deadline: "2021-12-31"},
		}},
		{"articles in chapters; 总则 and 附则 are not measures", "a.txt", `某县若干措施
第一章　总则
第一条　为了便利老年人，制定本措施。
第二章　便利就医
第三条　医疗机构应当保留现场号源。
牵头单位：县卫健局
时间节点：2021年8月31日前
第四条　本措施自印发之日起施行。
第三章　附则
第五条　本措施由县卫健局负责解释。
`, []layoutWant{
			{id: "2.3", units: "县卫健局", lead: "县卫健局", deadline: "2021-08-31", foundBy: "article"},
		}},
		{"总则-like framing with all under it", "a.txt", `一、总体要求
（一）指导思想。以人民为中心。
（二）工作目标
1．2021年底前，全面保留线下渠道。
2．2022年底前，形成长效机制。
二、重点任务
（一）保留线下渠道。各部门保留线下窗口。（县政务服务中心负责）
（二）推进适老化改造。改造政府网站，详见附件。（县大数据中心负责）
三、实施步骤
按照工作安排，各项任务详见附件。
`, []layoutWant{
			{id: "2.1", units: "县政务服务中心"}, {id: "2.2", units: "县大数据中心"},
		}},
		{"a task table with a two-row header, a section row and merged cells, after an outline", "a.html", `<html><body><div>
<p>一、保障措施</p><p>（一）加强领导。建立工作机制。（县发改局负责）</p>
<p>附件：重点任务分工</p>
<table><tr><td rowspan="2">编号</td><td rowspan="2">具体措施</td><td colspan="2">责任单位</td><td rowspan="2">进度安排</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td colspan="5">一、便利就医</td></tr>
<tr><td>1</td><td>保留现场号源。配备导医。</td><td rowspan="2">县卫健局</td><td>县医保局</td><td>2021年9月底前</td></tr>
<tr><td>2</td><td>推进互联网医院复诊。</td><td></td><td>长期坚持</td></tr>
</table></div></body></html>`, []layoutWant{
			{id: "1.1", units: "县发改局"},
			{id: "附件-1", title: "保留现场号源", units: "县卫健局|县医保局", lead: "县卫健局", deadline: "2021-09-30", foundBy: "table"},
			{id: "附件-2", units: "县卫健局", lead: "县卫健局", deadline: "ongoing", foundBy: "table"},
		}},
		{"a web page: blank paragraphs, bold titles after a typed label or around it, an unnumbered heading after a numbered one", "a.html", `<html><body>
<h2>一、便利就医</h2>
<p>　</p>
<p>　（一）<b>保留现场号源。</b>医疗机构保留号源。（县卫健局负责）　</p>
<p>（二）<strong>优化网上服务</strong>，简化流程，2021年9月底前完成。</p>
<h2>便利出行</h2>
<p>（一）保留投币乘车。（县交通局负责）</p>
<p><b>（二）开通绿色通道。</b>开通老年人绿色通道。</p>
<p>（三）【保留人工窗口】车站保留人工售票窗口。</p>
</body></html>`, []layoutWant{
			{id: "1.1", title: "保留现场号源", units: "县卫健局", foundBy: "outline", textHas: "医疗机构保留号源"},
			{id: "1.2", title: "优化网上服务", deadline: "2021-09-30"},
			{id: "2.1", title: "保留投币乘车", units: "县交通局"},
			{id: "2.2", title: "开通绿色通道", textHas: "老年人绿色通道"},
			{id: "2.3", title: "【保留人工窗口】", textHas: "人工售票窗口"},
		}},
		{"a page that is one task table: section rows, a task group over two rows, no number column", "a.html", `<html><body>
<table><tr><td>重点任务</td><td>具体措施</td><td>责任单位</td></tr>
<tr><td colspan="3">一、便利就医</td></tr>
<tr><td rowspan="2">优化就医服务</td><td>保留现场号源。</td><td>县卫健局，2021年底前</td></tr>
<tr><td>推进远程会诊。</td><td>县卫健局、县医保局</td></tr>
<tr><td colspan="3">二、便利出行</td></tr>
<tr><td>优化出行服务</td><td>保留投币乘车。</td><td>县交通局（牵头）、县公交公司</td></tr>
</table></body></html>`, []layoutWant{
			{id: "1", title: "保留现场号源", units: "县卫健局", deadline: "2021-12-31", foundBy: "table", path: "一、便利就医/优化就医服务"},
			{id: "2", units: "县卫健局|县医保局", deadline: "none", foundBy: "table", path: "一、便利就医/优化就医服务"},
			{id: "3", units: "县交通局|县公交公司", lead: "县交通局", foundBy: "table", path: "二、便利出行/优化出行服务"},
		}},
		{"task tables: a header under a title row, units without a deadline column, one with no rows", "a.html", `<html><body>
<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr></table>
<table><tr><td colspan="3">重点任务清单</td></tr>
<tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>
<tr><td>1</td><td>保留现场号源。</td><td>县卫健局</td></tr></table>
</body></html>`, []layoutWant{
			{id: "表2-1", units: "县卫健局", deadline: "none", foundBy: "table", textHas: "现场号源"},
		}},
		{"two task tables: each its own numbers", "a.html", `<html><body>
<p>表一 便利就医</p>
<table><tr><td>序号</td><td>具体措施</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>保留现场号源。</td><td>县卫健局</td><td>2021年9月底前</td></tr></table>
<p>表二 便利出行</p>
<table><tr><td>序号</td><td>具体措施</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>保留投币乘车。</td><td>县交通局</td><td>长期坚持</td></tr></table>
</body></html>`, []layoutWant{
			{id: "表1-1", units: "县卫健局", deadline: "2021-09-30", foundBy: "table"},
			{id: "表2-1", units: "县交通局", deadline: "ongoing", foundBy: "table"},
		}},
		{"row numbers as printed: digits with a dot, Chinese numerals, a short label, a long one, none, a number alone; a section row with a note in its last cell", "a.html", `<html><body>
<p>附件</p>
<table><tr><td>序号</td><td>具体措施</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td colspan="3">一、便利就医</td><td>2021年底前</td></tr>
<tr><td>1.</td><td>保留现场号源。</td><td>县卫健局</td><td>2021年9月底前</td></tr>
<tr><td>二十三、</td><td>推进远程会诊。</td><td>县卫健局</td><td></td></tr>
<tr><td>1234</td><td>开通绿色通道。</td><td>县卫健局</td><td></td></tr>
<tr><td>12345</td><td>优化网上服务。</td><td>县卫健局</td><td></td></tr>
<tr><td>5678</td><td></td><td></td><td></td></tr>
<tr><td>第三项子任务</td><td>保留投币乘车。</td><td>县交通局</td><td></td></tr>
<tr><td>第十二项重点任务</td><td>保留人工窗口。</td><td>县交通局</td><td></td></tr>
<tr><td></td><td>组织上门探访。</td><td>县民政局</td><td></td></tr>
</table></body></html>`, []layoutWant{
			{id: "1", units: "县卫健局", deadline: "2021-09-30", path: "一、便利就医", textHas: "现场号源"},
			{id: "23", textHas: "远程会诊"},
			{id: "1234", textHas: "绿色通道"},
			{id: "12345", textHas: "网上服务"},
			{id: "第三项子任务", units: "县交通局", textHas: "投币"},
			{id: "6", textHas: "人工窗口"},
			{id: "7", units: "县民政局", path: "一、便利就医", textHas: "上门探访"},
		}},
		{"a page laid out in a table: each line of a cell is a paragraph, the last one too", "a.html", `<html><body>
<table><tr><td>首页</td><td>某县工作方案</td></tr>
<tr><td>政策文件</td><td><p>一、便利就医</p><p>（一）保留现场号源。医疗机构保留号源。（县卫健局负责）</p><p>（二）推进远程会诊。（县医保局负责）</p></td></tr>
</table></body></html>`, []layoutWant{
			{id: "1.1", title: "保留现场号源", units: "县卫健局", foundBy: "outline"},
			{id: "1.2", title: "推进远程会诊", units: "县医保局", foundBy: "outline"},
		}},
		{"two plans, the first one's title broken over two lines; a labelled line before any item; a body over two paragraphs", "a.html", `<html><body>
<p>责任单位：县民政局</p>
<p>岱川县便利老年人就医工作实施</p>
<p>方案</p>
<p>一、保留号源</p>
<p>（一）保留现场号源</p>
<p>医疗机构保留现场号源。</p>
<p>二级以上医院设立老年人服务窗口。</p>
<p>二、优化服务</p>
<p>（一）优化网上服务。简化流程。（县卫健局负责）</p>
<p>岱川县便利老年人出行工作方案</p>
<p>一、保留窗口</p>
<p>（一）保留人工窗口。车站保留窗口。（县交通局负责）</p>
</body></html>`, []layoutWant{
			{id: "1.1", title: "保留现场号源", plan: "岱川县便利老年人就医工作实施方案", textHas: "现场号源。\n二级以上医院设立老年人服务窗口。"},
			{id: "2.1", units: "县卫健局", plan: "岱川县便利老年人就医工作实施方案"},
			{id: "p2.1.1", units: "县交通局", plan: "岱川县便利老年人出行工作方案", path: "岱川县便利老年人出行工作方案/一、保留窗口"},
		}},
		{"a labelled deadline after a units parenthesis; an item that is a goal; a second plan without a title", "a.txt", `一、便利就医
（一）保留现场号源。医疗机构保留号源。（县卫健局负责）
完成时限：2021年底前
（二）工作目标。到2021年底，全面保留号源。
二、便利出行
（一）保留投币乘车。车站保留投币。（县交通局负责）
一、保障措施
（一）加强领导。建立机制。（县政府办负责）
`, []layoutWant{
			{id: "1.1", units: "县卫健局", deadline: "2021-12-31", textHas: "（县卫健局负责）\n完成时限：2021年底前"},
			{id: "1.2", title: "工作目标", deadline: "none"},
			{id: "2.1", units: "县交通局"},
			{id: "p2.1.1", units: "县政府办", path: "一、保障措施"},
		}},
		{"plain text: a tab-separated task table between items, the last line without a newline", "a.txt", "一、便利就医\n（一）保留现场号源。（县卫健局负责）\n序号\t具体措施\t责任单位\t完成时限\n1\t推进远程会诊。\t县卫健局\t2021年底前\n2\t优化预约挂号。\t县医保局\t长期坚持\n（二）优化网上服务。（县医保局负责）\n（三）开通绿色通道。（县交通局负责）", []layoutWant{
			{id: "1.1", units: "县卫健局", textHas: "现场号源"},
			{id: "表1-1", units: "县卫健局", deadline: "2021-12-31", foundBy: "table", textHas: "远程会诊"},
			{id: "表1-2", units: "县医保局", deadline: "ongoing", foundBy: "table", textHas: "预约挂号"},
			{id: "1.2", units: "县医保局", textHas: "网上服务"},
			{id: "1.3", units: "县交通局", textHas: "绿色通道"},
		}},
		{"plain text with markdown headings: circled items on a line that opens with ①, 【】 titles up to 30 characters, a bold numbered title", "a.txt", `## 便利就医
（一）保留号源。
①县卫健局要保留号源。②县医保局要保留现金。③县民政局要上门探访。
## 便利出行
【开通绿色通道】车站开通通道。
【超过三十个字的标题超过三十个字的标题超过三十个字的标题超过】车站开通通道。
## 便利办事
**（一）优化窗口服务。**保留人工窗口。（县政务中心负责）
`, []layoutWant{
			{id: "1.1.1", title: "县卫健局要保留号源", units: "县卫健局", path: "便利就医/(一)保留号源。"},
			{id: "1.1.2", title: "县医保局要保留现金", units: "县医保局"},
			{id: "1.1.3", title: "县民政局要上门探访", units: "县民政局"},
			{id: "2.1", title: "【开通绿色通道】", foundBy: "run-in", path: "便利出行"},
			{id: "2.2", title: "【超过三十个字的标题超过三十个字的标题超过三十个字的标题超过】", foundBy: "run-in", textHas: "】车站"},
			{id: "3.1", title: "优化窗口服务", units: "县政务中心", foundBy: "outline", path: "便利办事", textHas: "服务。保留人工窗口"},
		}},
		{"a notice without an outline: the paragraphs that state an action", "a.txt", `某县人民政府办公室关于做好老年人服务工作的通知
各乡（镇）人民政府，县直各单位：
为进一步做好老年人服务工作，现就有关事项通知如下：
各医疗机构要保留现场号源，为老年人提供导医服务。
一是县交通局要保留投币乘车；二是县民政局要组织上门探访；三是各乡（镇）人民政府负责建立服务台账。
特此通知。
某县人民政府办公室
2021年6月10日
`, []layoutWant{
			{id: "f1", foundBy: "fallback", textHas: "现场号源"},
			{id: "f2", units: "县交通局", foundBy: "fallback", textHas: "投币"},
			{id: "f3", units: "县民政局", textHas: "上门探访"},
			{id: "f4", units: "各乡（镇）人民政府", textHas: "台账"},
		}},
		{"units with their own parentheses, leads in every form, full-width digits", "a.txt", `一、措施
（一）甲项工作。内容。（区卫生健康局（区老龄办）、区民政局按职责分工负责，２０２１年６月底前完成）
（二）乙项工作。内容。（由区民政局牵头，区财政局配合）
（三）丙项工作。内容。（区民政局、区卫健局牵头，区财政局配合，2022年上半年完成）
`, []layoutWant{
			{id: "1.1", units: "区卫生健康局（区老龄办）|区民政局", deadline: "2021-06-30"},
			{id: "1.2", units: "区民政局|区财政局", lead: "区民政局"},
			{id: "1.3", units: "区民政局|区卫健局|区财政局", lead: "区民政局|区卫健局", deadline: "2022-06-30"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMeasures(t, segmentFile(t, tt.file, tt.text), tt.want)
		})
	}
}

func mustDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestFallbackMeasures: in a notice without an outline, a paragraph that
// states an action in 15 characters or more is a measure, with its title,
// the deadline in its sentence and the subject as its unit; an enumeration
// of two clauses gives two, the words before 一是 going with the first and
// each later clause starting after the stop that ends the one before.
func TestFallbackMeasures(t *testing.T) {
	ms := segmentFile(t, "a.txt", `某县人民政府办公室关于做好老年人就医服务工作的通知
各乡（镇）人民政府，县直各单位：
加快推进适老化改造。县大数据中心要于2021年9月底前完成政府网站改造。
为做好就医服务：一是县卫健局要保留现场号源；二是县医保局要保留现金支付。
县民政局要组织上门探访老人。
县民政局要每月组织探访老年人。
特此通知。
`)
	checkMeasures(t, ms, []layoutWant{
		{id: "f1", title: "加快推进适老化改造", units: "县大数据中心", deadline: "2021-09-30", foundBy: "fallback"},
		{id: "f2", units: "县卫健局", deadline: "none"},
		{id: "f3", units: "县医保局"},
		{id: "f4", units: "县民政局", textHas: "每月"},
	})
	for i, prefix := range []string{"加快推进", "为做好就医服务：一是", "二是县医保局", "县民政局要每月"} {
		if !strings.HasPrefix(ms[i].Text, prefix) {
			t.Errorf("measure %s: text %q, want it to start %q", ms[i].ID, ms[i].Text, prefix)
		}
	}
}
