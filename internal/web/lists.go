package web

import (
	"io"
	"net/http"

	"github.com/iforce-platform/iforce/internal/app"
)

// The passenger list page: upload a CSV (the columns of `iforce screen`), screen it in
// the background, follow its progress on a page that refreshes itself (a meta refresh:
// no script needed), then download the results and read the summary. Jobs are stored
// (app.StartList), so any node shows them; they are the user's own and deleted
// app.ListTimeout+app.ListKeep after they start.

// maxList bounds the bytes of an uploaded list.
const maxList = 64 << 20

// listPage is the data of the passenger list page.
type listPage struct {
	Job      *app.ListJob
	Done     int
	Running  bool
	Failed   bool
	Report   *app.ListReport
	Rows     []rowReport
	Download string
}

func (h *Handler) showLists(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, "lists", newForm(), listPage{})
}

// startList reads the uploaded list and has it screened in the background.
func (h *Handler) startList(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	r.Body = http.MaxBytesReader(w, r.Body, maxList)
	f := newForm()
	file, hdr, err := r.FormFile("file")
	var data []byte
	if err == nil {
		data, err = io.ReadAll(file)
		file.Close()
	}
	if err != nil || len(data) == 0 {
		f.problem(l, "file", "problem.file")
		h.render(w, r, http.StatusUnprocessableEntity, "lists", f, listPage{})
		return
	}
	job, err := h.app.StartList(r.Context(), hdr.Filename, data)
	if err != nil {
		if f.takeErr(l, err) {
			h.render(w, r, http.StatusUnprocessableEntity, "lists", f, listPage{})
			return
		}
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/lists/"+job.ID)
}

// showList shows a job's progress, refreshing itself until it ends, then its summary.
func (h *Handler) showList(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	job, err := h.app.ListJob(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page := listPage{Job: job, Done: job.Done, Running: job.Running}
	f := newForm()
	switch {
	case job.Running:
	case job.Err != nil:
		page.Failed = true
		if !f.takeErr(l, job.Err) {
			f.add("", l.T("lists.failed"))
		}
	default:
		page.Report, page.Rows, page.Download = job.Report, rowReports(l, job.Report.Errors), "/lists/"+job.ID+"/results.csv"
	}
	h.render(w, r, http.StatusOK, "lists", f, page)
}

// downloadList sends the results file of a finished job.
func (h *Handler) downloadList(w http.ResponseWriter, r *http.Request) {
	out, err := h.app.ListResults(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", `attachment; filename="screening-results.csv"`)
	hd.Set("Cache-Control", "no-store")
	w.Write(out)
}
