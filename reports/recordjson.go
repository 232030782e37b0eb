package reports

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"policygap/regions"
	"policygap/strength"
	"policygap/taxonomy"
)

// A national run prints tens of thousands of measure records; encoding them
// by reflection was a third of the measures command's time. AppendJSON writes
// the same bytes as encoding/json (with HTML escaping off), by hand.

// AppendJSON appends the record as one JSON object, without a newline.
func (r *MeasureRecord) AppendJSON(b []byte) []byte {
	b = append(b, `{"region":`...)
	b = appendString(b, r.Region)
	b = append(b, `,"doc":`...)
	b = appendString(b, r.Doc)
	b = append(b, `,"id":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"key":`...)
	b = appendString(b, r.Key)
	if r.Plan != "" {
		b = append(b, `,"plan":`...)
		b = appendString(b, r.Plan)
	}
	b = append(b, `,"section":`...)
	b = appendString(b, r.Section)
	b = append(b, `,"path":`...)
	b = appendStrings(b, r.Path)
	b = append(b, `,"title":`...)
	b = appendString(b, r.Title)
	b = append(b, `,"text":`...)
	b = appendString(b, r.Text)
	b = append(b, `,"tasks":`...)
	b = appendList(b, r.Tasks, func(b []byte, t TaskRecord) []byte {
		b = append(b, `{"id":`...)
		b = appendString(b, t.ID)
		b = append(b, `,"score":`...)
		b = appendFloat(b, t.Score)
		b = append(b, `,"evidence":`...)
		b = appendStrings(b, t.Evidence)
		b = append(b, '}')
		return b
	})
	b = append(b, `,"provisions":`...)
	b = appendStrings(b, r.Provisions)
	b = append(b, `,"units":`...)
	b = appendStrings(b, r.Units)
	b = append(b, `,"lead":`...)
	b = appendStrings(b, r.Lead)
	b = append(b, `,"deadline":{"raw":`...)
	b = appendString(b, r.Deadline.Raw)
	b = append(b, `,"date":`...)
	if r.Deadline.Kind == regions.DeadlineDate {
		b = append(append(append(b, '"'), r.Deadline.Date.Format(time.DateOnly)...), '"')
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"kind":`...)
	b = appendString(b, string(r.Deadline.KindOrNone()))
	b = append(b, '}')
	if r.Goal {
		b = append(b, `,"goal":true`...)
	}
	if r.Assignment != "" {
		b = append(b, `,"assignment":`...)
		b = appendString(b, r.Assignment)
	}
	if r.FoundBy != "" {
		b = append(b, `,"found_by":`...)
		b = appendString(b, r.FoundBy)
	}
	b = append(b, `,"hits":`...)
	b = appendList(b, r.Hits, func(b []byte, h taxonomy.Hit) []byte {
		b = append(b, `{"term":`...)
		b = appendString(b, h.Term)
		b = append(b, `,"at":`...)
		b = strconv.AppendInt(b, int64(h.At), 10)
		b = append(b, `,"task":`...)
		b = appendString(b, h.Task)
		if h.Provision != "" {
			b = append(b, `,"provision":`...)
			b = appendString(b, h.Provision)
		}
		b = append(b, '}')
		return b
	})
	if r.Area != "" {
		b = append(b, `,"section_area":`...)
		b = appendString(b, r.Area)
	}
	if r.Unmapped != "" {
		b = append(b, `,"unmapped":`...)
		b = appendString(b, r.Unmapped)
	}
	if r.Override != nil { // rare: the reflective encoder is fine
		o, _ := json.Marshal(r.Override)
		b = append(append(b, `,"override":`...), o...)
	}
	if r.Progress != nil {
		p, _ := json.Marshal(r.Progress)
		b = append(append(b, `,"progress":`...), p...)
	}
	b = append(b, `,"strength":{"level":`...)
	b = appendString(b, r.Strength.Level.String())
	b = append(b, `,"evidence":`...)
	b = appendStrings(b, r.Strength.Evidence)
	b = append(b, `},"targets":`...)
	b = appendList(b, r.Targets, func(b []byte, t strength.Target) []byte {
		b = append(b, `{"text":`...)
		b = appendString(b, t.Text)
		b = append(b, `,"value":`...)
		b = appendFloat(b, t.Value)
		b = append(b, `,"unit":`...)
		b = appendString(b, t.Unit)
		b = append(b, '}')
		return b
	})
	b = append(b, `,"actionability":{"score":`...)
	b = strconv.AppendInt(b, int64(r.Actionability.Score), 10)
	b = append(b, `,"missing":`...)
	b = appendStrings(b, r.Actionability.Missing)
	return append(b, `}}`...)
}

// MarshalJSON lets results.json use the same encoding.
func (r MeasureRecord) MarshalJSON() ([]byte, error) { return r.AppendJSON(nil), nil }

func appendStrings(b []byte, ss []string) []byte { return appendList(b, ss, appendString) }

// appendList writes xs as a JSON array (null for nil), each by one.
func appendList[T any](b []byte, xs []T, one func([]byte, T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = one(b, x)
	}
	return append(b, ']')
}

// appendFloat writes a float64 as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	out, _ := json.Marshal(f)
	return append(b, out...)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string the way encoding/json does with
// HTML escaping off: quotes, backslashes and control characters escaped,
// U+2028 and U+2029 escaped, each invalid UTF-8 byte as \ufffd. One pass:
// ASCII and the three-byte sequences of Chinese text are checked in place,
// anything else is decoded.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\':
			i++
			continue
		case c < utf8.RuneSelf:
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		// E1–EC and EE–EF, then two continuation bytes: always a valid rune
		// (E0 and ED have narrower second bytes, and go the slow way)
		case c >= 0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && c <= 0xEF:
			if c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) { // U+2028, U+2029
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]-0xA0])
				start = i + 3
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + 1
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
