package web

import (
	"net/http"
	"slices"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// setLanguage switches the interface language: stored with the user when signed in,
// and in a cookie for the sign-in page of this browser.
func (h *Handler) setLanguage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f := readForm(w, r)
	lang := f.Get("lang")
	if !slices.Contains(iforce.Locales, lang) {
		h.renderError(w, r, http.StatusUnprocessableEntity)
		return
	}
	if app.PrincipalFrom(ctx) != nil {
		if err := h.app.SetLocale(ctx, lang); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.sm.Put(ctx, keyLocale, lang)
	h.setLangCookie(w, r, lang)
	redirect(w, r, localPath(f.Get("next")))
}
