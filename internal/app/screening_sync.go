package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// ScreeningInterval is how often SyncScreening follows the change log.
// Screen also catches up before searching (one query on the change log when
// nothing changed), so a screen always sees the writes that preceded it.
const ScreeningInterval = 250 * time.Millisecond

// changeBatch is the number of change-log rows read at once.
const changeBatch = 1000

// screenState is the screening index and how far it follows the change log.
// The index is a cache: every process builds its own from the database and
// follows the shared change log, so the processes of a cluster converge.
type screenState struct {
	idx    *screening.Index
	mu     sync.Mutex // serialises loading and catching up
	loaded bool
	seq    int64 // last change-log row applied
}

func newScreenState(idx *screening.Index) *screenState {
	if idx == nil {
		return nil
	}
	return &screenState{idx: idx}
}

// SyncScreening loads the screening index from the store, then follows the
// change log every interval (ScreeningInterval when zero) until ctx ends. An
// error of one round is logged and retried at the next. Without an index it
// returns at once.
func (a *App) SyncScreening(ctx context.Context, interval time.Duration) {
	if a.screen == nil {
		return
	}
	if interval <= 0 {
		interval = ScreeningInterval
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if err := a.catchUpScreening(ctx); err != nil && ctx.Err() == nil {
			a.log.Warn("screening index: sync", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// LoadScreening brings the screening index up to date now (loading it on first use),
// so that a batch job can time its work apart from the load. Without an index it does
// nothing.
func (a *App) LoadScreening(ctx context.Context) error {
	if a.screen == nil {
		return nil
	}
	return a.wrap(a.catchUpScreening(ctx))
}

// catchUpScreening loads the index on first use, then applies the changes
// logged since the last round: each changed record is read again and indexed
// when it is a live person, removed otherwise.
func (a *App) catchUpScreening(ctx context.Context) error {
	s := a.screen
	s.mu.Lock()
	defer s.mu.Unlock()
	q := a.store.Read()
	if !s.loaded {
		head, err := q.ChangeHead(ctx)
		if err != nil {
			return err
		}
		if err := q.EachPerson(ctx, func(r *sqlstore.StoredRecord) error {
			if p, ok := screening.FromRecord(r.Record, r.AgencyIDs); ok {
				s.idx.Add(p)
			}
			return ctx.Err()
		}); err != nil {
			return fmt.Errorf("load screening index: %w", err)
		}
		s.idx.Optimize()
		s.loaded, s.seq = true, head
	}
	for {
		cs, err := q.ChangesSince(ctx, s.seq, changeBatch)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, c := range cs {
			if c.Entity != "record" || seen[c.EntityID] {
				continue
			}
			seen[c.EntityID] = true
			if err := a.reindex(ctx, q, c.EntityID); err != nil {
				return err
			}
		}
		if len(cs) > 0 {
			s.seq = cs[len(cs)-1].Seq
		}
		if len(cs) < changeBatch {
			break
		}
	}
	return nil
}

// reindex brings one record's entry up to date.
func (a *App) reindex(ctx context.Context, q *sqlstore.Queries, id string) error {
	r, err := q.Record(ctx, id)
	if iforce.IsKind(err, iforce.KindNotFound) {
		a.screen.idx.Remove(id)
		return nil
	}
	if err != nil {
		return fmt.Errorf("reindex %s: %w", id, err)
	}
	if p, ok := screening.FromRecord(r.Record, r.AgencyIDs); ok {
		a.screen.idx.Update(p)
	} else {
		a.screen.idx.Remove(id)
	}
	return nil
}
