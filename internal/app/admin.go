package app

import (
	"context"
	"encoding/base32"
	"io"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Agencies lists every agency; any signed-in user may, to address distributions.
func (a *App) Agencies(ctx context.Context) ([]*iforce.Agency, error) {
	if _, err := a.authorize(ctx, access.AgencyList, "agency", ""); err != nil {
		return nil, err
	}
	list, err := a.store.Read().Agencies(ctx)
	return list, a.wrap(err)
}

// Agency returns one agency by code.
func (a *App) Agency(ctx context.Context, code string) (*iforce.Agency, error) {
	if _, err := a.authorize(ctx, access.AgencyList, "agency", code); err != nil {
		return nil, err
	}
	ag, err := a.store.Read().AgencyByCode(ctx, code)
	return ag, a.wrap(err)
}

// CreateAgency validates and stores a new agency (admin).
func (a *App) CreateAgency(ctx context.Context, ag *iforce.Agency) error {
	return a.write(ctx, access.AgencyManage, "agency", "", func(tx *sqlstore.Tx) (string, error) {
		if err := ag.Validate(); err != nil {
			return "", err
		}
		if err := tx.CreateAgency(ctx, ag); err != nil {
			return "", err
		}
		return idString(ag.ID), nil
	})
}

// AgencyChange is an edit of an agency; nil fields stay as they are.
type AgencyChange struct {
	Name    *string
	Country *string
	Kind    *iforce.AgencyKind
	Active  *bool
}

// UpdateAgency edits an agency by code (admin).
func (a *App) UpdateAgency(ctx context.Context, code string, ch AgencyChange) (*iforce.Agency, error) {
	var out *iforce.Agency
	err := a.write(ctx, access.AgencyManage, "agency", code, func(tx *sqlstore.Tx) (string, error) {
		ag, err := tx.AgencyByCode(ctx, code)
		if err != nil {
			return "", err
		}
		set(&ag.Name, ch.Name)
		set(&ag.Country, ch.Country)
		set(&ag.Kind, ch.Kind)
		set(&ag.Active, ch.Active)
		if err := ag.Validate(); err != nil {
			return "", err
		}
		out = ag
		return idString(ag.ID), tx.UpdateAgency(ctx, ag)
	})
	return out, err
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// NewUser is the input for creating a user.
type NewUser struct {
	Agency     string // agency code
	Username   string
	Name       string
	Roles      []iforce.Role
	Clearances []iforce.Clearance
	Locale     string
	Password   string // empty: a password is generated and returned
}

// CreateUser creates a user (admin). It returns the generated password when none was
// given; the password is never stored in clear nor logged.
func (a *App) CreateUser(ctx context.Context, in NewUser) (*iforce.User, string, error) {
	// Decide before the (deliberately slow) password hashing.
	if _, err := a.authorize(ctx, access.UserManage, "user", ""); err != nil {
		return nil, "", err
	}
	u := &iforce.User{Username: in.Username, Name: in.Name, Roles: in.Roles, Clearances: in.Clearances, Locale: in.Locale}
	var probs iforce.Problems
	if err := u.Validate(); err != nil {
		probs = append(probs, err.(*iforce.Error).Fields...)
	}
	generated := ""
	if in.Password == "" {
		generated = a.generatePassword()
		in.Password = generated
	}
	if msg := auth.CheckPassword(in.Password, u.Username); msg != "" {
		probs.Add("password", msg)
	}
	if err := probs.Err(); err != nil {
		return nil, "", err
	}
	hash, err := auth.HashPassword(in.Password, a.cfg.Password, a.rand)
	if err != nil {
		return nil, "", iforce.Internal("hash password", err)
	}
	err = a.write(ctx, access.UserManage, "user", "", func(tx *sqlstore.Tx) (string, error) {
		ag, err := tx.AgencyByCode(ctx, in.Agency)
		if iforce.IsKind(err, iforce.KindNotFound) {
			return "", &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: "agency", Problem: "no agency with code " + in.Agency}}}
		}
		if err != nil {
			return "", err
		}
		if err := checkRolesFit(u.Roles, ag); err != nil {
			return "", err
		}
		u.AgencyID, u.Agency = ag.ID, ag.Code
		if err := tx.CreateUser(ctx, u, hash); err != nil {
			return "", err
		}
		return idString(u.ID), nil
	})
	if err != nil {
		return nil, "", err
	}
	return u, generated, nil
}

