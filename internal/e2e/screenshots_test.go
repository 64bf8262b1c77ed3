package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// pageWeight is what the browser's resource timing says a page load transferred.
type pageWeight struct {
	Total     int64 `json:"total"`
	Document  int64 `json:"document"`
	Resources []struct {
		Name     string `json:"name"`
		Transfer int64  `json:"transfer"`
		Decoded  int64  `json:"decoded"`
	} `json:"resources"`
}

const weightJS = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource").map(r => ({name: r.name, transfer: r.transferSize, decoded: r.decodedBodySize}));
  return {document: nav.transferSize, total: nav.transferSize + res.reduce((s, r) => s + r.transfer, 0), resources: res};
})()`

// weigh reloads the page (with the browser cache off when cold) and returns its weight.
func (b *tab) weigh(cold bool) pageWeight {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: cold}); err != nil {
		b.fail("cache: %v", err)
	}
	b.submit("reload", chromedp.Reload())
	w, err := chromedp.Run(ctx, chromedp.Evaluate[pageWeight](weightJS))
	if err != nil {
		b.fail("weigh: %v", err)
	}
	return w
}

// shot reloads the page at the given viewport size and saves a full-page screenshot.
func (b *tab) shot(dir, name string, width, height int64) {
	b.t.Helper()
	b.do("viewport", chromedp.EmulateViewport(width, height))
	b.submit("reload", chromedp.Reload())
	b.snap(dir, name)
}

// snap saves a full-page screenshot of the page as it is.
func (b *tab) snap(dir, name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.fail("screenshot: %v", err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
}

// TestScreenshots takes the screenshots of the closing note and measures the
// weight of the home page, on the demonstration data. It runs only when
// IFORCE_SCREENSHOTS names the directory for the PNG files.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("IFORCE_SCREENSHOTS")
	if dir == "" {
		t.Skip("set IFORCE_SCREENSHOTS to a directory to take the screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	n, base := node(t, webtest.Options{})
	if err := demo.Load(n.System(), n.App, webtest.Password); err != nil {
		t.Fatal(err)
	}

	uk := newTab(t, base, "olena")
	uk.signIn(n, "olena.kovalenko", webtest.Password)
	uk.shot(dir, "home-uk.png", 1280, 800)
	uk.shot(dir, "home-uk-768.png", 768, 1024)
	cold, warm := uk.weigh(true), uk.weigh(false)
	t.Logf("home page weight, cold cache: %d bytes transferred (document %d)", cold.Total, cold.Document)
	for _, r := range cold.Resources {
		t.Logf("  %s: %d bytes transferred, %d decoded", r.Name, r.Transfer, r.Decoded)
	}
	t.Logf("home page weight, warm cache: %d bytes transferred (document %d)", warm.Total, warm.Document)

	ro := newTab(t, base, "ion")
	ro.signIn(n, "ion.ciobanu", webtest.Password)
	ro.shot(dir, "home-ro.png", 1280, 800)
	ro.open("/profile/tokens")
	ro.submit("create token", chromedp.SendKeys(chromedp.CSS("#f-name"), "export MISP"),
		chromedp.Click(chromedp.CSS(`form[action="/profile/tokens"] button[type="submit"]`)))
	ro.snap(dir, "tokens-ro.png")
	ro.open("/profile")
	ro.shot(dir, "profile-ro.png", 1280, 800)

	admin := newTab(t, base, "admin")
	admin.signIn(n, "admin", webtest.Password)
	admin.open("/admin/users")
	admin.shot(dir, "admin-users.png", 1280, 800)
	admin.open("/admin/users/olena.kovalenko")
	admin.shot(dir, "admin-user-edit.png", 1280, 800)
	admin.open("/admin/agencies")
	admin.shot(dir, "admin-agencies.png", 1280, 800)
	admin.open("/admin/agencies/new")
	admin.submit("invalid agency", chromedp.SendKeys(chromedp.CSS("#f-code"), "x"),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Inspectoratul General al Poliției de Frontieră"),
		chromedp.SetValue(chromedp.CSS("#f-country"), "MD"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/agencies"] button[type="submit"]`)))
	admin.snap(dir, "admin-agency-errors.png")

	auditor := newTab(t, base, "dmytro")
	auditor.signIn(n, "dmytro.audit", webtest.Password)
	auditor.open("/audit")
	auditor.shot(dir, "audit-uk.png", 1280, 800)

	guest := newTab(t, base, "guest")
	guest.open("/signin")
	guest.enterPassword("andrei.popescu", webtest.Password)
	guest.shot(dir, "enrolment-en.png", 1280, 800)
}
