package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// clock is a test clock that moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestSecurityHeaders(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	c := n.NewClient(t, n.Server(t).URL)
	r := c.Get("/signin")
	if r.StatusCode != http.StatusOK {
		t.Fatalf("GET /signin: %d", r.StatusCode)
	}
	csp := r.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP %q allows %s", csp, bad)
		}
	}
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
		"Cache-Control": "no-store", "Content-Type": "text/html; charset=utf-8"} {
		if got := r.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

func TestSessionCookie(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	r := c.Post("/signin", url.Values{"username": {"olena"}, "password": {webtest.Password}})
	var found bool
	for _, ck := range r.Cookies() {
		if ck.Name != "iforce_session" {
			continue
		}
		found = true
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
			t.Errorf("session cookie %v: want HttpOnly and SameSite=Lax", ck)
		}
	}
	if !found {
		t.Fatal("no session cookie after the password step")
	}
}

func TestCrossOriginRefused(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	form := url.Values{"username": {"olena"}, "password": {webtest.Password}}
	for name, h := range map[string]http.Header{
		"SecFetchSiteCrossSite": {"Sec-Fetch-Site": {"cross-site"}},
		"ForeignOrigin":         {"Origin": {"https://attacker.example"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := c.Do(http.MethodPost, "/signin", form, h)
			if r.StatusCode != http.StatusForbidden {
				t.Fatalf("cross-origin POST answered %d, want 403", r.StatusCode)
			}
			if !strings.Contains(r.Body, "Not allowed") {
				t.Errorf("refusal is not the 403 page:\n%s", r.Body)
			}
		})
	}
	t.Run("SameOrigin", func(t *testing.T) {
		r := c.Do(http.MethodPost, "/signin", form, http.Header{"Sec-Fetch-Site": {"same-origin"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("same-origin POST answered %d, want 303", r.StatusCode)
		}
	})
	t.Run("CrossSiteGETAllowed", func(t *testing.T) {
		r := c.Do(http.MethodGet, "/signin", nil, http.Header{"Sec-Fetch-Site": {"cross-site"}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("cross-site GET answered %d, want 200", r.StatusCode)
		}
	})
}

func TestSessionIdleExpiry(t *testing.T) {
	clk := &clock{t: time.Now()}
	n := webtest.New(t, webtest.Options{Now: clk.Now})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "en", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("olena")
	for range 3 {
		clk.Add(14 * time.Minute)
		if r := c.Get("/"); r.StatusCode != http.StatusOK {
			t.Fatalf("after 14 idle minutes: %d, want 200", r.StatusCode)
		}
	}
	clk.Add(15 * time.Minute)
	r := c.Get("/profile")
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/signin" {
		t.Fatalf("after 15 idle minutes: %d %s, want 303 /signin", r.StatusCode, r.Header.Get("Location"))
	}
	if page := c.Get("/signin"); !strings.Contains(page.Body, "Your session has expired") {
		t.Errorf("sign-in page does not say the session expired:\n%s", page.Body)
	}
	if r := c.Get("/"); r.StatusCode != http.StatusSeeOther {
		t.Errorf("after expiry, home answered %d, want a redirect", r.StatusCode)
	}
}

func TestSessionLifetime(t *testing.T) {
	clk := &clock{t: time.Now()}
	n := webtest.New(t, webtest.Options{Now: clk.Now})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "en", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("olena")
	for elapsed := time.Duration(0); elapsed < 12*time.Hour-10*time.Minute; elapsed += 10 * time.Minute {
		clk.Add(10 * time.Minute)
		if r := c.Get("/"); r.StatusCode != http.StatusOK {
			t.Fatalf("%v after sign-in, with activity: %d, want 200", elapsed+10*time.Minute, r.StatusCode)
		}
	}
	clk.Add(10 * time.Minute)
	if r := c.Get("/"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("12 h after sign-in: %d, want a redirect to sign in", r.StatusCode)
	}
}

// TestUserChangeEndsSessions: disabling a user or resetting the second
// factor ends the user's open web sessions at their next request.
func TestUserChangeEndsSessions(t *testing.T) {
	disabled := true
	for name, ch := range map[string]app.UserChange{"disabled": {Disabled: &disabled}, "second factor reset": {ResetMFA: true}} {
		t.Run(name, func(t *testing.T) {
			n := webtest.New(t, webtest.Options{})
			n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "en", iforce.RoleOfficer)
			c := n.NewClient(t, n.Server(t).URL)
			c.SignIn("olena")
			if r := c.Get("/"); r.StatusCode != http.StatusOK {
				t.Fatalf("home: %d", r.StatusCode)
			}
			if _, err := n.App.UpdateUser(n.System(), "olena", ch); err != nil {
				t.Fatal(err)
			}
			r := c.Get("/")
			if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/signin" {
				t.Fatalf("next request: %d %s, want 303 /signin", r.StatusCode, r.Header.Get("Location"))
			}
			if page := c.Get("/signin"); !strings.Contains(page.Body, "no longer active") {
				t.Errorf("sign-in page does not say why:\n%s", page.Body)
			}
		})
	}
}

