//go:build !golden

package taxonomy_test

import (
	"testing"

	"policygap/taxonomy"
)

// writeGolden needs the reading of the corpora, built in with -tags golden.
func writeGolden(t *testing.T, _ *taxonomy.Matcher) {
	t.Fatal("rewriting the golden file reads the corpora: go test -tags golden ./taxonomy -run TestMatchGolden -update")
}
