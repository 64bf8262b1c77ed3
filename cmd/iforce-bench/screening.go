package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/synth"
)

type screeningConfig struct {
	n, m, workers, pgQueries, httpN, misses int
	seed                                    uint64
	pg, cpuProfile                          string
}

// throughputRounds is how many times the throughput run repeats the queries.
const throughputRounds = 3

// seesAll is an officer of agency 1 with every clearance: the benchmark
// persons are shared with all, so it sees them all.
var seesAll = access.Visibility{Agency: 1, SeesAll: true, VictimData: true, ChildData: true}

func toPerson(p synth.Person) screening.Person {
	return screening.Person{ID: p.ID, Owner: 2, Scope: access.ScopeAll,
		Names:      []screening.Name{{First: p.First, Patronymic: p.Patronymic, Last: p.Last}},
		BirthDates: []string{p.BirthDate}, Nationalities: []string{p.Country}, Gender: p.Gender}
}

func heapInUse() uint64 {
	runtime.GC()
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func maxRSS() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss * 1024
}

// outcome is the result of one query for the quality figures.
type outcome struct {
	kind  synth.Kind
	rank  int // 1-based rank of the wanted id, 0 when absent
	found int // results returned
	other int // results that are not namesakes (name score below 0.9)
}

func benchScreening(ctx context.Context, c screeningConfig, out io.Writer) error {
	g := synth.New(c.seed)
	fmt.Fprintf(out, "# screening benchmark: N=%d persons, M=%d queries, seed %d, GOMAXPROCS %d, %s\n",
		c.n, c.m, c.seed, runtime.GOMAXPROCS(0), time.Now().UTC().Format(time.RFC3339))
	before := heapInUse()
	idx := screening.New()
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= c.n || ctx.Err() != nil {
					return
				}
				idx.Add(toPerson(g.Person(i)))
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	idx.Optimize()
	build := time.Since(start)
	heap := heapInUse() - before
	fmt.Fprintf(out, "build: %d persons in %s (%.0f persons/s), %d distinct name tokens\n", idx.Len(), build.Round(time.Millisecond),
		float64(c.n)/build.Seconds(), idx.Tokens())
	fmt.Fprintf(out, "memory: heap %.1f MiB (%.0f bytes/person), peak RSS %.1f MiB\n", float64(heap)/(1<<20),
		float64(heap)/float64(max(c.n, 1)), float64(maxRSS())/(1<<20))

	qs := g.Queries(c.n, c.m)
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	// Latency: one query at a time.
	lat := make(latencies, len(qs))
	outs := make([]outcome, len(qs))
	shown := map[synth.Kind]int{}
	for i, q := range qs {
		t := time.Now()
		rs, err := idx.Search(screening.Query{Name: q.Name, BirthDate: q.BirthDate}, seesAll)
		lat[i] = time.Since(t)
		if err != nil {
			return fmt.Errorf("query %q: %w", q.Name, err)
		}
		outs[i] = outcome{kind: q.Kind, found: len(rs), rank: rankOf(q.Want, ids(rs))}
		for _, r := range rs {
			if r.Explanation.NameScore < 0.9 {
				outs[i].other++
			}
		}
		if shown[q.Kind] < c.misses && (q.Want != "" && outs[i].rank == 0 || q.Want == "" && len(rs) > 0) {
			shown[q.Kind]++
			fmt.Fprintf(out, "miss %s %q %s want %s (%+v): got", q.Kind, q.Name, q.BirthDate, q.Want, g.Person(atoiID(q.Want)))
			for _, r := range rs {
				fmt.Fprintf(out, " %s %.3f %+v;", r.ID, r.Score, r.Explanation)
			}
			fmt.Fprintln(out)
		}
	}
	if c.cpuProfile != "" {
		pprof.StopCPUProfile() // the profile is of the cold latency run
	}
	fmt.Fprintf(out, "latency (1 worker): p50 %s, p99 %s, max %s\n", ms(lat.pct(0.5)), ms(lat.pct(0.99)), ms(lat.pct(1)))
	if c.misses > 0 {
		slow := make([]int, len(qs))
		for i := range slow {
			slow[i] = i
		}
		sort.Slice(slow, func(a, b int) bool { return lat[slow[a]] > lat[slow[b]] })
		for _, i := range slow[:min(c.misses, len(slow))] {
			fmt.Fprintf(out, "slow %s %q: %s, %d results\n", qs[i].Kind, qs[i].Name, ms(lat[i]), outs[i].found)
		}
	}
	// Throughput: all workers, the queries three times over, from a
	// collected heap: a run of a few seconds otherwise measures whether a
	// garbage collection of the whole index fell into it.
	runtime.GC()
	start = time.Now()
	next.Store(0)
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= throughputRounds*len(qs) {
					return
				}
				q := qs[i%len(qs)]
				idx.Search(screening.Query{Name: q.Name, BirthDate: q.BirthDate}, seesAll)
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Fprintf(out, "throughput (%d workers): %.0f queries/s\n", c.workers, float64(throughputRounds*len(qs))/el.Seconds())
	printQuality(out, "screening (default threshold 0.70)", outs)

	if c.pg != "" {
		if err := benchPG(ctx, c, g, qs, outs, lat, out); err != nil {
			return fmt.Errorf("pg_trgm baseline: %w", err)
		}
	}
	if c.httpN > 0 {
		if err := benchHTTP(ctx, c, g, out); err != nil {
			return fmt.Errorf("http overhead: %w", err)
		}
	}
	return nil
}

func atoiID(id string) int {
	n := 0
	for i := 1; i < len(id); i++ {
		n = n*10 + int(id[i]-'0')
	}
	return n
}

func ids(rs []screening.Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func rankOf(want string, got []string) int {
	for i, id := range got {
		if id == want {
			return i + 1
		}
	}
	return 0
}

// printQuality prints recall@1 and @10 per query kind and the no-match false
// hit rate.
func printQuality(out io.Writer, title string, outs []outcome) {
	type agg struct{ n, at1, at10, hits, others int }
	by := map[synth.Kind]*agg{}
	for _, o := range outs {
		a := by[o.kind]
		if a == nil {
			a = &agg{}
			by[o.kind] = a
		}
		a.n++
		if o.rank == 1 {
			a.at1++
		}
		if o.rank >= 1 && o.rank <= 10 {
			a.at10++
		}
		if o.found > 0 {
			a.hits++
		}
		if o.other > 0 {
			a.others++
		}
	}
	fmt.Fprintf(out, "%s:\n", title)
	all := agg{}
	for _, k := range synth.Kinds {
		a := by[k]
		if a == nil {
			continue
		}
		if k == synth.KindNoMatch {
			fmt.Fprintf(out, "  %-16s n=%5d  queries with any result: %.3f (with a result that is not a namesake, name score < 0.9: %.3f)\n",
				k, a.n, float64(a.hits)/float64(a.n), float64(a.others)/float64(a.n))
			continue
		}
		all.n += a.n
		all.at1 += a.at1
		all.at10 += a.at10
		fmt.Fprintf(out, "  %-16s n=%5d  recall@1 %.3f  recall@10 %.3f\n", k, a.n, float64(a.at1)/float64(a.n), float64(a.at10)/float64(a.n))
	}
	if all.n > 0 {
		fmt.Fprintf(out, "  %-16s n=%5d  recall@1 %.3f  recall@10 %.3f\n", "all matchable", all.n, float64(all.at1)/float64(all.n), float64(all.at10)/float64(all.n))
	}
}
