package app

import (
	"context"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// AuditFilter selects audit entries.
type AuditFilter = sqlstore.AuditFilter

// AuditEntries returns audit entries for the auditor, newest first. Reading the trail is
// itself audited.
func (a *App) AuditEntries(ctx context.Context, f AuditFilter) ([]audit.Entry, error) {
	var out []audit.Entry
	err := a.write(ctx, access.AuditRead, "audit", "", func(tx *sqlstore.Tx) (string, error) {
		var err error
		out, err = tx.AuditEntries(ctx, f)
		return "", err
	})
	return out, err
}

// RecordKeyRotation writes the audit entry of a rotation of the audit signing key
// (node operator only), naming the retired and the new key. Its transaction signs the
// log's head with the new key, after checking the old head with the retired one.
func (a *App) RecordKeyRotation(ctx context.Context, retired, current string) error {
	d, err := a.authorize(ctx, access.AuditKeyRotate, "audit", "")
	if err != nil {
		return err
	}
	d.Rule = "retired " + retired + "; signing with " + current
	return a.wrap(a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		tx.Audit(entry(ctx, access.AuditKeyRotate, "audit", "", d))
		return nil
	}))
}

// VerifyAudit recomputes the audit tree and checks every signed checkpoint. The result
// of the verification is itself audited (after it, so that it does not change the log
// under verification).
func (a *App) VerifyAudit(ctx context.Context) (audit.Report, error) {
	d, err := a.authorize(ctx, access.AuditVerify, "audit", "")
	if err != nil {
		return audit.Report{}, err
	}
	rep, verr := a.store.VerifyAudit(ctx, a.keys.Verifiers)
	d.Rule = "intact"
	if verr != nil {
		d.Rule = "verification failed"
	}
	if err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		tx.Audit(entry(ctx, access.AuditVerify, "audit", "", d))
		return nil
	}); err != nil && verr == nil {
		return rep, a.wrap(err)
	}
	return rep, verr
}
