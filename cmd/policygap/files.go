package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Bounds of the files flags name besides the documents: a national run's
// results.json is a few hundred MB.
const (
	maxSmallInput    = 64 << 20 // --taxonomy, --overrides
	maxBaselineInput = 2 << 30  // --baseline
)

// readInput reads the file a flag names: a regular file no larger than
// limit, checked before reading (a named pipe would block, a device never
// ends), or an error that names the flag, the file and the problem.
func readInput(flag, path string, limit int64) ([]byte, error) {
	fail := func(err error) ([]byte, error) { return nil, fmt.Errorf("%s %s: %w", flag, path, err) }
	info, err := os.Stat(path)
	if err != nil {
		return fail(plainError(err))
	}
	switch {
	case info.IsDir():
		return fail(errors.New("is a folder; name a file"))
	case !info.Mode().IsRegular():
		return fail(errors.New("not a regular file (a pipe, device or socket): not read"))
	case info.Size() > limit:
		return fail(fmt.Errorf("%d MiB, more than the %d MiB such a file may be", info.Size()>>20, limit>>20))
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(plainError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return fail(plainError(err))
	}
	if int64(len(data)) > limit {
		return fail(fmt.Errorf("grew past %d MiB while read", limit>>20))
	}
	return data, nil
}

// plainError drops Go's operation and path from a file error: the message
// names the file already ("open x: permission denied" -> "permission denied").
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
