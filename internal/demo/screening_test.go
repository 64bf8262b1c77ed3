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
	a, md := demoApp(t)
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

// TestCommonNameScreen: the demo's namesakes are each lowered as a common name
// when screened by name alone, and the birth date finds the one wanted.
func TestCommonNameScreen(t *testing.T) {
	a, md := demoApp(t)
	name, birth, want := CommonNameScreen()
	rs, err := a.Screen(md, app.ScreenQuery{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 {
		t.Fatalf("%q: %d results, want the 4 namesakes", name, len(rs))
	}
	for _, r := range rs {
		if n := namesakes(r.Explanation); n != 4 {
			t.Errorf("%s: namesakes %d, want 4 in %+v", r.Record.SourceID, n, r.Explanation.Adjustments)
		}
	}
	rs, err = a.Screen(md, app.ScreenQuery{Name: name, BirthDate: birth})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 || rs[0].Record.SourceID != want || namesakes(rs[0].Explanation) != 0 {
		t.Fatalf("%q born %s: %+v, want %s first, confirmed by the date", name, birth, rs, want)
	}
}

func namesakes(ex screening.Explanation) int {
	for _, a := range ex.Adjustments {
		if a.Outcome == "common-name" {
			return a.Namesakes
		}
	}
	return 0
}

func joined(ex screening.Explanation) bool {
	for _, p := range ex.Parts {
		if p.Joined {
			return true
		}
	}
	return false
}

// demoApp loads the demo into a fresh SQLite store and returns the app and
// the context of a Moldovan officer.
func demoApp(t *testing.T) (*app.App, context.Context) {
	t.Helper()
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
	return a, md
}
