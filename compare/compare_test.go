package compare

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"policygap/regions"
)

// doc is a small document for the gap tests.
type doc struct {
	region, level, parent, text string
	scope                       []string
}

// run segments, maps and compares small documents as of a date.
func run(t *testing.T, asOf string, progress map[string]Progress, docs ...doc) *Result {
	t.Helper()
	c := &regions.Corpus{}
	var ms []regions.Measure
	for i, d := range docs {
		date := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
		rd := &regions.Document{File: string(rune('a'+i)) + ".txt", Region: d.region, Level: regions.Level(d.level),
			Parent: d.parent, Text: d.text, Date: date, Scope: d.scope}
		c.Documents = append(c.Documents, rd)
		got, err := regions.Segment(rd)
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, got...)
	}
	tax := defaultMatcher(t).Taxonomy()
	at, _ := time.Parse(time.DateOnly, asOf)
	return Compare(Input{Corpus: c, Measures: Map(ms, defaultMatcher(t)), Taxonomy: tax, AsOf: at, Progress: progress})
}

const province = `一、便利老年人日常就医
（一）提供多渠道挂号服务。医疗机构应提供一定比例的现场号源，完善电话、网络、现场等多种预约挂号方式。（省卫生健康委牵头，2021年6月底前完成）
（二）优化打车出行服务。引导网约车平台增设“一键叫车”功能，对老年人订单优先派车。（省交通运输厅负责，长期坚持）
`

const city = `一、便利老年人日常就医
（一）提供多渠道挂号服务。医疗机构应提供一定比例的现场号源。（市卫生健康委负责，2021年10月底前完成）
（二）优化打车出行服务。设置出租车候客点、临时停靠点。（市交通局负责，2022年底前完成）
（三）加强宣传。开展智慧助老行动，宣传典型案例。
（四）组建爱心车队。鼓励巡游出租汽车驾驶员组建爱心车队、雷锋车队，为老年人提供叫车服务。（市交通局负责，2021年底前完成）
`

func gapsOf(r *Result, kind, region string) []DeadlineGap {
	var out []DeadlineGap
	for _, g := range r.Deadlines {
		if g.Kind == kind && g.Region == region {
			out = append(out, g)
		}
	}
	return out
}

func TestDeadlineGaps(t *testing.T) {
	r := run(t, "2022-01-15", nil,
		doc{region: "某省", level: "province", text: province},
		doc{region: "某市", level: "city", parent: "某省", text: city})
	late := gapsOf(r, GapLateNational, "某市")
	// T07 (registration) keeps a traditional service: due by 2020年底 (M2020),
	// the city says 2021年10月底; T04 (taxi) is due by 2021年底, the city says 2022年底
	if len(late) != 2 || late[0].Task != "T07" || late[0].Against != "M2020" || late[0].Days != 304 ||
		late[1].Task != "T04" || late[1].Against != "M2021" || late[1].Days != 365 {
		t.Errorf("late_national: %+v", late)
	}
	parent := gapsOf(r, GapLateParent, "某市")
	if len(parent) != 1 || parent[0].Task != "T07" || parent[0].Reference != "2021-06-30" {
		t.Errorf("late_parent: %+v", parent)
	}
	overdue := gapsOf(r, GapOverdue, "某市")
	if len(overdue) != 2 { // T07 2021-10-31 and the 爱心车队 2021-12-31; T04 2022 is not yet due
		t.Errorf("overdue: %+v", overdue)
	}
	if missing := gapsOf(r, GapMissing, "某市"); len(missing) != 1 || missing[0].Task != "S5" {
		t.Errorf("missing: %+v", missing)
	}
	if ongoing := gapsOf(r, GapOngoingOnly, "某省"); len(ongoing) != 1 || ongoing[0].Task != "T04" {
		t.Errorf("ongoing_only: %+v", ongoing)
	}
	// the ledger says one is done: it is no longer overdue
	done := map[string]Progress{overdue[0].Measure: {Status: StatusDone}}
	r = run(t, "2022-01-15", done,
		doc{region: "某省", level: "province", text: province},
		doc{region: "某市", level: "city", parent: "某省", text: city})
	if got := gapsOf(r, GapOverdue, "某市"); len(got) != 1 || got[0].Measure == overdue[0].Measure {
		t.Errorf("overdue after the ledger: %+v", got)
	}
}

