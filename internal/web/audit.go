package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/i18n"
)

// auditPageSize is the number of entries on one page of the trail.
const auditPageSize = 50

type auditPage struct {
	Trail   *app.AuditTrail // nil when the filter is invalid
	Entries []audit.Entry   // this page
	Older   string          // URL of the next, older page; "" on the last
}

// auditFilter decodes the filter of the trail from the query: actor, agency, action
// (a prefix), object type and id, a range of days (UTC, both ends included) and the
// paging cursor. Problems go on f.
func auditFilter(l *i18n.Locale, f *form, q url.Values) app.AuditFilter {
	af := app.AuditFilter{Actor: q.Get("actor"), Agency: q.Get("agency"), Action: q.Get("action"),
		ObjectType: q.Get("otype"), ObjectID: q.Get("oid"), Limit: auditPageSize + 1}
	day := func(name string) time.Time {
		t, err := time.Parse(time.DateOnly, q.Get(name))
		if err != nil && q.Get(name) != "" {
			f.problem(l, name, "problem.date")
		}
		return t
	}
	af.From = day("from")
	if to := day("to"); !to.IsZero() {
		af.To = to.AddDate(0, 0, 1)
	}
	if b := q.Get("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n < 1 {
			f.problem(l, "before", "problem.cursor")
		}
		af.Before = n
	}
	return af
}

func (h *Handler) showAudit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := newForm()
	f.values = q
	af := auditFilter(h.locale(r), f, q)
	if len(f.Summary) > 0 {
		h.render(w, r, http.StatusUnprocessableEntity, "audit", f, auditPage{})
		return
	}
	trail, err := h.app.AuditTrail(r.Context(), af)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page := auditPage{Trail: trail, Entries: trail.Entries}
	if len(page.Entries) > auditPageSize {
		page.Entries = page.Entries[:auditPageSize]
		next := url.Values{}
		for k, v := range q {
			if k != "before" && len(v) > 0 && v[0] != "" {
				next.Set(k, v[0])
			}
		}
		next.Set("before", strconv.FormatInt(page.Entries[auditPageSize-1].Seq, 10))
		page.Older = "/audit?" + next.Encode()
	}
	h.render(w, r, http.StatusOK, "audit", f, page)
}

// verifyAudit recomputes the audit tree and checks every signed checkpoint; the result
// shows on the trail page, and stays in the trail as the last verification.
func (h *Handler) verifyAudit(w http.ResponseWriter, r *http.Request) {
	_, err := h.app.VerifyAudit(r.Context())
	var te *audit.TamperError
	switch {
	case err == nil:
		h.flash(r.Context(), "audit.verify_ok", "")
	case errors.As(err, &te):
		h.warn(r.Context(), "audit.verify_failed", te.Error())
	default:
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/audit")
}
