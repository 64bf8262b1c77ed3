package ident

import "strings"

// span is a field of an MRZ: the bytes [from, to) of its lines joined.
type span struct{ from, to int }

// of returns the field's text in the joined lines b.
func (s span) of(b []byte) string { return string(b[s.from:s.to]) }

// empty reports whether the layout lacks the field.
func (s span) empty() bool { return s.from == s.to }

// layout places the fields of an MRZ format in its joined lines.
type layout struct {
	format       MRZFormat
	lines, width int

	code, state, name, nationality, sex span
	number, numberCD                    span
	birth, birthCD, expiry, expiryCD    span
	optional, optionalCD, optional2     span // optionalCD: TD3 only; optional2: TD1 only
	composite                           span // none on visas
	compositeOf                         []span
	// extensible: a document number longer than 9 characters continues
	// in the optional data (TD1, TD2).
	extensible bool
}

// extended reports whether the document number of the MRZ b continues in the
// optional data: the check digit position holds a filler and the optional
// data does not start with one.
func (l layout) extended(b []byte) bool {
	return l.extensible && b[l.numberCD.from] == '<' && b[l.optional.from] != '<'
}

// mrzLayout chooses the layout of the cleaned lines from their number and
// length and, for visas, the document code.
func mrzLayout(lines []string) (layout, error) {
	var l layout
	switch len(lines) {
	case 0:
		return l, errorf(KindMRZ, "MRZ is empty")
	case 3:
		l = td1Layout()
	case 2:
		width := 0
		for _, line := range lines {
			if len(line) == 36 || len(line) == 44 {
				width = len(line)
				break
			}
		}
		if width == 0 {
			return l, errorf(KindMRZ, "MRZ line 1 must be 36 or 44 characters, got %d", len(lines[0]))
		}
		l = twoLineLayout(width, lines[0][0] == 'V')
	default:
		return l, errorf(KindMRZ, "MRZ must have 2 or 3 lines, got %d", len(lines))
	}
	for i, line := range lines {
		if len(line) != l.width {
			return l, errorf(KindMRZ, "MRZ line %d must be %d characters, got %d", i+1, l.width, len(line))
		}
	}
	return l, nil
}

// td1Layout returns the layout of ICAO 9303-5: 3 lines of 30.
func td1Layout() layout {
	return layout{
		format: TD1, lines: 3, width: 30,
		code: span{0, 2}, state: span{2, 5}, number: span{5, 14}, numberCD: span{14, 15},
		optional: span{15, 30},
		birth:    span{30, 36}, birthCD: span{36, 37}, sex: span{37, 38},
		expiry: span{38, 44}, expiryCD: span{44, 45}, nationality: span{45, 48},
		optional2: span{48, 59}, composite: span{59, 60},
		name:        span{60, 90},
		compositeOf: []span{{5, 30}, {30, 37}, {38, 45}, {48, 59}},
		extensible:  true,
	}
}

// twoLineLayout returns the layout of ICAO 9303-4 (TD3, 44 characters),
// 9303-6 (TD2, 36) or 9303-7 (visas of either width).
func twoLineLayout(width int, visa bool) layout {
	w := width // line 2 starts at w
	l := layout{
		lines: 2, width: width,
		code: span{0, 2}, state: span{2, 5}, name: span{5, w},
		number: span{w, w + 9}, numberCD: span{w + 9, w + 10}, nationality: span{w + 10, w + 13},
		birth: span{w + 13, w + 19}, birthCD: span{w + 19, w + 20}, sex: span{w + 20, w + 21},
		expiry: span{w + 21, w + 27}, expiryCD: span{w + 27, w + 28},
	}
	switch {
	case visa:
		l.format = MRVB
		if width == 44 {
			l.format = MRVA
		}
		l.optional = span{w + 28, 2 * w}
		return l
	case width == 44:
		l.format = TD3
		l.optional, l.optionalCD, l.composite = span{w + 28, w + 42}, span{w + 42, w + 43}, span{w + 43, w + 44}
	default:
		l.format = TD2
		l.optional, l.composite = span{w + 28, w + 35}, span{w + 35, w + 36}
		l.extensible = true
	}
	l.compositeOf = []span{{w, w + 10}, {w + 13, w + 20}, {w + 21, l.composite.from}}
	return l
}

// checkValue returns the value of a check digit character: a digit at face
// value, '<' as 0, and -1 for anything else, which matches nothing.
func checkValue(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c == '<':
		return 0
	}
	return -1
}

// checkOK reports whether cd is the check digit of field.
func checkOK(field string, cd byte) bool { return CheckDigit(field) == checkValue(cd) }

// checkSpan reports whether the check digit at cd matches the field at f.
func checkSpan(b []byte, f, cd span) bool { return checkOK(f.of(b), b[cd.from]) }

// compositeOK reports whether cd is the composite check digit of b.
func compositeOK(b []byte, l layout, cd byte) bool {
	var s strings.Builder
	for _, f := range l.compositeOf {
		s.Write(b[f.from:f.to])
	}
	return checkOK(s.String(), cd)
}
