package screening

import (
	"testing"

	"github.com/iforce-platform/iforce/internal/access"
)

func compoundIndex() *Index {
	x := New()
	for _, p := range []Person{
		person("abdulrahman", "Abdulrahman Alhassan", "", "", ""),
		person("ana-maria", "Ana Maria Popescu", "", "RO", "female"),
		person("xiaolong", "Wang Xiaolong", "", "", ""),
		person("vanderberg", "Mariana Vanderberg", "", "", ""),
		person("wade-giles", "Dzan³tsiu¹ Kyōzuka", "", "", ""),
		person("cyrillic", "Абдул Рахман Кадиров", "", "", ""),
		person("petrenko", "Ivan Petrenko", "", "", ""),
		{ID: "aliases", Owner: 1, Scope: access.ScopeAll, Names: []Name{{Full: "Ali Abdul"}, {Full: "Rahman Ali"}}},
	} {
		x.Add(p)
	}
	return x
}

func TestCompoundNames(t *testing.T) {
	x := compoundIndex()
	cases := []struct {
		name, query, want string
		joined            string // the query side of the joined part, as explained
	}{
		{"query split, record joined", "Abdul Rahman Al Hassan", "abdulrahman", "abdul rahman"},
		{"query joined, record split", "Anamaria Popescu", "ana-maria", "anamaria"},
		{"MRZ components", "ALHASSAN<<ABDUL<RAHMAN", "abdulrahman", "abdul rahman"},
		{"three parts", "Mariana Van der Berg", "vanderberg", "van der berg"},
		{"syllables", "Xiao Long Wang", "xiaolong", "xiao long"},
		{"tone digits part syllables", "Dzantsiu Kyozuka", "wade-giles", "dzantsiu"},
		{"halves in another script", "Abdulrahman Kadirov", "cyrillic", "abdulrahman"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := x.Search(Query{Name: c.query}, all)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || rs[0].ID != c.want {
				t.Fatalf("got %+v, want %s first", rs, c.want)
			}
			joined := false
			for _, p := range rs[0].Explanation.Parts {
				if p.Joined && p.Query == c.joined {
					joined = true
				}
			}
			if !joined {
				t.Errorf("no joined part %q in %+v", c.joined, rs[0].Explanation.Parts)
			}
		})
	}
}

func TestCompoundNamesDoNotOverMatch(t *testing.T) {
	x := compoundIndex()
	cases := []notCase{
		// The halves must be adjacent parts of one name, in order.
		{"halves reversed", Query{Name: "Rahmanabdul Alhassan"}, "abdulrahman"},
		{"halves from two names", Query{Name: "Abdulrahman Ali"}, "aliases"},
		// A given name and a surname are not one word.
		{"across roles", Query{FirstName: "Iv", LastName: "An Petrenko"}, "petrenko"},
	}
	notMatched(t, x, cases)
	score := func(q string, id string) float64 {
		rs, _ := x.Search(Query{Name: q, Threshold: 0.01}, all)
		for _, r := range rs {
			if r.ID == id {
				return r.Score
			}
		}
		return 0
	}
	if joined, same := score("Abdul Rahman Alhassan", "abdulrahman"), score("Abdulrahman Alhassan", "abdulrahman"); !(joined > 0 && joined < same) {
		t.Errorf("written apart %v should score below written alike %v", joined, same)
	}
}
