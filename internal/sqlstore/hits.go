package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// KeyMatch is a live record found by one of its search keys.
type KeyMatch struct {
	Record *StoredRecord
	Key    string // the key that matched
}

// RecordsByKeys returns live records having any of keys, whoever may see them: the
// app sorts them into hits and hit/no-hit answers. At most limit matches.
func (q *Queries) RecordsByKeys(ctx context.Context, keys []string, limit int) ([]KeyMatch, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(keys)+1)
	ph := make([]string, len(keys))
	for i, k := range keys {
		args = append(args, k)
		ph[i] = fmt.Sprintf("$%d", i+1)
	}
	args = append(args, limit)
	rows, err := q.q.QueryContext(ctx, `SELECT rk.key, `+recordCols+` FROM record_keys rk JOIN records r ON r.seq = rk.record_seq
		JOIN agencies a ON a.id = r.owner_id WHERE rk.key IN (`+strings.Join(ph, ", ")+`) AND r.archived = 0 ORDER BY r.seq LIMIT $`+fmt.Sprint(len(args)), args...)
	if err != nil {
		return nil, fmt.Errorf("records by keys: %w", err)
	}
	var out []KeyMatch
	var recs []*StoredRecord
	seen := map[int64]bool{}
	for rows.Next() {
		var key string
		r, err := scanRecordWith(rows, &key)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan record: %w", err)
		}
		if seen[r.Seq] {
			continue
		}
		seen[r.Seq] = true
		out = append(out, KeyMatch{r, key})
		recs = append(recs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records by keys: %w", err)
	}
	return out, q.fillAgencies(ctx, recs)
}

// Hit is a check or screen that found another agency's record.
type Hit struct {
	ID           string
	RecordID     string
	OwnerID      int64
	Owner        string // owner agency code
	CheckerID    int64
	Checker      string // checking agency code
	CheckerUser  int64
	At           time.Time
	Deadline     time.Time
	QueryKind    string // document, mrz, vehicle, firearm, phone, iban, wallet, email, name
	QueryHash    string
	Match        string // exact, normalised, confusable, or a screening score
	PresenceOnly bool   // hit/no-hit: the checker learnt only that the owner holds a record
	Purpose      string
	Location     string
	Status       string // pending, confirmed, rejected
	FollowUp     bool   // the checker asked the owner for the data
	DecidedBy    int64
	DecidedAt    time.Time
	Note         string
}

// Hit statuses.
const (
	HitPending   = "pending"
	HitConfirmed = "confirmed"
	HitRejected  = "rejected"
)

const hitCols = `h.id, h.record_id, h.owner_id, o.code, h.checker_id, c.code, h.checker_user, h.at, h.deadline, h.query_kind, h.query_hash,
	h.match, h.presence_only, h.purpose, h.location, h.status, h.follow_up, h.decided_by, h.decided_at, h.note`

const hitFrom = ` FROM hits h JOIN agencies o ON o.id = h.owner_id JOIN agencies c ON c.id = h.checker_id`

func scanHit(row interface{ Scan(...any) error }) (*Hit, error) { return scanHitWith(row) }

// scanHitWith scans extra leading columns into pre, then the hit columns.
func scanHitWith(row interface{ Scan(...any) error }, pre ...any) (*Hit, error) {
	var h Hit
	var at, deadline, decided int64
	err := row.Scan(append(pre, &h.ID, &h.RecordID, &h.OwnerID, &h.Owner, &h.CheckerID, &h.Checker, &h.CheckerUser, &at, &deadline, &h.QueryKind,
		&h.QueryHash, &h.Match, &h.PresenceOnly, &h.Purpose, &h.Location, &h.Status, &h.FollowUp, &h.DecidedBy, &decided, &h.Note)...)
	if err != nil {
		return nil, err
	}
	h.At, h.Deadline, h.DecidedAt = fromMS(at), fromMS(deadline), fromMS(decided)
	return &h, nil
}

