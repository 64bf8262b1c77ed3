package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/iforce-platform/iforce/internal/iforce"
)

const agencyCols = `id, code, name, country, kind, active, created_at`

func scanAgency(row interface{ Scan(...any) error }) (*iforce.Agency, error) {
	var a iforce.Agency
	var kind string
	var created int64
	if err := row.Scan(&a.ID, &a.Code, &a.Name, &a.Country, &kind, &a.Active, &created); err != nil {
		return nil, err
	}
	a.Kind, a.CreatedAt = iforce.AgencyKind(kind), fromMS(created)
	return &a, nil
}

// Agency returns the agency with the given id, or a NotFound error.
func (q *Queries) Agency(ctx context.Context, id int64) (*iforce.Agency, error) {
	a, err := scanAgency(q.q.QueryRowContext(ctx, `SELECT `+agencyCols+` FROM agencies WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("agency")
	}
	if err != nil {
		return nil, fmt.Errorf("agency %d: %w", id, err)
	}
	return a, nil
}

// AgencyByCode returns the agency with the given code, or a NotFound error.
func (q *Queries) AgencyByCode(ctx context.Context, code string) (*iforce.Agency, error) {
	a, err := scanAgency(q.q.QueryRowContext(ctx, `SELECT `+agencyCols+` FROM agencies WHERE code = $1`, iforce.NormaliseAgencyCode(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("agency " + code)
	}
	if err != nil {
		return nil, fmt.Errorf("agency %s: %w", code, err)
	}
	return a, nil
}

// Agencies returns every agency, ordered by country and code.
func (q *Queries) Agencies(ctx context.Context) ([]*iforce.Agency, error) {
	rows, err := q.q.QueryContext(ctx, `SELECT `+agencyCols+` FROM agencies ORDER BY country, code`)
	if err != nil {
		return nil, fmt.Errorf("agencies: %w", err)
	}
	defer rows.Close()
	var out []*iforce.Agency
	for rows.Next() {
		a, err := scanAgency(rows)
		if err != nil {
			return nil, fmt.Errorf("scan agency: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CreateAgency inserts a validated agency and sets its ID; Conflict when the code exists.
func (tx *Tx) CreateAgency(ctx context.Context, a *iforce.Agency) error {
	a.CreatedAt = tx.now().UTC().Truncate(1e6)
	err := tx.q.QueryRowContext(ctx, `INSERT INTO agencies (code, name, country, kind, active, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, a.Code, a.Name, a.Country, string(a.Kind), b2i(a.Active), ms(a.CreatedAt)).Scan(&a.ID)
	if isUnique(err) {
		return &iforce.Error{Kind: iforce.KindConflict, Message: "agency exists", Fields: []iforce.FieldProblem{{Field: "code", Problem: "an agency with this code exists"}}}
	}
	if err != nil {
		return fmt.Errorf("insert agency: %w", err)
	}
	tx.Changed("agency", a.ID, "create")
	return nil
}

// UpdateAgency stores name, country, kind and active of an existing agency.
func (tx *Tx) UpdateAgency(ctx context.Context, a *iforce.Agency) error {
	res, err := tx.q.ExecContext(ctx, `UPDATE agencies SET name = $1, country = $2, kind = $3, active = $4 WHERE id = $5`,
		a.Name, a.Country, string(a.Kind), b2i(a.Active), a.ID)
	if err != nil {
		return fmt.Errorf("update agency: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return iforce.NotFound("agency")
	}
	tx.Changed("agency", a.ID, "update")
	return nil
}
