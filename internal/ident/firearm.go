package ident

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSerial is the longest firearm serial number accepted, in characters.
const maxSerial = 40

// Serial returns the two search keys of a firearm serial number, for which no
// standard exists. The exact key is the serial upper-cased and without
// separators (white space, dashes, dots, slashes), with Cyrillic look-alike
// letters folded to Latin as in DocumentNumber; letters of any script and the
// digits 0-9 are kept, anything else is an error. The confusable key further
// folds the characters that engravings and handwriting confuse (O→0, I and
// L→1, S→5, B→8, Z→2, G→6); a match on it alone deserves a lower score.
func Serial(raw string) (exact, confusable string, err error) {
	var key []rune
	for _, r := range norm.NFC.String(raw) {
		if isSeparator(r) {
			continue
		}
		u := latinLookalike(unicode.ToUpper(r))
		if !unicode.IsLetter(u) && !('0' <= u && u <= '9') {
			return "", "", errorf(KindSerial, "serial number contains invalid character %q", r)
		}
		key = append(key, u)
	}
	exact = norm.NFC.String(string(key))
	switch n := utf8.RuneCountInString(exact); {
	case n == 0:
		return "", "", errorf(KindSerial, "serial number is empty")
	case n > maxSerial:
		return "", "", errorf(KindSerial, "serial number must be at most %d characters, got %d", maxSerial, n)
	}
	conf := make([]rune, 0, len(key))
	for _, r := range exact {
		switch r {
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		case 'S':
			r = '5'
		case 'B':
			r = '8'
		case 'Z':
			r = '2'
		case 'G':
			r = '6'
		}
		conf = append(conf, r)
	}
	return exact, string(conf), nil
}
