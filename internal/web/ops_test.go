package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

var recordLinkRE = regexp.MustCompile(`href="/records/([0-9a-f-]{36})"`)

// firstRecord returns the id of the first record a page links.
func firstRecord(t *testing.T, r *webtest.Response) string {
	t.Helper()
	m := recordLinkRE.FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("no record on the page:\n%s", r.Body)
	}
	return m[1]
}

func TestOperationalPages(t *testing.T) {
	n, base := demoNode(t)
	ion := n.NewClient(t, base)
	ion.SignIn("ion.ciobanu")
	roWanted := firstRecord(t, ion.Get("/records?q=Shevchenko&owner=RO-NCB"))

	t.Run("EveryPageInEveryLanguage", func(t *testing.T) {
		paths := []string{"/", "/check", "/hits", "/hits?side=checker", "/hits?status=pending&overdue=1", "/records", "/records?schema=Person&q=Shevchenko",
			"/records?category=wanted&crimeArea=human_trafficking", "/records/new", "/records/new?schema=Vehicle", "/records/new?schema=Link",
			"/records/import", "/records/review", "/screen", "/lists", "/records/" + roWanted}
		for _, lang := range iforce.Locales {
			ion.Post("/language", url.Values{"lang": {lang}, "next": {"/"}})
			for _, p := range paths {
				r := ion.Get(p)
				if r.StatusCode != http.StatusOK {
					t.Errorf("%s %s: %d", lang, p, r.StatusCode)
				}
				checkPage(t, lang+" "+p, lang, r)
			}
			for _, q := range []url.Values{{"q": {"FE482913"}}, {"q": {"AB 1234 CD"}, "kind": {"plate"}, "country": {"MD"}}, {"q": {"Stefan Dumitrescu"}},
				{"q": {"WVWZZZ1JZXW000001"}}, {"q": {"P<UKRBROKEN"}, "kind": {"mrz"}}} {
				r := ion.Post("/check", q)
				if r.StatusCode >= 500 {
					t.Errorf("%s check %v: %d", lang, q, r.StatusCode)
				}
				checkPage(t, lang+" check "+q.Get("q"), lang, r)
			}
			r := ion.Post("/screen", url.Values{"name": {"Giorgi Beridze"}, "nationality": {"GE"}})
			checkPage(t, lang+" screen", lang, r)
		}
		ion.Post("/language", url.Values{"lang": {"ro"}, "next": {"/"}})
	})

	t.Run("LatinScreenFindsGeorgian", func(t *testing.T) {
		r := ion.Post("/screen", url.Values{"name": {"Giorgi Beridze"}})
		if !strings.Contains(r.Body, "გიორგი ბერიძე") || !strings.Contains(r.Body, "transliterare") {
			t.Errorf("the screen does not find the Georgian record with its explanation:\n%s", r.Body)
		}
		if r := ion.Post("/screen", url.Values{"birthDate": {"1985"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Indicați un nume complet") {
			t.Errorf("screen without a name: %d", r.StatusCode)
		}
	})

	t.Run("ScreenPurposeAudited", func(t *testing.T) {
		if r := ion.Post("/screen", url.Values{"name": {"Giorgi Beridze"}, "purpose": {strings.Repeat("x", 201)}}); r.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(r.Body, `id="f-purpose-err"`) {
			t.Errorf("a purpose of 201 characters: %d", r.StatusCode)
		}
		if r := ion.Post("/screen", url.Values{"name": {"Giorgi Beridze"}, "purpose": {"dosar 2026/114 Palanca"}}); r.StatusCode != http.StatusOK {
			t.Fatalf("screen with a purpose: %d", r.StatusCode)
		}
		auditor := n.NewClient(t, base)
		auditor.SignIn("dmytro.audit")
		if r := auditor.Get("/audit?action=record.screen"); !strings.Contains(r.Body, "dosar 2026/114 Palanca") {
			t.Errorf("the audit log does not show the screen's purpose:\n%s", r.Body)
		}
	})

	t.Run("DeniedToPartnerAndAdmin", func(t *testing.T) {
		for _, user := range []string{"elena.popa", "admin"} {
			c := n.NewClient(t, base)
			c.SignIn(user)
			denied := []string{"/check", "/hits", "/records/new", "/records/import", "/records/review", "/lists"}
			if user == "admin" {
				denied = append(denied, "/records")
			} else if r := c.Get("/records"); r.StatusCode != http.StatusOK || strings.Contains(r.Body, `href="/records/new`) {
				// A partner lists what is addressed to its organisation, and writes nothing.
				t.Errorf("partner's register list: %d", r.StatusCode)
			}
			for _, p := range denied {
				if r := c.Get(p); r.StatusCode != http.StatusForbidden {
					t.Errorf("%s GET %s: %d, want 403", user, p, r.StatusCode)
				}
			}
			if r := c.Get("/records/" + roWanted); r.StatusCode != http.StatusNotFound {
				t.Errorf("%s GET a record: %d, want 404", user, r.StatusCode)
			}
			if r := c.Post("/check", url.Values{"q": {"FE482913"}}); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s POST /check: %d, want 403", user, r.StatusCode)
			}
			home := c.Get("/")
			hidden := []string{`href="/check"`, `href="/hits"`, `href="/lists"`}
			if user == "admin" {
				hidden = append(hidden, `href="/records"`)
			}
			for _, hidden := range hidden {
				if strings.Contains(home.Body, hidden) {
					t.Errorf("the menu of %s links %s", user, hidden)
				}
			}
		}
	})

	olena := n.NewClient(t, base)
	olena.SignIn("olena.kovalenko")
	newPerson := url.Values{"schema": {"Person"}, "firstName": {"Тарас"}, "lastName": {"Мельничук"}, "birthDate": {"1990-02-01"},
		"category": {"suspect"}, "handling": {"H0"}, "distribution.scope": {"owner"}}

	t.Run("FieldErrorsInUkrainian", func(t *testing.T) {
		bad := url.Values{}
		for k, v := range newPerson {
			bad[k] = v
		}
		bad.Set("birthDate", "01.02.1990")
		bad.Set("handling", "H3")
		r := olena.Post("/records", bad)
		if r.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("invalid record: %d", r.StatusCode)
		}
		for _, want := range []string{"Запишіть дату як РРРР", "Для H3 потрібно описати обмеження.", `id="f-birthDate-err"`, `>01.02.1990</textarea>`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("the form lacks %q", want)
			}
		}
	})

	r := olena.Post("/records", newPerson)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", r.StatusCode, r.Body)
	}
	own := strings.TrimPrefix(r.Header.Get("Location"), "/records/")

	t.Run("OwnerOnlyRecordOfAnotherAgencyIsNotFound", func(t *testing.T) {
		for _, p := range []string{"/records/" + own, "/records/" + own + "/edit"} {
			if r := ion.Get(p); r.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: %d, want 404", p, r.StatusCode)
			}
		}
		for _, p := range []string{"/records/" + own, "/records/" + own + "/delete"} {
			if r := ion.Post(p, url.Values{"version": {"1"}}); r.StatusCode != http.StatusNotFound {
				t.Errorf("POST %s: %d, want 404", p, r.StatusCode)
			}
		}
	})

	t.Run("OnlyTheOwnerEdits", func(t *testing.T) {
		if r := ion.Get("/records/" + roWanted); strings.Contains(r.Body, "/edit") || strings.Contains(r.Body, "/delete") {
			t.Error("a reader who does not own the record is offered edit or archive")
		}
		if r := ion.Get("/records/" + roWanted + "/edit"); r.StatusCode != http.StatusNotFound {
			t.Errorf("edit another agency's record: %d, want 404", r.StatusCode)
		}
		page := olena.Get("/records/" + own)
		if !strings.Contains(page.Body, `href="/records/`+own+`/edit"`) || !strings.Contains(page.Body, "Мельничук") {
			t.Fatalf("the owner's record page:\n%s", page.Body)
		}
		edit := url.Values{}
		for k, v := range newPerson {
			edit[k] = v
		}
		edit.Set("version", "1")
		edit.Set("alias", "Тарас Мельник\nT. Melnychuk")
		if r := olena.Post("/records/"+own, edit); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", r.StatusCode)
		}
		r := olena.Post("/records/"+own, edit) // version 1 again: stale
		if r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "Хтось інший змінив цей запис") {
			t.Errorf("stale edit: %d", r.StatusCode)
		}
		page = olena.Get("/records/" + own)
		if !strings.Contains(page.Body, "T. Melnychuk") || !strings.Contains(page.Body, "версія 2") {
			t.Error("the saved alias or version is not shown")
		}
		if r := olena.Post("/records/"+own+"/delete", url.Values{}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("archive: %d", r.StatusCode)
		}
		if r := olena.Get("/records/" + own + "/edit"); r.StatusCode != http.StatusNotFound {
			t.Errorf("edit an archived record: %d, want 404", r.StatusCode)
		}
	})

	t.Run("ImportReport", func(t *testing.T) {
		csv := "firstName,lastName,birthDate,nationality\nІван,Петренко,1980-01-02,UA\nПетро,Іваненко,02.01.1980,UA\n,,,\n"
		r := olena.PostFile("/records/import", url.Values{"format": {"csv"}, "schema": {"Person"}, "scope": {"owner"}, "category": {"suspect"}}, "file", "persons.csv", csv)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("import: %d\n%s", r.StatusCode, r.Body)
		}
		for _, want := range []string{"1 створено", "2 відхилено", `<td class="num">3</td>`, "Запишіть дату як РРРР"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("the row report lacks %q:\n%s", want, r.Body[strings.Index(r.Body, "<main"):])
			}
		}
		if r := olena.PostFile("/records/import", url.Values{"format": {"csv"}}, "nofile", "x.csv", "a"); r.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("import without a file: %d", r.StatusCode)
		}
	})

	t.Run("PassengerList", func(t *testing.T) {
		list := "name,birthDate,nationality,documentNumber,documentCountry\nOleksandr Shevchenko,1985-03-14,UA,FE482913,UA\nMaria Popescu,1990-05-05,RO,,\nBad Row,not-a-date,UA,,\n"
		r := ion.PostFile("/lists", nil, "file", "manifest.csv", list)
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d\n%s", r.StatusCode, r.Body)
		}
		job := r.Header.Get("Location")
		var page *webtest.Response
		for range 100 {
			if page = ion.Get(job); !strings.Contains(page.Body, `http-equiv="refresh"`) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		for _, want := range []string{"3 rânduri verificate", "merită o a doua privire", "results.csv", `<td class="num">4</td>`} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("the list summary lacks %q:\n%s", want, page.Body)
			}
		}
		csv := ion.Get(job + "/results.csv")
		if csv.StatusCode != http.StatusOK || !strings.Contains(csv.Body, "FE482913") || csv.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
			t.Errorf("results: %d %q", csv.StatusCode, csv.Body)
		}
		if r := olena.Get(job); r.StatusCode != http.StatusNotFound {
			t.Errorf("another user's list: %d, want 404", r.StatusCode)
		}
	})

	t.Run("HitNoHitShowsOnlyTheOwner", func(t *testing.T) {
		doc := url.Values{"schema": {"TravelDocument"}, "number": {"FA000777"}, "country": {"UA"}, "type": {"passport"}, "status": {"lost"},
			"handling": {"H0"}, "distribution.scope": {"owner"}, "description": {"Таємний опис"}}
		if r := olena.Post("/records", doc); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("create document: %d\n%s", r.StatusCode, r.Body)
		}
		r := ion.Post("/check", url.Values{"q": {"FA 000777"}, "country": {"UA"}})
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "UA-NCB deține o înregistrare corespunzătoare") {
			t.Fatalf("hit/no-hit answer: %d\n%s", r.StatusCode, r.Body)
		}
		for _, leak := range []string{"Таємний опис", "pierdut", "FA000777", "/records/"} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("the hit/no-hit answer shows %q", leak)
			}
		}
		m := regexp.MustCompile(`action="(/hits/[0-9a-f-]+/follow-up)"`).FindStringSubmatch(r.Body)
		if m == nil {
			t.Fatal("no follow-up button")
		}
		if r := ion.Post(m[1], url.Values{}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("follow-up: %d", r.StatusCode)
		}
		if r := olena.Get("/hits"); !strings.Contains(r.Body, "Запитано додаткові відомості") {
			t.Error("the owner's queue does not show the follow-up request")
		}
	})

	t.Run("FollowUpOnlyByTheChecker", func(t *testing.T) {
		ion.Post("/check", url.Values{"q": {"FE482913"}})
		q := olena.Get("/hits")
		m := regexp.MustCompile(`action="/hits/([0-9a-f-]+)/decision"`).FindStringSubmatch(q.Body)
		if m == nil {
			t.Fatal("no hit to decide in the owner's queue")
		}
		if r := olena.Post("/hits/"+m[1]+"/follow-up", url.Values{}); r.StatusCode != http.StatusNotFound {
			t.Errorf("follow-up by the owner: %d, want 404", r.StatusCode)
		}
		if r := ion.Post("/hits/"+m[1]+"/decision", url.Values{"decision": {"confirm"}}); r.StatusCode != http.StatusNotFound {
			t.Errorf("decision by the checker: %d, want 404", r.StatusCode)
		}
		if r := olena.Post("/hits/"+m[1]+"/decision", url.Values{"decision": {"reject"}, "note": {"Інша особа."}}); r.StatusCode != http.StatusSeeOther {
			t.Errorf("reject: %d", r.StatusCode)
		}
		if r := olena.Post("/hits/"+m[1]+"/decision", url.Values{"decision": {"confirm"}}); r.StatusCode != http.StatusSeeOther ||
			!strings.Contains(olena.Get("/hits").Body, "Цей збіг уже вирішено") {
			t.Errorf("second decision: %d, or no warning", r.StatusCode)
		}
		if r := ion.Get("/hits?side=checker&status=rejected"); !strings.Contains(r.Body, "Інша особа.") {
			t.Error("the checker does not see the rejection and its note")
		}
	})
}
