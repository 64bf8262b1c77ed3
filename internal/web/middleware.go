package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// Session keys. Identity lives only here, server-side: no form field ever names a user.
const (
	keyUser         = "uid"          // int64: the signed-in user
	keySignedInAt   = "signed_in_at" // int64 Unix ms: start of the absolute limit
	keySeen         = "seen"         // int64 Unix ms: last request, for the idle limit
	keyLocale       = "locale"       // string: the signed-in user's language
	keyPending      = "pending_uid"  // int64: passed the password step, no code yet
	keyPendingAt    = "pending_at"   // int64 Unix ms
	keyEnrolSecret  = "enrol_secret" // string: TOTP secret being enrolled
	keyEnrolAccount = "enrol_account"
	keyFlash        = "flash"      // string: message id shown once
	keyFlashArg     = "flash_arg"  // string: {{.Arg}} of the flash message
	keyFlashWarn    = "flash_warn" // bool: the flash message is a warning
	keyNext         = "next"       // string: local path to return to after sign-in
)

// pendingTTL bounds the time between the password and the code.
const pendingTTL = 10 * time.Minute

// crossOrigin refuses state-changing requests from other origins (Sec-Fetch-Site and
// Origin checks of net/http.CrossOriginProtection) with the 403 page.
func (h *Handler) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.renderError(w, r, http.StatusForbidden)
	}))
	return cop.Handler(next)
}

// secureCookies adds the Secure attribute to the cookies of a request that came over
// TLS (scs fixes the attribute once per manager; a node may serve both).
func (h *Handler) secureCookies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil || h.secure {
			next.ServeHTTP(w, r)
			return
		}
		sw := &secureWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		sw.fix()
	})
}

type secureWriter struct {
	http.ResponseWriter
	done bool
}

func (w *secureWriter) fix() {
	if w.done {
		return
	}
	w.done = true
	cs := w.Header()["Set-Cookie"]
	for i, c := range cs {
		if !strings.Contains(strings.ToLower(c), "; secure") {
			cs[i] = c + "; Secure"
		}
	}
}

func (w *secureWriter) WriteHeader(code int) { w.fix(); w.ResponseWriter.WriteHeader(code) }
func (w *secureWriter) Write(b []byte) (int, error) {
	w.fix()
	return w.ResponseWriter.Write(b)
}
func (w *secureWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// page loads the session, resumes the signed-in user (reloading the principal, so a
// disabled user is signed out now), enforces the idle and absolute limits, and picks
// the language.
func (h *Handler) page(next http.HandlerFunc) http.Handler {
	return h.sm.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		st := &state{session: true}
		// A session cookie whose session the store no longer holds: it passed its limit.
		if c, err := r.Cookie(h.sm.Cookie.Name); err == nil && c.Value != "" && h.sm.Token(ctx) == "" {
			st.lapsed = true
		}
		ctx = context.WithValue(ctx, stateKey, st)
		if uid := h.sm.GetInt64(ctx, keyUser); uid != 0 {
			p, err := h.resume(ctx, uid)
			if err != nil {
				h.fail(w, r.WithContext(ctx), err)
				return
			}
			if p != nil {
				ctx = app.WithPrincipal(ctx, p)
			}
		}
		lang := h.sm.GetString(ctx, keyLocale)
		st.loc = h.i18n.Locale(h.i18n.Negotiate(lang, langCookie(r), r.Header.Get("Accept-Language")))
		next(w, r.WithContext(ctx))
	}))
}

// resume returns the principal of the session's user, or nil after ending a session
// that passed a limit or whose user may no longer sign in.
func (h *Handler) resume(ctx context.Context, uid int64) (*iforce.Principal, error) {
	now := h.now()
	signedIn := time.UnixMilli(h.sm.GetInt64(ctx, keySignedInAt))
	seen := time.UnixMilli(h.sm.GetInt64(ctx, keySeen))
	if now.Sub(signedIn) >= h.lifetime || now.Sub(seen) >= h.idle {
		return nil, h.endSession(ctx, "session.expired", true)
	}
	p, err := h.app.SessionPrincipal(ctx, uid)
	if iforce.IsKind(err, iforce.KindUnauthenticated) {
		return nil, h.endSession(ctx, "session.ended", true)
	}
	if err != nil {
		return nil, err
	}
	h.sm.Put(ctx, keySeen, now.UnixMilli())
	return p, nil
}

