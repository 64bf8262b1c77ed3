package sqlstoretest

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// BenchmarkVerifyAudit measures `iforce audit verify` over a log of N entries
// (IFORCE_BENCH_AUDIT_N, default 100,000), each written in its own transaction with its
// own signed checkpoint, as the application writes them. Building the log is setup and
// is not timed.
func BenchmarkVerifyAudit(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("IFORCE_BENCH_AUDIT_N")); err == nil && v > 0 {
		n = v
	}
	for _, engine := range Engines(b) {
		b.Run(string(engine), func(b *testing.B) {
			s := OpenWith(b, engine, nil, 1024) // the production default
			ctx := context.Background()
			for i := range n {
				err := s.InTx(ctx, func(tx *sqlstore.Tx) error {
					tx.Audit(audit.Entry{Actor: "user:" + strconv.Itoa(i%50+1), Agency: "UA-NCB", Action: "record.read",
						ObjectType: "record", ObjectID: strconv.Itoa(i), Decision: audit.Allow, RequestID: fmt.Sprintf("%016x", i)})
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			v := Keys(b).Verifiers
			var ds []time.Duration
			for b.Loop() {
				t0 := time.Now()
				rep, err := s.VerifyAudit(ctx, v)
				if err != nil || rep.Entries != int64(n) {
					b.Fatalf("verify: %+v %v", rep, err)
				}
				ds = append(ds, time.Since(t0))
			}
			slices.Sort(ds)
			b.ReportMetric(float64(ds[len(ds)/2].Milliseconds()), "median-ms")
			b.ReportMetric(float64(n), "entries")
		})
	}
}
