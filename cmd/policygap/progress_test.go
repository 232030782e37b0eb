package main

import (
	"bytes"
	"strings"
	"testing"
)

// On a terminal: one line redrawn in place, a bar with the count, then the
// step's result on a line of its own.
func TestProgressOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, tty: true}
	p.begin("reading documents", 4)
	for range 4 {
		p.add()
	}
	p.end("4 documents read")
	out := buf.String()
	if !strings.HasPrefix(out, "\r\033[K[------------------------------] 0/4 reading documents") {
		t.Errorf("first draw: %q", out)
	}
	if !strings.Contains(out, "\r\033[K[##############################] 4/4 reading documents") {
		t.Errorf("the last item is drawn whatever the time: %q", out)
	}
	if !strings.HasSuffix(out, "\r\033[Kpolicygap: 4 documents read (0.0 s)\n") {
		t.Errorf("end: %q", out)
	}
	buf.Reset()
	(&progress{w: &buf, tty: true, off: true}).begin("x", 1)
	var none *progress
	none.begin("x", 1) // the measures command has none
	none.add()
	none.end("x")
	if buf.Len() != 0 {
		t.Errorf("quiet: %q", buf.String())
	}
}
