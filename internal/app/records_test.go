package app_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

// recordFixture adds operational users of three agencies and a partner.
func recordFixture(t *testing.T, engine sqlstore.Engine) *fixture {
	f := setup(t, engine)
	ctx := sys(context.Background())
	for _, u := range []app.NewUser{
		{Agency: "MD-NCB", Username: "maria", Name: "Maria Rusu", Roles: []iforce.Role{iforce.RoleOfficer}},
		{Agency: "UA-NCB", Username: "taras", Name: "Тарас", Roles: []iforce.Role{iforce.RoleSupervisor}, Clearances: []iforce.Clearance{iforce.ClearanceVictimData}},
		{Agency: "UA-NCB", Username: "child.ok", Name: "Ірина", Roles: []iforce.Role{iforce.RoleAnalyst}, Clearances: []iforce.Clearance{iforce.ClearanceVictimData, iforce.ClearanceChildData}},
		{Agency: "IOM-MD", Username: "elena", Name: "Elena Popa", Roles: []iforce.Role{iforce.RolePartner}},
	} {
		u.Password = pw
		if _, _, err := f.app.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func person(first, last, category string, scope string, agencies ...string) *iforce.Record {
	return &iforce.Record{Schema: "Person", Category: category, Properties: map[string][]string{
		"firstName": {first}, "lastName": {last}, "birthDate": {"1985-03-14"}, "nationality": {"ua"}},
		Distribution: iforce.Distribution{Scope: scope, Agencies: agencies}, CrimeAreas: []string{"human_trafficking"}}
}

func mustCreate(t *testing.T, f *fixture, user string, r *iforce.Record) *iforce.Record {
	t.Helper()
	if err := f.app.CreateRecord(f.as(t, user), r); err != nil {
		t.Fatalf("create %s by %s: %v", r.Schema, user, err)
	}
	return r
}

func TestRecordVisibility(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			ownerOnly := mustCreate(t, f, "olena", person("Олександр", "Шевченко", "wanted", "owner"))
			shared := mustCreate(t, f, "olena", person("Петро", "Бондар", "suspect", "all"))
			toIOM := mustCreate(t, f, "olena", person("Ana", "Ceban", "witness", "agencies", "IOM-MD"))
			victim := mustCreate(t, f, "olena", person("Оксана", "Мельник", "victim", "all"))
			child := person("Дарина", "Коваль", "victim", "all")
			child.Properties["birthDate"] = []string{time.Now().AddDate(-15, 0, 0).Format("2006-01-02")}
			mustCreate(t, f, "olena", child)
			if !child.Child {
				t.Fatal("a victim aged 15 is not flagged as a child")
			}
			cases := []struct {
				user    string
				rec     *iforce.Record
				visible bool
			}{
				{"olena", ownerOnly, true},
				{"maria", ownerOnly, false}, // another agency's owner-only record
				{"maria", shared, true},     // shared with all
				{"elena", shared, false},    // partners see only what is addressed to them
				{"elena", toIOM, true},      // addressed to the partner organisation
				{"maria", toIOM, false},     // not addressed to MD-NCB
				{"maria", victim, false},    // victim without clearance
				{"olena", victim, false},    // even the owner's user needs the clearance
				{"taras", victim, true},     // cleared
				{"taras", child, false},     // a child needs child_data too
				{"child.ok", child, true},   // cleared for children
				{"root", shared, false},     // admin reads no operational data
				{"ion", shared, false},      // auditor neither
			}
			for _, tc := range cases {
				got, err := f.app.Record(f.as(t, tc.user), tc.rec.ID)
				if tc.visible && (err != nil || got.ID != tc.rec.ID) {
					t.Errorf("%s cannot read %s: %v", tc.user, tc.rec.Caption(), err)
				}
				if !tc.visible && !iforce.IsKind(err, iforce.KindNotFound) {
					t.Errorf("%s reads %s: %v", tc.user, tc.rec.Caption(), err)
				}
				// The list shows exactly what a read allows.
				list, _, err := f.app.Records(f.as(t, tc.user), app.RecordQuery{Schema: "Person"})
				if err != nil && !iforce.IsKind(err, iforce.KindForbidden) {
					t.Fatal(err)
				}
				inList := slices.ContainsFunc(list, func(r *iforce.Record) bool { return r.ID == tc.rec.ID })
				if inList != tc.visible {
					t.Errorf("%s: %s in list = %v, want %v", tc.user, tc.rec.Caption(), inList, tc.visible)
				}
			}
			// An invisible record and a missing one answer the same.
			_, errHidden := f.app.Record(f.as(t, "maria"), ownerOnly.ID)
			_, errMissing := f.app.Record(f.as(t, "maria"), "00000000-0000-4000-8000-000000000000")
			if errHidden.Error() != errMissing.Error() {
				t.Errorf("hidden %q vs missing %q", errHidden, errMissing)
			}
			verifyIntact(t, f)
		})
	}
}

