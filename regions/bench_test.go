package regions

import (
	"io/fs"
	"testing"
)

// seedFiles is the bundled seed corpus: names and contents.
func seedFiles(b *testing.B) ([]string, [][]byte) {
	sub, _ := fs.Sub(defaultCorpus, "corpus")
	names, _ := fs.Glob(sub, "*.txt")
	var files [][]byte
	for _, n := range names {
		data, err := fs.ReadFile(sub, n)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	return names, files
}

// ingestSegment decodes a document, infers its metadata (as for a folder
// without a manifest) and segments it, with units and deadlines.
func ingestSegment(b *testing.B, name string, data []byte) {
	doc, err := readDocument(testReader, name, data, false)
	if err != nil {
		b.Fatal(err)
	}
	inferMetadata(doc)
	if _, err := Segment(doc); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkIngestSegment measures ingest (decode, metadata) + segmentation +
// unit and deadline extraction over the bundled seed corpus, in MB/s of input.
func BenchmarkIngestSegment(b *testing.B) {
	names, files := seedFiles(b)
	total := 0
	for _, data := range files {
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			ingestSegment(b, names[i], data)
		}
	}
}

// BenchmarkIngestSegmentDoc is the same, one seed document at a time.
func BenchmarkIngestSegmentDoc(b *testing.B) {
	names, files := seedFiles(b)
	for i, data := range files {
		b.Run(names[i], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ingestSegment(b, names[i], data)
			}
		})
	}
}
