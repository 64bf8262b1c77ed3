// Package synth generates realistic synthetic persons of the programme's
// region for benchmarks and evaluations: names in their native scripts
// (Ukrainian and Russian Cyrillic, Georgian, Romanian and Moldovan, Polish,
// Hungarian, Baltic), gendered surnames and patronymics, birth dates and
// nationalities, with common names drawn more often than rare ones; and the
// queries a border guard or a foreign register would make of them
// (transliterated in another system, typed with a typo, reordered, read
// from an MRZ). Everything is deterministic for a seed. No real person is
// described: names are drawn independently and composed.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iforce-platform/iforce/internal/names"
)

// Person is a synthetic person.
type Person struct {
	ID           string
	Country      string // nationality, ISO 3166-1 alpha-2
	Lang         string // transliteration systems prefix of the native script, "" for Latin
	First        string
	Patronymic   string // East Slavic only
	Last         string
	Gender       string // male or female
	BirthDate    string // YYYY-MM-DD
	SurnameFirst bool   // written surname first (Hungarian)
}

// FullName returns the name as its own register writes it.
func (p Person) FullName() string {
	if p.SurnameFirst {
		return p.Last + " " + p.First
	}
	return strings.Join(nonEmpty(p.First, p.Patronymic, p.Last), " ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Generator draws persons deterministically from a seed.
type Generator struct {
	seed     uint64
	cultures []culture
	weights  []float64 // cumulative shares of the cultures
}

// New returns a generator for a seed.
func New(seed uint64) *Generator {
	g := &Generator{seed: seed, cultures: cultures()}
	// Shares of the region's registers: Ukrainian and Russian names dominate.
	shares := map[string]float64{"UA": 30, "RU": 15, "MD": 10, "RO": 10, "GE": 8, "PL": 10, "HU": 5, "LT": 4, "LV": 4, "EE": 4}
	total := 0.0
	for _, c := range g.cultures {
		total += shares[c.country]
		g.weights = append(g.weights, total)
	}
	for i := range g.weights {
		g.weights[i] /= total
	}
	return g
}

// rng returns the random source of item i of a stream.
func (g *Generator) rng(stream, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed^stream*0x9E3779B97F4A7C15, i))
}

// zipf draws an index in [0, n) with weight 1/(k+1).
func zipf(r *rand.Rand, n int) int {
	// Inverse of the harmonic CDF, approximated by the continuous one.
	u := r.Float64()
	k := int(math.Exp(u*math.Log(float64(n)+1))) - 1
	return min(max(k, 0), n-1)
}

// Person returns person i: the same i always gives the same person.
func (g *Generator) Person(i int) Person {
	r := g.rng(1, uint64(i))
	return g.draw(r, fmt.Sprintf("p%08d", i))
}

// Stranger returns a person drawn from another stream, most likely in no
// index built from Person (a no-hit query).
func (g *Generator) Stranger(i int) Person {
	r := g.rng(2, uint64(i))
	return g.draw(r, fmt.Sprintf("s%08d", i))
}

func (g *Generator) draw(r *rand.Rand, id string) Person {
	u := r.Float64()
	ci := 0
	for ci < len(g.weights)-1 && u > g.weights[ci] {
		ci++
	}
	c := &g.cultures[ci]
	p := Person{ID: id, Country: c.country, Lang: c.lang, SurnameFirst: c.surnameFirst}
	female := r.IntN(2) == 0
	p.Gender = "male"
	given := c.male
	if female {
		p.Gender, given = "female", c.female
	}
	p.First = given[zipf(r, len(given))]
	var last string
	if r.IntN(100) < 45 {
		last = c.surnames[zipf(r, len(c.surnames))]
	} else {
		last = composeSurname(r, c)
	}
	if female {
		last = c.feminine(last)
	}
	p.Last = last
	if c.patronymic != nil {
		p.Patronymic = c.patronymic(c.male[zipf(r, len(c.male))], female)
	}
	p.BirthDate = fmt.Sprintf("%d-%02d-%02d", 1945+r.IntN(62), 1+r.IntN(12), 1+r.IntN(28))
	return p
}

// composeSurname builds a rarer surname from one or two syllables and an
// ending of the culture, capitalised.
func composeSurname(r *rand.Rand, c *culture) string {
	// One to three syllables: a few thousand common-looking surnames and a
	// long tail of rare ones, as in real registers.
	root := c.syllables[r.IntN(len(c.syllables))]
	for n := r.IntN(4); n > 0; n-- {
		root += c.syllables[r.IntN(len(c.syllables))]
		if n == 3 {
			break
		}
	}
	return capitalise(root + c.endings[r.IntN(len(c.endings))])
}

// capitalise upper-cases the first letter of a Latin or Cyrillic word;
// Georgian (Mkhedruli) has no capitals in names.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Kind is the kind of a query derived from a person.
type Kind string

// Query kinds.
const (
	KindNative       Kind = "native"          // the name as written in its register
	KindTranslit     Kind = "transliteration" // another system of the language (Latin names: diacritics lost)
	KindMRZ          Kind = "mrz"             // SURNAME<<GIVEN, upper-case ICAO, given names possibly truncated
	KindTypo         Kind = "typo"            // one letter changed, dropped, doubled or swapped in a Latin rendering
	KindReordered    Kind = "reordered"       // "SURNAME, Given" or surname first
	KindNoPatronymic Kind = "no-patronymic"   // given name and surname only
	KindNoMatch      Kind = "no-match"        // a person not indexed
)

