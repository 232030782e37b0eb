package compare

import (
	"strings"
	"testing"
)

func TestReadOverridesListsEveryProblem(t *testing.T) {
	tax := defaultMatcher(t).Taxonomy()
	file := "measure,action,tasks,reviewer,date,reason\n" +
		"厦门市/000.txt#1.1,accept,,张三,2024-03-01,ok\n" +
		"厦门市/000.txt#1.2,remap,T99,张三,2024-03-01,wrong task id\n" +
		"厦门市/000.txt#1.3,reject,,李四,2024-13-01,bad date\n" +
		"厦门市/000.txt#1.4,approve,,李四,2024-03-01,bad action\n" +
		"厦门市/000.txt#1.5,remap,,,2024-03-01,remap without tasks or reviewer\n" +
		"厦门市/000.txt#1.1,reject,,王五,2024-03-02,twice\n"
	_, err := ReadOverrides("o.csv", []byte(file), tax, nil)
	if err == nil {
		t.Fatal("accepted")
	}
	for _, want := range []string{
		"o.csv: bad overrides file",
		`line 3: task "T99" is not in the taxonomy`,
		`line 4: date "2024-13-01" is not YYYY-MM-DD`,
		`line 5: action "approve": use accept, reject or remap`,
		"line 6: remap needs the tasks to map to",
		"line 6: no reviewer",
		"line 7: measure 厦门市/000.txt#1.1 is overridden twice (also line 2)",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "line 2:") {
		t.Errorf("a good line is reported:\n%v", err)
	}
}

func TestApplyOverrides(t *testing.T) {
	ms := Map(seedMeasures(t), defaultMatcher(t))
	tax := defaultMatcher(t).Taxonomy()
	file := "measure,action,tasks,reviewer,date,reason\n" +
		ms[0].Key() + ",accept,,张三,2024-03-01,checked\n" +
		ms[1].Key() + ",reject,,张三,2024-03-01,not a measure\n" +
		ms[2].Key() + ",改映射,T02;T09,李四,2024-03-02,also health\n"
	ovs, err := ReadOverrides("o.csv", []byte(file), tax, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, applied, err := ApplyOverrides(ms, ovs, "o.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 3 || len(out) != len(ms) {
		t.Fatalf("applied %d, measures %d -> %d", len(applied), len(ms), len(out))
	}
	if out[0].Override == nil || len(out[0].Match.Tasks) != len(ms[0].Match.Tasks) {
		t.Errorf("accept changed the mapping: %+v", out[0].Match.Tasks)
	}
	if len(out[1].Match.Tasks) != 0 || !strings.Contains(out[1].Match.Reason, "rejected by 张三") {
		t.Errorf("reject: %+v", out[1].Match)
	}
	if len(out[2].Match.Tasks) != 2 || out[2].Match.Tasks[0].ID != "T02" || out[2].Match.Tasks[1].ID != "T09" ||
		out[2].Override.Before[0] != ms[2].Match.Tasks[0].ID {
		t.Errorf("remap: %+v, before %v", out[2].Match.Tasks, out[2].Override.Before)
	}
	if len(ms[1].Match.Tasks) == 0 {
		t.Error("ApplyOverrides changed its input")
	}
	// a measure that no longer exists is an error naming it, not a silent drop
	stale := "measure,action,tasks,reviewer,date,reason\n某市/gone.txt#9.9,reject,,张三,2024-03-01,x\n"
	ovs, _ = ReadOverrides("o.csv", []byte(stale), tax, nil)
	if _, _, err := ApplyOverrides(ms, ovs, "o.csv"); err == nil || !strings.Contains(err.Error(), "line 2: measure 某市/gone.txt#9.9 is not in this run") {
		t.Errorf("stale override: %v", err)
	}
}
