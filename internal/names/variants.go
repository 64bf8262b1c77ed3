package names

import (
	"slices"
	"strings"
	"unicode"
)

// MaxVariants caps the number of variants Variants returns for one token.
// An ambiguous Cyrillic token (no letter telling Ukrainian, Russian and
// Belarusian apart) meets 32 systems before deduplication and usually keeps
// 10 to 20 distinct texts, so the cap only cuts the least used systems of
// the rare tokens whose renderings all differ.
const MaxVariants = 32

// Variant is one rendering of a token in Latin script.
type Variant struct {
	Text   string // folded Latin, lower-case, as returned by Fold
	System string // "uk:kmu55", "ru:icao", "ka:via-ru", "fold", "latin:mrz"
	Lang   string // language of the source token ("uk", "ru", "ka", ...), "" for Latin
}

// System names of the variants of Latin tokens.
const (
	SystemFold = "fold"      // Fold of the token itself
	SystemMRZ  = "latin:mrz" // ICAO 9303 MRZ spelling: ä→ae, ö→oe, ü→ue, å→aa, ø→oe
	// SystemSpelledOut writes out what the macrons and breves of East Asian
	// romanisations mark: Hepburn long vowels (Kitō = Kitou, Ōkami = Oukami)
	// and the McCune-Reischauer ŏ and ŭ that Revised Romanization spells eo
	// and eu, ŭi ui (Kyŏnghŭi = Kyeonghui, then Gyeonghui by a confusable
	// letter).
	SystemSpelledOut = "latin:spelled-out"
	// SystemGermanReading, SystemItalianReading and SystemHungarianReading
	// read a Latin spelling of those languages by its sound, as Ukrainian
	// and Russian documents render it, in the Latin letters of the Cyrillic
	// renderings: German sch ш, tsch ч, ei ай, eu ой, ie і, z ц, w в
	// (Deutscher = Дойчер; ie only beside another German mark, as Polish
	// writes it too); Italian gn нь, gli ль, gi and ge дж, ci and ce
	// ч, ch к, sc ш, z ц (Giampaolo = Джампаоло, Abbagnale = Аббаньяле);
	// Hungarian gy дь, ny нь, ty ть, sz с, s ш, cs ч, zs ж (Nagy = Надь,
	// Gyula = Дюла). Only a token with a spelling of the language
	// (readings) gets its reading.
	SystemGermanReading    = "latin:de-reading"
	SystemItalianReading   = "latin:it-reading"
	SystemHungarianReading = "latin:hu-reading"
	// SystemHardC reads c before a, o, u, l or r as k, as Romanian, English,
	// French and Italian write it (Costel, Connie = Конні); the fold keeps
	// the c = ts of Polish, Czech, Hungarian and the Baltic languages.
	SystemHardC = "latin:hard-c"
	// SystemGeorgianStem is the national rendering of a Georgian token
	// without the nominative -i Georgian adds to foreign names.
	SystemGeorgianStem = "ka:stem"
)

// Variants returns every Latin rendering of token that documents and
// registries are known to use, folded (see Fold), most authoritative first,
// without duplicate texts and at most MaxVariants of them.
//
// A Cyrillic token gets the systems of each language DetectLangs gives it,
// the most likely language first (all of uk, then all of ru, ...); a
// Georgian token gets the Georgian systems, then Georgian via Russian. A
// Latin token gets its fold, its MRZ spelling when it has ä ö ü å ø æ œ,
// its spelled-out long vowels when it has a macron, circumflex or Korean
// breve, the reading of each language it has a spelling of (readings.go:
// German, Italian, Hungarian, English, French, Dutch, Turkic, háček,
// Portuguese, Korean, Japanese, Polish), and its hard-c reading when a c
// stands before a, o, u, l or r. Variants of a token made of several words keep the words
// separated by single spaces.
func Variants(token string) []Variant {
	vs, _ := variants(token, false)
	return vs
}

// variants is Variants; with masks it also returns, for each variant of a
// Cyrillic or Georgian token, the bits (scheme.bit) of every system that
// renders the token as that text (Variants keeps only the first).
func variants(token string, masks bool) ([]Variant, []uint64) {
	t := fixHomoglyphs(Normalize(token))
	words := splitWords(t)
	if len(words) == 0 {
		return nil, nil
	}
	schemes := schemesFor(t)
	if schemes == nil {
		out := []Variant{{Text: Fold(t), System: SystemFold}}
		if m := mrzFold(t); m != out[0].Text {
			out = append(out, Variant{Text: m, System: SystemMRZ})
		}
		if l := spelledOut(t); l != out[0].Text && !containsText(out, l) {
			out = append(out, Variant{Text: l, System: SystemSpelledOut})
		}
		for _, rd := range readings {
			if g := rd.read(t); g != "" && !containsText(out, g) {
				out = append(out, Variant{Text: g, System: rd.system})
			}
		}
		if k := hardC(out[0].Text); k != out[0].Text {
			out = append(out, Variant{Text: k, System: SystemHardC})
		}
		if out[0].Text == "" {
			return nil, nil
		}
		return out, nil
	}
	out := make([]Variant, 0, min(len(schemes), MaxVariants))
	var bits []uint64
	for _, sc := range schemes {
		if sc.applies != nil && !sc.applies(words) {
			continue
		}
		text := sc.folded(words)
		if text == "" {
			continue
		}
		if k := slices.IndexFunc(out, func(v Variant) bool { return v.Text == text }); k >= 0 {
			if masks {
				bits[k] |= sc.bit
			}
			continue
		}
		if len(out) == MaxVariants {
			if masks {
				continue // the later systems may still add to the masks
			}
			break
		}
		out = append(out, Variant{Text: text, System: sc.name, Lang: sc.lang})
		if masks {
			bits = append(bits, sc.bit)
		}
	}
	if schemes[0].lang == LangKA && len(out) > 0 && len(out) < MaxVariants {
		if stem := georgianStem(out[0].Text); stem != out[0].Text && !containsText(out, stem) {
			out = append(out, Variant{Text: stem, System: SystemGeorgianStem, Lang: LangKA})
			if masks {
				bits = append(bits, 0)
			}
		}
	}
	return out, bits
}

