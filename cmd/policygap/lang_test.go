package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
)

// Both languages complete: every output of the bundled corpus rendered in
// English holds Chinese only where the documents do (their text, names,
// units, deadlines, sections, issuers, file names) and in the plan's
// number 国办发〔2020〕45号; rendered in Chinese, English words only where the
// documents have them, in ids, codes and file formats.
func TestLanguagesComplete(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		out := filepath.Join(t.TempDir(), "out")
		if _, stderr, err := runInProcess(t, "report", "--out", out, "--as-of", "2022-06-30", "--lang", lang, "-q"); err != nil {
			t.Fatal(err, stderr)
		}
		corpus := documentWords(t, out)
		check := func(where, text string) {
			if lang == "en" {
				for _, run := range hanRuns(text) {
					if !strings.Contains(corpus, run) && !strings.Contains("国办发〔2020〕45号", run) {
						t.Errorf("en %s: Chinese outside the documents: %q in %.120q", where, run, text)
						return
					}
				}
				return
			}
			for _, w := range latinWord.FindAllString(hexCode.ReplaceAllString(text, " "), -1) {
				if !strings.Contains(corpus, w) && !allowedInChinese[strings.ToLower(w)] {
					t.Errorf("zh %s: an English word outside the documents: %q in %.120q", where, w, text)
					return
				}
			}
		}
		// the workbook: every cell of every sheet
		f, err := excelize.OpenFile(filepath.Join(out, "workbook.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			check("workbook sheet name", sheet)
			rows, _ := f.GetRows(sheet)
			for i, row := range rows {
				for _, cell := range row {
					check("workbook "+sheet+" row "+strconv.Itoa(i+1), cell)
				}
			}
		}
		f.Close()
		// the dashboard: the text of the page outside its scripts, and the
		// labels its script shows
		page, _ := os.ReadFile(filepath.Join(out, "dashboard.html"))
		z := html.NewTokenizer(strings.NewReader(string(page)))
		inScript := false
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			switch tt {
			case html.StartTagToken, html.EndTagToken:
				name, _ := z.TagName()
				if string(name) == "script" || string(name) == "style" {
					inScript = tt == html.StartTagToken
				}
				for {
					k, v, more := z.TagAttr()
					if string(k) == "title" || string(k) == "placeholder" || string(k) == "aria-label" {
						check("dashboard attribute", string(v))
					}
					if !more {
						break
					}
				}
			case html.TextToken:
				if !inScript {
					check("dashboard", string(z.Text()))
				}
			}
		}
		var data struct{ Labels map[string]string }
		if m := regexp.MustCompile(`<script type="application/json" id="pg-data">(.*?)</script>`).FindSubmatch(page); m == nil || json.Unmarshal(m[1], &data) != nil {
			t.Fatal("no dashboard data")
		}
		for k, v := range data.Labels {
			check("dashboard label "+k, v)
		}
		// the briefs, as pdftotext reads them
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Log("pdftotext is not installed: the briefs are not checked")
			continue
		}
		briefs, _ := filepath.Glob(filepath.Join(out, "briefs", "*.pdf"))
		for _, b := range briefs {
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", b, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(text), "\n") {
				check(filepath.Base(b), strings.TrimRight(line, "…"))
			}
		}
	}
}

var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// hexCode: hashes, which may read as letters; flags and file names, which
// are code.
var hexCode = regexp.MustCompile(`\b[0-9a-f]{12,}\b|--[a-z-]+|\b[a-z]+\.(yaml|xlsx|json|csv|pdf|html)\b`)

// allowedInChinese: names of tools, formats and codes a Chinese output may
// print as they are.
var allowedInChinese = map[string]bool{"policygap": true, "report": true, "brief": true, "scope": true, "province": true,
	"excel": true, "pdf": true, "xlsx": true, "json": true, "csv": true, "html": true, "sha": true, "txt": true, "docx": true, "md": true}

// documentWords is every text the run read from its documents and their
// metadata, joined: what the outputs may quote in any language.
func documentWords(t *testing.T, out string) string {
	t.Helper()
	var res struct {
		Manifest struct {
			Inputs []struct{ File, Source, Region, Parent, Issuer, Number string }
		}
		Measures []struct {
			Region, Doc, Plan, Section, Title, Text string
			Units, Lead                             []string
			Deadline                                struct{ Raw string }
		}
	}
	b, _ := os.ReadFile(filepath.Join(out, "results.json"))
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	// the taxonomy's terms: the words searched for in the documents, shown
	// as evidence and as what was searched; 时间银行, the search box's example
	terms, _, err := runInProcess(t, "taxonomy", "--format", "terms")
	if err != nil {
		t.Fatal(err)
	}
	parts := []string{terms, "时间银行"}
	for _, in := range res.Manifest.Inputs {
		parts = append(parts, in.File, in.Source, in.Region, in.Parent, in.Issuer, in.Number)
	}
	for _, m := range res.Measures {
		parts = append(parts, m.Region, m.Doc, m.Plan, m.Section, m.Title, m.Text, m.Deadline.Raw)
		parts = append(parts, m.Units...)
		parts = append(parts, m.Lead...)
	}
	return strings.Join(parts, "\x00")
}

// hanRuns are the runs of Chinese characters and Chinese punctuation in s.
func hanRuns(s string) []string {
	var runs []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			cur = append(cur, r)
			continue
		}
		flush()
	}
	flush()
	return runs
}
