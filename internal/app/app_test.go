package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

// clock is a controllable time source.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time      { return c.t }
func (c *clock) Add(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock               { return &clock{time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)} }
func sys(ctx context.Context) context.Context {
	return app.WithPrincipal(ctx, iforce.SystemPrincipal())
}

type fixture struct {
	app   *app.App
	store *sqlstore.Store
	clock *clock
}

const pw = "correct horse battery staple"

func setup(t *testing.T, engine sqlstore.Engine) *fixture {
	t.Helper()
	c := newClock()
	st := sqlstoretest.Open(t, engine, c.Now)
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(t), Now: c.Now,
		Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	f := &fixture{a, st, c}
	ctx := sys(context.Background())
	for _, ag := range []*iforce.Agency{
		{Code: "UA-NCB", Name: "НЦБ Інтерполу в Україні", Country: "UA", Kind: iforce.AgencyNCB, Active: true},
		{Code: "MD-NCB", Name: "BNC Interpol Moldova", Country: "MD", Kind: iforce.AgencyNCB, Active: true},
		{Code: "IOM-MD", Name: "OIM Moldova", Country: "MD", Kind: iforce.AgencyPartnerOrg, Active: true},
	} {
		if err := a.CreateAgency(ctx, ag); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []app.NewUser{
		{Agency: "UA-NCB", Username: "olena", Name: "Олена Коваленко", Roles: []iforce.Role{iforce.RoleOfficer, iforce.RoleAnalyst}},
		{Agency: "UA-NCB", Username: "root", Name: "Admin", Roles: []iforce.Role{iforce.RoleAdmin}},
		{Agency: "MD-NCB", Username: "ion", Name: "Ion Rusu", Roles: []iforce.Role{iforce.RoleAuditor}},
	} {
		u.Password = pw
		if _, _, err := a.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f *fixture) as(t *testing.T, username string) context.Context {
	u, err := f.store.Read().UserByUsername(context.Background(), username)
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.app.Principal(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return app.WithPrincipal(app.WithRequest(context.Background(), app.Request{ID: "test", Address: "192.0.2.7"}), p)
}

func anon() context.Context {
	return app.WithRequest(context.Background(), app.Request{ID: "test", Address: "192.0.2.7"})
}

// signIn performs both steps and returns the principal.
func (f *fixture) signIn(t *testing.T, username string) *iforce.Principal {
	t.Helper()
	res, err := f.app.CheckPassword(anon(), username, pw)
	if err != nil {
		t.Fatalf("password step: %v", err)
	}
	var secret string
	if res.Enrol {
		k, err := f.app.BeginEnrolment(anon(), res.UserID)
		if err != nil {
			t.Fatal(err)
		}
		secret = k.Secret
	} else {
		c, _ := f.store.Read().UserCredentials(context.Background(), res.UserID)
		secret = c.MFASecret
	}
	code, _ := auth.TOTPCode(secret, f.clock.Now())
	p, err := f.app.CompleteSignIn(anon(), res.UserID, code)
	if err != nil {
		t.Fatalf("code step: %v", err)
	}
	return p
}

func verifyIntact(t *testing.T, f *fixture) audit.Report {
	t.Helper()
	rep, err := f.store.VerifyAudit(context.Background(), sqlstoretest.Keys(t).Verifiers)
	if err != nil {
		t.Fatalf("audit log: %v", err)
	}
	return rep
}

func auditActions(t *testing.T, f *fixture, filter sqlstore.AuditFilter) []audit.Entry {
	t.Helper()
	es, err := f.store.Read().AuditEntries(context.Background(), filter)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func wantKind(t *testing.T, err error, k iforce.Kind) {
	t.Helper()
	if !iforce.IsKind(err, k) {
		t.Fatalf("got %v, want kind %s", err, k)
	}
}