func TestRecordOwnerControl(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	r := mustCreate(t, f, "olena", person("Петро", "Бондар", "suspect", "all"))
	patch := app.RecordPatch{Properties: map[string][]string{"alias": {"Петя"}}}
	if _, err := f.app.UpdateRecord(f.as(t, "maria"), r.ID, 1, patch); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("non-owner edit: %v", err)
	}
	if err := f.app.DeleteRecord(f.as(t, "maria"), r.ID); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("non-owner delete: %v", err)
	}
	updated, err := f.app.UpdateRecord(f.as(t, "taras"), r.ID, 1, patch)
	if err != nil || updated.Version != 2 || updated.First("alias") != "Петя" {
		t.Fatalf("owner edit: %+v %v", updated, err)
	}
	if _, err := f.app.UpdateRecord(f.as(t, "olena"), r.ID, 1, patch); !iforce.IsKind(err, iforce.KindConflict) {
		t.Errorf("stale version: %v", err)
	}
	hist, err := f.app.RecordHistory(f.as(t, "maria"), r.ID)
	if err != nil || len(hist) != 2 || hist[1].Record.First("alias") != "" || hist[0].Record.First("alias") != "Петя" {
		t.Fatalf("history: %+v %v", hist, err)
	}
	// A partner learns which agency changed the record, never which officer.
	for _, v := range hist {
		if v.ChangedBy != "agency:UA-NCB" || v.ChangedByAgency != "UA-NCB" || v.ChangedByName != "" {
			t.Errorf("partner's history names the officer: %+v", v)
		}
	}
	own, err := f.app.RecordHistory(f.as(t, "olena"), r.ID)
	if err != nil || len(own) != 2 || own[0].ChangedByName == "" || own[0].ChangedByName == own[1].ChangedByName ||
		!strings.HasPrefix(own[0].ChangedBy, "user:") || own[0].ChangedByAgency != "UA-NCB" {
		t.Errorf("owner's history: %+v %v", own, err)
	}
	// Search finds it by name in either script, then deletion removes it from the index.
	for _, q := range []string{"бондар", "Bondar", "petro bondar"} {
		list, _, _ := f.app.Records(f.as(t, "maria"), app.RecordQuery{Q: q})
		if len(list) != 1 {
			t.Errorf("q=%q: %d results", q, len(list))
		}
	}
	if err := f.app.DeleteRecord(f.as(t, "olena"), r.ID); err != nil {
		t.Fatal(err)
	}
	if list, _, _ := f.app.Records(f.as(t, "olena"), app.RecordQuery{Q: "Bondar"}); len(list) != 0 {
		t.Errorf("archived record still found")
	}
	if _, err := f.app.Record(f.as(t, "maria"), r.ID); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("archived record readable by non-owner: %v", err)
	}
	if got, err := f.app.Record(f.as(t, "olena"), r.ID); err != nil || !got.Archived {
		t.Errorf("owner reads archived: %v", err)
	}
	var keys int
	f.store.DB().QueryRow(`SELECT COUNT(*) FROM record_keys`).Scan(&keys)
	if keys != 0 {
		t.Errorf("%d keys of an archived record remain in the index", keys)
	}
}

func TestTravelDocumentIssuingCountry(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	doc := func() *iforce.Record {
		return &iforce.Record{Schema: "TravelDocument", Distribution: iforce.Distribution{Scope: "all"}, Properties: map[string][]string{
			"number": {"FA 123456"}, "country": {"UA"}, "type": {"passport"}, "status": {"stolen"}}}
	}
	err := f.app.CreateRecord(f.as(t, "maria"), doc())
	if !iforce.IsKind(err, iforce.KindInvalid) || !strings.Contains(err.Error(), "country: only an agency of the issuing country") {
		t.Errorf("Moldovan agency added a Ukrainian passport: %v", err)
	}
	d := mustCreate(t, f, "olena", doc())
	// Cyrillic look-alikes, spaces and case: the same key.
	for _, q := range []string{"FA123456", "fa-123456", "FА 123456" /* Cyrillic А */} {
		list, _, _ := f.app.Records(f.as(t, "maria"), app.RecordQuery{Q: q})
		if len(list) != 1 || list[0].ID != d.ID {
			t.Errorf("q=%q: %d results", q, len(list))
		}
	}
}

