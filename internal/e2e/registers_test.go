package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// TestScreenAndRecordForm screens a Georgian-script demo name in Latin script (also
// by a diminutive), a Moldovan Cyrillic one by its given names written as one, a
// common name whose namesakes say so, and
// creates a record through the form, correcting a field error shown in Ukrainian.
func TestScreenAndRecordForm(t *testing.T) {
	t.Parallel()
	n, base := demoNode(t)

	ion := newTab(t, base, "ion")
	ion.signIn(n, "ion.ciobanu", webtest.Password)
	ion.submit("open screening", chromedp.Click(chromedp.CSS(`.mainnav a[href="/screen"]`)))
	st := ion.submit("screen",
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Giorgi Beridze"),
		chromedp.SetValue(chromedp.CSS("#f-nationality"), "GE"),
		chromedp.Click(chromedp.CSS(`form[action="/screen"] button[type="submit"]`)))
	if st != 200 {
		ion.fail("screen: status %d", st)
	}
	card := ion.text(".answer")
	for _, want := range []string{"გიორგი ბერიძე", "GE-NCB", "transliterare", "Cetățenia: coincide"} {
		if !strings.Contains(card, want) {
			ion.fail("the first card reads %q, want %q", card, want)
		}
	}
	if dir := os.Getenv("IFORCE_SCREENSHOTS"); dir != "" {
		ion.shotAnswer(dir, "screen-ro.png")
	}
	// A diminutive (Gogi for Giorgi) finds the name and says so.
	st = ion.submit("screen a diminutive",
		chromedp.Clear(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Gogi Beridze"),
		chromedp.Click(chromedp.CSS(`form[action="/screen"] button[type="submit"]`)))
	if st != 200 {
		ion.fail("screen a diminutive: status %d", st)
	}
	card = ion.text(".answer")
	for _, want := range []string{"გიორგი ბერიძე", "diminutiv al numelui"} {
		if !strings.Contains(card, want) {
			ion.fail("the first card for Gogi reads %q, want %q", card, want)
		}
	}
	// Two given names written as one (Anamaria) find a Moldovan Cyrillic record
	// that writes them apart, and the card says so.
	st = ion.submit("screen a joined name",
		chromedp.Clear(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Anamaria Ciobanu"),
		chromedp.Click(chromedp.CSS(`form[action="/screen"] button[type="submit"]`)))
	if st != 200 {
		ion.fail("screen a joined name: status %d", st)
	}
	card = ion.text(".answer")
	for _, want := range []string{"Ана Мария Чобану", "anamaria", "ана мария", "scris ca un singur cuvânt pe o parte"} {
		if !strings.Contains(card, want) {
			ion.fail("the first card for Anamaria reads %q, want %q", card, want)
		}
	}
	// A common name: each namesake's card says how many carry the name.
	st = ion.submit("screen a common name",
		chromedp.Clear(chromedp.CSS("#f-name")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Ivan Melnyk"),
		chromedp.Click(chromedp.CSS(`form[action="/screen"] button[type="submit"]`)))
	if st != 200 {
		ion.fail("screen a common name: status %d", st)
	}
	if card = ion.text(".answer"); !strings.Contains(card, "nume frecvent: îl poartă") {
		ion.fail("the answer for Ivan Melnyk reads %q, want the common-name adjustment", card)
	}
	if dir := os.Getenv("IFORCE_SCREENSHOTS"); dir != "" {
		ion.shotAnswer(dir, "screen-common-name-ro.png")
	}

	olena := newTab(t, base, "olena")
	olena.signIn(n, "olena.kovalenko", webtest.Password)
	olena.submit("open registers", chromedp.Click(chromedp.CSS(`.mainnav a[href="/records"]`)))
	olena.submit("new record", chromedp.Click(chromedp.CSS(`a[href="/records/new"]`)))
	save := `form[action="/records"] button[type="submit"]`
	st = olena.submit("create with a bad date",
		chromedp.SendKeys(chromedp.CSS("#f-firstName"), "Богдан"),
		chromedp.SendKeys(chromedp.CSS("#f-lastName"), "Кравчук"),
		chromedp.SendKeys(chromedp.CSS("#f-birthDate"), "14.03.1985"),
		chromedp.SetValue(chromedp.CSS("#f-category"), "wanted"),
		chromedp.Click(chromedp.CSS(`input[name="crimeAreas"][value="migrant_smuggling"]`)),
		chromedp.Click(chromedp.CSS(save)))
	if st != 422 {
		olena.fail("bad date: status %d, want 422", st)
	}
	olena.wantText("#f-birthDate-err", "Запишіть дату як РРРР, РРРР-ММ або РРРР-ММ-ДД.")
	olena.wantText(".error-summary", "Запишіть дату")
	if dir := os.Getenv("IFORCE_SCREENSHOTS"); dir != "" {
		olena.snap(dir, "record-form-error-uk.png")
	}
	st = olena.submit("correct the date",
		chromedp.Clear(chromedp.CSS("#f-birthDate")),
		chromedp.SendKeys(chromedp.CSS("#f-birthDate"), "1985-03-14"),
		chromedp.Click(chromedp.CSS(save)))
	if st != 200 || !strings.HasPrefix(olena.path(), "/records/") {
		olena.fail("create: status %d, page %s", st, olena.path())
	}
	olena.wantText(".flash", "Запис «Богдан Кравчук» створено.")
	olena.wantText(".props", "14.03.1985")
	olena.wantText("main", "Незаконне переправлення мігрантів")
	if dir := os.Getenv("IFORCE_SCREENSHOTS"); dir != "" {
		olena.do("viewport", chromedp.EmulateViewport(768, 1024))
		olena.snap(dir, "record-uk-768.png")
	}
}
