package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadInput: a file of exactly the limit is read whole, one byte more
// is refused before reading; a folder is refused; each error names the flag
// and the file.
func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "t.yaml")
	os.WriteFile(file, []byte("0123456789"), 0o644)
	if data, err := readInput("--taxonomy", file, 10); err != nil || string(data) != "0123456789" {
		t.Errorf("a file of the limit: %q, %v", data, err)
	}
	for _, c := range []struct {
		path  string
		limit int64
		want  string
	}{
		{file, 9, "--taxonomy " + file + ": 0 MiB, more than the 0 MiB such a file may be"},
		{dir, 10, "--taxonomy " + dir + ": is a folder; name a file"},
		{filepath.Join(dir, "none"), 10, "--taxonomy " + filepath.Join(dir, "none") + ": no such file or directory"},
	} {
		if _, err := readInput("--taxonomy", c.path, c.limit); err == nil || err.Error() != c.want {
			t.Errorf("readInput(%s, %d): %v, want %q", c.path, c.limit, err, c.want)
		}
	}
}
