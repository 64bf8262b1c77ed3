package ident

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// CheckDigit returns the ICAO 9303 check digit of s: the sum of the
// character values weighted 7, 3, 1, 7, 3, 1, ... modulo 10, digits at face
// value, letters A-Z as 10-35 and the filler '<' as 0. Lower-case letters
// count as upper-case; any other byte counts as '<'.
func CheckDigit(s string) int {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += mrzValue(s[i]) * weights[i%3]
	}
	return sum % 10
}

// mrzValue returns the check-digit value of an MRZ character.
func mrzValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case isUpper(c):
		return int(c-'A') + 10
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 10
	}
	return 0
}

// mrzTranslit holds the ICAO 9303-3 transliterations that are not just the
// removal of a diacritic: the Latin ones of section 6.A and the Cyrillic
// table of section 6.B (the common row, without the national exceptions).
// Keys are upper-case. Read-only.
var mrzTranslit = map[rune]string{
	'Å': "AA", 'Ä': "AE", 'Æ': "AE", 'Ö': "OE", 'Ø': "OE", 'Ü': "UE",
	'ß': "SS", 'ẞ': "SS", 'Œ': "OE", 'Ĳ': "IJ", 'Þ': "TH", 'Ð': "D",
	// Letters NFKD does not decompose: their diacritic is removed.
	'Ł': "L", 'Đ': "D", 'Ħ': "H", 'Ŧ': "T", 'ı': "I", 'Ŋ': "N",

	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E",
	'Ж': "ZH", 'З': "Z", 'И': "I", 'Й': "I", 'К': "K", 'Л': "L", 'М': "M",
	'Н': "N", 'О': "O", 'П': "P", 'Р': "R", 'С': "S", 'Т': "T", 'У': "U",
	'Ф': "F", 'Х': "KH", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH",
	'Ъ': "IE", 'Ы': "Y", 'Ь': "", 'Э': "E", 'Ю': "IU", 'Я': "IA", 'І': "I",
	'Ґ': "G", 'Ў': "U", 'Є': "IE", 'Ї': "I", 'Ѓ': "G", 'Ќ': "K", 'Ђ': "D",
	'Ѕ': "DZ", 'Ј': "J", 'Љ': "LJ", 'Њ': "NJ", 'Џ': "DZ",
	'Ћ': "C", // not in the table as quoted; Serbian Latin Ć without its diacritic
}

// MRZName encodes a name as the MRZ name field of the given width (39 in
// TD3, 31 in TD2, 30 in TD1): the surname, "<<", the given names, padded
// with '<'. Letters are transliterated as in ICAO 9303-3 (Ä → AE, Ø → OE,
// ß → SS, other diacritics removed; Cyrillic by the common ICAO table, which
// is not the Ukrainian national system), spaces and hyphens become '<',
// apostrophes, other punctuation and digits are dropped. A name longer than
// the field is cut at its width, which truncates the given names first. (A
// cut that falls just after a separator leaves the field ending in '<', so
// a reader cannot see that the name was truncated.)
func MRZName(surname, given string, width int) string {
	if width <= 0 {
		return ""
	}
	name := mrzNamePart(surname)
	if g := mrzNamePart(given); g != "" {
		name += "<<" + g
	}
	if len(name) >= width {
		return name[:width]
	}
	return name + strings.Repeat("<", width-len(name))
}

// mrzNamePart transliterates one name to A-Z with single '<' between its
// components.
func mrzNamePart(s string) string {
	var b strings.Builder
	sep := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || r == '<' {
			sep = b.Len() > 0
			continue
		}
		t := mrzLetters(unicode.ToUpper(r))
		if t == "" {
			continue
		}
		if sep {
			b.WriteByte('<')
			sep = false
		}
		b.WriteString(t)
	}
	return b.String()
}

// mrzLetters returns the A-Z transliteration of the upper-case rune r, or ""
// if it has none.
func mrzLetters(r rune) string {
	if 'A' <= r && r <= 'Z' {
		return string(r)
	}
	if t, ok := mrzTranslit[r]; ok {
		return t
	}
	if r <= unicode.MaxASCII {
		return "" // digits and punctuation
	}
	var t []byte
	for _, d := range norm.NFKD.String(string(r)) {
		if d = unicode.ToUpper(d); 'A' <= d && d <= 'Z' {
			t = append(t, byte(d))
		}
	}
	return string(t)
}

// FormatTD3 returns the two 44-character lines of a passport MRZ for m,
// joined by "\n", computing every check digit. It uses DocumentCode
// (default "P"), IssuingState, DocumentNumber (at most 9 characters),
// Surname, GivenNames (through MRZName), Nationality, BirthDate and
// ExpiryDate (Raw, or else Year, Month and Day), Sex and OptionalData (the
// personal number, at most 14 characters). Fields that do not fit or are
// outside the MRZ character set are an error. Visa MRZs are not built.
func FormatTD3(m MRZ) (string, error) { return formatMRZ(twoLineLayout(44, false), m, "P") }

// FormatTD2 returns the two 36-character lines of a TD2 MRZ for m, as
// FormatTD3 does; DocumentCode defaults to "I", a DocumentNumber longer than
// 9 characters continues in the optional data, and OptionalData takes what
// remains of its 7 characters.
func FormatTD2(m MRZ) (string, error) { return formatMRZ(twoLineLayout(36, false), m, "I") }

