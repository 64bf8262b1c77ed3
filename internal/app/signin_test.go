package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

func TestSignIn(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := setup(t, engine)
			p := f.signIn(t, "olena")
			if p.Username != "olena" || p.Agency != "UA-NCB" || p.Country != "UA" {
				t.Fatalf("principal %+v", p)
			}
			u, _ := f.store.Read().UserByUsername(context.Background(), "olena")
			if !u.MFAEnabled || u.LastLoginAt.IsZero() {
				t.Errorf("after first sign-in: mfa %v, last login %v", u.MFAEnabled, u.LastLoginAt)
			}
			// The second sign-in needs the enrolled factor, not a new enrolment.
			res, err := f.app.CheckPassword(anon(), "OLENA", pw)
			if err != nil || res.Enrol {
				t.Fatalf("second sign-in: %+v %v", res, err)
			}
			if _, err := f.app.BeginEnrolment(anon(), res.UserID); !iforce.IsKind(err, iforce.KindConflict) {
				t.Errorf("re-enrolment without reset: %v", err)
			}
			verifyIntact(t, f)
		})
	}
}

func TestSignInFailuresLookAlike(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	_, errWrongPw := f.app.CheckPassword(anon(), "olena", "wrong password!!")
	_, errNoUser := f.app.CheckPassword(anon(), "nobody", pw)
	if errWrongPw == nil || errNoUser == nil || errWrongPw.Error() != errNoUser.Error() {
		t.Fatalf("wrong password %q vs unknown user %q: must be the same", errWrongPw, errNoUser)
	}
	f.app.UpdateUser(sys(context.Background()), "olena", app.UserChange{Disabled: ptr(true)})
	_, errDisabled := f.app.CheckPassword(anon(), "olena", pw)
	if errDisabled == nil || errDisabled.Error() != errNoUser.Error() {
		t.Fatalf("disabled user: %v", errDisabled)
	}
	denials := auditActions(t, f, sqlstore.AuditFilter{Action: "auth.login"})
	if len(denials) != 3 || denials[0].Decision != "deny" {
		t.Fatalf("failed sign-ins audited: %+v", denials)
	}
	for _, e := range denials {
		if e.ObjectID != "" || len(e.Actor) != len("anon:")+16 {
			t.Errorf("audit entry of a failed sign-in leaks identity: %+v", e)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestLockout(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	for i := range 5 {
		if _, err := f.app.CheckPassword(anon(), "olena", "wrong password!!"); !iforce.IsKind(err, iforce.KindUnauthenticated) {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
		f.clock.Add(time.Minute)
	}
	// Locked: even the right password is refused, with the lockout message.
	_, err := f.app.CheckPassword(anon(), "olena", pw)
	wantKind(t, err, iforce.KindTooMany)
	// An unknown username locks the same way: the message reveals nothing.
	for range 5 {
		f.app.CheckPassword(anon(), "ghost", "wrong password!!")
	}
	_, errGhost := f.app.CheckPassword(anon(), "ghost", pw)
	if errGhost == nil || errGhost.Error() != err.Error() {
		t.Errorf("lockout of unknown user %v differs from %v", errGhost, err)
	}
	// Other users are not locked.
	if _, err := f.app.CheckPassword(anon(), "root", pw); err != nil {
		t.Errorf("other user locked: %v", err)
	}
	// After the window the user may sign in again.
	f.clock.Add(15 * time.Minute)
	if _, err := f.app.CheckPassword(anon(), "olena", pw); err != nil {
		t.Errorf("after the window: %v", err)
	}
}

func TestAddressRateLimit(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	for i := range 20 {
		f.app.CheckPassword(anon(), "user"+string(rune('a'+i)), "wrong password!!")
	}
	_, err := f.app.CheckPassword(anon(), "olena", pw)
	wantKind(t, err, iforce.KindTooMany)
	other := app.WithRequest(context.Background(), app.Request{Address: "198.51.100.1"})
	if _, err := f.app.CheckPassword(other, "olena", pw); err != nil {
		t.Errorf("another address limited: %v", err)
	}
}

func TestTOTPReplayAndWrongCode(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	f.signIn(t, "olena")
	res, _ := f.app.CheckPassword(anon(), "olena", pw)
	c, _ := f.store.Read().UserCredentials(context.Background(), res.UserID)
	code, _ := auth.TOTPCode(c.MFASecret, f.clock.Now())
	// The code just used for the first sign-in (same time step) is refused.
	if _, err := f.app.CompleteSignIn(anon(), res.UserID, code); !iforce.IsKind(err, iforce.KindUnauthenticated) {
		t.Errorf("replayed code: %v", err)
	}
	if _, err := f.app.CompleteSignIn(anon(), res.UserID, "12345x"); !iforce.IsKind(err, iforce.KindUnauthenticated) {
		t.Errorf("wrong code: %v", err)
	}
	f.clock.Add(30 * time.Second)
	code, _ = auth.TOTPCode(c.MFASecret, f.clock.Now())
	if _, err := f.app.CompleteSignIn(anon(), res.UserID, code); err != nil {
		t.Errorf("fresh code: %v", err)
	}
}

func TestResetMFA(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	f.signIn(t, "olena")
	if _, err := f.app.UpdateUser(f.as(t, "root"), "olena", app.UserChange{ResetMFA: true}); err != nil {
		t.Fatal(err)
	}
	res, err := f.app.CheckPassword(anon(), "olena", pw)
	if err != nil || !res.Enrol {
		t.Fatalf("after reset the next sign-in enrols: %+v %v", res, err)
	}
}

func TestDisabledUserStopsAtNextRequest(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	p := f.signIn(t, "olena")
	if _, err := f.app.Principal(context.Background(), p.UserID); err != nil {
		t.Fatal(err)
	}
	f.app.UpdateUser(f.as(t, "root"), "olena", app.UserChange{Disabled: ptr(true)})
	_, err := f.app.Principal(context.Background(), p.UserID)
	wantKind(t, err, iforce.KindUnauthenticated)
	// Deactivating the agency has the same effect on its users.
	f.app.UpdateUser(f.as(t, "root"), "olena", app.UserChange{Disabled: ptr(false)})
	f.app.UpdateAgency(f.as(t, "root"), "UA-NCB", app.AgencyChange{Active: ptr(false)})
	_, err = f.app.Principal(context.Background(), p.UserID)
	wantKind(t, err, iforce.KindUnauthenticated)
}

func TestChangePassword(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	ctx := f.as(t, "olena")
	wantKind(t, f.app.ChangePassword(ctx, "wrong password!!", "a brand new passphrase"), iforce.KindUnauthenticated)
	err := f.app.ChangePassword(ctx, pw, "short")
	wantKind(t, err, iforce.KindInvalid)
	if e := err.(*iforce.Error); e.Fields[0].Field != "new_password" {
		t.Errorf("field %q", e.Fields[0].Field)
	}
	if err := f.app.ChangePassword(ctx, pw, "a brand new passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.CheckPassword(anon(), "olena", "a brand new passphrase"); err != nil {
		t.Errorf("new password refused: %v", err)
	}
}

func TestAgencyDeactivatedBetweenSteps(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	res, err := f.app.CheckPassword(anon(), "olena", pw)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := f.app.BeginEnrolment(anon(), res.UserID)
	f.app.UpdateAgency(f.as(t, "root"), "UA-NCB", app.AgencyChange{Active: ptr(false)})
	code, _ := auth.TOTPCode(k.Secret, f.clock.Now())
	if _, err := f.app.CompleteSignIn(anon(), res.UserID, code); !iforce.IsKind(err, iforce.KindUnauthenticated) {
		t.Errorf("sign-in completed for a deactivated agency: %v", err)
	}
}
