package ident

import "unicode"

// isSeparator reports whether r is one of the separators people type inside
// document numbers, VINs, plates and serials: white space, any dash, dot and
// slash.
func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || r == '.' || r == '/'
}

// latinLookalike folds the Cyrillic letters that look like Latin capitals
// (А В Е І К М Н О Р С Т Х, upper or lower case) to those capitals, so that a
// Ukrainian series "КВ" keyed on a Cyrillic layout and "KB" keyed on a Latin
// one give the same key. Other runes are returned unchanged.
func latinLookalike(r rune) rune {
	switch r {
	case 'А', 'а':
		return 'A'
	case 'В', 'в':
		return 'B'
	case 'Е', 'е':
		return 'E'
	case 'І', 'і':
		return 'I'
	case 'К', 'к':
		return 'K'
	case 'М', 'м':
		return 'M'
	case 'Н', 'н':
		return 'H'
	case 'О', 'о':
		return 'O'
	case 'Р', 'р':
		return 'P'
	case 'С', 'с':
		return 'C'
	case 'Т', 'т':
		return 'T'
	case 'Х', 'х':
		return 'X'
	}
	return r
}

// isUpperAlnum reports whether c is one of A-Z and 0-9.
func isUpperAlnum(c byte) bool {
	return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isDigit reports whether c is one of 0-9.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isUpper reports whether c is one of A-Z.
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// isCountryCode reports whether s has the form of an ISO 3166-1 alpha-2
// code: two letters A-Z.
func isCountryCode(s string) bool {
	return len(s) == 2 && isUpper(s[0]) && isUpper(s[1])
}
