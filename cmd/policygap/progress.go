package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress tells on stderr how far a long run is. On a terminal it is one
// line redrawn in place (a bar, the count, the time so far); when stderr is
// a file or a pipe, a plain line as each step begins and ends; nothing with
// --quiet. Warnings and errors are printed whatever it says.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	off   bool
	what  string
	total int
	n     int
	start time.Time
	drawn time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil {
			tty = info.Mode()&os.ModeCharDevice != 0
		}
	}
	return &progress{w: w, tty: tty, off: quiet}
}

// begin starts a step of total items (0: a step without a count).
func (p *progress) begin(what string, total int) {
	if p == nil || p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.what, p.total, p.n, p.start = what, total, 0, time.Now()
	if p.tty {
		p.draw()
	} else if total > 0 {
		fmt.Fprintf(p.w, "policygap: %s: %d …\n", what, total)
	} else {
		fmt.Fprintf(p.w, "policygap: %s …\n", what)
	}
}

// add counts an item of the step; safe from several goroutines.
func (p *progress) add() {
	if p == nil || p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.tty && (time.Since(p.drawn) > 100*time.Millisecond || p.n == p.total) {
		p.draw()
	}
}

// end closes the step with what it did.
func (p *progress) end(done string) {
	if p == nil || p.off {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("policygap: %s (%.1f s)", done, time.Since(p.start).Seconds())
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s\n", line)
		return
	}
	fmt.Fprintln(p.w, line)
}

// draw redraws the terminal line: [#####-----] 1200/3000 reading documents 2.1 s
func (p *progress) draw() {
	p.drawn = time.Now()
	secs := time.Since(p.start).Seconds()
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r\033[Kpolicygap: %s … %.1f s", p.what, secs)
		return
	}
	const width = 30
	full := width * p.n / p.total
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '-'
		if i < full {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r\033[K[%s] %d/%d %s %.1f s", bar, p.n, p.total, p.what, secs)
}
