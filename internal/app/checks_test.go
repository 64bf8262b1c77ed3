package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/ident"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

func passport(number, status, scope string) *iforce.Record {
	return &iforce.Record{Schema: "TravelDocument", Distribution: iforce.Distribution{Scope: scope}, Properties: map[string][]string{
		"number": {number}, "country": {"UA"}, "type": {"passport"}, "status": {status}}}
}

func TestCheckDocumentAndHitQueue(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			doc := mustCreate(t, f, "olena", passport("FE 482913", "stolen", "all"))
			md := f.as(t, "maria")
			for _, tc := range []struct{ number, match string }{
				{"FE 482913", app.MatchExact}, {"fe482913", app.MatchNormalised}, {"FЕ-482913" /* Cyrillic Е */, app.MatchNormalised},
			} {
				res, err := f.app.Check(md, app.CheckRequest{Document: &app.DocumentQuery{Number: tc.number, Country: "UA"}, Location: "Palanca"})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Hits) != 1 || res.Hits[0].Record.ID != doc.ID || res.Hits[0].Match != tc.match || res.Hits[0].Action.Code != "seize_document" || res.Hits[0].HitID == "" {
					t.Fatalf("check %q: %+v", tc.number, res.Hits)
				}
			}
			if res, _ := f.app.Check(md, app.CheckRequest{Document: &app.DocumentQuery{Number: "FE482913", Country: "PL"}}); len(res.Hits) != 0 {
				t.Errorf("another issuing country hit")
			}
			// The owner sees the hits in its queue; only the owner decides.
			page, err := f.app.Hits(f.as(t, "olena"), app.HitQuery{Side: "owner"})
			if err != nil || len(page.Hits) != 3 || page.Pending != 3 || page.Hits[0].Checker != "MD-NCB" || page.Hits[0].Location != "Palanca" {
				t.Fatalf("queue %+v %v", page, err)
			}
			id := page.Hits[0].ID
			if _, err := f.app.DecideHit(md, id, true, ""); !iforce.IsKind(err, iforce.KindForbidden) {
				t.Errorf("checker decided: %v", err)
			}
			if _, err := f.app.DecideHit(f.as(t, "root"), id, true, ""); !iforce.IsKind(err, iforce.KindForbidden) {
				t.Errorf("admin decided: %v", err)
			}
			h, err := f.app.DecideHit(f.as(t, "taras"), id, true, "Identity confirmed by phone with the border post")
			if err != nil || h.Status != "confirmed" {
				t.Fatalf("decide %+v %v", h, err)
			}
			if _, err := f.app.DecideHit(f.as(t, "taras"), id, false, ""); !iforce.IsKind(err, iforce.KindConflict) {
				t.Errorf("second decision: %v", err)
			}
			// The checking agency sees the decision.
			sent, _ := f.app.Hits(md, app.HitQuery{Side: "checker", Status: "confirmed"})
			if len(sent.Hits) != 1 || sent.Hits[0].Note == "" {
				t.Errorf("checker's view %+v", sent.Hits)
			}
			// Overdue hits are flagged and counted.
			f.clock.Add(13 * time.Hour)
			page, _ = f.app.Hits(f.as(t, "olena"), app.HitQuery{Overdue: true})
			if page.Overdue != 2 || len(page.Hits) != 2 {
				t.Errorf("overdue %d, listed %d", page.Overdue, len(page.Hits))
			}
			verifyIntact(t, f)
		})
	}
}

func TestCheckHitNoHit(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	hidden := mustCreate(t, f, "olena", passport("FA123456", "stolen", "owner"))
	md := f.as(t, "maria")
	res, err := f.app.Check(md, app.CheckRequest{Document: &app.DocumentQuery{Number: "FA123456"}})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	h := res.Hits[0]
	if !h.PresenceOnly || h.Record != nil || h.Owner != "UA-NCB" || h.Action.Code != "contact_owner" || h.HitID == "" {
		t.Fatalf("hit/no-hit answer leaks or misses: %+v", h)
	}
	if strings.Contains(h.Action.Text, "FA123456") || strings.Contains(h.Action.Text, hidden.ID) {
		t.Errorf("action text leaks content: %q", h.Action.Text)
	}
	// The checker's hit list does not reveal the record id; the follow-up is allowed.
	sent, _ := f.app.Hits(md, app.HitQuery{Side: "checker"})
	if sent.Hits[0].RecordID != "" {
		t.Errorf("checker sees the record id of a hit/no-hit")
	}
	fu, err := f.app.RequestFollowUp(md, h.HitID)
	if err != nil || !fu.FollowUp || fu.RecordID != "" {
		t.Errorf("follow-up %+v %v", fu, err)
	}
	if _, err := f.app.RequestFollowUp(f.as(t, "olena"), h.HitID); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("owner asked for a follow-up: %v", err)
	}
	// Any operational user of the owner agency decides.
	if _, err := f.app.DecideHit(f.as(t, "child.ok"), h.HitID, true, ""); err != nil {
		t.Errorf("owner's analyst could not decide: %v", err)
	}
	// Partners and admins cannot check.
	for _, u := range []string{"elena", "root", "ion"} {
		if _, err := f.app.Check(f.as(t, u), app.CheckRequest{Document: &app.DocumentQuery{Number: "FA123456"}}); !iforce.IsKind(err, iforce.KindForbidden) {
			t.Errorf("%s checked: %v", u, err)
		}
	}
}

