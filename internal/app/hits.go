package app

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Hit is a finding on another agency's record, as its owner or its checker sees it.
type Hit = sqlstore.Hit

// HitQuery selects hits for the principal's agency.
type HitQuery struct {
	Side    string // "owner" (hits on our records, the queue) or "checker" (hits our checks produced)
	Status  string // pending, confirmed, rejected, or "" for all
	Overdue bool   // pending hits past their deadline
	Cursor  int64
	Limit   int
}

// HitPage is a page of hits with the queue's counters.
type HitPage struct {
	Hits    []*Hit
	Next    int64
	Pending int
	Overdue int
}

// Hits lists the hits of the principal's agency: the queue of hits on its records to
// confirm or reject, or the hits its own checks produced with their decisions. A
// checker never sees the record id of a hit/no-hit finding.
func (a *App) Hits(ctx context.Context, q HitQuery) (*HitPage, error) {
	p := PrincipalFrom(ctx)
	if _, err := a.authorize(ctx, access.RecordCheck, "hit", "list"); err != nil {
		return nil, err
	}
	f := sqlstore.HitFilter{Status: q.Status, Before: q.Cursor, Limit: q.Limit}
	switch q.Side {
	case "", "owner":
		f.Owner = p.AgencyID
	case "checker":
		f.Checker = p.AgencyID
	default:
		return nil, invalidField("side", "must be owner or checker")
	}
	if q.Status != "" && q.Status != sqlstore.HitPending && q.Status != sqlstore.HitConfirmed && q.Status != sqlstore.HitRejected {
		return nil, invalidField("status", "must be pending, confirmed or rejected")
	}
	now := a.now()
	if q.Overdue {
		f.Overdue = now
	}
	page := &HitPage{}
	err := a.write(ctx, access.RecordCheck, "hit", "list:"+q.Side, func(tx *sqlstore.Tx) (string, error) {
		var err error
		if page.Hits, page.Next, err = tx.Hits(ctx, f); err != nil {
			return "", err
		}
		counts := sqlstore.HitFilter{Owner: f.Owner, Checker: f.Checker, Status: sqlstore.HitPending}
		if page.Pending, err = tx.CountHits(ctx, counts); err != nil {
			return "", err
		}
		counts.Status, counts.Overdue = "", now
		page.Overdue, err = tx.CountHits(ctx, counts)
		return "", err
	})
	if err != nil {
		return nil, err
	}
	for _, h := range page.Hits {
		if h.PresenceOnly && h.OwnerID != p.AgencyID {
			h.RecordID = ""
		}
	}
	return page, nil
}

// hitFor loads a hit that the principal's agency owns or produced; any other hit is
// NotFound.
func (a *App) hitFor(ctx context.Context, tx *sqlstore.Tx, id string) (*Hit, error) {
	p := PrincipalFrom(ctx)
	h, err := tx.Hit(ctx, id)
	if err != nil {
		return nil, err
	}
	if h.OwnerID != p.AgencyID && h.CheckerID != p.AgencyID {
		return nil, iforce.NotFound("hit")
	}
	return h, nil
}

// DecideHit confirms or rejects a pending hit with a note. Only the owner agency of the
// record decides; the checking agency sees the decision.
func (a *App) DecideHit(ctx context.Context, id string, confirm bool, note string) (*Hit, error) {
	p := PrincipalFrom(ctx)
	if _, err := a.authorize(ctx, access.HitDecide, "hit", id); err != nil {
		return nil, err
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 2000 {
		return nil, invalidField("note", "must be at most 2000 characters")
	}
	status := sqlstore.HitRejected
	if confirm {
		status = sqlstore.HitConfirmed
	}
	var out *Hit
	err := a.write(ctx, access.HitDecide, "hit", id, func(tx *sqlstore.Tx) (string, error) {
		h, err := a.hitFor(ctx, tx, id)
		if err != nil {
			return "", err
		}
		if h.OwnerID != p.AgencyID {
			return "", iforce.Errorf(iforce.KindForbidden, "only the owner of the record confirms or rejects a hit")
		}
		now := a.now().UTC().Truncate(time.Millisecond)
		if err := tx.DecideHit(ctx, id, status, p.UserID, now, note); err != nil {
			return "", err
		}
		h.Status, h.DecidedBy, h.DecidedAt, h.Note = status, p.UserID, now, note
		out = h
		return id, nil
	})
	return out, err
}

// RequestFollowUp is the checking agency's request to the owner for the data behind a
// hit (the next step after a hit/no-hit answer). The owner sees it in its queue.
func (a *App) RequestFollowUp(ctx context.Context, id string) (*Hit, error) {
	p := PrincipalFrom(ctx)
	var out *Hit
	err := a.write(ctx, access.RecordCheck, "hit", id, func(tx *sqlstore.Tx) (string, error) {
		h, err := a.hitFor(ctx, tx, id)
		if err != nil {
			return "", err
		}
		if h.CheckerID != p.AgencyID {
			return "", iforce.Errorf(iforce.KindForbidden, "only the checking agency asks for a follow-up")
		}
		if err := tx.RequestFollowUp(ctx, id); err != nil {
			return "", err
		}
		h.FollowUp = true
		if h.PresenceOnly {
			h.RecordID = ""
		}
		out = h
		return id, nil
	})
	return out, err
}
