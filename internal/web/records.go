package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// The registers: one list of the records the user may see, filtered by schema (the
// register), text, category, crime area and owner, with cursor paging; and the view of
// one record with its protection metadata, links and history.

// option is a choice of a select.
type option struct{ Value, Label string }

func options(l *i18n.Locale, keys map[string]string, values []string) []option {
	out := make([]option, 0, len(values))
	for _, v := range values {
		out = append(out, option{v, enumText(l, keys, v)})
	}
	return out
}

// recordsPage is the data of the registers page.
type recordsPage struct {
	Query      app.RecordQuery
	Records    []*iforce.Record
	Titles     map[string]string // record id → caption
	Next       string            // query of the next page, "" on the last
	Schemas    []option
	Categories []option
	CrimeAreas []option
	CanCreate  bool
	CanImport  bool
	CanReview  bool
}

func (h *Handler) showRecords(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	q := r.URL.Query()
	cursor, _ := strconv.ParseInt(q.Get("cursor"), 10, 64)
	rq := app.RecordQuery{Schema: q.Get("schema"), Q: q.Get("q"), Category: q.Get("category"), CrimeArea: q.Get("crimeArea"),
		Owner: q.Get("owner"), Cursor: cursor, Limit: 50, Archived: q.Get("archived") == "1"}
	p := app.PrincipalFrom(r.Context())
	page := recordsPage{Query: rq, Schemas: options(l, schemaKeys, iforce.SchemaNames()),
		Categories: options(l, categoryKeys, iforce.Categories), CrimeAreas: options(l, crimeKeys, iforce.CrimeAreas),
		CanCreate: access.Decide(p, access.RecordCreate, nil).Allowed, CanImport: access.Decide(p, access.RecordImport, nil).Allowed,
		CanReview: access.Decide(p, access.RecordReview, nil).Allowed, Titles: map[string]string{}}
	list, next, err := h.app.Records(r.Context(), rq)
	if err != nil {
		f := newForm()
		if f.takeErr(l, err) {
			h.render(w, r, http.StatusUnprocessableEntity, "records", f, page)
			return
		}
		h.fail(w, r, err)
		return
	}
	page.Records = list
	if next != 0 {
		nq := url.Values{}
		for k, v := range q {
			nq[k] = v
		}
		nq.Set("cursor", strconv.FormatInt(next, 10))
		page.Next = nq.Encode()
	}
	h.render(w, r, http.StatusOK, "records", nil, page)
}

// recordPage is the data of a record's page.
type recordPage struct {
	Record     *iforce.Record
	Schema     string
	Category   string
	Handling   string
	Source     string
	Info       string
	Scope      string
	Review     string
	CrimeAreas []string
	Props      []fact
	Links      []linkRow
	History    []app.RecordVersion
	Owner      bool // the user's agency owns the record: edit and archive
}

// linkRow is a record linked to the one shown.
type linkRow struct {
	ID, Title, Relation string
}

func (h *Handler) showRecord(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	ctx := r.Context()
	id := r.PathValue("id")
	rec, err := h.app.Record(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	links, err := h.app.RecordLinks(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	hist, err := h.app.RecordHistory(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := app.PrincipalFrom(ctx)
	page := recordPage{Record: rec, Schema: enumText(l, schemaKeys, rec.Schema), Handling: enumText(l, handlingKeys, rec.Handling),
		Source: enumText(l, sourceKeys, rec.Evaluation.Source), Info: enumText(l, infoKeys, rec.Evaluation.Information),
		Scope: enumText(l, scopeKeys, rec.Distribution.Scope), History: hist, Review: propDate(l, rec.ReviewDate),
		Owner: rec.OwnerID == p.AgencyID && !rec.Archived && access.Decide(p, access.RecordCreate, nil).Allowed}
	if rec.Category != "" {
		page.Category = enumText(l, categoryKeys, rec.Category)
	}
	for _, c := range rec.CrimeAreas {
		page.CrimeAreas = append(page.CrimeAreas, enumText(l, crimeKeys, c))
	}
	if s, ok := iforce.SchemaNamed(rec.Schema); ok {
		for _, prop := range s.Props {
			for _, v := range rec.Properties[prop.Name] {
				page.Props = append(page.Props, fact{enumText(l, propKeys, prop.Name), propValue(l, rec.Schema, prop.Name, v)})
			}
		}
	}
	for _, lk := range links {
		row := linkRow{ID: lk.ID, Title: recordTitle(l, lk)}
		if lk.Schema == "Link" {
			row.Relation = valueText(l, lk.First("relation"))
			for _, end := range []string{lk.First("source"), lk.First("target")} {
				if end != id && end != "" {
					row.ID = end
					if other, err := h.app.Record(ctx, end); err == nil {
						row.Title = recordTitle(l, other)
					}
				}
			}
		}
		page.Links = append(page.Links, row)
	}
	h.render(w, r, http.StatusOK, "record", nil, page)
}
