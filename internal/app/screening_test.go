package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

// screeningApp is a second process on the fixture's database, with its own
// screening index.
func screeningApp(t *testing.T, f *fixture) *app.App {
	a, _ := screeningAppIndex(t, f)
	return a
}

func screeningAppIndex(t *testing.T, f *fixture) (*app.App, *screening.Index) {
	idx := screening.New()
	return app.New(app.Deps{Store: f.store, Keys: sqlstoretest.Keys(t), Now: f.clock.Now, Screening: idx}), idx
}

func screenIDs(t *testing.T, a *app.App, ctx context.Context, q app.ScreenQuery) []string {
	t.Helper()
	rs, err := a.Screen(ctx, q)
	if err != nil {
		t.Fatalf("screen %+v: %v", q, err)
	}
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.Record.ID)
		if r.Score <= 0 || r.Score > 1 || len(r.Explanation.Parts) == 0 {
			t.Errorf("result %s: score %v, explanation %+v", r.Record.ID, r.Score, r.Explanation)
		}
	}
	return ids
}

func TestScreenVisibility(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			s := screeningApp(t, f)
			ownerOnly := mustCreate(t, f, "olena", person("Олександр", "Шевченко", "wanted", "owner"))
			shared := mustCreate(t, f, "olena", person("Петро", "Бондар", "suspect", "all"))
			toIOM := mustCreate(t, f, "olena", person("Ana", "Ceban", "witness", "agencies", "IOM-MD"))
			victim := mustCreate(t, f, "olena", person("Оксана", "Мельник", "victim", "all"))
			cases := []struct {
				user, name string
				want       string // record id, "" for no result
			}{
				{"olena", "Oleksandr Shevchenko", ownerOnly.ID},
				{"maria", "Oleksandr Shevchenko", ""}, // another agency's owner-only record
				{"maria", "Petro Bondar", shared.ID},
				{"elena", "Petro Bondar", ""}, // a partner sees only what is addressed to it
				{"elena", "Ana Ceban", toIOM.ID},
				{"maria", "Ana Ceban", ""},
				{"maria", "Oksana Melnyk", ""}, // a victim without clearance
				{"olena", "Oksana Melnyk", ""},
				{"taras", "Oksana Melnyk", victim.ID},
			}
			for _, c := range cases {
				got := strings.Join(screenIDs(t, s, f.as(t, c.user), app.ScreenQuery{Name: c.name}), ",")
				if got != c.want {
					t.Errorf("%s screens %q: got %q, want %q", c.user, c.name, got, c.want)
				}
			}
			for _, user := range []string{"root", "ion"} {
				if _, err := s.Screen(f.as(t, user), app.ScreenQuery{Name: "Petro Bondar"}); !iforce.IsKind(err, iforce.KindForbidden) {
					t.Errorf("%s screens: %v, want Forbidden", user, err)
				}
			}
			if _, err := s.Screen(anon(), app.ScreenQuery{Name: "Petro Bondar"}); !iforce.IsKind(err, iforce.KindUnauthenticated) {
				t.Errorf("anonymous screens: %v", err)
			}
		})
	}
}