func TestCheckVictimRevealsNothing(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	v := person("Оксана", "Мельник", "victim", "owner")
	v.Properties["idNumber"] = []string{"КВ123456"}
	mustCreate(t, f, "olena", v)
	res, err := f.app.Check(f.as(t, "maria"), app.CheckRequest{Document: &app.DocumentQuery{Number: "KB123456"}})
	if err != nil || len(res.Hits) != 0 {
		t.Errorf("victim record revealed by a check: %+v %v", res, err)
	}
}

func TestCheckIdentifiers(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	mustCreate(t, f, "olena", &iforce.Record{Schema: "Firearm", Distribution: iforce.Distribution{Scope: "all"}, Properties: map[string][]string{
		"serialNumber": {"AB-1053"}, "make": {"Glock"}, "status": {"stolen"}}})
	mustCreate(t, f, "olena", &iforce.Record{Schema: "Vehicle", Distribution: iforce.Distribution{Scope: "all"}, Properties: map[string][]string{
		"vin": {"WVWZZZ1JZ3W386752"}, "registrationNumber": {"АА1234ВВ"}, "registrationCountry": {"UA"}, "status": {"stolen"}}})
	md := f.as(t, "maria")
	cases := []struct {
		name  string
		req   app.CheckRequest
		match string
		code  string
	}{
		{"serial exact", app.CheckRequest{Firearm: &app.FirearmQuery{SerialNumber: "AB-1053"}}, app.MatchExact, "seize_firearm"},
		{"serial confusable", app.CheckRequest{Firearm: &app.FirearmQuery{SerialNumber: "A8IO53"}}, app.MatchConfusable, "seize_firearm"},
		{"plate latin for cyrillic", app.CheckRequest{Vehicle: &app.VehicleQuery{RegistrationNumber: "AA 1234 BB", RegistrationCountry: "UA"}}, app.MatchNormalised, "hold_vehicle"},
		{"vin", app.CheckRequest{Vehicle: &app.VehicleQuery{VIN: "wvwzzz1jz3w386752"}}, app.MatchNormalised, "hold_vehicle"},
	}
	for _, tc := range cases {
		res, err := f.app.Check(md, tc.req)
		if err != nil || len(res.Hits) != 1 || res.Hits[0].Match != tc.match || res.Hits[0].Action.Code != tc.code {
			t.Errorf("%s: %+v %v", tc.name, res, err)
			continue
		}
		if tc.match == app.MatchConfusable && res.Hits[0].Action.Severity != "verify" {
			t.Errorf("%s: a confusable-only match must be marked for verification", tc.name)
		}
	}
	for _, bad := range []app.CheckRequest{{}, {Phone: "12"}, {Document: &app.DocumentQuery{Number: "FA1"}, Phone: "+380671234567"}, {Vehicle: &app.VehicleQuery{RegistrationNumber: "AA1234BB"}}} {
		if _, err := f.app.Check(md, bad); !iforce.IsKind(err, iforce.KindInvalid) {
			t.Errorf("bad check %+v: %v", bad, err)
		}
	}
}

