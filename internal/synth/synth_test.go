package synth

import (
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/names"
)

func TestDeterministic(t *testing.T) {
	a, b := New(42), New(42)
	for i := range 100 {
		if a.Person(i) != b.Person(i) {
			t.Fatalf("person %d differs between runs", i)
		}
	}
	qa, qb := a.Queries(100, 50), b.Queries(100, 50)
	for i := range qa {
		if qa[i] != qb[i] {
			t.Fatalf("query %d differs: %+v vs %+v", i, qa[i], qb[i])
		}
	}
	if New(43).Person(0) == a.Person(0) && New(43).Person(1) == a.Person(1) {
		t.Error("the seed changes nothing")
	}
}

func TestVariety(t *testing.T) {
	g := New(1)
	countries, surnames := map[string]int{}, map[string]bool{}
	for i := range 20000 {
		p := g.Person(i)
		countries[p.Country]++
		surnames[p.Last] = true
		if p.First == "" || p.Last == "" || len(p.BirthDate) != 10 {
			t.Fatalf("incomplete person %+v", p)
		}
	}
	if len(countries) < 10 || len(surnames) < 2000 {
		t.Errorf("%d countries, %d surnames in 20000 persons", len(countries), len(surnames))
	}
	kinds := map[Kind]int{}
	for _, q := range g.Queries(1000, 700) {
		kinds[q.Kind]++
		if q.Name == "" {
			t.Errorf("empty query %+v", q)
		}
	}
	if len(kinds) != len(Kinds) {
		t.Errorf("kinds %v", kinds)
	}
}

// TestRenderingsExist: every system queries are written in is one the names
// package knows.
func TestRenderingsExist(t *testing.T) {
	known := map[string]bool{}
	for _, s := range names.Systems() {
		known[s] = true
	}
	for lang, sys := range renderings {
		for _, s := range sys {
			if !known[s] || !strings.HasPrefix(s, lang) {
				t.Errorf("%s: system %q unknown or of another language", lang, s)
			}
		}
	}
}
