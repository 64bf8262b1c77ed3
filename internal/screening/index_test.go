package screening

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/names"
)

// all sees every record.
var all = access.Visibility{Agency: 1, SeesAll: true, VictimData: true, ChildData: true}

func person(id, full, birth, nat, gender string) Person {
	return Person{ID: id, Owner: 1, Scope: access.ScopeAll, Names: []Name{{Full: full}}, BirthDates: nonEmpty(birth),
		Nationalities: nonEmpty(nat), Gender: gender}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func testIndex() *Index {
	x := New()
	x.Add(Person{ID: "shevchenko", Owner: 1, Scope: access.ScopeAll,
		Names: []Name{{First: "Олександр", Patronymic: "Петрович", Last: "Шевченко"}}, BirthDates: []string{"1985-03-12"},
		Nationalities: []string{"UA"}, Gender: "male"})
	x.Add(person("ivan-shevchenko", "Іван Шевченко", "1990-01-01", "UA", "male"))
	x.Add(person("jughashvili", "იოსებ ჯუღაშვილი", "1978-12-18", "GE", "male"))
	x.Add(person("popescu", "Ștefan Popescu", "1980-07-07", "RO", "male"))
	x.Add(person("ivanova", "Олена Іванова", "1992-05-05", "UA", "female"))
	x.Add(person("ivanov", "Олег Іванов", "1970-05-05", "UA", "male"))
	x.Add(person("szoke", "Szőke Győző", "1966-02-02", "HU", "male"))
	x.Add(person("wojcik", "Paweł Wójcik", "1988-08-08", "PL", "male"))
	x.Add(person("li", "Li Yu", "", "", ""))
	for i := range 50 {
		x.Add(person(fmt.Sprintf("filler-%d", i), fmt.Sprintf("Name%c Surname%c", 'a'+i%26, 'a'+i/26), "", "", ""))
	}
	return x
}

func TestSearchMatches(t *testing.T) {
	x := testIndex()
	cases := []struct {
		name string
		q    Query
		want string
	}{
		{"kmu55", Query{Name: "Oleksandr Shevchenko"}, "shevchenko"},
		{"russian style", Query{Name: "Aleksandr Shevchenko"}, "shevchenko"},
		{"french", Query{Name: "Alexandre Chevtchenko"}, "shevchenko"},
		{"german", Query{Name: "Alexander Schewtschenko"}, "shevchenko"},
		{"polish", Query{Name: "Aleksander Szewczenko"}, "shevchenko"},
		{"scholarly", Query{Name: "Oleksandr Ševčenko"}, "shevchenko"},
		{"romanian", Query{Name: "Alexandru Șevcenko"}, "shevchenko"},
		{"mrz", Query{Name: "SHEVCHENKO<<OLEKSANDR"}, "shevchenko"},
		{"mrz truncated", Query{Name: "SHEVCHENKO<<OLEKS"}, "shevchenko"},
		{"last first", Query{Name: "SHEVCHENKO, Oleksandr"}, "shevchenko"},
		{"reordered", Query{Name: "Shevchenko Oleksandr"}, "shevchenko"},
		{"with patronymic", Query{Name: "Oleksandr Petrovych Shevchenko"}, "shevchenko"},
		{"typo", Query{Name: "Oleksandr Shevchneko"}, "shevchenko"},
		{"structured", Query{FirstName: "Oleksandr", LastName: "Shevchenko"}, "shevchenko"},
		{"initial", Query{Name: "O. Shevchenko", BirthDate: "1985-03-12"}, "shevchenko"},
		{"georgian national", Query{Name: "Ioseb Jughashvili"}, "jughashvili"},
		{"georgian via russian", Query{Name: "Iosif Dzhugashvili"}, "jughashvili"},
		{"romanian cedilla", Query{Name: "Ştefan Popescu"}, "popescu"},
		{"lost diacritics", Query{Name: "Stefan Popescu"}, "popescu"},
		{"hungarian order", Query{Name: "Győző Szőke"}, "szoke"},
		{"polish l", Query{Name: "Pawel Wojcik"}, "wojcik"},
		{"diminutive", Query{Name: "Sasha Shevchenko"}, "shevchenko"},
		{"diminutive in native script", Query{Name: "Сашко Шевченко"}, "shevchenko"},
		{"georgian diminutive", Query{Name: "Soso Jughashvili"}, "jughashvili"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := x.Search(c.q, all)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 || rs[0].ID != c.want {
				t.Fatalf("got %+v, want %s first", rs, c.want)
			}
			if rs[0].Score <= 0 || rs[0].Score > 1 || len(rs[0].Explanation.Parts) == 0 {
				t.Errorf("score %v, explanation %+v", rs[0].Score, rs[0].Explanation)
			}
		})
	}
}