// georgianStem drops the nominative -i Georgian adds to names ending in a
// consonant (ლამპერტი, lamperti for Lambert), except in the native -vili.
func georgianStem(text string) string {
	words := strings.Split(text, " ")
	for i, w := range words {
		n := len(w)
		if n >= 4 && w[n-1] == 'i' && !isVowelByte(w[n-2]) && !strings.HasSuffix(w, "vili") {
			words[i] = w[:n-1]
		}
	}
	return strings.Join(words, " ")
}

func containsText(vs []Variant, text string) bool {
	for i := range vs {
		if vs[i].Text == text {
			return true
		}
	}
	return false
}

// splitWords splits a normalised token into words of runes, dropping marks.
func splitWords(t string) [][]rune {
	var words [][]rune
	var w []rune
	for _, r := range t {
		switch {
		case unicode.IsMark(r):
		case isSeparator(r):
			if len(w) > 0 {
				words = append(words, w)
				w = nil
			}
		default:
			w = append(w, r)
		}
	}
	if len(w) > 0 {
		words = append(words, w)
	}
	return words
}

// schemesFor returns the schemes for a normalised token in Variants order,
// or nil when the token has no Cyrillic or Georgian letter.
func schemesFor(t string) []*scheme {
	var langs []string
	switch {
	case strings.ContainsFunc(t, isCyrillic):
		langs = cyrillicLangs(t)
	case strings.ContainsFunc(t, isGeorgian):
		langs = []string{LangKA}
	default:
		return nil
	}
	tr := translitTables()
	var out []*scheme
	for _, l := range langs {
		out = append(out, tr.byLang[l]...)
	}
	return out
}

// defaultSystemFor returns the scheme Fold uses for a normalised token, or
// nil when the token has no Cyrillic or Georgian letter.
func defaultSystemFor(t string) *scheme {
	ss := schemesFor(t)
	if len(ss) == 0 {
		return nil
	}
	return ss[0]
}

// DefaultSystem returns the system Fold uses for token: uk:kmu55 for
// Ukrainian and for ambiguous Cyrillic, ru:icao, be:icao, mo:bgn2002,
// sr:latin, ka:national; "fold" for anything else.
func DefaultSystem(token string) string {
	if s := defaultSystemFor(fixHomoglyphs(Normalize(token))); s != nil {
		return s.name
	}
	return SystemFold
}

// spelledOut folds a Latin token with its long-vowel marks and Korean
// breves written out (see SystemSpelledOut).
func spelledOut(t string) string {
	if !strings.ContainsAny(t, "āēīōūâêîôûŏŭ") {
		return Fold(t)
	}
	r := strings.NewReplacer("ā", "aa", "ē", "ee", "ī", "ii", "ō", "ou", "ū", "uu",
		"â", "aa", "ê", "ee", "î", "ii", "ô", "ou", "û", "uu", "ŏ", "eo", "ŭi", "ui", "ŭ", "eu")
	return Fold(r.Replace(t))
}

// hardC writes k for each c of a folded text that stands before a, o, u,
// l or r, or before such a c (cc of Italian and Romanian).
func hardC(f string) string {
	if !strings.Contains(f, "c") {
		return f
	}
	b := []byte(f)
	hard := false // b[i+1] is a c read as k: Saccoi = Сакки
	for i := len(b) - 2; i >= 0; i-- {
		wasHard := hard
		hard = b[i] == 'c' && (strings.IndexByte("aoulr", b[i+1]) >= 0 || wasHard)
		if hard {
			b[i] = 'k'
		}
	}
	return string(b)
}

// mrzFold folds a Latin token the way ICAO 9303 writes the MRZ: the letters
// with a two-letter MRZ form get it, every other diacritic is dropped.
func mrzFold(t string) string {
	if !strings.ContainsAny(t, "äöüåøæœĳþ") {
		return Fold(t)
	}
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "å", "aa", "ø", "oe", "æ", "ae", "œ", "oe", "ĳ", "ij", "þ", "th")
	return Fold(r.Replace(t))
}
