package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/iforce"
)

func (h *Handler) showProfile(w http.ResponseWriter, r *http.Request) {
	h.renderProfile(w, r, http.StatusOK, newForm())
}

func (h *Handler) renderProfile(w http.ResponseWriter, r *http.Request, status int, f *form) {
	u, err := h.app.Me(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "profile", f, u)
}

// changePassword changes the user's own password. A wrong current password counts as a
// failed sign-in, as the app decides; it is shown next to its field.
func (h *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	loc := h.locale(r)
	if f.Get("new_password") != f.Get("confirm_password") {
		f.problem(loc, "confirm_password", "problem.password_mismatch")
		h.renderProfile(w, r, http.StatusUnprocessableEntity, clearPasswords(f))
		return
	}
	err := h.app.ChangePassword(r.Context(), f.Get("current_password"), f.Get("new_password"))
	switch {
	case err == nil:
		h.flash(r.Context(), "profile.password_changed", "")
		redirect(w, r, "/profile")
	case iforce.IsKind(err, iforce.KindUnauthenticated):
		f.problem(loc, "current_password", "problem.password_wrong")
		h.renderProfile(w, r, http.StatusUnprocessableEntity, clearPasswords(f))
	case f.takeErr(loc, err):
		h.renderProfile(w, r, http.StatusUnprocessableEntity, clearPasswords(f))
	default:
		h.fail(w, r, err)
	}
}

// clearPasswords keeps passwords out of the page sent back.
func clearPasswords(f *form) *form {
	for _, k := range []string{"current_password", "new_password", "confirm_password"} {
		f.set(k, "")
	}
	return f
}
