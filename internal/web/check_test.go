package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/ident"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// journeyMRZ is the MRZ of the stolen Ukrainian passport of the demo's border-check
// journey.
func journeyMRZ(t testing.TB) string {
	t.Helper()
	mrz, err := ident.FormatTD3(ident.MRZ{IssuingState: "UKR", DocumentNumber: "FE482913", Surname: "SHEVCHENKO", GivenNames: []string{"OLEKSANDR"},
		Nationality: "UKR", BirthDate: ident.Date{Raw: "850314"}, Sex: "M", ExpiryDate: ident.Date{Raw: "300921"}})
	if err != nil {
		t.Fatal(err)
	}
	return mrz
}

// demoNode is a node with the demo agencies, users and registers.
func demoNode(t testing.TB) (*webtest.Node, string) {
	t.Helper()
	n := webtest.New(t, webtest.Options{})
	if err := demo.Load(n.System(), n.App, webtest.Password); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.LoadRecords(n.System(), n.App, time.Now()); err != nil {
		t.Fatal(err)
	}
	return n, n.Server(t).URL
}

func TestCheckJourney(t *testing.T) {
	n, base := demoNode(t)
	ion := n.NewClient(t, base)
	ion.SignIn("ion.ciobanu")
	r := ion.Post("/check", url.Values{"q": {journeyMRZ(t)}, "location": {"Palanca"}})
	checkPage(t, "check answer", "ro", r)
	if r.StatusCode != 200 {
		t.Fatalf("check: %d\n%s", r.StatusCode, r.Body)
	}
	for _, want := range []string{"answer-act", "Rețineți documentul", "Căutat de RO-NCB", "UA-NCB", "transliterare"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("answer lacks %q", want)
		}
	}
	// A misread or forged check digit is named, and the document is still checked.
	mrz := journeyMRZ(t)
	bad := mrz[:len(mrz)-1] + map[bool]string{true: "1", false: "2"}[strings.HasSuffix(mrz, "2")]
	r = ion.Post("/check", url.Values{"q": {bad}})
	if !strings.Contains(r.Body, "Cifre de control care nu corespund") || !strings.Contains(r.Body, "cifra de control compusă") || !strings.Contains(r.Body, "Rețineți documentul") {
		t.Errorf("a wrong composite check digit is not named, or the document not checked")
	}
	olena := n.NewClient(t, base)
	olena.SignIn("olena.kovalenko")
	home := olena.Get("/")
	if !strings.Contains(home.Body, "очіку") || !strings.Contains(home.Body, "MD-NCB") {
		t.Errorf("home page of the owner shows no pending hit")
	}
	q := olena.Get("/hits")
	checkPage(t, "hits", "uk", q)
	if !strings.Contains(q.Body, "MD-NCB") || !strings.Contains(q.Body, `/decision"`) {
		t.Fatalf("queue lacks the hit:\n%s", q.Body)
	}
}
