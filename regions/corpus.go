package regions

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"policygap/regions/formats"
	"policygap/regions/model"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Level is a region's administrative level.
type Level string

const (
	LevelNational Level = "national" // a national ministry or commission
	LevelProvince Level = "province" // including province-level municipalities (重庆市)
	LevelCity     Level = "city"
	LevelCounty   Level = "county"
	LevelDistrict Level = "district"
)

var levelNames = map[string]Level{
	"national": LevelNational, "ministry": LevelNational, "国家部委": LevelNational, "部委": LevelNational, "国家": LevelNational,
	"province": LevelProvince, "省": LevelProvince, "省级": LevelProvince, "直辖市": LevelProvince, "自治区": LevelProvince,
	"city": LevelCity, "市": LevelCity, "地市": LevelCity, "地级市": LevelCity, "自治州": LevelCity,
	"county": LevelCounty, "县": LevelCounty, "县级": LevelCounty, "县级市": LevelCounty,
	"district": LevelDistrict, "区": LevelDistrict,
}

// Document is one source file and what is known of it.
type Document struct {
	File   string // base name: the measure record's "doc"
	Source string // where it was read from, for messages
	// Format is the reader that read it (txt, md, docx, html, pdf, doc→docx …);
	// Encoding how its text was decoded (UTF-8, GB18030, UTF-16LE …).
	Format, Encoding string
	Region           string
	Level            Level
	Parent           string // the region above, when known (福州市 -> 福建省)
	Issuer           string
	Number           string // document number: 厦府办〔2021〕2号
	Date             time.Time
	Scope            []string // areas or tasks the document sets out to cover; empty means all
	// Inferred names the fields read from the text rather than a manifest.
	Inferred []string
	SHA256   string
	Size     int
	Text     string
	Notes    []string // what the format reader remarked (a conversion, headers dropped)
	blocks   []model.Block
	lines    bool          // plain text: its lines are its paragraphs, blocks holds its tables (model.Document.Lines)
	info     []model.Field // what the file states about itself (a site's info table)
	norm     string        // Text's matching form, once normText has made it
}

// layout is the document's paragraphs and tables as its format gives
// them (model.Document's Blocks and Lines); a document made from text alone
// reads as plain text.
func (d *Document) layout() (blocks []model.Block, lines bool) {
	if d.blocks == nil && !d.lines {
		md := formats.TextDocument(d.Text)
		d.blocks, d.lines = md.Blocks, md.Lines
	}
	return d.blocks, d.lines
}

// normText is the matching form of the text, made once for metadata and
// segmentation both.
func (d *Document) normText() string {
	if d.norm == "" && d.Text != "" {
		d.norm = NormalizeString(d.Text)
	}
	return d.norm
}

// Region groups the documents of one region.
type Region struct {
	Name   string
	Level  Level
	Parent string
	Docs   []*Document
}

// Corpus is the set of documents of one run.
type Corpus struct {
	Documents []*Document
	// PDFStartup is how long the PDF engine took to start, if a PDF was read.
	PDFStartup time.Duration
}

// Regions lists the corpus's regions in the order their first document appears.
func (c *Corpus) Regions() []*Region {
	var out []*Region
	byName := map[string]*Region{}
	for _, d := range c.Documents {
		r := byName[d.Region]
		if r == nil {
			r = &Region{Name: d.Region, Level: d.Level, Parent: d.Parent}
			byName[d.Region] = r
			out = append(out, r)
		}
		r.Docs = append(r.Docs, d)
		if r.Parent == "" {
			r.Parent = d.Parent
		}
	}
	return out
}

// FileError is a problem with one input file; the other files are still read.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ManifestName is the file beside the documents that describes them.
const ManifestName = "manifest.csv"

var manifestColumns = []string{"file", "region", "level", "parent", "issuer", "number", "date", "scope"}

//go:embed corpus/*.txt corpus/manifest.csv
var defaultCorpus embed.FS

// DefaultCorpus is the bundled corpus: the five seed documents and their manifest.
func DefaultCorpus() (*Corpus, []error) {
	sub, _ := fs.Sub(defaultCorpus, "corpus")
	r := formats.NewReader()
	defer r.Close()
	return loadFS(r, sub, ".", "(bundled)")
}

