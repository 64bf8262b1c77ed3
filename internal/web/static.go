package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

//go:embed static
var staticFS embed.FS

// assets are the static files, each served under a URL that holds a hash of its
// content (/static/app.3f2a1b9c0d.css): a new build changes the URL, so browsers may
// cache every file for a year without ever running stale code.
type assets struct {
	byName map[string]string // logical name ("app.css") → URL
	byURL  map[string]*asset // URL path under /static/ → file
}

type asset struct {
	body, gz []byte // gz is nil when compression does not pay
	ctype    string
}

// served lists the extensions served; documentation (VENDOR.md) is not.
var served = map[string]string{
	".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml",
	".png": "image/png", ".woff2": "font/woff2",
}

func loadAssets() (*assets, error) {
	as := &assets{byName: map[string]string{}, byURL: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := path.Ext(p)
		ctype, ok := served[ext]
		if !ok {
			return nil
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a := &asset{body: body, ctype: ctype}
		if strings.HasPrefix(ctype, "text/") || ext == ".svg" {
			a.gz = compress(body)
		}
		as.byName[name] = "/static/" + hashed
		as.byURL[hashed] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	return as, nil
}

func compress(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	if buf.Len() >= len(b) {
		return nil
	}
	return buf.Bytes()
}

// url returns the content-hashed URL of a static file; templates call it as
// {{asset "app.css"}}. An unknown name yields a URL that is not found, and a test
// renders every page.
func (as *assets) url(name string) string {
	if u, ok := as.byName[name]; ok {
		return u
	}
	return "/static/missing/" + name
}

// serve answers GET /static/{file...} with immutable caching.
func (as *assets) serve(w http.ResponseWriter, r *http.Request) {
	a, ok := as.byURL[r.PathValue("file")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Vary", "Accept-Encoding")
	body := a.body
	if a.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
