package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/iforce-platform/iforce/internal/auth"
)

// SessionStore keeps web sessions for alexedwards/scs in the database, keyed by the
// hash of the session token so that a database leak yields no usable session.
// It implements scs.CtxStore.
type SessionStore struct{ s *Store }

// Sessions returns the session store.
func (s *Store) Sessions() *SessionStore { return &SessionStore{s} }

// FindCtx returns the data of an unexpired session.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	err := ss.s.db.QueryRowContext(ctx, `SELECT data FROM sessions WHERE token_hash = $1 AND expiry > $2`,
		auth.HashSecret(token), ms(ss.s.now())).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("find session: %w", err)
	}
	return b, true, nil
}

// CommitCtx stores a session's data and expiry.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := ss.s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, auth.HashSecret(token), b, ms(expiry))
	if err != nil {
		return fmt.Errorf("commit session: %w", err)
	}
	return nil
}

// DeleteCtx removes a session.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	if _, err := ss.s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, auth.HashSecret(token)); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// Find implements scs.Store.
func (ss *SessionStore) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (ss *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (ss *SessionStore) Delete(token string) error { return ss.DeleteCtx(context.Background(), token) }

// DeleteExpired removes expired sessions; run by a background job.
func (ss *SessionStore) DeleteExpired(ctx context.Context) (int64, error) {
	res, err := ss.s.db.ExecContext(ctx, `DELETE FROM sessions WHERE expiry <= $1`, ms(ss.s.now()))
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
