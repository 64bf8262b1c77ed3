package api

import (
	"context"
	"net/http"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// AgencyJSON is an agency in the API.
type AgencyJSON struct {
	Code      string    `json:"code"`
	Name      string    `json:"name"`
	Country   string    `json:"country"`
	Kind      string    `json:"kind"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"createdAt"`
}

func agencyJSON(a *iforce.Agency) AgencyJSON {
	return AgencyJSON{a.Code, a.Name, a.Country, string(a.Kind), a.Active, a.CreatedAt}
}

// MeJSON is the caller.
type MeJSON struct {
	Username   string             `json:"username"`
	Name       string             `json:"name"`
	Agency     MeAgency           `json:"agency"`
	Roles      []iforce.Role      `json:"roles"`
	Clearances []iforce.Clearance `json:"clearances"`
	TokenID    string             `json:"tokenId,omitempty"`
}

// MeAgency is the caller's agency.
type MeAgency struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Kind    string `json:"kind"`
}

func (h *Handler) me(w http.ResponseWriter, r *http.Request) {
	p := app.PrincipalFrom(r.Context())
	writeJSON(w, http.StatusOK, MeJSON{Username: p.Username, Name: p.Name, Agency: MeAgency{p.Agency, p.Country, string(p.AgencyKind)},
		Roles: orEmpty(p.Roles), Clearances: orEmpty(p.Clearances), TokenID: p.TokenID})
}

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// listOf converts items for a List; an empty result is an empty array, never null.
func listOf[S, T any](xs []S, f func(S) T) List[T] {
	out := List[T]{Items: make([]T, 0, len(xs))}
	for _, x := range xs {
		out.Items = append(out.Items, f(x))
	}
	return out
}

// List is a page of items; Next is the cursor of the following page, if any.
type List[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

func (h *Handler) listAgencies(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[AgencyJSON], error) {
		list, err := h.app.Agencies(ctx)
		return listOf(list, agencyJSON), err
	})
}

func (h *Handler) getAgency(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (AgencyJSON, error) {
		a, err := h.app.Agency(ctx, r.PathValue("code"))
		if err != nil {
			return AgencyJSON{}, err
		}
		return agencyJSON(a), nil
	})
}

// AgencyInput creates or edits an agency.
type AgencyInput struct {
	Code    string             `json:"code"`
	Name    *string            `json:"name"`
	Country *string            `json:"country"`
	Kind    *iforce.AgencyKind `json:"kind"`
	Active  *bool              `json:"active"`
}

func (h *Handler) createAgency(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusCreated, func(ctx context.Context) (AgencyJSON, error) {
		var in AgencyInput
		if err := decodeBody(w, r, &in); err != nil {
			return AgencyJSON{}, err
		}
		a := &iforce.Agency{Code: in.Code, Active: true}
		set(&a.Name, in.Name)
		set(&a.Country, in.Country)
		set(&a.Kind, in.Kind)
		set(&a.Active, in.Active)
		if err := h.app.CreateAgency(ctx, a); err != nil {
			return AgencyJSON{}, err
		}
		return agencyJSON(a), nil
	})
}

func (h *Handler) updateAgency(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (AgencyJSON, error) {
		var in AgencyInput
		if err := decodeBody(w, r, &in); err != nil {
			return AgencyJSON{}, err
		}
		if in.Code != "" {
			return AgencyJSON{}, invalid("code", "cannot be changed")
		}
		a, err := h.app.UpdateAgency(ctx, r.PathValue("code"), app.AgencyChange{Name: in.Name, Country: in.Country, Kind: in.Kind, Active: in.Active})
		if err != nil {
			return AgencyJSON{}, err
		}
		return agencyJSON(a), nil
	})
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// UserJSON is a user in the API.
type UserJSON struct {
	Username    string             `json:"username"`
	Name        string             `json:"name"`
	Agency      string             `json:"agency"`
	Roles       []iforce.Role      `json:"roles"`
	Clearances  []iforce.Clearance `json:"clearances"`
	Disabled    bool               `json:"disabled"`
	MFAEnrolled bool               `json:"mfaEnrolled"`
	Locale      string             `json:"locale,omitempty"`
	CreatedAt   time.Time          `json:"createdAt"`
	LastLoginAt *time.Time         `json:"lastLoginAt,omitempty"`
	Password    string             `json:"password,omitempty"`
}

func userJSON(u *iforce.User) UserJSON {
	out := UserJSON{Username: u.Username, Name: u.Name, Agency: u.Agency, Roles: orEmpty(u.Roles), Clearances: orEmpty(u.Clearances),
		Disabled: u.Disabled, MFAEnrolled: u.MFAEnabled, Locale: u.Locale, CreatedAt: u.CreatedAt}
	if !u.LastLoginAt.IsZero() {
		out.LastLoginAt = &u.LastLoginAt
	}
	return out
}

func (h *Handler) listUsers(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[UserJSON], error) {
		list, err := h.app.Users(ctx, r.URL.Query().Get("agency"))
		return listOf(list, userJSON), err
	})
}

func (h *Handler) getUser(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (UserJSON, error) {
		u, err := h.app.User(ctx, r.PathValue("username"))
		if err != nil {
			return UserJSON{}, err
		}
		return userJSON(u), nil
	})
}

// UserInput creates a user.
type UserInput struct {
	Username   string             `json:"username"`
	Name       string             `json:"name"`
	Agency     string             `json:"agency"`
	Roles      []iforce.Role      `json:"roles"`
	Clearances []iforce.Clearance `json:"clearances"`
	Locale     string             `json:"locale"`
	Password   string             `json:"password"`
}

func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusCreated, func(ctx context.Context) (UserJSON, error) {
		var in UserInput
		if err := decodeBody(w, r, &in); err != nil {
			return UserJSON{}, err
		}
		u, generated, err := h.app.CreateUser(ctx, app.NewUser{Agency: in.Agency, Username: in.Username, Name: in.Name,
			Roles: in.Roles, Clearances: in.Clearances, Locale: in.Locale, Password: in.Password})
		if err != nil {
			return UserJSON{}, err
		}
		out := userJSON(u)
		out.Password = generated
		return out, nil
	})
}

// UserChangeInput edits a user.
type UserChangeInput struct {
	Name       *string             `json:"name"`
	Roles      *[]iforce.Role      `json:"roles"`
	Clearances *[]iforce.Clearance `json:"clearances"`
	Disabled   *bool               `json:"disabled"`
	Locale     *string             `json:"locale"`
	ResetMFA   bool                `json:"resetMfa"`
}

func (h *Handler) updateUser(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (UserJSON, error) {
		var in UserChangeInput
		if err := decodeBody(w, r, &in); err != nil {
			return UserJSON{}, err
		}
		u, err := h.app.UpdateUser(ctx, r.PathValue("username"), app.UserChange{Name: in.Name, Roles: in.Roles,
			Clearances: in.Clearances, Disabled: in.Disabled, Locale: in.Locale, ResetMFA: in.ResetMFA})
		if err != nil {
			return UserJSON{}, err
		}
		return userJSON(u), nil
	})
}
