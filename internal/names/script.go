package names

import (
	"strings"
	"unicode"
)

// Script is the writing system of a token or name.
type Script uint8

// Scripts told apart by DetectScript.
const (
	ScriptNone     Script = iota // no letters at all
	ScriptLatin                  // only Latin letters
	ScriptCyrillic               // only Cyrillic letters
	ScriptGeorgian               // only Georgian letters
	ScriptOther                  // letters of one or more other scripts only
	ScriptMixed                  // letters of Latin, Cyrillic or Georgian mixed with another script
)

// String returns the lower-case name of the script ("latin", "cyrillic", ...).
func (s Script) String() string {
	switch s {
	case ScriptLatin:
		return "latin"
	case ScriptCyrillic:
		return "cyrillic"
	case ScriptGeorgian:
		return "georgian"
	case ScriptOther:
		return "other"
	case ScriptMixed:
		return "mixed"
	}
	return "none"
}

// Language codes returned by DetectLangs and used as Variant.Lang.
const (
	LangUK = "uk" // Ukrainian
	LangRU = "ru" // Russian
	LangBE = "be" // Belarusian
	LangMO = "mo" // Moldovan (Romanian) in Cyrillic script
	LangSR = "sr" // Serbian or Macedonian Cyrillic
	LangKA = "ka" // Georgian
	LangHU = "hu" // Hungarian (Latin)
	LangPL = "pl" // Polish (Latin)
	LangCS = "cs" // Czech or Slovak (Latin)
	LangRO = "ro" // Romanian (Latin)
	LangLT = "lt" // Lithuanian (Latin)
	LangLV = "lv" // Latvian (Latin)
	LangET = "et" // Estonian (Latin)
	LangDE = "de" // German (Latin)
)

// DetectScript reports the script of the letters of s; marks, digits and
// punctuation are ignored.
func DetectScript(s string) Script {
	var latin, cyr, geo, other bool
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case r < 0x250 || unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyr = true
		case unicode.Is(unicode.Georgian, r):
			geo = true
		default:
			other = true
		}
	}
	n := 0
	for _, b := range [...]bool{latin, cyr, geo, other} {
		if b {
			n++
		}
	}
	switch {
	case n == 0:
		return ScriptNone
	case n > 1:
		if !latin && !cyr && !geo {
			return ScriptOther
		}
		return ScriptMixed
	case latin:
		return ScriptLatin
	case cyr:
		return ScriptCyrillic
	case geo:
		return ScriptGeorgian
	}
	return ScriptOther
}

// DetectLangs returns the candidate languages of a token, most likely first.
//
// Cyrillic: і ї є ґ and an apostrophe between letters mean Ukrainian (і and
// the apostrophe also Belarusian); ы э ъ ё mean Russian (ы э ё also
// Belarusian); ў means Belarusian; ӂ means Moldovan; ј љ њ ћ ђ џ ѓ ќ ѕ mean
// Serbian/Macedonian. Each letter rules languages out; a token with no
// telling letter, or contradictory ones, is ambiguous and gets all three of
// uk, ru, be (in that order).
//
// Georgian gives ka. Latin gives hints from national letters (ő ű: hu; ł ą ę
// ś ź ż ń ć: pl; ř ů ě ď ť ň ľ ĺ ŕ ô: cs; ș ț ă â î: ro; ė į ų: lt; ā ē ī ķ ļ
// ņ ģ: lv; õ: et; ä ö ü ß: de), and hu for acute vowels with Hungarian
// digraphs (gy, sz, zs, cs, ny, ly); it returns nil when there is no hint.
func DetectLangs(token string) []string {
	switch DetectScript(token) {
	case ScriptGeorgian:
		return []string{LangKA}
	case ScriptCyrillic, ScriptMixed:
		if strings.ContainsFunc(token, isCyrillic) {
			return cyrillicLangs(token)
		}
		if strings.ContainsFunc(token, isGeorgian) {
			return []string{LangKA}
		}
		return latinLangs(token)
	case ScriptLatin:
		return latinLangs(token)
	}
	return nil
}

func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }
func isGeorgian(r rune) bool { return unicode.Is(unicode.Georgian, r) }

const (
	maskUK = 1 << iota
	maskRU
	maskBE
)

