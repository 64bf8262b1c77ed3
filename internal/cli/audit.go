package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

func runAudit(ctx context.Context, args []string, env Env) error {
	if len(args) < 1 {
		return usagef("usage: iforce audit verify|checkpoint|rotate-key")
	}
	var cfg Config
	fs := flags("audit "+args[0], &cfg, env)
	switch args[0] {
	case "verify":
		pub := fs.String("public-key", "", "verify with this published key instead of the node's own")
		if err := parse(fs, args[1:], &cfg, env); err != nil {
			return err
		}
		return auditVerify(ctx, cfg, *pub, env)
	case "rotate-key":
		if err := parse(fs, args[1:], &cfg, env); err != nil {
			return err
		}
		return auditRotateKey(ctx, cfg, env)
	case "checkpoint":
		if err := parse(fs, args[1:], &cfg, env); err != nil {
			return err
		}
		n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
		if err != nil {
			return err
		}
		defer n.Close()
		cp, err := n.store.Read().LatestCheckpoint(ctx)
		if err != nil {
			return err
		}
		fmt.Fprint(env.Stdout, cp)
		return nil
	}
	return usagef("unknown command: iforce audit %s", args[0])
}

// auditRotateKey replaces the node's audit signing key, keeps the old public key
// among the retired ones, and records the rotation in the log, whose head the new
// key then signs.
func auditRotateKey(ctx context.Context, cfg Config, env Env) error {
	old, cur, err := audit.RotateKey(cfg.AuditKey)
	if err != nil {
		return err
	}
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
	if err != nil {
		return err
	}
	defer n.Close()
	if err := n.app.RecordKeyRotation(system(ctx), old.Public, cur.Public); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "audit key rotated: new public key %s (in %s.pub); the old one is kept in %s%s.\n",
		cur.Public, cfg.AuditKey, cfg.AuditKey, audit.RetiredSuffix)
	fmt.Fprintln(env.Stdout, "copy the key file and the retired file to every node of the cluster, and give witnesses the new public key")
	return nil
}

// auditVerify checks the whole log. With a published key it opens the store read-only
// in spirit (no audit entry is written, so a witness can verify a copy).
func auditVerify(ctx context.Context, cfg Config, pubFile string, env Env) error {
	if pubFile != "" {
		b, err := os.ReadFile(pubFile)
		if err != nil {
			return fmt.Errorf("read public key: %w", err)
		}
		v, err := audit.ParseVerifiers(string(b))
		if err != nil {
			return err
		}
		st, err := sqlstore.Open(ctx, sqlstore.Config{Database: cfg.Database, DataDir: cfg.Data})
		if err != nil {
			return err
		}
		defer st.Close()
		rep, err := st.VerifyAudit(ctx, v)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, rep)
		return nil
	}
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
	if err != nil {
		return err
	}
	defer n.Close()
	rep, err := n.app.VerifyAudit(system(ctx))
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, rep)
	return nil
}
