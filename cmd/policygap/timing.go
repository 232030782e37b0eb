package main

import (
	"fmt"
	"io"
	"runtime"
	"time"
)

// stages times the stages of a run for --timing: each stage's wall time and
// the heap in use after it.
type stages struct {
	w    io.Writer
	last time.Time
	on   bool
}

func newStages(w io.Writer, on bool) *stages { return &stages{w: w, last: time.Now(), on: on} }

// done reports the stage that just ended.
func (s *stages) done(name string) {
	if !s.on {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	now := time.Now()
	fmt.Fprintf(s.w, "timing: %-16s %8.3f s  heap %5d MB  (peak heap so far %5d MB)\n",
		name, now.Sub(s.last).Seconds(), m.HeapInuse>>20, m.HeapSys>>20)
	s.last = now
}
