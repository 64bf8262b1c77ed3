package names

import (
	"slices"
	"strings"
)

// Routes by which Compare relates two tokens. They are shown to users in
// screening explanations: do not change them.
const (
	// RouteIdentical: the same token, up to case, Unicode form, apostrophes
	// and (in the same script) diacritics.
	RouteIdentical = "identical"
	// RouteTransliteration prefixes the system that renders one token as the
	// other: "transliteration:uk:kmu55". When both tokens are non-Latin the
	// two systems that meet are joined by "/":
	// "transliteration:uk:bgn1965/ru:wiki". Latin tokens that differ only by
	// the MRZ spelling of umlauts give "transliteration:latin:mrz"; another
	// reading of a Latin token joins in as a system (latin:hard-c,
	// latin:spelled-out, latin:de-reading: Deutscher = Дойчер is
	// "transliteration:latin:de-reading/uk:kmu55").
	RouteTransliteration = "transliteration:"
	// RouteCognate: the tokens belong to one cognate group (CognateIDs).
	RouteCognate = "cognate"
	// RouteHypocoristic: one token is a diminutive or familiar form of a
	// name of the other's cognate group, or both are of one name (Саша and
	// Oleksandr, Włodek and Volodymyr, Sasha and Шура; HypocoristicIDs).
	RouteHypocoristic = "hypocoristic"
	// RouteInflection: the same stem with a different grammatical ending
	// that does not change the gender (Putin, Putinas, Putins; Zelenskyi,
	// Zelenskis).
	RouteInflection = "inflection"
	// RouteSkeleton: the same cross-orthography skeleton (Skeleton) and a
	// small spelling distance.
	RouteSkeleton = "skeleton"
	// RouteTypo1 and RouteTypo2: a cost-folded edit distance (Distance) of at
	// most 1 (a confusable letter only between two four-letter tokens,
	// nothing for shorter ones), of at most 1.5 for tokens of seven to nine letters
	// with the same (or confusable) first letter and first vowel, or of at
	// most 2 for tokens of ten letters or more; the renderings must begin
	// alike (firstLettersAgree).
	RouteTypo1 = "typo(d=1)"
	RouteTypo2 = "typo(d=2)"
	// RoutePhonetic: renderings that hear a name's vowels differently
	// (Symeon, სიმონი): the same consonant skeleton (PhoneticKey, at least
	// three symbols), the same first vowel (Shevchenko is not Savchenko),
	// consonant letters at most one confusable apart, and a spelling
	// distance of at most half a unit a letter. Between a Latin and a
	// Cyrillic token the first vowel may differ as an English spelling is
	// heard (Latham, Лейтем; Munk, Манк; heardVowel) when the consonant
	// letters agree but for an h (softH); the score is then at most 0.7.
	RoutePhonetic = "phonetic"
	// RouteGenderForm: the masculine and feminine forms of one name
	// (Ivanov, Ivanova). Match.OK is false: same family, not the same person.
	RouteGenderForm = "gender-form"
	// RouteMRZTruncation: one token is a prefix of the other, as when the MRZ
	// truncates a long name. Match.OK is false because a prefix alone is weak;
	// CompareTokens accepts it for a token Parse marked MaybeTruncated.
	RouteMRZTruncation = "mrz-truncation"
	// RouteNone: no relation found.
	RouteNone = "none"
)

// Match is the result of comparing two name tokens.
type Match struct {
	OK    bool    // the tokens can stand for the same name of the same person
	Route string  // how they relate (the Route constants)
	Score float64 // similarity in [0, 1]; 1 only for identical tokens
}

