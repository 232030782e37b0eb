package eval

import (
	"embed"
	"io/fs"
)

//go:embed gold/*.jsonl gold/strength/*.jsonl
var seedGold embed.FS

// SeedGold is the gold labels of the bundled seeds (eval/gold), in the
// binary: `policygap eval` scores the bundled corpus from any folder.
func SeedGold() fs.FS {
	sub, _ := fs.Sub(seedGold, "gold")
	return sub
}
