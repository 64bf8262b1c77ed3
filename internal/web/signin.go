package web

import (
	"encoding/base64"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// Sign-in is two steps, each a plain form: username and password, then a TOTP code.
// Between them the session holds the user id; no form ever carries it. A user without a
// second factor enrols one between the steps, from a QR code the server draws.

func (h *Handler) showSignIn(w http.ResponseWriter, r *http.Request) {
	if app.PrincipalFrom(r.Context()) != nil {
		redirect(w, r, "/")
		return
	}
	h.render(w, r, http.StatusOK, "signin", newForm(), nil)
}

func (h *Handler) checkPassword(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f := readForm(w, r)
	res, err := h.app.CheckPassword(ctx, f.Get("username"), f.Get("password"))
	if err != nil {
		h.signInFailed(w, r, "signin", f, err)
		return
	}
	next := h.sm.GetString(ctx, keyNext)
	if err := h.resetSession(ctx); err != nil {
		h.fail(w, r, err)
		return
	}
	h.sm.Put(ctx, keyPending, res.UserID)
	h.sm.Put(ctx, keyPendingAt, h.now().UnixMilli())
	if next != "" {
		h.sm.Put(ctx, keyNext, next)
	}
	if !res.Enrol {
		redirect(w, r, "/signin/code")
		return
	}
	key, err := h.app.BeginEnrolment(ctx, res.UserID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.sm.Put(ctx, keyEnrolSecret, key.Secret)
	h.sm.Put(ctx, keyEnrolAccount, iforce.NormaliseUsername(f.Get("username")))
	redirect(w, r, "/signin/enrol")
}

// signInFailed shows the form again with the one message for every wrong input, or the
// lockout message, which is the same whether the username exists or not.
func (h *Handler) signInFailed(w http.ResponseWriter, r *http.Request, page string, f *form, err error) {
	var status int
	var key string
	switch iforce.ErrorKind(err) {
	case iforce.KindUnauthenticated:
		status, key = http.StatusUnauthorized, "signin.failed"
		if page != "signin" {
			key = "signin.bad_code"
		}
	case iforce.KindTooMany:
		status, key = http.StatusTooManyRequests, "signin.locked"
	default:
		h.fail(w, r, err)
		return
	}
	f.set("password", "")
	f.set("code", "")
	f.add("", h.locale(r).T(key))
	h.render(w, r, status, page, f, h.enrolmentFor(r))
}

// pending returns the user id of a sign-in between its two steps, 0 when there is none
// or it is too old.
func (h *Handler) pending(r *http.Request) int64 {
	ctx := r.Context()
	uid := h.sm.GetInt64(ctx, keyPending)
	at := time.UnixMilli(h.sm.GetInt64(ctx, keyPendingAt))
	if uid == 0 || h.now().Sub(at) > pendingTTL {
		return 0
	}
	return uid
}

// enrolment is what the enrolment page shows: the QR code and the secret.
type enrolment struct {
	QR     template.URL // data: URI of the PNG
	Secret string       // grouped by four for reading
}

// enrolmentFor draws the QR code of the secret being enrolled, nil when none.
func (h *Handler) enrolmentFor(r *http.Request) *enrolment {
	secret := h.sm.GetString(r.Context(), keyEnrolSecret)
	if secret == "" {
		return nil
	}
	key, err := auth.TOTPFromSecret(h.sm.GetString(r.Context(), keyEnrolAccount), secret)
	if err != nil {
		return nil
	}
	png, err := key.QRPNG(200)
	if err != nil {
		return nil
	}
	// A data: URI built here from PNG bytes; the CSP allows img-src data:.
	uri := template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	return &enrolment{QR: uri, Secret: group(secret, 4)}
}

func group(s string, n int) string {
	var b strings.Builder
	for i, c := range s {
		if i > 0 && i%n == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (h *Handler) showEnrolment(w http.ResponseWriter, r *http.Request) {
	e := h.enrolmentFor(r)
	if h.pending(r) == 0 || e == nil {
		redirect(w, r, "/signin")
		return
	}
	h.render(w, r, http.StatusOK, "signin_enrol", newForm(), e)
}

func (h *Handler) showCode(w http.ResponseWriter, r *http.Request) {
	if h.pending(r) == 0 {
		redirect(w, r, "/signin")
		return
	}
	if h.sm.GetString(r.Context(), keyEnrolSecret) != "" {
		redirect(w, r, "/signin/enrol")
		return
	}
	h.render(w, r, http.StatusOK, "signin_code", newForm(), nil)
}

func (h *Handler) checkCode(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	uid := h.pending(r)
	if uid == 0 {
		h.warn(ctx, "signin.restart", "")
		redirect(w, r, "/signin")
		return
	}
	f := readForm(w, r)
	code := strings.ReplaceAll(f.Get("code"), " ", "")
	p, err := h.app.CompleteSignIn(ctx, uid, code)
	if err != nil {
		page := "signin_code"
		if h.sm.GetString(ctx, keyEnrolSecret) != "" {
			page = "signin_enrol"
		}
		h.signInFailed(w, r, page, f, err)
		return
	}
	next := localPath(h.sm.GetString(ctx, keyNext))
	if err := h.sm.RenewToken(ctx); err != nil {
		h.fail(w, r, iforce.Internal("renew session", err))
		return
	}
	for _, k := range []string{keyPending, keyPendingAt, keyEnrolSecret, keyEnrolAccount, keyNext} {
		h.sm.Remove(ctx, k)
	}
	now := h.now().UnixMilli()
	h.sm.Put(ctx, keyUser, p.UserID)
	h.sm.Put(ctx, keySignedInAt, now)
	h.sm.Put(ctx, keySeen, now)
	// The user's language, when they chose one; otherwise the one they signed in with.
	lang := h.locale(r).Lang()
	if u, err := h.app.Me(app.WithPrincipal(ctx, p)); err == nil && u.Locale != "" {
		lang = u.Locale
	}
	h.sm.Put(ctx, keyLocale, lang)
	h.setLangCookie(w, r, lang)
	redirect(w, r, next)
}

func (h *Handler) signOut(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := h.app.SignOut(ctx); err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.endSession(ctx, "signin.signed_out", false); err != nil {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/signin")
}

// keepAlive answers the "stay signed in" button of the idle warning; loading the
// session has already moved the idle limit.
func (h *Handler) keepAlive(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("HX-Request") == "true" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	redirect(w, r, localPath(readForm(w, r).Get("next")))
}