// Form is a token prepared for comparison: its normalisation, fold,
// variants, skeletons, stems and cognate groups, computed once. Preparing
// the tokens of an index or a candidate list once makes CompareForms cheap.
// A Form from NewForm is immutable and safe for concurrent use.
type Form struct {
	norm     string
	script   Script
	vars     []Variant
	skels    []string  // skeleton of vars[i].Text
	stems    []stemRes // stem of vars[i].Text
	fuzzy    []int     // indexes of the vars the skeleton and typo routes use
	sysMask  []uint64  // of vars[fuzzy[k]]: the systems rendering the token so (0: unknown)
	masks    []uint64  // of every var, until complete
	phon     []string  // PhoneticKey of vars[fuzzy[k]].Text
	cons     []string  // the consonant letters of vars[fuzzy[k]].Text
	cognates []uint32
	hypos    []uint32 // the curated groups the token is a diminutive of
}

// FuzzyRendering reports whether the skeleton and typo routes use a
// rendering (by system sys) of the normalised token norm. The Estonian
// rendering of a token with и or ы is left out (exact routes only): its õ
// invites typo matches with unrelated names. Without them it is the plain
// spelling of a Baltic or Czech document that lost its carons (Šteinmets:
// Steinmets, a typo away from Steineetz), which no other system gives.
func FuzzyRendering(norm, sys string) bool {
	return !strings.HasSuffix(sys, ":et") || !strings.ContainsAny(norm, "иы")
}

type stemRes struct {
	stem   string // Skeleton of the stem, so that spellings of one stem meet
	gender Gender
	kind   uint8 // stemNone, stemPatronymic, stemOther
}

const (
	stemNone = iota
	stemPatronymic
	stemOther
)

// maxFuzzy caps the variants of a token the skeleton and typo routes try
// (a caron-less Estonian rendering comes on top).
const maxFuzzy = 8

// NewForm prepares token for CompareForms.
func NewForm(token string) *Form {
	f := newLightForm(token)
	f.complete()
	return f
}

// Variants returns the token's variants (as Variants gives them). The
// slice is the Form's own: do not modify it.
func (f *Form) Variants() []Variant { return f.vars }

// newLightForm computes what the first routes need; complete adds the rest.
func newLightForm(token string) *Form {
	n := fixHomoglyphs(Normalize(token))
	vars, masks := variants(n, true)
	return &Form{norm: n, script: DetectScript(n), vars: vars, masks: masks}
}

// complete computes the skeletons, stems and cognate groups. It writes to
// f unless they are there already, so a Form shared between goroutines must
// come from NewForm.
func (f *Form) complete() {
	if f.skels != nil || len(f.vars) == 0 {
		return
	}
	skels := make([]string, len(f.vars))
	f.stems = make([]stemRes, len(f.vars))
	for i, v := range f.vars {
		skels[i] = skeletonFolded(v.Text)
		f.stems[i] = stemOf(v.Text, skels[i])
	}
	// The fuzzy routes try the first maxFuzzy variants, keeping room for the
	// readings of foreign names (ru:ja, ru:en) and the Russian forms of
	// Belarusian ones, which come last in the order of systems but are the
	// only ones near their Latin spelling (Нисидзува: nishizuva, against a
	// dozen renderings of nisidzuva; Валянцінавіч: valyantinavich).
	// A caron-less Estonian rendering (Šteinmets) takes a slot beyond them:
	// in the place of the Dutch one (Sjevtsjoek) it lost the typos of that.
	var foreign, caronless []int
	for i, v := range f.vars {
		switch {
		case strings.HasSuffix(v.System, ":ja") || strings.HasSuffix(v.System, ":en") || strings.HasPrefix(v.System, "be:via-ru") || v.System == "be:ru-form":
			foreign = append(foreign, i)
		case strings.HasSuffix(v.System, ":et") && FuzzyRendering(f.norm, v.System):
			caronless = append(caronless, i)
		}
	}
	for i, v := range f.vars {
		if FuzzyRendering(f.norm, v.System) && len(f.fuzzy)+len(foreign) < maxFuzzy && !slices.Contains(foreign, i) && !slices.Contains(caronless, i) {
			f.fuzzy = append(f.fuzzy, i)
		}
	}
	f.fuzzy = append(append(f.fuzzy, foreign...), caronless...)
	for _, i := range f.fuzzy {
		f.phon = append(f.phon, phoneticKey(skels[i]))
		f.cons = append(f.cons, consonantLetters(f.vars[i].Text))
		var m uint64
		if i < len(f.masks) {
			m = f.masks[i]
		}
		f.sysMask = append(f.sysMask, m)
	}
	f.masks = nil
	f.cognates = cognateIDs(f.norm, f.vars)
	f.hypos = hypocoristicIDs(f.norm, f.vars)
	f.skels = skels
}

