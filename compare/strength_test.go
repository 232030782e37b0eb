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
