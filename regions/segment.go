package regions

import "fmt"

// Segment splits a document into measures. It fails when the document holds
// no measure it can recognise. The text must be valid UTF-8, as Decode makes it.
func Segment(doc *Document) ([]Measure, error) {
	src, ok := newSource(doc.Text, doc.norm) // the matching form made for the metadata, if it was
	doc.norm = ""                            // the measures keep what they need; the document need not hold a second copy
	if !ok {
		return nil, fmt.Errorf("the text is not valid UTF-8")
	}
	var ms []Measure
	if start, ok := tableStart(src); ok {
		ms = segmentTable(doc, src, start)
	} else {
		ms = segmentOutline(doc, buildOutline(src, doc.Date.Year()))
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("no recognisable measures in %d bytes of text (no numbered items such as 一、 /（一）/ 1. and no task table)", len(doc.Text))
	}
	return ms, nil
}
