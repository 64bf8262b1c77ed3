package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

func userValues(u *iforce.User) *form {
	f := newForm()
	f.set("name", u.Name)
	f.set("locale", u.Locale)
	for _, r := range u.Roles {
		f.values.Add("role", string(r))
	}
	for _, c := range u.Clearances {
		f.values.Add("clearance", string(c))
	}
	return f
}

func (h *Handler) showUser(w http.ResponseWriter, r *http.Request) {
	u, err := h.app.User(r.Context(), r.PathValue("username"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "user_edit", userValues(u), newUserForm(u, nil))
}

// updateUser saves name, roles, clearances and language.
func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	name, locale, rs, cs := f.Get("name"), f.Get("locale"), roles(f), clearances(f)
	u, err := h.app.UpdateUser(r.Context(), r.PathValue("username"), app.UserChange{Name: &name, Locale: &locale, Roles: &rs, Clearances: &cs})
	if err != nil {
		if f.takeErr(h.locale(r), err) {
			if u, err = h.app.User(r.Context(), r.PathValue("username")); err == nil {
				h.render(w, r, http.StatusUnprocessableEntity, "user_edit", f, newUserForm(u, nil))
				return
			}
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "user.saved", u.Username)
	redirect(w, r, "/admin/users/"+u.Username)
}

// setUserDisabled disables a user, who is signed out at their next request, or enables
// them again.
func (h *Handler) setUserDisabled(w http.ResponseWriter, r *http.Request) {
	disabled := readForm(w, r).Get("disabled") == "true"
	u, err := h.app.UpdateUser(r.Context(), r.PathValue("username"), app.UserChange{Disabled: &disabled})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if disabled {
		h.flash(r.Context(), "user.disabled_done", u.Username)
	} else {
		h.flash(r.Context(), "user.enabled_done", u.Username)
	}
	redirect(w, r, "/admin/users/"+u.Username)
}

// resetMFA removes a user's second factor: they enrol a new one at their next sign-in.
func (h *Handler) resetMFA(w http.ResponseWriter, r *http.Request) {
	u, err := h.app.UpdateUser(r.Context(), r.PathValue("username"), app.UserChange{ResetMFA: true})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "user.mfa_reset_done", u.Username)
	redirect(w, r, "/admin/users/"+u.Username)
}
