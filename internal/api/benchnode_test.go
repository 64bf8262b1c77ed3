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

// benchServer is a node on a large SQLite store for HTTP benchmarks, served on loopback.
type benchServer struct {
	b     *testing.B
	srv   *httptest.Server
	token string
}

// newBenchServer opens the store in IFORCE_BENCH_DIR (default a directory under the
// system temp dir named after kind and n) and, when it is new, creates the agencies
// UA-NCB and MD-NCB, calls load to fill UA-NCB's data, and adds an MD-NCB officer whose
// token the requests use. n is read from the variable nVar, default def.
func newBenchServer(b *testing.B, kind, nVar string, def int, load func(a *app.App, st *sqlstore.Store, sys context.Context, ua *iforce.Agency, n int)) (*benchServer, int) {
	n := def
	if v, err := strconv.Atoi(os.Getenv(nVar)); err == nil && v > 0 {
		n = v
	}
	dir := os.Getenv("IFORCE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("iforce-bench-%s-%d", kind, n))
	}
	ctx := context.Background()
	st, err := sqlstore.Open(ctx, sqlstore.Config{DataDir: dir, Keys: sqlstoretest.Keys(b)})
	if err != nil {
		b.Fatal(err)
	}
	cctx, stop := context.WithCancel(ctx)
	go st.Checkpoints(cctx)
	b.Cleanup(func() { stop(); st.Close() })
	if err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(b), Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	sys := app.WithPrincipal(ctx, iforce.SystemPrincipal())
	if _, err := a.Agency(sys, "UA-NCB"); err != nil {
		start := time.Now()
		ua := &iforce.Agency{Code: "UA-NCB", Name: "НЦБ", Country: "UA", Kind: iforce.AgencyNCB, Active: true}
		if err := a.CreateAgency(sys, ua); err != nil {
			b.Fatal(err)
		}
		if err := a.CreateAgency(sys, &iforce.Agency{Code: "MD-NCB", Name: "BNC", Country: "MD", Kind: iforce.AgencyNCB, Active: true}); err != nil {
			b.Fatal(err)
		}
		load(a, st, sys, ua, n)
		if _, _, err := a.CreateUser(sys, app.NewUser{Agency: "MD-NCB", Username: "bench", Name: "Bench", Roles: []iforce.Role{iforce.RoleOfficer}, Password: "correct horse battery staple"}); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s store of %d in %s", kind, n, time.Since(start))
	}
	tok, err := a.CreateToken(sys, app.NewToken{Username: "bench", TTL: time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	h, err := server.Handler(a, nil, server.NewMetrics(), nil, server.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s := &benchServer{b: b, srv: httptest.NewServer(h), token: tok.Secret}
	b.Cleanup(s.srv.Close)
	return s, n
}

// timed makes one authenticated request and returns its latency; any status but 200
// fails the benchmark.
func (s *benchServer) timed(method, path, body string) time.Duration {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, s.srv.URL+path, rd)
	req.Header.Set("Authorization", "Bearer "+s.token)
	t0 := time.Now()
	resp, err := s.srv.Client().Do(req)
	if err != nil {
		s.b.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		s.b.Fatalf("%s %s: status %d", method, path, resp.StatusCode)
	}
	return time.Since(t0)
}

// reportLatency reports the median and p99 of ds.
func reportLatency(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
}
