package ident

import "unicode"

// maxDocumentNumber is the longest document number accepted, in characters.
// National ID and residence-permit numbers run to 15 or so; 20 leaves room
// without admitting pasted sentences.
const maxDocumentNumber = 20

// DocumentNumber returns the search key of a passport, identity card or other
// document number: upper-case A-Z and 0-9 only. Spaces, dashes, dots,
// slashes, the MRZ filler '<' and the number sign '№' are removed, and the
// Cyrillic letters that look like Latin ones (А В Е І К М Н О Р С Т Х) are
// folded to them, so the Ukrainian series "КВ 123456" and "KB123456" share a
// key. Any other character, including Cyrillic letters without a Latin
// look-alike, is an error naming the character.
func DocumentNumber(raw string) (string, error) {
	key := make([]byte, 0, len(raw))
	for _, r := range raw {
		if isSeparator(r) || r == '<' || r == '№' {
			continue
		}
		u := latinLookalike(unicode.ToUpper(r))
		if u > unicode.MaxASCII || !isUpperAlnum(byte(u)) {
			return "", errorf(KindDocumentNumber, "document number contains invalid character %q", r)
		}
		key = append(key, byte(u))
	}
	switch {
	case len(key) == 0:
		return "", errorf(KindDocumentNumber, "document number is empty")
	case len(key) > maxDocumentNumber:
		return "", errorf(KindDocumentNumber, "document number must be at most %d characters, got %d", maxDocumentNumber, len(key))
	}
	return string(key), nil
}
