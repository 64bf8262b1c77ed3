package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

func TestAdministrationRoles(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	newUser := app.NewUser{Agency: "MD-NCB", Username: "new.user", Name: "Nou", Roles: []iforce.Role{iforce.RoleOfficer}}
	for _, who := range []string{"olena", "ion"} {
		ctx := f.as(t, who)
		if _, _, err := f.app.CreateUser(ctx, newUser); !iforce.IsKind(err, iforce.KindForbidden) {
			t.Errorf("%s created a user: %v", who, err)
		}
		if err := f.app.CreateAgency(ctx, &iforce.Agency{Code: "X", Name: "X", Country: "PL", Kind: iforce.AgencyNCB}); !iforce.IsKind(err, iforce.KindForbidden) {
			t.Errorf("%s created an agency: %v", who, err)
		}
		if _, err := f.app.Users(ctx, ""); !iforce.IsKind(err, iforce.KindForbidden) {
			t.Errorf("%s listed users: %v", who, err)
		}
	}
	if _, err := f.app.AuditEntries(f.as(t, "root"), app.AuditFilter{}); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("admin read the audit trail: %v", err)
	}
	if _, err := f.app.AuditEntries(f.as(t, "olena"), app.AuditFilter{}); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("officer read the audit trail: %v", err)
	}
	es, err := f.app.AuditEntries(f.as(t, "ion"), app.AuditFilter{})
	if err != nil || len(es) == 0 {
		t.Fatalf("auditor: %d entries, %v", len(es), err)
	}
	// Every denial above left an audit entry.
	denied := 0
	for _, e := range auditActions(t, f, sqlstore.AuditFilter{Limit: 500}) {
		if e.Decision == "deny" {
			denied++
		}
	}
	if denied != 8 {
		t.Errorf("%d denials audited, want 8", denied)
	}
	u, generated, err := f.app.CreateUser(f.as(t, "root"), newUser)
	if err != nil || generated == "" || u.Agency != "MD-NCB" {
		t.Fatalf("admin create: %+v %q %v", u, generated, err)
	}
	if _, err := f.app.CheckPassword(anon(), "new.user", generated); err != nil {
		t.Errorf("generated password refused: %v", err)
	}
	verifyIntact(t, f)
}

