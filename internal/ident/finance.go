package ident

import (
	"strings"
	"unicode"
)

// ibanLengths maps the country codes of the SWIFT IBAN registry (ISO 13616)
// to the length of their IBANs. Dependent territories that use their parent's
// code (French overseas departments use FR, Jersey and Guernsey use GB) have
// no entry of their own. Read-only.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16,
	"BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22,
	"CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20,
	"EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22,
	"GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21,
	"HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30,
	"KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
	"LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
	"MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
	"PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
	"RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24,
	"SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26,
	"UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// IBAN returns the search key of an International Bank Account Number: the
// electronic form, upper-case without spaces ("UA213223130000026007233566001").
// The "IBAN" prefix of the paper form is accepted. The country code must be
// in the IBAN registry, the length must be the one registered for it, and
// the check digits must satisfy ISO 7064 mod 97-10. The national part (BBAN)
// is not checked against each country's format.
func IBAN(raw string) (string, error) {
	s := strings.ToUpper(strings.Join(strings.Fields(raw), ""))
	if len(s) > 4 && strings.HasPrefix(s, "IBAN") && isUpper(s[4]) {
		s = s[4:]
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !isUpperAlnum(byte(r)) {
			return "", errorf(KindIBAN, "IBAN contains invalid character %q", r)
		}
	}
	switch {
	case s == "":
		return "", errorf(KindIBAN, "IBAN is empty")
	case len(s) < 2 || !isCountryCode(s[:2]):
		return "", errorf(KindIBAN, "IBAN must start with a two-letter country code")
	}
	want, ok := ibanLengths[s[:2]]
	switch {
	case !ok:
		return "", errorf(KindIBAN, "unknown IBAN country code %q", s[:2])
	case len(s) != want:
		return "", errorf(KindIBAN, "IBAN for %s must be %d characters, got %d", s[:2], want, len(s))
	case !isDigit(s[2]) || !isDigit(s[3]):
		return "", errorf(KindIBAN, "IBAN check digits must be two digits, got %q", s[2:4])
	case s[2:4] < "02" || s[2:4] > "98" || ibanMod97(s) != 1:
		return "", errorf(KindIBAN, "IBAN check digits do not match")
	}
	return s, nil
}

// ibanMod97 returns the ISO 7064 mod 97-10 remainder of an IBAN of A-Z and
// 0-9: the first four characters moved to the end, letters read as 10-35.
func ibanMod97(s string) int {
	rem := 0
	for _, c := range []byte(s[4:] + s[:4]) {
		if isDigit(c) {
			rem = (rem*10 + int(c-'0')) % 97
		} else {
			rem = (rem*100 + int(c-'A') + 10) % 97
		}
	}
	return rem
}

// BIC returns the search key of a Business Identifier Code (ISO 9362, the
// "SWIFT code"): upper-case without spaces, 8 characters (4 institution,
// 2 country, 2 location) optionally followed by a 3-character branch code.
// The branch "XXX" denotes the head office, so "DEUTDEFFXXX" has the key
// "DEUTDEFF".
func BIC(raw string) (string, error) {
	s := strings.ToUpper(strings.Join(strings.Fields(raw), ""))
	for _, r := range s {
		if r > unicode.MaxASCII || !isUpperAlnum(byte(r)) {
			return "", errorf(KindBIC, "BIC contains invalid character %q", r)
		}
	}
	switch {
	case s == "":
		return "", errorf(KindBIC, "BIC is empty")
	case len(s) != 8 && len(s) != 11:
		return "", errorf(KindBIC, "BIC must be 8 or 11 characters, got %d", len(s))
	case !isCountryCode(s[4:6]):
		return "", errorf(KindBIC, "BIC characters 5 and 6 must be a country code, got %q", s[4:6])
	}
	if len(s) == 11 && s[8:] == "XXX" {
		s = s[:8]
	}
	return s, nil
}
