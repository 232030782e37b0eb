//go:build ignore

// extract writes one face of a TrueType collection (.ttc) as a standalone
// .ttf: fpdf reads single fonts only. Used by .ci/assets to rebuild
// wqy-microhei.ttf from the Debian package fonts-wqy-microhei.
//
//	go run render/pdf/fonts/extract.go wqy-microhei.ttc 0 wqy-microhei.ttf
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"sort"
	"strconv"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: extract in.ttc face out.ttf")
		os.Exit(2)
	}
	face, _ := strconv.Atoi(os.Args[2])
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	out, err := extract(data, face)
	if err != nil {
		fail(err)
	}
	if err := os.WriteFile(os.Args[3], out, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "extract:", err)
	os.Exit(1)
}

type table struct {
	tag                      [4]byte
	sum, offset, length, pos uint32
}

func extract(data []byte, face int) ([]byte, error) {
	be := binary.BigEndian
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return nil, fmt.Errorf("not a TrueType collection")
	}
	n := int(be.Uint32(data[8:]))
	if face < 0 || face >= n {
		return nil, fmt.Errorf("face %d of %d", face, n)
	}
	off := int(be.Uint32(data[12+4*face:]))
	numTables := int(be.Uint16(data[off+4:]))
	var tables []table
	for i := 0; i < numTables; i++ {
		rec := data[off+12+16*i:]
		var t table
		copy(t.tag[:], rec[:4])
		t.sum, t.offset, t.length = be.Uint32(rec[4:]), be.Uint32(rec[8:]), be.Uint32(rec[12:])
		tables = append(tables, t)
	}
	sort.Slice(tables, func(i, j int) bool { return string(tables[i].tag[:]) < string(tables[j].tag[:]) })
	head := 12 + 16*numTables
	pos := uint32(head)
	for i := range tables {
		tables[i].pos = pos
		pos += (tables[i].length + 3) &^ 3
	}
	out := make([]byte, pos)
	copy(out[:12], data[off:off+12]) // sfnt version and search fields
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec, t.tag[:])
		be.PutUint32(rec[4:], t.sum)
		be.PutUint32(rec[8:], t.pos)
		be.PutUint32(rec[12:], t.length)
		copy(out[t.pos:], data[t.offset:t.offset+t.length])
	}
	return out, nil
}
