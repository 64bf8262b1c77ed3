package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

func runBackup(ctx context.Context, args []string, env Env) error {
	var cfg Config
	fset := flags("backup", &cfg, env)
	out := fset.String("out", "", "backup file to write (must not exist)")
	if err := parse(fset, args, &cfg, env); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE is required")
	}
	if _, err := os.Stat(*out); err == nil {
		return usagef("%s exists; choose a new file", *out)
	}
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
	if err != nil {
		return err
	}
	defer n.Close()
	if n.store.Engine() != sqlstore.SQLite {
		return usagef("backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see docs/operations.md)")
	}
	abs, err := filepath.Abs(*out)
	if err != nil {
		return fmt.Errorf("backup path: %w", err)
	}
	// VACUUM INTO writes a consistent, compacted copy while the node keeps serving.
	if _, err := n.store.DB().ExecContext(ctx, `VACUUM INTO $1`, abs); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := checkSQLite(ctx, abs); err != nil {
		return fmt.Errorf("backup written but does not check: %w", err)
	}
	fmt.Fprintf(env.Stdout, "backup written to %s; keep the audit key (%s) with it\n", *out, cfg.AuditKey)
	return nil
}

func runRestore(ctx context.Context, args []string, env Env) error {
	var cfg Config
	fset := flags("restore", &cfg, env)
	in := fset.String("in", "", "backup file to restore")
	if err := parse(fset, args, &cfg, env); err != nil {
		return err
	}
	if *in == "" {
		return usagef("--in FILE is required")
	}
	if cfg.Database != "" {
		return usagef("restore replaces the embedded SQLite database; for PostgreSQL use pg_restore (see docs/operations.md)")
	}
	if err := checkSQLite(ctx, *in); err != nil {
		return fmt.Errorf("%s is not a usable backup: %w", *in, err)
	}
	if err := os.MkdirAll(cfg.Data, 0o700); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	dst := filepath.Join(cfg.Data, sqlstore.SQLiteFile)
	// Copy beside the target, then rename: the database is replaced whole or not at all.
	tmp := dst + ".restore"
	if err := copyFile(*in, tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.Remove(tmp)
			return fmt.Errorf("remove %s: %w", dst+suffix, err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	fmt.Fprintf(env.Stdout, "restored %s into %s; run `iforce audit verify` to check the audit log\n", *in, dst)
	return nil
}

// checkSQLite opens a database file and runs SQLite's integrity check on it.
func checkSQLite(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM log_head`).Scan(&n); err != nil || n != 1 {
		return fmt.Errorf("not an I-FORCE database")
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("open %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return fmt.Errorf("copy: %w", err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("sync: %w", err)
	}
	return out.Close()
}
