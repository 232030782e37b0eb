// Package compare is the third pipeline stage: from the measures of all
// regions and the taxonomy, it maps every measure (map.go) and computes one
// read-only comparison of coverage and gaps. eval.go scores the mapping
// against hand-made gold labels.
package compare
