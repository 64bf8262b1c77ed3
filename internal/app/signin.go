package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Sign-in actions in the audit log.
const (
	actLogin       access.Action = "auth.login"
	actLoginMFA    access.Action = "auth.mfa"
	actEnrol       access.Action = "auth.mfa_enrol"
	actLogout      access.Action = "auth.logout"
	actTokenUse    access.Action = "auth.token"
	actPassword    access.Action = "auth.password_change"
	actTokenCreate access.Action = "token.create"
	actTokenRevoke access.Action = "token.revoke"
)

// ErrBadCredentials is the one message for a wrong username, wrong password, disabled
// account or wrong code: it does not reveal which.
func errBadCredentials() error {
	return iforce.Errorf(iforce.KindUnauthenticated, "wrong username, password or code")
}

func errLocked() error {
	return iforce.Errorf(iforce.KindTooMany, "too many failed attempts; wait 15 minutes and try again")
}

// PasswordResult is the outcome of the first sign-in step.
type PasswordResult struct {
	UserID int64
	// Enrol is true when the user has no second factor yet and must enrol now.
	Enrol bool
}

// CheckPassword is the first step of a web sign-in: lockout and rate limits, then the
// password. Whether the username exists, is disabled or the password is wrong, the
// caller gets the same error. Every attempt is audited.
func (a *App) CheckPassword(ctx context.Context, username, password string) (*PasswordResult, error) {
	username = iforce.NormaliseUsername(username)
	uhash := auth.HashSecret("user:" + username)
	if err := a.checkLimits(ctx, uhash); err != nil {
		return nil, err
	}
	u, uerr := a.store.Read().UserByUsername(ctx, username)
	ok := false
	var hash string
	if uerr == nil {
		c, err := a.store.Read().UserCredentials(ctx, u.ID)
		if err != nil {
			return nil, a.wrap(err)
		}
		hash = c.PasswordHash
	} else if !iforce.IsKind(uerr, iforce.KindNotFound) {
		return nil, a.wrap(uerr)
	}
	if hash != "" {
		ok, _ = auth.VerifyPassword(password, hash)
	} else {
		// Spend the same time on unknown users, so timing does not reveal them.
		_, _ = auth.VerifyPassword(password, a.dummyHash())
	}
	if ok && (u.Disabled || !a.agencyActive(ctx, u.AgencyID)) {
		ok = false
	}
	if !ok {
		return nil, a.failLogin(ctx, actLogin, uhash, "password")
	}
	return &PasswordResult{UserID: u.ID, Enrol: !u.MFAEnabled}, nil
}

func (a *App) dummyHash() string {
	return "$argon2id$v=19$m=" + itoa(int(a.cfg.Password.Memory)) + ",t=" + itoa(int(a.cfg.Password.Time)) + ",p=" + itoa(int(a.cfg.Password.Threads)) + "$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"
}

func itoa(i int) string { return idString(int64(i)) }

func (a *App) agencyActive(ctx context.Context, id int64) bool {
	ag, err := a.store.Read().Agency(ctx, id)
	return err == nil && ag.Active
}

func (a *App) checkLimits(ctx context.Context, uhash string) error {
	since := a.now().Add(-a.cfg.LockoutWindow)
	n, err := a.store.Read().FailedLogins(ctx, uhash, since)
	if err != nil {
		return a.wrap(err)
	}
	if n >= a.cfg.LockoutThreshold {
		return a.refuseLocked(ctx, uhash, "account locked")
	}
	if addr := RequestFrom(ctx).Address; addr != "" {
		n, err := a.store.Read().FailedLoginsFrom(ctx, addr, since)
		if err != nil {
			return a.wrap(err)
		}
		if n >= a.cfg.AddressLimit {
			return a.refuseLocked(ctx, uhash, "address rate limited")
		}
	}
	return nil
}

func (a *App) refuseLocked(ctx context.Context, uhash, reason string) error {
	err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		e := entry(ctx, actLogin, "user", "", access.Decision{Rule: reason})
		e.Actor = "anon:" + uhash[:16]
		tx.Audit(e)
		return nil
	})
	if err != nil {
		return iforce.Internal("audit lockout", err)
	}
	return errLocked()
}

