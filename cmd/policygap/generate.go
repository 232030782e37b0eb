package main

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"policygap/compare"
	"policygap/regions"
	"policygap/taxonomy"
)

// runGenerate writes a synthetic national corpus made from the seeds: 31
// provinces, their cities and counties (parent links in the manifest), each
// with one plan that recombines, drops and re-orders the seeds' measures,
// with varied numbering, units and deadlines. The same --seed gives the same
// corpus, byte for byte. It is for benchmarks and scale tests, never for
// accuracy: its measures are the seeds' own.
func runGenerate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("generate", stdout, stderr)
	out := fs.String("out", "national", "folder to write the corpus to")
	docs := fs.Int("docs", 3000, "number of documents (one per region)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	if err := parse(fs, args, nil); err != nil {
		return err
	}
	if *docs < 31 {
		return usageError{fmt.Errorf("--docs %d: at least 31 (one per province)", *docs)}
	}
	pool, err := measurePool()
	if err != nil {
		return err
	}
	tax, _ := taxonomy.Default()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	regionsList := hierarchy(*docs)
	mf, err := os.Create(filepath.Join(*out, regions.ManifestName))
	if err != nil {
		return err
	}
	defer mf.Close()
	w := csv.NewWriter(mf)
	w.Write([]string{"file", "region", "level", "parent", "issuer", "number", "date"})
	for i, r := range regionsList {
		rng := rand.New(rand.NewPCG(*seed, uint64(i)))
		g := plan{r: r, rng: rng, pool: pool, tax: tax}
		name, data := g.document(i)
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			return err
		}
		w.Write([]string{name, r.name, r.level, r.parent, g.issuer(), g.number(i), g.date()})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d documents and %s to %s\n", len(regionsList), regions.ManifestName, *out)
	return nil
}

// poolItem is a seed measure's own words, by the area its first task is in.
type poolItem struct {
	body, task string
}

func measurePool() (map[string][]poolItem, error) {
	c, errs := regions.DefaultCorpus()
	if len(errs) > 0 {
		return nil, errs[0]
	}
	tax, err := taxonomy.Default()
	if err != nil {
		return nil, err
	}
	var ms []regions.Measure
	for _, d := range c.Documents {
		if d.Level == regions.LevelNational {
			continue // the ministry's notice is in traditional characters and about its own field
		}
		got, err := regions.Segment(d)
		if err != nil {
			return nil, err
		}
		ms = append(ms, got...)
	}
	pool := map[string][]poolItem{}
	for _, m := range compare.Map(ms, taxonomy.NewMatcher(tax)) {
		if len(m.Match.Tasks) == 0 {
			continue
		}
		body := strings.ReplaceAll(strings.TrimSpace(m.Body()), "\n", "")
		if len([]rune(body)) < 15 {
			continue
		}
		task := tax.Task(m.Match.Tasks[0].ID)
		pool[task.Area] = append(pool[task.Area], poolItem{body: body, task: task.ID})
	}
	return pool, nil
}

type region struct {
	name, level, parent, abbr string
}

var provinces = []struct{ name, abbr string }{
	{"北京市", "京"}, {"天津市", "津"}, {"河北省", "冀"}, {"山西省", "晋"}, {"内蒙古自治区", "内蒙古"}, {"辽宁省", "辽"},
	{"吉林省", "吉"}, {"黑龙江省", "黑"}, {"上海市", "沪"}, {"江苏省", "苏"}, {"浙江省", "浙"}, {"安徽省", "皖"},
	{"福建省", "闽"}, {"江西省", "赣"}, {"山东省", "鲁"}, {"河南省", "豫"}, {"湖北省", "鄂"}, {"湖南省", "湘"},
	{"广东省", "粤"}, {"广西壮族自治区", "桂"}, {"海南省", "琼"}, {"重庆市", "渝"}, {"四川省", "川"}, {"贵州省", "黔"},
	{"云南省", "滇"}, {"西藏自治区", "藏"}, {"陕西省", "陕"}, {"甘肃省", "甘"}, {"青海省", "青"}, {"宁夏回族自治区", "宁"},
	{"新疆维吾尔自治区", "新"},
}

var nameParts = []string{"东", "西", "南", "北", "中", "新", "安", "平", "丰", "宁", "兴", "和", "昌", "阳", "山", "川", "河", "林", "泉", "城"}

// hierarchy makes n regions: the 31 provinces, nine made-up cities each, and
// counties under the cities for the rest, spread evenly.
func hierarchy(n int) []region {
	var out []region
	var cities []region
	for _, p := range provinces {
		out = append(out, region{name: p.name, level: "province", abbr: p.abbr})
	}
	for _, p := range provinces {
		for c := 0; c < 9 && len(out) < n; c++ {
			r := region{name: p.abbr + nameParts[c] + nameParts[(c+7)%len(nameParts)] + "市", level: "city", parent: p.name, abbr: p.abbr}
			out = append(out, r)
			cities = append(cities, r)
		}
	}
	for k := 0; len(out) < n; k++ {
		city := cities[k%len(cities)]
		i := k / len(cities)
		suffix := "县"
		if i%3 == 2 {
			suffix = "区"
		}
		name := strings.TrimSuffix(city.name, "市") + nameParts[i%len(nameParts)] + nameParts[(i/len(nameParts)+3)%len(nameParts)] + suffix
		out = append(out, region{name: name, level: "county", parent: city.name, abbr: city.abbr})
	}
	return out
}

