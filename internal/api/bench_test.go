package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/server"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

// BenchmarkRecordSearch measures GET /api/v1/records?q= over HTTP on loopback against
// a SQLite store of N persons (IFORCE_BENCH_RECORDS, default 1,000,000). The store is
// built once in IFORCE_BENCH_DIR (default a directory under the system temp dir) and
// reused by later runs. Reports the median and p99 latency per query kind.
func BenchmarkRecordSearch(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("IFORCE_BENCH_RECORDS")); err == nil && v > 0 {
		n = v
	}
	dir := os.Getenv("IFORCE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("iforce-bench-records-%d", n))
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
		for done := 0; done < n; done += 100_000 {
			var buf bytes.Buffer
			demo.SyntheticPersonsFTM(&buf, min(100_000, n-done), fmt.Sprintf("p%d-", done), uint64(done))
			if _, err := a.Import(sys, app.ImportRequest{Agency: "UA-NCB", Format: "ftm", Body: &buf}); err != nil {
				b.Fatal(err)
			}
		}
		if _, _, err := a.CreateUser(sys, app.NewUser{Agency: "MD-NCB", Username: "bench", Name: "Bench", Roles: []iforce.Role{iforce.RoleOfficer}, Password: "correct horse battery staple"}); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %d records in %s", n, time.Since(start))
	}
	tok, err := a.CreateToken(sys, app.NewToken{Username: "bench", TTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	h, _ := server.Handler(a, nil, server.NewMetrics(), nil)
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := srv.Client()
	get := func(q string) time.Duration {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/records?limit=20&q="+url.QueryEscape(q), nil)
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
	kinds := map[string][]string{
		"rare-name":          {"Шевченко-1234 Олександр", "Ceban-4321", "Kowalenko-17", "Nowak-999 Anna"},
		"common-name":        {"Шевченко", "Rusu", "Maria"},
		"latin-for-cyrillic": {"Shevchenko-1234", "Bondarenko-2000"},
		"identifier":         {"AB1234567", "ZX7654321", "QQ0000001"},
		"no-match":           {"Zzyzx", "Qwertyuiop"},
	}
	for _, kind := range []string{"rare-name", "common-name", "latin-for-cyrillic", "identifier", "no-match"} {
		qs := kinds[kind]
		b.Run(kind, func(b *testing.B) {
			var ds []time.Duration
			i := 0
			for b.Loop() {
				ds = append(ds, get(qs[i%len(qs)]))
				i++
			}
			slices.Sort(ds)
			b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
