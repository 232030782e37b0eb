package xlsx

import (
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"sync"
)

// blockSize is how much of a zip entry one core compresses at a time.
const blockSize = 1 << 20

// blockDeflate is a deflate stream compressed on every core: the input is
// cut into blocks, each compressed on its own and ended with a sync flush
// (a byte boundary), and the blocks are written in order, the last one
// closing the stream. A reader sees one ordinary deflate stream; each block
// only starts without the previous block's last 32 KB as dictionary.
//
// excelize writes a workbook's sheets one after the other once they are all
// filled: hundreds of MB of XML at national scale, which one core would
// compress alone.
type blockDeflate struct {
	out     io.Writer
	in      *bytes.Buffer     // the block being filled
	pending []chan compressed // blocks being compressed, in order
	err     error
}

type compressed struct {
	data *bytes.Buffer
	err  error
}

// Compressors and buffers are reused: where fresh memory is slow to come by
// (a page fault costs ~20 µs on the machines we measured), allocating them
// anew for every block costs about what compressing on two cores saves.
var (
	flatePool = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestSpeed) // BestSpeed is a valid level: no error
		return w
	}}
	bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

func newBlockDeflate(out io.Writer) *blockDeflate { return &blockDeflate{out: out} }

func (d *blockDeflate) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && d.err == nil {
		if d.in == nil {
			d.in = bufPool.Get().(*bytes.Buffer)
		}
		k := min(len(p), blockSize-d.in.Len())
		d.in.Write(p[:k])
		p = p[k:]
		if d.in.Len() == blockSize {
			d.start(false)
		}
	}
	if d.err != nil {
		return 0, d.err
	}
	return n, nil
}

// Close compresses what is left as the stream's last block and writes every
// block still pending.
func (d *blockDeflate) Close() error {
	if d.err == nil {
		d.start(true)
	}
	for len(d.pending) > 0 && d.err == nil {
		d.writeOldest()
	}
	return d.err
}

// start compresses the block being filled in the background, first writing
// out the oldest block when every core already has one.
func (d *blockDeflate) start(last bool) {
	for len(d.pending) >= runtime.GOMAXPROCS(0) && d.err == nil {
		d.writeOldest()
	}
	in := d.in
	if in == nil { // an empty stream still ends with its final block
		in = bufPool.Get().(*bytes.Buffer)
	}
	d.in = nil
	done := make(chan compressed, 1)
	d.pending = append(d.pending, done)
	go func() {
		out := bufPool.Get().(*bytes.Buffer)
		w := flatePool.Get().(*flate.Writer)
		w.Reset(out)
		_, err := w.Write(in.Bytes())
		if err == nil {
			if last {
				err = w.Close()
			} else {
				err = w.Flush()
			}
		}
		flatePool.Put(w)
		in.Reset()
		bufPool.Put(in)
		done <- compressed{out, err}
	}()
}

func (d *blockDeflate) writeOldest() {
	c := <-d.pending[0]
	d.pending = d.pending[1:]
	if d.err = c.err; d.err == nil {
		_, d.err = d.out.Write(c.data.Bytes())
	}
	c.data.Reset()
	bufPool.Put(c.data)
}
