package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// The passenger list page: upload a CSV (the columns of `iforce screen`), screen it in
// the background, follow its progress on a page that refreshes itself (a meta refresh:
// no script needed), then download the results and read the summary. Jobs live in
// memory for an hour; they are the user's own and end with the node.

const (
	maxList     = 64 << 20         // bytes of an uploaded list
	listTimeout = 30 * time.Minute // a list screens within this or fails
	listKeep    = time.Hour        // a finished job is kept this long
)

// listJob is one list being screened or screened.
type listJob struct {
	ID      string
	UserID  int64
	Name    string // the uploaded file's name
	Total   int    // rows in the file, about (lines after the header)
	Started time.Time
	done    atomic.Int64 // rows screened so far

	mu       sync.Mutex
	finished time.Time
	report   *app.ListReport
	err      error
	out      []byte
}

// listJobs holds the jobs of the node.
type listJobs struct {
	mu   sync.Mutex
	jobs map[string]*listJob
}

func (j *listJobs) add(job *listJob, now time.Time) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.jobs == nil {
		j.jobs = map[string]*listJob{}
	}
	for id, old := range j.jobs {
		old.mu.Lock()
		if !old.finished.IsZero() && now.Sub(old.finished) > listKeep {
			delete(j.jobs, id)
		}
		old.mu.Unlock()
	}
	j.jobs[job.ID] = job
}

// get returns the job id of user, nil when there is none: another user's job is
// not found.
func (j *listJobs) get(id string, user int64) *listJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	if job := j.jobs[id]; job != nil && job.UserID == user {
		return job
	}
	return nil
}

// listPage is the data of the passenger list page.
type listPage struct {
	Job      *listJob
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

// startList reads the uploaded list and screens it in the background.
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
	var idb [12]byte
	rand.Read(idb[:])
	p := app.PrincipalFrom(r.Context())
	job := &listJob{ID: hex.EncodeToString(idb[:]), UserID: p.UserID, Name: hdr.Filename, Started: h.now(),
		Total: max(bytes.Count(data, []byte("\n"))-1, 1)}
	if !bytes.HasSuffix(data, []byte("\n")) {
		job.Total++
	}
	h.lists.add(job, h.now())
	// The job outlives the request: it keeps the request's principal and id, not its
	// cancellation.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), listTimeout)
	go func() {
		defer cancel()
		var out bytes.Buffer
		rep, err := h.app.ScreenList(ctx, bytes.NewReader(data), &out, func(n int) { job.done.Store(int64(n)) })
		if err != nil && iforce.ErrorKind(err) == iforce.KindInternal {
			h.log.ErrorContext(ctx, "screen list", "err", err, "request_id", requestID(r))
		}
		job.mu.Lock()
		job.finished, job.report, job.err, job.out = h.now(), rep, err, out.Bytes()
		job.mu.Unlock()
	}()
	redirect(w, r, "/lists/"+job.ID)
}

// showList shows a job's progress, refreshing itself until it ends, then its summary.
func (h *Handler) showList(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	job := h.lists.get(r.PathValue("id"), app.PrincipalFrom(r.Context()).UserID)
	if job == nil {
		h.renderError(w, r, http.StatusNotFound)
		return
	}
	page := listPage{Job: job, Done: int(job.done.Load())}
	job.mu.Lock()
	page.Running = job.finished.IsZero()
	rep, err := job.report, job.err
	job.mu.Unlock()
	f := newForm()
	switch {
	case page.Running:
	case err != nil:
		page.Failed = true
		if !f.takeErr(l, err) {
			f.add("", l.T("lists.failed"))
		}
	default:
		page.Report, page.Rows, page.Download = rep, rowReports(l, rep.Errors), "/lists/"+job.ID+"/results.csv"
	}
	h.render(w, r, http.StatusOK, "lists", f, page)
}

// downloadList sends the results file of a finished job.
func (h *Handler) downloadList(w http.ResponseWriter, r *http.Request) {
	job := h.lists.get(r.PathValue("id"), app.PrincipalFrom(r.Context()).UserID)
	var out []byte
	if job != nil {
		job.mu.Lock()
		if job.err == nil {
			out = job.out
		}
		job.mu.Unlock()
	}
	if out == nil {
		h.renderError(w, r, http.StatusNotFound)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", `attachment; filename="screening-results.csv"`)
	hd.Set("Cache-Control", "no-store")
	w.Write(out)
}