// CreateHit records a hit.
func (tx *Tx) CreateHit(ctx context.Context, h *Hit) error {
	_, err := tx.q.ExecContext(ctx, `INSERT INTO hits (id, record_id, owner_id, checker_id, checker_user, at, deadline, query_kind, query_hash,
		match, presence_only, purpose, location, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		h.ID, h.RecordID, h.OwnerID, h.CheckerID, h.CheckerUser, ms(h.At), ms(h.Deadline), h.QueryKind, h.QueryHash, h.Match,
		b2i(h.PresenceOnly), h.Purpose, h.Location, h.Status)
	if err != nil {
		return fmt.Errorf("insert hit: %w", err)
	}
	tx.changes = append(tx.changes, change{"hit", h.ID, "create"})
	return nil
}

// Hit returns a hit by id, or NotFound.
func (q *Queries) Hit(ctx context.Context, id string) (*Hit, error) {
	h, err := scanHit(q.q.QueryRowContext(ctx, `SELECT `+hitCols+hitFrom+` WHERE h.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("hit")
	}
	if err != nil {
		return nil, fmt.Errorf("hit: %w", err)
	}
	return h, nil
}

// HitFilter selects hits of one agency, as owner of the records or as checker.
type HitFilter struct {
	Owner   int64 // hits on this agency's records
	Checker int64 // hits this agency's checks produced
	Status  string
	Overdue time.Time // when set: pending hits whose deadline is before it
	Before  int64     // cursor
	Limit   int
}

// where renders f's conditions (without cursor and limit) over hits aliased h.
func (f HitFilter) where(args *[]any) string {
	conds := []string{"1=1"}
	arg := func(v any) string {
		*args = append(*args, v)
		return fmt.Sprintf("$%d", len(*args))
	}
	if f.Owner != 0 {
		conds = append(conds, "h.owner_id = "+arg(f.Owner))
	}
	if f.Checker != 0 {
		conds = append(conds, "h.checker_id = "+arg(f.Checker))
	}
	if f.Status != "" {
		conds = append(conds, "h.status = "+arg(f.Status))
	}
	if !f.Overdue.IsZero() {
		conds = append(conds, "h.status = 'pending' AND h.deadline < "+arg(ms(f.Overdue)))
	}
	return strings.Join(conds, " AND ")
}

// Hits returns hits matching f, newest first, with the cursor of the next page.
func (q *Queries) Hits(ctx context.Context, f HitFilter) ([]*Hit, int64, error) {
	var args []any
	where := f.where(&args)
	if f.Before > 0 {
		args = append(args, f.Before)
		where += fmt.Sprintf(" AND h.seq < $%d", len(args))
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	args = append(args, f.Limit)
	rows, err := q.q.QueryContext(ctx, `SELECT h.seq, `+hitCols+hitFrom+` WHERE `+where+fmt.Sprintf(` ORDER BY h.seq DESC LIMIT $%d`, len(args)), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("hits: %w", err)
	}
	defer rows.Close()
	var out []*Hit
	var last int64
	for rows.Next() {
		var seq int64
		h, err := scanHitWith(rows, &seq)
		if err != nil {
			return nil, 0, fmt.Errorf("scan hit: %w", err)
		}
		out = append(out, h)
		last = seq
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("hits: %w", err)
	}
	if len(out) < f.Limit {
		last = 0
	}
	return out, last, nil
}

// CountHits counts hits matching f (its cursor and limit ignored).
func (q *Queries) CountHits(ctx context.Context, f HitFilter) (int, error) {
	var args []any
	var n int
	if err := q.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM hits h WHERE `+f.where(&args), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count hits: %w", err)
	}
	return n, nil
}

// DecideHit sets a pending hit's decision; Conflict when it was already decided.
func (tx *Tx) DecideHit(ctx context.Context, id, status string, by int64, at time.Time, note string) error {
	res, err := tx.q.ExecContext(ctx, `UPDATE hits SET status = $1, decided_by = $2, decided_at = $3, note = $4 WHERE id = $5 AND status = 'pending'`,
		status, by, ms(at), note, id)
	if err != nil {
		return fmt.Errorf("decide hit: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return iforce.Errorf(iforce.KindConflict, "the hit was already decided")
	}
	tx.changes = append(tx.changes, change{"hit", id, status})
	return nil
}

// RequestFollowUp marks that the checking agency asked the owner for the data.
func (tx *Tx) RequestFollowUp(ctx context.Context, id string) error {
	if _, err := tx.q.ExecContext(ctx, `UPDATE hits SET follow_up = 1 WHERE id = $1`, id); err != nil {
		return fmt.Errorf("follow-up: %w", err)
	}
	tx.changes = append(tx.changes, change{"hit", id, "follow_up"})
	return nil
}
