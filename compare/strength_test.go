package compare

import (
	"reflect"
	"testing"
	"time"

	"policygap/regions"
	"policygap/strength"
)

func measureOf(title, text, assignment string) regions.Measure {
	full := text + assignment
	return regions.Measure{Title: title, Text: full, Norm: regions.NormalizeString(full), Assignment: assignment}
}

func TestAssess(t *testing.T) {
	dated := regions.Deadline{Kind: regions.DeadlineDate, Date: time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		name     string
		m        regions.Measure
		level    strength.Level
		evidence []string
		targets  []strength.Target
		score    int
		missing  []string
	}{
		{
			name:  "an imperative title does not lift an encouraging body",
			m:     measureOf("开展老年人数字融入研究", "开展老年人数字融入研究。支持高校设立研究课题，每年发布研究报告。", ""),
			level: strength.Encouraging, evidence: []string{"支持"}, targets: []strength.Target{},
			score: 0, missing: []string{strength.NeedLead, strength.NeedDeadline, strength.NeedTarget, strength.NeedBinding},
		},
		{
			name:  "a binding title binds",
			m:     measureOf("任何单位不得拒收现金", "任何单位不得拒收现金。鼓励商户张贴受理标识。", ""),
			level: strength.Mandatory, evidence: []string{"不得"}, targets: []strength.Target{},
			score: 1, missing: []string{strength.NeedLead, strength.NeedDeadline, strength.NeedTarget},
		},
		{
			name: "evidence and targets as printed, placed in the text, the units parenthesis left out",
			m: func() regions.Measure {
				m := measureOf("", "醫療機構必須預留不少於２０％的現場號源。", "（市衛健委負責，2022年底前完成）")
				m.Units, m.Deadline = []string{"市衛健委"}, dated
				return m
			}(),
			level: strength.Mandatory, evidence: []string{"必須"},
			targets: []strength.Target{{Text: "不少於２０％", Value: 20, Unit: "%", At: 8}},
			score:   4, missing: []string{},
		},
		{
			name: "several units and no lead: no point for a lead",
			m: func() regions.Measure {
				m := measureOf("", "推动银行网点实现适老化改造全覆盖。", "")
				m.Units, m.Deadline = []string{"人民银行", "市金融局"}, dated
				return m
			}(),
			level: strength.Directive, evidence: []string{"推动"},
			targets: []strength.Target{{Text: "全覆盖", Value: 100, Unit: "%", At: 13}},
			score:   3, missing: []string{strength.NeedLead},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := assess(c.m, MatcherInput(c.m))
			if s.Level != c.level || !reflect.DeepEqual(s.Evidence, c.evidence) {
				t.Errorf("level %s %v, want %s %v", s.Level, s.Evidence, c.level, c.evidence)
			}
			if !reflect.DeepEqual(s.Targets, c.targets) {
				t.Errorf("targets %+v, want %+v", s.Targets, c.targets)
			}
			for _, tg := range s.Targets {
				if got := string([]rune(c.m.Text)[tg.At : tg.At+len([]rune(tg.Text))]); got != tg.Text {
					t.Errorf("target %q is not at %d of the text (%q there)", tg.Text, tg.At, got)
				}
			}
			if s.Actionability.Score != c.score || !reflect.DeepEqual(s.Actionability.Missing, c.missing) {
				t.Errorf("actionability %d %v, want %d %v", s.Actionability.Score, s.Actionability.Missing, c.score, c.missing)
			}
			if s.Actionable() != (c.score >= strength.Actionable) {
				t.Errorf("Actionable() = %v at score %d", s.Actionable(), c.score)
			}
		})
	}
}

// BenchmarkAssess measures the strength reading alone over the seed
// corpus's measures, in MB/s of measure text, on one goroutine: it runs on
// every measure beside the matcher (BenchmarkMatch).
func BenchmarkAssess(b *testing.B) {
	ms := seedMeasures(b)
	n := 0
	for _, m := range ms {
		n += len(m.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range ms {
			assess(m, MatcherInput(m))
		}
	}
}

func TestTaskStrengthAndWeakGaps(t *testing.T) {
	const text = `一、便利老年人日常就医
（一）提供多渠道挂号服务。二级以上医院必须保留不少于30%的现场号源。（省卫生健康委牵头，2021年6月底前完成）
（二）探索多渠道挂号。鼓励有条件的医院探索电话、网络等多种预约挂号方式。
二、便利老年人日常出行
（三）优化打车出行服务。鼓励网约车平台增设“一键叫车”功能，对老年人订单优先派车。
`
	r := run(t, "2021-01-01", nil, doc{region: "某省", level: "province", text: text},
		doc{region: "某县", level: "county", text: "（一）优化打车出行服务。鼓励在医院、车站设置出租车候客点。（县交通局负责，2021年底前完成）\n", scope: []string{"T07"}})
	c := r.TaskCoverageOf("某省", "T07")
	if c.Strength == nil || *c.Strength != strength.Mandatory || c.Actionable != 1 || c.ActionableShare != 0.5 ||
		len(c.Measures) != 2 {
		t.Errorf("T07: strength %v, %d of %d actionable (%v)", c.Strength, c.Actionable, len(c.Measures), c.ActionableShare)
	}
	want := []TaskTarget{{Measure: "某省/a.txt#1.1", Text: "不少于30%", Value: 30, Unit: "%"}}
	if !reflect.DeepEqual(c.Targets, want) {
		t.Errorf("T07 targets %+v, want %+v", c.Targets, want)
	}
	taxi := r.TaskCoverageOf("某省", "T04")
	if taxi.Strength == nil || *taxi.Strength != strength.Encouraging || taxi.Actionable != 0 || !taxi.IsWeak() {
		t.Errorf("T04: strength %v, actionable %d, weak %v", taxi.Strength, taxi.Actionable, taxi.IsWeak())
	}
	if none := r.TaskCoverageOf("某省", "T09"); none.Strength != nil || none.ActionableShare != 0 || none.IsWeak() {
		t.Errorf("T09 without measures: %+v", none)
	}
	wantWeak := []WeakTask{{Region: "某省", Task: "T04", Strength: strength.Encouraging, Measures: []string{"某省/a.txt#2.3"}}}
	if !reflect.DeepEqual(r.Weak, wantWeak) {
		t.Errorf("weak tasks %+v, want %+v", r.Weak, wantWeak)
	}
	if p := r.Region("某省"); p.Weak != 1 || p.Actionable != 1 {
		t.Errorf("province: %d weak tasks, %d actionable measures", p.Weak, p.Actionable)
	}
	// the county's plan covers T07 only: its encouraging taxi measure is out
	// of scope and no gap
	if cty := r.TaskCoverageOf("某县", "T04"); cty.Strength == nil || *cty.Strength != strength.Encouraging ||
		cty.IsWeak() || r.Region("某县").Weak != 0 {
		t.Errorf("county T04: %+v", cty)
	}
}
