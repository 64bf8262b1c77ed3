package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

func TestSignInWithEnrolmentAndSignOut(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{})
	n.AddUser(t, "UA-NCB", "olena.kovalenko", "Олена Коваленко", "", iforce.RoleOfficer)
	b := newTab(t, base, "olena")
	if st := b.open("/"); st != 200 || b.path() != "/signin" {
		b.fail("signed out, / led to %s (%d), want the sign-in page", b.path(), st)
	}
	b.signIn(n, "olena.kovalenko", webtest.Password)
	b.wantText("h1", "What concerns me")
	b.wantText(".who-name", "Олена Коваленко")
	b.wantText(".who-agency", "UA-NCB · Ukraine")
	b.wantText("#h-hits + .empty", "None yet")
	if nav := b.text(".mainnav"); strings.Contains(nav, "Users") || strings.Contains(nav, "Audit") {
		b.fail("an officer's menu shows %q", nav)
	}

	b.submit("sign out", chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)))
	if b.path() != "/signin" {
		b.fail("after sign-out the page is %s", b.path())
	}
	b.wantText(".flash", "You have signed out.")
	if b.open("/profile"); b.path() != "/signin" {
		b.fail("after sign-out /profile shows %s", b.path())
	}

	// The second sign-in asks only for the code (the factor is enrolled), and returns to
	// the page asked for.
	b.signIn(n, "olena.kovalenko", webtest.Password)
	if b.path() != "/profile" {
		b.fail("second sign-in ended on %s, want /profile", b.path())
	}
	b.wantText("h1", "My profile")
}

func TestWrongPasswordThenLockout(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{LockoutThreshold: 3})
	n.AddUser(t, "MD-NCB", "ion.ciobanu", "Ion Ciobanu", "", iforce.RoleOfficer)
	b := newTab(t, base, "ion")
	for i := range 3 {
		if st := b.enterPassword("ion.ciobanu", "not-my-password-1"); st != 401 {
			b.fail("wrong password %d: status %d, want 401", i+1, st)
		}
		b.wantText(".error-summary", "Wrong username, password or code.")
		if v := b.eval(`document.querySelector("#f-password").value`); v != "" {
			b.fail("the password field was filled back in")
		}
	}
	if st := b.enterPassword("ion.ciobanu", webtest.Password); st != 429 {
		b.fail("right password after the lockout: status %d, want 429", st)
	}
	b.wantText(".error-summary", "Too many failed attempts. Wait 15 minutes")
	// An unknown username reads exactly the same.
	if st := b.enterPassword("no.such.user", "whatever-password-1"); st != 401 {
		b.fail("unknown username: status %d, want 401", st)
	}
	b.wantText(".error-summary", "Wrong username, password or code.")
}

func TestLanguageSwitch(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{})
	n.AddUser(t, "MD-NCB", "maria.rusu", "Maria Rusu", "", iforce.RoleSupervisor)
	b := newTab(t, base, "maria")
	b.open("/signin")
	b.submit("switch to Ukrainian before sign-in", chromedp.Click(chromedp.CSS(`button[name="lang"][value="uk"]`)))
	b.wantText("h1", "Вхід")
	b.signIn(n, "maria.rusu", webtest.Password)
	b.wantText("h1", "Що стосується мене")
	b.wantText(".mainnav", "Головна")
	b.wantText(".who-agency", "Молдова")
	if lang := b.eval(`document.documentElement.lang`); lang != "uk" {
		b.fail("html lang = %q, want uk", lang)
	}

	b.submit("switch to Romanian", chromedp.Click(chromedp.CSS(`button[name="lang"][value="ro"]`)))
	b.wantText("h1", "Ce mă privește")
	b.wantText(".mainnav", "Profilul meu")
	b.wantText(".who-agency", "Republica Moldova")
	b.wantText("#h-alerts", "Alerte de examinat")
	if pressed := b.eval(`document.querySelector('button[value="ro"]').getAttribute("aria-pressed")`); pressed != "true" {
		b.fail("the Romanian button is not marked pressed")
	}

	// The choice is the user's: a new browser shows it after sign-in.
	other := newTab(t, base, "maria-again")
	other.signIn(n, "maria.rusu", webtest.Password)
	other.wantText("h1", "Ce mă privește")
}

func TestIdleWarning(t *testing.T) {
	t.Parallel()
	n, base := node(t, webtest.Options{IdleTimeout: 4 * time.Second})
	n.AddUser(t, "RO-NCB", "andrei.popescu", "Andrei Popescu", "en", iforce.RoleOfficer)
	b := newTab(t, base, "andrei")
	b.signIn(n, "andrei.popescu", webtest.Password)
	// With a limit shorter than the two minutes of warning, the warning shows at once.
	b.do("idle warning shows", chromedp.WaitVisible(chromedp.CSS("#idle-warning")))
	b.wantText("#idle-warning", "Your session will end in 2 minutes")
	b.do("stay signed in", chromedp.Click(chromedp.CSS("#idle-warning button")), chromedp.WaitNotVisible(chromedp.CSS("#idle-warning")))
	// Left alone, the page goes to the sign-in page when the session ends.
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`form[action="/signin"]`))); err != nil {
		b.fail("the page did not go to sign-in at the idle limit: %v", err)
	}
	b.wantText(".flash-warn", "Your session has expired")
}
