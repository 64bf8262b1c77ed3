package names

import (
	"slices"
	"strings"
	"sync"
)

// Gender is the grammatical gender a name form shows.
type Gender uint8

// Genders.
const (
	GenderUnknown Gender = iota
	GenderMale
	GenderFemale
)

// String returns "unknown", "male" or "female".
func (g Gender) String() string {
	switch g {
	case GenderMale:
		return "male"
	case GenderFemale:
		return "female"
	}
	return "unknown"
}

// ending is a grammatical ending Stem removes.
type ending struct {
	suffix  string // on the folded token
	replace string // what the stem keeps in its place
	gender  Gender
	minStem int // the stem must keep at least this many bytes
}

// stemEndings returns the endings Stem removes, ordered: the first matching
// ending wins, so longer and more specific endings come first. The first
// patronymicCount of them are patronymics.
var stemEndings = sync.OnceValue(func() []ending {
	var es []ending
	// Patronymics (uk, ru and their Latin renderings), stem = father's name.
	for _, pre := range []string{"ov", "ev", "ow", "ew", "av"} {
		for _, suf := range []string{"ytsch", "itsch", "ytch", "itch", "ytsj", "itsj", "ych", "ich",
			"ycz", "icz", "ycs", "ics", "yci", "ici", "ytj", "itj", "itx", "yts", "its", "yc", "ic",
			"ichius", "icius"} { // Lithuanian -ovičius
			es = append(es, ending{pre + suf, "", GenderMale, 3})
		}
	}
	for _, suf := range []string{"ovna", "evna", "ivna", "owna", "ewna", "ichna", "ychna", "auna", "euna"} {
		es = append(es, ending{suf, "", GenderFemale, 3})
	}
	slices.SortStableFunc(es, func(a, b ending) int { return len(b.suffix) - len(a.suffix) })
	return append(es,
		// Adjectival surnames: uk -skyi/-ska, ru -skii/-skaia, pl -ski/-ska, cz -ský/-ská.
		ending{"skaya", "sk", GenderFemale, 2}, ending{"skaia", "sk", GenderFemale, 2}, ending{"skaja", "sk", GenderFemale, 2},
		ending{"skiy", "sk", GenderMale, 2}, ending{"skii", "sk", GenderMale, 2}, ending{"skyi", "sk", GenderMale, 2},
		ending{"skyy", "sk", GenderMale, 2}, ending{"skij", "sk", GenderMale, 2}, ending{"skyj", "sk", GenderMale, 2},
		ending{"skoi", "sk", GenderMale, 2}, ending{"skoy", "sk", GenderMale, 2}, ending{"skoj", "sk", GenderMale, 2},
		ending{"sky", "sk", GenderMale, 2}, ending{"ski", "sk", GenderMale, 2}, ending{"ska", "sk", GenderFemale, 2},
		ending{"cky", "ck", GenderMale, 2}, ending{"cki", "ck", GenderMale, 2}, ending{"cka", "ck", GenderFemale, 2},
		// Czech and Slovak -ová added to a feminine Russian surname.
		ending{"ovova", "ov", GenderFemale, 2}, ending{"evova", "ev", GenderFemale, 2}, ending{"inova", "in", GenderFemale, 2},
		// Lithuanian wives' and daughters' forms.
		ending{"iene", "", GenderFemale, 3}, ending{"aite", "", GenderFemale, 3}, ending{"yte", "", GenderFemale, 3},
		ending{"ute", "", GenderFemale, 3},
		// Other adjectival endings (Tolstoy, Tolstaya).
		ending{"aya", "", GenderFemale, 4}, ending{"aia", "", GenderFemale, 4}, ending{"aja", "", GenderFemale, 4},
		ending{"oy", "", GenderMale, 4}, ending{"oi", "", GenderMale, 4}, ending{"oj", "", GenderMale, 4},
		// Family plurals: Russian Ивановы, Георгиевы, Пушкины; Georgian
		// ბერიძეები, წიფურიები (of Beridze, Tsipuria).
		ending{"ovy", "ov", GenderUnknown, 2}, ending{"evy", "ev", GenderUnknown, 2}, ending{"iny", "in", GenderUnknown, 2},
		ending{"ebi", "", GenderUnknown, 4},
		// Possessive surnames: -ov/-ova, -ev/-eva, -in/-ina, -yn/-yna.
		ending{"ova", "ov", GenderFemale, 2}, ending{"eva", "ev", GenderFemale, 2}, ending{"ina", "in", GenderFemale, 2},
		ending{"yna", "yn", GenderFemale, 2}, ending{"ov", "ov", GenderMale, 2}, ending{"ev", "ev", GenderMale, 2},
		ending{"in", "in", GenderMale, 2}, ending{"yn", "yn", GenderMale, 2},
		// Lithuanian and Latvian masculine endings added to foreign names
		// (Putinas, Putins, Zelenskis).
		ending{"as", "", GenderMale, 3}, ending{"is", "", GenderMale, 3}, ending{"us", "", GenderMale, 3}, ending{"ys", "", GenderMale, 3},
		// Feminine -a (Latvian, Czech, Polish, East Slavic given names).
		ending{"a", "", GenderFemale, 3},
	)
})

