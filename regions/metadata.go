package regions

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	// a document number: an issuer's abbreviation, the year in 〔〕, a serial
	docNumberRe = regexp.MustCompile(`[〔\[［]\s*((?:19|20)\d{2})\s*[〕\]］]\s*(\d{1,4})\s*号`)
	docDateRe   = regexp.MustCompile(`(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:成文日期|发布日期)\s*[:：]\s*((?:19|20)\d{2}-\d{2}-\d{2})`)
	// a signature: the issuing body, then the date it signed
	signatureRe = regexp.MustCompile(`(?:办公厅|办公室|人民政府|委员会|部|局)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)`)
	issuerRe    = regexp.MustCompile(`^(?:#+\s*)?([\p{Han}、 ]{2,60}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|联席会议|领导小组|局|厅|部|委|办|中心|支行|分行))\s*(?:关于|印发|文件)`)
	// the body that signs a document, on the line above the date
	signerLine = regexp.MustCompile(`^[\p{Han}、 ]{2,40}(?:办公厅|办公室|人民政府|委员会|政府|局|厅|委|办|部|中心|支行|分行)$`)
	// a web page's issuer field left in the text: 发布机构：X
	issuerFieldRe = regexp.MustCompile(`(?:发布机构|发文机关|发文单位|发布单位)\s*:\s*([\p{Han}]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|局|厅|部|委|办|中心))`)
	regionRe      = regexp.MustCompile(`^([\p{Han}]{2,12}?(?:自治区|自治州|省|市|县|区|盟|旗)|[\p{Han}]{1,6}部)`)
)

// Where a document's metadata came from, as the documents command and the
// notes say it.
const (
	FromManifest  = "manifest"
	FromSiteInfo  = "site info" // a web page's info table (发布机构, 文号, 成文日期)
	FromTitle     = "title"     // the title line: X关于印发…的通知
	FromSignature = "signature" // the body and date that sign the document
	FromText      = "text"      // a number or date the text states
	FromIssuer    = "issuer"    // the place the issuer names
	FromRegion    = "region"    // the level a region's name shows
	FromFileName  = "file name" // nothing better was found
	FromUnknown   = "unknown"
)

// inferMetadata fills what the manifest did not give from what the file
// states about itself and from its text, and records where each value came
// from (Origins) and which were inferred.
func inferMetadata(d *Document) {
	norm := d.normText()
	lines := strings.Split(norm, "\n")
	info := func(name string) string {
		for _, f := range d.info {
			if f.Name == name {
				return NormalizeString(f.Value)
			}
		}
		return ""
	}
	set := func(field, source string) {
		if d.Origins == nil {
			d.Origins = map[string]string{}
		}
		d.Origins[field] = source
		d.Inferred = append(d.Inferred, field)
	}
	if d.Issuer == "" {
		switch title := info("标题"); {
		case info("发布机构") != "":
			d.Issuer = info("发布机构")
			set("issuer", FromSiteInfo)
		case title != "" && issuerOfTitle(title) != "":
			d.Issuer = issuerOfTitle(title)
			set("issuer", FromTitle)
		default:
			var src string
			if d.Issuer, src = inferIssuer(lines); d.Issuer != "" {
				set("issuer", src)
			}
		}
	}
	if d.Region == "" {
		switch r := regionOf(d.Issuer); {
		case r != "":
			d.Region = r
			set("region", FromIssuer)
		case regionOf(info("标题")) != "":
			d.Region = regionOf(info("标题"))
			set("region", FromTitle)
		default:
			d.Region = strings.TrimSuffix(d.File, path.Ext(d.File))
			set("region", FromFileName)
		}
	}
	if d.Level == "" {
		d.Level = levelOf(d.Region)
		if d.Origins["region"] == FromFileName {
			d.Level = LevelUnknown
		}
		if d.Level == LevelUnknown {
			set("level", FromUnknown)
		} else {
			set("level", FromRegion)
		}
	}
	if d.Number == "" {
		if n := inferNumber(info("文号")); n != "" {
			d.Number = n
			set("number", FromSiteInfo)
		} else if n := inferNumber(norm[:min(len(norm), 8000)]); n != "" {
			d.Number = n
			set("number", FromText)
		}
	}
	if d.Date.IsZero() {
		if t, ok := infoDate(info("成文日期")); ok {
			d.Date = t
			set("date", FromSiteInfo)
		} else if t, src, ok := inferDate(norm, lines); ok {
			d.Date = t
			set("date", src)
		}
	}
}

