package strength

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func reader(t *testing.T) *Reader {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func words(cs []Cue) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Word)
	}
	return out
}

func TestLevel(t *testing.T) {
	r := reader(t)
	for _, c := range []struct {
		name, text string
		want       Level
		evidence   []string
	}{
		{"a ban", "严格规范健康码应用，严禁码上加码。", Mandatory, []string{"严禁"}},
		{"a ban after a modal", "场所应安排专人协助，不得把健康码作为唯一通行凭证。", Mandatory, []string{"不得"}},
		{"ensure", "建立工作台账，确保每月至少联系一次。", Mandatory, []string{"确保"}},
		{"a ban in a name binds nothing", "开展“不得拒收现金”宣传。", Directive, []string{"开展"}},
		{"modal", "医疗机构应当保留人工窗口。", Directive, []string{"应当"}},
		{"need is not a modal", "需要提前预约的场馆保留人工窗口。", Directive, []string{"预约"}},
		{"imperative verb", "推动网约车平台上线一键叫车。", Directive, []string{"推动"}},
		{"encouraging", "鼓励网约车平台简化操作流程，增设一键叫车功能，降低老年人操作难度。", Encouraging, []string{"鼓励"}},
		{"encouraging in two sentences", "鼓励组建爱心车队。鼓励通过技术手段，为老年人提供优先派单服务。", Encouraging, []string{"鼓励"}},
		{"encouraging beside an imperative", "完善优待政策，鼓励有条件的地区推行凭身份证乘车。", Directive, []string{"完善"}},
		{"government action breaks the scope", "支持本地企业生产适老手机，开展智慧健康养老应用试点。", Directive, []string{"开展"}},
		{"同时 carries the scope on", "引导文体机构提供更多适老化产品，同时开展丰富的传统文体活动。", Encouraging, []string{"引导"}},
		{"support of a thing does not reach on", "支持电信普遍服务试点项目，提升信号覆盖水平。", Directive, []string{"提升"}},
		{"支持 meaning accept", "支持老年人凭身份证、社保卡挂号和结算。", Directive, []string{"支持"}},
		{"支持 cash", "各类场所支持现金支付。", Directive, []string{"支持"}},
		{"引导 as a noun", "引导员在入口提供帮助。", Directive, []string{"提供"}},
		{"引导 as a noun with 和", "引导和帮扶服务向基层延伸。", Directive, []string{"延伸"}},
		{"permissive", "二级以上医疗机构可为老年人提供预约诊疗，并预留现场号源。", Encouraging, []string{"可"}},
		{"可 in a word", "推广可穿戴健康监测设备。", Directive, []string{"推广"}},
		{"modal inside the scope", "鼓励企业开发适老产品，各地要给予支持。", Directive, []string{"要"}},
		{"adverbs before the verb", "积极探索医保家庭代办服务。", Encouraging, []string{"探索"}},
		{"no final stop", "严禁码上加码", Mandatory, []string{"严禁"}},
		{"characters beyond the Basic Multilingual Plane", "𠮷祥村𐀀严禁码上加码。", Mandatory, []string{"严禁"}},
		{"no action beyond the plane", "𠮷祥村老年人享受智能化服务。", Descriptive, nil},
		{"a ban after a name in quotes binds", "开展“不得拒收现金”宣传，严禁拒收现金。", Mandatory, []string{"严禁"}},
		{"a compound ending just before the modal", "必要时应为老年人开通绿色通道。", Directive, []string{"应"}},
		{"an encouraging verb after 同时", "探索建立服务机制，同时引导企业参与。", Encouraging, []string{"探索", "引导"}},
		{"an adverb that is also a verb before 支持 a thing", "加快支持电信普遍服务试点项目，提升信号覆盖水平。", Directive, []string{"提升"}},
		{"a sentence ending in 同时", "鼓励企业研发适老产品，同时", Encouraging, []string{"鼓励"}},
		{"a sentence ending in 支持", "积极支持", Encouraging, []string{"支持"}},
		{"descriptive", "老年人享受智能化服务水平显著上升。", Descriptive, nil},
		{"empty", "", Descriptive, nil},
	} {
		t.Run(c.name, func(t *testing.T) { checkReading(t, r.Read(c.text, 0), c.want, c.evidence) })
	}
}

// checkReading checks a reading's level and evidence words (nil: none).
func checkReading(t *testing.T, got Reading, want Level, evidence []string) {
	t.Helper()
	if got.Level != want {
		t.Errorf("level %s, want %s (evidence %v)", got.Level, want, words(got.Evidence))
	}
	if evidence == nil {
		evidence = []string{}
	}
	if w := words(got.Evidence); !reflect.DeepEqual(w, evidence) {
		t.Errorf("evidence %v, want %v", w, evidence)
	}
}