func TestDeactivatedAgencySignsOut(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "MD-NCB", "ion", "Ion Ciobanu", "ro", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("ion")
	inactive := false
	if _, err := n.App.UpdateAgency(n.System(), "MD-NCB", app.AgencyChange{Active: &inactive}); err != nil {
		t.Fatal(err)
	}
	if r := c.Get("/profile"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("user of a deactivated agency: %d, want a redirect", r.StatusCode)
	}
}

func TestSignInDoesNotRevealUsers(t *testing.T) {
	n := webtest.New(t, webtest.Options{LockoutThreshold: 3})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	try := func(user string) *webtest.Response {
		return c.Post("/signin", url.Values{"username": {user}, "password": {"wrong-password-123"}})
	}
	body := func(r *webtest.Response) string { // the page without the username typed
		_, main, _ := strings.Cut(r.Body, `<main id="main"`)
		return strings.NewReplacer(`value="olena"`, "", `value="nobody"`, "").Replace(main)
	}
	for i := range 3 {
		known, unknown := try("olena"), try("nobody")
		if known.StatusCode != http.StatusUnauthorized || unknown.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d and %d, want 401", i+1, known.StatusCode, unknown.StatusCode)
		}
		if body(known) != body(unknown) {
			t.Fatalf("attempt %d: pages differ for a known and an unknown username", i+1)
		}
	}
	known, unknown := try("olena"), try("nobody")
	if known.StatusCode != http.StatusTooManyRequests || unknown.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after the threshold: %d and %d, want 429", known.StatusCode, unknown.StatusCode)
	}
	if body(known) != body(unknown) || !strings.Contains(known.Body, "Too many failed attempts") {
		t.Fatalf("lockout pages differ or lack the message:\n%s", known.Body)
	}
}

func TestNoOpenRedirect(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	c := n.NewClient(t, n.Server(t).URL)
	for _, next := range []string{"//attacker.example/", "https://attacker.example/", "/\\attacker.example", "javascript:alert(1)"} {
		r := c.Post("/language", url.Values{"lang": {"uk"}, "next": {next}})
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("next=%q redirected to %q, want /", next, loc)
		}
	}
}

func TestCookiesSecureOverTLS(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "", iforce.RoleOfficer)
	form := url.Values{"username": {"olena"}, "password": {webtest.Password}}
	req := httptest.NewRequest(http.MethodPost, "https://iforce.example/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	n.Handler.ServeHTTP(rec, req)
	cookies := rec.Result().Cookies()
	if len(cookies) == 0 {
		t.Fatalf("no cookie (status %d)", rec.Code)
	}
	for _, c := range cookies {
		if !c.Secure {
			t.Errorf("cookie %s over TLS is not Secure", c.Name)
		}
	}
	if rec.Header().Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS over TLS")
	}
	req = httptest.NewRequest(http.MethodPost, "https://iforce.example/language", strings.NewReader("lang=ro&next=/"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	n.Handler.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if !c.Secure {
			t.Errorf("cookie %s over TLS is not Secure", c.Name)
		}
	}
}

func TestInternalErrorShowsRequestID(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "uk", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("olena")
	n.Store.Close() // the database goes away
	r := c.Get("/")
	id := r.Header.Get("X-Request-Id")
	if r.StatusCode != http.StatusInternalServerError || id == "" {
		t.Fatalf("home without a database: %d, request id %q", r.StatusCode, id)
	}
	if !strings.Contains(r.Body, `<code class="request-id">`+id+`</code>`) || !strings.Contains(r.Body, "Сталася помилка") {
		t.Errorf("the 500 page lacks the request id %s or is not in Ukrainian:\n%s", id, r.Body)
	}
}