func TestRecordValidation(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	cases := []struct {
		name  string
		rec   *iforce.Record
		field string
		want  string
	}{
		{"bad iban", &iforce.Record{Schema: "BankAccount", Properties: map[string][]string{"iban": {"UA213223130000026007233566000"}}}, "iban", "check digits"},
		{"bad vin", &iforce.Record{Schema: "Vehicle", Properties: map[string][]string{"vin": {"WVWZZZ1JZ3W38675"}, "status": {"stolen"}}}, "vin", "17 characters"},
		{"plate without country", &iforce.Record{Schema: "Vehicle", Properties: map[string][]string{"registrationNumber": {"AA1234BB"}, "status": {"stolen"}}}, "registrationNumber", "registrationCountry"},
		{"unknown property", &iforce.Record{Schema: "Firearm", Properties: map[string][]string{"serialNumber": {"X1"}, "status": {"lost"}, "colour": {"black"}}}, "colour", "not a property"},
		{"bad enum", &iforce.Record{Schema: "Firearm", Properties: map[string][]string{"serialNumber": {"X1"}, "status": {"misplaced"}}}, "status", "not one of"},
		{"person category", &iforce.Record{Schema: "Person", Properties: map[string][]string{"lastName": {"Ceban"}}}, "category", "must be one of"},
		{"bad date", &iforce.Record{Schema: "Person", Category: "suspect", Properties: map[string][]string{"lastName": {"Ceban"}, "birthDate": {"14.03.1985"}}}, "birthDate", "not a date"},
		{"H3 without note", &iforce.Record{Schema: "Phone", Handling: "H3", Properties: map[string][]string{"number": {"+37360123456"}}}, "handlingNote", "restrictions"},
		{"bad phone", &iforce.Record{Schema: "Phone", Properties: map[string][]string{"number": {"12"}}}, "number", ""},
		{"unknown agency", &iforce.Record{Schema: "Phone", Distribution: iforce.Distribution{Scope: "agencies", Agencies: []string{"XX-NCB"}}, Properties: map[string][]string{"number": {"+37360123456"}}}, "distribution.agencies", "no agency"},
		{"far review", &iforce.Record{Schema: "Phone", ReviewDate: "2040-01-01", Properties: map[string][]string{"number": {"+37360123456"}}}, "reviewDate", "5 years"},
		{"bad evaluation", &iforce.Record{Schema: "Phone", Evaluation: iforce.Evaluation{Source: "D", Information: "5"}, Properties: map[string][]string{"number": {"+37360123456"}}}, "evaluation.source", "A, B, C or X"},
		{"unknown schema", &iforce.Record{Schema: "Spaceship"}, "schema", "unknown schema"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := f.app.CreateRecord(f.as(t, "olena"), tc.rec)
			e, ok := err.(*iforce.Error)
			if !ok || e.Kind != iforce.KindInvalid {
				t.Fatalf("got %v, want invalid", err)
			}
			if !slices.ContainsFunc(e.Fields, func(fp iforce.FieldProblem) bool {
				return fp.Field == tc.field && strings.Contains(fp.Problem, tc.want)
			}) {
				t.Errorf("no problem %q on %q: %v", tc.want, tc.field, e.Fields)
			}
		})
	}
	var n int
	f.store.DB().QueryRow(`SELECT COUNT(*) FROM records`).Scan(&n)
	if n != 0 {
		t.Errorf("%d invalid records stored", n)
	}
}

func TestRecordLinksHideInvisibleEnds(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	a := mustCreate(t, f, "olena", person("Петро", "Бондар", "suspect", "all"))
	hidden := mustCreate(t, f, "olena", person("Іван", "Ткач", "suspect", "owner"))
	b := mustCreate(t, f, "olena", person("Ion", "Ceban", "suspect", "all"))
	link := func(src, dst string) *iforce.Record {
		return &iforce.Record{Schema: "Link", Distribution: iforce.Distribution{Scope: "all"},
			Properties: map[string][]string{"source": {src}, "target": {dst}, "relation": {"associate"}}}
	}
	mustCreate(t, f, "olena", link(a.ID, hidden.ID))
	visibleLink := mustCreate(t, f, "olena", link(a.ID, b.ID))
	got, err := f.app.RecordLinks(f.as(t, "maria"), a.ID)
	if err != nil || len(got) != 1 || got[0].ID != visibleLink.ID {
		t.Errorf("maria sees links %v, %v", got, err)
	}
	if got, _ := f.app.RecordLinks(f.as(t, "olena"), a.ID); len(got) != 2 {
		t.Errorf("owner sees %d links", len(got))
	}
}

func TestReviewList(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	r := mustCreate(t, f, "olena", person("Петро", "Бондар", "suspect", "all"))
	if list, _ := f.app.ReviewList(f.as(t, "olena")); len(list) != 0 {
		t.Fatalf("due too early: %d", len(list))
	}
	f.clock.Add(3*365*24*time.Hour + 48*time.Hour)
	list, err := f.app.ReviewList(f.as(t, "olena"))
	if err != nil || len(list) != 1 {
		t.Fatalf("review list %v %v", list, err)
	}
	if list, _ := f.app.ReviewList(f.as(t, "maria")); len(list) != 0 {
		t.Errorf("another agency sees the review list")
	}
	next := f.clock.Now().AddDate(2, 0, 0).Format("2006-01-02")
	if _, err := f.app.UpdateRecord(f.as(t, "olena"), r.ID, 1, app.RecordPatch{ReviewDate: &next}); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.app.ReviewList(f.as(t, "olena")); len(list) != 0 {
		t.Errorf("confirmed record still due")
	}
}