// A run-in title names the topic: it counts only when it binds, and the
// body's own words are the evidence when both bind.
func TestTitle(t *testing.T) {
	r := reader(t)
	for _, c := range []struct {
		name, text, title string
		want              Level
		evidence          []string
	}{
		{"an imperative title adds nothing", "推进网站适老化改造。鼓励企业开发适老产品。", "推进网站适老化改造。", Encouraging, []string{"鼓励"}},
		{"a binding title", "任何单位不得拒收现金。各场所保留现金支付渠道。", "任何单位不得拒收现金。", Mandatory, []string{"不得"}},
		{"the body's ban is the evidence", "不得拒收现金。各场所严禁拒收现金。", "不得拒收现金。", Mandatory, []string{"严禁"}},
		{"a title that is the whole measure is its body", "推进网站适老化改造", "推进网站适老化改造", Directive, []string{"推进"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkReading(t, r.Read(c.text, runeLen(c.title)), c.want, c.evidence) })
	}
}

func TestEvidenceAt(t *testing.T) {
	text := "完善机制，强化督导，加强宣传，推动落实。"
	got := reader(t).Read(text, 0)
	want := []Cue{{"完善", 0}, {"强化", 5}, {"加强", 10}}
	if !reflect.DeepEqual(got.Evidence, want) {
		t.Errorf("evidence %v, want the first %d words with their offsets %v", got.Evidence, maxEvidence, want)
	}
	for _, c := range got.Evidence {
		if string([]rune(text)[c.At:c.At+runeLen(c.Word)]) != c.Word {
			t.Errorf("%q is not at %d", c.Word, c.At)
		}
	}
}

