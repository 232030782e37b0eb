package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// On a terminal: one line redrawn in place, a bar with the count, then the
// step's result on a line of its own.
func TestProgressOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, tty: true}
	start := time.Now() // before begin's draw: "quick" bounds the time since it
	p.begin("reading documents", 4)
	for range 4 {
		p.add()
	}
	quick := time.Since(start) < 100*time.Millisecond
	p.end("4 documents read")
	out := buf.String()
	if quick && strings.Contains(out, "1/4") {
		t.Errorf("redrawn within 0.1 s: %q", out)
	}
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
	(&progress{w: &buf, what: "mapping", n: 1, total: 4, start: time.Now()}).draw()
	if got := buf.String(); got != "\r\033[K[#######-----------------------] 1/4 mapping 0.0 s" {
		t.Errorf("a quarter done: %q", got)
	}
	buf.Reset()
	p.begin("writing", 0)
	if got := buf.String(); got != "\r\033[Kpolicygap: writing … 0.0 s" {
		t.Errorf("a step without a count: %q", got)
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

// In a log (a file, a pipe): a line when a step begins, with its count when
// it has one, and one when it ends; nothing redrawn. A character device is
// taken for a terminal.
func TestProgressInALog(t *testing.T) {
	log, err := os.Create(filepath.Join(t.TempDir(), "run.log"))
	if err != nil {
		t.Fatal(err)
	}
	p := newProgress(log, false)
	p.begin("reading documents", 2)
	p.add()
	p.add()
	p.end("2 documents read")
	p.begin("writing", 0)
	p.end("written")
	log.Close()
	out, _ := os.ReadFile(log.Name())
	want := regexp.MustCompile(`^policygap: reading documents: 2 …\npolicygap: 2 documents read \(\d+\.\d s\)\npolicygap: writing …\npolicygap: written \(\d+\.\d s\)\n$`)
	if !want.Match(out) {
		t.Errorf("log %q", out)
	}
	if dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		defer dev.Close()
		if !newProgress(dev, false).tty {
			t.Errorf("%s, a character device, is not taken for a terminal", os.DevNull)
		}
	}
	if newProgress(&bytes.Buffer{}, false).tty || !newProgress(log, true).off {
		t.Errorf("a buffer is no terminal; quiet turns progress off")
	}
}
