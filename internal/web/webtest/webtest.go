// Package webtest assembles a complete I-FORCE node in memory for tests of the web UI:
// a fresh SQLite store, the app with fast password hashing and a name screening index, the root handler (server
// middleware, JSON API and web UI) and the agencies of a few programme countries. Its
// Client signs users in over HTTP as a browser would, enrolling the second factor.
package webtest

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/server"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
	"github.com/iforce-platform/iforce/internal/web"
)

// Password is the password of every user that AddUser creates.
const Password = "granite-lantern-orchard-42"

// FastPassword are Argon2id parameters cheap enough for tests.
var FastPassword = auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}

// Options adjust a node for a test; the zero value is a node with the defaults.
type Options struct {
	// Now is the clock of the web UI's session limits; the app keeps the real clock so
	// that TOTP codes are those of the real time.
	Now func() time.Time
	// LockoutThreshold is the number of failed sign-ins that lock an account (5).
	LockoutThreshold int
	// IdleTimeout of web sessions (15 minutes).
	IdleTimeout time.Duration
}

// Node is an assembled node.
type Node struct {
	Store   *sqlstore.Store
	App     *app.App
	Web     *web.Handler
	Handler http.Handler // the root handler of the node

	mu      sync.Mutex
	secrets map[string]string // TOTP secret of each enrolled user
	steps   map[string]int64  // last TOTP time step used by each user
}

// Agencies are created by New: code, country and kind.
var Agencies = []iforce.Agency{
	{Code: "UA-NCB", Name: "Національне центральне бюро Інтерполу в Україні", Country: "UA", Kind: iforce.AgencyNCB},
	{Code: "MD-NCB", Name: "Biroul Național Central Interpol al Republicii Moldova", Country: "MD", Kind: iforce.AgencyNCB},
	{Code: "RO-NCB", Name: "Biroul Național Interpol", Country: "RO", Kind: iforce.AgencyNCB},
	{Code: "PROGRAMME", Name: "I-FORCE Programme Team", Country: "FR", Kind: iforce.AgencyProgramme},
}

