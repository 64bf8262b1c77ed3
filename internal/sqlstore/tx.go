package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/iforce-platform/iforce/internal/audit"
)

// Tx is a write transaction. Reads and writes go through it; the audit entries and
// change-log rows it collects are written just before commit.
type Tx struct {
	Queries
	s       *Store
	tx      *sql.Tx
	entries []audit.Entry
	changes []change
	// deferIndex queues the rows of record indexes and versions in pending
	// (by table, tables in first-use order) until FlushIndexWrites or commit.
	deferIndex bool
	pending    map[string][][]any
	tables     []string
}

type change struct{ entity, id, op string }

// ErrNoKeys is returned by a write when the store was opened without signing keys.
var ErrNoKeys = errors.New("store opened without audit signing keys")

// InTx runs fn in a write transaction and commits it with its audit entries, or rolls
// everything back when fn or the audit append fails.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	sqltx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	cache := &stmtCache{s: s, tx: sqltx, stmts: map[string]*sql.Stmt{}}
	tx := &Tx{Queries: Queries{q: cache, now: s.now, engine: s.engine}, s: s, tx: sqltx}
	if err := fn(tx); err != nil {
		sqltx.Rollback()
		return err
	}
	if err := tx.FlushIndexWrites(ctx); err != nil {
		sqltx.Rollback()
		return err
	}
	if err := tx.flush(ctx); err != nil {
		sqltx.Rollback()
		return err
	}
	if err := sqltx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// DeferIndexWrites makes the record writes of this transaction queue the rows of
// their indexes (keys, agencies, crime areas, links) and versions, and write them in
// a few multi-row statements at FlushIndexWrites or at commit: a bulk import then
// costs one round trip a record instead of four or five. Until then, reads of this
// transaction do not see the queued rows: call FlushIndexWrites before reading a
// record the transaction wrote (UpdateRecord does it itself).
func (tx *Tx) DeferIndexWrites() { tx.deferIndex = true }

// queueRows inserts rows now, or queues them when index writes are deferred.
func (tx *Tx) queueRows(ctx context.Context, table string, rows [][]any) error {
	if !tx.deferIndex {
		return tx.insertRows(ctx, table, rows)
	}
	if len(rows) == 0 {
		return nil
	}
	if tx.pending == nil {
		tx.pending = map[string][][]any{}
	}
	if _, ok := tx.pending[table]; !ok {
		tx.tables = append(tx.tables, table)
	}
	tx.pending[table] = append(tx.pending[table], rows...)
	return nil
}

// FlushIndexWrites writes the queued index and version rows.
func (tx *Tx) FlushIndexWrites(ctx context.Context) error {
	for _, table := range tx.tables {
		if err := tx.insertRows(ctx, table, tx.pending[table]); err != nil {
			return err
		}
	}
	tx.pending, tx.tables = nil, nil
	return nil
}

// Audit queues an audit entry; it is written with the transaction or not at all.
func (tx *Tx) Audit(e audit.Entry) {
	if e.Time.IsZero() {
		e.Time = tx.now()
	}
	tx.entries = append(tx.entries, e)
}

// Changed queues a change-log row for an entity.
func (tx *Tx) Changed(entity string, id int64, op string) {
	tx.changes = append(tx.changes, change{entity, strconv.FormatInt(id, 10), op})
}

