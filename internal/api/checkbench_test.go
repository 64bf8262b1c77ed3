package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/server"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

// benchDocNumber is the document number of the i-th synthetic stolen passport.
func benchDocNumber(i int) string { return fmt.Sprintf("%c%c%07d", 'A'+i%26, 'A'+(i/26)%26, i%10_000_000) }

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
	n := 10_000_000
	if v, err := strconv.Atoi(os.Getenv("IFORCE_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	dir := os.Getenv("IFORCE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("iforce-bench-docs-%d", n))
	}
	ctx := context.Background()
	st, err := sqlstore.Open(ctx, sqlstore.Config{DataDir: dir, Keys: sqlstoretest.Keys(b)})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(b), Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	sys := app.WithPrincipal(ctx, iforce.SystemPrincipal())
	if _, err := a.Agency(sys, "UA-NCB"); err != nil {
		start := time.Now()
		a.CreateAgency(sys, &iforce.Agency{Code: "UA-NCB", Name: "НЦБ", Country: "UA", Kind: iforce.AgencyNCB, Active: true})
		a.CreateAgency(sys, &iforce.Agency{Code: "MD-NCB", Name: "BNC", Country: "MD", Kind: iforce.AgencyNCB, Active: true})
		ua, _ := a.Agency(sys, "UA-NCB")
		loadDocuments(b, st, ua.ID, n)
		if _, _, err := a.CreateUser(sys, app.NewUser{Agency: "MD-NCB", Username: "bench", Name: "Bench", Roles: []iforce.Role{iforce.RoleOfficer}, Password: "correct horse battery staple"}); err != nil {
			b.Fatal(err)
		}
		b.Logf("loaded %d documents in %s", n, time.Since(start))
	}
	tok, err := a.CreateToken(sys, app.NewToken{Username: "bench", TTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	h, _ := server.Handler(a, nil, server.NewMetrics(), nil)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	check := func(number string) time.Duration {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/check", strings.NewReader(`{"document":{"number":"`+number+`","country":"UA"}}`))
		req.Header.Set("Authorization", "Bearer "+tok.Secret)
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
		return time.Since(t0)
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
			slices.Sort(ds)
			b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
