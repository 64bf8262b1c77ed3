package ident

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// VIN is a vehicle identification number (ISO 3779) read by ParseVIN.
type VIN struct {
	// Key is the 17-character search key: A-Z and 0-9, never I, O or Q.
	Key string
	// CheckDigitValid reports whether position 9 holds the check digit
	// computed from the other sixteen. It is mandatory in North America
	// and often meaningless on vehicles built for other markets, so a
	// mismatch is a flag for the officer, not an error.
	CheckDigitValid bool
}

// vinWeights are the ISO 3779 / 49 CFR 565 weights of the 17 positions.
var vinWeights = [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}

// ParseVIN reads a vehicle identification number. Separators are removed,
// letters upper-cased, Cyrillic look-alikes folded to Latin (officers key
// "ХТА…" for Lada VINs on a Cyrillic layout) and the letters a VIN never uses
// folded to the digits they are mistaken for: O and Q to 0, I to 1. The
// result must be 17 characters A-Z and 0-9.
func ParseVIN(raw string) (VIN, error) {
	key := make([]byte, 0, 17)
	for _, r := range raw {
		if isSeparator(r) {
			continue
		}
		u := latinLookalike(unicode.ToUpper(r))
		switch u {
		case 'O', 'Q':
			u = '0'
		case 'I':
			u = '1'
		}
		if u > unicode.MaxASCII || !isUpperAlnum(byte(u)) {
			return VIN{}, errorf(KindVIN, "VIN contains invalid character %q", r)
		}
		key = append(key, byte(u))
	}
	if len(key) != 17 {
		return VIN{}, errorf(KindVIN, "VIN must be 17 characters, got %d", len(key))
	}
	return VIN{Key: string(key), CheckDigitValid: vinCheckDigit(key) == key[8]}, nil
}

// vinCheckDigit returns the check digit of a 17-character VIN in A-Z and
// 0-9 without I, O and Q: '0'-'9', or 'X' for a remainder of 10.
func vinCheckDigit(vin []byte) byte {
	sum := 0
	for i, c := range vin {
		sum += vinValue(c) * vinWeights[i]
	}
	if r := sum % 11; r < 10 {
		return byte('0' + r)
	}
	return 'X'
}

// vinValue returns the transliterated value of a VIN character: digits at
// face value, letters A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5
// W6 X7 Y8 Z9.
func vinValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case 'A' <= c && c <= 'H':
		return int(c-'A') + 1
	case 'J' <= c && c <= 'N':
		return int(c-'J') + 1
	case c == 'P':
		return 7
	case c == 'R':
		return 9
	case 'S' <= c && c <= 'Z':
		return int(c-'S') + 2
	}
	return 0
}

// maxPlate is the longest licence plate accepted, in characters.
const maxPlate = 15

// Plate returns the search key of a licence plate registered in country, an
// ISO 3166-1 alpha-2 code that the caller stores beside the key. Separators
// are removed and letters upper-cased. Ukrainian, Russian, Belarusian and
// Bulgarian plates use only the Cyrillic letters that look like Latin ones,
// so those (А В Е І К М Н О Р С Т Х, and У as Y) are folded to Latin whatever
// the country: a plate keyed on either layout gives one key. Other letters
// (German Ä Ö Ü, Serbian Č Š Ž) and the digits 0-9 are kept; anything else is
// an error naming the character.
func Plate(raw, country string) (string, error) {
	if c := strings.ToUpper(strings.TrimSpace(country)); !isCountryCode(c) {
		return "", errorf(KindPlate, "plate country must be an ISO 3166-1 alpha-2 code such as UA, got %q", country)
	}
	var key []rune
	for _, r := range norm.NFC.String(raw) {
		if isSeparator(r) {
			continue
		}
		u := latinLookalike(unicode.ToUpper(r))
		if u == 'У' {
			u = 'Y'
		}
		if !unicode.IsLetter(u) && !('0' <= u && u <= '9') {
			return "", errorf(KindPlate, "plate number contains invalid character %q", r)
		}
		key = append(key, u)
	}
	s := norm.NFC.String(string(key))
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return "", errorf(KindPlate, "plate number is empty")
	case n > maxPlate:
		return "", errorf(KindPlate, "plate number must be at most %d characters, got %d", maxPlate, n)
	}
	return s, nil
}
