package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

func TestScreenList(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	f.app = app.New(app.Deps{Store: f.store, Keys: sqlstoretest.Keys(t), Now: f.clock.Now, Screening: screening.New(),
		Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	mustCreate(t, f, "olena", person("Олександр", "Шевченко", "wanted", "all"))
	mustCreate(t, f, "olena", passport("FE482913", "stolen", "all"))
	list := "surname,given_name,dob,nationality,passport_number,issuing_country\n" +
		"SHEVCHENKO,OLEKSANDR,1985-03-14,UA,,\n" +
		"Popescu,Ana,1990-01-01,RO,FE482913,UA\n" +
		"Ceban,Ion,31.02.1990,MD,,\n" +
		"\"broken,row\n"
	var out bytes.Buffer
	rep, err := f.app.ScreenList(f.as(t, "maria"), strings.NewReader(list), &out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 4 || rep.Flagged != 2 || len(rep.Errors) != 2 {
		t.Fatalf("report %+v\n%s", rep, out.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[1][2] != "flagged" || !strings.Contains(rows[1][4], "Шевченко") || rows[1][7] == "" {
		t.Errorf("row for Shevchenko: %v", rows[1])
	}
	if !strings.Contains(rows[2][3], "seize_document (UA-NCB)") {
		t.Errorf("document hit not reported: %v", rows[2])
	}
	if rows[3][2] != "error" || !strings.Contains(rows[3][3], "birthDate") || rows[3][0] != "4" {
		t.Errorf("bad row not reported with its line: %v", rows[3])
	}
	// A list without name columns is refused as a whole.
	if _, err := f.app.ScreenList(f.as(t, "maria"), strings.NewReader("dob\n1990-01-01\n"), &out, nil); err == nil {
		t.Error("list without names accepted")
	}
}

// TestListJobs: a list screened in the background on one node is followed
// and downloaded on another, by its user only; a bad file fails with its
// field problem; a job whose node stopped shows as failed.
func TestListJobs(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			one, two := screeningApp(t, f), screeningApp(t, f)
			mustCreate(t, f, "olena", person("Олександр", "Шевченко", "wanted", "all"))
			maria := f.as(t, "maria")
			wait := func(id string) *app.ListJob {
				t.Helper()
				for range 200 {
					j, err := two.ListJob(maria, id)
					if err != nil {
						t.Fatal(err)
					}
					if !j.Running {
						return j
					}
					time.Sleep(10 * time.Millisecond)
				}
				t.Fatalf("list %s still running", id)
				return nil
			}
			list := "name,birthDate,nationality\nOleksandr Shevchenko,1985-03-14,UA\nMaria Popescu,1990-05-05,RO\nBad Row,not-a-date,UA\n"
			job, err := one.StartList(maria, "manifest.csv", []byte(list))
			if err != nil || !job.Running || job.Total != 3 || job.Name != "manifest.csv" {
				t.Fatalf("start: %+v, %v", job, err)
			}
			done := wait(job.ID)
			if done.Err != nil || done.Report == nil || done.Report.Rows != 3 || done.Report.Flagged != 1 || len(done.Report.Errors) != 1 || done.Done != 3 {
				t.Fatalf("finished job %+v (report %+v)", done, done.Report)
			}
			csv, err := two.ListResults(maria, job.ID)
			if err != nil || !strings.Contains(string(csv), "Шевченко") {
				t.Errorf("results from the other node: %v\n%s", err, csv)
			}
			// Another user's job is not found, like a missing one.
			olena := f.as(t, "olena")
			if _, err := two.ListJob(olena, job.ID); !iforce.IsKind(err, iforce.KindNotFound) {
				t.Errorf("another user's job: %v", err)
			}
			if _, err := two.ListResults(olena, job.ID); !iforce.IsKind(err, iforce.KindNotFound) {
				t.Errorf("another user's results: %v", err)
			}
			if _, err := two.ListJob(maria, "no-such-job"); !iforce.IsKind(err, iforce.KindNotFound) {
				t.Errorf("a missing job: %v", err)
			}
			// A partner may not screen lists.
			if _, err := one.StartList(f.as(t, "elena"), "x.csv", []byte(list)); !iforce.IsKind(err, iforce.KindForbidden) {
				t.Errorf("partner: %v", err)
			}
			// A file the screening refuses fails with its field problem, and has no results.
			bad, err := one.StartList(maria, "bad.csv", []byte("dob\n1990-01-01\n"))
			if err != nil {
				t.Fatal(err)
			}
			var e *iforce.Error
			if j := wait(bad.ID); !errors.As(j.Err, &e) || e.Kind != iforce.KindInvalid || len(e.Fields) == 0 || e.Fields[0].Field != "file" {
				t.Errorf("bad file: %+v", j.Err)
			}
			if _, err := two.ListResults(maria, bad.ID); !iforce.IsKind(err, iforce.KindNotFound) {
				t.Errorf("results of a failed job: %v", err)
			}
			u, err := f.store.Read().UserByUsername(context.Background(), "maria")
			if err != nil {
				t.Fatal(err)
			}
			// At most MaxRunningLists lists of one user are screened at once.
			for i := range app.MaxRunningLists {
				running := &sqlstore.ListJob{ID: fmt.Sprintf("00000000-0000-4000-8000-00000000001%d", i), UserID: u.ID, Name: "busy.csv",
					Total: 5, StartedAt: f.clock.Now()}
				if err := f.store.Read().InsertListJob(context.Background(), running); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := one.StartList(maria, "third.csv", []byte(list)); !errors.As(err, &e) || e.Kind != iforce.KindConflict || len(e.Fields) != 1 || e.Fields[0].Field != "file" {
				t.Errorf("a third running list: %v", err)
			}
			// A job whose node stopped before it ended shows as failed.
			stale := &sqlstore.ListJob{ID: "00000000-0000-4000-8000-000000000001", UserID: u.ID, Name: "old.csv", Total: 5,
				StartedAt: f.clock.Now().Add(-app.ListTimeout - 2*time.Minute)}
			if err := f.store.Read().InsertListJob(context.Background(), stale); err != nil {
				t.Fatal(err)
			}
			if j, err := two.ListJob(maria, stale.ID); err != nil || j.Running || !iforce.IsKind(j.Err, iforce.KindUnavailable) {
				t.Errorf("stale job %+v, %v", j, err)
			}
		})
	}
}