// flush takes the log head's row lock (serialising all writers across processes, so
// change sequence numbers and audit positions follow commit order), checks the head
// against its signed checkpoint, appends entries and changes, signs a new checkpoint
// and moves the head. The checkpoint also enters the history when the log crosses a
// multiple of the checkpoint interval.
func (tx *Tx) flush(ctx context.Context) error {
	if len(tx.entries) == 0 && len(tx.changes) == 0 {
		return nil
	}
	if tx.s.keys == nil {
		return ErrNoKeys
	}
	// The UPDATE takes the row lock on PostgreSQL; SQLite holds the write lock already.
	if _, err := tx.q.ExecContext(ctx, `UPDATE log_head SET change_seq = change_seq WHERE id = 1`); err != nil {
		return fmt.Errorf("lock log head: %w", err)
	}
	var (
		size, changeSeq int64
		frontier        []byte
		checkpoint      string
	)
	err := tx.q.QueryRowContext(ctx, `SELECT audit_size, frontier, checkpoint, change_seq FROM log_head WHERE id = 1`).
		Scan(&size, &frontier, &checkpoint, &changeSeq)
	if err != nil {
		return fmt.Errorf("read log head: %w", err)
	}
	f, err := audit.UnmarshalFrontier(size, frontier)
	if err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	if size > 0 {
		cp, err := tx.s.openCheckpoint(checkpoint)
		if err != nil || cp.Size != size || cp.Hash != f.Root() {
			return fmt.Errorf("audit head does not match its signed checkpoint (size %d): refusing to write", size)
		}
	}
	now := ms(tx.now())
	var changes, entries [][]any
	for _, c := range tx.changes {
		changeSeq++
		changes = append(changes, []any{changeSeq, now, c.entity, c.id, c.op})
	}
	for _, e := range tx.entries {
		e.Seq = f.Size
		e.Normalise()
		if err := e.Validate(); err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		leaf := e.LeafHash()
		entries = append(entries, []any{e.Seq, e.TimeMS, e.Actor, e.Agency, e.Action, e.ObjectType, e.ObjectID, e.Purpose, e.Decision,
			e.Reason, e.RequestID, leaf[:]})
		f.Append(leaf)
	}
	if err := tx.insertRows(ctx, "changes (seq, t, entity, entity_id, op)", changes); err != nil {
		return err
	}
	if err := tx.insertRows(ctx, "audit_entries (seq, t, actor, agency, action, object_type, object_id, purpose, decision, reason, request_id, leaf)", entries); err != nil {
		return err
	}
	if f.Size != size {
		checkpoint, err = audit.Sign(tx.s.keys.Signer, f.Size, f.Root())
		if err != nil {
			return err
		}
		// Signed here, so authentic whether or not the transaction commits.
		tx.s.lastCheckpoint.Store(&audit.Checkpoint{Size: f.Size, Hash: f.Root(), Note: checkpoint})
		if f.Size/tx.s.every != size/tx.s.every {
			if _, err := tx.q.ExecContext(ctx, `INSERT INTO audit_checkpoints (size, note) VALUES ($1, $2)`, f.Size, checkpoint); err != nil {
				return fmt.Errorf("append audit checkpoint: %w", err)
			}
		}
	}
	if _, err := tx.q.ExecContext(ctx, `UPDATE log_head SET audit_size = $1, frontier = $2, checkpoint = $3, change_seq = $4 WHERE id = 1`,
		f.Size, f.MarshalBinary(), checkpoint, changeSeq); err != nil {
		return fmt.Errorf("move log head: %w", err)
	}
	return nil
}

// Change is one row of the change log.
type Change struct {
	Seq      int64
	Time     time.Time
	Entity   string
	EntityID string
	Op       string
}

// ChangesSince returns up to limit change-log rows after seq, in order. In-memory
// indexes follow the log with it.
func (q *Queries) ChangesSince(ctx context.Context, seq int64, limit int) ([]Change, error) {
	rows, err := q.q.QueryContext(ctx, `SELECT seq, t, entity, entity_id, op FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2`, seq, limit)
	if err != nil {
		return nil, fmt.Errorf("changes since %d: %w", seq, err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var t int64
		if err := rows.Scan(&c.Seq, &t, &c.Entity, &c.EntityID, &c.Op); err != nil {
			return nil, fmt.Errorf("scan change: %w", err)
		}
		c.Time = fromMS(t)
		out = append(out, c)
	}
	return out, rows.Err()
}

// stmtCache serves a transaction's statements from the store's prepared statements,
// bound to the transaction once per distinct query: parsing SQL dominated both bulk
// writes and short audited requests.
type stmtCache struct {
	s     *Store
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if shared := c.s.prepared(ctx, query); shared != nil {
		st = c.tx.StmtContext(ctx, shared)
	} else {
		var err error
		if st, err = c.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
	}
	c.stmts[query] = st
	return st, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext prepares the query; a preparation error surfaces from Scan.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// MaxPrepared bounds the store's prepared statements; queries beyond it (rare texts
// built for one search) are prepared for their use only.
const MaxPrepared = 512

// prepared returns the store's prepared statement for query, preparing it on first
// use; nil when the cache is full or preparation fails (the caller prepares itself).
// database/sql keeps each statement prepared on every connection that ran it.
func (s *Store) prepared(ctx context.Context, query string) *sql.Stmt {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st
	}
	if len(s.stmts) >= MaxPrepared {
		return nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	s.stmts[query] = st
	return st
}

// dbQuerier runs reads outside transactions on the store's prepared statements.
type dbQuerier struct{ s *Store }

func (d dbQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := d.s.prepared(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return d.s.db.ExecContext(ctx, query, args...)
}

func (d dbQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := d.s.prepared(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return d.s.db.QueryContext(ctx, query, args...)
}

func (d dbQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := d.s.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return d.s.db.QueryRowContext(ctx, query, args...)
}
