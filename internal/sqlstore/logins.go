package sqlstore

import (
	"context"
	"fmt"
	"time"
)

// RecordLoginAttempt stores one sign-in attempt by username hash and client address.
func (tx *Tx) RecordLoginAttempt(ctx context.Context, usernameHash, address string, at time.Time, ok bool) error {
	_, err := tx.q.ExecContext(ctx, `INSERT INTO login_attempts (username_hash, address, at, ok) VALUES ($1, $2, $3, $4)`,
		usernameHash, address, ms(at), b2i(ok))
	if err != nil {
		return fmt.Errorf("record login attempt: %w", err)
	}
	return nil
}

// FailedLogins counts failed attempts for a username hash since a time, stopping at
// the last successful one (a success clears the count).
func (q *Queries) FailedLogins(ctx context.Context, usernameHash string, since time.Time) (int, error) {
	var n int
	err := q.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_attempts WHERE username_hash = $1 AND ok = 0 AND at >= $2
		AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE username_hash = $1 AND ok = 1), 0)`, usernameHash, ms(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count failed logins: %w", err)
	}
	return n, nil
}

// FailedLoginsFrom counts failed attempts from an address since a time.
func (q *Queries) FailedLoginsFrom(ctx context.Context, address string, since time.Time) (int, error) {
	var n int
	err := q.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_attempts WHERE address = $1 AND ok = 0 AND at >= $2`, address, ms(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count failed logins from address: %w", err)
	}
	return n, nil
}

// PruneLoginAttempts deletes attempts older than a time.
func (q *Queries) PruneLoginAttempts(ctx context.Context, before time.Time) error {
	if _, err := q.q.ExecContext(ctx, `DELETE FROM login_attempts WHERE at < $1`, ms(before)); err != nil {
		return fmt.Errorf("prune login attempts: %w", err)
	}
	return nil
}

// AcquireLease takes or renews the named lease for holder until a time, when it is free,
// expired or already held by holder. Background jobs run only while holding their lease.
func (q *Queries) AcquireLease(ctx context.Context, name, holder string, now, until time.Time) (bool, error) {
	res, err := q.q.ExecContext(ctx, `INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
		WHERE leases.holder = excluded.holder OR leases.until < $4`, name, holder, ms(until), ms(now))
	if err != nil {
		return false, fmt.Errorf("acquire lease %s: %w", name, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}