// New assembles a node on a fresh database.
func New(t testing.TB, o Options) *Node {
	t.Helper()
	st := sqlstoretest.Open(t, sqlstore.SQLite, nil)
	log := slog.New(slog.DiscardHandler)
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(t), Log: log, Screening: screening.New(),
		Config: app.Config{Password: FastPassword, LockoutThreshold: o.LockoutThreshold}})
	w := web.New(web.Deps{App: a, Sessions: st.Sessions(), Log: log, Now: o.Now, IdleTimeout: o.IdleTimeout})
	h, err := server.Handler(a, w, server.NewMetrics(), log, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := &Node{Store: st, App: a, Web: w, Handler: h, secrets: map[string]string{}, steps: map[string]int64{}}
	for _, ag := range Agencies {
		ag.Active = true
		if err := a.CreateAgency(n.System(), &ag); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// System returns a context acting as the node operator.
func (n *Node) System() context.Context {
	ctx := app.WithRequest(context.Background(), app.Request{ID: "test"})
	return app.WithPrincipal(ctx, iforce.SystemPrincipal())
}

// AddUser creates a user with Password.
func (n *Node) AddUser(t testing.TB, agency, username, name, locale string, roles ...iforce.Role) *iforce.User {
	t.Helper()
	u, _, err := n.App.CreateUser(n.System(), app.NewUser{Agency: agency, Username: username, Name: name,
		Roles: roles, Locale: locale, Password: Password})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// SetSecret records the TOTP secret a user enrolled (read from the enrolment page).
func (n *Node) SetSecret(username, secret string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.secrets[username] = strings.ReplaceAll(secret, " ", "")
}

// Secret returns the enrolled TOTP secret of a user, "" when none.
func (n *Node) Secret(username string) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.secrets[username]
}

// NextCode returns a TOTP code of the user's enrolled secret that no sign-in has used:
// codes are single-use, and the app accepts the previous, current and next 30-second
// step, so a test that signs one user in many times waits only when it must.
func (n *Node) NextCode(t testing.TB, username string) string {
	t.Helper()
	secret := n.Secret(username)
	if secret == "" {
		t.Fatalf("%s has no enrolled secret", username)
	}
	for {
		n.mu.Lock()
		now := time.Now().Unix() / 30
		step := max(now, n.steps[username]+1)
		if step <= now+1 {
			n.steps[username] = step
		}
		n.mu.Unlock()
		if step <= now+1 {
			return Code(t, secret, step)
		}
		time.Sleep(time.Second)
	}
}

// Code returns the TOTP code of secret for the 30-second time step step (Unix time/30).
func Code(t testing.TB, secret string, step int64) string {
	t.Helper()
	c, err := auth.TOTPCode(secret, time.Unix(step*30, 0))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// CurrentStep is the TOTP time step of now.
func CurrentStep() int64 { return time.Now().Unix() / 30 }

// Server serves the node on 127.0.0.1 until the test ends.
func (n *Node) Server(t testing.TB) *httptest.Server {
	s := httptest.NewServer(n.Handler)
	t.Cleanup(s.Close)
	return s
}

// Client is a browser-like HTTP client of one user: it keeps cookies and does not
// follow redirects, so tests see each answer.
type Client struct {
	t    testing.TB
	n    *Node
	base string
	hc   *http.Client
}

// NewClient returns a client of the node served at base.
func (n *Node) NewClient(t testing.TB, base string) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: t, n: n, base: base, hc: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Response is a read answer.
type Response struct {
	*http.Response
	Body string
}

// Do sends a request with the given headers.
func (c *Client) Do(method, path string, form url.Values, header http.Header) *Response {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return &Response{Response: resp, Body: string(b)}
}

// PostFile submits a multipart form with fields and one file.
func (c *Client) PostFile(path string, fields url.Values, fileField, fileName, content string) *Response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, err := mw.CreateFormFile(fileField, fileName)
	if err == nil {
		_, err = io.WriteString(fw, content)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		c.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, c.base+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return &Response{Response: resp, Body: string(b)}
}

// Cookies returns the cookies the client holds for the node.
func (c *Client) Cookies() []*http.Cookie {
	u, err := url.Parse(c.base)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.hc.Jar.Cookies(u)
}

// Get fetches a page.
func (c *Client) Get(path string) *Response { return c.Do(http.MethodGet, path, nil, nil) }

// Post submits a form.
func (c *Client) Post(path string, form url.Values) *Response {
	return c.Do(http.MethodPost, path, form, nil)
}

var secretRE = regexp.MustCompile(`id="totp-secret"[^>]*>([A-Z2-7 ]+)<`)

// SecretOf returns the TOTP secret shown on an enrolment page, "" when none.
func SecretOf(page string) string {
	if m := secretRE.FindStringSubmatch(page); m != nil {
		return strings.ReplaceAll(m[1], " ", "")
	}
	return ""
}

// SignIn signs username in with Password, enrolling a second factor when the page asks
// for it, and fails the test unless the sign-in ends on the home page.
func (c *Client) SignIn(username string) {
	c.t.Helper()
	r := c.Post("/signin", url.Values{"username": {username}, "password": {Password}})
	if r.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("sign in %s: password step answered %d", username, r.StatusCode)
	}
	if loc := r.Header.Get("Location"); loc == "/signin/enrol" {
		page := c.Get(loc)
		secret := SecretOf(page.Body)
		if secret == "" {
			c.t.Fatalf("sign in %s: no secret on the enrolment page", username)
		}
		c.n.SetSecret(username, secret)
	}
	r = c.Post("/signin/code", url.Values{"code": {c.n.NextCode(c.t, username)}})
	if r.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("sign in %s: code step answered %d", username, r.StatusCode)
	}
}