// plan writes one region's document.
type plan struct {
	r    region
	rng  *rand.Rand
	pool map[string][]poolItem
	tax  *taxonomy.Taxonomy
}

func (g plan) prefix() string {
	switch g.r.level {
	case "province":
		return "省"
	case "city":
		return "市"
	}
	return "县"
}

func (g plan) issuer() string { return g.r.name + "人民政府办公厅" }
func (g plan) number(i int) string {
	return fmt.Sprintf("%s政办〔2021〕%d号", g.r.abbr, 10+i%90)
}
func (g plan) date() string {
	return fmt.Sprintf("2021-%02d-%02d", 1+hash(g.r.name)%10, 1+hash(g.r.name+"d")%27)
}

func hash(s string) int {
	h := fnv.New32a()
	h.Write([]byte(s))
	return int(h.Sum32() & 0x7fffffff)
}

// units by area: the bodies a plan names for an area's measures.
var unitsByArea = map[string][]string{
	"A1": {"卫生健康委", "大数据局", "民政局", "应急管理局"}, "A2": {"交通运输局", "公安局"}, "A3": {"卫生健康委", "医保局"},
	"A4": {"市场监管局", "商务局", "金融局"}, "A5": {"文化和旅游局", "体育局"}, "A6": {"政务服务中心", "民政局", "人力社保局"},
	"A7": {"工业和信息化局", "通信管理局", "教育局", "民政局"}, "S": {"发展改革委", "卫生健康委", "司法局", "委宣传部"},
}

var deadlines = []string{"2021年6月底前完成", "2021年底前完成", "2022年6月底前完成", "2022年底前完成", "长期坚持", ""}

// document is the plan's text in one of the numbering styles, encoded as
// UTF-8, or now and then GB18030 or UTF-16.
func (g plan) document(i int) (string, []byte) {
	var b strings.Builder
	b.WriteString(g.issuer() + "关于切实解决老年人运用智能技术困难的实施方案\n" + g.number(i) + "\n")
	b.WriteString("为贯彻落实《国务院办公厅印发关于切实解决老年人运用智能技术困难实施方案的通知》精神，结合本地实际，制定本方案。\n")
	style := g.rng.IntN(3)
	markdown := g.rng.IntN(10) == 0
	keep := 0.75 + 0.2*float64(map[string]int{"province": 2, "city": 1, "county": 0}[g.r.level])/2
	item := 0
	section := 0
	areas := []string{"A1", "A2", "A3", "A4", "A5", "A6", "A7", "S"}
	for _, a := range areas {
		items := g.pool[a]
		if len(items) == 0 || g.rng.Float64() > keep {
			continue // the plan leaves the whole area out
		}
		section++
		heading := cnNum(section) + "、" + g.tax.Area(a).Title
		if markdown {
			heading = "## " + heading
		}
		b.WriteString(heading + "\n")
		n := 1 + g.rng.IntN(4)
		picked := g.rng.Perm(len(items))[:min(n, len(items))]
		sort.Ints(picked)
		if g.rng.IntN(2) == 0 {
			g.rng.Shuffle(len(picked), func(x, y int) { picked[x], picked[y] = picked[y], picked[x] })
		}
		for k, p := range picked {
			item++
			label := []string{"（" + cnNum(k+1) + "）", fmt.Sprintf("%d.", k+1), fmt.Sprintf("%d、", item)}[style]
			b.WriteString(label + items[p].body + g.assignment(a) + "\n")
		}
	}
	b.WriteString(g.issuer() + "\n" + strings.ReplaceAll(g.date(), "-", "年")[:7] + "月1日\n")
	text := b.String()
	name := fmt.Sprintf("%04d_%s.txt", i, g.r.name)
	if markdown {
		name = strings.TrimSuffix(name, ".txt") + ".md"
	}
	switch g.rng.IntN(50) {
	case 0:
		data, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
		return name, data
	case 1:
		data, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		return name, data
	}
	return name, []byte(text)
}

// assignment is an item's trailing parenthesis: units (one leading, now and
// then), and a deadline, counties choosing later ones more often.
func (g plan) assignment(area string) string {
	us := unitsByArea[area]
	n := 1 + g.rng.IntN(min(3, len(us)))
	start := g.rng.IntN(len(us))
	var names []string
	for k := 0; k < n; k++ {
		names = append(names, g.prefix()+us[(start+k)%len(us)])
	}
	parts := []string{strings.Join(names, "、") + "按职责分工负责"}
	if g.rng.IntN(3) == 0 {
		parts = []string{names[0] + "牵头", strings.Join(append(names[1:], "各有关部门"), "、") + "按职责分工负责"}
	}
	d := deadlines[g.rng.IntN(len(deadlines))]
	if g.r.level == "county" && g.rng.IntN(3) == 0 {
		d = deadlines[2+g.rng.IntN(2)]
	}
	if d != "" {
		parts = append(parts, d)
	}
	return "（" + strings.Join(parts, "，") + "）"
}

func cnNum(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
