package reports

import (
	"fmt"
	"strings"

	"policygap/compare"
	"policygap/strength"
	"policygap/taxonomy"
)

// Lang is the language of the outputs: "zh" (default) or "en".
type Lang string

const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// labels holds every fixed text of the outputs, in both languages.
var labels = map[string][2]string{
	// coverage levels
	string(compare.LevelNone):       {"未覆盖", "none"},
	string(compare.LevelMentioned):  {"仅提及", "mentioned"},
	string(compare.LevelPartial):    {"部分覆盖", "partial"},
	string(compare.LevelFull):       {"全面覆盖", "full"},
	string(compare.LevelOutOfScope): {"不在范围", "out of scope"},
	// deadline gap kinds
	compare.GapLateNational: {"晚于国家时间节点", "later than the national milestone"},
	compare.GapLateParent:   {"晚于上级时限", "later than the parent region"},
	compare.GapOverdue:      {"已逾期", "overdue"},
	compare.GapMissing:      {"无完成时限", "no deadline"},
	compare.GapOngoingOnly:  {"仅长期坚持", "ongoing only"},
	// provision gap status
	"absent":    {"未见相关表述", "not found in any measure"},
	"elsewhere": {"见于其他任务的措施", "mentioned under another task"},
	// brief sections
	"brief.title":       {"落实国办发〔2020〕45号情况简报", "Implementation brief: State Council plan 国办发〔2020〕45号"},
	"brief.docs":        {"所评文件", "Documents covered"},
	"brief.headline":    {"总体情况", "Headline"},
	"brief.coverage":    {"分领域、分任务覆盖情况", "Coverage by area and task"},
	"brief.gaps":        {"主要差距及可借鉴做法", "Main gaps and peer practice"},
	"brief.deadlines":   {"时限风险", "Deadline risks"},
	"brief.resp":        {"责任落实", "Responsibility gaps"},
	"brief.innovations": {"创新举措", "Innovations worth sharing"},
	"brief.method":      {"方法说明", "Method"},
	"brief.asof":        {"评估日期", "As of"},
	"brief.page":        {"第 %d 页 / 共 %s 页", "Page %d of %s"},
	"col.area":          {"领域", "Area"},
	"col.task":          {"任务", "Task"},
	"col.score":         {"得分", "Score"},
	"col.level":         {"覆盖程度", "Level"},
	"col.provisions":    {"条款覆盖", "Provisions"},
	"col.measures":      {"措施数", "Measures"},
	"col.region":        {"地区", "Region"},
	"col.index":         {"综合指数", "Index"},
	"col.provision":     {"国家条款", "National provision"},
	"col.status":        {"情况", "Status"},
	"col.peer":          {"可借鉴做法", "Peer practice"},
	"col.kind":          {"问题", "Issue"},
	"col.measure":       {"措施", "Measure"},
	"col.deadline":      {"完成时限", "Deadline"},
	"col.reference":     {"对照", "Compared with"},
	"col.days":          {"天数", "Days"},
	"col.unit":          {"责任单位", "Unit"},
	"col.lead":          {"牵头", "Lead"},
	"col.text":          {"措施内容", "Text"},
	"no.unit":           {"未明确责任单位的措施", "Measures without a responsible unit"},
	"no.lead":           {"未明确牵头单位的任务", "Tasks without a lead unit"},
	"unit.load":         {"责任单位任务量", "Load per unit"},
	"word.none":         {"无", "none"},
	"colon":             {"：", ": "},
	"brief.all":         {"附：全部措施", "Appendix: every measure"},
	"dash.unmapped":     {"未对应国家任务的措施", "Measures mapped to no national task"},
	"dash.all":          {"共 %d 项措施：热力图单元格中的措施 + 以下未对应的 %d 项", "%d measures: those behind the heatmap's cells, and the %d below"},
	// brief sentences (arguments in the order the English needs them)
	"headline.index":    {"综合指数 %.2f，在本次评估的 %[3]d 个地区中排第 %[2]d 位。", "Overall index %.2f, rank %d of %d regions in this run."},
	"headline.tasks":    {"共 %d 项措施，%d 项对应国家任务；范围内 %[4]d 项任务中全面覆盖 %[3]d 项、未覆盖 %[5]d 项。", "%d measures, %d mapped to the national tasks; %d of the %d tasks in scope fully covered, %d not covered."},
	"headline.strength": {"可操作措施 %d 项（共 %d 项，可操作性 3 分以上）；约束力弱的任务 %d 项。", "%d of the %d measures actionable (3 points or more); weak tasks: %d."},
	"headline.areas":    {"较强领域：%s；较弱领域：%s。", "Strongest: %s. Weakest: %s."},
	"method.mapping":    {"每项措施按其文字中出现的国家任务及条款关键词、标题与国家任务标题的相似度、所在章节标题，对应到国家任务。", "Each measure is mapped to the national tasks by the terms of the task and its provisions found in its text, its title's similarity to the national task title, and its section heading."},
	"method.score":      {"任务得分：无措施为 0；有措施但未体现国家条款为 0.25；否则为 0.25 + 0.75 × 条款覆盖比例（三分之二以上为全面覆盖）。综合指数为范围内各任务得分的平均值。", "A task's score: 0 without measures; 0.25 with measures but none of the task's national provisions; 0.25 + 0.75 × the share of provisions covered otherwise (full from two thirds). The index is the mean over the tasks in scope."},
	"method.run":        {"对照标准 %s（哈希 %s）；工具 %s %s；运行清单哈希 %s；评估日期 %s。", "Taxonomy %s (hash %s); tool %s %s; run manifest hash %s; as of %s."},
	// dashboard
	"dash.title":       {"老年人运用智能技术困难：各地落实情况对比", "Elderly people and smart technology: how the regions implement 国办发〔2020〕45号"},
	"dash.tasks":       {"各地区 × 20项任务及5项保障措施覆盖情况（点击 ▸ 展开下级地区，点击单元格查看措施原文）", "Regions × tasks coverage (▸ shows the regions below; click a cell for the measures behind it)"},
	"dash.areas":       {"各地区 × 7个领域", "Regions × areas"},
	"dash.bars":        {"各地区分领域得分", "Area scores by region"},
	"dash.radar":       {"地区对比（图例中选择地区）", "Regions compared (pick regions in the legend)"},
	"dash.timeline":    {"完成时限分布（虚线：国家时间节点；红线：评估日期）", "Deadlines by month (dashed: national milestones; red: as of)"},
	"dash.gaps":        {"多地缺少的国家条款及可借鉴做法", "National provisions most regions leave out, with peer practice"},
	"dash.detail":      {"措施原文", "Measures behind the cell"},
	"dash.detail.hint": {"点击上方热力图中的单元格，查看该地区该任务的措施原文、已覆盖和缺少的条款。", "Click a cell of the heatmap above to see that region's measures for the task, with the provisions covered and missing."},
	"dash.covered":     {"已覆盖条款", "Provisions covered"},
	"dash.missing":     {"缺少条款", "Provisions missing"},
	"dash.measures":    {"措施", "Measures"},
	"dash.none":        {"无对应措施", "no measure"},
	"dash.asof":        {"评估日期", "as of"},
	"dash.regions":     {"个地区", "regions"},
	"dash.count":       {"措施数", "measures"},
	"dash.missingin":   {"缺少的地区", "Missing in"},
	"dash.own":         {"本级指数", "Own index"},
	"dash.ownlevel":    {"本级", "Its own"},
	"dash.rollup":      {"含下级指数", "With below"},
	"dash.rollup.note": {"含下级：本级与全部下级地区的措施合计，条款取并集，按同一规则计分。", "With the regions below: the region's measures and those of every region below it together, their provisions' union, scored by the same rule."},
	"dash.level":       {"层级", "Level"},
	"dash.level.all":   {"全部层级", "All levels"},
	"dash.search":      {"查找地区名称或措施原文（如：时间银行）", "Find a region by name, or measures by their words (e.g. 时间银行)"},
	"dash.found":       {"含“%s”的措施 %d 项", "%[2]d measures say “%[1]s”"},
	"dash.found.more":  {"仅列出前 %d 项，请细化检索词", "the first %d are listed: narrow the search"},
	"dash.found.none":  {"没有措施含“%s”", "No measure says “%s”"},
	"dash.page":        {"第 %d / %d 页，共 %d 行", "page %d of %d, %d rows"},
	"dash.prev":        {"上一页", "Previous"},
	"dash.next":        {"下一页", "Next"},
	"dash.expand":      {"展开下级", "Show the regions below"},
	"dash.collapse":    {"收起下级", "Hide the regions below"},
	"dash.tiles":       {"分省示意图（等大方块，非地图；点击方块展开该省）", "Provinces on a schematic grid (equal tiles, not a map; click a tile to open its province)"},
	"dash.metric":      {"着色依据", "Colour by"},
	"dash.outofcorpus": {"本级文件不在本次评估中", "its own document is not in this run"},
	"dash.rows":        {"表中本页地区", "The regions on the table's page"},
	"dash.sort":        {"点击列标题排序", "click a column's heading to sort"},
	"dash.opened":      {"措施原文（检索词所在句已标出）", "The measure (the sentence with the words marked)"},
	"dash.behind":      {"所在单元格", "Behind the cells"},
	"dash.more":        {"等 %d 个", "and %d more"},
	"xlsx.rollup":      {"%s（含下级 %d 个地区）", "%s (with %d regions below)"},
	"xlsx.own":         {"%s（本级）", "%s (own)"},
	"pdf.groups":       {"各省（部委）概况", "Provinces and ministries"},
	"pdf.regions":      {"地区数", "Regions"},
	"pdf.weak":         {"最薄弱任务", "Weakest tasks"},
	"pdf.weak.task":    {"%s %s 平均 %.2f（%d/%d 个地区未覆盖）", "%s %s mean %.2f (%d of %d regions without)"},
	"pdf.weak.note":    {"最薄弱任务：该省（部委）及其下级地区本级得分平均值最低的任务；最常缺少的条款：缺少该条款的地区数 / 任务在范围内的地区数。", "Weakest tasks: the lowest mean of the own scores of the region and the regions below it; provisions most often missing: regions without it / regions with the task in scope."},
	"pdf.missing":      {"最常缺少的国家条款", "Provisions most often missing"},
	"pdf.missing.in":   {"缺少的地区数 / 地区数", "Regions without it / regions"},
	"pdf.mean":         {"平均得分", "Mean score"},
	"pdf.none":         {"未覆盖的地区数 / 地区数", "Regions without / regions"},
	"pdf.members":      {"所辖地区", "The regions below"},
	"pdf.members.note": {"县级地区的情况见各市的“含下级指数”；逐一列出全部下级地区：policygap report --brief-scope province。", "Counties are in their city's index with the regions below; every region below, one by one: policygap report --brief-scope province."},
	"pdf.below":        {"下级地区数", "Regions below"},
	"pdf.own":          {"；本级指数 %.3f（第 %d 名 / 共 %d 个地区）", "; own index %.3f (rank %d of %d regions)"},
	"pdf.noown":        {"；%s", "; %s"},
	"pdf.more":         {" 等 %d 个", " and %d more"},
	"ledger.nokey":     {"填写了进展状态、完成日期或备注，但该行没有措施编号", "status, date or note entered on a row without a measure key"},
	"ledger.twice":     {"措施 %s 重复出现（另见第 %d 行），本行未采用", "measure %s appears twice (also row %d); this row is not used"},
	"ledger.status":    {"进展状态“%s”不是以下之一：%s；原值保留在新台账中，请改正", "status %q is not one of %s; kept in the new ledger to correct"},
	"ledger.date":      {"完成日期“%s”不是日期；原值保留在新台账中，请改正", "completion date %q is not a date; kept in the new ledger to correct"},
	"col.column":       {"列", "Column"},
	"col.rejected":     {"未采用的值", "Value not used"},
	"brief.cut":        {"……等 %d 项（全部见附录）", " … %d in all (every one in the appendix)"},
	"about.tool":       {"工具", "tool"},
	"about.taxonomy":   {"对照标准", "taxonomy"},
	"about.taxonomy.v": {"%s（%s，哈希 %s）", "%s (%s, hash %s)"},
	"about.embedded":   {"（内置）", " (embedded)"},
	"about.hash":       {"运行清单哈希", "manifest hash"},
	"about.overrides":  {"审核修正", "overrides"},
	"about.ledger":     {"上期台账", "ledger"},
	"about.baseline":   {"对比基准", "baseline"},
	"about.written":    {"生成时间", "written"},
	"about.input":      {"输入文件", "input"},
	"about.input.v":    {"%s %s %s %s；措施 %d 项；SHA-256 %s", "%s %s %s %s; %d measures; sha256 %s"},
	"about.unread":     {"未能读取", "unread"},
	"innovation.why":   {"对应 %s，但未体现其任何国家条款", "maps to %s but carries none of its national provisions"},
	"level.national":   {"国家部委", "national"},
	"level.province":   {"省级", "province"},
	"level.city":       {"市级", "city"},
	"level.county":     {"县级", "county"},
	"level.district":   {"区级", "district"},
	"level.unknown":    {"未知层级", "unknown level"},
	// workbook sheets
	"sheet.overview":    {"总览", "Overview"},
	"sheet.cells":       {"覆盖明细", "Coverage detail"},
	"sheet.provisions":  {"条款覆盖", "Provisions"},
	"sheet.measures":    {"措施清单", "Measures"},
	"sheet.deadlines":   {"时限分析", "Deadlines"},
	"sheet.resp":        {"责任分析", "Responsibility"},
	"sheet.gaps":        {"差距与借鉴", "Gaps and peers"},
	"sheet.innovations": {"创新举措", "Innovations"},
	"sheet.changes":     {"变化", "Changes"},
	"sheet.ledger":      {"台账问题", "Ledger problems"},
	"sheet.about":       {"说明", "About"},
	// measure (ledger) columns
	"col.no":            {"序号", "No."},
	"col.key":           {"措施编号", "Key"},
	"col.doc":           {"文件", "Document"},
	"col.item":          {"条目", "Item"},
	"col.section":       {"章节", "Section"},
	"col.tasks":         {"对应任务", "Tasks"},
	"col.provs":         {"国家条款", "Provisions"},
	"col.evidence":      {"依据词", "Evidence"},
	"col.units":         {"责任单位", "Units"},
	"col.leads":         {"牵头单位", "Lead units"},
	"col.deadline.raw":  {"完成时限原文", "Deadline as printed"},
	"col.deadline.kind": {"时限类型", "Deadline kind"},
	"col.overdue":       {"是否逾期", "Overdue"},
	"col.progress":      {"进展状态", "Status"},
	"col.done":          {"完成日期", "Done on"},
	"col.note":          {"备注", "Note"},
	"col.unmapped":      {"未对应原因", "Why unmapped"},
	"col.level.legend":  {"图例", "Legend"},
	"col.rank":          {"排名", "Rank"},
	"col.covered":       {"已覆盖条款", "Provisions covered"},
	"col.missing":       {"缺少条款", "Provisions missing"},
	"col.terms":         {"检索词", "Terms looked for"},
	"col.searched":      {"检索措施数", "Measures searched"},
	"col.foundin":       {"所在措施", "Found in"},
	"col.peer.region":   {"借鉴地区", "Peer region"},
	"col.peer.key":      {"借鉴措施", "Peer measure"},
	"col.peer.text":     {"借鉴做法", "Peer practice"},
	"col.peer.more":     {"其他可借鉴措施", "Other peer measures"},
	"col.reason":        {"理由", "Reason"},
	"col.change":        {"变化", "Change"},
	"col.before":        {"之前", "Before"},
	"col.after":         {"之后", "After"},
	"col.problem":       {"问题", "Problem"},
	"col.sheet":         {"工作表", "Sheet"},
	"col.row":           {"行", "Row"},
	"col.field":         {"项目", "Item"},
	"col.value":         {"内容", "Value"},
	"yes":               {"是", "yes"},
	"no":                {"否", "no"},
	"prov.covered":      {"✓ 已覆盖", "✓ covered"},
	"prov.missing":      {"✗ 缺少", "✗ missing"},
	"change.new":        {"新增措施", "new measure"},
	"change.removed":    {"删除措施", "removed measure"},
	"change.remapped":   {"任务变化", "re-mapped"},
	"change.coverage":   {"覆盖变化", "coverage changed"},
	"change.overdue":    {"新逾期", "newly overdue"},
	"resp.noLead":       {"无牵头单位", "no lead unit"},
	"resp.noUnit":       {"无责任单位", "no responsible unit"},
	"kind.date":         {"具体日期", "date"},
	"kind.ongoing":      {"长期坚持", "ongoing"},
	"kind.none":         {"未明确", "none"},
	"stale":             {"上期台账中的措施已不在本期：原填写内容保留如下", "in the last ledger but no longer in this run; what was entered is kept here"},
	// strength of a measure, and what an actionable measure has
	"strength.mandatory":     {"强制性", "mandatory"},
	"strength.directive":     {"指令性", "directive"},
	"strength.encouraging":   {"鼓励性", "encouraging"},
	"strength.descriptive":   {"描述性", "descriptive"},
	"need.lead":              {"牵头单位", "lead unit"},
	"need.deadline":          {"完成时限", "deadline"},
	"need.target":            {"量化目标", "quantified target"},
	"need.directive":         {"约束性表述", "binding wording"},
	"col.strength":           {"约束力", "Strength"},
	"col.strength.evidence":  {"约束依据词", "Strength evidence"},
	"col.targets":            {"量化目标", "Targets"},
	"col.actionability":      {"可操作性（0–4）", "Actionability (0–4)"},
	"col.lacks":              {"缺少要素", "Lacks"},
	"col.actionable":         {"可操作措施", "Actionable measures"},
	"col.actionable.share":   {"可操作比例", "Actionable share"},
	"col.weak":               {"约束力弱", "Weak"},
	"col.weak.tasks":         {"约束力弱的任务", "Weak tasks"},
	"brief.strength":         {"约束力与可操作性", "Strength and actionability"},
	"brief.strength.levels":  {"措施约束力：强制性 %d 项、指令性 %d 项、鼓励性 %d 项、描述性 %d 项。", "Measures by strength: %d mandatory, %d directive, %d encouraging, %d descriptive."},
	"brief.strength.lacks":   {"缺少要素的措施数：", "Measures lacking: "},
	"brief.vague":            {"缺少牵头单位、具体时限或量化目标的措施（%d 项，得分最低者在前）", "Measures without a lead unit, a dated deadline or a quantified target (%d; fewest points first)"},
	"brief.weak":             {"约束力弱的任务（范围内仅有鼓励性或描述性措施）", "Weak tasks (in scope, only encouraging or descriptive measures)"},
	"dash.view":              {"单元格显示", "Cells show"},
	"dash.weak.tip":          {"约束力弱：范围内任务仅有鼓励性或描述性措施", "weak: only encouraging or descriptive measures for a task in scope"},
	"dash.nomeasure":         {"无措施", "no measure"},
	"dash.short.mandatory":   {"强制", "Man"},
	"dash.short.directive":   {"指令", "Dir"},
	"dash.short.encouraging": {"鼓励", "Enc"},
	"dash.short.descriptive": {"描述", "Des"},
	"sheet.strength":         {"约束力矩阵", "Strength"},
	"method.strength":        {"约束力矩阵单元格：该地区该任务措施中最强的约束力，及可操作措施数 / 措施数；“约束力弱”：范围内任务仅有鼓励性或描述性措施。可操作性：牵头单位、具体完成时限、量化目标、指令性以上表述各 1 分，3 分以上为可操作。", "Strength matrix cell: the strongest level among the region's measures for the task, with actionable measures / measures; weak: an in-scope task with only encouraging or descriptive measures. Actionability: one point each for a lead unit, a dated deadline, a quantified target and at least directive wording; actionable from 3."},
}

