package app

import (
	"context"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// AuditTrail is a page of the audit trail as the auditor's screen shows it.
type AuditTrail struct {
	Entries []audit.Entry // matching the filter, newest first
	Size    int64         // entries in the whole log
	// LastVerification is the entry of the latest integrity verification that ran
	// (its Reason says "intact" or "verification failed"), nil when none ran yet.
	LastVerification *audit.Entry
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
		out.LastVerification, err = lastVerification(ctx, tx)
		return "", err
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
