package regions

import "testing"

func BenchmarkStages(b *testing.B) {
	names, files := seedFiles(b)
	total := 0
	for _, d := range files {
		total += len(d)
	}
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for i, data := range files {
				stageDecode(b, names[i], data)
			}
		}
	})
	docs := make([]*Document, len(files))
	for i, data := range files {
		docs[i] = stageDecode(b, names[i], data)
	}
	b.Run("metadata", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, d := range docs {
				c := *d
				c.Inferred = nil
				c.Region, c.Level, c.Issuer, c.Number = "", "", "", ""
				inferMetadata(&c)
			}
		}
	})
	for _, d := range docs {
		inferMetadata(d)
	}
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, d := range docs {
				c := *d
				if _, err := Segment(&c); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func stageDecode(b *testing.B, name string, data []byte) *Document {
	d, err := readDocument(testReader, name, data, false)
	if err != nil {
		b.Fatal(err)
	}
	return d
}
