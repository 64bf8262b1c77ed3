package web

import (
	"net/http"
	"strconv"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// The review list: records of the agency past their review date, each kept until a new
// date or archived (record_form.go archives).

// reviewPage is the data of the review list.
type reviewPage struct {
	Records []*iforce.Record
}

func (h *Handler) showReview(w http.ResponseWriter, r *http.Request) {
	list, err := h.app.ReviewList(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "review", nil, reviewPage{Records: list})
}

// confirmReview keeps a record due for review until a new review date.
func (h *Handler) confirmReview(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	f := readForm(w, r)
	version, _ := strconv.Atoi(f.Get("version"))
	date := f.Get("reviewDate")
	rec, err := h.app.UpdateRecord(r.Context(), r.PathValue("id"), version, app.RecordPatch{ReviewDate: &date})
	if err != nil {
		tmp := newForm()
		if tmp.takeErr(l, err) && len(tmp.Summary) > 0 {
			h.warn(r.Context(), "review.failed", tmp.Summary[0].Text)
			redirect(w, r, "/records/review")
			return
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r.Context(), "review.confirmed_done", rec.Caption())
	redirect(w, r, "/records/review")
}
