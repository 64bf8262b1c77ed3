package app

import (
	"context"
	"strconv"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// AuditTrail is a page of the audit trail as the auditor's screen shows it.
type AuditTrail struct {
	Entries []audit.Entry // matching the filter, newest first
	Size    int64         // entries in the whole log
	// LastVerification is the entry of the latest integrity verification that ran
	// (its Reason says "intact" or "verification failed"), nil when none ran yet.
	LastVerification *audit.Entry
	// Actors names the users behind the entries' actors ("user:17" →
	// "olena (Олена Коваленко)"), so that the auditor need not look them up.
	Actors map[string]string
}

// actorUser returns the user id of an actor "user:17" or "user:17/token:…".
func actorUser(actor string) (int64, bool) {
	rest, ok := strings.CutPrefix(actor, "user:")
	if !ok {
		return 0, false
	}
	rest, _, _ = strings.Cut(rest, "/")
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// AuditTrail returns the audit entries matching f with the size of the log and the
// outcome of the last integrity verification, for the auditor. Reading the trail is
// itself audited, as with AuditEntries.
func (a *App) AuditTrail(ctx context.Context, f AuditFilter) (*AuditTrail, error) {
	out := &AuditTrail{}
	err := a.write(ctx, access.AuditRead, "audit", "", func(tx *sqlstore.Tx) (string, error) {
		var err error
		if out.Entries, err = tx.AuditEntries(ctx, f); err != nil {
			return "", err
		}
		if out.Size, err = tx.AuditSize(ctx); err != nil {
			return "", err
		}
		if out.LastVerification, err = lastVerification(ctx, tx); err != nil {
			return "", err
		}
		out.Actors = map[string]string{}
		actors := make([]string, 0, len(out.Entries)+1)
		for _, e := range out.Entries {
			actors = append(actors, e.Actor)
		}
		if out.LastVerification != nil {
			actors = append(actors, out.LastVerification.Actor)
		}
		for _, actor := range actors {
			id, ok := actorUser(actor)
			if _, done := out.Actors[actor]; !ok || done {
				continue
			}
			u, err := tx.User(ctx, id)
			if iforce.IsKind(err, iforce.KindNotFound) {
				continue
			}
			if err != nil {
				return "", err
			}
			out.Actors[actor] = u.Username + " (" + u.Name + ")"
		}
		return "", nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// lastVerification finds the newest verification that was allowed to run, skipping
// refusals; it looks at no more than a thousand verification entries.
func lastVerification(ctx context.Context, tx *sqlstore.Tx) (*audit.Entry, error) {
	f := AuditFilter{Action: string(access.AuditVerify), Limit: 100}
	for range 10 {
		list, err := tx.AuditEntries(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, e := range list {
			if e.Action == string(access.AuditVerify) && e.Decision == audit.Allow {
				return &e, nil
			}
		}
		if len(list) < f.Limit || list[len(list)-1].Seq == 0 {
			return nil, nil
		}
		f.Before = list[len(list)-1].Seq
	}
	return nil, nil
}