// Kinds lists the query kinds in a stable order.
var Kinds = []Kind{KindNative, KindTranslit, KindMRZ, KindTypo, KindReordered, KindNoPatronymic, KindNoMatch}

// Query is a screening query derived from a person, with the id it should
// find ("" for a no-match query).
type Query struct {
	Kind      Kind
	Name      string
	BirthDate string
	Want      string
}

// renderings are the transliteration systems a query is written in, by
// language prefix (the Estonian ones left out: their renderings take exact
// routes only). They are named, not drawn from names.Systems: a system
// added there (a reading such as uk:via-ru:en) changes no query, so
// figures stay comparable across engines.
var renderings = map[string][]string{
	"uk:": {"uk:kmu55", "uk:pass2007", "uk:icao", "uk:bgn1965", "uk:iso9", "uk:de", "uk:fr", "uk:pl", "uk:cs",
		"uk:hu", "uk:ro", "uk:lt", "uk:lv", "uk:nl", "uk:via-ru:ja"},
	"ru:": {"ru:icao", "ru:gost52535", "ru:mvd310", "ru:bgn", "ru:gost779b", "ru:iso9", "ru:wiki", "ru:de", "ru:fr",
		"ru:pl", "ru:cs", "ru:hu", "ru:ro", "ru:nl", "ru:sv", "ru:ja", "ru:en"},
	"ka:": {"ka:national", "ka:bgn1981", "ka:iso9984", "ka:via-ru", "ka:via-ru:wiki", "ka:via-ru:de", "ka:via-ru:fr",
		"ka:via-ru:pl", "ka:via-ru:cs", "ka:via-ru:hu", "ka:via-ru:ro"},
}

// systems returns the rendering systems of a language prefix.
func systems(lang string) []string { return renderings[lang] }

// latin renders s in a random system of lang, or strips its diacritics
// when it is Latin already.
func latin(r *rand.Rand, s, lang string, sys []string) string {
	if lang == "" {
		if r.IntN(2) == 0 {
			return s
		}
		return strings.Join(strings.Fields(names.Fold(s)), " ")
	}
	out, _ := names.Transliterate(s, sys[r.IntN(len(sys))])
	return out
}

// QueryFor derives a query of kind k from person p (for KindNoMatch, p
// should come from Stranger). The query carries the birth date.
func QueryFor(r *rand.Rand, p Person, k Kind) Query {
	q := Query{Kind: k, BirthDate: p.BirthDate, Want: p.ID}
	sys := systems(p.Lang)
	switch k {
	case KindNative:
		q.Name = p.FullName()
	case KindTranslit:
		q.Name = latin(r, p.First, p.Lang, sys) + " " + latin(r, p.Last, p.Lang, sys)
	case KindMRZ:
		icao := "fold"
		for _, s := range sys {
			if strings.HasSuffix(s, ":icao") || s == "uk:kmu55" || s == "ka:national" {
				icao = s
				break
			}
		}
		tr := func(s string) string {
			if icao != "fold" {
				s, _ = names.Transliterate(s, icao)
			}
			return strings.ToUpper(strings.ReplaceAll(names.Fold(s), " ", "<"))
		}
		given := tr(p.First)
		if len(given) > 5 && r.IntN(3) == 0 {
			given = given[:3+r.IntN(len(given)-4)] // truncated by the field length
		}
		q.Name = tr(p.Last) + "<<" + given
	case KindTypo:
		first, last := latin(r, p.First, p.Lang, sys), names.Fold(latin(r, p.Last, p.Lang, sys))
		if len(last) >= 5 {
			last = typo(r, last)
		} else {
			first = typo(r, names.Fold(first))
		}
		q.Name = first + " " + last
	case KindReordered:
		l, f := latin(r, p.Last, p.Lang, sys), latin(r, p.First, p.Lang, sys)
		if r.IntN(2) == 0 {
			q.Name = strings.ToUpper(l) + ", " + f
		} else {
			q.Name = strings.ToUpper(l) + " " + f
		}
	case KindNoPatronymic:
		q.Name = p.First + " " + p.Last
	case KindNoMatch:
		q.Name = latin(r, p.First, p.Lang, sys) + " " + latin(r, p.Last, p.Lang, sys)
		q.Want = ""
	}
	return q
}

// typo applies one random edit to a folded word of at least five letters.
func typo(r *rand.Rand, w string) string {
	if len(w) < 5 {
		return w
	}
	i := 1 + r.IntN(len(w)-2) // keep the first letter, as typists do
	b := []byte(w)
	switch r.IntN(4) {
	case 0: // substitution by a neighbouring letter
		b[i] = "qwertyuiopasdfghjklzxcvbnm"[r.IntN(26)]
	case 1: // deletion
		b = append(b[:i], b[i+1:]...)
	case 2: // doubling
		b = append(b[:i+1], b[i:]...)
	default: // transposition
		b[i], b[i+1] = b[i+1], b[i]
	}
	return capitalise(string(b))
}

// Queries derives m queries from the first n persons of g, cycling through
// the kinds, deterministically for the generator's seed.
func (g *Generator) Queries(n, m int) []Query {
	out := make([]Query, 0, m)
	for i := range m {
		r := g.rng(3, uint64(i))
		k := Kinds[i%len(Kinds)]
		var p Person
		if k == KindNoMatch {
			p = g.Stranger(i)
		} else {
			p = g.Person(r.IntN(n))
		}
		if k == KindNoPatronymic && p.Patronymic == "" {
			k = KindNative
		}
		out = append(out, QueryFor(r, p, k))
	}
	return out
}
