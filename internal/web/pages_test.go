package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

var (
	inlineScriptRE = regexp.MustCompile(`<script(?:\s[^>]*)?>`)
	styleAttrRE    = regexp.MustCompile(`(?i)\sstyle\s*=|<style`)
	handlerAttrRE  = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
)

// checkPage fails when a page breaks the rules every page keeps: translated (no
// missing message), in the requested language, within the CSP (no inline script, no
// style attribute, no event-handler attribute).
func checkPage(t *testing.T, what, lang string, r *webtest.Response) {
	t.Helper()
	if strings.Contains(r.Body, "⟦") {
		i := strings.Index(r.Body, "⟦")
		t.Errorf("%s: missing message near %q", what, r.Body[i:min(len(r.Body), i+60)])
	}
	if !strings.Contains(r.Body, `<html lang="`+lang+`">`) {
		t.Errorf("%s: not in language %s", what, lang)
	}
	for _, tag := range inlineScriptRE.FindAllString(r.Body, -1) {
		if !strings.Contains(tag, " src=") {
			t.Errorf("%s: inline script %s", what, tag)
		}
	}
	if m := styleAttrRE.FindString(r.Body); m != "" {
		t.Errorf("%s: inline style %q", what, m)
	}
	if m := handlerAttrRE.FindString(r.Body); m != "" {
		t.Errorf("%s: event-handler attribute %q", what, m)
	}
}

func TestEveryPageInEveryLanguage(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "PROGRAMME", "admin", "Node Administrator", "", iforce.RoleAdmin)
	n.AddUser(t, "PROGRAMME", "dmytro", "Дмитро Савченко", "", iforce.RoleAuditor)
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "", iforce.RoleOfficer)
	srv := n.Server(t)
	pages := map[string][]string{
		"admin":  {"/", "/profile", "/profile/tokens", "/admin/agencies", "/admin/agencies/new", "/admin/agencies/UA-NCB", "/admin/users", "/admin/users?agency=UA-NCB", "/admin/users/new", "/admin/users/olena", "/admin/users/admin", "/nowhere"},
		"dmytro": {"/", "/audit", "/audit?action=auth.&from=2020-01-01&to=2099-12-31", "/audit?from=yesterday", "/admin/users"},
		"olena":  {"/", "/profile", "/admin/users", "/admin/users/admin", "/audit"},
	}
	signedOut := []string{"/signin", "/nowhere"}
	for user, paths := range pages {
		c := n.NewClient(t, srv.URL)
		c.SignIn(user)
		for _, lang := range iforce.Locales {
			c.Post("/language", url.Values{"lang": {lang}, "next": {"/"}})
			for _, p := range paths {
				r := c.Get(p)
				if r.StatusCode >= 500 {
					t.Errorf("%s %s %s: %d", lang, user, p, r.StatusCode)
				}
				checkPage(t, lang+" "+user+" "+p, lang, r)
			}
		}
	}
	c := n.NewClient(t, srv.URL)
	for _, lang := range iforce.Locales {
		c.Post("/language", url.Values{"lang": {lang}, "next": {"/"}})
		for _, p := range signedOut {
			checkPage(t, lang+" signed out "+p, lang, c.Get(p))
		}
	}
}

func TestNonAdminRefused(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "olena", "Олена Коваленко", "en", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("olena")
	for path, want := range map[string]int{
		"/admin/users":            http.StatusForbidden,
		"/admin/agencies":         http.StatusForbidden,
		"/admin/users/new":        http.StatusForbidden,
		"/audit":                  http.StatusForbidden,
		"/admin/users/olena":      http.StatusNotFound, // one object: refused as if absent
		"/admin/agencies/UA-NCB":  http.StatusNotFound,
		"/admin/users/nobody-yet": http.StatusNotFound,
	} {
		if r := c.Get(path); r.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, r.StatusCode, want)
		}
	}
	r := c.Post("/admin/agencies", url.Values{"code": {"XX-NCB"}, "name": {"X"}, "country": {"UA"}, "kind": {"ncb"}})
	if r.StatusCode != http.StatusForbidden {
		t.Errorf("POST /admin/agencies: %d, want 403", r.StatusCode)
	}
	home := c.Get("/")
	for _, hidden := range []string{`href="/admin/users"`, `href="/audit"`, `href="/admin/agencies"`} {
		if strings.Contains(home.Body, hidden) {
			t.Errorf("the menu of an officer links %s", hidden)
		}
	}
}