// resetSession empties the session under a new token, keeping only the language: at
// each step of signing in and out, so that no token outlives a change of identity.
func (h *Handler) resetSession(ctx context.Context) error {
	lang := h.sm.GetString(ctx, keyLocale)
	if err := h.sm.RenewToken(ctx); err != nil {
		return iforce.Internal("renew session", err)
	}
	if err := h.sm.Clear(ctx); err != nil {
		return iforce.Internal("clear session", err)
	}
	if lang != "" {
		h.sm.Put(ctx, keyLocale, lang)
	}
	return nil
}

// endSession forgets the signed-in user, leaving a message for the sign-in page.
func (h *Handler) endSession(ctx context.Context, flashID string, warning bool) error {
	if err := h.resetSession(ctx); err != nil {
		return err
	}
	if warning {
		h.warn(ctx, flashID, "")
	} else {
		h.flash(ctx, flashID, "")
	}
	return nil
}

// member serves next only to a signed-in user; others go to the sign-in page and come
// back after it.
func (h *Handler) member(next http.HandlerFunc) http.Handler {
	return h.page(func(w http.ResponseWriter, r *http.Request) {
		if app.PrincipalFrom(r.Context()) == nil {
			h.toSignIn(w, r)
			return
		}
		next(w, r)
	})
}

// need serves next only to a user whom the access policy allows action; the app checks
// again at every call, this keeps the UI and the policy in agreement for pages that
// show a form before any call. Refusals are 403, or 404 on a page about one object.
func (h *Handler) need(action access.Action, next http.HandlerFunc) http.Handler {
	return h.member(func(w http.ResponseWriter, r *http.Request) {
		if !access.Decide(app.PrincipalFrom(r.Context()), action, nil).Allowed {
			h.fail(w, r, iforce.Errorf(iforce.KindForbidden, "not allowed"))
			return
		}
		next(w, r)
	})
}

// toSignIn sends the visitor to the sign-in page, remembering where to come back to,
// and saying why when their session has lapsed.
func (h *Handler) toSignIn(w http.ResponseWriter, r *http.Request) {
	if st := stateFrom(r.Context()); st != nil && st.session {
		if r.Method == http.MethodGet && r.URL.Path != "/" {
			h.sm.Put(r.Context(), keyNext, r.URL.RequestURI())
		}
		if st.lapsed {
			h.warn(r.Context(), "session.expired", "")
		}
	}
	redirect(w, r, "/signin")
}

// redirect answers with 303 See Other, or with HX-Redirect for an htmx request so the
// whole page moves.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", to)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// localPath returns p when it is a path on this site, else "/": never an open redirect.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.ContainsAny(p, "\r\n") {
		return "/"
	}
	return p
}

// flash stores a message for the next page.
func (h *Handler) flash(ctx context.Context, id, arg string) {
	h.sm.Put(ctx, keyFlash, id)
	if arg != "" {
		h.sm.Put(ctx, keyFlashArg, arg)
	}
}

// warn stores a warning for the next page.
func (h *Handler) warn(ctx context.Context, id, arg string) {
	h.flash(ctx, id, arg)
	h.sm.Put(ctx, keyFlashWarn, true)
}

const langCookieName = "iforce_lang"

// setLangCookie remembers the language in this browser for a year, for the pages
// shown before sign-in.
func (h *Handler) setLangCookie(w http.ResponseWriter, r *http.Request, lang string) {
	http.SetCookie(w, &http.Cookie{Name: langCookieName, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.secure || r.TLS != nil})
}

func langCookie(r *http.Request) string {
	if c, err := r.Cookie(langCookieName); err == nil {
		return c.Value
	}
	return ""
}
