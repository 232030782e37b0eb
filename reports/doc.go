// Package reports is the fourth pipeline stage: from the comparison it builds
// what each audience reads, in Chinese or English, with no format in it.
//
//   - record.go: the measure record (the contract of ../shared/DESIGN.md).
//   - results.go: the whole run (manifest, comparison, records, changes) that
//     results.json carries and a later run takes as its baseline.
//   - brief.go: a region's brief for its leaders.
//   - overview.go: the commission's view of all regions.
//   - ledger.go: the work ledger (工作台账) rows planners fill in.
//   - lang.go: the labels, in Chinese and English.
//
// Renderers (render/...) only format these; nothing here opens a file.
package reports
