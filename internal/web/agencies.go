package web

import (
	"net/http"
	"slices"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// agencyForm is the data of the agency form, for creating (Agency nil) or editing.
type agencyForm struct {
	Agency    *iforce.Agency
	Countries []countryOption
	Programme []countryOption
	Kinds     []iforce.AgencyKind
}

type countryOption struct{ Code, Name string }

// allCountries are the ISO 3166-1 codes the domain accepts.
var allCountries = func() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if c := string([]rune{a, b}); iforce.IsCountryCode(c) {
				out = append(out, c)
			}
		}
	}
	return out
}()

// countryChoices lists the programme's countries first, then every country, each in
// the reader's alphabetical order.
func countryChoices(l *i18n.Locale) (programme, all []countryOption) {
	for _, c := range iforce.ProgrammeCountries {
		programme = append(programme, countryOption{c, l.Country(c)})
	}
	for _, c := range allCountries {
		if !slices.Contains(iforce.ProgrammeCountries, c) {
			all = append(all, countryOption{c, l.Country(c)})
		}
	}
	name := func(o countryOption) string { return o.Name }
	i18n.Sort(l, programme, name)
	i18n.Sort(l, all, name)
	return programme, all
}

func (h *Handler) renderAgencyForm(w http.ResponseWriter, r *http.Request, status int, f *form, ag *iforce.Agency) {
	prog, all := countryChoices(h.locale(r))
	h.render(w, r, status, "agency_form", f, agencyForm{Agency: ag, Countries: all, Programme: prog, Kinds: iforce.AgencyKinds})
}

func (h *Handler) showAgencies(w http.ResponseWriter, r *http.Request) {
	list, err := h.app.Agencies(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "agencies", nil, list)
}

func (h *Handler) showNewAgency(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	f.set("kind", string(iforce.AgencyNCB))
	h.renderAgencyForm(w, r, http.StatusOK, f, nil)
}

func (h *Handler) createAgency(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	ag := &iforce.Agency{Code: f.Get("code"), Name: f.Get("name"), Country: f.Get("country"),
		Kind: iforce.AgencyKind(f.Get("kind")), Active: true}
	if err := h.app.CreateAgency(r.Context(), ag); err != nil {
		if f.takeErr(h.locale(r), err) {
			h.renderAgencyForm(w, r, http.StatusUnprocessableEntity, f, nil)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "agency.created", ag.Code)
	redirect(w, r, "/admin/agencies")
}

func (h *Handler) showAgency(w http.ResponseWriter, r *http.Request) {
	ag, err := h.app.Agency(r.Context(), r.PathValue("code"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := newForm()
	f.set("name", ag.Name)
	f.set("country", ag.Country)
	f.set("kind", string(ag.Kind))
	h.renderAgencyForm(w, r, http.StatusOK, f, ag)
}

func (h *Handler) updateAgency(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	name, country, kind := f.Get("name"), f.Get("country"), iforce.AgencyKind(f.Get("kind"))
	ag, err := h.app.UpdateAgency(r.Context(), r.PathValue("code"), app.AgencyChange{Name: &name, Country: &country, Kind: &kind})
	if err != nil {
		if f.takeErr(h.locale(r), err) {
			if ag, err = h.app.Agency(r.Context(), r.PathValue("code")); err == nil {
				h.renderAgencyForm(w, r, http.StatusUnprocessableEntity, f, ag)
				return
			}
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "agency.saved", ag.Code)
	redirect(w, r, "/admin/agencies")
}

// setAgencyActive deactivates an agency (its users can no longer sign in, at once) or
// activates it again.
func (h *Handler) setAgencyActive(w http.ResponseWriter, r *http.Request) {
	active := readForm(w, r).Get("active") == "true"
	ag, err := h.app.UpdateAgency(r.Context(), r.PathValue("code"), app.AgencyChange{Active: &active})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if active {
		h.flash(r.Context(), "agency.activated", ag.Code)
	} else {
		h.flash(r.Context(), "agency.deactivated", ag.Code)
	}
	redirect(w, r, "/admin/agencies/"+ag.Code)
}

// countrySelect is the data of the "countryoptions" partial: the programme's countries,
// then every other, with one selected.
type countrySelect struct {
	Programme, Others []countryOption
	Selected          string
}

func countriesFor(l *i18n.Locale, selected string) countrySelect {
	prog, all := countryChoices(l)
	return countrySelect{Programme: prog, Others: all, Selected: selected}
}
