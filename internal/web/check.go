package web

import (
	"net/http"
	"regexp"
	"strings"
	"unicode"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// The check page: one field for whatever the officer has in front of her, the answer
// as cards. The kind of value is detected (detectKind) unless she picks one.

// checkKinds are the kinds of value the check page takes; "" detects the kind.
var checkKinds = []string{"", "name", "document", "mrz", "plate", "vin", "firearm"}

var checkKindKeys = map[string]string{"": "check.kind_auto", "name": "check.kind_name", "document": "check.kind_document",
	"mrz": "check.kind_mrz", "plate": "check.kind_plate", "vin": "check.kind_vin", "firearm": "check.kind_firearm"}

type kindOption struct{ Value, Label string }

// checkPage is the data of the check page.
type checkPage struct {
	Kinds     []kindOption
	Countries countrySelect
	Ran       bool   // a check ran: show the answer
	Kind      string // the kind of value checked, translated
	Cards     []card
	MRZFailed []string // MRZ fields whose check digit failed, translated
	MRZ       string   // the holder as the MRZ reads, when one was checked
}

var (
	mrzLineRE = regexp.MustCompile(`^[A-Z0-9<]+$`)
	vinRE     = regexp.MustCompile(`^[A-HJ-NPR-Z0-9]{17}$`)
)

// detectKind tells what the officer typed: two or three lines of 30, 36 or 44 MRZ
// characters are an MRZ; 17 letters and digits without I, O and Q a VIN; words of
// letters only a name; anything else a document number.
func detectKind(v string) string {
	var lines []string
	for _, ln := range strings.Split(strings.ReplaceAll(v, "\r", ""), "\n") {
		if ln = strings.ReplaceAll(strings.TrimSpace(ln), " ", ""); ln != "" {
			lines = append(lines, strings.ToUpper(ln))
		}
	}
	if n := len(lines); n == 2 || n == 3 {
		ok := true
		for _, ln := range lines {
			if l := len(ln); (l != 30 && l != 36 && l != 44) || l != len(lines[0]) || !mrzLineRE.MatchString(ln) {
				ok = false
			}
		}
		if ok {
			return "mrz"
		}
	}
	compact := strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(v)))
	if vinRE.MatchString(compact) {
		return "vin"
	}
	letters := false
	for _, r := range v {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			letters = true
		case unicode.IsSpace(r) || strings.ContainsRune("-'’ʼ.,<", r):
		default:
			return "document"
		}
	}
	if letters {
		return "name"
	}
	return "document"
}

func (h *Handler) newCheckPage(l *i18n.Locale, country string) *checkPage {
	p := &checkPage{Countries: countriesFor(l, country)}
	for _, k := range checkKinds {
		p.Kinds = append(p.Kinds, kindOption{k, l.T(checkKindKeys[k])})
	}
	return p
}

func (h *Handler) showCheck(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "check", newForm(), h.newCheckPage(h.locale(r), ""))
}

// runCheck checks the value and shows the answer under the form, which stays filled in
// for the next check.
func (h *Handler) runCheck(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	f := readForm(w, r)
	page := h.newCheckPage(l, f.Get("country"))
	value := strings.TrimSpace(f.Get("q"))
	if value == "" {
		f.problem(l, "q", "problem.required")
		h.render(w, r, http.StatusUnprocessableEntity, "check", f, page)
		return
	}
	kind, country := f.Get("kind"), strings.ToUpper(f.Get("country"))
	auto := kind == ""
	if auto {
		kind = detectKind(value)
	}
	err := h.check(r, l, page, kind, value, country, f.Get("location"))
	if err == nil && auto && kind == "document" && country != "" {
		// A number with a country may be a document or a plate: check both, and keep
		// the plate's answer only when it is a valid plate.
		if perr := h.check(r, l, page, "plate", value, country, f.Get("location")); perr != nil && !iforce.IsKind(perr, iforce.KindInvalid) {
			err = perr
		}
	}
	if err != nil {
		if f.takeErr(l, err) {
			// The app names fields of its API (document.number, mrz, …): the check page
			// has one field, so every problem belongs to it.
			f = refield(f, l, "q")
			h.render(w, r, http.StatusUnprocessableEntity, "check", f, page)
			return
		}
		h.fail(w, r, err)
		return
	}
	linkCards(app.PrincipalFrom(r.Context()), page.Cards)
	page.Ran, page.Kind = true, l.T(checkKindKeys[kind])
	h.render(w, r, http.StatusOK, "check", f, page)
}

// check runs one check of kind and fills the page's cards.
func (h *Handler) check(r *http.Request, l *i18n.Locale, page *checkPage, kind, value, country, location string) error {
	ctx := r.Context()
	if kind == "name" {
		res, err := h.app.Screen(ctx, app.ScreenQuery{Name: value, Limit: 10})
		for _, s := range res {
			page.Cards = append(page.Cards, screenCard(l, s))
		}
		return err
	}
	req := app.CheckRequest{Location: location}
	switch kind {
	case "mrz":
		req.MRZ = value
	case "vin":
		req.Vehicle = &app.VehicleQuery{VIN: value}
	case "plate":
		req.Vehicle = &app.VehicleQuery{RegistrationNumber: value, RegistrationCountry: country}
	case "firearm":
		req.Firearm = &app.FirearmQuery{SerialNumber: value}
	default:
		req.Document = &app.DocumentQuery{Number: value, Country: country}
	}
	res, err := h.app.Check(ctx, req)
	if err != nil && kind == "vin" && iforce.IsKind(err, iforce.KindInvalid) {
		// Seventeen characters that are no valid VIN: a document number, then.
		req = app.CheckRequest{Location: location, Document: &app.DocumentQuery{Number: value, Country: country}}
		res, err = h.app.Check(ctx, req)
	}
	if err != nil {
		return err
	}
	for _, hit := range res.Hits {
		page.Cards = append(page.Cards, checkCard(l, hit))
	}
	if m := res.MRZ; m != nil {
		for _, fld := range m.CheckDigitFailures {
			page.MRZFailed = append(page.MRZFailed, enumText(l, mrzFieldKeys, fld))
		}
		born := m.BirthDate.Raw
		if t, ok := m.BirthDate.Time(); ok {
			born = l.Date(t)
		}
		page.MRZ = m.Surname + ", " + strings.Join(m.GivenNames, " ") + " · " + m.Nationality + " · " + born
	}
	return nil
}

// refield moves every problem of f to the one input name.
func refield(f *form, l *i18n.Locale, name string) *form {
	out := newForm()
	out.values = f.values
	for _, p := range f.Summary {
		out.add(name, p.Text)
	}
	return out
}