// failLogin records a failed attempt and its audit entry, and returns the generic error.
func (a *App) failLogin(ctx context.Context, action access.Action, uhash, step string) error {
	err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		if err := tx.RecordLoginAttempt(ctx, uhash, RequestFrom(ctx).Address, a.now(), false); err != nil {
			return err
		}
		e := entry(ctx, action, "user", "", access.Decision{Rule: "wrong " + step})
		e.Actor = "anon:" + uhash[:16]
		tx.Audit(e)
		return nil
	})
	if err != nil {
		return iforce.Internal("record failed login", err)
	}
	return errBadCredentials()
}

// BeginEnrolment creates a new TOTP secret for a user who passed the password step and
// has no second factor yet. The secret is stored but not active until confirmed.
func (a *App) BeginEnrolment(ctx context.Context, userID int64) (*auth.TOTPKey, error) {
	u, err := a.store.Read().User(ctx, userID)
	if err != nil {
		return nil, a.wrap(err)
	}
	if u.MFAEnabled {
		return nil, iforce.Errorf(iforce.KindConflict, "second factor already enrolled")
	}
	k, err := auth.NewTOTP(u.Username, a.rand)
	if err != nil {
		return nil, iforce.Internal("totp", err)
	}
	err = a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		tx.Audit(a.userEntry(ctx, actEnrol, u, "enrolment started", true))
		return tx.SetMFA(ctx, u.ID, k.Secret, false)
	})
	return k, a.wrap(err)
}

func (a *App) userEntry(ctx context.Context, action access.Action, u *iforce.User, reason string, ok bool) audit.Entry {
	e := entry(ctx, action, "user", idString(u.ID), access.Decision{Allowed: ok, Rule: reason})
	e.Actor = "user:" + idString(u.ID)
	if ag, err := a.store.Read().Agency(ctx, u.AgencyID); err == nil {
		e.Agency = ag.Code
	}
	return e
}

// CompleteSignIn checks the TOTP code of a user who passed the password step (and, on
// first sign-in, confirms the enrolment). On success it records the sign-in and returns
// the principal; a wrong or replayed code counts as a failed attempt.
func (a *App) CompleteSignIn(ctx context.Context, userID int64, code string) (*iforce.Principal, error) {
	u, err := a.store.Read().User(ctx, userID)
	if err != nil {
		return nil, a.wrap(err)
	}
	uhash := auth.HashSecret("user:" + u.Username)
	if err := a.checkLimits(ctx, uhash); err != nil {
		return nil, err
	}
	c, err := a.store.Read().UserCredentials(ctx, u.ID)
	if err != nil {
		return nil, a.wrap(err)
	}
	step, ok := auth.ValidateTOTP(strings.TrimSpace(code), c.MFASecret, a.now())
	if !ok || c.MFASecret == "" || u.Disabled || !a.agencyActive(ctx, u.AgencyID) {
		return nil, a.failLogin(ctx, actLoginMFA, uhash, "code")
	}
	var replay bool
	err = a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		fresh, err := tx.UseMFAStep(ctx, u.ID, step)
		if err != nil {
			return err
		}
		if !fresh {
			replay = true
			return nil
		}
		if !u.MFAEnabled {
			if err := tx.SetMFA(ctx, u.ID, c.MFASecret, true); err != nil {
				return err
			}
			if _, err := tx.UseMFAStep(ctx, u.ID, step); err != nil {
				return err
			}
			tx.Audit(a.userEntry(ctx, actEnrol, u, "second factor enrolled", true))
		}
		if err := tx.RecordLoginAttempt(ctx, uhash, RequestFrom(ctx).Address, a.now(), true); err != nil {
			return err
		}
		if err := tx.RecordLogin(ctx, u.ID, a.now()); err != nil {
			return err
		}
		tx.Audit(a.userEntry(ctx, actLogin, u, "signed in", true))
		return nil
	})
	if err != nil {
		return nil, a.wrap(err)
	}
	if replay {
		return nil, a.failLogin(ctx, actLoginMFA, uhash, "code (reused)")
	}
	return a.Principal(ctx, u.ID)
}

// Principal loads the current principal of a user. A disabled user or inactive agency
// yields Unauthenticated, so that a session stops working on the next request.
func (a *App) Principal(ctx context.Context, userID int64) (*iforce.Principal, error) {
	p, _, err := a.principal(ctx, userID)
	return p, err
}

// SessionPrincipal is Principal for a web session, which only a sign-in with the
// second factor opens: once the user's second factor is reset (a lost or exposed
// device), every open session ends too, as when the user is disabled.
func (a *App) SessionPrincipal(ctx context.Context, userID int64) (*iforce.Principal, error) {
	p, u, err := a.principal(ctx, userID)
	if err != nil {
		return nil, err
	}
	if !u.MFAEnabled {
		return nil, iforce.Errorf(iforce.KindUnauthenticated, "second factor reset")
	}
	return p, nil
}