// Load reads files and folders (recursively). Problems with single files are
// returned and do not stop the others; an error for a path that cannot be read
// at all is among them too.
func Load(paths []string) (*Corpus, []error) {
	c := &Corpus{}
	var errs []error
	r := formats.NewReader()
	defer r.Close()
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &FileError{p, err})
			continue
		}
		var sub *Corpus
		var e []error
		if info.IsDir() {
			sub, e = loadFS(r, os.DirFS(p), ".", p)
		} else {
			sub, e = loadFS(r, os.DirFS(filepath.Dir(p)), filepath.Base(p), filepath.Dir(p))
		}
		c.Documents = append(c.Documents, sub.Documents...)
		c.PDFStartup = max(c.PDFStartup, r.PDFStartup())
		errs = append(errs, e...)
	}
	return c, errs
}

// loadFS reads root (a folder or one file) from fsys. display is how paths
// are shown. Every file of a folder is read or reported, but its manifest,
// its README and hidden files (.DS_Store).
func loadFS(r *formats.Reader, fsys fs.FS, root, display string) (*Corpus, []error) {
	c := &Corpus{}
	var errs []error
	show := func(p string) string { return filepath.Join(display, filepath.FromSlash(p)) }
	var files []string
	manifests := map[string]map[string]manifestRow{} // folder -> file -> row
	walkErr := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &FileError{show(p), err})
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != root && p != "." {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Name() == ManifestName {
			rows, err := readManifest(fsys, p)
			if err != nil {
				errs = append(errs, &FileError{show(p), err})
			}
			manifests[path.Dir(p)] = rows
			return nil
		}
		if !isReadme(d.Name()) || p == root {
			files = append(files, p)
		}
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &FileError{display, walkErr})
	}
	sort.Strings(files)
	if root != "." { // a single file: its folder's manifest applies
		if rows, err := readManifest(fsys, ManifestName); err == nil {
			manifests["."] = rows
		} else if !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, &FileError{show(ManifestName), err})
		}
	}
	// files are read and decoded on every core; the order is kept
	docs := make([]*Document, len(files))
	fileErrs := make([]error, len(files))
	InOrder(len(files), func(i int) {
		p := files[i]
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			fileErrs[i] = &FileError{show(p), err}
			return
		}
		doc, err := readDocument(r, p, data, p == root)
		if err != nil {
			fileErrs[i] = &FileError{show(p), err}
			return
		}
		sum := sha256.Sum256(data)
		doc.Source, doc.SHA256 = show(p), hex.EncodeToString(sum[:])
		if row, ok := manifests[path.Dir(p)][doc.File]; ok {
			row.apply(doc) // the manifest is the truth: blank fields stay blank
		} else {
			inferMetadata(doc)
		}
		docs[i] = doc
	})
	for i := range files {
		if fileErrs[i] != nil {
			errs = append(errs, fileErrs[i])
		} else {
			c.Documents = append(c.Documents, docs[i])
		}
	}
	return c, errs
}

// readDocument reads one file's bytes with the reader its name calls for;
// alone (a file named on its own), one with an unknown ending is tried as
// text. Its metadata is not read yet.
func readDocument(r *formats.Reader, name string, data []byte, alone bool) (*Document, error) {
	md, err := r.Read(name, data)
	if err != nil && alone && formats.FormatOf(name) == "" {
		md, err = formats.ReadText(data)
	}
	if err != nil {
		return nil, err
	}
	return &Document{File: path.Base(name), Source: name, Format: md.Format, Encoding: md.Encoding,
		Text: md.Text, Notes: md.Notes, Size: len(data), blocks: md.Blocks, lines: md.Lines, info: md.Info}, nil
}

