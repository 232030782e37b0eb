package formats

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// converter turns .doc, .wps and .rtf into .docx with LibreOffice, where
// soffice is on PATH. LibreOffice runs one conversion at a time per profile,
// so conversions are serialised, in a profile of their own.
type converter struct {
	mu sync.Mutex
}

// ConvertCommand is how a user converts such a file by hand.
func ConvertCommand(name string) string {
	return "soffice --headless --convert-to docx " + name
}

func (c *converter) toDocx(name string, data []byte) ([]byte, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		soffice, err = exec.LookPath("libreoffice")
	}
	if err != nil {
		return nil, fmt.Errorf("%s files are read through LibreOffice, which is not installed here: convert it with `%s` (LibreOffice Writer) and read the .docx",
			strings.ToLower(filepath.Ext(name)), ConvertCommand(filepath.Base(name)))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	dir, err := os.MkdirTemp("", "policygap-convert-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in"+strings.ToLower(filepath.Ext(name)))
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "docx", "--outdir", out, in)
	msg, err := cmd.CombinedOutput()
	docx, readErr := os.ReadFile(filepath.Join(out, "in.docx"))
	if err != nil || readErr != nil {
		return nil, fmt.Errorf("LibreOffice could not convert it to .docx (%s)", strings.TrimSpace(firstLine(string(msg), err, readErr)))
	}
	return docx, nil
}

func firstLine(msg string, errs ...error) string {
	for _, l := range strings.Split(msg, "\n") {
		if strings.TrimSpace(l) != "" && !strings.Contains(l, "convert ") {
			return l
		}
	}
	for _, e := range errs {
		if e != nil {
			return e.Error()
		}
	}
	return "no output"
}
