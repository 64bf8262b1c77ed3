package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// The hit queue: hits on the agency's records to confirm or reject before their
// deadline (side owner), and the hits the agency's own checks produced with the owners'
// decisions (side checker, the "sent" tab).

// hitRow is one hit as the queue shows it.
type hitRow struct {
	*app.Hit
	Caption string // the record, for the owner side
	Overdue bool
	Status  string // translated
	Kind    string // translated kind of query
	Match   string // translated
}

// hitsPage is the data of the hit queue.
type hitsPage struct {
	Side      string // owner or checker
	Status    string
	Overdue   bool
	Rows      []hitRow
	Pending   int
	Late      int
	Next      string // the query of the next page, "" on the last
	CanDecide bool
	Statuses  []kindOption
}

func (h *Handler) hitRows(r *http.Request, l *i18n.Locale, hits []*app.Hit, captions bool) []hitRow {
	now := h.now()
	var out []hitRow
	for _, hit := range hits {
		row := hitRow{Hit: hit, Overdue: hit.Status == "pending" && now.After(hit.Deadline),
			Status: enumText(l, hitStatusKeys, hit.Status), Kind: enumText(l, queryKindKeys, hit.QueryKind), Match: hit.Match}
		if k, ok := matchKeys[hit.Match]; ok {
			row.Match = l.T(k)
		} else if s, ok := strings.CutPrefix(hit.Match, "name "); ok {
			if score, err := strconv.ParseFloat(s, 64); err == nil {
				row.Match = l.T("match.name") + " · " + percent(score)
			}
		}
		if captions && hit.RecordID != "" {
			if rec, err := h.app.Record(r.Context(), hit.RecordID); err == nil {
				row.Caption = recordTitle(l, rec)
			}
		}
		out = append(out, row)
	}
	return out
}

func (h *Handler) showHits(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	q := r.URL.Query()
	side := q.Get("side")
	if side != "checker" {
		side = "owner"
	}
	cursor, _ := strconv.ParseInt(q.Get("cursor"), 10, 64)
	hq := app.HitQuery{Side: side, Status: q.Get("status"), Overdue: q.Get("overdue") == "1", Cursor: cursor, Limit: 50}
	res, err := h.app.Hits(r.Context(), hq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := hitsPage{Side: side, Status: hq.Status, Overdue: hq.Overdue, Pending: res.Pending, Late: res.Overdue,
		Rows:      h.hitRows(r, l, res.Hits, side == "owner"),
		CanDecide: side == "owner" && access.Decide(app.PrincipalFrom(r.Context()), access.HitDecide, nil).Allowed}
	for _, s := range []string{"", "pending", "confirmed", "rejected"} {
		label := l.T("hits.status_all")
		if s != "" {
			label = enumText(l, hitStatusKeys, s)
		}
		p.Statuses = append(p.Statuses, kindOption{s, label})
	}
	if res.Next != 0 {
		nq := url.Values{"side": {side}, "cursor": {strconv.FormatInt(res.Next, 10)}}
		if hq.Status != "" {
			nq.Set("status", hq.Status)
		}
		if hq.Overdue {
			nq.Set("overdue", "1")
		}
		p.Next = nq.Encode()
	}
	h.render(w, r, http.StatusOK, "hits", nil, p)
}

// decideHit confirms or rejects a hit of the queue with a note.
func (h *Handler) decideHit(w http.ResponseWriter, r *http.Request) {
	f := readForm(w, r)
	confirm := f.Get("decision") == "confirm"
	if !confirm && f.Get("decision") != "reject" {
		h.renderError(w, r, http.StatusUnprocessableEntity)
		return
	}
	hit, err := h.app.DecideHit(r.Context(), r.PathValue("id"), confirm, f.Get("note"))
	if err != nil {
		switch iforce.ErrorKind(err) {
		case iforce.KindInvalid:
			h.warn(r.Context(), "hits.note_too_long", "")
			redirect(w, r, "/hits")
			return
		case iforce.KindConflict:
			h.warn(r.Context(), "hits.already_decided", "")
			redirect(w, r, "/hits")
			return
		}
		h.fail(w, r, err)
		return
	}
	if confirm {
		h.flash(r.Context(), "hits.confirmed_done", hit.Checker)
	} else {
		h.flash(r.Context(), "hits.rejected_done", hit.Checker)
	}
	redirect(w, r, "/hits")
}

// requestFollowUp asks the owner of a hit for the data behind it.
func (h *Handler) requestFollowUp(w http.ResponseWriter, r *http.Request) {
	hit, err := h.app.RequestFollowUp(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "hits.follow_up_done", hit.Owner)
	redirect(w, r, "/hits?side=checker")
}