func TestCreateUserValidation(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	ctx := f.as(t, "root")
	cases := []struct {
		name  string
		in    app.NewUser
		field string
		kind  iforce.Kind
	}{
		{"bad username", app.NewUser{Agency: "UA-NCB", Username: "Олена!", Name: "x", Roles: []iforce.Role{iforce.RoleOfficer}}, "username", iforce.KindInvalid},
		{"no roles", app.NewUser{Agency: "UA-NCB", Username: "a.b", Name: "x"}, "role", iforce.KindInvalid},
		{"short password", app.NewUser{Agency: "UA-NCB", Username: "a.b", Name: "x", Roles: []iforce.Role{iforce.RoleOfficer}, Password: "short"}, "password", iforce.KindInvalid},
		{"common password", app.NewUser{Agency: "UA-NCB", Username: "a.b", Name: "x", Roles: []iforce.Role{iforce.RoleOfficer}, Password: "qwertyuiop123"}, "password", iforce.KindInvalid},
		{"unknown agency", app.NewUser{Agency: "ZZ-NCB", Username: "a.b", Name: "x", Roles: []iforce.Role{iforce.RoleOfficer}}, "agency", iforce.KindInvalid},
		{"partner role outside partner org", app.NewUser{Agency: "UA-NCB", Username: "a.b", Name: "x", Roles: []iforce.Role{iforce.RolePartner}}, "role", iforce.KindInvalid},
		{"officer in partner org", app.NewUser{Agency: "IOM-MD", Username: "a.b", Name: "x", Roles: []iforce.Role{iforce.RoleOfficer}}, "role", iforce.KindInvalid},
		{"duplicate", app.NewUser{Agency: "UA-NCB", Username: "olena", Name: "x", Roles: []iforce.Role{iforce.RoleOfficer}}, "username", iforce.KindConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := f.app.CreateUser(ctx, tc.in)
			var e *iforce.Error
			if !iforce.IsKind(err, tc.kind) {
				t.Fatalf("got %v, want %s", err, tc.kind)
			}
			e = err.(*iforce.Error)
			found := false
			for _, fp := range e.Fields {
				found = found || fp.Field == tc.field
			}
			if !found {
				t.Errorf("no problem named for field %q: %v", tc.field, e.Fields)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	ctx := f.as(t, "olena")
	tok, err := f.app.CreateToken(ctx, app.NewToken{Name: "script", TTL: time.Hour, Roles: []iforce.Role{iforce.RoleOfficer}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := f.app.AuthenticateToken(anon(), tok.Secret)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Roles) != 1 || p.Roles[0] != iforce.RoleOfficer || p.TokenID != tok.ID {
		t.Errorf("token principal %+v: the token limits the roles", p)
	}
	// A token never does more than its user: a role the user lacks is refused.
	if _, err := f.app.CreateToken(ctx, app.NewToken{Roles: []iforce.Role{iforce.RoleAdmin}}); !iforce.IsKind(err, iforce.KindInvalid) {
		t.Errorf("token with a role the user lacks: %v", err)
	}
	// Removing a role from the user removes it from the token at the next request.
	f.app.UpdateUser(f.as(t, "root"), "olena", app.UserChange{Roles: &[]iforce.Role{iforce.RoleAnalyst}})
	p, _ = f.app.AuthenticateToken(anon(), tok.Secret)
	if len(p.Roles) != 0 {
		t.Errorf("token kept a role its user lost: %v", p.Roles)
	}
	// Expiry.
	f.clock.Add(time.Hour)
	if _, err := f.app.AuthenticateToken(anon(), tok.Secret); !iforce.IsKind(err, iforce.KindUnauthenticated) {
		t.Errorf("expired token: %v", err)
	}
	// Revocation, and another user's token is not found.
	tok2, _ := f.app.CreateToken(ctx, app.NewToken{Name: "two"})
	if err := f.app.RevokeToken(f.as(t, "root"), tok2.ID); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("another user's token revoked: %v", err)
	}
	if err := f.app.RevokeToken(ctx, tok2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.AuthenticateToken(anon(), tok2.Secret); !iforce.IsKind(err, iforce.KindUnauthenticated) {
		t.Errorf("revoked token: %v", err)
	}
	// Disabled user: the token stops working.
	tok3, _ := f.app.CreateToken(ctx, app.NewToken{})
	f.app.UpdateUser(f.as(t, "root"), "olena", app.UserChange{Disabled: ptr(true)})
	if _, err := f.app.AuthenticateToken(anon(), tok3.Secret); !iforce.IsKind(err, iforce.KindUnauthenticated) {
		t.Errorf("token of disabled user: %v", err)
	}
	for _, bad := range []string{"", "ifc_x", tok3.Secret + "x", tok3.Secret[:len(tok3.Secret)-1] + "a"} {
		if _, err := f.app.AuthenticateToken(anon(), bad); !iforce.IsKind(err, iforce.KindUnauthenticated) {
			t.Errorf("malformed token %q: %v", bad, err)
		}
	}
	// Only the node operator issues tokens for others.
	if _, err := f.app.CreateToken(f.as(t, "root"), app.NewToken{Username: "ion"}); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("admin issued a token for another user: %v", err)
	}
	if _, err := f.app.CreateToken(sys(context.Background()), app.NewToken{Username: "ion"}); err != nil {
		t.Errorf("system issue: %v", err)
	}
	// TTL limits.
	if _, err := f.app.CreateToken(f.as(t, "ion"), app.NewToken{TTL: 400 * 24 * time.Hour}); !iforce.IsKind(err, iforce.KindInvalid) {
		t.Errorf("over-long ttl: %v", err)
	}
	verifyIntact(t, f)
}

func TestVerifyAuditAudited(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	rep, err := f.app.VerifyAudit(f.as(t, "ion"))
	if err != nil || rep.Entries == 0 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	if _, err := f.app.VerifyAudit(f.as(t, "olena")); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("officer verified: %v", err)
	}
	es := auditActions(t, f, sqlstore.AuditFilter{Action: "audit.verify"})
	if len(es) != 2 {
		t.Errorf("verifications audited: %d", len(es))
	}
	_ = context.Background()
}

func TestAuditNamesCreatedObjects(t *testing.T) {
	f := setup(t, sqlstore.SQLite)
	es := auditActions(t, f, sqlstore.AuditFilter{Action: "user.manage", Limit: 10})
	if len(es) == 0 {
		t.Fatal("no user.manage entries")
	}
	for _, e := range es {
		if e.ObjectID == "" || e.ObjectID == "0" {
			t.Errorf("audit entry of a user creation names object %q", e.ObjectID)
		}
	}
	for _, e := range auditActions(t, f, sqlstore.AuditFilter{Action: "agency.manage", Limit: 10}) {
		if e.ObjectID == "" || e.ObjectID == "0" {
			t.Errorf("audit entry of an agency creation names object %q", e.ObjectID)
		}
	}
}
