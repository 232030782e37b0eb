package main

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"
)

// stages times the stages of a run for --timing: each stage's wall time and
// the heap in use after it. Outputs are written concurrently; each reports
// its own time from the moment it started.
type stages struct {
	mu   sync.Mutex
	w    io.Writer
	last time.Time
	on   bool
}

func newStages(w io.Writer, on bool) *stages { return &stages{w: w, last: time.Now(), on: on} }

// done reports the stage that just ended.
func (s *stages) done(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.report(name, s.last)
	s.last = time.Now()
}

// since reports a stage that ran from start, alongside others.
func (s *stages) since(name string, start time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.report(name, start)
}

func (s *stages) report(name string, start time.Time) {
	if !s.on {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(s.w, "timing: %-16s %8.3f s  heap %5d MB  (peak heap so far %5d MB)\n",
		name, time.Since(start).Seconds(), m.HeapInuse>>20, m.HeapSys>>20)
}