func TestCheckMRZ(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	mustCreate(t, f, "olena", passport("FE482913", "stolen", "all"))
	mrz, err := ident.FormatTD3(ident.MRZ{IssuingState: "UKR", DocumentNumber: "FE482913", Surname: "SHEVCHENKO", GivenNames: []string{"OLEKSANDR"},
		Nationality: "UKR", BirthDate: ident.Date{Raw: "850314"}, Sex: "M", ExpiryDate: ident.Date{Raw: "300921"}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.app.Check(f.as(t, "maria"), app.CheckRequest{MRZ: mrz})
	if err != nil || res.MRZ == nil || len(res.Hits) < 1 || res.Hits[0].Action.Code != "seize_document" {
		t.Fatalf("mrz check: %+v %v", res, err)
	}
	// A wrong check digit is reported by name, and the document is still checked.
	lines := strings.Split(mrz, "\n")
	bad := []byte(lines[1])
	bad[9] = '0' + (bad[9]-'0'+1)%10
	res, err = f.app.Check(f.as(t, "maria"), app.CheckRequest{MRZ: lines[0] + "\n" + string(bad)})
	if err != nil || len(res.MRZ.CheckDigitFailures) == 0 || len(res.Hits) < 1 {
		t.Fatalf("bad check digit: %+v %v", res, err)
	}
}

// TestBorderCheckJourney walks the first journey of the domain primer: a Moldovan
// officer scans the MRZ of a passport Ukraine reported stolen; its holder is held by
// Ukraine in Cyrillic and wanted by Romania in Latin script. One answer holds the
// document hit and both person hits, and both owners see hits in their queues.
func TestBorderCheckJourney(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	f.app = app.New(app.Deps{Store: f.store, Keys: sqlstoretest.Keys(t), Now: f.clock.Now, Screening: screening.New(),
		Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	ctx := sys(context.Background())
	f.app.CreateAgency(ctx, &iforce.Agency{Code: "RO-NCB", Name: "BNI", Country: "RO", Kind: iforce.AgencyNCB, Active: true})
	f.app.CreateUser(ctx, app.NewUser{Agency: "RO-NCB", Username: "andrei", Name: "Andrei", Roles: []iforce.Role{iforce.RoleOfficer}, Password: pw})
	ua := person("Олександр", "Шевченко", "suspect", "all")
	mustCreate(t, f, "olena", ua)
	mustCreate(t, f, "olena", passport("FE482913", "stolen", "all"))
	ro := person("Oleksandr", "Shevchenko", "wanted", "all")
	mustCreate(t, f, "andrei", ro)
	mrz, _ := ident.FormatTD3(ident.MRZ{IssuingState: "UKR", DocumentNumber: "FE482913", Surname: "SHEVCHENKO", GivenNames: []string{"OLEKSANDR"},
		Nationality: "UKR", BirthDate: ident.Date{Raw: "850314"}, Sex: "M", ExpiryDate: ident.Date{Raw: "300921"}})
	res, err := f.app.Check(f.as(t, "maria"), app.CheckRequest{MRZ: mrz, Location: "Palanca"})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, h := range res.Hits {
		codes[h.Owner+" "+h.Record.Schema] = h.Action.Code
	}
	if codes["UA-NCB TravelDocument"] != "seize_document" || codes["RO-NCB Person"] != "arrest_contact_owner" || codes["UA-NCB Person"] == "" {
		t.Fatalf("journey answer: %v", codes)
	}
	for _, owner := range []string{"olena", "andrei"} {
		page, err := f.app.Hits(f.as(t, owner), app.HitQuery{})
		if err != nil || page.Pending == 0 {
			t.Errorf("%s's queue: %+v %v", owner, page, err)
		}
	}
}

// TestScreenRecordsHits: a screen that returns another agency's record tells its owner;
// the agency's own records make no hit.
func TestScreenRecordsHits(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	f.app = app.New(app.Deps{Store: f.store, Keys: sqlstoretest.Keys(t), Now: f.clock.Now, Screening: screening.New(),
		Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	mustCreate(t, f, "olena", person("Олександр", "Шевченко", "wanted", "all"))
	res, err := f.app.Screen(f.as(t, "maria"), app.ScreenQuery{Name: "Oleksandr Shevchenko", BirthDate: "1985-03-14"})
	if err != nil || len(res) != 1 || res[0].HitID == "" {
		t.Fatalf("screen by another agency: %+v %v", res, err)
	}
	if page, _ := f.app.Hits(f.as(t, "olena"), app.HitQuery{}); page.Pending != 1 || page.Hits[0].QueryKind != "name" {
		t.Errorf("owner's queue after a screen: %+v", page)
	}
	own, err := f.app.Screen(f.as(t, "taras"), app.ScreenQuery{Name: "Oleksandr Shevchenko"})
	if err != nil || len(own) != 1 || own[0].HitID != "" {
		t.Errorf("screen of the agency's own record made a hit: %+v %v", own, err)
	}
}
