// Package regions is the first pipeline stage: it turns regional documents into
// measures (措施), each with its section path, responsible units (责任单位) and deadline.
//
// How the files divide the work:
//   - corpus.go: Document and Region, the bundled default corpus, the manifest
//     (manifest.csv) and the metadata inferred when a document has none.
//   - decode.go: bytes to text: UTF-8/UTF-16/GB18030 detection, .docx and .html.
//   - normalize.go: a rune-aligned matching form of the text (traditional to
//     simplified, full-width to half-width), so every measure keeps its original
//     characters while rules match the normalised ones.
//   - segment.go: numbered outlines (一、 /（一）/ 1. / （1） / ① …) into measures.
//   - table.go: task tables flattened into interleaved cells (序号/重点任务/责任单位/完成时限).
//   - units.go: responsible units and lead units.
//   - deadline.go: deadlines normalised to the last day of the named period.
//
// regions knows nothing of the taxonomy or of any later stage.
package regions
