package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// The record forms: create a record of one schema, edit one the user's agency owns,
// archive it. Inputs carry the app's field names (property names, "evaluation.source",
// "distribution.agencies", …), so that each problem lands next to its input. A
// multi-valued property takes one value per line.

// propInput is one property input of a record form.
type propInput struct {
	Name, Label string
	Multi       bool           // a textarea, one value per line
	Enum        []option       // a select
	Countries   *countrySelect // a country select
	Date        bool
}

// recordForm is the data of the record forms.
type recordForm struct {
	Record     *iforce.Record // nil when creating
	Schema     string
	Label      string // the schema in the reader's language
	Schemas    []option
	Person     bool
	Props      []propInput
	Categories []option
	CrimeAreas []option
	Handling   []option
	Sources    []option
	Infos      []option
	Scopes     []option
	TLPs       []string
}

func newRecordForm(l *i18n.Locale, s *iforce.Schema, f *form, rec *iforce.Record) recordForm {
	rf := recordForm{Record: rec, Schema: s.Name, Label: enumText(l, schemaKeys, s.Name), Person: s.Person,
		Schemas: options(l, schemaKeys, iforce.SchemaNames()), Categories: options(l, categoryKeys, iforce.Categories),
		CrimeAreas: options(l, crimeKeys, iforce.CrimeAreas), Handling: options(l, handlingKeys, iforce.HandlingCodes),
		Sources: options(l, sourceKeys, []string{"A", "B", "C", "X"}), Infos: options(l, infoKeys, []string{"1", "2", "3", "4"}),
		Scopes: options(l, scopeKeys, []string{"owner", "agencies", "all"}), TLPs: iforce.TLPs}
	for _, p := range s.Props {
		in := propInput{Name: p.Name, Label: enumText(l, propKeys, p.Name), Multi: p.Max != 1, Date: p.Type == iforce.PropDate}
		switch {
		case p.Type == iforce.PropEnum:
			in.Enum, in.Multi = options(l, valueKeys, p.Enum), false
		case p.Type == iforce.PropCountry && p.Max == 1:
			cs := countriesFor(l, f.Get(p.Name))
			in.Countries = &cs
		case p.Name == "description" || p.Name == "mrz":
			in.Multi = true
		}
		rf.Props = append(rf.Props, in)
	}
	return rf
}

// recordValues fills a form with a record, for editing.
func recordValues(r *iforce.Record) *form {
	f := newForm()
	for k, vs := range r.Properties {
		f.set(k, strings.Join(vs, "\n"))
	}
	f.set("category", r.Category)
	f.set("handling", r.Handling)
	f.set("handlingNote", r.HandlingNote)
	f.set("evaluation.source", r.Evaluation.Source)
	f.set("evaluation.information", r.Evaluation.Information)
	f.set("tlp", r.TLP)
	f.set("distribution.scope", r.Distribution.Scope)
	f.set("distribution.agencies", strings.Join(r.Distribution.Agencies, "\n"))
	for _, c := range r.CrimeAreas {
		f.values.Add("crimeAreas", c)
	}
	f.set("legalBasis", r.LegalBasis)
	f.set("reviewDate", r.ReviewDate)
	f.set("version", strconv.Itoa(r.Version))
	return f
}

// lines splits a textarea into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, ln := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

// properties reads the property inputs of schema s.
func properties(f *form, s *iforce.Schema) map[string][]string {
	props := map[string][]string{}
	for _, p := range s.Props {
		if p.Max == 1 && p.Name != "description" && p.Name != "mrz" {
			props[p.Name] = lines(f.Get(p.Name))
			continue
		}
		if p.Name == "description" || p.Name == "mrz" {
			if v := strings.TrimSpace(f.Get(p.Name)); v != "" {
				props[p.Name] = []string{v}
			} else {
				props[p.Name] = nil
			}
			continue
		}
		props[p.Name] = lines(f.Get(p.Name))
	}
	return props
}

func agencies(f *form) []string {
	return lines(strings.ReplaceAll(f.Get("distribution.agencies"), ",", "\n"))
}

// schemaOf returns the schema named in the request, Person by default.
func schemaOf(name string) (*iforce.Schema, bool) {
	if name == "" {
		name = "Person"
	}
	return iforce.SchemaNamed(name)
}

