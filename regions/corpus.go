package regions

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"policygap/regions/document"
	"policygap/regions/formats"
)

// Level is a region's administrative level.
type Level string

const (
	LevelNational Level = "national" // a national ministry or commission
	LevelProvince Level = "province" // including province-level municipalities (重庆市)
	LevelCity     Level = "city"
	LevelCounty   Level = "county"
	LevelDistrict Level = "district"
	LevelUnknown  Level = "unknown" // a region whose name does not tell its level
)

var levelNames = map[string]Level{
	"national": LevelNational, "ministry": LevelNational, "国家部委": LevelNational, "部委": LevelNational, "国家": LevelNational,
	"province": LevelProvince, "省": LevelProvince, "省级": LevelProvince, "直辖市": LevelProvince, "自治区": LevelProvince,
	"city": LevelCity, "市": LevelCity, "地市": LevelCity, "地级市": LevelCity, "自治州": LevelCity,
	"county": LevelCounty, "县": LevelCounty, "县级": LevelCounty, "县级市": LevelCounty,
	"district": LevelDistrict, "区": LevelDistrict,
	"unknown": LevelUnknown, "未知": LevelUnknown,
}

// Name is how measures and reports name the document: its path below the
// folder given (sub/a.docx), which keeps two files of one name apart.
func (d *Document) Name() string {
	if d.Rel != "" {
		return d.Rel
	}
	return d.File
}

// Document is one source file and what is known of it.
type Document struct {
	File   string // base name
	Source string // where it was read from, for messages
	Rel    string // its path below the folder given (its name when given alone), as a manifest names it: the measure record's "doc"
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
	// Inferred names the fields read from the file rather than a manifest;
	// Origins says, per field, where its value came from (FromManifest,
	// FromSiteInfo, FromTitle …).
	Inferred []string
	Origins  map[string]string
	SHA256   string
	Size     int
	Text     string
	Notes    []string // what the format reader remarked (a conversion, headers dropped)
	blocks   []document.Block
	lines    bool             // plain text: its lines are its paragraphs, blocks holds its tables (document.Document.Lines)
	info     []document.Field // what the file states about itself (a site's info table)
	norm     string           // Text's matching form, once normText has made it
}

// layout is the document's paragraphs and tables as its format gives
// them (document.Document's Blocks and Lines); a document made from text alone
// reads as plain text.
func (d *Document) layout() (blocks []document.Block, lines bool) {
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

func (e *FileError) Error() string { return QuoteName(e.File) + ": " + e.Err.Error() }

// QuoteName is a file name for a message: quoted, escapes and all, when it
// holds a line break or another control character that would garble the
// message or pass for a second one.
func QuoteName(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7F || r == 0x2028 || r == 0x2029 }) {
		return strconv.Quote(s)
	}
	return s
}
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
			errs = append(errs, &FileError{p, plainPathError(err)})
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
	c.Documents, errs = dropRepeats(c.Documents, errs)
	return c, errs
}

