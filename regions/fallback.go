package regions

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// When no reader finds a measure (no outline, no task table), a document is
// still read down to the smallest units its text marks out: each paragraph
// that states an action is a measure, and a paragraph that enumerates
// (一是…；二是…) gives one per clause. Cover notes, preambles, signatures and
// closing formulas are left out. Such measures are found_by "fallback": a
// reviewer checks them first.

// actionRe: words that make a paragraph task someone.
var actionRe = regexp.MustCompile(`要|应当|应|须|必须|不得|严禁|确保|负责|牵头|推进|推动|建立|健全|完善|开展|加强|强化|落实|保留|提供|设置|开通|组织|鼓励|支持|引导|做好|优化|提升|加快|制定|出台|实施|保障|推广|实现|规范|简化|设立|配备|开设|整治|打击`)

// coverRe: the sentences of a cover note or preamble, which transmit or
// motivate a plan rather than task anyone.
var coverRe = regexp.MustCompile(`现印发给你们|现将.{0,40}印发|请认真|请结合|请遵照|遵照执行|贯彻执行|制定本(方案|措施|计划|意见|办法|要点|通知)|现就.{0,20}通知如下|现提出如下|结合.{0,10}实际，制定|^为(贯彻|落实|进一步|切实|加快|推动|深入)`)

// enumRe: the clauses of an enumeration (一是, 二是 …; 第一, 第二 …).
var enumRe = regexp.MustCompile(`(?:^|[。;；:：])\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,，、])`)

func fallbackMeasures(doc *Document, src *source, paras []para, year int) []Measure {
	var ms []Measure
	for _, p := range paras {
		norm := strings.TrimSpace(p.norm)
		if runeCount(norm) < 15 || frameLine(norm) || isPlanTitle(norm) || p.field != fieldNone ||
			coverRe.MatchString(norm) || !actionRe.MatchString(norm) {
			continue
		}
		for _, part := range enumParts(norm) {
			spans := subSpans(p.spans, part[0], part[1])
			m := Measure{Region: doc.Region, Doc: doc.Name(), Text: src.origOf(spans), Norm: src.normOf(spans), FoundBy: "fallback"}
			if a, at, ok := trailingAssignment(m.Norm, m.Text, year); ok {
				m.Units, m.Lead, m.Deadline = a.Units, a.Lead, a.Deadline
				m.Assignment = strings.TrimRight(m.Text[at:], "。 \n")
			} else {
				m.Units, m.Lead = SubjectUnits(m.Norm, m.Text, placeName(doc.Region))
			}
			if m.Deadline.KindOrNone() == DeadlineNone {
				m.Deadline = Deadline{Kind: DeadlineNone}
				if d, s, e, found := FindDeadline(m.MatchText(), year); found {
					d.Raw = runeSlice(m.Text, runeIndex(m.Norm, s), runeIndex(m.Norm, e))
					m.Deadline = d
				}
			}
			if title := titleOf(m.Norm); title != "" {
				m.Title = runeSlice(m.Text, 0, runeCount(title))
			}
			m.ID = "f" + strconv.Itoa(len(ms)+1)
			ms = append(ms, m)
		}
	}
	return ms
}

// enumParts are the rune spans of a paragraph's enumerated clauses, or the
// whole paragraph when it enumerates fewer than two.
func enumParts(norm string) [][2]int {
	locs := enumRe.FindAllStringIndex(norm, -1)
	n := runeCount(norm)
	if len(locs) < 2 {
		return [][2]int{{0, n}}
	}
	// what stands before 一是 introduces the clauses: it goes with the first
	cuts := []int{0}
	prev, runes := 0, 0 // runes counted as far as byte prev
	for _, l := range locs[1:] {
		_, size := utf8.DecodeRuneInString(norm[l[0]:]) // a later clause starts after the stop that ends the last
		runes += utf8.RuneCountInString(norm[prev : l[0]+size])
		prev = l[0] + size
		cuts = append(cuts, runes)
	}
	var parts [][2]int
	for i, c := range cuts {
		end := n
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		parts = append(parts, [2]int{c, end})
	}
	return parts
}
