package xlsx

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// The blocks, compressed apart, read back as one deflate stream equal to the
// input, whatever its length against the block size and however it is written.
func TestBlockDeflateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, blockSize - 1, blockSize, blockSize + 1, 3*blockSize + 12345} {
		in := make([]byte, n)
		for i := range in { // compressible, as sheet XML is, with some noise
			in[i] = "<c r=\"A1\"><v>"[i%13] + byte(rng.IntN(2))
		}
		var z bytes.Buffer
		d := newBlockDeflate(&z)
		for rest := in; len(rest) > 0; { // uneven writes, as io.Copy's are not
			k := min(len(rest), 1+rng.IntN(300_000))
			if m, err := d.Write(rest[:k]); err != nil || m != k {
				t.Fatalf("n=%d: Write = %d, %v", n, m, err)
			}
			rest = rest[k:]
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(flate.NewReader(&z))
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if !bytes.Equal(out, in) {
			t.Fatalf("n=%d: read back %d bytes, not the %d written", n, len(out), n)
		}
		if n > blockSize && z.Len() > n/2 {
			t.Errorf("n=%d: compressed to %d bytes: the blocks are not deflated", n, z.Len())
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

// A failed write of the compressed stream is reported, not lost.
func TestBlockDeflateWriteError(t *testing.T) {
	d := newBlockDeflate(failWriter{})
	_, err := d.Write(make([]byte, 4*blockSize))
	if cerr := d.Close(); err == nil && cerr == nil {
		t.Fatal("no error from a writer that fails")
	}
}