func TestFieldErrorsInTheUsersLanguage(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "PROGRAMME", "admin", "Node Administrator", "uk", iforce.RoleAdmin)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("admin")
	r := c.Post("/admin/agencies", url.Values{"code": {"x"}, "name": {""}, "country": {"ZZ"}, "kind": {"ncb"}})
	if r.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid agency: %d, want 422", r.StatusCode)
	}
	for _, want := range []string{"Від 2 до 32 символів", "Обов’язкове поле.", "Виберіть країну.", `aria-invalid="true"`, `id="f-code-err"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	r = c.Post("/admin/agencies", url.Values{"code": {"UA-NCB"}, "name": {"Дубль"}, "country": {"UA"}, "kind": {"ncb"}})
	if !strings.Contains(r.Body, "Установа з таким кодом уже існує.") {
		t.Errorf("duplicate code: no translated conflict next to the field:\n%s", r.Body)
	}
}

func TestAdminCreatesUserWhoSignsIn(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "PROGRAMME", "admin", "Node Administrator", "en", iforce.RoleAdmin)
	srv := n.Server(t)
	admin := n.NewClient(t, srv.URL)
	admin.SignIn("admin")
	r := admin.Post("/admin/users", url.Values{"agency": {"MD-NCB"}, "username": {"maria.rusu"}, "name": {"Maria Rusu"},
		"role": {"supervisor"}, "clearance": {"victim_data"}, "locale": {"ro"}})
	m := regexp.MustCompile(`id="new-password"[^>]*>([^<]+)<`).FindStringSubmatch(r.Body)
	if r.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("create user: %d, no password shown:\n%s", r.StatusCode, r.Body)
	}
	maria := n.NewClient(t, srv.URL)
	r = maria.Post("/signin", url.Values{"username": {"maria.rusu"}, "password": {m[1]}})
	if loc := r.Header.Get("Location"); loc != "/signin/enrol" {
		t.Fatalf("new user's first sign-in went to %q, want enrolment", loc)
	}
	secret := webtest.SecretOf(maria.Get("/signin/enrol").Body)
	r = maria.Post("/signin/code", url.Values{"code": {webtest.Code(t, secret, webtest.CurrentStep())}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
		t.Fatalf("code step: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	home := maria.Get("/")
	if !strings.Contains(home.Body, `<html lang="ro">`) || !strings.Contains(home.Body, "Ce mă privește") {
		t.Errorf("the new user's home page is not in her language")
	}
	if users := admin.Get("/admin/users"); !strings.Contains(users.Body, "maria.rusu") {
		t.Error("the users list does not show the new user")
	}
}

func TestTokenSecretShownOnce(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "andrii", "Андрій Мельник", "en", iforce.RoleAnalyst)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("andrii")
	r := c.Post("/profile/tokens", url.Values{"name": {"link-chart export"}, "ttl": {"7"}})
	m := regexp.MustCompile(`id="token-secret"[^>]*>(ifc_[a-z2-7]+)_`).FindStringSubmatch(r.Body)
	if r.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("create token: %d, no secret shown", r.StatusCode)
	}
	list := c.Get("/profile/tokens")
	if strings.Contains(list.Body, `id="token-secret"`) || !strings.Contains(list.Body, "link-chart export") {
		t.Fatal("the token list shows the secret again, or not the token")
	}
	id := strings.TrimPrefix(m[1], "ifc_")
	if r := c.Post("/profile/tokens/"+id+"/revoke", url.Values{}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", r.StatusCode)
	}
	if !strings.Contains(c.Get("/profile/tokens").Body, "Revoked") {
		t.Error("revoked token not shown as revoked")
	}
	if r := c.Post("/profile/tokens/aaaaaaaaaaaaa/revoke", url.Values{}); r.StatusCode != http.StatusNotFound {
		t.Errorf("revoking an unknown token: %d, want 404", r.StatusCode)
	}
	if r := c.Post("/profile/tokens", url.Values{"ttl": {"0"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("token with no lifetime: %d, want 422", r.StatusCode)
	}
}

func TestAuditTrailAndVerification(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "PROGRAMME", "dmytro", "Дмитро Савченко", "en", iforce.RoleAuditor)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("dmytro")
	if r := c.Get("/audit"); !strings.Contains(r.Body, "has not been verified yet") || !strings.Contains(r.Body, "auth.login") {
		t.Fatalf("first audit page:\n%s", r.Body)
	} else if !strings.Contains(r.Body, `<span class="muted">dmytro (Дмитро Савченко)</span>`) {
		t.Errorf("the audit page does not name the actor behind user:N:\n%s", r.Body)
	}
	if r := c.Post("/audit/verify", url.Values{}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("verify: %d", r.StatusCode)
	}
	r := c.Get("/audit")
	for _, want := range []string{"Verification complete", "Intact", "Last verified"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("after verification the page lacks %q", want)
		}
	}
	for range 60 { // enough entries for a second page
		c.Get("/audit?action=none")
	}
	r = c.Get("/audit")
	older := regexp.MustCompile(`href="(/audit\?before=\d+)"`).FindStringSubmatch(r.Body)
	if older == nil {
		t.Fatal("no link to older entries")
	}
	if r := c.Get(strings.ReplaceAll(older[1], "&amp;", "&")); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `<tbody id="audit-rows">`) {
		t.Errorf("older page: %d", r.StatusCode)
	}
	if r := c.Get("/audit?from=27.11.2026"); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad date: %d, want 422", r.StatusCode)
	}
}

func TestPasswordChange(t *testing.T) {
	n := webtest.New(t, webtest.Options{})
	n.AddUser(t, "RO-NCB", "andrei", "Andrei Popescu", "ro", iforce.RoleOfficer)
	c := n.NewClient(t, n.Server(t).URL)
	c.SignIn("andrei")
	r := c.Post("/profile/password", url.Values{"current_password": {"not-the-password"}, "new_password": {"velvet-harbour-quartz-9"}, "confirm_password": {"velvet-harbour-quartz-9"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Parola actuală nu este corectă.") {
		t.Fatalf("wrong current password: %d", r.StatusCode)
	}
	r = c.Post("/profile/password", url.Values{"current_password": {webtest.Password}, "new_password": {"velvet-harbour-quartz-9"}, "confirm_password": {"other"}})
	if !strings.Contains(r.Body, "Cele două parole noi diferă.") {
		t.Fatal("mismatch not reported")
	}
	r = c.Post("/profile/password", url.Values{"current_password": {webtest.Password}, "new_password": {"short"}, "confirm_password": {"short"}})
	if !strings.Contains(r.Body, "Cel puțin 12 caractere.") {
		t.Fatalf("short password: the plural form is wrong or missing:\n%s", r.Body)
	}
	r = c.Post("/profile/password", url.Values{"current_password": {webtest.Password}, "new_password": {"velvet-harbour-quartz-9"}, "confirm_password": {"velvet-harbour-quartz-9"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("change: %d", r.StatusCode)
	}
	if strings.Contains(r.Body, "velvet") {
		t.Error("a password was echoed back")
	}
}