func TestScreenFollowsChanges(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			one := screeningApp(t, f)
			two, idx := screeningAppIndex(t, f)
			ctx := f.as(t, "maria")
			r := mustCreate(t, f, "olena", person("Олександр", "Шевченко", "wanted", "all"))
			for _, a := range []*app.App{one, two} {
				if got := screenIDs(t, a, ctx, app.ScreenQuery{FirstName: "Oleksandr", LastName: "Shevchenko"}); len(got) != 1 {
					t.Fatalf("before the edit: %v", got)
				}
			}
			patch := app.RecordPatch{Properties: map[string][]string{"lastName": {"Коваленко"}}}
			if _, err := f.app.UpdateRecord(f.as(t, "olena"), r.ID, 1, patch); err != nil {
				t.Fatal(err)
			}
			// The follower of process two catches up on its own.
			bg, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() { two.SyncScreening(bg, 10*time.Millisecond); close(done) }()
			for _, a := range []*app.App{one, two} {
				if got := screenIDs(t, a, ctx, app.ScreenQuery{Name: "Oleksandr Shevchenko"}); len(got) != 0 {
					t.Errorf("old name still found after the edit: %v", got)
				}
				if got := screenIDs(t, a, ctx, app.ScreenQuery{Name: "Oleksandr Kovalenko"}); len(got) != 1 {
					t.Errorf("new name not found after the edit: %v", got)
				}
			}
			if err := f.app.DeleteRecord(f.as(t, "olena"), r.ID); err != nil {
				t.Fatal(err)
			}
			// The follower alone takes the archived record out within a second.
			deadline := time.Now().Add(time.Second)
			for idx.Contains(r.ID) && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if idx.Contains(r.ID) {
				t.Error("the follower did not remove the archived record within a second")
			}
			for _, a := range []*app.App{one, two} {
				if got := screenIDs(t, a, ctx, app.ScreenQuery{Name: "Oleksandr Kovalenko"}); len(got) != 0 {
					t.Errorf("archived record found: %v", got)
				}
			}
			cancel()
			<-done
		})
	}
}

func TestScreenAuditAndValidation(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	s := screeningApp(t, f)
	mustCreate(t, f, "olena", person("Петро", "Бондар", "suspect", "all"))
	ctx := f.as(t, "maria")
	ctx = app.WithRequest(ctx, app.Request{ID: "req-1", Purpose: "border check at Palanca"})
	if ids := screenIDs(t, s, ctx, app.ScreenQuery{Name: "Petro Bondar", BirthDate: "1985-03-14"}); len(ids) != 1 {
		t.Fatalf("got %v", ids)
	}
	es, err := f.app.AuditEntries(f.as(t, "ion"), app.AuditFilter{Action: "record.screen"})
	if err != nil || len(es) != 1 {
		t.Fatalf("audit entries %v, %v", es, err)
	}
	e := es[0]
	if e.Purpose != "border check at Palanca" || !strings.HasPrefix(e.ObjectID, "q:") || strings.Contains(strings.ToLower(e.ObjectID), "bondar") {
		t.Errorf("audit entry %+v", e)
	}
	// A purpose given with the query is the audit entry's, and leaves the
	// query's hash as it is.
	if ids := screenIDs(t, s, ctx, app.ScreenQuery{Name: "Petro Bondar", BirthDate: "1985-03-14", Purpose: " case 2026/114 "}); len(ids) != 1 {
		t.Fatalf("got %v", ids)
	}
	es, err = f.app.AuditEntries(f.as(t, "ion"), app.AuditFilter{Action: "record.screen"})
	if err != nil || len(es) != 2 {
		t.Fatalf("audit entries %v, %v", es, err)
	}
	if es[0].Purpose != "case 2026/114" || es[0].ObjectID != e.ObjectID {
		t.Errorf("audit entry with a purpose %+v, want purpose case 2026/114 and object %s", es[0], e.ObjectID)
	}
	for _, q := range []app.ScreenQuery{{}, {Name: "x", Threshold: 1.5}, {Name: "x", Limit: 1000}, {Name: "x", BirthDate: "1985-13-01"},
		{Name: "x", Nationality: "XX"}, {Name: "x", Gender: "unknown"}, {Name: strings.Repeat("a", 201)},
		{Name: "x", Purpose: strings.Repeat("я", 201)}} {
		if _, err := s.Screen(ctx, q); !iforce.IsKind(err, iforce.KindInvalid) {
			t.Errorf("%+v: %v, want Invalid", q, err)
		}
	}
	if _, err := f.app.Screen(ctx, app.ScreenQuery{Name: "Petro Bondar"}); !iforce.IsKind(err, iforce.KindInternal) {
		t.Errorf("without an index: %v", err)
	}
}
