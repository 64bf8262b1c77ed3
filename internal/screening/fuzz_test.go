package screening

import (
	"testing"
)

// FuzzQuery: no query text panics, and every result is a visible indexed
// record with a score in [0, 1] and an explanation.
func FuzzQuery(f *testing.F) {
	x := testIndex()
	x.Add(person("compound", "Abdulrahman Alhassan", "", "", ""))
	x.Add(person("initial", "P. Ivanov", "", "", ""))
	for _, s := range []string{"Oleksandr Shevchenko", "SHEVCHENKO<<OLEKS", "Ş, ţ", "P<UKRSHEVCHENKO<<OLEKSANDR<<<<<<<<<<<<<<<<<<<",
		"ჯუღაშვილი", "О. Шевченко", "  ,, ", "a-b'c d.e", "\x00\xff", "Abdul Rahman Al Hassan", "Dzan³tsiu¹ 王小龍", "Iv Anshev Chenko"} {
		f.Add(s, "1985-03-12")
	}
	f.Fuzz(func(t *testing.T, name, birth string) {
		rs, err := x.Search(Query{Name: name, BirthDate: birth, Threshold: 0.01}, all)
		if err != nil && err != ErrNoName {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Score < 0 || r.Score > 1 || !x.Contains(r.ID) || r.Explanation.Name == "" {
				t.Fatalf("%q: bad result %+v", name, r)
			}
		}
		for _, field := range []Query{{FirstName: name}, {LastName: name, Patronymic: birth}} {
			if _, err := x.Search(field, all); err != nil && err != ErrNoName {
				t.Fatal(err)
			}
		}
	})
}