func TestSearchDoesNotOverMatch(t *testing.T) {
	notMatched(t, testIndex(), []notCase{
		{"same surname other given name", Query{Name: "Mykola Shevchenko"}, "shevchenko"},
		{"surname alone", Query{Name: "Shevchenko"}, "shevchenko"},
		{"another name's diminutive", Query{Name: "Misha Shevchenko"}, "shevchenko"},
		{"female form", Query{Name: "Oleh Ivanova"}, "ivanova"},
		{"male form", Query{Name: "Olena Ivanov"}, "ivanov"},
		{"different birth date and gender", Query{Name: "Ivan Shevchenko", BirthDate: "1955-06-06", Gender: "female"}, "ivan-shevchenko"},
		{"short name", Query{Name: "Li Yu"}, "li"},
	})
}

// search screens a name against x with every record visible.
func search(t *testing.T, x *Index, name string) []Result {
	t.Helper()
	rs, err := x.Search(Query{Name: name}, all)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// scores runs search and returns each result's score by record id.
func scores(t *testing.T, x *Index, name string) map[string]float64 {
	t.Helper()
	got := map[string]float64{}
	for _, r := range search(t, x, name) {
		got[r.ID] = r.Score
	}
	return got
}

// notCase is a query that must not return a record.
type notCase struct {
	name string
	q    Query
	not  string
}

// notMatched runs each case against x and fails when it returns its record.
func notMatched(t *testing.T, x *Index, cases []notCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := x.Search(c.q, all)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if r.ID == c.not {
					t.Errorf("%s matched with score %v: %+v", c.not, r.Score, r.Explanation)
				}
			}
		})
	}
}

func TestScoreQualifiers(t *testing.T) {
	x := testIndex()
	score := func(q Query) float64 {
		q.Threshold = 0.01
		rs, _ := x.Search(q, all)
		for _, r := range rs {
			if r.ID == "shevchenko" {
				return r.Score
			}
		}
		return 0
	}
	plain := score(Query{Name: "Oleksandr Shevchenko"})
	dob := score(Query{Name: "Oleksandr Shevchenko", BirthDate: "1985-03-12", Nationality: "UA", Gender: "male"})
	year := score(Query{Name: "Oleksandr Shevchenko", BirthDate: "1985"})
	wrong := score(Query{Name: "Oleksandr Shevchenko", BirthDate: "1961-10-01"})
	if !(dob > year && year > plain && plain > wrong) {
		t.Errorf("exact %v > year %v > none %v > mismatch %v: want that order", dob, year, plain, wrong)
	}
	if plain >= 1 || dob > 1 {
		t.Errorf("scores saturate: plain %v, confirmed %v", plain, dob)
	}
	cognate := score(Query{Name: "Aleksander Szewczenko"})
	if cognate >= plain {
		t.Errorf("cognate %v should score below transliteration %v", cognate, plain)
	}
}

func TestExplanation(t *testing.T) {
	x := testIndex()
	rs, err := x.Search(Query{Name: "SHEVCHENKO<<ALEKSANDR", BirthDate: "1985-03-12", Nationality: "UA"}, all)
	if err != nil || len(rs) == 0 {
		t.Fatalf("got %v, %v", rs, err)
	}
	ex := rs[0].Explanation
	routes := map[string]string{}
	for _, p := range ex.Parts {
		routes[p.Query] = p.Route
	}
	if routes["shevchenko"] == "" || !strings.HasPrefix(routes["shevchenko"], names.RouteTransliteration) {
		t.Errorf("surname route %q in %+v", routes["shevchenko"], ex)
	}
	if routes["aleksandr"] != names.RouteCognate {
		t.Errorf("given route %q", routes["aleksandr"])
	}
	if len(ex.Adjustments) < 2 || ex.Adjustments[0].Factor != "birthDate" || ex.Adjustments[0].Outcome != "exact" {
		t.Errorf("adjustments %+v", ex.Adjustments)
	}
}

