package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// tokenDays are the lifetimes offered for a new API token.
var tokenDays = []int{1, 7, 30, 90, 365}

type tokensPage struct {
	Tokens  []tokenRow
	Days    []int
	Created *iforce.Token // the token just created, with its secret: shown once
}

type tokenRow struct {
	*iforce.Token
	Status string // catalog key
}

func (h *Handler) renderTokens(w http.ResponseWriter, r *http.Request, status int, f *form, created *iforce.Token) {
	list, err := h.app.Tokens(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	now := h.now()
	rows := make([]tokenRow, 0, len(list))
	for _, t := range list {
		st := "token.status_active"
		switch {
		case !t.RevokedAt.IsZero():
			st = "token.status_revoked"
		case !now.Before(t.ExpiresAt):
			st = "token.status_expired"
		}
		rows = append(rows, tokenRow{t, st})
	}
	h.render(w, r, status, "tokens", f, tokensPage{Tokens: rows, Days: tokenDays, Created: created})
}

func (h *Handler) showTokens(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	f.set("ttl", "30")
	h.renderTokens(w, r, http.StatusOK, f, nil)
}

// createToken creates a token and shows its secret in this response only.
func (h *Handler) createToken(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	ttl := time.Duration(-1) // not a number of days: the app reports the field
	if d, err := strconv.Atoi(f.Get("ttl")); err == nil && d > 0 {
		ttl = time.Duration(d) * 24 * time.Hour
	}
	t, err := h.app.CreateToken(r.Context(), app.NewToken{Name: f.Get("name"), TTL: ttl})
	if err != nil {
		if f.takeErr(h.locale(r), err) {
			h.renderTokens(w, r, http.StatusUnprocessableEntity, f, nil)
			return
		}
		h.fail(w, r, err)
		return
	}
	f = newForm()
	f.set("ttl", "30")
	h.renderTokens(w, r, http.StatusOK, f, t)
}

func (h *Handler) revokeToken(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := h.app.RevokeToken(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "token.revoked", id)
	redirect(w, r, "/profile/tokens")
}
