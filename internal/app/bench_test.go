package app_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

func benchApp(b *testing.B, engine sqlstore.Engine) (*app.App, context.Context) {
	st := sqlstoretest.OpenWith(b, engine, nil, 1024)
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(b), Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	ctx := app.WithPrincipal(context.Background(), iforce.SystemPrincipal())
	if err := a.CreateAgency(ctx, &iforce.Agency{Code: "UA-NCB", Name: "НЦБ", Country: "UA", Kind: iforce.AgencyNCB, Active: true}); err != nil {
		b.Fatal(err)
	}
	return a, ctx
}

// BenchmarkImportFTM imports N persons (IFORCE_BENCH_IMPORT_N, default 100,000) from
// FollowTheMoney JSON lines, each iteration into the same store under new ids; it
// reports records/s. Run with -benchtime=1x.
func BenchmarkImportFTM(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("IFORCE_BENCH_IMPORT_N")); err == nil && v > 0 {
		n = v
	}
	for _, engine := range sqlstoretest.Engines(b) {
		b.Run(string(engine), func(b *testing.B) {
			a, ctx := benchApp(b, engine)
			iter := 0
			var inputs [][]byte
			var rates []float64
			for b.Loop() {
				b.StopTimer()
				if len(inputs) <= iter {
					var buf bytes.Buffer
					demo.SyntheticPersonsFTM(&buf, n, fmt.Sprintf("it%d-", iter), uint64(iter))
					inputs = append(inputs, buf.Bytes())
				}
				b.StartTimer()
				t0 := time.Now()
				res, err := a.Import(ctx, app.ImportRequest{Agency: "UA-NCB", Format: "ftm", Body: bytes.NewReader(inputs[iter])})
				if err != nil || res.Created != n {
					b.Fatalf("import: %+v %v", res, err)
				}
				rates = append(rates, float64(n)/time.Since(t0).Seconds())
				iter++
			}
			slices.Sort(rates)
			b.ReportMetric(rates[len(rates)/2], "median-records/s")
		})
	}
}
