package web_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/web/webtest"
)

var assetRE = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

func TestStaticAssets(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	c := n.NewClient(t, n.Server(t).URL)
	page := c.Get("/signin")
	urls := assetRE.FindAllStringSubmatch(page.Body, -1)
	if len(urls) < 4 {
		t.Fatalf("sign-in page links %d static files, want css, icon, htmx and app.js", len(urls))
	}
	hashed := regexp.MustCompile(`^/static/[a-z/._-]+\.[0-9a-f]{10}\.(css|js|svg)$`)
	for _, m := range urls {
		u := m[1]
		t.Run(u, func(t *testing.T) {
			if !hashed.MatchString(u) {
				t.Errorf("URL %s holds no content hash", u)
			}
			r := c.Get(u)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", u, r.StatusCode)
			}
			if got := r.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("Cache-Control = %q", got)
			}
			if r.Header.Get("Content-Type") == "" || r.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("headers %v", r.Header)
			}
			gz := c.Do(http.MethodGet, u, nil, http.Header{"Accept-Encoding": {"gzip"}})
			if gz.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("no gzip for %s", u)
			}
			zr, err := gzip.NewReader(strings.NewReader(gz.Body))
			if err != nil {
				t.Fatal(err)
			}
			plain, _ := io.ReadAll(zr)
			if !bytes.Equal(plain, []byte(r.Body)) {
				t.Error("gzip body differs from the plain body")
			}
		})
	}
	for _, bad := range []string{"/static/app.css", "/static/app.0000000000.css", "/static/VENDOR.md", "/static/vendor/../app.css"} {
		if r := c.Get(bad); r.StatusCode == http.StatusOK {
			t.Errorf("GET %s: 200, want no file", bad)
		}
	}
}

// TestVendoredHTMXPinned checks the vendored file against the sha256 that VENDOR.md
// records, so an accidental edit or an unrecorded update fails.
func TestVendoredHTMXPinned(t *testing.T) {
	js, err := os.ReadFile("static/vendor/htmx.min.js")
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile("static/VENDOR.md")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(js)
	if !bytes.Contains(md, []byte(hex.EncodeToString(sum[:]))) {
		t.Fatalf("VENDOR.md does not record the sha256 %x of vendor/htmx.min.js", sum)
	}
	if !bytes.Contains(md, []byte("2.0.11")) || !bytes.Contains(js, []byte(`version:"2.0.11"`)) {
		t.Error("VENDOR.md and the vendored file disagree on the version")
	}
	notices, err := os.ReadFile("../../THIRD_PARTY_NOTICES")
	if err != nil || !bytes.Contains(notices, []byte("htmx 2.0.11")) {
		t.Errorf("THIRD_PARTY_NOTICES lacks htmx 2.0.11 (%v)", err)
	}
}
