// Package regions is the first pipeline stage: it turns regional documents into
// measures (措施), each with its section path, responsible units (责任单位) and deadline.
//
// The files (formats → document → layout readers → extraction → corpus):
//   - formats/ (its own package): one reader per file format, into the
//     document model of document/ (paragraphs and tables over one text).
//   - corpus.go: Document and Region, loading files and folders, the bundled
//     default corpus, the manifest (manifest.csv); metadata.go: the metadata a
//     document states about itself when no manifest gives it, and its source.
//   - normalize.go: a rune-aligned matching form of the text (traditional to
//     simplified, full-width to half-width), so every measure keeps its original
//     characters while rules match the normalised ones; source.go: the text in
//     both forms, indexed by rune.
//   - segment.go: Segment, which chooses the layout readers for each part of a
//     document: tables.go (task tables by their header row), flattable.go (a
//     task table that reached us flattened into text), paragraphs.go and
//     numbering.go (paragraphs, outline labels, run-in titles, circled items),
//     outline.go (the numbered outline and its items), fields.go (labelled
//     lines: 责任单位：…), fallback.go (paragraphs that state an action).
//   - units.go: responsible units and leads; deadline.go: deadlines normalised
//     to the last day of the named period.
//   - gold.go: gold labels and segmentation scores, as ../shared/eval/score.py
//     computes them.
//
// regions knows nothing of the taxonomy or of any later stage.
package regions