func (a *App) principal(ctx context.Context, userID int64) (*iforce.Principal, *iforce.User, error) {
	u, err := a.store.Read().User(ctx, userID)
	if iforce.IsKind(err, iforce.KindNotFound) {
		return nil, nil, iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
	}
	if err != nil {
		return nil, nil, a.wrap(err)
	}
	ag, err := a.store.Read().Agency(ctx, u.AgencyID)
	if err != nil {
		return nil, nil, a.wrap(err)
	}
	if u.Disabled || !ag.Active {
		return nil, nil, iforce.Errorf(iforce.KindUnauthenticated, "account disabled")
	}
	return &iforce.Principal{UserID: u.ID, Username: u.Username, Name: u.Name, AgencyID: ag.ID, Agency: ag.Code,
		Country: ag.Country, AgencyKind: ag.Kind, Roles: u.Roles, Clearances: u.Clearances}, u, nil
}

// AuthenticateToken resolves a bearer token to its principal: the token's user with at
// most the token's roles. Expired, revoked and malformed tokens, and tokens of disabled
// users, are Unauthenticated; failures are audited.
func (a *App) AuthenticateToken(ctx context.Context, secret string) (*iforce.Principal, error) {
	id, ok := auth.ParseToken(secret)
	var t *iforce.Token
	var err error
	if ok {
		t, err = a.store.Read().TokenBySecretHash(ctx, auth.HashSecret(secret))
		if err != nil && !iforce.IsKind(err, iforce.KindNotFound) {
			return nil, a.wrap(err)
		}
	}
	now := a.now()
	if !ok || t == nil || t.ID != id || !t.Active(now) {
		reason := "unknown token"
		if t != nil {
			reason = "expired or revoked token"
		}
		err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
			e := entry(ctx, actTokenUse, "token", id, access.Decision{Rule: reason})
			e.Actor = "token:" + clipID(id)
			tx.Audit(e)
			return nil
		})
		if err != nil {
			return nil, iforce.Internal("audit token failure", err)
		}
		return nil, iforce.Errorf(iforce.KindUnauthenticated, "invalid or expired token")
	}
	p, err := a.Principal(ctx, t.UserID)
	if err != nil {
		return nil, err
	}
	if len(t.Roles) > 0 {
		p.Roles = slices.DeleteFunc(p.Roles, func(r iforce.Role) bool { return !slices.Contains(t.Roles, r) })
	}
	p.TokenID = t.ID
	if now.Sub(t.LastUsedAt) > time.Minute { // a write at most once a minute per token
		if err := a.store.Read().TouchToken(ctx, t.ID, now); err != nil {
			a.log.WarnContext(ctx, "touch token", "err", err)
		}
	}
	return p, nil
}

func clipID(s string) string {
	if len(s) > 13 {
		return s[:13]
	}
	return s
}

// SignOut audits the end of a web session.
func (a *App) SignOut(ctx context.Context) error {
	p := PrincipalFrom(ctx)
	if p == nil {
		return nil
	}
	return a.wrap(a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		tx.Audit(entry(ctx, actLogout, "user", idString(p.UserID), access.Decision{Allowed: true, Rule: "signed out"}))
		return nil
	}))
}

// ChangePassword changes the signed-in user's password after checking the current one.
func (a *App) ChangePassword(ctx context.Context, current, next string) error {
	p := PrincipalFrom(ctx)
	if p == nil || p.UserID == 0 {
		return iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
	}
	c, err := a.store.Read().UserCredentials(ctx, p.UserID)
	if err != nil {
		return a.wrap(err)
	}
	if ok, _ := auth.VerifyPassword(current, c.PasswordHash); !ok {
		return a.failLogin(ctx, actPassword, auth.HashSecret("user:"+p.Username), "current password")
	}
	var probs iforce.Problems
	if msg := auth.CheckPassword(next, p.Username); msg != "" {
		probs.Add("new_password", msg)
	}
	if err := probs.Err(); err != nil {
		return err
	}
	hash, err := auth.HashPassword(next, a.cfg.Password, a.rand)
	if err != nil {
		return iforce.Internal("hash password", err)
	}
	return a.wrap(a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		tx.Audit(entry(ctx, actPassword, "user", idString(p.UserID), access.Decision{Allowed: true, Rule: "own password"}))
		return tx.SetPassword(ctx, p.UserID, hash)
	}))
}