func TestVisibility(t *testing.T) {
	x := New()
	x.Add(Person{ID: "md-owner-only", Owner: 2, Scope: access.ScopeOwner, Names: []Name{{Full: "Ion Rusu"}}})
	x.Add(Person{ID: "md-to-ua", Owner: 2, Scope: access.ScopeAgencies, Agencies: []int64{1}, Names: []Name{{Full: "Ion Rusu"}}})
	x.Add(Person{ID: "victim", Owner: 2, Scope: access.ScopeAll, Victim: true, Names: []Name{{Full: "Ion Rusu"}}})
	x.Add(Person{ID: "shared", Owner: 2, Scope: access.ScopeAll, Names: []Name{{Full: "Ion Rusu"}}})
	got := func(v access.Visibility) string {
		rs, err := x.Search(Query{Name: "Ion Rusu"}, v)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
		return strings.Join(ids, ",")
	}
	officer := access.Visibility{Agency: 1, SeesAll: true}
	if g := got(officer); g != "md-to-ua,shared" {
		t.Errorf("officer of agency 1 sees %q", g)
	}
	partner := access.Visibility{Agency: 3}
	if g := got(partner); g != "" {
		t.Errorf("partner sees %q", g)
	}
	if g := got(access.Visibility{None: true}); g != "" {
		t.Errorf("no visibility sees %q", g)
	}
}

func TestAddRemoveUpdate(t *testing.T) {
	x := New()
	x.Add(person("a", "Олександр Шевченко", "", "", ""))
	find := func(q string) []Result { return search(t, x, q) }
	if len(find("Oleksandr Shevchenko")) != 1 || x.Len() != 1 {
		t.Fatal("not found after Add")
	}
	x.Update(person("a", "Petro Kovalenko", "", "", ""))
	if len(find("Oleksandr Shevchenko")) != 0 || len(find("Petro Kovalenko")) != 1 || x.Len() != 1 {
		t.Fatal("Update did not replace the names")
	}
	x.Remove("a")
	x.Remove("unknown")
	if len(find("Petro Kovalenko")) != 0 || x.Len() != 0 || x.Contains("a") {
		t.Fatal("found after Remove")
	}
	if _, err := x.Search(Query{Name: " ,<< "}, all); err != ErrNoName {
		t.Errorf("empty query: %v", err)
	}
}

func TestConcurrentReadersAndWriters(t *testing.T) {
	x := testIndex()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				id := fmt.Sprintf("w%d-%d", w, i)
				x.Add(person(id, "Mykola Kovalenko", "", "", ""))
				if i%2 == 0 {
					x.Remove(id)
				}
			}
		}()
	}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if _, err := x.Search(Query{Name: "Mykola Kovalenko"}, all); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	rs, _ := x.Search(Query{Name: "Mykola Kovalenko", Limit: MaxLimit}, all)
	if len(rs) != 100 {
		t.Errorf("%d results, want 100", len(rs))
	}
}

// TestCandidatesReachEveryRoute checks that the blocking keys find the
// records whose tokens Compare relates by routes with no shared spelling:
// an inflected or Czech feminine form of a feminine surname, a typo that
// drops a consonant between two vowels, a phonetic rendering.
func TestCandidatesReachEveryRoute(t *testing.T) {
	x := New()
	x.Add(person("volchkova", "ფრანგულიანი Volčkovová", "", "", ""))
	x.Add(person("vaganov", "Имура Ваганов", "", "", ""))
	x.Add(person("mahmood", "ბერბიჭაშვილი Mahmood", "", "", ""))
	x.Add(person("yoroshbaev", "Йөрөшбаев Вайнштайн", "", "", ""))
	for i := range 50 {
		x.Add(person(fmt.Sprintf("filler-%d", i), fmt.Sprintf("Name%c Surname%c", 'a'+i%26, 'a'+i/26), "", "", ""))
	}
	for q, want := range map[string]string{
		"Pranguliani Volchkova": "volchkova",
		"Imura Wagaow":          "vaganov",
		"Berbichashvili Mahmud": "mahmood",
		"Yurushbaev Weinstein":  "yoroshbaev", // vowels a typo's worth apart: the consonant keys
	} {
		rs, err := x.Search(Query{Name: q}, all)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 || rs[0].ID != want {
			t.Errorf("%q: got %+v, want %s first", q, rs, want)
		}
	}
}
