package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/synth"
)

type evalQuery struct{ slice, name, want string }

func readEvalSet(path string) (recs []screening.Person, qs []evalQuery, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("evaluation set: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		switch {
		case cols[0] == "R" && len(cols) == 4:
			recs = append(recs, screening.Person{ID: cols[1], Owner: 1, Scope: access.ScopeAll, Names: []screening.Name{{Full: cols[3]}}})
		case cols[0] == "Q" && len(cols) == 4:
			qs = append(qs, evalQuery{slice: cols[1], name: cols[2], want: cols[3]})
		}
	}
	return recs, qs, sc.Err()
}

// evaluate indexes the labelled persons among synthetic distractors and
// reports, per slice, precision, recall and F1 at the default threshold
// (every returned record other than the wanted one is a false positive) and
// recall@1 and @10 of the ranking (threshold 0.3). A missed query shows the
// score and routes the wanted record got, when it scored at least 0.3.
func evaluate(path string, distractors, show int, threshold float64, out io.Writer) error {
	recs, qs, err := readEvalSet(path)
	if err != nil {
		return err
	}
	idx := screening.New()
	recName := map[string]string{}
	for _, p := range recs {
		idx.Add(p)
		recName[p.ID] = p.Names[0].Full
	}
	g := synth.New(99)
	for i := range distractors {
		p := g.Person(i)
		idx.Add(screening.Person{ID: "d" + p.ID, Owner: 2, Scope: access.ScopeAll,
			Names: []screening.Name{{First: p.First, Patronymic: p.Patronymic, Last: p.Last}}})
	}
	type agg struct{ pos, neg, tp, fp, fn, at1, at10 int }
	by := map[string]*agg{}
	var total agg
	var misses, falses []string
	for _, q := range qs {
		a := by[q.slice]
		if a == nil {
			a = &agg{}
			by[q.slice] = a
		}
		rs, err := idx.Search(screening.Query{Name: q.name, Threshold: threshold}, seesAll)
		if err != nil {
			return fmt.Errorf("%q: %w", q.name, err)
		}
		found := false
		for _, r := range rs {
			if r.ID == q.want {
				found = true
			} else {
				a.fp++
				if len(falses) < show {
					falses = append(falses, fmt.Sprintf("%s %q -> %s %.3f %v", q.slice, q.name, r.Explanation.Name, r.Score, routes(r.Explanation)))
				}
			}
		}
		if q.want == "-" {
			a.neg++
			continue
		}
		a.pos++
		if found {
			a.tp++
		}
		rk, _ := idx.Search(screening.Query{Name: q.name, Threshold: 0.3, Limit: 10}, seesAll)
		if !found {
			a.fn++
			if len(misses) < show {
				got := "not found"
				for _, r := range rk {
					if r.ID == q.want {
						got = fmt.Sprintf("%.3f %v", r.Score, routes(r.Explanation))
					}
				}
				misses = append(misses, fmt.Sprintf("%s %q want %s %q: %s", q.slice, q.name, q.want, recName[q.want], got))
			}
		}
		switch rank := rankOf(q.want, ids(rk)); {
		case rank == 1:
			a.at1++
			a.at10++
		case rank > 1:
			a.at10++
		}
	}
	fmt.Fprintf(out, "# evaluation: %d labelled persons among %d synthetic distractors, %d queries, threshold %.2f\n",
		len(recs), distractors, len(qs), threshold)
	fmt.Fprintf(out, "%-17s %5s %5s %9s %7s %6s %9s %9s\n", "slice", "pos", "neg", "precision", "recall", "F1", "recall@1", "recall@10")
	line := func(name string, a agg) {
		p := float64(a.tp) / float64(max(a.tp+a.fp, 1))
		rc := float64(a.tp) / float64(max(a.pos, 1))
		f1 := 0.0
		if p+rc > 0 {
			f1 = 2 * p * rc / (p + rc)
		}
		fmt.Fprintf(out, "%-17s %5d %5d %9.3f %7.3f %6.3f %9.3f %9.3f\n", name, a.pos, a.neg, p, rc, f1,
			float64(a.at1)/float64(max(a.pos, 1)), float64(a.at10)/float64(max(a.pos, 1)))
	}
	for _, s := range evalSlices {
		if a := by[s]; a != nil {
			line(s, *a)
			total.pos += a.pos
			total.neg += a.neg
			total.tp += a.tp
			total.fp += a.fp
			total.fn += a.fn
			total.at1 += a.at1
			total.at10 += a.at10
		}
	}
	line("all", total)
	for _, m := range misses {
		fmt.Fprintln(out, "miss:", m)
	}
	for _, f := range falses {
		fmt.Fprintln(out, "false:", f)
	}
	return nil
}

func routes(e screening.Explanation) []string {
	var out []string
	for _, p := range e.Parts {
		out = append(out, p.Query+"~"+p.Record+":"+p.Route)
	}
	return out
}