func TestTargets(t *testing.T) {
	r := reader(t)
	type tg = Target
	for _, c := range []struct {
		name, text string
		want       []Target
	}{
		{"percent with qualifier", "每日预留不少于20%的现场号源。", []tg{{"不少于20%", 20, "%", 4}}},
		{"qualifier too far from its number", "现场号源不少于当日号源总量的30%。", []tg{{"30%", 30, "%", 14}}},
		{"qualifier within reach", "现场号源不少于总量的30%。", []tg{{"不少于总量的30%", 30, "%", 4}}},
		{"count with 以上", "2021年全市建成100个以上。", []tg{{"100个以上", 100, "个", 9}}},
		{"ten thousand", "每年培训老年人1.5万人次。", []tg{{"1.5万人次", 15000, "人次", 7}}},
		{"Chinese numeral with 每", "每个社区每季度至少举办一次培训。", []tg{{"至少举办一次", 1, "次", 7}}},
		{"Chinese numeral with qualifier", "至少保留一条现金支付渠道。", []tg{{"至少保留一条", 1, "条", 0}}},
		{"Chinese tens", "每年举办不少于十二场讲座。", []tg{{"不少于十二场", 12, "场", 4}}},
		{"totality", "实现偏远行政村4G网络全覆盖。", []tg{{"全覆盖", 100, "%", 11}}},
		{"全部 and 全覆盖 in one clause: one target", "实现所有定点医疗机构全覆盖。", []tg{{"全覆盖", 100, "%", 10}}},
		{"全部 alone", "公交线路全部保留投币设施。", []tg{{"全部", 100, "%", 4}}},
		{"a totality in a condition", "全部交易均通过网络完成的，应提前公示支付方式。", nil},
		{"Chinese numeral without 每 or qualifier", "建设一批便民服务中心，提供一站式服务。", nil},
		{"years, dates and ages", "2021年6月底前，为65周岁以上、80岁以上老年人提供服务。", nil},
		{"hotlines and document numbers", "畅通12345热线和95128电召，依据国办发〔2020〕45号。", nil},
		{"grades and generations", "二级以上医院和三级医院推进5G和4G网络覆盖，推广第三代社保卡。", nil},
		{"ordinals", "促进全省第一批高频事项在线办理。", nil},
		{"lump sum", "每家企业给予一次性奖励。", nil},
		{"quoted", "推行“一件事一次办”，实现“一人一档”。", nil},
		{"no final stop", "每年培训老年人1000人次", []tg{{"1000人次", 1000, "人次", 7}}},
		{"a nine", "建成29个服务站。", []tg{{"29个", 29, "个", 2}}},
		{"a unit before Latin letters", "开发3个APP。", []tg{{"3个", 3, "个", 2}}},
		{"qualifier at the edge of its reach", "现场号源不低于全年总量30%。", []tg{{"不低于全年总量30%", 30, "%", 4}}},
		{"全面覆盖 opening the clause shadows 所有", "全面覆盖所有行政村。", []tg{{"全面覆盖", 100, "%", 0}}},
		{"所有 opening the clause is shadowed by 全覆盖", "所有定点医疗机构实现全覆盖。", []tg{{"全覆盖", 100, "%", 10}}},
		{"所有 alone", "所有政务服务网点保留人工窗口。", []tg{{"所有", 100, "%", 0}}},
		{"ordinal in digits", "开展第3次全面排查。", nil},
		{"digits after a point that were not read", "推出适老V2.0套餐。", nil},
		{"ends in a number", "拨打12345", nil},
		{"ends in a number and a point", "覆盖率达到100.", nil},
		{"ends in a Chinese numeral", "开展一对一", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := r.Read(c.text, 0).Targets
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("targets %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestChineseValue(t *testing.T) {
	for s, want := range map[string]float64{"一": 1, "两": 2, "十": 10, "十二": 12, "二十": 20, "一百五十": 150, "五千": 5000, "三万": 30000, "一百零五": 105} {
		if got := chineseValue([]rune(s)); got != want {
			t.Errorf("%s = %v, want %v", s, got, want)
		}
	}
}

func TestReadNumber(t *testing.T) {
	for _, c := range []struct {
		in      string
		j       int
		value   float64
		chinese bool
	}{
		{"3.5个", 3, 3.5, false}, {"3.个", 1, 3, false}, {"3.2.1条", 0, 0, false}, {"2万人", 2, 20000, false},
		{"5千", 2, 5000, false}, {"90", 2, 90, false}, {"十二场", 2, 12, true}, {"个", 0, 0, false},
	} {
		s := []rune(c.in)
		j, v, ch := readNumber(s, 0, len(s))
		if j != c.j || v != c.value || ch != c.chinese {
			t.Errorf("%s: %d %v %v, want %d %v %v", c.in, j, v, ch, c.j, c.value, c.chinese)
		}
	}
}

func TestCharacterClasses(t *testing.T) {
	for r, want := range map[rune][3]bool{ // digit, Latin, Chinese digit
		'0': {true, false, false}, '9': {true, false, false}, '/': {}, ':': {},
		'A': {false, true, false}, 'Z': {false, true, false}, 'a': {false, true, false}, 'z': {false, true, false},
		'@': {}, '[': {}, '`': {}, '{': {}, '一': {false, false, true}, '两': {false, false, true}, '万': {false, false, true}, '亿': {},
	} {
		if got := [3]bool{isDigit(r), isLatin(r), isChineseDigit(r)}; got != want {
			t.Errorf("%q: digit, Latin, Chinese digit %v, want %v", r, got, want)
		}
	}
}

func TestAssess(t *testing.T) {
	target := []Target{{"全覆盖", 100, "%", 0}}
	for _, c := range []struct {
		name        string
		lead, dated bool
		r           Reading
		score       int
		missing     []string
	}{
		{"everything", true, true, Reading{Level: Mandatory, Targets: target}, 4, []string{}},
		{"directive counts", true, true, Reading{Level: Directive, Targets: target}, 4, []string{}},
		{"nothing", false, false, Reading{Level: Encouraging}, 0, []string{NeedLead, NeedDeadline, NeedTarget, NeedBinding}},
		{"descriptive", true, false, Reading{Level: Descriptive}, 1, []string{NeedDeadline, NeedTarget, NeedBinding}},
		{"no target", true, true, Reading{Level: Directive}, 3, []string{NeedTarget}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Assess(c.lead, c.dated, c.r)
			if a.Score != c.score || !reflect.DeepEqual(a.Missing, c.missing) {
				t.Errorf("got %d %v, want %d %v", a.Score, a.Missing, c.score, c.missing)
			}
		})
	}
}

func TestLevelJSON(t *testing.T) {
	for _, l := range Levels {
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		var back Level
		if err := json.Unmarshal(b, &back); err != nil || back != l {
			t.Errorf("%s: %s read back as %s (%v)", l, b, back, err)
		}
	}
	var l Level
	if err := json.Unmarshal([]byte(`"binding"`), &l); err == nil || !strings.Contains(err.Error(), `"binding"`) {
		t.Errorf("an unknown level reads without an error naming it: %v", err)
	}
	for _, l := range []Level{-1, 4, 7} {
		if s, want := l.String(), fmt.Sprintf("Level(%d)", int(l)); s != want {
			t.Errorf("out of range level prints %q, want %q", s, want)
		}
	}
}

func TestParse(t *testing.T) {
	if _, err := Parse("x.yaml", []byte("mandatory: [必须]\nnonsense: [x]\n")); err == nil || !strings.Contains(err.Error(), "x.yaml") || !strings.Contains(err.Error(), "nonsense") {
		t.Errorf("an unknown key: %v", err)
	}
	_, err := Parse("x.yaml", []byte("mandatory: [必须]\nmodal: [要]\n"))
	if err == nil || !strings.Contains(err.Error(), "action, encouraging, target_units, totality") {
		t.Errorf("missing lists are not all named: %v", err)
	}
	if Standard() != Standard() {
		t.Error("Standard builds a new reader each call")
	}
}