func cyrillicLangs(token string) []string {
	set := maskUK | maskRU | maskBE
	prevLetter := false
	for _, r := range token {
		switch unicode.ToLower(r) {
		case 'ј', 'љ', 'њ', 'ћ', 'ђ', 'џ', 'ѓ', 'ќ', 'ѕ':
			return []string{LangSR}
		case 'ӂ':
			return []string{LangMO}
		case 'ў':
			return []string{LangBE}
		case 'ї', 'є', 'ґ':
			return []string{LangUK}
		case 'ъ':
			set &= maskRU
		case 'і':
			set &^= maskRU
		case 'ы', 'э', 'ё':
			set &^= maskUK
		case 'и', 'щ':
			set &^= maskBE
		}
		if isApostrophe(r) && prevLetter {
			set &^= maskRU
		}
		prevLetter = unicode.IsLetter(r)
	}
	if set == 0 {
		set = maskUK | maskRU | maskBE
	}
	langs := make([]string, 0, 3)
	if set&maskUK != 0 {
		langs = append(langs, LangUK)
	}
	if set&maskRU != 0 {
		langs = append(langs, LangRU)
	}
	if set&maskBE != 0 {
		langs = append(langs, LangBE)
	}
	return langs
}

func latinLangs(token string) []string {
	var langs []string
	add := func(l string) {
		for _, x := range langs {
			if x == l {
				return
			}
		}
		langs = append(langs, l)
	}
	acute := false
	for _, r := range Normalize(token) {
		switch r {
		case 'ő', 'ű':
			add(LangHU)
		case 'ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ń', 'ć':
			add(LangPL)
		case 'ř', 'ů', 'ě', 'ď', 'ť', 'ň', 'ľ', 'ĺ', 'ŕ', 'ô':
			add(LangCS)
		case 'ș', 'ț', 'ă', 'â', 'î':
			add(LangRO)
		case 'ė', 'į', 'ų':
			add(LangLT)
		case 'ā', 'ē', 'ī', 'ķ', 'ļ', 'ņ', 'ģ':
			add(LangLV)
		case 'õ':
			add(LangET)
		case 'ä', 'ö', 'ü', 'ß':
			add(LangDE)
		case 'á', 'é', 'í', 'ó', 'ú':
			acute = true
		}
	}
	if acute {
		low := Normalize(token)
		for _, d := range [...]string{"gy", "sz", "zs", "cs", "ny", "ly"} {
			if strings.Contains(low, d) {
				add(LangHU)
				break
			}
		}
	}
	return langs
}

// fixHomoglyphs repairs a token that mixes Latin and Cyrillic letters
// because of look-alikes (a Latin "o" typed into a Cyrillic name): when every
// letter of the minority script has a look-alike in the majority script, it
// is replaced. Other tokens are returned unchanged.
func fixHomoglyphs(t string) string {
	var nLat, nCyr, okLat, okCyr int
	for _, r := range t {
		switch {
		case !unicode.IsLetter(r):
		case isCyrillic(r):
			nCyr++
			if _, ok := cyrToLatGlyph(r); ok {
				okCyr++
			}
		case r < 0x250 || unicode.Is(unicode.Latin, r):
			nLat++
			if _, ok := latToCyrGlyph(r); ok {
				okLat++
			}
		}
	}
	if nLat == 0 || nCyr == 0 {
		return t
	}
	var conv func(rune) (rune, bool)
	switch {
	case nCyr >= nLat && okLat == nLat:
		conv = latToCyrGlyph
	case nLat > nCyr && okCyr == nCyr:
		conv = cyrToLatGlyph
	default:
		return t
	}
	return strings.Map(func(r rune) rune {
		if c, ok := conv(r); ok {
			return c
		}
		return r
	}, t)
}

const (
	glyphLat = "aceopxyikmthbjs"
	glyphCyr = "асеорхуікмтнвјѕ"
)

func latToCyrGlyph(r rune) (rune, bool) {
	if i := strings.IndexRune(glyphLat, r); i >= 0 {
		return []rune(glyphCyr)[i], true
	}
	return r, false
}

func cyrToLatGlyph(r rune) (rune, bool) {
	for i, c := range []rune(glyphCyr) {
		if c == r {
			return rune(glyphLat[i]), true
		}
	}
	return r, false
}
