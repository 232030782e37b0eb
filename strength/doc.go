// Package strength reads how binding a measure is (约束力): the level of its
// wording (mandatory, directive, encouraging or descriptive), the quantified
// targets it sets (不少于30%, 全覆盖, 每年培训5000人次), and, with the
// measure's lead and deadline, how actionable it is (可操作性).
//
//   - strength.yaml: the words (data, not code): obligations, modals, the
//     verbs that only encourage, the compounds that merely contain a cue,
//     target units and totalities.
//   - rules.go: strict decoding and validation of that file.
//   - level.go: clauses, the scope of an encouraging verb, and the level.
//   - targets.go: numbers with units, and totalities, that bound an outcome.
//   - actionability.go: the 0–4 score and what is missing.
//
// Like taxonomy, strength reads plain text in matching form and knows nothing
// of the other stages; compare calls it for every measure.
package strength
