package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
)

const tokenCols = `id, user_id, name, roles, created_at, expires_at, revoked_at, last_used_at`

func scanToken(row interface{ Scan(...any) error }) (*iforce.Token, error) {
	var t iforce.Token
	var c, e, r, l int64
	var roles string
	if err := row.Scan(&t.ID, &t.UserID, &t.Name, &roles, &c, &e, &r, &l); err != nil {
		return nil, err
	}
	for _, x := range split(roles) {
		t.Roles = append(t.Roles, iforce.Role(x))
	}
	t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt = fromMS(c), fromMS(e), fromMS(r), fromMS(l)
	return &t, nil
}

// CreateToken stores a token with the hash of its secret.
func (tx *Tx) CreateToken(ctx context.Context, t *iforce.Token, secretHash string) error {
	_, err := tx.q.ExecContext(ctx, `INSERT INTO api_tokens (id, user_id, name, roles, secret_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		t.ID, t.UserID, t.Name, join(t.Roles), secretHash, ms(t.CreatedAt), ms(t.ExpiresAt))
	if err != nil {
		return fmt.Errorf("insert token: %w", err)
	}
	tx.changes = append(tx.changes, change{"token", t.ID, "create"})
	return nil
}

// TokenBySecretHash returns the token whose secret hashes to h, or NotFound.
func (q *Queries) TokenBySecretHash(ctx context.Context, h string) (*iforce.Token, error) {
	t, err := scanToken(q.q.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE secret_hash = $1`, h))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("token")
	}
	if err != nil {
		return nil, fmt.Errorf("token: %w", err)
	}
	return t, nil
}

// Token returns a token by id, or NotFound.
func (q *Queries) Token(ctx context.Context, id string) (*iforce.Token, error) {
	t, err := scanToken(q.q.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("token")
	}
	if err != nil {
		return nil, fmt.Errorf("token: %w", err)
	}
	return t, nil
}

// Tokens returns a user's tokens, newest first.
func (q *Queries) Tokens(ctx context.Context, userID int64) ([]*iforce.Token, error) {
	rows, err := q.q.QueryContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	defer rows.Close()
	var out []*iforce.Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("scan token: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken marks a token revoked at time at; NotFound when it does not exist.
func (tx *Tx) RevokeToken(ctx context.Context, id string, at time.Time) error {
	res, err := tx.q.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at = 0`, ms(at), id)
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return iforce.NotFound("token")
	}
	tx.changes = append(tx.changes, change{"token", id, "revoke"})
	return nil
}

// TouchToken records a token's last use, at most once a minute to spare writes.
func (q *Queries) TouchToken(ctx context.Context, id string, at time.Time) error {
	_, err := q.q.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND last_used_at < $3`, ms(at), id, ms(at.Add(-time.Minute)))
	if err != nil {
		return fmt.Errorf("touch token: %w", err)
	}
	return nil
}