// FormatTD1 returns the three 30-character lines of an identity card MRZ
// for m, as FormatTD3 does; DocumentCode defaults to "I", a DocumentNumber
// longer than 9 characters continues in the optional data of line 1,
// OptionalData takes what remains of its 15 characters and OptionalData2
// fills the 11 of line 2.
func FormatTD1(m MRZ) (string, error) { return formatMRZ(td1Layout(), m, "I") }

// formatMRZ lays m out in l.
func formatMRZ(l layout, m MRZ, code string) (string, error) {
	if m.DocumentCode != "" {
		code = m.DocumentCode
	}
	fields := []struct {
		name, value string
		min, max    int
		chars       string
	}{
		{"document code", code, 1, 2, "letters"},
		{"issuing state", m.IssuingState, 1, 3, "letters"},
		{"nationality", m.Nationality, 1, 3, "letters"},
		{"document number", m.DocumentNumber, 1, 9, "alnum"},
		{"birth date", m.BirthDate.yymmdd(), 6, 6, "date"},
		{"expiry date", m.ExpiryDate.yymmdd(), 6, 6, "date"},
		{"optional data", m.OptionalData, 0, l.optional.to - l.optional.from, "mrz"},
		{"optional data 2", m.OptionalData2, 0, l.optional2.to - l.optional2.from, "mrz"},
	}
	if l.extensible {
		fields[3].max = 9 + l.optional.to - l.optional.from - 1
	}
	for _, f := range fields {
		if err := checkMRZField(f.name, f.value, f.min, f.max, f.chars); err != nil {
			return "", err
		}
	}
	if code[0] == 'V' {
		return "", errorf(KindMRZ, "MRZ document code %q is a visa; visa MRZs cannot be built", code)
	}
	sex := byte('<')
	switch m.Sex {
	case "M", "F", "X":
		sex = m.Sex[0]
	case "":
	default:
		return "", errorf(KindMRZ, "MRZ sex must be M, F, X or empty, got %q", m.Sex)
	}

	b := []byte(strings.Repeat("<", l.lines*l.width))
	put := func(s span, v string) { copy(b[s.from:s.to], v) }
	put(l.code, code)
	put(l.state, m.IssuingState)
	put(l.nationality, m.Nationality)
	put(l.name, MRZName(m.Surname, strings.Join(m.GivenNames, " "), l.name.to-l.name.from))
	put(l.birth, m.BirthDate.yymmdd())
	put(l.expiry, m.ExpiryDate.yymmdd())
	b[l.sex.from] = sex
	optional := m.OptionalData
	number := m.DocumentNumber
	if len(number) > 9 {
		// ICAO 9303-5 and -6: the rest of the number, its check digit and
		// a filler start the optional data; the check digit position gets
		// a filler.
		optional = fmt.Sprintf("%s%d<%s", number[9:], CheckDigit(number), optional)
		optional = strings.TrimRight(optional, "<")
		if len(optional) > l.optional.to-l.optional.from {
			return "", errorf(KindMRZ, "MRZ document number %q leaves no room for optional data %q", number, m.OptionalData)
		}
		number = number[:9]
	} else {
		number += strings.Repeat("<", 9-len(number))
		b[l.numberCD.from] = digitChar(CheckDigit(number))
	}
	put(l.number, number)
	put(l.optional, optional)
	put(l.optional2, m.OptionalData2)
	b[l.birthCD.from] = digitChar(CheckDigit(l.birth.of(b)))
	b[l.expiryCD.from] = digitChar(CheckDigit(l.expiry.of(b)))
	if !l.optionalCD.empty() && strings.Trim(l.optional.of(b), "<") != "" {
		b[l.optionalCD.from] = digitChar(CheckDigit(l.optional.of(b)))
	}
	var composite strings.Builder
	for _, f := range l.compositeOf {
		composite.Write(b[f.from:f.to])
	}
	b[l.composite.from] = digitChar(CheckDigit(composite.String()))

	lines := make([]string, l.lines)
	for i := range lines {
		lines[i] = string(b[i*l.width : (i+1)*l.width])
	}
	return strings.Join(lines, "\n"), nil
}

// checkMRZField validates a value for an MRZ field: its length and its
// characters ("letters" A-Z and '<', "alnum" A-Z and 0-9, "date" 0-9 and
// '<', "mrz" A-Z, 0-9 and '<').
func checkMRZField(name, v string, min, max int, chars string) error {
	if len(v) < min || len(v) > max {
		if min == max {
			return errorf(KindMRZ, "MRZ %s must be %d characters, got %q", name, min, v)
		}
		return errorf(KindMRZ, "MRZ %s must be %d to %d characters, got %q", name, min, max, v)
	}
	if chars == "letters" && v[0] == '<' {
		return errorf(KindMRZ, "MRZ %s must start with a letter, got %q", name, v)
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		ok := c == '<' && chars != "alnum" ||
			isUpper(c) && chars != "date" ||
			isDigit(c) && chars != "letters"
		if !ok {
			return errorf(KindMRZ, "MRZ %s has invalid character %q", name, rune(c))
		}
	}
	return nil
}

// digitChar returns the character of the digit d.
func digitChar(d int) byte { return byte('0' + d) }

// yymmdd returns the date as printed in an MRZ: Raw if set, else built from
// Year, Month and Day with '<' for the unknown parts.
func (d Date) yymmdd() string {
	if d.Raw != "" {
		return d.Raw
	}
	part := func(n, mod int) string {
		if n <= 0 {
			return "<<"
		}
		return fmt.Sprintf("%02d", n%mod)
	}
	return part(d.Year, 100) + part(d.Month, 100) + part(d.Day, 100)
}
