package screening

import (
	"fmt"
	"testing"
)

// TestRescue: a part the blocking keys miss is compared directly with the
// parts of the records the other part selects, when they are few.
func TestRescue(t *testing.T) {
	x := New()
	x.Add(person("kavalyow", "Шами Kavalyow", "", "", ""))
	x.Add(person("roya", "როია Whittle", "", "", ""))
	find := func(q string) []Result { return search(t, x, q) }
	for q, want := range map[string]string{"Schami Kawaljjou": "kavalyow", "Roya Whittle": "roya"} {
		rs := find(q)
		if len(rs) != 1 || rs[0].ID != want {
			t.Errorf("%q: got %+v, want %s", q, rs, want)
		}
	}
	// A part whose keys found other tokens (Royal) is rescued all the
	// same when the query's parts select few records.
	x.Add(person("royal", "Royal Smith", "", "", ""))
	if rs := find("Roya Whittle"); len(rs) != 1 || rs[0].ID != "roya" {
		t.Errorf("Roya Whittle beside Royal Smith: got %+v", rs)
	}
	// The comparison decides, as for any candidate: no route, no match.
	if rs := find("Zbigniew Whittle"); len(rs) != 0 {
		t.Errorf("Zbigniew Whittle: got %+v", rs)
	}
	// Beyond maxRescueDocs records for the other part, no rescue.
	for i := range maxRescueDocs {
		x.Add(person(fmt.Sprintf("whittle-%d", i), fmt.Sprintf("Name%d Whittle", i), "", "", ""))
	}
	if rs := find("Roya Whittle"); len(rs) != 0 {
		t.Errorf("with %d more Whittles: got %+v", maxRescueDocs, rs)
	}
}

// TestTruncatedMeetsInitial: a given name the MRZ may have truncated still
// meets a record's initial (an on-demand comparison that finds no route is
// no match, and leaves the initial route its turn).
func TestTruncatedMeetsInitial(t *testing.T) {
	x := New()
	x.Add(person("ivanov", "P. Ivanov", "", "", ""))
	rs, err := x.Search(Query{Name: "IVANOV<<PETR", Threshold: 0.3}, all)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("got %+v", rs)
	}
	initial := false
	for _, p := range rs[0].Explanation.Parts {
		initial = initial || p.Route == RouteInitial
	}
	if !initial {
		t.Errorf("no initial part in %+v", rs[0].Explanation.Parts)
	}
}

// TestGivenNameMeetsInitial: a record that gives only the initial of a given
// name is found by the full name, whichever part selects, and lower than
// the record with the whole name.
func TestGivenNameMeetsInitial(t *testing.T) {
	x := New()
	x.Add(person("initial", "P. Ivanov", "", "", ""))
	x.Add(person("cyrillic-initial", "Іванов П.", "", "", ""))
	x.Add(person("full", "Petr Ivanov", "", "", ""))
	x.Add(person("other-initial", "M. Ivanov", "", "", ""))
	for i := range 30 {
		x.Add(person(fmt.Sprintf("petr-%d", i), fmt.Sprintf("Petr Surname%c", 'a'+i), "", "", ""))
	}
	got := scores(t, x, "Petr Ivanov")
	if got["full"] == 0 || got["initial"] == 0 || got["cyrillic-initial"] == 0 || got["initial"] >= got["full"] {
		t.Errorf("scores %v: want full above initial and cyrillic-initial", got)
	}
	if _, ok := got["other-initial"]; ok {
		t.Errorf("M. Ivanov matched Petr Ivanov: %v", got)
	}
	// A surname is never an initial's.
	if rs, _ := x.Search(Query{FirstName: "Ivan", LastName: "Petr"}, all); len(rs) != 0 {
		t.Errorf("Ivan Petr: %+v", rs)
	}
}

// TestTruncatedCognate: an MRZ given name cut short in one language's form
// meets the record's form in another (ALEKSAN of Aleksandr, Олександр), at
// a lower score than the name's own prefix; a prefix of no cognate does
// not.
func TestTruncatedCognate(t *testing.T) {
	x := New()
	x.Add(person("uk", "Олександр Коваленко", "", "", ""))
	x.Add(person("ru", "Александр Коваленко", "", "", ""))
	x.Add(person("other", "Богдан Коваленко", "", "", ""))
	got := scores(t, x, "KOVALENKO<<ALEKSAN")
	if got["uk"] == 0 || got["ru"] == 0 || got["uk"] >= got["ru"] {
		t.Errorf("scores %v: want uk (a cognate's prefix) below ru (the name's own prefix)", got)
	}
	if _, ok := got["other"]; ok {
		t.Errorf("Богдан matched ALEKSAN: %v", got)
	}
}
