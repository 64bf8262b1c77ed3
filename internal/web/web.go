// Package web is the server-rendered user interface of I-FORCE: html/template pages in
// English, Ukrainian and Romanian, progressively enhanced with a vendored htmx, on the
// same app use cases as the JSON API. routes.go lists every page; each resource has
// its own file; handlers decode the request, make one app call and render.
//
// Invariants:
//   - every essential action works without JavaScript (plain forms, post-redirect-get);
//   - the principal is reloaded from the database on every request, so a disabled user
//     or agency is signed out at the next click;
//   - every state-changing request passes net/http.CrossOriginProtection, and session
//     cookies are HttpOnly and SameSite=Lax;
//   - pages carry no inline script and no style attribute, so they stay within the
//     server's Content-Security-Policy; all output goes through html/template.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
)

// Session limits of the foundation: a session ends after 15 minutes without a request
// and 12 hours after sign-in, whichever comes first.
const (
	DefaultIdleTimeout = 15 * time.Minute
	DefaultLifetime    = 12 * time.Hour
)

// Deps are what the web UI needs from its caller: no globals.
type Deps struct {
	App *app.App
	// Sessions stores web sessions (sqlstore's SessionStore in a node).
	Sessions scs.CtxStore
	Log      *slog.Logger
	// Now is the clock of the session limits; time.Now when nil.
	Now func() time.Time
	// IdleTimeout and Lifetime override the session limits (tests); zero = defaults.
	IdleTimeout, Lifetime time.Duration
	// SecureCookies marks cookies Secure on every request, for a node behind a proxy that
	// terminates TLS. Requests that arrive over TLS get Secure cookies regardless.
	SecureCookies bool
}

// Handler serves the web UI.
type Handler struct {
	app      *app.App
	sm       *scs.SessionManager
	log      *slog.Logger
	now      func() time.Time
	idle     time.Duration
	lifetime time.Duration
	secure   bool
	i18n     *i18n.Bundle
	views    *views
	assets   *assets
	root     http.Handler
}

// New returns the web UI handler. Templates, catalogs and static files are embedded in
// the binary and checked by the tests, so New fails only on a broken build: it panics
// rather than making every caller handle an error that cannot happen at run time.
func New(d Deps) *Handler {
	if d.App == nil || d.Sessions == nil {
		panic("web: Deps.App and Deps.Sessions are required")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.IdleTimeout == 0 {
		d.IdleTimeout = DefaultIdleTimeout
	}
	if d.Lifetime == 0 {
		d.Lifetime = DefaultLifetime
	}
	bundle, err := i18n.New()
	if err != nil {
		panic(fmt.Sprintf("web: %v", err))
	}
	as, err := loadAssets()
	if err != nil {
		panic(fmt.Sprintf("web: %v", err))
	}
	h := &Handler{app: d.App, log: d.Log, now: d.Now, idle: d.IdleTimeout, lifetime: d.Lifetime,
		secure: d.SecureCookies, i18n: bundle, assets: as}
	if h.views, err = parseViews(bundle, as); err != nil {
		panic(fmt.Sprintf("web: %v", err))
	}
	h.sm = newSessionManager(d)
	h.sm.ErrorFunc = h.sessionError
	h.root = h.secureCookies(h.crossOrigin(h.routes()))
	return h
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.root.ServeHTTP(w, r) }

func newSessionManager(d Deps) *scs.SessionManager {
	sm := scs.New()
	sm.Store = d.Sessions
	sm.IdleTimeout = d.IdleTimeout
	sm.Lifetime = d.Lifetime
	sm.Cookie.Name = "iforce_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = d.SecureCookies
	sm.Cookie.Persist = false // a browser session cookie: closing the browser signs out
	return sm
}

// sessionError answers a request whose session could not be loaded or saved: the
// 500 page, without touching the session again.
func (h *Handler) sessionError(w http.ResponseWriter, r *http.Request, err error) {
	h.log.ErrorContext(r.Context(), "session store", "err", err, "request_id", requestID(r))
	h.renderError(w, r.WithContext(context.WithValue(r.Context(), stateKey, (*state)(nil))), http.StatusInternalServerError)
}

type ctxKey int

const stateKey ctxKey = 0

// state is what the middleware learnt about a request.
type state struct {
	loc     *i18n.Locale
	session bool // the session is loaded: flash messages may be read
	lapsed  bool // the browser presented a session that has ended
}

func stateFrom(ctx context.Context) *state {
	s, _ := ctx.Value(stateKey).(*state)
	return s
}

// locale returns the language of the request: the one the middleware chose, or one
// negotiated from the cookie and Accept-Language for requests without a session.
func (h *Handler) locale(r *http.Request) *i18n.Locale {
	if s := stateFrom(r.Context()); s != nil && s.loc != nil {
		return s.loc
	}
	return h.i18n.Locale(h.i18n.Negotiate(langCookie(r), r.Header.Get("Accept-Language")))
}
