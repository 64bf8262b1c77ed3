package sqlstore

import (
	"context"
	"fmt"
)

// ChangeHead returns the sequence number of the last change-log row. An
// in-memory index that reads it before loading, then follows ChangesSince
// from it, misses no change made during the load.
func (q *Queries) ChangeHead(ctx context.Context) (int64, error) {
	var seq int64
	if err := q.q.QueryRowContext(ctx, `SELECT change_seq FROM log_head WHERE id = 1`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("change head: %w", err)
	}
	return seq, nil
}

// personPage is the number of records EachPerson reads per query.
const personPage = 2000

// EachPerson calls fn for every live Person record, in storage order, with
// its named distribution loaded, reading pages of records so that memory
// stays bounded whatever the register's size. It stops at fn's first error.
// It reads outside any transaction: pages are consistent one by one, and the
// caller follows the change log for what changed meanwhile.
func (q *Queries) EachPerson(ctx context.Context, fn func(*StoredRecord) error) error {
	var after int64
	for {
		rs, err := q.queryRecords(ctx, `SELECT `+recordCols+recordFrom+` WHERE r.schema = 'Person' AND r.archived = 0 AND r.seq > $1
			ORDER BY r.seq LIMIT $2`, after, personPage)
		if err != nil {
			return fmt.Errorf("persons after %d: %w", after, err)
		}
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(rs) < personPage {
			return nil
		}
		after = rs[len(rs)-1].Seq
	}
}
