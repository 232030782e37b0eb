package regions

import (
	"io/fs"
	"testing"
)

// BenchmarkIngestSegment measures ingest (decode, metadata) + segmentation +
// unit and deadline extraction over the bundled seed corpus, in MB/s of input.
func BenchmarkIngestSegment(b *testing.B) {
	sub, _ := fs.Sub(defaultCorpus, "corpus")
	names, _ := fs.Glob(sub, "*.txt")
	var files [][]byte
	total := 0
	for _, n := range names {
		data, _ := fs.ReadFile(sub, n)
		files = append(files, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			text, err := Decode(names[i], data)
			if err != nil {
				b.Fatal(err)
			}
			doc := &Document{File: names[i], Text: text}
			inferMetadata(doc)
			if _, err := Segment(doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}
