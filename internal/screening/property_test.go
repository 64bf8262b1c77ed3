package screening

import (
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/iforce-platform/iforce/internal/names"
)

// nativeNames are full names in the scripts of the region, each with the
// language prefix of the systems that write it.
var nativeNames = []struct{ name, lang string }{
	{"Олександр Шевченко", "uk:"},
	{"Григорій Ковальчук", "uk:"},
	{"Наталія Бондаренко", "uk:"},
	{"Владимир Соколов", "ru:"},
	{"Фёдор Достоевский", "ru:"},
	{"Юлия Кузнецова", "ru:"},
	{"Аляксандр Лукашэнка", "be:"},
	{"იოსებ ჯუღაშვილი", "ka:"},
	{"მიხეილ სააკაშვილი", "ka:"},
}

// TestPropNameMatchesItselfInEveryScript: a name indexed in its native script
// is found from its rendering in every system of its language, and ranks
// first.
func TestPropNameMatchesItselfInEveryScript(t *testing.T) {
	x := New()
	for _, n := range nativeNames {
		x.Add(person(n.name, n.name, "", "", ""))
	}
	for _, n := range nativeNames {
		for _, sys := range names.Systems() {
			if !strings.HasPrefix(sys, n.lang) {
				continue
			}
			q, _ := names.Transliterate(n.name, sys)
			for _, form := range []string{q, strings.ToUpper(names.Fold(q)), n.name} {
				rs, err := x.Search(Query{Name: form}, all)
				if err != nil {
					t.Fatal(err)
				}
				if len(rs) == 0 || rs[0].ID != n.name {
					t.Errorf("%s (%s) as %q: got %+v", n.name, sys, form, rs)
				}
			}
		}
	}
}

// TestPropSelfMatch: any indexed name of letters is found by itself, with a
// score in [0, 1], and its MRZ form finds it too.
func TestPropSelfMatch(t *testing.T) {
	word := func(alphabet string) *rapid.Generator[string] {
		letters := []rune(alphabet)
		return rapid.Custom(func(t *rapid.T) string {
			rs := make([]rune, rapid.IntRange(4, 10).Draw(t, "len"))
			for i := range rs {
				rs[i] = rapid.SampledFrom(letters).Draw(t, "l")
			}
			return string(rs)
		})
	}
	alpha := rapid.SampledFrom([]string{"abcdefghijklmnoprstuvyz", "абвгдежзиклмнопрстуфхцчш", "ąćęłńóśźżabcdeklmnoprst"})
	rapid.Check(t, func(t *rapid.T) {
		a := alpha.Draw(t, "alphabet")
		given, sur := word(a).Draw(t, "given"), word(a).Draw(t, "surname")
		x := New()
		x.Add(Person{ID: "p", Names: []Name{{First: given, Last: sur}}, Scope: "all", Owner: 1})
		for _, q := range []Query{{FirstName: given, LastName: sur}, {Name: given + " " + sur},
			{Name: strings.ToUpper(names.Fold(sur)) + "<<" + strings.ToUpper(names.Fold(given))}} {
			rs, err := x.Search(q, all)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != 1 || rs[0].Score < DefaultThreshold || rs[0].Score > 1 {
				t.Fatalf("%+v: got %+v", q, rs)
			}
		}
	})
}

// TestPropCompoundGivenNames: a given name of two words is found whether the
// query writes them apart or as one word, and a name indexed as one word is
// found by its two halves written apart.
func TestPropCompoundGivenNames(t *testing.T) {
	letters := []rune("abcdefghijklmnoprstuvyz")
	word := rapid.Custom(func(t *rapid.T) string {
		rs := make([]rune, rapid.IntRange(3, 8).Draw(t, "len"))
		for i := range rs {
			rs[i] = rapid.SampledFrom(letters).Draw(t, "l")
		}
		return string(rs)
	})
	rapid.Check(t, func(t *rapid.T) {
		g1, g2, sur := word.Draw(t, "given1"), word.Draw(t, "given2"), word.Draw(t, "surname")
		x := New()
		x.Add(Person{ID: "apart", Names: []Name{{First: g1 + " " + g2, Last: sur}}, Scope: "all", Owner: 1})
		x.Add(Person{ID: "joined", Names: []Name{{First: g1 + g2, Last: sur + "ko"}}, Scope: "all", Owner: 1})
		for _, c := range []struct {
			q    Query
			want string
		}{
			{Query{FirstName: g1 + g2, LastName: sur}, "apart"},
			{Query{Name: g1 + g2 + " " + sur}, "apart"},
			{Query{Name: g1 + " " + g2 + " " + sur + "ko"}, "joined"},
			{Query{Name: strings.ToUpper(sur+"ko") + "<<" + strings.ToUpper(g1+"<"+g2)}, "joined"},
		} {
			rs, err := x.Search(c.q, all)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range rs {
				found = found || r.ID == c.want
			}
			if !found {
				t.Fatalf("%+v: got %+v, want %s", c.q, rs, c.want)
			}
		}
	})
}
