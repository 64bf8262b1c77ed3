package api_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// benchDocNumber is the document number of the i-th synthetic stolen passport.
func benchDocNumber(i int) string {
	return fmt.Sprintf("%c%c%07d", 'A'+i%26, 'A'+(i/26)%26, i%10_000_000)
}

// loadDocuments bulk-loads n stolen passports of UA-NCB straight into the tables (setup
// for a benchmark: no audit entries), in transactions of 50,000.
func loadDocuments(b *testing.B, st *sqlstore.Store, ownerID int64, n int) {
	db := st.DB()
	now := time.Now().UnixMilli()
	for start := 0; start < n; start += 50_000 {
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		rec, _ := tx.Prepare(`INSERT INTO records (id, schema, owner_id, handling, scope, review_date, created_at, updated_at, version, caption, properties)
			VALUES ($1, 'TravelDocument', $2, 'H0', 'all', '2030-01-01', $3, $3, 1, $4, $5) RETURNING seq`)
		key, _ := tx.Prepare(`INSERT INTO record_keys (record_seq, kind, key) VALUES ($1, 'document_number', $2)`)
		for i := start; i < min(n, start+50_000); i++ {
			num := benchDocNumber(i)
			var seq int64
			id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i)
			props := `{"number":["` + num + `"],"country":["UA"],"type":["passport"],"status":["stolen"]}`
			if err := rec.QueryRow(id, ownerID, now, num, props).Scan(&seq); err != nil {
				b.Fatal(err)
			}
			if _, err := key.Exec(seq, "document_number:"+num); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckDocument measures POST /api/v1/check of a document number over HTTP on
// loopback against N stolen passports (IFORCE_BENCH_DOCS, default 10,000,000) on SQLite,
// for numbers that hit and numbers that do not. The store is built once in
// IFORCE_BENCH_DIR and reused. Reports the median and p99 latency.
func BenchmarkCheckDocument(b *testing.B) {
	s, n := newBenchServer(b, "docs", "IFORCE_BENCH_DOCS", 10_000_000, func(_ *app.App, st *sqlstore.Store, _ context.Context, ua *iforce.Agency, n int) {
		loadDocuments(b, st, ua.ID, n)
	})
	check := func(number string) time.Duration {
		return s.timed("POST", "/api/v1/check", `{"document":{"number":"`+number+`","country":"UA"}}`)
	}
	for _, kind := range []string{"hit", "miss"} {
		b.Run(kind, func(b *testing.B) {
			var ds []time.Duration
			i := 0
			for b.Loop() {
				num := benchDocNumber((i * 7919) % n)
				if kind == "miss" {
					num = fmt.Sprintf("ZZ%07d", i)
				}
				ds = append(ds, check(num))
				i++
			}
			reportLatency(b, ds)
		})
	}
}
