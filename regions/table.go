package regions

func tableStart(src *source) (int, bool) { return 0, false }

func segmentTable(doc *Document, src *source, start int) []Measure { return nil }
