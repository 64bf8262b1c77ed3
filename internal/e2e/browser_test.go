package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// stepTimeout bounds one browser step; a page of this UI loads in milliseconds.
const stepTimeout = 15 * time.Second

var browser struct {
	once    sync.Once
	ctx     context.Context // the browser; each test opens its own browser context
	cancel  func()
	dataDir string
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	if browser.dataDir != "" {
		os.RemoveAll(browser.dataDir)
	}
	os.Exit(code)
}

// chromiumPath finds the browser: IFORCE_CHROMIUM, else chromium on the PATH.
func chromiumPath() string {
	if p := os.Getenv("IFORCE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startBrowser starts one headless chromium for the package, or skips the test (fails
// it under CI) when there is none.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but chromium is not installed: the browser tests must run in CI")
		}
		t.Skip("chromium not found; set IFORCE_CHROMIUM or install chromium (required when CI is set)")
	}
	browser.once.Do(func() {
		dir, err := os.MkdirTemp("", "iforce-chromium-")
		if err != nil {
			browser.err = err
			return
		}
		browser.dataDir = dir
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
			chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-default-apps", true),
			chromedp.Flag("lang", "en-GB"), chromedp.WindowSize(1280, 900))
		ctx, cancelBrowser := chromedp.NewContext(alloc)
		browser.ctx = ctx
		browser.cancel = func() { cancelBrowser(); cancelAlloc() }
		browser.err = chromedp.Do(ctx) // start it, with no deadline
	})
	if browser.err != nil {
		t.Fatalf("start chromium %s: %v", path, browser.err)
	}
	return browser.ctx
}

// tab is one browser context (its own cookies, like a private window) on a node.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	name string

	mu      sync.Mutex
	console []string // what the pages wrote to the console
}

// newTab opens a private browser context on the node served at base. When the test
// ends, it fails the test if a page broke the Content-Security-Policy (an inline
// script or style that the browser refused): the pages must work within it.
func newTab(t *testing.T, base, name string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(startBrowser(t), chromedp.WithNewBrowserContext())
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		t.Fatalf("open tab: %v", err)
	}
	b := &tab{t: t, ctx: ctx, base: base, name: name}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m.Text)
			b.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		for _, m := range b.console {
			if strings.Contains(m, "Content Security Policy") || strings.Contains(m, "Content-Security-Policy") {
				t.Errorf("%s: the browser refused something under the CSP: %s", name, m)
			}
		}
	})
	return b
}

// fail saves a screenshot and the HTML of the page as artefacts, logs where, and ends
// the test.
func (b *tab) fail(format string, args ...any) {
	b.t.Helper()
	msg := fmt.Sprintf(format, args...)
	dir := os.Getenv("IFORCE_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "iforce-e2e")
	}
	stem := filepath.Join(dir, regexp.MustCompile(`[^A-Za-z0-9_-]+`).ReplaceAllString(b.t.Name()+"-"+b.name, "_"))
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := os.MkdirAll(dir, 0o755); err == nil {
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil && os.WriteFile(stem+".png", png, 0o644) == nil {
			b.t.Logf("screenshot: %s.png", stem)
		}
		if html, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("html"))); err == nil && os.WriteFile(stem+".html", []byte(html), 0o644) == nil {
			b.t.Logf("page HTML: %s.html", stem)
		}
	}
	b.t.Fatalf("%s: %s", b.name, msg)
}

// do runs steps, failing the test with artefacts on error.
func (b *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fail("%s: %v", what, err)
	}
}

// submit runs steps that load a new page (a click on a submit button or a link) and
// returns the HTTP status of the page that loads.
func (b *tab) submit(what string, steps ...chromedp.Action[chromedp.Void]) int64 {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		b.fail("%s: %v", what, err)
	}
	return resp.Status
}

// open navigates to path and returns the HTTP status.
func (b *tab) open(path string) int64 {
	b.t.Helper()
	return b.submit("open "+path, chromedp.Navigate(b.base+path))
}

// text returns the text of the first element matching css.
func (b *tab) text(css string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		b.fail("text of %s: %v", css, err)
	}
	return strings.TrimSpace(s)
}

// eval evaluates a JavaScript expression that returns a string.
func (b *tab) eval(expr string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.fail("evaluate %s: %v", expr, err)
	}
	return s
}

// wantText fails unless the element matching css contains want.
func (b *tab) wantText(css, want string) {
	b.t.Helper()
	if got := b.text(css); !strings.Contains(got, want) {
		b.fail("%s reads %q, want it to contain %q", css, got, want)
	}
}

// path is the path of the page shown.
func (b *tab) path() string { return b.eval(`location.pathname`) }

// enterPassword fills in and submits the first sign-in step; it returns the status.
func (b *tab) enterPassword(username, password string) int64 {
	b.t.Helper()
	if b.path() != "/signin" {
		b.open("/signin")
	}
	return b.submit("password step",
		chromedp.Clear(chromedp.CSS("#f-username")),
		chromedp.SendKeys(chromedp.CSS("#f-username"), username),
		chromedp.SendKeys(chromedp.CSS("#f-password"), password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type="submit"]`)))
}

// signIn signs username in through the pages, enrolling the second factor from the
// secret shown on the enrolment page when asked, and ends on the page the user asked
// for before signing in, the home page by default.
func (b *tab) signIn(n *webtest.Node, username, password string) {
	b.t.Helper()
	if st := b.enterPassword(username, password); st != 200 {
		b.fail("password step of %s: status %d", username, st)
	}
	switch b.path() {
	case "/signin/enrol":
		secret := strings.ReplaceAll(b.text("#totp-secret"), " ", "")
		if ok, _ := regexp.MatchString(`^[A-Z2-7]{16,}$`, secret); !ok {
			b.fail("enrolment shows the secret %q", secret)
		}
		if b.eval(`document.querySelector("img.qr").src.slice(0, 22)`) != "data:image/png;base64," {
			b.fail("enrolment shows no QR code")
		}
		n.SetSecret(username, secret)
	case "/signin/code":
	default:
		b.fail("after the password of %s the page is %s", username, b.path())
	}
	st := b.submit("code step",
		chromedp.SendKeys(chromedp.CSS("#f-code"), n.NextCode(b.t, username)),
		chromedp.Click(chromedp.CSS(`form[action="/signin/code"] button[type="submit"]`)))
	if st != 200 || strings.HasPrefix(b.path(), "/signin") {
		b.fail("code step of %s: status %d, page %s", username, st, b.path())
	}
}

// node starts a node on 127.0.0.1:0 for one test.
func node(t *testing.T, o webtest.Options) (*webtest.Node, string) {
	startBrowser(t) // skip before building anything when there is no browser
	n := webtest.New(t, o)
	return n, n.Server(t).URL
}
