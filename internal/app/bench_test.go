package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

var (
	benchFirst = []string{"Олександр", "Андрій", "Петро", "Іван", "Олена", "Наталія", "Ion", "Vasile", "Maria", "Elena", "Piotr", "Anna", "გიორგი", "ნინო", "Zoltán", "Jānis"}
	benchLast  = []string{"Шевченко", "Коваленко", "Бондаренко", "Мельник", "Шевчук", "Ceban", "Rusu", "Popa", "Țurcanu", "Nowak", "Wiśniewska", "ბერიძე", "გელაშვილი", "Szőke", "Bērziņš", "Kazlauskas"}
)

// PersonsFTM writes n synthetic persons as FollowTheMoney JSON lines, ids prefixed.
func PersonsFTM(w io.Writer, n int, prefix string, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cats := []string{"suspect", "wanted", "missing", "witness", "contact"}
	for i := range n {
		props := map[string][]string{
			"firstName":   {benchFirst[r.IntN(len(benchFirst))]},
			"lastName":    {benchLast[r.IntN(len(benchLast))] + suffix(r)},
			"birthDate":   {fmt.Sprintf("%d-%02d-%02d", 1950+r.IntN(55), 1+r.IntN(12), 1+r.IntN(28))},
			"nationality": {[]string{"UA", "MD", "RO", "PL", "GE", "HU", "LV", "LT"}[r.IntN(8)]},
			"idNumber":    {fmt.Sprintf("%c%c%07d", 'A'+r.IntN(26), 'A'+r.IntN(26), r.IntN(10_000_000))},
		}
		enc.Encode(map[string]any{"id": prefix + strconv.Itoa(i), "schema": "Person", "properties": props,
			"category": cats[r.IntN(len(cats))], "distribution": map[string]any{"scope": "all"}, "crimeAreas": []string{"organised_crime"}})
	}
}

// suffix makes surnames varied enough for a realistic index (one in four plain).
func suffix(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return ""
	}
	return "-" + strconv.Itoa(r.IntN(5000))
}

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
			for b.Loop() {
				b.StopTimer()
				if len(inputs) <= iter {
					var buf bytes.Buffer
					PersonsFTM(&buf, n, fmt.Sprintf("it%d-", iter), uint64(iter))
					inputs = append(inputs, buf.Bytes())
				}
				b.StartTimer()
				res, err := a.Import(ctx, app.ImportRequest{Agency: "UA-NCB", Format: "ftm", Body: bytes.NewReader(inputs[iter])})
				if err != nil || res.Created != n {
					b.Fatalf("import: %+v %v", res, err)
				}
				iter++
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
