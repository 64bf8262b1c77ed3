package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// BenchmarkRecordSearch measures GET /api/v1/records?q= over HTTP on loopback against
// a SQLite store of N persons (IFORCE_BENCH_RECORDS, default 1,000,000), built once in
// IFORCE_BENCH_DIR and reused. Reports the median and p99 latency per query kind.
func BenchmarkRecordSearch(b *testing.B) {
	s, _ := newBenchServer(b, "records", "IFORCE_BENCH_RECORDS", 1_000_000, func(a *app.App, _ *sqlstore.Store, sys context.Context, ua *iforce.Agency, n int) {
		for done := 0; done < n; done += 100_000 {
			var buf bytes.Buffer
			demo.SyntheticPersonsFTM(&buf, min(100_000, n-done), fmt.Sprintf("p%d-", done), uint64(done))
			if _, err := a.Import(sys, app.ImportRequest{Agency: ua.Code, Format: "ftm", Body: &buf}); err != nil {
				b.Fatal(err)
			}
		}
	})
	get := func(q string) time.Duration {
		return s.timed("GET", "/api/v1/records?limit=20&q="+url.QueryEscape(q), "")
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
			reportLatency(b, ds)
		})
	}
}
