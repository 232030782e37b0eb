package outset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Set is an output folder being replaced. The renderers write into Dir();
// Commit puts that folder in the destination's place at once; Abort (or a
// killed run) leaves the destination as it was.
type Set struct {
	dest, parent, base string
	staging            string
	owned              map[string]bool // name -> is a folder
	lock               *lock
	done               bool
}

// Leftover names: beside the destination, the staging folder of a run and
// the previous set while two renames replace it; inside it, what versions
// before this package left (their staging folders and briefs.old).
const (
	newTag = ".policygap-new-"
	oldTag = ".policygap-old-"
)

// Begin takes dest's lock (calling wait, if another run holds it, before
// waiting for it), completes or undoes what a stopped run left, and checks
// that dest holds nothing but a set's outputs: owned names each output (true
// for a folder). It makes the staging folder beside dest.
func Begin(dest string, owned map[string]bool, wait func(lockFile string)) (*Set, error) {
	if strings.TrimSpace(dest) == "" {
		return nil, errors.New("--out is empty: name the folder to write the outputs to")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	s := &Set{dest: abs, parent: filepath.Dir(abs), base: filepath.Base(abs), owned: owned}
	if s.base == string(filepath.Separator) || s.base == "." || abs == s.parent {
		return nil, fmt.Errorf("--out %s is the root of the file system: name a folder for the outputs", dest)
	}
	if err := os.MkdirAll(s.parent, 0o755); err != nil {
		return nil, fmt.Errorf("--out %s: %w", dest, pathErr(err))
	}
	if s.lock, err = takeLock(filepath.Join(s.parent, "."+s.base+".policygap.lock"), wait); err != nil {
		return nil, fmt.Errorf("--out %s: cannot take its lock: %w", dest, pathErr(err))
	}
	fail := func(err error) (*Set, error) {
		s.lock.release()
		return nil, err
	}
	if err := s.recover(); err != nil {
		return fail(fmt.Errorf("--out %s: cleaning up after a stopped run: %w", dest, pathErr(err)))
	}
	if err := s.checkDest(dest); err != nil {
		return fail(err)
	}
	if s.staging, err = os.MkdirTemp(s.parent, "."+s.base+newTag); err != nil {
		return fail(fmt.Errorf("--out %s: %w", dest, pathErr(err)))
	}
	os.Chmod(s.staging, 0o755) // MkdirTemp's 0700 would become the output folder's
	return s, nil
}

// Dir is the staging folder: the new set is written here.
func (s *Set) Dir() string { return s.staging }

// Dest is the destination folder, absolute.
func (s *Set) Dest() string { return s.dest }

// Commit records the staged files (policygap-run.json, with extra's fields)
// and puts the staging folder in dest's place; the previous set is removed.
func (s *Set) Commit(extra map[string]any) error {
	if s.done {
		return errors.New("output set already committed or aborted")
	}
	if err := writeRecord(s.staging, extra); err != nil {
		return err
	}
	old, err := s.swap()
	if err != nil {
		return fmt.Errorf("putting the outputs in place in %s: %w", s.dest, pathErr(err))
	}
	s.done = true
	if old != "" {
		os.RemoveAll(old)
	}
	s.lock.release()
	return nil
}

// Abort removes the staging folder and leaves dest as it was. After Commit
// it does nothing, so it can be deferred.
func (s *Set) Abort() {
	if s.done {
		return
	}
	s.done = true
	os.RemoveAll(s.staging)
	s.lock.release()
}

// swap puts staging in dest's place and returns where the previous set now
// is ("" when there was none).
func (s *Set) swap() (string, error) {
	if _, err := os.Lstat(s.dest); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(s.staging, s.dest)
	}
	if err := exchange(s.staging, s.dest); err == nil {
		return s.staging, nil
	} else if !errors.Is(err, errNoExchange) {
		return "", err
	}
	// two renames: between them dest does not exist, and the next run's
	// recover puts back whichever set is whole
	old := filepath.Join(s.parent, "."+s.base+oldTag+filepath.Base(s.staging)[len("."+s.base+newTag):])
	if err := os.Rename(s.dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(s.staging, s.dest); err != nil {
		os.Rename(old, s.dest)
		return "", err
	}
	return old, nil
}

// recover finishes what a stopped run left beside dest: if dest is missing
// while a previous set waits under its old name, that set goes back (the
// new one may not be whole); then every staging and old folder is removed.
func (s *Set) recover() error {
	entries, err := os.ReadDir(s.parent)
	if err != nil {
		return err
	}
	var olds, news []string
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, "."+s.base+oldTag):
			olds = append(olds, name)
		case strings.HasPrefix(name, "."+s.base+newTag):
			news = append(news, name)
		}
	}
	if _, err := os.Lstat(s.dest); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		last := olds[len(olds)-1]
		if err := os.Rename(filepath.Join(s.parent, last), s.dest); err != nil {
			return err
		}
		olds = olds[:len(olds)-1]
	}
	for _, name := range slices.Concat(olds, news) {
		if err := os.RemoveAll(filepath.Join(s.parent, name)); err != nil {
			return err
		}
	}
	return nil
}

// checkDest: dest is missing, or a folder holding only a set's files.
func (s *Set) checkDest(shown string) error {
	info, err := os.Lstat(s.dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", shown, pathErr(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("--out %s is a %s, not a folder: name a folder for the outputs", shown, kind(info.Mode()))
	}
	entries, err := os.ReadDir(s.dest)
	if err != nil {
		return fmt.Errorf("--out %s: %w", shown, pathErr(err))
	}
	var foreign []string
	for _, e := range entries {
		name := e.Name()
		isDir, ok := s.owned[name]
		switch {
		case name == RecordName && !e.IsDir(),
			ok && isDir == e.IsDir() && e.Type()&fs.ModeSymlink == 0,
			e.IsDir() && (strings.HasPrefix(name, ".policygap-") || strings.HasSuffix(name, ".old")): // left by earlier versions
		default:
			if e.IsDir() {
				name += string(filepath.Separator)
			}
			foreign = append(foreign, name)
		}
	}
	if len(foreign) == 0 {
		return nil
	}
	more := ""
	if len(foreign) > 5 {
		more = fmt.Sprintf(" and %d more", len(foreign)-5)
		foreign = foreign[:5]
	}
	return fmt.Errorf("--out %s holds what policygap did not write (%s%s): a report replaces that folder whole, so name an empty or new folder, or one that holds only an earlier report",
		shown, strings.Join(foreign, ", "), more)
}

// kind names a file's type for a message.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "file"
}

// pathErr drops Go's operation name from a path error ("open x: permission
// denied" -> "x: permission denied").
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Errorf("%s -> %s: %w", le.Old, le.New, le.Err)
	}
	return err
}
