// Package eval scores the pipeline against hand-made gold labels: which gold
// measures the segmentation found, with what units and deadline (gold.go),
// and whether the mapping put each on its gold task (mapping.go), counted as
// ../shared/eval/score.py counts them. It is evaluation, not reading: it
// depends on regions and compare, and nothing depends on it but the eval
// command and the accuracy tests (accuracy_test.go).
package eval
