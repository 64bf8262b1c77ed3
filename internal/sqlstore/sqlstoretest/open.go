// Package sqlstoretest runs one contract suite against every database engine: SQLite
// always, PostgreSQL when IFORCE_TEST_POSTGRES names a server (required when CI is set).
package sqlstoretest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// TestKey is a fixed audit signing key for tests.
const TestKey = "PRIVATE+KEY+iforce-audit+c4de1aef+ARC1t4CB648crJgBSJXMnlh3XUpzmpZK32IeBL7LfaIR"

// Keys returns the test signing keys.
func Keys(t testing.TB) *audit.Keys {
	k, err := audit.ParseKeys(TestKey)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Engines returns the engines to test: sqlite always, postgres when configured.
// With CI set, a missing or unreachable PostgreSQL fails the test instead of skipping.
func Engines(t testing.TB) []sqlstore.Engine {
	engines := []sqlstore.Engine{sqlstore.SQLite}
	if PostgresURL(t) != "" {
		engines = append(engines, sqlstore.Postgres)
	}
	return engines
}

// PostgresURL returns IFORCE_TEST_POSTGRES, failing the test under CI when it is unset.
func PostgresURL(t testing.TB) string {
	u := os.Getenv("IFORCE_TEST_POSTGRES")
	if u == "" && os.Getenv("CI") != "" {
		t.Fatal("CI is set but IFORCE_TEST_POSTGRES is not: PostgreSQL tests must run in CI")
	}
	return u
}

// CheckpointInterval is small in tests so that the checkpoint history has several
// entries; TestCheckpointHistory covers the production default.
const CheckpointInterval = 2

// Open returns a migrated store on a fresh database of the given engine: a new SQLite
// file in a temporary directory, or a new schema on the test PostgreSQL server, dropped
// when the test ends. now may be nil for the real clock.
func Open(t testing.TB, engine sqlstore.Engine, now func() time.Time) *sqlstore.Store {
	t.Helper()
	return OpenWith(t, engine, now, CheckpointInterval)
}

// OpenWith is Open with a given checkpoint interval.
func OpenWith(t testing.TB, engine sqlstore.Engine, now func() time.Time, interval int64) *sqlstore.Store {
	t.Helper()
	return openKeys(t, engine, now, interval, Keys(t))[0]
}

// OpenKeys returns one store per key set, all on the same fresh database, as nodes
// of one cluster holding different audit keys (a key rotation half rolled out).
func OpenKeys(t testing.TB, engine sqlstore.Engine, keys ...*audit.Keys) []*sqlstore.Store {
	t.Helper()
	return openKeys(t, engine, nil, CheckpointInterval, keys...)
}

func openKeys(t testing.TB, engine sqlstore.Engine, now func() time.Time, interval int64, keys ...*audit.Keys) []*sqlstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cfg := sqlstore.Config{DataDir: t.TempDir(), Now: now, CheckpointInterval: interval}
	if engine == sqlstore.Postgres {
		cfg.Database = freshSchema(t, ctx)
	}
	var out []*sqlstore.Store
	for i, k := range keys {
		cfg.Keys = k
		s, err := sqlstore.Open(ctx, cfg)
		if err != nil {
			t.Fatalf("open %s: %v", engine, err)
		}
		t.Cleanup(func() { s.Close() })
		if i == 0 {
			if err := s.Migrate(ctx); err != nil {
				t.Fatalf("migrate %s: %v", engine, err)
			}
		}
		out = append(out, s)
	}
	return out
}

func freshSchema(t testing.TB, ctx context.Context) string {
	base := PostgresURL(t)
	if base == "" {
		t.Fatal("IFORCE_TEST_POSTGRES is not set")
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer db.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("postgres at IFORCE_TEST_POSTGRES unreachable or unusable: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("IFORCE_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