// infoDate reads a site's date field: 2021年04月16日 or 2021-04-16.
func infoDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.DateOnly, strings.TrimSpace(s)); err == nil {
		return t, true
	}
	if d, ok := ParseDeadline(s, 0); ok && d.Kind == DeadlineDate {
		return d.Date, true
	}
	return time.Time{}, false
}

// issuerOfTitle is the issuer a title line names (X关于印发…).
func issuerOfTitle(title string) string {
	if m := issuerRe.FindStringSubmatch(strings.TrimSpace(title)); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// nationalBodies: national bodies whose provincial and local branches issue
// documents under their own place name (国家税务总局江苏省税务局 -> 江苏省,
// 中国人民银行芷川市中心支行 -> 芷川市).
var nationalBodies = []string{"国家税务总局", "中国人民银行", "人民银行", "国家金融监督管理总局", "中国银行保险监督管理委员会",
	"中国银保监会", "中国证券监督管理委员会", "国家外汇管理局", "国家统计局", "中国邮政集团有限公司", "中国邮政", "中国电信", "中国移动", "中国联通"}

// regionOf is the place an issuer's name starts with (枫浦市老龄工作委员会办公室
// -> 枫浦市), after a national body's name for its local branches; a national
// ministry is its own region (民政部).
func regionOf(issuer string) string {
	s := strings.TrimSpace(issuer)
	for _, b := range nationalBodies {
		if rest, ok := strings.CutPrefix(s, b); ok && regionRe.MatchString(rest) {
			s = rest
			break
		}
	}
	return regionRe.FindString(s)
}

// inferIssuer reads the issuing body from the title line ("X关于…", "X印发…",
// "X文件"), or from the line before a title that starts with 关于; from a
// "发布机构：X" line a web page left in the text; or from the signature at the
// end (the body's name, then the date).
func inferIssuer(lines []string) (string, string) {
	prev := ""
	for i, line := range lines {
		if i > 80 {
			break
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := issuerRe.FindStringSubmatch(line); m != nil {
			return strings.TrimSpace(m[1]), FromTitle
		}
		if strings.HasPrefix(line, "关于") && isIssuerLine(prev) {
			return prev, FromTitle
		}
		if m := issuerFieldRe.FindStringSubmatch(line); m != nil {
			return m[1], FromSiteInfo
		}
		prev = line
	}
	// the signature: a body's name standing alone, then the date it signed
	for i := len(lines) - 1; i > max(0, len(lines)-40); i-- { // line 0 has no line above it
		if !isDateLine(strings.TrimSpace(lines[i])) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if l := strings.TrimSpace(lines[k]); signerLine.MatchString(l) {
				return l, FromSignature
			}
		}
	}
	return "", ""
}

// inferNumber takes the first document number ("厦府办〔2021〕2号") that is not
// a reference to another document: one in parentheses or after 《》 is cited,
// not issued.
func inferNumber(norm string) string {
	for _, m := range docNumbers(norm) {
		before := []rune(norm[max(0, m[0]-3*12):m[0]])
		k := len(before)
		for k > 0 && isHan(before[k-1]) {
			k--
		}
		if k > 0 && strings.ContainsRune("(（《“\"", before[k-1]) {
			continue
		}
		prefix := string(before[k:])
		if i := strings.LastIndex(prefix, "通知"); i >= 0 { // "…的通知渝府办发〔2021〕44号"
			prefix = prefix[i+len("通知"):]
		}
		prefix = lastRunesOf(prefix, 8)
		if prefix == "" {
			continue
		}
		return prefix + "〔" + norm[m[2]:m[3]] + "〕" + norm[m[4]:m[5]] + "号"
	}
	return ""
}

// docNumbers is docNumberRe.FindAllStringSubmatchIndex, with the regexp run
// only where an opening bracket is, on a window that fits a number.
func docNumbers(norm string) [][]int {
	var opens []int // found with indexText: IndexAny decodes every rune
	for _, bracket := range []string{"〔", "["} {
		for i := 0; ; {
			j := indexText(norm[i:], bracket)
			if j < 0 {
				break
			}
			opens = append(opens, i+j)
			i += j + len(bracket)
		}
	}
	slices.Sort(opens)
	var out [][]int
	end := 0 // of the last number
	for _, at := range opens {
		if at < end {
			continue
		}
		if m := docNumberRe.FindStringSubmatchIndex(norm[at:min(len(norm), at+48)]); m != nil && m[0] == 0 {
			for k := range m {
				m[k] += at
			}
			out = append(out, m)
			end = m[1]
		}
	}
	return out
}

// inferDate prefers the signing date (成文日期, or the date under the
// issuer's name) to the publication date (发布日期); it says which it read.
func inferDate(norm string, lines []string) (time.Time, string, bool) {
	field := func(name string) (time.Time, bool) {
		if i := indexText(norm, name); i >= 0 {
			if m := docDateRe.FindStringSubmatch(norm[i:min(len(norm), i+40)]); m != nil && m[2] != "" {
				t, err := time.Parse(time.DateOnly, m[2])
				return t, err == nil
			}
		}
		return time.Time{}, false
	}
	if t, ok := field("成文日期"); ok {
		return t, FromSiteInfo, true
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		date := ""
		if isDateLine(line) && docDateRe.MatchString(line) {
			date = line
		} else if maySign(line) {
			if m := signatureRe.FindStringSubmatch(line); m != nil {
				date = m[1]
			}
		}
		if date == "" {
			continue
		}
		if d, ok := ParseDeadline(date, 0); ok && d.Kind == DeadlineDate {
			return d.Date, FromSignature, true
		}
	}
	t, ok := field("发布日期")
	return t, FromSiteInfo, ok
}

// maySign: somewhere in line a year (then 年) follows the last character of
// an issuer signatureRe knows, spaces allowed between: the regexp, unanchored,
// is slow to try on every line that mentions a day.
func maySign(line string) bool {
	for i := 0; ; {
		j := indexText(line[i:], "年")
		if j < 0 {
			return false
		}
		before := strings.TrimRight(line[:i+j], reSpace)
		i += j + len("年")
		if len(before) < 4 || !isDigits(before[len(before)-4:]) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before[:len(before)-4], reSpace))
		if strings.ContainsRune("厅室府会部局", r) {
			return true
		}
	}
}

// reSpace is what \s matches in a regexp.
const reSpace = " \t\n\f\r"

func isDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

func levelOf(region string) Level {
	switch {
	case strings.HasSuffix(region, "部") || strings.HasSuffix(region, "委员会"):
		return LevelNational
	case strings.HasSuffix(region, "省") || strings.HasSuffix(region, "自治区") ||
		slices.Contains([]string{"北京市", "天津市", "上海市", "重庆市"}, region):
		return LevelProvince
	case strings.HasSuffix(region, "市") || strings.HasSuffix(region, "州") || strings.HasSuffix(region, "盟"):
		return LevelCity
	case strings.HasSuffix(region, "区"):
		return LevelDistrict
	case strings.HasSuffix(region, "县") || strings.HasSuffix(region, "旗"):
		return LevelCounty
	}
	return LevelUnknown
}