// checkRolesFit keeps partner organisations' users to the partner role, and the partner
// role to partner organisations: humanitarian partners get deliberately narrow access.
func checkRolesFit(roles []iforce.Role, ag *iforce.Agency) error {
	for _, r := range roles {
		if (r == iforce.RolePartner) != (ag.Kind == iforce.AgencyPartnerOrg) {
			return &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: "role",
				Problem: "users of a partner organisation have the partner role only, and only they"}}}
		}
	}
	return nil
}

// generatePassword returns 20 random base32 characters in groups of five.
func (a *App) generatePassword() string {
	b := make([]byte, 15)
	if _, err := io.ReadFull(a.rand, b); err != nil {
		panic("app: randomness unavailable: " + err.Error())
	}
	s := strings.ToLower(base32.StdEncoding.EncodeToString(b))
	return s[0:5] + "-" + s[5:10] + "-" + s[10:15] + "-" + s[15:20]
}

// Users lists users (admin), of one agency when code is not empty.
func (a *App) Users(ctx context.Context, agencyCode string) ([]*iforce.User, error) {
	if _, err := a.authorize(ctx, access.UserManage, "user", ""); err != nil {
		return nil, err
	}
	var id int64
	if agencyCode != "" {
		ag, err := a.store.Read().AgencyByCode(ctx, agencyCode)
		if err != nil {
			return nil, a.wrap(err)
		}
		id = ag.ID
	}
	list, err := a.store.Read().Users(ctx, id)
	return list, a.wrap(err)
}

// User returns one user by username (admin).
func (a *App) User(ctx context.Context, username string) (*iforce.User, error) {
	if _, err := a.authorize(ctx, access.UserManage, "user", ""); err != nil {
		return nil, err
	}
	u, err := a.store.Read().UserByUsername(ctx, username)
	return u, a.wrap(err)
}

// UserChange is an edit of a user; nil fields stay as they are.
type UserChange struct {
	Name       *string
	Roles      *[]iforce.Role
	Clearances *[]iforce.Clearance
	Disabled   *bool
	Locale     *string
	ResetMFA   bool
}

// UpdateUser edits a user by username (admin). Disabling takes effect on the user's
// next request; resetting MFA ends the user's web sessions at their next request
// and makes the next sign-in enrol a new second factor.
func (a *App) UpdateUser(ctx context.Context, username string, ch UserChange) (*iforce.User, error) {
	var out *iforce.User
	err := a.write(ctx, access.UserManage, "user", "", func(tx *sqlstore.Tx) (string, error) {
		u, err := tx.UserByUsername(ctx, username)
		if err != nil {
			return "", err
		}
		set(&u.Name, ch.Name)
		set(&u.Roles, ch.Roles)
		set(&u.Clearances, ch.Clearances)
		set(&u.Disabled, ch.Disabled)
		set(&u.Locale, ch.Locale)
		if err := u.Validate(); err != nil {
			return "", err
		}
		ag, err := tx.Agency(ctx, u.AgencyID)
		if err != nil {
			return "", err
		}
		if err := checkRolesFit(u.Roles, ag); err != nil {
			return "", err
		}
		if err := tx.UpdateUser(ctx, u); err != nil {
			return "", err
		}
		if ch.ResetMFA {
			if err := tx.SetMFA(ctx, u.ID, "", false); err != nil {
				return "", err
			}
			u.MFAEnabled = false
		}
		out = u
		return idString(u.ID), nil
	})
	return out, err
}

// SetLocale stores the signed-in user's interface language.
func (a *App) SetLocale(ctx context.Context, locale string) error {
	p := PrincipalFrom(ctx)
	if p == nil || p.UserID == 0 {
		return iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
	}
	return a.wrap(a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		u, err := tx.User(ctx, p.UserID)
		if err != nil {
			return err
		}
		u.Locale = locale
		if err := u.Validate(); err != nil {
			return err
		}
		tx.Audit(entry(ctx, "user.locale", "user", idString(u.ID), access.Decision{Allowed: true, Rule: "own profile"}))
		return tx.UpdateUser(ctx, u)
	}))
}

// Me returns the signed-in user's own record.
func (a *App) Me(ctx context.Context) (*iforce.User, error) {
	p := PrincipalFrom(ctx)
	if p == nil || p.UserID == 0 {
		return nil, iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
	}
	u, err := a.store.Read().User(ctx, p.UserID)
	return u, a.wrap(err)
}
