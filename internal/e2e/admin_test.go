package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

func TestAdminCreatesUserWhoSignsIn(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{})
	n.AddUser(t, "PROGRAMME", "admin", "Node Administrator", "en", iforce.RoleAdmin)
	admin := newTab(t, base, "admin")
	admin.signIn(n, "admin", webtest.Password)
	admin.submit("open users", chromedp.Click(chromedp.CSS(`.mainnav a[href="/admin/users"]`)))
	admin.submit("open new user", chromedp.Click(chromedp.CSS(`a[href="/admin/users/new"]`)))
	st := admin.submit("create user",
		chromedp.SetValue(chromedp.CSS("#f-agency"), "MD-NCB"),
		chromedp.SendKeys(chromedp.CSS("#f-username"), "vasile.lungu"),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Vasile Lungu"),
		chromedp.Click(chromedp.CSS(`input[name="role"][value="analyst"]`)),
		chromedp.Click(chromedp.CSS(`input[name="clearance"][value="victim_data"]`)),
		chromedp.SetValue(chromedp.CSS("#f-locale"), "ro"),
		chromedp.Click(chromedp.CSS(`form[action="/admin/users"] button[type="submit"]`)))
	if st != 200 {
		admin.fail("create user: status %d", st)
	}
	admin.wantText("h1", "User created")
	password := admin.text("#new-password")
	if len(password) < 20 {
		admin.fail("generated password %q", password)
	}

	vasile := newTab(t, base, "vasile")
	vasile.signIn(n, "vasile.lungu", password)
	vasile.wantText("h1", "Ce mă privește")
	vasile.wantText(".who-name", "Vasile Lungu")
	vasile.wantText(".roles", "Analist")

	admin.open("/admin/users")
	row := admin.text(`tr:has(a[href="/admin/users/vasile.lungu"])`)
	if !strings.Contains(row, "Analyst") || strings.Contains(row, "never") || !strings.Contains(row, "UTC") {
		admin.fail("the users list shows %q: want the role and a last sign-in time", row)
	}

	// Disabling takes effect at the user's next click.
	admin.open("/admin/users/vasile.lungu")
	admin.submit("disable", chromedp.Click(chromedp.CSS(`form[action$="/disabled"] button`)))
	admin.wantText(".flash", "disabled")
	if vasile.open("/profile"); vasile.path() != "/signin" {
		vasile.fail("a disabled user still sees %s", vasile.path())
	}
	vasile.wantText(".flash-warn", "nu mai este activă")
}

func TestNonAdminRefused(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "iryna.shevchuk", "Ірина Шевчук", "en", iforce.RoleOfficer)
	b := newTab(t, base, "iryna")
	b.signIn(n, "iryna.shevchuk", webtest.Password)
	for _, link := range []string{"/admin/users", "/admin/agencies", "/audit"} {
		if b.eval(`String(document.querySelectorAll('a[href="`+link+`"]').length)`) != "0" {
			b.fail("an officer's page links %s", link)
		}
	}
	if st := b.open("/admin/users"); st != 403 {
		b.fail("/admin/users: status %d, want 403", st)
	}
	b.wantText("h1", "Not allowed")
	if st := b.open("/admin/users/iryna.shevchuk"); st != 404 {
		b.fail("/admin/users/iryna.shevchuk: status %d, want 404 (one object stays invisible)", st)
	}
	b.wantText("h1", "Page not found")
	if st := b.open("/audit"); st != 403 {
		b.fail("/audit: status %d, want 403", st)
	}
}

// TestAuditPagingWithHTMX checks that htmx runs under the CSP: "Older entries" appends
// the next page of the trail to the table without leaving the page.
func TestAuditPagingWithHTMX(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{})
	n.AddUser(t, "PROGRAMME", "dmytro.audit", "Дмитро Савченко", "en", iforce.RoleAuditor)
	for i := range 60 {
		n.AddUser(t, "UA-NCB", fmt.Sprintf("officer%02d", i), fmt.Sprintf("Officer %d", i), "", iforce.RoleOfficer)
	}
	b := newTab(t, base, "dmytro")
	b.signIn(n, "dmytro.audit", webtest.Password)
	b.open("/audit?otype=user")
	if rows := b.eval(`String(document.querySelectorAll("#audit-rows tr").length)`); rows != "50" {
		b.fail("first page shows %s entries, want 50", rows)
	}
	b.eval(`window.marker = "same page"; ""`)
	b.do("older entries", chromedp.Click(chromedp.CSS("#audit-more a")),
		chromedp.WaitNotPresent(chromedp.CSS("#audit-more a")))
	if rows := b.eval(`String(document.querySelectorAll("#audit-rows tr").length)`); rows == "50" {
		b.fail("no entries were appended")
	}
	if b.eval(`String(window.marker)`) != "same page" {
		b.fail("the page was reloaded: htmx did not handle the link")
	}
}
