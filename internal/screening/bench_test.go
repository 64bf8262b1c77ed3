package screening

import (
	"sync"
	"testing"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/synth"
)

// benchN is the size of the index the benchmarks search; the command
// iforce-bench screening measures larger ones.
const benchN = 100_000

var benchIndex = sync.OnceValues(func() (*Index, []synth.Query) {
	g := synth.New(1)
	x := New()
	for i := range benchN {
		p := g.Person(i)
		x.Add(Person{ID: p.ID, Owner: 2, Scope: access.ScopeAll, Names: []Name{{First: p.First, Patronymic: p.Patronymic, Last: p.Last}},
			BirthDates: []string{p.BirthDate}, Nationalities: []string{p.Country}, Gender: p.Gender})
	}
	x.Optimize()
	return x, g.Queries(benchN, 1000)
})

func BenchmarkSearch(b *testing.B) {
	x, qs := benchIndex()
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		x.Search(Query{Name: q.Name, BirthDate: q.BirthDate}, all)
		i++
	}
}

func BenchmarkSearchMRZ(b *testing.B) {
	x, _ := benchIndex()
	for b.Loop() {
		x.Search(Query{Name: "SHEVCHENKO<<OLEKSANDR", BirthDate: "1985-03-12"}, all)
	}
}

func BenchmarkAdd(b *testing.B) {
	g := synth.New(2)
	x := New()
	i := 0
	for b.Loop() {
		p := g.Person(i)
		x.Add(Person{ID: p.ID, Scope: access.ScopeAll, Names: []Name{{First: p.First, Patronymic: p.Patronymic, Last: p.Last}}})
		i++
	}
}
