package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
)

// The screening page: a name in any script or transliteration, with optional birth
// date, nationality and gender, answered by cards that explain each match. The form
// posts, so that the names screened stay out of URLs and browser history.

// screenPage is the data of the screening page.
type screenPage struct {
	Countries countrySelect
	Genders   []option
	Ran       bool
	Cards     []card
}

func newScreenPage(l *i18n.Locale, f *form) *screenPage {
	return &screenPage{Countries: countriesFor(l, f.Get("nationality")), Genders: options(l, valueKeys, []string{"male", "female", "other"})}
}

func (h *Handler) showScreen(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	h.render(w, r, http.StatusOK, "screen", f, newScreenPage(h.locale(r), f))
}

func (h *Handler) runScreen(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	f := readForm(w, r)
	page := newScreenPage(l, f)
	res, err := h.app.Screen(r.Context(), app.ScreenQuery{Name: f.Get("name"), FirstName: f.Get("firstName"), LastName: f.Get("lastName"),
		MiddleName: f.Get("middleName"), Patronymic: f.Get("patronymic"), BirthDate: f.Get("birthDate"),
		Nationality: f.Get("nationality"), Gender: f.Get("gender"), Purpose: f.Get("purpose")})
	if err != nil {
		if f.takeErr(l, err) {
			h.render(w, r, http.StatusUnprocessableEntity, "screen", f, page)
			return
		}
		h.fail(w, r, err)
		return
	}
	page.Ran = true
	for _, s := range res {
		page.Cards = append(page.Cards, screenCard(l, s))
	}
	linkCards(app.PrincipalFrom(r.Context()), page.Cards)
	h.render(w, r, http.StatusOK, "screen", f, page)
}
