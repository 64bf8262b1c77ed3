package sqlstore

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/audit"
	"golang.org/x/mod/sumdb/note"
)

// VerifyAudit reads the whole audit log, the checkpoint history and the head's
// checkpoint, and verifies them with the keys of v.
func (s *Store) VerifyAudit(ctx context.Context, v note.Verifiers) (audit.Report, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT note FROM audit_checkpoints ORDER BY size`)
	if err != nil {
		return audit.Report{}, fmt.Errorf("read checkpoints: %w", err)
	}
	var cps []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return audit.Report{}, fmt.Errorf("scan checkpoint: %w", err)
		}
		cps = append(cps, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return audit.Report{}, fmt.Errorf("read checkpoints: %w", err)
	}
	// The head's checkpoint covers the whole log; it joins the history unless it is
	// already its last element.
	head, err := s.Read().LatestCheckpoint(ctx)
	if err != nil {
		return audit.Report{}, err
	}
	if head != "" && (len(cps) == 0 || cps[len(cps)-1] != head) {
		cps = append(cps, head)
	}
	return audit.Verify(v, cps, s.storedEntries(ctx))
}

const entryCols = `seq, t, actor, agency, action, object_type, object_id, purpose, decision, reason, request_id`

func scanEntry(row interface{ Scan(...any) error }, extra ...any) (audit.Entry, error) {
	var e audit.Entry
	err := row.Scan(append([]any{&e.Seq, &e.TimeMS, &e.Actor, &e.Agency, &e.Action, &e.ObjectType, &e.ObjectID, &e.Purpose, &e.Decision, &e.Reason, &e.RequestID}, extra...)...)
	e.Normalise()
	return e, err
}

func (s *Store) storedEntries(ctx context.Context) iter.Seq2[audit.Stored, error] {
	return func(yield func(audit.Stored, error) bool) {
		rows, err := s.db.QueryContext(ctx, `SELECT `+entryCols+`, leaf FROM audit_entries ORDER BY seq`)
		if err != nil {
			yield(audit.Stored{}, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			var leaf []byte
			e, err := scanEntry(rows, &leaf)
			if err != nil {
				yield(audit.Stored{}, err)
				return
			}
			st := audit.Stored{Entry: e}
			copy(st.Leaf[:], leaf)
			if !yield(st, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(audit.Stored{}, err)
		}
	}
}

// AuditFilter selects audit entries for the auditor's trail.
type AuditFilter struct {
	Actor, Agency, Action, ObjectType, ObjectID string
	From, To                                    time.Time
	Before                                      int64 // cursor: entries with seq < Before; 0 = newest
	Limit                                       int
}

// AuditEntries returns entries matching f, newest first.
func (q *Queries) AuditEntries(ctx context.Context, f AuditFilter) ([]audit.Entry, error) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	for _, c := range []struct{ col, v string }{{"actor", f.Actor}, {"agency", f.Agency}, {"object_type", f.ObjectType}, {"object_id", f.ObjectID}} {
		if c.v != "" {
			add(c.col+" = $%d", c.v)
		}
	}
	if f.Action != "" {
		add("action LIKE $%d", strings.ReplaceAll(f.Action, "%", "")+"%")
	}
	if !f.From.IsZero() {
		add("t >= $%d", ms(f.From))
	}
	if !f.To.IsZero() {
		add("t < $%d", ms(f.To))
	}
	if f.Before > 0 {
		add("seq < $%d", f.Before)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	query := `SELECT ` + entryCols + ` FROM audit_entries`
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, " AND ")
	}
	args = append(args, f.Limit)
	query += fmt.Sprintf(` ORDER BY seq DESC LIMIT $%d`, len(args))
	rows, err := q.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("audit entries: %w", err)
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, fmt.Errorf("scan audit entry: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditSize returns the number of entries in the audit log.
func (q *Queries) AuditSize(ctx context.Context) (int64, error) {
	var n int64
	if err := q.q.QueryRowContext(ctx, `SELECT audit_size FROM log_head WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("audit size: %w", err)
	}
	return n, nil
}

// LatestCheckpoint returns the latest signed checkpoint note, "" for an empty log.
func (q *Queries) LatestCheckpoint(ctx context.Context) (string, error) {
	var n string
	if err := q.q.QueryRowContext(ctx, `SELECT checkpoint FROM log_head WHERE id = 1`).Scan(&n); err != nil {
		return "", fmt.Errorf("latest checkpoint: %w", err)
	}
	return n, nil
}
