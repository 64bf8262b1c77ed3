package e2e

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/ident"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// demoNode starts a node with the demo agencies, users and registers.
func demoNode(t *testing.T) (*webtest.Node, string) {
	t.Helper()
	n, base := node(t, webtest.Options{})
	if err := demo.Load(n.System(), n.App, webtest.Password); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.LoadRecords(n.System(), n.App, time.Now()); err != nil {
		t.Fatal(err)
	}
	return n, base
}

// journeyMRZ is the MRZ of the demo's stolen Ukrainian passport, built as the demo
// builds it.
func journeyMRZ(t *testing.T) []string {
	t.Helper()
	mrz, err := ident.FormatTD3(ident.MRZ{IssuingState: "UKR", DocumentNumber: "FE482913", Surname: "SHEVCHENKO", GivenNames: []string{"OLEKSANDR"},
		Nationality: "UKR", BirthDate: ident.Date{Raw: "850314"}, Sex: "M", ExpiryDate: ident.Date{Raw: "300921"}})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(mrz, "\n")
}

// scanMRZ types the MRZ into the check field as a scanner does, a line and Enter,
// then checks with Ctrl+Enter, and returns the status of the answer page.
func (b *tab) scanMRZ(lines []string) int64 {
	b.t.Helper()
	b.open("/check")
	// Headless windows apply autofocus only when the page has focus: test the
	// attribute, and let SendKeys focus the field as a scanner's click would.
	if b.eval(`String(document.querySelector("#f-q").autofocus)`) != "true" {
		b.fail("the check field does not take the focus")
	}
	b.do("scan the first line", chromedp.SendKeys(chromedp.CSS("#f-q"), lines[0]+kb.Enter))
	if b.path() != "/check" || strings.Count(b.eval(`document.querySelector("#f-q").value`), "\n") != 1 {
		b.fail("Enter after the first MRZ line did not start a second line")
	}
	return b.submit("check the MRZ",
		chromedp.SendKeys(chromedp.CSS("#f-q"), lines[1]),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
}

// TestBorderCheckJourney walks the border-check journey of the domain primer: a
// Moldovan officer scans the MRZ of a passport Ukraine reported stolen, whose holder
// Romania wants; the Ukrainian NCB sees the hit in its queue and confirms it.
func TestBorderCheckJourney(t *testing.T) {
	t.Parallel()
	n, base := demoNode(t)
	lines := journeyMRZ(t)

	ion := newTab(t, base, "ion")
	ion.signIn(n, "ion.ciobanu", webtest.Password)
	ion.submit("open the check page", chromedp.Click(chromedp.CSS(`.mainnav a[href="/check"]`)))
	if st := ion.scanMRZ(lines); st != 200 {
		ion.fail("check: status %d", st)
	}
	red := ion.eval(`Array.from(document.querySelectorAll(".answer-act")).map(e => e.innerText).join("\n---\n")`)
	for _, want := range []string{"Rețineți documentul", "FE482913", "UA-NCB", "Căutat de RO-NCB", "Oleksandr Shevchenko"} {
		if !strings.Contains(red, want) {
			ion.fail("the red cards read %q, want %q", red, want)
		}
	}
	all := ion.text("#answer")
	if !strings.Contains(all, "Олександр Петрович Шевченко") || !strings.Contains(all, "transliterare") {
		ion.fail("the answer lacks the Cyrillic record and its explanation: %q", all)
	}
	if dir := os.Getenv("IFORCE_SCREENSHOTS"); dir != "" {
		ion.shotAnswer(dir, "check-ro.png")
	}

	olena := newTab(t, base, "olena")
	olena.signIn(n, "olena.kovalenko", webtest.Password)
	olena.wantText("#h-hits ~ .counts", "очікують рішення")
	dir := os.Getenv("IFORCE_SCREENSHOTS")
	if dir != "" {
		olena.snap(dir, "home-hits-uk.png")
	}
	olena.submit("open the queue", chromedp.Click(chromedp.CSS(`.mainnav a[href="/hits"]`)))
	hit := `.hit:has(a[href*="/records/"]):has(form[action$="/decision"])`
	if !strings.Contains(olena.text(hit), "MD-NCB") {
		olena.fail("the queue shows no hit from MD-NCB")
	}
	if dir != "" {
		olena.snap(dir, "hits-uk.png")
	}
	st := olena.submit("confirm the hit",
		chromedp.SendKeys(chromedp.CSS(hit+" textarea"), "Паспорт FE482913 викрадено; особу підтверджено. Зв’яжіться з черговим НЦБ."),
		chromedp.Click(chromedp.CSS(hit+` button[value="confirm"]`)))
	if st != 200 {
		olena.fail("confirm: status %d", st)
	}
	olena.wantText(".flash", "Збіг підтверджено")

	ion.open("/hits?side=checker&status=confirmed")
	ion.wantText(".hit-list", "Паспорт FE482913 викрадено")

	if dir != "" {
		iryna := newTab(t, base, "iryna")
		iryna.signIn(n, "iryna.shevchuk", webtest.Password)
		if st := iryna.scanMRZ(lines); st != 200 {
			iryna.fail("check: status %d", st)
		}
		iryna.shotAnswer(dir, "check-uk.png")
	}
}

// shotAnswer saves screenshots of the check answer on a desktop screen and on a
// 768-pixel tablet.
func (b *tab) shotAnswer(dir, name string) {
	b.t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	b.do("viewport", chromedp.EmulateViewport(1280, 900))
	b.snap(dir, name)
	b.do("tablet", chromedp.EmulateViewport(768, 1024))
	b.snap(dir, strings.TrimSuffix(name, ".png")+"-768.png")
}
