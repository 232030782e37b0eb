package outset

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// RecordName is the file in every set that lists its files: a reader can
// check that what it cites is what the run wrote, and the next run knows the
// folder for a set of outputs.
const RecordName = "policygap-run.json"

// File is one output of a set.
type File struct {
	Path   string `json:"path"` // below the set's folder, with forward slashes
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// writeRecord hashes every file below dir and writes RecordName there.
func writeRecord(dir string, extra map[string]any) error {
	files, err := hashAll(dir)
	if err != nil {
		return err
	}
	rec := map[string]any{}
	for k, v := range extra {
		rec[k] = v
	}
	rec["tool"] = "policygap"
	rec["written"] = time.Now().UTC().Format(time.RFC3339)
	rec["files"] = files
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, RecordName), append(data, '\n'), 0o644)
}

// hashAll lists the files below dir (but the record) with their hashes,
// computed on every core.
func hashAll(dir string) ([]File, error) {
	var files []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == RecordName {
			return err
		}
		files = append(files, File{Path: filepath.ToSlash(rel)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			files[i].Bytes, files[i].SHA256, errs[i] = hashFile(filepath.Join(dir, filepath.FromSlash(files[i].Path)))
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

// Verify checks that dir holds exactly the files its record lists, each
// with its size and hash: the set is whole and from one run.
func Verify(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, RecordName))
	if err != nil {
		return fmt.Errorf("no record of the set: %w", pathErr(err))
	}
	var rec struct {
		Files []File `json:"files"`
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return fmt.Errorf("%s: %v", RecordName, err)
	}
	have, err := hashAll(dir)
	if err != nil {
		return err
	}
	want := map[string]File{}
	for _, f := range rec.Files {
		want[f.Path] = f
	}
	for _, f := range have {
		w, ok := want[f.Path]
		switch {
		case !ok:
			return fmt.Errorf("%s is not in the set's record", f.Path)
		case w != f:
			return fmt.Errorf("%s is not the file the run wrote (%d bytes, sha256 %.12s…; recorded %d bytes, %.12s…)", f.Path, f.Bytes, f.SHA256, w.Bytes, w.SHA256)
		}
		delete(want, f.Path)
	}
	for p := range want {
		return fmt.Errorf("%s is missing", p)
	}
	return nil
}
