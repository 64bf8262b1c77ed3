package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Passenger lists screened in the background: the job is stored, so that
// every node serving its user shows its progress and results, while the node
// that received the list screens it.
const (
	// ListTimeout bounds the screening of one list; a job still running
	// after it (its node stopped) is shown as failed.
	ListTimeout = 30 * time.Minute
	// ListKeep is how long a job is kept after its timeout: a job and its
	// results are deleted ListTimeout+ListKeep after it started.
	ListKeep = time.Hour
	// MaxRunningLists bounds the lists one user has screened at once.
	MaxRunningLists = 2
	// listProgressEvery spaces the writes of a job's progress.
	listProgressEvery = 500 * time.Millisecond
)

// ListJob is what its user sees of a passenger list screened in the
// background.
type ListJob struct {
	ID         string
	Name       string // the uploaded file's name
	Total      int    // rows in the file, about
	Done       int    // rows screened so far
	StartedAt  time.Time
	FinishedAt time.Time // zero while running
	Running    bool
	Err        error       // why it failed (field problems of the file, or an internal failure)
	Report     *ListReport // once finished without failure
}

// listFailure is how a job's failure is stored: the kind and field problems
// of an *iforce.Error, never the text of an internal one.
type listFailure struct {
	Kind    iforce.Kind           `json:"kind"`
	Message string                `json:"message,omitempty"`
	Fields  []iforce.FieldProblem `json:"fields,omitempty"`
}

// StartList stores a job for a passenger list (see ScreenList) and screens
// it in the background on this node, with the caller's principal; it
// returns at once. The job is the caller's own: ListJob shows it to no one
// else.
func (a *App) StartList(ctx context.Context, name string, data []byte) (*ListJob, error) {
	p := PrincipalFrom(ctx)
	if _, err := a.authorize(ctx, access.RecordCheck, "list", ""); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, invalidField("file", "the file is empty")
	}
	id, err := uuid.NewRandomFromReader(a.rand)
	if err != nil {
		return nil, iforce.Internal("list job id", err)
	}
	now := a.now().UTC().Truncate(time.Millisecond)
	total := max(bytes.Count(data, []byte("\n"))-1, 1)
	if !bytes.HasSuffix(data, []byte("\n")) {
		total++
	}
	j := &sqlstore.ListJob{ID: id.String(), UserID: p.UserID, Name: name, Total: total, StartedAt: now}
	q := a.store.Read()
	if _, err := q.DeleteListJobs(ctx, now.Add(-ListTimeout-ListKeep)); err != nil {
		return nil, a.wrap(err)
	}
	running, err := q.RunningListJobs(ctx, p.UserID, now.Add(-ListTimeout))
	if err != nil {
		return nil, a.wrap(err)
	}
	if running >= MaxRunningLists {
		return nil, &iforce.Error{Kind: iforce.KindConflict, Message: "too many lists being screened",
			Fields: []iforce.FieldProblem{{Field: "file", Problem: fmt.Sprintf("%d of your lists are being screened: wait until one ends", running)}}}
	}
	if err := q.InsertListJob(ctx, j); err != nil {
		return nil, a.wrap(err)
	}
	// The job outlives the request: it keeps the request's principal and
	// id, not its cancellation.
	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), ListTimeout)
	go func() {
		defer cancel()
		a.runList(bg, j, data)
	}()
	return a.listJob(j), nil
}

// runList screens a stored job's list, writing its progress now and then
// and its outcome at the end.
func (a *App) runList(ctx context.Context, j *sqlstore.ListJob, data []byte) {
	var last atomic.Int64
	q := a.store.Read()
	progress := func(rows int) {
		if now := a.now().UnixMilli(); now-last.Load() >= listProgressEvery.Milliseconds() {
			last.Store(now)
			if err := q.SetListJobDone(ctx, j.ID, rows); err != nil {
				a.log.WarnContext(ctx, "list job progress", "err", err)
			}
		}
	}
	var out bytes.Buffer
	rep, err := a.ScreenList(ctx, bytes.NewReader(data), &out, progress)
	fin := &sqlstore.ListJob{ID: j.ID, FinishedAt: a.now().UTC().Truncate(time.Millisecond)}
	if rep != nil {
		fin.Done = rep.Rows
		b, _ := json.Marshal(rep)
		fin.Report = string(b)
	}
	if err != nil {
		f := listFailure{Kind: iforce.ErrorKind(err)}
		var e *iforce.Error
		if errors.As(err, &e) && f.Kind != iforce.KindInternal {
			f.Message, f.Fields = e.Message, e.Fields
		} else {
			a.log.ErrorContext(ctx, "screen list", "err", err, "request_id", RequestFrom(ctx).ID)
		}
		b, _ := json.Marshal(f)
		fin.Failure = string(b)
	} else {
		fin.Results = out.Bytes()
	}
	// The outcome is written even when the list ran out of time.
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := q.FinishListJob(wctx, fin); err != nil {
		a.log.ErrorContext(wctx, "finish list job", "err", err)
	}
}

// ListJob returns one of the caller's list jobs; another user's job, like a
// missing one, is not found.
func (a *App) ListJob(ctx context.Context, id string) (*ListJob, error) {
	j, err := a.storedListJob(ctx, id, false)
	if err != nil {
		return nil, err
	}
	return a.listJob(j), nil
}

// ListResults returns the results CSV of one of the caller's finished list
// jobs; a running or failed job has none (not found).
func (a *App) ListResults(ctx context.Context, id string) ([]byte, error) {
	j, err := a.storedListJob(ctx, id, true)
	if err != nil {
		return nil, err
	}
	if j.FinishedAt.IsZero() || j.Failure != "" {
		return nil, iforce.NotFound("list")
	}
	return j.Results, nil
}

func (a *App) storedListJob(ctx context.Context, id string, withResults bool) (*sqlstore.ListJob, error) {
	p := PrincipalFrom(ctx)
	if p == nil {
		return nil, iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
	}
	if _, err := uuid.Parse(id); err != nil {
		return nil, iforce.NotFound("list")
	}
	j, err := a.store.Read().ListJob(ctx, id, withResults)
	if err != nil {
		return nil, a.wrap(err)
	}
	if j.UserID != p.UserID {
		return nil, iforce.NotFound("list")
	}
	return j, nil
}

// listJob translates a stored job. A job still running after ListTimeout
// failed with the node that screened it.
func (a *App) listJob(j *sqlstore.ListJob) *ListJob {
	out := &ListJob{ID: j.ID, Name: j.Name, Total: j.Total, Done: j.Done, StartedAt: j.StartedAt, FinishedAt: j.FinishedAt}
	switch {
	case j.FinishedAt.IsZero() && a.now().Sub(j.StartedAt) > ListTimeout+time.Minute:
		out.Err = iforce.Errorf(iforce.KindUnavailable, "the node screening the list stopped before it ended")
	case j.FinishedAt.IsZero():
		out.Running = true
	case j.Failure != "":
		var f listFailure
		if err := json.Unmarshal([]byte(j.Failure), &f); err != nil || f.Kind == iforce.KindInternal {
			out.Err = iforce.Errorf(iforce.KindInternal, "the list could not be screened")
		} else {
			out.Err = &iforce.Error{Kind: f.Kind, Message: f.Message, Fields: f.Fields}
		}
	default:
		out.Report = &ListReport{}
		if err := json.Unmarshal([]byte(j.Report), out.Report); err != nil {
			out.Err, out.Report = iforce.Errorf(iforce.KindInternal, "the list's report is unreadable"), nil
		}
	}
	return out
}
