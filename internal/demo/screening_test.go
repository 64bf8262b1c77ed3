package demo

import (
	"context"
	"testing"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

// TestScreeningPersons: Latin-script screens find the demo persons written in
// their native scripts.
func TestScreeningPersons(t *testing.T) {
	st := sqlstoretest.Open(t, sqlstore.SQLite, nil)
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(t), Screening: screening.New(),
		Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	ctx := app.WithPrincipal(context.Background(), iforce.SystemPrincipal())
	for range 2 { // idempotent
		if err := Load(ctx, a, "demo-password-for-tests"); err != nil {
			t.Fatal(err)
		}
	}
	u, err := st.Read().UserByUsername(context.Background(), "ion.ciobanu")
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Principal(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	md := app.WithPrincipal(context.Background(), p)
	for source, q := range ScreeningPersons() {
		rs, err := a.Screen(md, app.ScreenQuery{Name: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0].Record.SourceID != source {
			t.Errorf("%q: got %d results, want %s", q, len(rs), source)
			for _, r := range rs {
				t.Logf("  %s %s %.3f %+v", r.Record.SourceID, r.Record.Caption(), r.Score, r.Explanation)
			}
			continue
		}
		if source == "demo-screen-md-missing" && !joined(rs[0].Explanation) {
			t.Errorf("%q: no joined part in %+v", q, rs[0].Explanation)
		}
	}
}

func joined(ex screening.Explanation) bool {
	for _, p := range ex.Parts {
		if p.Joined {
			return true
		}
	}
	return false
}