func (h *Handler) showNewRecord(w http.ResponseWriter, r *http.Request) {
	s, ok := schemaOf(r.URL.Query().Get("schema"))
	if !ok {
		h.renderError(w, r, http.StatusNotFound)
		return
	}
	f := newForm()
	f.set("distribution.scope", "all")
	h.render(w, r, http.StatusOK, "record_form", f, newRecordForm(h.locale(r), s, f, nil))
}

func (h *Handler) createRecord(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	f := readForm(w, r)
	s, ok := schemaOf(f.Get("schema"))
	if !ok {
		h.renderError(w, r, http.StatusUnprocessableEntity)
		return
	}
	rec := &iforce.Record{Schema: s.Name, Properties: properties(f, s), Category: f.Get("category"), Handling: f.Get("handling"),
		HandlingNote: f.Get("handlingNote"), Evaluation: iforce.Evaluation{Source: f.Get("evaluation.source"), Information: f.Get("evaluation.information")},
		TLP: f.Get("tlp"), Distribution: iforce.Distribution{Scope: f.Get("distribution.scope"), Agencies: agencies(f)},
		CrimeAreas: f.values["crimeAreas"], LegalBasis: f.Get("legalBasis"), ReviewDate: f.Get("reviewDate")}
	if err := h.app.CreateRecord(r.Context(), rec); err != nil {
		if f.takeErr(l, err) {
			h.render(w, r, http.StatusUnprocessableEntity, "record_form", f, newRecordForm(l, s, f, nil))
			return
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "record.created_done", rec.Caption())
	redirect(w, r, "/records/"+rec.ID)
}

// ownRecord loads a record the user's agency owns; any other is not found, as on the
// API.
func (h *Handler) ownRecord(r *http.Request) (*iforce.Record, error) {
	rec, err := h.app.Record(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if rec.OwnerID != app.PrincipalFrom(r.Context()).AgencyID || rec.Archived {
		return nil, iforce.NotFound("record")
	}
	return rec, nil
}

func (h *Handler) showEditRecord(w http.ResponseWriter, r *http.Request) {
	rec, err := h.ownRecord(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	s, _ := iforce.SchemaNamed(rec.Schema)
	f := recordValues(rec)
	h.render(w, r, http.StatusOK, "record_form", f, newRecordForm(h.locale(r), s, f, rec))
}

// updateRecord saves an edit at the version the form was loaded with: a record changed
// meanwhile is a conflict, shown above the form with the values kept.
func (h *Handler) updateRecord(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	rec, err := h.ownRecord(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := readForm(w, r)
	s, _ := iforce.SchemaNamed(rec.Schema)
	version, _ := strconv.Atoi(f.Get("version"))
	cat, handling, note, tlp, legal, review := f.Get("category"), f.Get("handling"), f.Get("handlingNote"), f.Get("tlp"), f.Get("legalBasis"), f.Get("reviewDate")
	areas := slices.Clone(f.values["crimeAreas"])
	if areas == nil {
		areas = []string{}
	}
	patch := app.RecordPatch{Properties: properties(f, s), Handling: &handling, HandlingNote: &note,
		Evaluation: &iforce.Evaluation{Source: f.Get("evaluation.source"), Information: f.Get("evaluation.information")}, TLP: &tlp,
		Distribution: &iforce.Distribution{Scope: f.Get("distribution.scope"), Agencies: agencies(f)}, CrimeAreas: &areas,
		LegalBasis: &legal, ReviewDate: &review}
	if s.Person {
		patch.Category = &cat
	}
	updated, err := h.app.UpdateRecord(r.Context(), rec.ID, version, patch)
	if iforce.IsKind(err, iforce.KindConflict) {
		f.add("", l.T("record.conflict"))
		f.set("version", strconv.Itoa(rec.Version))
		h.render(w, r, http.StatusConflict, "record_form", f, newRecordForm(l, s, f, rec))
		return
	}
	if err != nil {
		if f.takeErr(l, err) {
			h.render(w, r, http.StatusUnprocessableEntity, "record_form", f, newRecordForm(l, s, f, rec))
			return
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "record.saved", updated.Caption())
	redirect(w, r, "/records/"+rec.ID)
}

// deleteRecord archives a record of the user's agency.
func (h *Handler) deleteRecord(w http.ResponseWriter, r *http.Request) {
	next := "/records?archived=1"
	if readForm(w, r).Get("next") == "/records/review" {
		next = "/records/review"
	}
	rec, err := h.ownRecord(r)
	if err == nil {
		err = h.app.DeleteRecord(r.Context(), rec.ID)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "record.deleted", rec.Caption())
	redirect(w, r, next)
}
