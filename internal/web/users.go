package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// userForm is the data of the user forms.
type userForm struct {
	User       *iforce.User     // nil when creating
	Agencies   []*iforce.Agency // for creating: the active agencies
	Roles      []iforce.Role
	Clearances []iforce.Clearance
	Locales    []string
}

func newUserForm(u *iforce.User, agencies []*iforce.Agency) userForm {
	var active []*iforce.Agency
	for _, a := range agencies {
		if a.Active {
			active = append(active, a)
		}
	}
	return userForm{User: u, Agencies: active, Roles: iforce.Roles, Clearances: iforce.Clearances, Locales: iforce.Locales}
}

// usersPage lists users, of one agency when Agency is set.
type usersPage struct {
	Users  []*iforce.User
	Agency string
}

func (h *Handler) showUsers(w http.ResponseWriter, r *http.Request) {
	agency := r.URL.Query().Get("agency")
	list, err := h.app.Users(r.Context(), agency)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "users", nil, usersPage{Users: list, Agency: agency})
}

func (h *Handler) showNewUser(w http.ResponseWriter, r *http.Request) {
	h.renderNewUser(w, r, http.StatusOK, newForm())
}

func (h *Handler) renderNewUser(w http.ResponseWriter, r *http.Request, status int, f *form) {
	list, err := h.app.Agencies(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "user_new", f, newUserForm(nil, list))
}

// roles and clearances read the checkboxes of a user form.
func roles(f *form) []iforce.Role {
	var out []iforce.Role
	for _, v := range f.values["role"] {
		out = append(out, iforce.Role(v))
	}
	return out
}

func clearances(f *form) []iforce.Clearance {
	var out []iforce.Clearance
	for _, v := range f.values["clearance"] {
		out = append(out, iforce.Clearance(v))
	}
	return out
}

// userCreated shows the generated password, once: it is in this response only.
type userCreated struct {
	User     *iforce.User
	Password string
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	u, pw, err := h.app.CreateUser(r.Context(), app.NewUser{Agency: f.Get("agency"), Username: f.Get("username"),
		Name: f.Get("name"), Roles: roles(f), Clearances: clearances(f), Locale: f.Get("locale")})
	if err != nil {
		if f.takeErr(h.locale(r), err) {
			h.renderNewUser(w, r, http.StatusUnprocessableEntity, f)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "user_created", nil, userCreated{User: u, Password: pw})
}