func TestCoverageAndProvisionGaps(t *testing.T) {
	r := run(t, "2021-01-01", nil,
		doc{region: "某省", level: "province", text: province},
		doc{region: "某市", level: "city", parent: "某省", text: city})
	c := r.TaskCoverageOf("某省", "T07")
	// T07 has 5 provisions; the province carries 多种预约挂号 (T07.1) and 现场号源 (T07.3)
	if !slices.Equal(c.Provisions, []string{"T07.1", "T07.3"}) || c.Level != LevelPartial || c.Score != round3(0.25+0.75*2/5) {
		t.Errorf("province T07: %+v", c)
	}
	if c := r.TaskCoverageOf("某省", "T09"); c.Level != LevelNone || c.Score != 0 {
		t.Errorf("province T09: %+v", c)
	}
	var gap *ProvisionGap
	for i, g := range r.Gaps {
		if g.Region == "某市" && g.Provision == "T04.2" {
			gap = &r.Gaps[i]
		}
	}
	if gap == nil || gap.Status != "absent" || gap.Searched != 4 || !slices.Contains(gap.Terms, "一键叫车") {
		t.Fatalf("city gap T04.2: %+v", gap)
	}
	if len(gap.Peers) != 1 || gap.Peers[0].Region != "某省" || gap.Peers[0].Provisions < 2 {
		t.Errorf("peers for T04.2: %+v", gap.Peers)
	}
	idx := r.Region("某市").Index
	if idx <= 0 || idx >= 1 || r.Region("某市").Rank == 0 {
		t.Errorf("index %v rank %d", idx, r.Region("某市").Rank)
	}
}

func TestResponsibilityInnovationsRollUp(t *testing.T) {
	r := run(t, "2021-01-01", nil,
		doc{region: "某省", level: "province", text: province},
		doc{region: "某市", level: "city", parent: "某省", text: city})
	if !slices.ContainsFunc(r.NoUnit, func(k string) bool { return strings.HasSuffix(k, "#1.3") }) {
		t.Errorf("measures without unit: %v", r.NoUnit)
	}
	if !slices.Contains(r.NoLead, TaskRef{"某市", "T07"}) || slices.Contains(r.NoLead, TaskRef{"某省", "T07"}) {
		t.Errorf("tasks without lead: %v", r.NoLead)
	}
	var load UnitLoad
	for _, u := range r.Units {
		if u.Region == "某市" && u.Unit == "市交通局" {
			load = u
		}
	}
	if load.Measures != 2 || load.Dated != 2 {
		t.Errorf("load of 市交通局: %+v", load)
	}
	found := false
	for _, in := range r.Innovations {
		found = found || strings.HasSuffix(in.Measure, "#1.4") && in.Task == "T04"
	}
	if !found {
		t.Errorf("爱心车队 (T04, no national provision) is not an innovation: %+v", r.Innovations)
	}
	if len(r.RollUps) != 1 || r.RollUps[0].Region != "某省" || !r.RollUps[0].InCorpus ||
		r.RollUps[0].Index < r.RollUps[0].Own || r.RollUps[0].Own != r.Region("某省").Index {
		t.Errorf("roll-up: %+v", r.RollUps)
	}
}

// A province absent from the run rolls up its cities and their counties; a
// city rolls up its counties; each task's measures are the members' together
// and its provisions the union of theirs.
func TestRollUpOverEveryLevelBelow(t *testing.T) {
	county := "一、便利老年人日常就医\n（一）提供多渠道挂号服务。完善电话、网络、现场等多种预约挂号方式，畅通家人、亲友、家庭签约医生代为挂号渠道。（县卫生健康局负责，2021年底前完成）\n"
	r := run(t, "2021-01-01", nil,
		doc{region: "某市", level: "city", parent: "某省", text: city},
		doc{region: "某县", level: "county", parent: "某市", text: county})
	if len(r.RollUps) != 2 {
		t.Fatalf("roll-ups: %+v", r.RollUps)
	}
	p, c := r.RollUps[0], r.RollUps[1]
	if p.Region != "某省" || p.InCorpus || p.Level != "" || p.Own != 0 || !slices.Equal(p.Below, []string{"某市", "某县"}) {
		t.Errorf("province: %+v", p)
	}
	if c.Region != "某市" || !c.InCorpus || c.Level != "city" || c.Own != r.Region("某市").Index || !slices.Equal(c.Below, []string{"某县"}) {
		t.Errorf("city: %+v", c)
	}
	if p.Index != c.Index || p.Index <= c.Own {
		t.Errorf("the province's roll-up is the city's with its county (%v = %v), more than the city alone (%v)", p.Index, c.Index, c.Own)
	}
	task := func(ru RollUp, id string) RollUpTask {
		for _, rt := range ru.Tasks {
			if rt.Task == id {
				return rt
			}
		}
		t.Fatalf("%s has no %s", ru.Region, id)
		return RollUpTask{}
	}
	for _, id := range []string{"T07", "T05"} {
		cityCov, countyCov := r.TaskCoverageOf("某市", id), r.TaskCoverageOf("某县", id)
		rt := task(c, id)
		if rt.Own != cityCov.Level || rt.Measures != len(cityCov.Measures)+len(countyCov.Measures) {
			t.Errorf("%s: %+v, city %+v, county %+v", id, rt, cityCov, countyCov)
		}
		union := map[string]bool{}
		for _, pv := range append(slices.Clone(cityCov.Provisions), countyCov.Provisions...) {
			union[pv] = true
		}
		if len(rt.Provisions) != len(union) {
			t.Errorf("%s: provisions %v, the union of %v and %v", id, rt.Provisions, cityCov.Provisions, countyCov.Provisions)
		}
		if task(p, id).Own != LevelNone {
			t.Errorf("an absent province has no level of its own: %+v", task(p, id))
		}
	}
	tax := defaultMatcher(t).Taxonomy()
	for _, ra := range c.Areas { // each area the mean of its tasks' roll-up scores
		var sum float64
		var n int
		for _, rt := range c.Tasks {
			if tax.Task(rt.Task).Area == ra.Area {
				sum += rt.Score
				n++
			}
		}
		if n == 0 || ra.Score != round3(sum/float64(n)) || ra.Level != LevelOf(ra.Score) {
			t.Errorf("area %+v: %d tasks, sum %v", ra, n, sum)
		}
	}
	if len(c.Areas) != len(tax.Areas) {
		t.Errorf("%d areas rolled up, want all %d (every task is in the city's scope)", len(c.Areas), len(tax.Areas))
	}
	if t07 := task(c, "T07"); len(t07.Provisions) <= len(r.TaskCoverageOf("某市", "T07").Provisions) || t07.Score <= r.TaskCoverageOf("某市", "T07").Score {
		t.Errorf("the county's 多种预约挂号方式 adds to the city's T07: %+v", t07)
	}
}

