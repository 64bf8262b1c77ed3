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
	// Screens by name alone, each answer saying why: a diminutive (Gogi for
	// Giorgi); two given names written as one (Anamaria) against a Moldovan
	// Cyrillic record that writes them apart; a common name, whose namesakes'
	// first card says how many carry it.
	for _, c := range []struct {
		name string
		want []string
	}{
		{"Gogi Beridze", []string{"გიორგი ბერიძე", "diminutiv al numelui"}},
		{"Anamaria Ciobanu", []string{"Ана Мария Чобану", "anamaria", "ана мария", "scris ca un singur cuvânt pe o parte"}},
		{"Ivan Melnyk", []string{"Melnyk", "nume frecvent: îl poartă"}},
	} {
		st = ion.submit("screen "+c.name,
			chromedp.Clear(chromedp.CSS("#f-name")),
			chromedp.SendKeys(chromedp.CSS("#f-name"), c.name),
			chromedp.Click(chromedp.CSS(`form[action="/screen"] button[type="submit"]`)))
		if st != 200 {
			ion.fail("screen %s: status %d", c.name, st)
		}
		card = ion.text(".answer")
		for _, want := range c.want {
			if !strings.Contains(card, want) {
				ion.fail("the answer for %s reads %q, want %q", c.name, card, want)
			}
		}
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
