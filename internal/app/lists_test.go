package app_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
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