// InOrder runs fn(0) … fn(n-1) on every core. fn writes its result to its
// own index, so the order of the results is the order of the inputs.
func InOrder(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// isReadme: a folder's README describes the documents; it is not one of them.
func isReadme(name string) bool { return strings.HasPrefix(strings.ToUpper(name), "README") }

type manifestRow struct {
	region, level, parent, issuer, number, date, scope string
	line                                               int
}

func (r manifestRow) apply(d *Document) {
	d.Region, d.Level, d.Parent, d.Issuer, d.Number = r.region, Level(r.level), r.parent, r.issuer, r.number
	if r.date != "" {
		d.Date, _ = time.Parse(time.DateOnly, r.date)
	}
	if r.scope != "" {
		d.Scope = strings.FieldsFunc(r.scope, func(c rune) bool { return c == ' ' || c == ';' || c == '、' })
	}
}

// readManifest reads manifest.csv: a header naming the columns (file and
// region required; level, parent, issuer, number, date, scope optional), then
// one row per document. Every problem is reported with its line.
func readManifest(fsys fs.FS, p string) (map[string]manifestRow, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	table, problems, err := NewCSVTable(data, manifestColumns, []string{"file", "region"})
	if err != nil {
		return nil, fmt.Errorf("manifest has no header line: %w", err)
	}
	rows := map[string]manifestRow{}
	for {
		rec, err := table.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			problems = append(problems, err.Error())
			break
		}
		line, get := rec.Line, rec.Get
		row := manifestRow{region: get("region"), parent: get("parent"), issuer: get("issuer"),
			number: get("number"), date: get("date"), scope: get("scope"), line: line}
		if lv := get("level"); lv != "" {
			l, ok := levelNames[strings.ToLower(lv)]
			if !ok {
				problems = append(problems, fmt.Sprintf("line %d: unknown level %q (use national, province, city, county or district)", line, lv))
			}
			row.level = string(l)
		}
		if row.date != "" {
			if _, err := time.Parse(time.DateOnly, row.date); err != nil {
				problems = append(problems, fmt.Sprintf("line %d: date %q is not YYYY-MM-DD", line, row.date))
			}
		}
		f := get("file")
		switch {
		case f == "":
			problems = append(problems, fmt.Sprintf("line %d: empty file name", line))
		case row.region == "":
			problems = append(problems, fmt.Sprintf("line %d: %s has no region", line, f))
		case rows[f].line > 0:
			problems = append(problems, fmt.Sprintf("line %d: %s is listed twice (also line %d)", line, f, rows[f].line))
			continue
		}
		rows[f] = row
	}
	if len(problems) > 0 {
		return nil, errors.New("bad manifest:\n  " + strings.Join(problems, "\n  "))
	}
	return rows, nil
}

var (
	// a document number: an issuer's abbreviation, the year in 〔〕, a serial
	docNumberRe = regexp.MustCompile(`[〔\[［]\s*((?:19|20)\d{2})\s*[〕\]］]\s*(\d{1,4})\s*号`)
	docDateRe   = regexp.MustCompile(`(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:成文日期|发布日期)\s*[:：]\s*((?:19|20)\d{2}-\d{2}-\d{2})`)
	// a signature: the issuing body, then the date it signed
	signatureRe = regexp.MustCompile(`(?:办公厅|办公室|人民政府|委员会|部|局)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)`)
	issuerRe    = regexp.MustCompile(`^(?:#+\s*)?([\p{Han}、 ]{2,60}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|委员会|局|厅|部))\s*(?:关于|印发|文件)`)
	regionRe    = regexp.MustCompile(`^([\p{Han}]{2,12}?(?:自治区|自治州|省|市|县|区|盟|旗)|[\p{Han}]{1,6}部)`)
)

// inferMetadata fills what the manifest did not give from the text, and
// records which fields were inferred.
func inferMetadata(d *Document) {
	norm := d.normText()
	lines := strings.Split(norm, "\n")
	if d.Issuer == "" {
		d.Issuer = inferIssuer(lines)
		if d.Issuer != "" {
			d.Inferred = append(d.Inferred, "issuer")
		}
	}
	if d.Region == "" {
		if m := regionRe.FindString(d.Issuer); m != "" {
			d.Region = m
		} else {
			d.Region = strings.TrimSuffix(d.File, path.Ext(d.File))
		}
		d.Inferred = append(d.Inferred, "region")
	}
	if d.Level == "" {
		d.Level = levelOf(d.Region)
		d.Inferred = append(d.Inferred, "level")
	}
	if d.Number == "" {
		if n := inferNumber(norm[:min(len(norm), 8000)]); n != "" {
			d.Number = n
			d.Inferred = append(d.Inferred, "number")
		}
	}
	if d.Date.IsZero() {
		if t, ok := inferDate(norm, lines); ok {
			d.Date = t
			d.Inferred = append(d.Inferred, "date")
		}
	}
}

// inferIssuer reads the issuing body from the title line ("X关于…", "X印发…",
// "X文件"), or from the line before a title that starts with 关于.
func inferIssuer(lines []string) string {
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
			return strings.TrimSpace(m[1])
		}
		if strings.HasPrefix(line, "关于") && issuerLine.MatchString(prev) {
			return prev
		}
		prev = line
	}
	return ""
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
		if n := []rune(prefix); len(n) > 8 {
			prefix = string(n[len(n)-8:])
		}
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
// issuer's name) to the publication date (发布日期).
func inferDate(norm string, lines []string) (time.Time, bool) {
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
		return t, true
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		date := ""
		if len(line) <= 40 && docDateRe.MatchString(line) && isDateLine(line) {
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
			return d.Date, true
		}
	}
	return field("发布日期")
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
	}
	return LevelCounty
}
