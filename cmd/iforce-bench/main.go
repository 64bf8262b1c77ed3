// Command iforce-bench measures the name screening engine: `screening` builds
// an index of synthetic persons and times queries against it (and against
// PostgreSQL pg_trgm as a baseline); `evaluate` reports precision, recall and
// ranking per slice on labelled names. It is a separate binary so that the
// product stays lean.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"time"

	"github.com/iforce-platform/iforce/internal/screening"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "iforce-bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: iforce-bench screening|evaluate|evalset [flags]")
	}
	switch args[0] {
	case "screening":
		fs := flag.NewFlagSet("screening", flag.ContinueOnError)
		var c screeningConfig
		fs.IntVar(&c.n, "n", 1_000_000, "persons to index")
		fs.IntVar(&c.m, "m", 10_000, "queries to run")
		fs.Uint64Var(&c.seed, "seed", 1, "generator seed")
		fs.IntVar(&c.workers, "workers", 2, "concurrent workers for the throughput run and the build")
		fs.StringVar(&c.pg, "pg", "", "PostgreSQL URL for the pg_trgm baseline (empty: skip)")
		fs.IntVar(&c.pgQueries, "pg-queries", 1000, "queries run against PostgreSQL (the first ones of the same set)")
		fs.IntVar(&c.httpN, "http-n", 0, "persons in a SQLite store for the HTTP overhead run (0: skip)")
		fs.IntVar(&c.misses, "misses", 0, "print this many missed queries per kind")
		fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the latency run (cold, one query at a time)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return benchScreening(ctx, c, out)
	case "evaluate":
		fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
		file := fs.String("set", "internal/screening/testdata/eval_names.tsv", "labelled set (see evalset)")
		distractors := fs.Int("distractors", 100_000, "synthetic persons indexed beside the labelled ones")
		show := fs.Int("show", 25, "print this many missed queries and false hits")
		threshold := fs.Float64("threshold", screening.DefaultThreshold, "score a result needs (the screening default unless set)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *threshold <= 0 || *threshold > 1 {
			return errors.New("evaluate: -threshold must be in (0, 1]")
		}
		return evaluate(*file, *distractors, *show, *threshold, out)
	case "evalset":
		fs := flag.NewFlagSet("evalset", flag.ContinueOnError)
		groups := fs.String("groups", "internal/names/testdata/wikidata_heldout.txt", "held-out Wikidata name groups")
		lines := fs.String("lines", "all", "groups to use: all, even or odd (0-based) lines")
		times := fs.Int("times", 1, "persons per slice, in multiples of the default set's (60 Georgian, 90 uk, 90 ru, 65–70 others)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *times < 1 {
			return errors.New("evalset: -times must be at least 1")
		}
		return writeEvalSet(*groups, *lines, *times, out)
	}
	return fmt.Errorf("unknown command %q", args[0])
}

// latencies summarises durations.
type latencies []time.Duration

func (l latencies) pct(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := append(latencies(nil), l...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(p * float64(len(s)-1))
	return s[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