// PhoneticMay reports whether some variants of a and b have the same
// phonetic key and consonant letters at most one confusable apart: whether
// the phonetic route can relate them. It is a cheap filter for tokens found
// by their phonetic key alone, which no other route relates unless they
// also share a variant, skeleton, stem, cognate group or deletion key.
func PhoneticMay(a, b *Form) bool {
	a.complete()
	b.complete()
	for ki := range a.phon {
		if len(a.phon[ki]) <= minPhonetic {
			continue
		}
		for kj := range b.phon {
			if a.phon[ki] == b.phon[kj] && distanceUnits(a.cons[ki], b.cons[kj], 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// stemOf returns the stem of a variant text whose skeleton is skel.
func stemOf(text, skel string) stemRes {
	s, g := stemFolded(text)
	if s == text {
		return stemRes{stem: skel, gender: g}
	}
	sk := skeletonFolded(s)
	switch {
	case isPatronymicEnding(text):
		return stemRes{stem: sk, gender: g, kind: stemPatronymic}
	}
	return stemRes{stem: sk, gender: g, kind: stemOther}
}

// StemSkeleton returns the skeleton of the stem of a variant text (as from
// Variants) that has a grammatical ending, or "" when it has none: the key
// that brings together the forms the inflection and gender-form routes
// relate (Volchkova, Volčkovová; Putin, Putinas).
func StemSkeleton(text string) string {
	if s, _ := stemFolded(text); s != text {
		return skeletonFolded(s)
	}
	return ""
}

func isPatronymicEnding(text string) bool {
	_, ok := patronymicFolded(text)
	return ok
}

// Compare compares two name tokens in any script and says whether they can
// be the same name and by what route (the Route constants), trying in
// order: identical, transliteration, gender-form, inflection, cognate,
// hypocoristic, skeleton, typo, mrz-truncation. Use NewForm and
// CompareForms to compare one token with many.
func Compare(a, b string) Match {
	na, nb := Normalize(a), Normalize(b)
	if na == nb && na != "" {
		return Match{OK: true, Route: RouteIdentical, Score: 1}
	}
	return CompareForms(newLightForm(a), newLightForm(b))
}

// CompareForms is Compare on prepared tokens. It is cheap (well under a
// microsecond when a transliteration or the cognate dictionary relates the
// tokens, a few microseconds otherwise) and allocates nothing.
func CompareForms(a, b *Form) Match {
	if len(a.vars) == 0 || len(b.vars) == 0 {
		return Match{Route: RouteNone}
	}
	if a.norm == b.norm {
		return Match{OK: true, Route: RouteIdentical, Score: 1}
	}
	if a.script == b.script && a.vars[0].Text == b.vars[0].Text {
		return Match{OK: true, Route: RouteIdentical, Score: 0.98}
	}
	if route, ok := translitRoute(a, b); ok {
		return Match{OK: true, Route: route, Score: 0.95}
	}
	a.complete()
	b.complete()
	if m, ok := stemRoute(a, b); ok {
		return m
	}
	if sharesID(a.cognates, b.cognates) {
		return Match{OK: true, Route: RouteCognate, Score: 0.85}
	}
	if a.hypos != nil || b.hypos != nil {
		if sharesID(a.hypos, b.cognates) || sharesID(a.cognates, b.hypos) || sharesID(a.hypos, b.hypos) {
			return Match{OK: true, Route: RouteHypocoristic, Score: 0.8}
		}
	}
	// Two given names the curated groups know, in no group together, are
	// two names, not a typo or a hearing of one (Alexandra and Alexandru;
	// masculine and feminine forms are separate groups): only an MRZ
	// truncation may relate them.
	if knownApart(a.cognates, b.cognates) {
		return unrelated(a, b)
	}
	// Each pair of variants is measured only as far as a route can still
	// accept it: the typo allowance, or more when skeletons or phonetic keys
	// agree. The distance dominates the cost of a comparison.
	typoLimit := typoAllowance(len(a.vars[0].Text), len(b.vars[0].Text))
	best := typoLimit + 1 // best distance within the typo allowance, in half-units
	phonetic := -1.0      // best phonetic score
	// Two tokens of one non-Latin script read in one language are compared
	// system by system: a system renders their letters alike, so its two
	// renderings are as far apart as the tokens are, and the pairs of two
	// systems of the language only repeat it (a third of the cost of a
	// cold query at 5 M persons). A rendering stands for every system that
	// gives its text (all of ґебріел's are gebriel); renderings in two
	// languages (Гнатюк read as Ukrainian, Игнатюк as Russian) are all
	// compared.
	sameScript := a.script == b.script && a.script != ScriptLatin
	// Between Latin and Cyrillic, a name heard rather than spelled may
	// differ in its first vowel too (Latham, Лейтем; Ramsey, Ремсі; Munk,
	// Манк). Georgian is left out: its names meet Romanian and Baltic ones
	// so (Gubuan, ღაბეანი; Balodis, ბელაძე).
	crossScript := a.script == ScriptLatin && b.script == ScriptCyrillic || a.script == ScriptCyrillic && b.script == ScriptLatin
	vowelBlind := -1.0 // best score of a pair with the same consonants alone
	for ki, i := range a.fuzzy {
		for kj, j := range b.fuzzy {
			if sameScript && a.vars[i].Lang == b.vars[j].Lang && a.sysMask[ki]&b.sysMask[kj] == 0 &&
				a.sysMask[ki] != 0 && b.sysMask[kj] != 0 {
				continue
			}
			x, y := a.vars[i].Text, b.vars[j].Text
			maxLen := max(len(x), len(y))
			skelLimit := max(4, maxLen*6/10) // in half-units: 0.3 per letter
			sameSkel := a.skels[i] == b.skels[j] && len(a.skels[i]) >= 3
			samePhon := len(a.phon[ki]) > minPhonetic && a.phon[ki] == b.phon[kj]
			// Checked before any distance: a heard vowel is rare, and the
			// distance it allows is the costliest one.
			sameCons := !samePhon && crossScript && len(a.phon[ki]) > minPhonetic && len(b.phon[kj]) > minPhonetic &&
				a.phon[ki][1:] == b.phon[kj][1:] && !finalVowelsDiffer(x, y) && firstLettersAgree(x, y) &&
				(a.script == ScriptLatin && heardVowel(x, y) || b.script == ScriptLatin && heardVowel(y, x)) &&
				softH(a.cons[ki]) == softH(b.cons[kj])
			typo := typoLimit
			if typo == 3 && (x[0] != y[0] && !confusable(rune(x[0]), rune(y[0])) || firstVowel(a.skels[i]) != firstVowel(b.skels[j])) {
				typo = 2 // the half edit beyond one only when the first letter (or two confusable ones) and vowel agree
			}
			limit := typo
			if sameSkel {
				limit = max(limit, skelLimit)
			}
			if samePhon || sameCons {
				limit = max(limit, maxLen)
			}
			d := distanceUnits(x, y, limit)
			if d > limit {
				continue
			}
			if sameSkel && d <= skelLimit {
				return Match{OK: true, Route: RouteSkeleton, Score: 0.9 - 0.3*float64(d)/float64(2*maxLen)}
			}
			if d <= typo && firstLettersAgree(x, y) {
				best = min(best, d)
			}
			if (samePhon || sameCons) && distanceUnits(a.cons[ki], b.cons[kj], 1) <= 1 && !finalVowelsDiffer(x, y) {
				if samePhon {
					phonetic = max(phonetic, 0.75-0.2*float64(d)/float64(2*maxLen))
				} else {
					vowelBlind = max(vowelBlind, 0.7-0.2*float64(d)/float64(2*maxLen))
				}
			}
		}
	}
	switch {
	case best <= typoLimit && best <= 2:
		return Match{OK: true, Route: RouteTypo1, Score: 0.85 - 0.05*float64(best)}
	case best <= typoLimit:
		return Match{OK: true, Route: RouteTypo2, Score: 0.75 - 0.025*float64(best-2)}
	}
	if phonetic = max(phonetic, vowelBlind); phonetic > 0 {
		return Match{OK: true, Route: RoutePhonetic, Score: phonetic}
	}
	return unrelated(a, b)
}

// unrelated is the outcome when no matching route holds: an MRZ truncation
// (not a match: the caller decides), or no route with a similarity of the
// first variants, for display only.
func unrelated(a, b *Form) Match {
	if s, ok := prefixScore(a, b); ok {
		return Match{Route: RouteMRZTruncation, Score: s}
	}
	x, y := a.vars[0].Text, b.vars[0].Text
	n := max(len(x), len(y))
	score := 0.0
	if d := distanceUnits(x, y, 2*n); d < 2*n {
		score = 0.5 * (1 - float64(d)/float64(2*n))
	}
	return Match{Route: RouteNone, Score: score}
}

// heardVowel reports whether the first vowel of a Latin spelling lat and
// that of the rendering o of a name in another script differ as an English
// spelling is heard: u as а (Munk, Манк), a as е or ей (Latham, Лейтем),
// i or y as ай (Ireton, Айртон), o as оу (Jones, Джоунс). The
// transliterations of the region's names never differ so, while their
// other vowel differences tell names apart (Shevchenko is not Савченко).
func heardVowel(lat, o string) bool {
	lv, ov := firstVowelRun(lat), firstVowelRun(o)
	if lv == "" || ov == "" {
		return false
	}
	switch lv[0] {
	case 'u':
		return ov[0] == 'a'
	case 'a':
		return ov[0] == 'e'
	case 'i', 'y':
		return strings.HasPrefix(ov, "ai") || strings.HasPrefix(ov, "ay")
	case 'o':
		return strings.HasPrefix(ov, "ou")
	}
	return false
}

// softH drops from consonant letters an h that does not make a sibilant
// (sh, ch, zh): th is т (Latham, Лейтем), kh and h are one х (Hulburd,
// Халберд). Savchenko and Shevchenko keep their s and sh.
func softH(cons string) string {
	if strings.IndexByte(cons, 'h') < 0 {
		return cons
	}
	b := make([]byte, 0, len(cons))
	for i := 0; i < len(cons); i++ {
		if cons[i] == 'h' && (i == 0 || strings.IndexByte("scz", cons[i-1]) < 0) {
			continue
		}
		b = append(b, cons[i])
	}
	return string(b)
}

// firstVowelRun returns the first run of vowel letters (a e i o u y) of a
// folded text, after its first letter (a y or i there may be a consonant).
func firstVowelRun(s string) string {
	start := -1
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("aeiouy", s[i]) >= 0 {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return s[start:i]
		}
	}
	if start < 0 {
		return ""
	}
	return s[start:]
}

// firstLettersAgree reports whether two renderings begin alike: with one
// letter, two confusable ones, two vowels, two of u, v and w (Wilder is
// Уайлдер and Вайлдер), p and f, q and g (Azerbaijani Qabriel), a j against
// the dzh or h it is read as (Jillian, Джиллиан; Jerónima, Херонима),
// or one of them behind a letter that costs half an edit to drop (Yevhen,
// Evhen). A typo rarely hits the first letter (typists and clerks keep
// it), and most of the typo route's false hits at millions of records
// differed there (Neuță and Teuță, Laani and Paani).
func firstLettersAgree(x, y string) bool {
	a, b := x[0], y[0]
	if a == b || confusable(rune(a), rune(b)) || isVowelByte(a) && isVowelByte(b) {
		return true
	}
	if alike := firstLetterPairs[a]; alike != "" && strings.IndexByte(alike, b) >= 0 {
		return true
	}
	return readAsJ(x, y) || readAsJ(y, x) ||
		len(x) > 1 && indelCost(rune(x[0])) == 1 && x[1] == y[0] ||
		len(y) > 1 && indelCost(rune(y[0])) == 1 && y[1] == x[0]
}

// firstLetterPairs are the first letters, beyond the confusable classes,
// that renderings of one name begin with.
var firstLetterPairs = map[byte]string{'p': "f", 'f': "p", 'q': "g", 'g': "q", 'u': "vw", 'v': "uw", 'w': "uv"}

// readAsJ reports whether j begins with a j that o renders by its sound:
// dzh, dj or h (every Cyrillic х has a rendering with h).
func readAsJ(j, o string) bool {
	return j[0] == 'j' && (o[0] == 'h' || strings.HasPrefix(o, "dz") || strings.HasPrefix(o, "dj"))
}

// finalVowelsDiffer reports whether one text ends in a and the other does
// not: the ending that tells a feminine name from a masculine one (Andra,
// Andrei), which the phonetic route must not hear past.
func finalVowelsDiffer(x, y string) bool {
	return (x[len(x)-1] == 'a') != (y[len(y)-1] == 'a')
}

// minPhonetic is the fewest consonant symbols the phonetic route accepts:
// two consonants alone (Maria, Maura, Mario) say too little. The phonetic
// key is one symbol longer (its first vowel).
const minPhonetic = 3

// PhoneticKey returns the phonetic key of token: the first vowel of its
// Skeleton and the skeleton's consonants. Two renderings that hear a
// foreign name's later vowels differently (Mahmud, Mahmood) keep it.
// It is "" for a token with fewer than minPhonetic consonant symbols.
func PhoneticKey(token string) string {
	if k := phoneticKey(Skeleton(token)); len(k) > minPhonetic {
		return k
	}
	return ""
}

// phoneticKey is the first vowel symbol of a skeleton ("-" for none)
// followed by its consonants.
func phoneticKey(skel string) string {
	v := firstVowel(skel)
	if v == 0 {
		v = '-'
	}
	return string(v) + consonants(skel)
}

// consonantLetters drops the vowels and glides (a e i o u y j) of a folded
// text, and the spellings of j (dzh, dz, dj, dzs), which the skeleton writes
// as one symbol: the phonetic route lets vowels differ, never more than one
// confusable consonant (Fohl is not Vasyl, whose skeletons meet; Jonas is
// Latvian Džonass).
func consonantLetters(text string) string {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		if text[i] == 'd' && i+1 < len(text) && (text[i+1] == 'z' || text[i+1] == 'j') {
			i++
			if i+1 < len(text) && (text[i+1] == 'h' || text[i+1] == 's') {
				i++
			}
			continue
		}
		if c := text[i]; strings.IndexByte("aeiouyj ", c) < 0 && (len(b) == 0 || b[len(b)-1] != c) {
			b = append(b, c)
		}
	}
	return string(b)
}

// firstVowel returns the first vowel symbol of a skeleton, or 0: the
// phonetic route keeps it, as the first syllable tells surnames apart that
// differ in a vowel (Shevchenko, Savchenko).
func firstVowel(skel string) byte {
	for i := 0; i < len(skel); i++ {
		if isSkelVowel(skel[i]) {
			return skel[i]
		}
	}
	return 0
}

// consonants drops the vowel symbols and spaces of a skeleton.
func consonants(skel string) string {
	b := make([]byte, 0, len(skel))
	for i := 0; i < len(skel); i++ {
		if c := skel[i]; !isSkelVowel(c) && c != ' ' && (len(b) == 0 || b[len(b)-1] != c) {
			b = append(b, c)
		}
	}
	return string(b)
}

// typoAllowance is the largest distance, in half-units, accepted as a typo
// between tokens whose folds have a and b letters, by the shorter n: none
// up to 3 letters, a confusable letter at 4 (one edit when the other has
// five or more: a letter lost, Varga and Vaga), one edit from 5, one and a
// half from 7 (a typo in a spelling one confusable letter off the
// record's: Steineetz, Штейнмец = steinmets; CompareForms asks the first
// letter and the first vowel to agree then: Shevchenko is not Savchenko),
// two from 10.
func typoAllowance(a, b int) int {
	switch n := min(a, b); {
	case n <= 3:
		return 0
	case n == 4 && max(a, b) == 4:
		return 1
	case n < 7:
		return 2
	case n < 10:
		return 3
	}
	return 4
}

// latinReading reports whether a system reads a Latin token another way
// (LatinReadings: hard c, spelled-out long vowels, a language's spelling
// by its sound).
func latinReading(sys string) bool {
	return strings.HasPrefix(sys, "latin:") && sys != SystemMRZ
}

// translitRoute finds a variant text the two tokens share. A Latin reading
// counts as a system: Deutscher = Дойчер is
// "transliteration:latin:de-reading/uk:kmu55".
func translitRoute(a, b *Form) (string, bool) {
	// A direct rendering first: Schewtschenko is Шевченко by uk:de, not by
	// its German reading meeting uk:kmu55.
	for _, readings := range []bool{false, true} {
		for i := range a.vars {
			for j := range b.vars {
				sa, sb := a.vars[i].System, b.vars[j].System
				if a.vars[i].Text != b.vars[j].Text || !readings && (latinReading(sa) || latinReading(sb)) {
					continue
				}
				la, lb := a.vars[i].Lang != "" || latinReading(sa), b.vars[j].Lang != "" || latinReading(sb)
				switch {
				case la && lb:
					return RouteTransliteration + sa + "/" + sb, true
				case la:
					return RouteTransliteration + sa, true
				case lb:
					return RouteTransliteration + sb, true
				case sa == SystemMRZ || sb == SystemMRZ:
					return RouteTransliteration + SystemMRZ, true
				default:
					return RouteIdentical, true // unreachable: equal folds are identical
				}
			}
		}
	}
	return "", false
}

// languageReading reports whether a system reads a Latin token by the
// sound of a language (Deutscher = Дойчер), or writes its long vowels
// plainly (Satoh = Sato). Such a reading changes endings (Birgitte reads
// Birgitt), so it says nothing of inflection or gender. The háček, Turkic, Polish and Belarusian readings only
// spell letters out, endings and all (Popovičius, popovichius; Tsikhanouskaya, tikhanovskaya).
func languageReading(sys string) bool {
	return sys == SystemJapaneseLongVowels || strings.HasPrefix(sys, "latin:") && strings.HasSuffix(sys, "-reading") &&
		sys != SystemCaronReading && sys != SystemTurkicReading && sys != SystemPolishReading && sys != SystemBelarusianReading
}

// stemRoute relates gendered and inflected forms of one stem.
func stemRoute(a, b *Form) (Match, bool) {
	// The spelled stems closeStems compares, computed once a variant.
	var sa, sb [MaxVariants]string
	stem := func(s *[MaxVariants]string, i int, text string) string {
		if s[i] == "" {
			s[i], _ = stemFolded(text)
		}
		return s[i]
	}
	for i := range a.stems {
		for j := range b.stems {
			if languageReading(a.vars[i].System) || languageReading(b.vars[j].System) {
				continue
			}
			x, y := a.stems[i], b.stems[j]
			tx, ty := a.vars[i].Text, b.vars[j].Text
			if czechFeminine(tx, ty, y.gender) || czechFeminine(ty, tx, x.gender) {
				return Match{Route: RouteGenderForm, Score: 0.5}, true
			}
			if x.stem != y.stem || len(x.stem) < 3 || (x.kind == stemPatronymic) != (y.kind == stemPatronymic) ||
				!closeStems(stem(&sa, i, tx), stem(&sb, j, ty)) {
				continue
			}
			gx, gy := impliedGender(x, tx), impliedGender(y, ty)
			if (gx == GenderMale && gy == GenderFemale) || (gx == GenderFemale && gy == GenderMale) {
				if len(tx) == len(ty) && (gx != x.gender || gy != y.gender) {
					// A consonant-final form as long as the feminine one
					// lost its ending to a typo, not to a gender (Ivanoav,
					// Ivanova): the typo route decides.
					continue
				}
				return Match{Route: RouteGenderForm, Score: 0.5}, true
			}
			if x.kind != stemNone || y.kind != stemNone {
				return Match{OK: true, Route: RouteInflection, Score: 0.85}, true
			}
		}
	}
	return Match{}, false
}

// closeStems reports whether two stems (stemFolded) whose skeletons agree
// are also spelled alike: at most a quarter of an edit a letter apart
// (Ivanov, Iwanowa), for a skeleton is coarse and the stem of Sonja (sonj)
// has the skeleton of შაანი (saani) whole.
func closeStems(sx, sy string) bool {
	limit := max(2, max(len(sx), len(sy))/2) // half-units
	return distanceUnits(sx, sy, limit) <= limit
}

// impliedGender treats a form without a known ending that ends in a
// consonant as masculine (Ivan beside Ivana, Novák beside Nováková).
func impliedGender(s stemRes, text string) Gender {
	if s.gender == GenderUnknown && s.kind == stemNone && text != "" && !isVowelByte(text[len(text)-1]) {
		return GenderMale
	}
	return s.gender
}

// czechFeminine reports whether f is the Czech or Slovak feminine of m
// (Novák → Nováková, Svoboda → Svobodová); mGender is the gender of m's
// ending: a feminine m (Besedina, Besedinová) is another feminine form.
func czechFeminine(f, m string, mGender Gender) bool {
	if len(m) < 3 || !strings.HasSuffix(f, "ova") || mGender == GenderFemale {
		return false
	}
	base := f[:len(f)-3]
	return base == m || (strings.HasSuffix(m, "a") && base == m[:len(m)-1])
}

// knownApart reports whether two tokens each belong to a curated given-name
// group and share none (sharing one was tried first).
func knownApart(a, b []uint32) bool {
	given := func(ids []uint32) bool {
		for _, id := range ids {
			if id >= CuratedGroupBase && id < CuratedGroupBase+SurnameGroupOffset {
				return true
			}
		}
		return false
	}
	return given(a) && given(b)
}

func sharesID(a, b []uint32) bool {
	for _, id := range a {
		if _, ok := slices.BinarySearch(b, id); ok {
			return true
		}
	}
	return false
}

// prefixScore reports whether one token's variant is a proper prefix of the
// other's, as MRZ truncation leaves it, and scores it by the share kept.
func prefixScore(a, b *Form) (float64, bool) {
	best := 0.0
	for i := range a.vars {
		for j := range b.vars {
			x, y := a.vars[i].Text, b.vars[j].Text
			if len(x) > len(y) {
				x, y = y, x
			}
			if len(x) >= 2 && len(x) < len(y) && strings.HasPrefix(y, x) {
				best = max(best, 0.4+0.4*float64(len(x))/float64(len(y)))
			}
		}
	}
	return best, best > 0
}