// dropRepeats keeps the first of documents that are one file reached twice
// (two --in naming it, a link), or whose measures would share keys with an
// earlier one's (one region, one path below their folders); the others are
// reported.
func dropRepeats(docs []*Document, errs []error) ([]*Document, []error) {
	files := map[string]*Document{}
	keys := map[string]*Document{}
	kept := docs[:0]
	for _, d := range docs {
		real, err := filepath.Abs(d.Source)
		if err == nil {
			if r, err := filepath.EvalSymlinks(real); err == nil {
				real = r
			}
		}
		if first, ok := files[real]; ok {
			errs = append(errs, &FileError{d.Source, fmt.Errorf("the same file as %s, read already", QuoteName(first.Source))})
			continue
		}
		key := d.Region + "/" + d.Name()
		if first, ok := keys[key]; ok {
			errs = append(errs, &FileError{d.Source, fmt.Errorf("its measures would have the keys of %s's (region %s, path %s below both folders): not read; rename one of them or read them in separate runs", QuoteName(first.Source), d.Region, QuoteName(d.Name()))})
			continue
		}
		files[real], keys[key] = d, d
		kept = append(kept, d)
	}
	return kept, errs
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
			if p != root && isOutputSet(fsys, p) {
				errs = append(errs, &FileError{show(p), errors.New("a folder of policygap's outputs (it holds " + OutputRecord + "): not read as documents")})
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, p); err == nil && info.IsDir() {
				errs = append(errs, &FileError{show(p), errors.New("a link to a folder, not followed: name the folder itself with --in")})
				return nil
			}
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
	if root == "." {
		errs = append(errs, unlisted(manifests, files, show)...)
	}
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
		data, err := readFile(fsys, p)
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
		doc.Rel = p
		if p == root {
			doc.Rel = path.Base(p)
		}
		if row, ok := manifestRowOf(manifests, p); ok {
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

// OutputRecord is the file that marks a folder of policygap's outputs (see
// package outset); such a folder is never read as documents.
const OutputRecord = "policygap-run.json"

func isOutputSet(fsys fs.FS, dir string) bool {
	_, err := fs.Stat(fsys, path.Join(dir, OutputRecord))
	return err == nil
}

// readFile reads one file, refusing before it reads what is not a regular
// file (a named pipe would block, a device never ends) and what is larger
// than a document may be; a file that grows while read is cut off there.
func readFile(fsys fs.FS, p string) ([]byte, error) {
	info, err := fs.Stat(fsys, p) // follows a symbolic link
	if err != nil {
		return nil, plainPathError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file but a %s: not read", fileKind(info.Mode()))
	}
	if info.Size() > formats.MaxDocumentBytes {
		return nil, fmt.Errorf("file is %d MiB, more than the %d MiB a document may have: not read", info.Size()>>20, formats.MaxDocumentBytes>>20)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, plainPathError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, formats.MaxDocumentBytes+1))
	if err != nil {
		return nil, plainPathError(err)
	}
	if len(data) > formats.MaxDocumentBytes {
		return nil, fmt.Errorf("file grew past the %d MiB a document may have while it was read: not read", formats.MaxDocumentBytes>>20)
	}
	return data, nil
}

// fileKind names a file's type for a message.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// plainPathError is err without Go's operation name and path ("open a.txt:
// permission denied" -> "permission denied"): messages name the file already.
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// unlisted reports the manifest rows that name no file of the folder: a
// typo there would leave a document's metadata to be guessed.
func unlisted(manifests map[string]map[string]manifestRow, files []string, show func(string) string) []error {
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	var errs []error
	for _, dir := range slices.Sorted(maps.Keys(manifests)) {
		rows := manifests[dir]
		var missing []string
		for _, name := range slices.Sorted(maps.Keys(rows)) {
			if !have[path.Join(dir, name)] {
				missing = append(missing, fmt.Sprintf("line %d: %s", rows[name].line, name))
			}
		}
		if len(missing) > 0 {
			errs = append(errs, &FileError{show(path.Join(dir, ManifestName)), fmt.Errorf("names files that are not in its folder (%s)", strings.Join(missing, "; "))})
		}
	}
	return errs
}

// manifestRowOf finds a file's manifest row: in its folder's manifest by
// its name, or in a manifest of a folder above it by its path from there
// (sub/a.docx), the nearest first.
func manifestRowOf(manifests map[string]map[string]manifestRow, p string) (manifestRow, bool) {
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		rel := strings.TrimPrefix(p, dir+"/")
		if dir == "." {
			rel = p
		}
		if row, ok := manifests[dir][rel]; ok {
			return row, true
		}
		if dir == "." || dir == "/" {
			return manifestRow{}, false
		}
	}
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
	d.Origins = map[string]string{}
	for field, v := range map[string]string{"region": r.region, "level": r.level, "parent": r.parent, "issuer": r.issuer,
		"number": r.number, "date": r.date, "scope": r.scope} {
		if v != "" {
			d.Origins[field] = FromManifest
		}
	}
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
	data, err := readFile(fsys, p)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil // an empty manifest (one a shell just created to write into) describes nothing
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
				problems = append(problems, fmt.Sprintf("line %d: unknown level %q (use national, province, city, county, district or unknown)", line, lv))
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
