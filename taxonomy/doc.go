// Package taxonomy is the yardstick of the pipeline: the national plan
// 国办发〔2020〕45号 as data, and the matcher that maps a measure's text onto it.
//
//   - taxonomy.yaml: areas, tasks, provisions, terms and milestones (data, not code).
//   - taxonomy.go: strict decoding and validation, with every problem's line.
//   - automaton.go: an Aho-Corasick automaton, so all terms are found in one pass.
//   - match.go: scores tasks from term hits, the section heading and the title,
//     and returns ranked tasks, provisions and the evidence behind them.
//
// taxonomy knows nothing of the other stages: its input is plain normalised text.
package taxonomy