// patronymicCount is the number of leading stemEndings that are
// patronymics: 5 × 23 masculine (-ov, -ev, -ow, -ew and Belarusian -av) and
// 9 feminine.
const patronymicCount = 5*23 + 9

// Stem returns the gender-neutral stem of a surname (or given name) token and
// the gender its ending shows: Ivanov and Ivanova give ("ivanov", male) and
// ("ivanov", female); Kowalski/Kowalska, Зеленський/Зеленська,
// Kazlauskas/Kazlauskienė/Kazlauskaitė, Bērziņš/Bērziņa, Petrovych/Petrivna
// likewise share a stem. The stem is folded Latin (see Fold). A token with no
// known ending is its own stem with GenderUnknown. Czech -ová added to a
// whole male name (Novák, Nováková) is recognised by Compare, not Stem.
//
// A Latvian masculine -s after a consonant is removed (Putins = Putin); the
// endings are language rules, not certainties, so use the gender with the
// other evidence of a name.
func Stem(token string) (stem string, g Gender) {
	return stemFolded(Fold(token))
}

func stemFolded(f string) (string, Gender) {
	es := stemEndings()
	for i := range es {
		e := &es[i]
		if len(f) >= len(e.suffix)+e.minStem && strings.HasSuffix(f, e.suffix) {
			stem := f[:len(f)-len(e.suffix)]
			if i < patronymicCount {
				stem = strings.TrimRight(stem, "iyj") // Andriiovych, Andriivna
			}
			return stem + e.replace, e.gender
		}
	}
	if n := len(f); n >= 4 && f[n-1] == 's' && !isVowelByte(f[n-2]) {
		return f[:n-1], GenderMale
	}
	return f, GenderUnknown
}

func isVowelByte(c byte) bool {
	return strings.IndexByte("aeiouy", c) >= 0
}

// Patronymic reports whether token has the ending of an East Slavic
// patronymic (uk -ovych/-evych/-ivna, ru -ovich/-evich/-ovna/-evna/-ichna, be
// -avich/-auna and
// their German, French, Polish, Hungarian, Romanian and Czech renderings)
// and which gender it shows. Many surnames share these endings
// (Abramovich); Parse uses the position in the name as well.
func Patronymic(token string) (Gender, bool) {
	return patronymicFolded(Fold(token))
}

func patronymicFolded(f string) (Gender, bool) {
	es := stemEndings()[:patronymicCount]
	for i := range es {
		if len(f) >= len(es[i].suffix)+es[i].minStem && strings.HasSuffix(f, es[i].suffix) {
			return es[i].gender, true
		}
	}
	return GenderUnknown, false
}
