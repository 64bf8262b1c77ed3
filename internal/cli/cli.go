// Package cli implements the iforce command: serve, migrate, admin, audit, backup,
// restore and version. Run is the whole program; main only calls it and exits.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Env is the process environment the command sees.
type Env struct {
	Getenv func(string) string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Config is the configuration shared by every command: flags first, then IFORCE_*
// environment variables, then defaults.
type Config struct {
	Data     string // IFORCE_DATA, --data
	Database string // IFORCE_DATABASE, --database
	AuditKey string // IFORCE_AUDIT_KEY, --audit-key
	Addr     string // IFORCE_ADDR, --addr (serve)
	LogLevel string // IFORCE_LOG_LEVEL, --log-level (serve)
}

// Defaults.
const (
	DefaultData = "./iforce-data"
	DefaultAddr = "127.0.0.1:8080"
)

// Usage is printed by help and on usage errors.
const Usage = `iforce: regional law-enforcement cooperation platform

Usage:
  iforce serve [--addr A] [--data DIR] [--database URL] [--demo]
  iforce migrate
  iforce version
  iforce admin agency add --code CODE --name NAME --country CC --kind KIND
  iforce admin agency list
  iforce admin agency set --code CODE [--name N] [--country CC] [--kind K] [--active true|false]
  iforce admin user add --agency CODE --username U --name "Full Name" --role R[,R…] [--clearance C[,C…]] [--locale en|uk|ro]
  iforce admin user list [--agency CODE]
  iforce admin user disable|enable|reset-mfa --username U
  iforce admin token create --username U [--ttl 24h] [--name N] [--role R[,R…]]
  iforce admin token revoke ID
  iforce import --agency CODE --format csv|ftm [--schema S] [--category C] [--scope S] FILE
  iforce screen --agency CODE --in passengers.csv --out results.csv
  iforce demo passengers [--rows N]   (a synthetic passenger list, CSV)
  iforce demo mrz                     (the MRZ of the demo's stolen passport)
  iforce audit verify [--public-key FILE]
  iforce audit checkpoint
  iforce audit rotate-key             (new signing key; the old one verifies its checkpoints)
  iforce backup --out FILE
  iforce restore --in FILE

Every command takes --data DIR (IFORCE_DATA, default ./iforce-data), --database URL
(IFORCE_DATABASE: postgres://… for PostgreSQL; default the embedded SQLite file in the data
directory) and --audit-key FILE (IFORCE_AUDIT_KEY, default DIR/audit.key).
`

// usageError is a command-line mistake; exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Exit codes.
const (
	ExitOK       = 0
	ExitFailure  = 1
	ExitUsage    = 2
	ExitNotFound = 3
	ExitConflict = 4
	ExitTampered = 5
	ExitDenied   = 6
)

// ExitCode maps an error to the process exit code: one table for the CLI.
func ExitCode(err error) int {
	var ue *usageError
	var te *audit.TamperError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		return ExitUsage
	case errors.As(err, &te):
		return ExitTampered
	}
	switch iforce.ErrorKind(err) {
	case iforce.KindInvalid:
		return ExitUsage
	case iforce.KindNotFound:
		return ExitNotFound
	case iforce.KindConflict:
		return ExitConflict
	case iforce.KindForbidden, iforce.KindUnauthenticated:
		return ExitDenied
	}
	return ExitFailure
}

// Run runs the iforce command with args (without the program name).
func Run(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, Usage)
		return usagef("no command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, env)
	case "migrate":
		return runMigrate(ctx, rest, env)
	case "version", "--version":
		fmt.Fprintln(env.Stdout, "iforce", Version())
		return nil
	case "admin":
		return runAdmin(ctx, rest, env)
	case "audit":
		return runAudit(ctx, rest, env)
	case "import":
		return runImport(ctx, rest, env)
	case "screen":
		return runScreen(ctx, rest, env)
	case "demo":
		return runDemo(ctx, rest, env)
	case "backup":
		return runBackup(ctx, rest, env)
	case "restore":
		return runRestore(ctx, rest, env)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, Usage)
		return nil
	}
	fmt.Fprint(env.Stderr, Usage)
	return usagef("unknown command %q", cmd)
}

// Version is the module version and VCS revision the binary was built from.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

// flags returns a flag set with the shared configuration flags bound to cfg.
func flags(name string, cfg *Config, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&cfg.Data, "data", "", "data directory (IFORCE_DATA, default "+DefaultData+")")
	fs.StringVar(&cfg.Database, "database", "", "postgres:// URL (IFORCE_DATABASE); default: SQLite in the data directory")
	fs.StringVar(&cfg.AuditKey, "audit-key", "", "audit signing key file (IFORCE_AUDIT_KEY, default DATA/audit.key)")
	return fs
}

// parse parses args and fills unset values from the environment, then defaults.
func parse(fs *flag.FlagSet, args []string, cfg *Config, env Env) error {
	if err := fs.Parse(args); err != nil {
		return &usageError{err.Error()}
	}
	fill := func(dst *string, envName, def string) {
		if *dst == "" {
			*dst = env.Getenv(envName)
		}
		if *dst == "" {
			*dst = def
		}
	}
	fill(&cfg.Data, "IFORCE_DATA", DefaultData)
	fill(&cfg.Database, "IFORCE_DATABASE", "")
	fill(&cfg.AuditKey, "IFORCE_AUDIT_KEY", filepath.Join(cfg.Data, "audit.key"))
	fill(&cfg.Addr, "IFORCE_ADDR", DefaultAddr)
	fill(&cfg.LogLevel, "IFORCE_LOG_LEVEL", "info")
	return nil
}

// node is an opened store with its keys and app, for one command.
type node struct {
	store *sqlstore.Store
	keys  *audit.Keys
	app   *app.App
}

// open opens and migrates the store of cfg.
func open(ctx context.Context, cfg Config, log *slog.Logger, deps app.Deps) (*node, error) {
	if err := os.MkdirAll(cfg.Data, 0o700); err != nil {
		return nil, fmt.Errorf("data directory %s: %w", cfg.Data, err)
	}
	keys, err := audit.LoadOrCreateKeys(cfg.AuditKey)
	if err != nil {
		return nil, err
	}
	st, err := sqlstore.Open(ctx, sqlstore.Config{Database: cfg.Database, DataDir: cfg.Data, Keys: keys})
	if err != nil {
		return nil, err
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	deps.Store, deps.Keys, deps.Log = st, keys, log
	return &node{store: st, keys: keys, app: app.New(deps)}, nil
}

func (n *node) Close() { n.store.Close() }

// system returns ctx acting as the node operator.
func system(ctx context.Context) context.Context {
	ctx = app.WithRequest(ctx, app.Request{ID: "cli"})
	return app.WithPrincipal(ctx, iforce.SystemPrincipal())
}

func runMigrate(ctx context.Context, args []string, env Env) error {
	var cfg Config
	fs := flags("migrate", &cfg, env)
	if err := parse(fs, args, &cfg, env); err != nil {
		return err
	}
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
	if err != nil {
		return err
	}
	defer n.Close()
	v, err := n.store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "database (%s) at schema version %d\n", n.store.Engine(), v)
	return nil
}
