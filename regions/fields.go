package regions

import (
	"strings"
)

// labelField is what a labelled line names: 责任单位：…, 牵头单位：…,
// 配合单位：…, 完成时限：… (the same labels inside a units parenthesis).
type labelField uint8

const (
	fieldNone     labelField = iota
	fieldUnits               // responsible units, 牵头 marked where it is
	fieldLead                // the lead units
	fieldPartner             // the units that take part
	fieldDeadline            // the deadline
)

// fieldLabels: the labels, in matching form (simplified; the traditional
// 責任單位 normalises to them), longest first where one begins another.
var fieldLabels = []struct {
	word  string
	field labelField
}{
	{"责任单位", fieldUnits}, {"责任部门", fieldUnits}, {"责任主体", fieldUnits}, {"责任处室", fieldUnits},
	{"负责单位", fieldUnits}, {"负责部门", fieldUnits}, {"实施单位", fieldUnits}, {"实施主体", fieldUnits}, {"承办单位", fieldUnits},
	{"牵头单位", fieldLead}, {"牵头部门", fieldLead}, {"主办单位", fieldLead}, {"主责单位", fieldLead}, {"牵头", fieldLead},
	{"配合单位", fieldPartner}, {"配合部门", fieldPartner}, {"协办单位", fieldPartner}, {"参与单位", fieldPartner},
	{"协同单位", fieldPartner}, {"参与部门", fieldPartner}, {"配合", fieldPartner},
	{"完成时限", fieldDeadline}, {"完成时间", fieldDeadline}, {"完成期限", fieldDeadline}, {"时间节点", fieldDeadline},
	{"进度安排", fieldDeadline}, {"时间安排", fieldDeadline}, {"时限要求", fieldDeadline}, {"时间要求", fieldDeadline},
	{"办结时限", fieldDeadline}, {"截止时间", fieldDeadline}, {"完成时点", fieldDeadline}, {"时限", fieldDeadline},
}

// readLabelField reads a label and its colon at the start of norm: the field
// and the byte offset where its value starts; fieldNone if there is none.
func readLabelField(norm string) (labelField, int) {
	t := trimSpaceLeft(norm)
	lead := len(norm) - len(t)
	for _, l := range fieldLabels {
		if !strings.HasPrefix(t, l.word) {
			continue
		}
		rest := strings.TrimLeft(t[len(l.word):], " ")
		if !strings.HasPrefix(rest, ":") {
			return fieldNone, 0
		}
		value := strings.TrimLeft(rest[1:], " ")
		return l.field, lead + len(t) - len(value)
	}
	return fieldNone, 0
}

// fieldPart is one label's value in a labelled line, which may hold several
// (责任单位：市卫健委；完成时限：2021年底前): byte spans in the line's norm.
type fieldPart struct {
	field      labelField
	start, end int
}

// fieldParts divides a labelled line into its labels' values.
func fieldParts(norm string) []fieldPart {
	f, at := readLabelField(norm)
	if f == fieldNone {
		return nil
	}
	var parts []fieldPart
	for {
		end := len(norm)
		next, nextAt := fieldNone, 0
		for i := at; i < len(norm); i++ {
			if norm[i] != ';' && norm[i] != ',' {
				continue
			}
			if g, k := readLabelField(norm[i+1:]); g != fieldNone {
				end, next, nextAt = i, g, i+1+k
				break
			}
		}
		parts = append(parts, fieldPart{f, at, end})
		if next == fieldNone {
			return parts
		}
		f, at = next, nextAt
	}
}

// stripFieldLabel removes a label and its colon from the start of a part of
// a units parenthesis ("责任单位:市卫健委"), saying which field it named.
func stripFieldLabel(norm string) (string, labelField) {
	if f, at := readLabelField(norm); f != fieldNone {
		return norm[at:], f
	}
	return norm, fieldNone
}