// Parents that name each other are rolled up once each, without looping.
func TestRollUpParentLoop(t *testing.T) {
	r := run(t, "2021-01-01", nil,
		doc{region: "甲市", level: "city", parent: "乙市", text: city},
		doc{region: "乙市", level: "city", parent: "甲市", text: city})
	if len(r.RollUps) != 2 || !slices.Equal(r.RollUps[0].Below, []string{"甲市"}) || !slices.Equal(r.RollUps[1].Below, []string{"乙市"}) {
		t.Errorf("roll-ups: %+v", r.RollUps)
	}
}

func TestScope(t *testing.T) {
	ministry := "一、工作安排\n（一）保留线下办事渠道。确保保留线下办事渠道，优先接待老年人。\n"
	r := run(t, "2021-01-01", nil,
		doc{region: "某部", level: "national", text: ministry},
		doc{region: "某县", level: "county", text: ministry, scope: []string{"A6"}})
	for _, name := range []string{"某部", "某县"} {
		rr := r.Region(name)
		if !slices.Equal(rr.Scope, []string{"T14", "T15"}) {
			t.Errorf("%s scope %v, want the A6 tasks", name, rr.Scope)
		}
		if c := r.TaskCoverageOf(name, "T07"); c.Level != LevelOutOfScope {
			t.Errorf("%s T07 level %s", name, c.Level)
		}
	}
	if r.Region("某部").ScopeNote == "" || r.Region("某县").ScopeNote != "" {
		t.Error("a national ministry's scope is said to be inferred; a declared one is not")
	}
}

// A ledger entry's completion date in results.json: YYYY-MM-DD, null when
// the planner gave none (never 0001-01-01), and read back the same.
func TestProgressJSON(t *testing.T) {
	for _, tc := range []struct {
		p    Progress
		json string
	}{
		{Progress{Status: StatusDone, Done: time.Date(2021, 10, 31, 0, 0, 0, 0, time.UTC), Note: "已验收"}, `{"status":"已完成","done":"2021-10-31","note":"已验收"}`},
		{Progress{Status: "推进中"}, `{"status":"推进中","done":null}`},
	} {
		b, err := json.Marshal(tc.p)
		if err != nil || string(b) != tc.json {
			t.Errorf("%+v: %s %v, want %s", tc.p, b, err, tc.json)
		}
		var back Progress
		if err := json.Unmarshal(b, &back); err != nil || !back.Done.Equal(tc.p.Done) || back.Status != tc.p.Status || back.Note != tc.p.Note {
			t.Errorf("%s read back as %+v (%v)", b, back, err)
		}
	}
	var p Progress
	if err := json.Unmarshal([]byte(`{"status":"已完成","done":"31/10/2021"}`), &p); err == nil || !strings.Contains(err.Error(), `done "31/10/2021" is not YYYY-MM-DD`) {
		t.Errorf("a bad date: %v", err)
	}
}
