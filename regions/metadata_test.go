package regions

import (
	"strings"
	"testing"
)

// TestMetadataOfCopies: the region, level, issuer, number and date of
// documents as copies from government sites carry them, with where each
// came from.
func TestMetadataOfCopies(t *testing.T) {
	body := "\n一、便利就医\n（一）保留号源。医疗机构保留号源。\n"
	tests := []struct {
		name, file, text                    string
		region, level, issuer, number, date string
		origins                             string // field:source, …
	}{
		{"a site's fields left in the text, a title without its issuer", "web.txt",
			"当前位置：首页>政务公开>通知公告\n索引号：001/2021-5\n发布机构：芷川市卫生健康委员会\n关于做好老年人就医服务的通知\n芷卫发〔2021〕8号\n各县区卫健局：" + body + "芷川市卫生健康委员会\n2021年3月5日\n",
			"芷川市", "city", "芷川市卫生健康委员会", "芷卫发〔2021〕8号", "2021-03-05", "issuer:site info,region:issuer,level:region,number:text,date:signature"},
		{"addressees first, signed at the end", "signed.txt",
			"各乡镇人民政府，县直各单位：" + body + "岱川县民政局\n2021年6月1日\n",
			"岱川县", "county", "岱川县民政局", "", "2021-06-01", "issuer:signature,region:issuer"},
		{"a joint conference's office", "conf.txt",
			"江澜省老年人运用智能技术困难工作联席会议办公室关于印发工作要点的通知\n江老联办〔2021〕2号" + body,
			"江澜省", "province", "江澜省老年人运用智能技术困难工作联席会议办公室", "江老联办〔2021〕2号", "", "issuer:title"},
		{"a provincial branch of a national body", "tax.txt",
			"国家税务总局江澜省税务局关于便利老年人办税的通知" + body, "江澜省", "province", "国家税务总局江澜省税务局", "", "", "region:issuer"},
		{"a city branch of the central bank", "bank.txt",
			"中国人民银行芷川市中心支行关于做好现金服务的通知" + body, "芷川市", "city", "中国人民银行芷川市中心支行", "", "", ""},
		{"traditional characters", "trad.txt",
			"梧溪市人民政府辦公室關於印發便利老年人措施的通知" + body, "梧溪市", "city", "梧溪市人民政府办公室", "", "", ""},
		{"no issuer anywhere: the file's name, said so, and the level unknown", "plan-07.txt",
			"关于便利老年人的几点意见" + body, "plan-07", "unknown", "", "", "", "region:file name,level:unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{File: tt.file, Text: tt.text}
			inferMetadata(d)
			date := ""
			if !d.Date.IsZero() {
				date = d.Date.Format("2006-01-02")
			}
			if d.Region != tt.region || string(d.Level) != tt.level || d.Issuer != tt.issuer || d.Number != tt.number || date != tt.date {
				t.Errorf("region %q level %q issuer %q number %q date %q; want %q %q %q %q %q",
					d.Region, d.Level, d.Issuer, d.Number, date, tt.region, tt.level, tt.issuer, tt.number, tt.date)
			}
			for _, o := range strings.Split(tt.origins, ",") {
				if field, src, ok := strings.Cut(o, ":"); ok && d.Origins[field] != src {
					t.Errorf("%s came from %q, want %q", field, d.Origins[field], src)
				}
			}
		})
	}
}

// TestMetadataFromSiteInfo: a web page's info table is the first source.
func TestMetadataFromSiteInfo(t *testing.T) {
	page := `<html><head><title>关于印发方案的通知_政府文件</title></head><body>
<table><tr><td>发文机关：</td><td>瀚州市人民政府办公室</td><td>成文日期：</td><td>2021年06月18日</td></tr>
<tr><td>发文字号：</td><td>瀚政办〔2021〕33号</td><td>发布日期：</td><td>2021年06月25日</td></tr></table>
<div><p>关于印发方案的通知</p><p>一、便利就医</p><p>（一）保留号源。医疗机构保留号源。</p><p>某市某局</p><p>2021年6月20日</p></div></body></html>`
	d, err := readDocument(testReader, "p.html", []byte(page), false)
	if err != nil {
		t.Fatal(err)
	}
	inferMetadata(d)
	if d.Issuer != "瀚州市人民政府办公室" || d.Region != "瀚州市" || d.Number != "瀚政办〔2021〕33号" || d.Date.Format("2006-01-02") != "2021-06-18" {
		t.Errorf("issuer %q region %q number %q date %s", d.Issuer, d.Region, d.Number, d.Date.Format("2006-01-02"))
	}
	for _, f := range []string{"issuer", "number", "date"} {
		if d.Origins[f] != FromSiteInfo {
			t.Errorf("%s from %q, want the site's info", f, d.Origins[f])
		}
	}
}
