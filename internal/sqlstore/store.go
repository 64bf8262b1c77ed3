// Package sqlstore persists I-FORCE on SQLite (embedded default, pure Go) or PostgreSQL
// (production) with one SQL text for both. It knows no HTTP and no policy: the app layer
// decides, the store keeps. Every write happens in a Tx, which appends the audit entries
// and change-log rows collected during the transaction, and signs a checkpoint of the
// audit tree, right before it commits: the action and its audit entry commit together
// or not at all.
package sqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // SQLite driver "sqlite"

	"github.com/iforce-platform/iforce/internal/audit"
)

// Engine names a database engine.
type Engine string

// The supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

//go:embed migrations
var migrations embed.FS

// Config says where the store lives.
type Config struct {
	// Database is a postgres:// URL, or empty for SQLite in DataDir.
	Database string
	// DataDir holds the SQLite file (iforce.db).
	DataDir string
	// Keys sign audit checkpoints; required to write.
	Keys *audit.Keys
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// CheckpointInterval: the signed checkpoint of the log head is renewed with every
	// transaction, and kept in the checkpoint history each time the log crosses a
	// multiple of this many entries (default 1024). The history lets verification
	// localise tampering; the head alone detects it.
	CheckpointInterval int64
}

// Store is a handle on the database; safe for concurrent use.
type Store struct {
	db     *sql.DB
	engine Engine
	keys   *audit.Keys
	now    func() time.Time
	path   string // SQLite file path
	every  int64  // checkpoint history interval

	mu    sync.Mutex // guards stmts
	stmts map[string]*sql.Stmt
	// lastCheckpoint is the log head's checkpoint this store last signed
	// or verified: a head holding the same note, byte for byte, needs no
	// second signature check (one a write, a tenth of a screen's cost).
	lastCheckpoint atomic.Pointer[audit.Checkpoint]
}

// openCheckpoint verifies a checkpoint note, unless it is the one this
// store last signed or verified.
func (s *Store) openCheckpoint(note string) (audit.Checkpoint, error) {
	if c := s.lastCheckpoint.Load(); c != nil && c.Note == note {
		return *c, nil
	}
	cp, err := audit.Open(s.keys.Verifiers, note)
	if err == nil {
		s.lastCheckpoint.Store(&cp)
	}
	return cp, err
}

// SQLiteFile is the name of the embedded database file in the data directory.
const SQLiteFile = "iforce.db"

// Open connects to the database named by cfg. It does not migrate.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	s := &Store{keys: cfg.Keys, now: cfg.Now, every: cfg.CheckpointInterval, stmts: map[string]*sql.Stmt{}}
	if s.now == nil {
		s.now = time.Now
	}
	if s.every <= 0 {
		s.every = 1024
	}
	var err error
	switch {
	case strings.HasPrefix(cfg.Database, "postgres://") || strings.HasPrefix(cfg.Database, "postgresql://"):
		s.engine = Postgres
		s.db, err = sql.Open("pgx", cfg.Database)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		s.db.SetMaxOpenConns(20)
		s.db.SetMaxIdleConns(10)
		s.db.SetConnMaxIdleTime(5 * time.Minute)
	case cfg.Database == "" || strings.HasPrefix(cfg.Database, "sqlite:"):
		s.engine = SQLite
		s.path = strings.TrimPrefix(cfg.Database, "sqlite:")
		if s.path == "" {
			if cfg.DataDir == "" {
				return nil, errors.New("open sqlite: no data directory")
			}
			if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
				return nil, fmt.Errorf("create data directory: %w", err)
			}
			s.path = filepath.Join(cfg.DataDir, SQLiteFile)
		}
		s.db, err = sql.Open("sqlite", sqliteDSN(s.path))
		if err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		s.db.SetMaxOpenConns(8)
	default:
		return nil, fmt.Errorf("database %q: want a postgres:// URL or sqlite:PATH", redact(cfg.Database))
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("connect to %s database: %w", s.engine, err)
	}
	return s, nil
}

// sqliteDSN sets WAL, a busy timeout, foreign keys and immediate write transactions,
// so that concurrent writers queue instead of failing.
func sqliteDSN(path string) string {
	q := url.Values{}
	// wal_autocheckpoint is raised so that checkpoints, which sync the disk, run in the
	// background (Checkpoints) rather than in the request that crosses the threshold.
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)", "wal_autocheckpoint(20000)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		u.User = url.User(u.User.Username())
		return u.String()
	}
	return dsn
}

// CheckpointEvery is how often Checkpoints copies the SQLite write-ahead log into
// the database.
const CheckpointEvery = 500 * time.Millisecond

// Checkpoints runs passive WAL checkpoints on SQLite until ctx ends, so that requests
// do not pay for them; it returns at once on PostgreSQL. A serving node runs it.
func (s *Store) Checkpoints(ctx context.Context) {
	if s.engine != SQLite {
		return
	}
	t := time.NewTicker(CheckpointEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
		}
	}
}

// Engine reports the database engine.
func (s *Store) Engine() Engine { return s.engine }

// DB exposes the handle for backup and tests.
func (s *Store) DB() *sql.DB { return s.db }

// Path is the SQLite file, empty on PostgreSQL.
func (s *Store) Path() string { return s.path }

// Close closes the prepared statements and the database.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = map[string]*sql.Stmt{}
	s.mu.Unlock()
	return s.db.Close()
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Migrate brings the schema up to date, under a lock on PostgreSQL so that several
// nodes starting together migrate once.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations/"+string(s.engine))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	var opts []goose.ProviderOption
	dialect := goose.DialectSQLite3
	if s.engine == Postgres {
		dialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, s.db, sub, opts...)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate %s: %w", s.engine, err)
	}
	return nil
}

// SchemaVersion returns the current migration version.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT MAX(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v.Int64, nil
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Queries reads; methods that read protected data are called by the app inside a Tx so
// that the read and its audit entry commit together.
type Queries struct {
	q      querier
	now    func() time.Time
	engine Engine
}

// Read returns queries outside a transaction, for unaudited reads (health, sessions,
// principal resolution).
func (s *Store) Read() *Queries { return &Queries{q: dbQuerier{s}, now: s.now, engine: s.engine} }

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isUnique reports whether err is a unique-constraint violation on either engine.
func isUnique(err error) bool {
	if err == nil {
		return false
	}
	m := err.Error()
	return strings.Contains(m, "UNIQUE constraint failed") || strings.Contains(m, "SQLSTATE 23505") || strings.Contains(m, "duplicate key value")
}