// L is the label for key in the language.
func (l Lang) L(key string) string {
	v, ok := labels[key]
	if !ok {
		return key
	}
	if l == English {
		return v[1]
	}
	return v[0]
}

// Sprintf formats a label.
func (l Lang) Sprintf(key string, args ...any) string { return fmt.Sprintf(l.L(key), args...) }

// Why is why a measure maps to no task, in the language: the matcher and
// the overrides give the record's reason in English.
func (l Lang) Why(reason string) string {
	if l == English {
		return reason
	}
	switch {
	case reason == "a goal statement, not a measure to map":
		return "工作目标表述，不是具体措施"
	case reason == "no task's terms found":
		return "未见任何国家任务的关键词"
	case strings.HasPrefix(reason, "rejected by "):
		who, why, _ := strings.Cut(strings.TrimPrefix(reason, "rejected by "), ": ")
		return "审核人" + who + "否决：" + why
	}
	return reason
}

// ProvisionLabel is a provision's label in the language, the Chinese one
// where the taxonomy gives no English.
func (l Lang) ProvisionLabel(p *taxonomy.Provision) string {
	if l == English && p.En != "" {
		return p.En
	}
	return p.Label
}

// TaskTitle is a task's title in the language.
func (l Lang) TaskTitle(t *taxonomy.Task) string {
	if l == English && t.En != "" {
		return t.En
	}
	return t.Short
}

// AreaTitle is an area's title in the language.
func (l Lang) AreaTitle(a *taxonomy.Area) string {
	if l == English && a.En != "" {
		return a.En
	}
	return a.Short
}

// Strength is a strength level's name in the language.
func (l Lang) Strength(lv strength.Level) string { return l.L("strength." + lv.String()) }

// Lacks names, in the language, what a measure's actionability misses.
func (l Lang) Lacks(missing []string) []string {
	out := make([]string, len(missing))
	for i, m := range missing {
		out[i] = l.L("need." + m)
	}
	return out
}

// LabelText is every label in both languages, run together: what a renderer
// that prepares a font for a run must be able to print.
func LabelText() string {
	var b strings.Builder
	for _, v := range labels {
		b.WriteString(v[0])
		b.WriteString(v[1])
	}
	return b.String()
}
