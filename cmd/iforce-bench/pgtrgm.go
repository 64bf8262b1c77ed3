package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/iforce-platform/iforce/internal/synth"
)

// benchPG loads the same persons into PostgreSQL, names folded with
// unaccent(lower()) under a pg_trgm GIN index (what a team would otherwise
// pick), runs the first c.pgQueries queries, and prints recall@10 and p99
// beside the screening index's on the same queries.
func benchPG(ctx context.Context, c screeningConfig, g *synth.Generator, qs []synth.Query, outs []outcome, lat latencies, out io.Writer) error {
	conn, err := pgx.Connect(ctx, c.pg)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		`CREATE EXTENSION IF NOT EXISTS pg_trgm`, `CREATE EXTENSION IF NOT EXISTS unaccent`,
		`DROP SCHEMA IF EXISTS bench_screening CASCADE`, `CREATE SCHEMA bench_screening`,
		`CREATE UNLOGGED TABLE bench_screening.raw (id text, name text, birth text)`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	start := time.Now()
	n, err := conn.CopyFrom(ctx, pgx.Identifier{"bench_screening", "raw"}, []string{"id", "name", "birth"},
		pgx.CopyFromFunc(func() func() ([]any, error) {
			i := 0
			return func() ([]any, error) {
				if i >= c.n {
					return nil, nil
				}
				p := g.Person(i)
				i++
				return []any{p.ID, p.FullName(), p.BirthDate}, nil
			}
		}()))
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	for _, q := range []string{
		`CREATE UNLOGGED TABLE bench_screening.persons AS SELECT id, public.unaccent(lower(name)) AS name, birth FROM bench_screening.raw`,
		`CREATE INDEX persons_name_trgm ON bench_screening.persons USING gin (name public.gin_trgm_ops)`,
		`ANALYZE bench_screening.persons`,
		`SET statement_timeout = '30s'`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	fmt.Fprintf(out, "pg_trgm: %d rows loaded and GIN-indexed in %s\n", n, time.Since(start).Round(time.Millisecond))
	m := min(c.pgQueries, len(qs))
	pgLat := make(latencies, m)
	pgOuts := make([]outcome, m)
	timeouts := 0
	for i, q := range qs[:m] {
		t := time.Now()
		rows, err := conn.Query(ctx, `SELECT id FROM bench_screening.persons WHERE name % public.unaccent(lower($1))
			ORDER BY (birth = $2) DESC, similarity(name, public.unaccent(lower($1))) DESC LIMIT 10`, q.Name, q.BirthDate)
		var got []string
		if err == nil {
			got, err = pgx.CollectRows(rows, pgx.RowTo[string])
		}
		pgLat[i] = time.Since(t)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			timeouts++
		}
		pgOuts[i] = outcome{kind: q.Kind, found: len(got), rank: rankOf(q.Want, got), other: len(got)}
	}
	fmt.Fprintf(out, "pg_trgm: %d queries, %d errors or timeouts\n", m, timeouts)
	printQuality(out, fmt.Sprintf("pg_trgm (first %d queries; %% operator, similarity ≥ 0.3, birth date as tie-break)", m), pgOuts)
	printQuality(out, fmt.Sprintf("screening on the same %d queries", m), outs[:m])
	r10 := func(os []outcome) float64 {
		hit, n := 0, 0
		for _, o := range os {
			if o.kind == synth.KindNoMatch {
				continue
			}
			n++
			if o.rank >= 1 && o.rank <= 10 {
				hit++
			}
		}
		return float64(hit) / float64(max(n, 1))
	}
	sr, pr := r10(outs[:m]), r10(pgOuts)
	sp, pp := lat[:m].pct(0.99), pgLat.pct(0.99)
	fmt.Fprintf(out, "side by side (same %d queries):\n", m)
	fmt.Fprintf(out, "  recall@10  screening %.3f  pg_trgm %.3f  ratio %.2fx\n", sr, pr, sr/max(pr, 1e-9))
	fmt.Fprintf(out, "  p50        screening %s  pg_trgm %s\n", ms(lat[:m].pct(0.5)), ms(pgLat.pct(0.5)))
	fmt.Fprintf(out, "  p99        screening %s  pg_trgm %s  ratio %.1fx faster\n", ms(sp), ms(pp), float64(pp)/float64(max(sp, 1)))
	return nil
}
