package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
)

// RecordFilter selects records for a list or search. Visibility is the principal's read
// rule; the store renders it over RecordColumns, so the list shows exactly what a read
// would allow.
type RecordFilter struct {
	Visibility access.Visibility
	Schema     string
	Category   string
	CrimeArea  string
	Owner      int64 // owner agency id, 0 for any
	// Keys: each group is a set of alternative keys; a record must match one key of
	// every group (name tokens are AND-ed) — or one of AltKeys (the readings of the
	// whole query as an identifier).
	Keys     [][]string
	AltKeys  []string
	Archived bool  // list archived records instead of live ones
	Before   int64 // cursor: records with seq < Before; 0 = newest
	Limit    int
}

// MaxRecordPage bounds a page of records.
const MaxRecordPage = 200

// Records returns the visible records matching f, newest first.
func (q *Queries) Records(ctx context.Context, f RecordFilter) ([]*StoredRecord, error) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	vis, vargs := f.Visibility.SQL(RecordColumns, 1)
	conds = append(conds, vis)
	args = append(args, vargs...)
	conds = append(conds, "r.archived = "+arg(b2i(f.Archived)))
	if f.Schema != "" {
		conds = append(conds, "r.schema = "+arg(f.Schema))
	}
	if f.Category != "" {
		conds = append(conds, "r.category = "+arg(f.Category))
	}
	if f.Owner != 0 {
		conds = append(conds, "r.owner_id = "+arg(f.Owner))
	}
	if f.CrimeArea != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM record_crime_areas ca WHERE ca.record_seq = r.seq AND ca.area = "+arg(f.CrimeArea)+")")
	}
	// A search is driven from its most selective key set when that set is small: the
	// matching records are looked up and sorted. When every key is frequent (a common
	// name), the records are scanned newest first and each tested with index lookups
	// (EXISTS), which finds a page quickly without materialising large key sets.
	drive, err := q.drivingKeys(ctx, f)
	if err != nil {
		return nil, err
	}
	inKeys := func(keys []string) string {
		ph := make([]string, len(keys))
		for i, k := range keys {
			ph[i] = arg(k)
		}
		return "EXISTS (SELECT 1 FROM record_keys rk WHERE rk.key IN (" + strings.Join(ph, ", ") + ") AND rk.record_seq = r.seq)"
	}
	var groups []string
	for _, group := range f.Keys {
		groups = append(groups, inKeys(group))
	}
	switch {
	case len(groups) > 0 && len(f.AltKeys) > 0:
		conds = append(conds, "(("+strings.Join(groups, " AND ")+") OR "+inKeys(f.AltKeys)+")")
	case len(groups) > 0:
		conds = append(conds, groups...)
	case len(f.AltKeys) > 0:
		conds = append(conds, inKeys(f.AltKeys))
	}
	from := recordFrom
	if drive != nil {
		ph := make([]string, len(drive))
		for i, k := range drive {
			ph[i] = arg(k)
		}
		from = ` FROM (SELECT DISTINCT rk.record_seq FROM record_keys rk WHERE rk.key IN (` + strings.Join(ph, ", ") + `)) d
			CROSS JOIN records r JOIN agencies a ON a.id = r.owner_id`
		conds = append(conds, "r.seq = d.record_seq")
	}
	if f.Before > 0 {
		conds = append(conds, "r.seq < "+arg(f.Before))
	}
	if f.Limit <= 0 || f.Limit > MaxRecordPage {
		f.Limit = 50
	}
	query := `SELECT ` + recordCols + from + ` WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY r.seq DESC LIMIT ` + arg(f.Limit)
	out, err := q.queryRecords(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("records: %w", err)
	}
	return out, nil
}

// DrivingLimit is the largest key set a search is driven from; larger sets are tested
// while scanning records newest first.
const DrivingLimit = 1000

// drivingKeys picks the key set to drive a search from: the smallest name-token group
// (with the identifier readings, which are alternatives), if it has fewer than
// DrivingLimit postings; nil when there are no keys or every group is frequent.
// Counting stops at DrivingLimit, so the estimate is cheap.
func (q *Queries) drivingKeys(ctx context.Context, f RecordFilter) ([]string, error) {
	if len(f.Keys) == 0 && len(f.AltKeys) == 0 {
		return nil, nil
	}
	count := func(keys []string) (int, error) {
		args := make([]any, len(keys))
		ph := make([]string, len(keys))
		for i, k := range keys {
			args[i], ph[i] = k, fmt.Sprintf("$%d", i+1)
		}
		var n int
		err := q.q.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) FROM (SELECT 1 FROM record_keys WHERE key IN (%s) LIMIT %d) c`,
			strings.Join(ph, ", "), DrivingLimit), args...).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("estimate keys: %w", err)
		}
		return n, nil
	}
	var best []string
	bestN := DrivingLimit
	groups := f.Keys
	if len(groups) == 0 {
		groups = [][]string{nil}
	}
	for _, g := range groups {
		keys := append(append([]string{}, g...), f.AltKeys...)
		n, err := count(keys)
		if err != nil {
			return nil, err
		}
		if n < bestN {
			best, bestN = keys, n
		}
	}
	return best, nil
}

// ReferencesTo returns the visible live records that reference id (links, and
// documents whose holder it is), newest first, at most limit.
func (q *Queries) ReferencesTo(ctx context.Context, v access.Visibility, id string, limit int) ([]*StoredRecord, error) {
	vis, args := v.SQL(RecordColumns, 1)
	args = append(args, id, limit)
	n := len(args)
	out, err := q.queryRecords(ctx, `SELECT `+recordCols+recordFrom+` WHERE `+vis+` AND r.archived = 0
		AND r.seq IN (SELECT rl.link_seq FROM record_links rl WHERE rl.end_id = $`+fmt.Sprint(n-1)+`) ORDER BY r.seq DESC LIMIT $`+fmt.Sprint(n), args...)
	if err != nil {
		return nil, fmt.Errorf("references: %w", err)
	}
	return out, nil
}

// ReviewDue returns an owner's live records whose review date is on or before date,
// earliest first.
func (q *Queries) ReviewDue(ctx context.Context, ownerID int64, date string, limit int) ([]*StoredRecord, error) {
	out, err := q.queryRecords(ctx, `SELECT `+recordCols+recordFrom+` WHERE r.owner_id = $1 AND r.archived = 0 AND r.review_date <= $2
		ORDER BY r.review_date, r.seq LIMIT $3`, ownerID, date, limit)
	if err != nil {
		return nil, fmt.Errorf("review due: %w", err)
	}
	return out, nil
}

// queryRecords runs a query selecting recordCols and loads the records' distributions.
func (q *Queries) queryRecords(ctx context.Context, query string, args ...any) ([]*StoredRecord, error) {
	rows, err := q.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []*StoredRecord
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, q.fillAgencies(ctx, out)
}
