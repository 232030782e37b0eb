package reports

import (
	"policygap/compare"
	"policygap/regions"
	"policygap/strength"
	"policygap/taxonomy"
)

// MeasureRecord is the measure record of ../shared/DESIGN.md: a contract read
// by tests and outside scripts. Fields may be added, never changed in meaning.
type MeasureRecord struct {
	Region     string            `json:"region"`
	Doc        string            `json:"doc"`
	ID         string            `json:"id"`
	Key        string            `json:"key"`
	Plan       string            `json:"plan,omitempty"`
	Section    string            `json:"section"`
	Path       []string          `json:"path"`
	Title      string            `json:"title"`
	Text       string            `json:"text"`
	Tasks      []TaskRecord      `json:"tasks"`
	Provisions []string          `json:"provisions"`
	Units      []string          `json:"units"`
	Lead       []string          `json:"lead"`
	Deadline   regions.Deadline  `json:"deadline"`
	Goal       bool              `json:"goal,omitempty"`
	Assignment string            `json:"assignment,omitempty"`
	FoundBy    string            `json:"found_by,omitempty"`
	Hits       []taxonomy.Hit    `json:"hits"`
	Area       string            `json:"section_area,omitempty"`
	Unmapped   string            `json:"unmapped,omitempty"`
	Override   *compare.Override `json:"override,omitempty"`
	Progress   *compare.Progress `json:"progress,omitempty"`
	// How binding the measure is (issue 20).
	Strength      StrengthRecord         `json:"strength"`
	Targets       []strength.Target      `json:"targets"`
	Actionability strength.Actionability `json:"actionability"`
}

// StrengthRecord is a measure's level and the words that decided it.
type StrengthRecord struct {
	Level    strength.Level `json:"level"`
	Evidence []string       `json:"evidence"`
}

// TaskRecord is one task of a measure record.
type TaskRecord struct {
	ID       string   `json:"id"`
	Score    float64  `json:"score"`
	Evidence []string `json:"evidence"`
}

// NewMeasureRecord is a mapped measure's record.
func NewMeasureRecord(m compare.Mapped) MeasureRecord {
	r := MeasureRecord{
		Region: m.Region, Doc: m.Doc, ID: m.ID, Key: m.Key(), Plan: m.Plan, Section: m.Section,
		Path: nonNil(m.Path), Title: m.Title, Text: m.Text, Tasks: []TaskRecord{},
		Provisions: nonNil(m.Match.Provisions), Units: nonNil(m.Units), Lead: nonNil(m.Lead),
		Deadline: m.Deadline, Goal: m.Goal, Assignment: m.Assignment, FoundBy: m.FoundBy, Hits: m.Match.Hits,
		Area: m.Match.Area, Unmapped: m.Match.Reason, Override: m.Override,
		Strength: StrengthRecord{Level: m.Strength.Level, Evidence: m.Strength.Evidence},
		Targets:  m.Strength.Targets, Actionability: m.Strength.Actionability,
	}
	if r.Hits == nil {
		r.Hits = []taxonomy.Hit{}
	}
	for _, t := range m.Match.Tasks {
		r.Tasks = append(r.Tasks, TaskRecord{ID: t.ID, Score: t.Score, Evidence: nonNil(t.Evidence)})
	}
	return r
}

// Records are the records of all measures, in order.
func Records(ms []compare.Mapped) []MeasureRecord {
	out := make([]MeasureRecord, len(ms))
	for i, m := range ms {
		out[i] = NewMeasureRecord(m)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
