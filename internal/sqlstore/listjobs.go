package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// ListJob is a passenger list screened in the background, as stored for its
// user: every node reads it, whichever node screens it.
type ListJob struct {
	ID         string
	UserID     int64
	Name       string // the uploaded file's name
	Total      int    // rows in the file, about
	Done       int    // rows screened so far
	StartedAt  time.Time
	FinishedAt time.Time // zero while the list is screened
	Failure    string    // why the screening failed, "" when it did not (JSON, the app's to read)
	Report     string    // the summary, once finished (JSON, the app's to read)
	Results    []byte    // the results CSV, once finished without failure
}

// InsertListJob stores a new job.
func (q *Queries) InsertListJob(ctx context.Context, j *ListJob) error {
	_, err := q.q.ExecContext(ctx, `INSERT INTO list_jobs (id, user_id, name, total, done, started_at) VALUES ($1, $2, $3, $4, 0, $5)`,
		j.ID, j.UserID, j.Name, j.Total, j.StartedAt.UnixMilli())
	if err != nil {
		return fmt.Errorf("insert list job: %w", err)
	}
	return nil
}

// SetListJobDone records how many rows of a running job are screened.
func (q *Queries) SetListJobDone(ctx context.Context, id string, done int) error {
	if _, err := q.q.ExecContext(ctx, `UPDATE list_jobs SET done = $1 WHERE id = $2 AND finished_at = 0`, done, id); err != nil {
		return fmt.Errorf("list job progress: %w", err)
	}
	return nil
}

// FinishListJob records the end of a job: its report, and its results or why
// it failed. A finished job is not changed again.
func (q *Queries) FinishListJob(ctx context.Context, j *ListJob) error {
	_, err := q.q.ExecContext(ctx, `UPDATE list_jobs SET done = $1, finished_at = $2, failure = $3, report = $4, results = $5
		WHERE id = $6 AND finished_at = 0`, j.Done, j.FinishedAt.UnixMilli(), j.Failure, j.Report, j.Results, j.ID)
	if err != nil {
		return fmt.Errorf("finish list job: %w", err)
	}
	return nil
}

// ListJob returns a job, without its results unless withResults.
func (q *Queries) ListJob(ctx context.Context, id string, withResults bool) (*ListJob, error) {
	var j ListJob
	var started, finished int64
	cols := `id, user_id, name, total, done, started_at, finished_at, failure, report`
	dest := []any{&j.ID, &j.UserID, &j.Name, &j.Total, &j.Done, &started, &finished, &j.Failure, &j.Report}
	if withResults {
		cols += `, results`
		dest = append(dest, &j.Results)
	}
	err := q.q.QueryRowContext(ctx, `SELECT `+cols+` FROM list_jobs WHERE id = $1`, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("list")
	}
	if err != nil {
		return nil, fmt.Errorf("list job: %w", err)
	}
	j.StartedAt = time.UnixMilli(started).UTC()
	if finished != 0 {
		j.FinishedAt = time.UnixMilli(finished).UTC()
	}
	return &j, nil
}

// RunningListJobs counts a user's jobs started after a time and not finished.
func (q *Queries) RunningListJobs(ctx context.Context, userID int64, startedAfter time.Time) (int, error) {
	var n int
	err := q.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM list_jobs WHERE user_id = $1 AND finished_at = 0 AND started_at > $2`,
		userID, startedAfter.UnixMilli()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("running list jobs: %w", err)
	}
	return n, nil
}

// DeleteListJobs deletes the jobs started before a time, finished or not.
func (q *Queries) DeleteListJobs(ctx context.Context, startedBefore time.Time) (int64, error) {
	res, err := q.q.ExecContext(ctx, `DELETE FROM list_jobs WHERE started_at < $1`, startedBefore.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("delete list jobs: %w", err)
	}
	return res.RowsAffected()
}
