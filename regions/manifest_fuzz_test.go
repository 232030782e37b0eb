package regions

import (
	"strings"
	"testing"
	gofstest "testing/fstest"
)

// FuzzManifest: any bytes as manifest.csv give rows or an error that says
// what is wrong, never a panic; every row it accepts has a file and a region.
func FuzzManifest(f *testing.F) {
	f.Add([]byte("file,region,level,date,scope\nplan.txt,岱川县,county,2021-06-01,T01;A1\n"))
	f.Add([]byte("\xEF\xBB\xBFfile,region\n\"a,b.txt\",某市\n"))
	f.Add([]byte("file,region\nplan.txt,\"unterminated\n"))
	f.Add([]byte("\xce\xc4\xbc\xfe,region\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := gofstest.MapFS{ManifestName: {Data: data}}
		rows, err := readManifest(fsys, ManifestName)
		if err != nil {
			if strings.TrimSpace(err.Error()) == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		for name, r := range rows {
			if name == "" || r.region == "" {
				t.Fatalf("accepted a row without file or region: %q %+v", name, r)
			}
		}
	})
}
