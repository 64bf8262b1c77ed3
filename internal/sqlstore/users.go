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

const userCols = `u.id, u.username, u.name, u.agency_id, a.code, u.roles, u.clearances, u.disabled, u.mfa_enabled, u.locale, u.created_at, u.last_login_at`

const userFrom = ` FROM users u JOIN agencies a ON a.id = u.agency_id`

func scanUser(row interface{ Scan(...any) error }) (*iforce.User, error) {
	var u iforce.User
	var roles, clearances string
	var created, last int64
	if err := row.Scan(&u.ID, &u.Username, &u.Name, &u.AgencyID, &u.Agency, &roles, &clearances, &u.Disabled, &u.MFAEnabled, &u.Locale, &created, &last); err != nil {
		return nil, err
	}
	for _, r := range split(roles) {
		u.Roles = append(u.Roles, iforce.Role(r))
	}
	for _, c := range split(clearances) {
		u.Clearances = append(u.Clearances, iforce.Clearance(c))
	}
	u.CreatedAt, u.LastLoginAt = fromMS(created), fromMS(last)
	return &u, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func join[T ~string](xs []T) string {
	ss := make([]string, len(xs))
	for i, x := range xs {
		ss[i] = string(x)
	}
	return strings.Join(ss, ",")
}

// User returns the user with the given id, or NotFound.
func (q *Queries) User(ctx context.Context, id int64) (*iforce.User, error) {
	return q.userWhere(ctx, `u.id = $1`, id)
}

// UserByUsername returns the user with the given username, or NotFound.
func (q *Queries) UserByUsername(ctx context.Context, username string) (*iforce.User, error) {
	return q.userWhere(ctx, `u.username = $1`, iforce.NormaliseUsername(username))
}

func (q *Queries) userWhere(ctx context.Context, where string, arg any) (*iforce.User, error) {
	u, err := scanUser(q.q.QueryRowContext(ctx, `SELECT `+userCols+userFrom+` WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("user")
	}
	if err != nil {
		return nil, fmt.Errorf("user: %w", err)
	}
	return u, nil
}

// Users returns the users of an agency (all agencies when agencyID is 0), by username.
func (q *Queries) Users(ctx context.Context, agencyID int64) ([]*iforce.User, error) {
	rows, err := q.q.QueryContext(ctx, `SELECT `+userCols+userFrom+` WHERE $1 = 0 OR u.agency_id = $1 ORDER BY u.username`, agencyID)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer rows.Close()
	var out []*iforce.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("scan user: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Credentials are the secrets of a user, read only to authenticate.
type Credentials struct {
	PasswordHash string
	MFASecret    string
	MFALastStep  int64
}

// UserCredentials returns the secrets of a user.
func (q *Queries) UserCredentials(ctx context.Context, id int64) (*Credentials, error) {
	var c Credentials
	err := q.q.QueryRowContext(ctx, `SELECT password_hash, mfa_secret, mfa_last_step FROM users WHERE id = $1`, id).
		Scan(&c.PasswordHash, &c.MFASecret, &c.MFALastStep)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("user")
	}
	if err != nil {
		return nil, fmt.Errorf("user credentials: %w", err)
	}
	return &c, nil
}

// CreateUser inserts a validated user with a password hash and sets its ID.
func (tx *Tx) CreateUser(ctx context.Context, u *iforce.User, passwordHash string) error {
	u.CreatedAt = tx.now().UTC().Truncate(time.Millisecond)
	err := tx.q.QueryRowContext(ctx, `INSERT INTO users (username, name, agency_id, roles, clearances, password_hash, disabled, locale, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		u.Username, u.Name, u.AgencyID, join(u.Roles), join(u.Clearances), passwordHash, b2i(u.Disabled), u.Locale, ms(u.CreatedAt)).Scan(&u.ID)
	if isUnique(err) {
		return &iforce.Error{Kind: iforce.KindConflict, Message: "user exists", Fields: []iforce.FieldProblem{{Field: "username", Problem: "a user with this username exists"}}}
	}
	if err != nil {
		return fmt.Errorf("insert user: %w", err)
	}
	tx.Changed("user", u.ID, "create")
	return nil
}

// UpdateUser stores the profile, roles, clearances, disabled flag and locale of a user.
func (tx *Tx) UpdateUser(ctx context.Context, u *iforce.User) error {
	return tx.execUser(ctx, u.ID, `UPDATE users SET name = $1, agency_id = $2, roles = $3, clearances = $4, disabled = $5, locale = $6 WHERE id = $7`,
		u.Name, u.AgencyID, join(u.Roles), join(u.Clearances), b2i(u.Disabled), u.Locale, u.ID)
}

// SetPassword stores a new password hash.
func (tx *Tx) SetPassword(ctx context.Context, id int64, hash string) error {
	return tx.execUser(ctx, id, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, id)
}

// SetMFA stores the TOTP secret and whether enrolment is complete; an empty secret
// resets the second factor so that the next sign-in enrols again.
func (tx *Tx) SetMFA(ctx context.Context, id int64, secret string, enabled bool) error {
	return tx.execUser(ctx, id, `UPDATE users SET mfa_secret = $1, mfa_enabled = $2, mfa_last_step = 0 WHERE id = $3`, secret, b2i(enabled), id)
}

// UseMFAStep records the TOTP time step just used, refusing reuse of the same or an
// earlier step (a replayed code). It reports whether the step was accepted.
func (tx *Tx) UseMFAStep(ctx context.Context, id, step int64) (bool, error) {
	res, err := tx.q.ExecContext(ctx, `UPDATE users SET mfa_last_step = $1 WHERE id = $2 AND mfa_last_step < $1`, step, id)
	if err != nil {
		return false, fmt.Errorf("use mfa step: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// RecordLogin sets the time of the last successful sign-in.
func (tx *Tx) RecordLogin(ctx context.Context, id int64, at time.Time) error {
	return tx.execUser(ctx, id, `UPDATE users SET last_login_at = $1 WHERE id = $2`, ms(at), id)
}

func (tx *Tx) execUser(ctx context.Context, id int64, query string, args ...any) error {
	res, err := tx.q.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("update user: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return iforce.NotFound("user")
	}
	tx.Changed("user", id, "update")
	return nil
}
