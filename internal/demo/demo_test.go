package demo

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

func TestLoad(t *testing.T) {
	st := sqlstoretest.Open(t, sqlstore.SQLite, nil)
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(t), Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	ctx := app.WithPrincipal(context.Background(), iforce.SystemPrincipal())
	for range 2 { // idempotent
		if err := Load(ctx, a, "demo-password-for-tests"); err != nil {
			t.Fatal(err)
		}
	}
	n, err := LoadRecords(ctx, a, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if n < 3000 {
		t.Errorf("%d demo records, want a few thousand", n)
	}
	if again, err := LoadRecords(ctx, a, time.Now()); err != nil || again != 0 {
		t.Errorf("second load created %d: %v", again, err)
	}
	// Every demo user belongs to an existing agency and every role is present.
	roles := map[iforce.Role]bool{}
	for _, u := range Users() {
		for _, r := range u.Roles {
			roles[r] = true
		}
	}
	if len(roles) != len(iforce.Roles) {
		t.Errorf("demo roles %v", roles)
	}
	// The border-check journey: the stolen passport and both persons are findable.
	u, _ := st.Read().UserByUsername(context.Background(), "ion.ciobanu")
	p, err := a.Principal(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	md := app.WithPrincipal(context.Background(), p)
	for q, want := range map[string]int{"FE482913": 1, "shevchenko oleksandr": 2} {
		list, _, err := a.Records(md, app.RecordQuery{Q: q})
		if err != nil || len(list) < want {
			t.Errorf("q=%q: %d results, %v", q, len(list), err)
		}
	}
}
