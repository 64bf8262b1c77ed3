package ident

import "slices"

// ocrDigit returns the digit OCR-B text recognition mistakes the letter c
// for, or c itself.
func ocrDigit(c byte) byte {
	switch c {
	case 'O', 'Q', 'D':
		return '0'
	case 'I', 'L':
		return '1'
	case 'Z':
		return '2'
	case 'S':
		return '5'
	case 'G':
		return '6'
	case 'B':
		return '8'
	}
	return c
}

// ocrLetter returns the letter OCR-B text recognition mistakes the digit c
// for, or c itself.
func ocrLetter(c byte) byte {
	switch c {
	case '0':
		return 'O'
	case '1':
		return 'I'
	case '2':
		return 'Z'
	case '5':
		return 'S'
	case '6':
		return 'G'
	case '8':
		return 'B'
	}
	return c
}

// repairMRZ corrects OCR confusions in the joined MRZ lines b where check
// digits confirm the correction, and returns the names of the fields it
// corrected. Purely numeric fields (dates and check digits) have each
// confusable letter replaced by its digit, kept if the field's check digit
// then matches. In an alphanumeric field (document number, personal number)
// either reading of a character is possible, so a single swap is kept only
// if it is the only one that satisfies both the field's check digit and the
// composite check digit.
func repairMRZ(b []byte, l layout) []string {
	var fixed []string
	add := func(field string) {
		if !slices.Contains(fixed, field) {
			fixed = append(fixed, field)
		}
	}
	type checked struct {
		name      string
		field, cd span
	}
	// Dates: every character is a digit or, for unknown parts, '<'.
	for _, f := range []checked{{FieldBirthDate, l.birth, l.birthCD}, {FieldExpiryDate, l.expiry, l.expiryCD}} {
		ok := func() bool { return checkSpan(b, f.field, f.cd) }
		if !ok() && mapDigits(b, ok, f.field, f.cd) {
			add(f.name)
		}
	}
	// Alphanumeric fields: first their check digit alone.
	var alnum []checked
	if !l.extended(b) {
		alnum = append(alnum, checked{FieldDocumentNumber, l.number, l.numberCD})
	}
	if !l.optionalCD.empty() {
		alnum = append(alnum, checked{FieldPersonalNumber, l.optional, l.optionalCD})
	}
	for _, f := range alnum {
		ok := func() bool { return checkSpan(b, f.field, f.cd) }
		if !ok() && mapDigits(b, ok, f.cd) {
			add(f.name)
		}
	}
	if l.composite.empty() {
		return fixed // no second check digit to confirm a swap
	}
	cd := l.composite.from
	ok := func() bool { return compositeOK(b, l, b[cd]) }
	if !ok() && mapDigits(b, ok, l.composite) {
		add(FieldComposite)
	}
	// Then one swap inside the field, confirmed by the composite.
	for _, f := range alnum {
		if checkSpan(b, f.field, f.cd) || !swapOne(b, l, f.field, f.cd) {
			continue
		}
		add(f.name)
		if d := ocrDigit(b[cd]); d != b[cd] {
			b[cd] = d
			add(FieldComposite)
		}
	}
	return fixed
}

// mapDigits replaces the confusable letters in the spans of b by their
// digits and keeps the result if ok then reports true. It reports whether it
// kept a change.
func mapDigits(b []byte, ok func() bool, spans ...span) bool {
	saved := make([][]byte, len(spans))
	changed := false
	for i, s := range spans {
		saved[i] = append([]byte(nil), b[s.from:s.to]...)
		for j := s.from; j < s.to; j++ {
			if d := ocrDigit(b[j]); d != b[j] {
				b[j], changed = d, true
			}
		}
	}
	if changed && ok() {
		return true
	}
	for i, s := range spans {
		copy(b[s.from:s.to], saved[i])
	}
	return false
}

// swapOne looks for the single letter-digit swap in the alphanumeric field f
// of b that makes both its check digit cd and the composite check digit
// (read through ocrDigit) match. If there is exactly one, it applies it and
// reports true.
func swapOne(b []byte, l layout, f, cd span) bool {
	found := -1
	var to byte
	composite := ocrDigit(b[l.composite.from])
	for i := f.from; i < f.to; i++ {
		c := b[i]
		alt := ocrDigit(c)
		if alt == c {
			alt = ocrLetter(c)
		}
		if alt == c {
			continue
		}
		b[i] = alt
		if checkSpan(b, f, cd) && compositeOK(b, l, composite) {
			if found >= 0 {
				b[i] = c
				return false // ambiguous
			}
			found, to = i, alt
		}
		b[i] = c
	}
	if found < 0 {
		return false
	}
	b[found] = to
	return true
}
