package formats

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"policygap/regions/document"
)

// pdfEngine is pdfium compiled to WebAssembly, run by wazero: pure Go, no
// cgo. Compiling the module takes about 3 s, so the engine starts only when
// a PDF is read, once per Reader, and the compiled code is cached on disk
// (the user's cache folder) so that later runs start in a fraction of that.
// One instance serves every worker, one document at a time.
type pdfEngine struct {
	once    sync.Once
	pool    pdfium.Pool
	inst    pdfium.Pdfium
	err     error
	mu      sync.Mutex
	Startup time.Duration
}

func (e *pdfEngine) start() error {
	e.once.Do(func() {
		t0 := time.Now()
		cfg := webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, FSConfig: wazero.NewFSConfig(), Stdout: io.Discard, Stderr: io.Discard}
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "policygap", "wazero")); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		cfg.RuntimeConfig = rc
		cfg.Context = context.Background()
		e.pool, e.err = webassembly.Init(cfg)
		if e.err == nil {
			e.inst, e.err = e.pool.GetInstance(time.Minute)
		}
		if e.err != nil {
			e.err = fmt.Errorf("starting the PDF reader (pdfium): %w", e.err)
		}
		e.Startup = time.Since(t0)
	})
	return e.err
}

// Close stops the engine if it was started.
func (e *pdfEngine) Close() {
	if e.pool != nil {
		e.pool.Close()
	}
}

// pageChars reads every page's characters with their boxes.
func (e *pdfEngine) pageChars(data []byte) ([]pdfPage, error) {
	if err := e.start(); err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	doc, err := e.inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, pdfOpenError(err)
	}
	defer e.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := e.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("not a readable PDF (%v)", err)
	}
	var pages []pdfPage
	for i := 0; i < count.PageCount; i++ {
		size, err := e.inst.FPDF_GetPageSizeByIndexF(&requests.FPDF_GetPageSizeByIndexF{Document: doc.Document, Index: i})
		if err != nil {
			return nil, fmt.Errorf("page %d: %v", i+1, err)
		}
		st, err := e.inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}},
			Mode:                   requests.GetPageTextStructuredModeChars,
			CollectFontInformation: true,
		})
		if err != nil {
			return nil, fmt.Errorf("page %d: %v", i+1, err)
		}
		p := pdfPage{width: float64(size.Size.Width), height: float64(size.Size.Height)}
		p.hrules, p.vrules = e.pageRules(doc.Document, i)
		for _, c := range st.Chars {
			rs := []rune(c.Text)
			if len(rs) != 1 {
				continue
			}
			size := 0.0
			if c.FontInformation != nil {
				size = c.FontInformation.Size
			}
			p.chars = append(p.chars, pdfChar{r: rs[0], left: c.PointPosition.Left, right: c.PointPosition.Right,
				top: c.PointPosition.Top, bottom: c.PointPosition.Bottom, size: size})
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// pdfOpenError says why pdfium could not open a file, in a user's words.
func pdfOpenError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return errors.New("the PDF is password-protected: save an unprotected copy and read that")
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return errors.New("the PDF's security handler is not supported: print it to a new PDF and read that")
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return errors.New("damaged or not a PDF (pdfium could not parse it)")
	}
	return fmt.Errorf("damaged or not a PDF (%v)", err)
}

// pageRules are the thin horizontal and vertical lines drawn on a page (a
// table's ruling): path objects one or two points thick.
func (e *pdfEngine) pageRules(doc references.FPDF_DOCUMENT, index int) (h, v []pdfRule) {
	page, err := e.inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return nil, nil
	}
	defer e.inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	ref := requests.Page{ByReference: &page.Page}
	n, err := e.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return nil, nil
	}
	for k := 0; k < n.Count; k++ {
		obj, err := e.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: k})
		if err != nil {
			continue
		}
		t, err := e.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || t.Type != enums.FPDF_PAGEOBJ_PATH {
			continue
		}
		bd, err := e.inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj.PageObject})
		if err != nil {
			continue
		}
		l, r, b, tp := float64(bd.Left), float64(bd.Right), float64(bd.Bottom), float64(bd.Top)
		switch {
		case tp-b <= 2.5 && r-l >= 8:
			h = append(h, pdfRule{at: (tp + b) / 2, from: l, to: r})
		case r-l <= 2.5 && tp-b >= 8:
			v = append(v, pdfRule{at: (l + r) / 2, from: b, to: tp})
		}
	}
	return h, v
}

// hasText: a character that is not blank stands on some page.
func hasText(pages []pdfPage) bool {
	for _, p := range pages {
		for _, c := range p.chars {
			if !isBlank(c.r) {
				return true
			}
		}
	}
	return false
}

// readPDF reads a PDF's text layer into paragraphs (and tables whose cells
// sit on a grid), its running headers, footers and page numbers left out.
func (e *pdfEngine) readPDF(data []byte) (*document.Document, error) {
	if len(data) < 5 || string(data[:5]) != "%PDF-" {
		return nil, errors.New("not a PDF (it does not start with %PDF-)")
	}
	pages, err := e.pageChars(data)
	if err != nil {
		return nil, err
	}
	if !hasText(pages) {
		return nil, fmt.Errorf("no text layer (scanned?): %d page(s) of images only; run OCR first (for example `ocrmypdf in.pdf out.pdf`) and read the result", len(pages))
	}
	return layoutPDF(pages), nil
}
