package ident

import (
	"strings"
	"time"
	"unicode"
)

// MRZFormat names a machine-readable zone layout of ICAO Doc 9303.
type MRZFormat string

// The MRZ layouts ParseMRZ reads.
const (
	TD1  MRZFormat = "TD1"   // identity cards: 3 lines of 30 characters
	TD2  MRZFormat = "TD2"   // identity cards and other documents: 2 lines of 36
	TD3  MRZFormat = "TD3"   // passports: 2 lines of 44
	MRVA MRZFormat = "MRV-A" // visas, document code "V": 2 lines of 44
	MRVB MRZFormat = "MRV-B" // visas, document code "V": 2 lines of 36
)

// Names of the check-digit-protected fields, as listed in
// MRZ.CheckDigitFailures and MRZ.Corrected.
const (
	FieldDocumentNumber = "document number"
	FieldBirthDate      = "birth date"
	FieldExpiryDate     = "expiry date"
	FieldPersonalNumber = "personal number" // TD3 only
	FieldComposite      = "composite"
)

// Date is a date of an MRZ. The year has two digits in the MRZ; Year holds
// the four-digit year inferred from the reference date given to ParseMRZ.
// Unknown parts of a birth date are printed as '<'.
type Date struct {
	Raw   string // YYMMDD as printed, '<' for unknown parts
	Year  int    // four-digit year, 0 if unknown
	Month int    // 1-12, 0 if unknown or invalid
	Day   int    // 1-31, 0 if unknown or invalid
}

// Time returns the date at midnight UTC, and false if any part of it is
// unknown or invalid.
func (d Date) Time() (time.Time, bool) {
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return time.Time{}, false
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
}

// MRZ holds the fields of a machine-readable zone. Text fields are in the
// MRZ character set with fillers removed.
type MRZ struct {
	Format         MRZFormat
	DocumentCode   string // "P", "ID", "I", "AC", "V", ...
	IssuingState   string // ICAO code, e.g. "UKR", "D" for Germany
	DocumentNumber string // including the part continued in the optional data of TD1 and TD2
	Surname        string // primary identifier, components separated by spaces
	GivenNames     []string
	// NameTruncated reports that the name fills its field to the last
	// character, so its last component may have been truncated: match it
	// as a prefix.
	NameTruncated bool
	Nationality   string
	BirthDate     Date
	Sex           string // "M", "F", "X", or "" when unspecified ('<')
	ExpiryDate    Date
	OptionalData  string // TD3: personal number; TD1: optional data of line 1; TD2, visas: optional data
	OptionalData2 string // TD1 only: optional data of line 2
	// CheckDigitFailures names the fields (FieldDocumentNumber, ...) whose
	// check digit does not match. The other fields are still filled in:
	// a failure is something for the officer to look at, not a parse error.
	CheckDigitFailures []string
	// Corrected names the fields in which OCR confusions (O for 0, S for
	// 5, ...) were corrected because the check digits confirmed the
	// correction.
	Corrected []string
	// Lines are the MRZ lines as read, after clean-up and corrections.
	Lines []string
}

// CheckDigitsValid reports whether every check digit matched.
func (m MRZ) CheckDigitsValid() bool { return len(m.CheckDigitFailures) == 0 }

// maxMRZText bounds the text ParseMRZ accepts: an MRZ is 90 characters,
// with room for pasting noise.
const maxMRZText = 1024

// ParseMRZ reads the machine-readable zone of a passport (TD3), identity
// card (TD1, TD2) or visa (MRV-A, MRV-B) from text as pasted or scanned:
// surrounding white space, CR LF line ends, lower case and spaces inside the
// lines are tolerated, and so is an MRZ pasted as one line. Letters that OCR
// confuses with digits are corrected where the check digits confirm it (see
// MRZ.Corrected). A check digit that still fails is listed in
// MRZ.CheckDigitFailures and does not make parsing fail; a text that is not an
// MRZ at all (wrong number or length of lines, characters outside A-Z, 0-9
// and '<', an impossible sex field) does.
//
// today is the reference date for the two-digit years: a birth date is put
// in the most recent century that does not make it later than today, an
// expiry date at most 20 years after today. Pass the date of reading.
func ParseMRZ(text string, today time.Time) (MRZ, error) {
	lines, err := mrzLines(text)
	if err != nil {
		return MRZ{}, err
	}
	l, err := mrzLayout(lines)
	if err != nil {
		return MRZ{}, err
	}
	b := []byte(strings.Join(lines, ""))
	m := MRZ{Format: l.format, Corrected: repairMRZ(b, l)}

	switch c := b[l.sex.from]; c {
	case 'M', 'F', 'X':
		m.Sex = string(c)
	case '<':
	default:
		return MRZ{}, errorf(KindMRZ, "MRZ sex must be M, F, X or <, got %q", c)
	}
	m.DocumentCode = trimFiller(l.code.of(b))
	m.IssuingState = trimFiller(l.state.of(b))
	m.Nationality = trimFiller(l.nationality.of(b))
	m.Surname, m.GivenNames, m.NameTruncated = splitMRZName(l.name.of(b))
	m.BirthDate = parseMRZDate(l.birth.of(b), today, true)
	m.ExpiryDate = parseMRZDate(l.expiry.of(b), today, false)

	number, numberCD, optional := l.number.of(b), b[l.numberCD.from], l.optional.of(b)
	if l.extended(b) {
		// ICAO 9303-5 and -6: a number longer than 9 characters continues in
		// the optional data, followed by its check digit and a filler.
		ext, rest, _ := strings.Cut(optional, "<")
		number += ext[:len(ext)-1]
		numberCD = ext[len(ext)-1]
		optional = rest
	}
	m.DocumentNumber = trimFiller(number)
	m.OptionalData = trimFiller(optional)
	m.OptionalData2 = trimFiller(l.optional2.of(b))

	fail := func(field string) { m.CheckDigitFailures = append(m.CheckDigitFailures, field) }
	if !checkOK(number, numberCD) {
		fail(FieldDocumentNumber)
	}
	if !checkSpan(b, l.birth, l.birthCD) {
		fail(FieldBirthDate)
	}
	if !checkSpan(b, l.expiry, l.expiryCD) {
		fail(FieldExpiryDate)
	}
	if !l.optionalCD.empty() && !checkSpan(b, l.optional, l.optionalCD) {
		fail(FieldPersonalNumber)
	}
	if !l.composite.empty() && !compositeOK(b, l, b[l.composite.from]) {
		fail(FieldComposite)
	}
	for i := 0; i < len(b); i += l.width {
		m.Lines = append(m.Lines, string(b[i:i+l.width]))
	}
	return m, nil
}

// mrzLines cleans pasted text into MRZ lines of A-Z, 0-9 and '<'.
func mrzLines(text string) ([]string, error) {
	if len(text) > maxMRZText {
		return nil, errorf(KindMRZ, "MRZ text must be at most %d characters, got %d", maxMRZText, len(text))
	}
	var lines []string
	for _, raw := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		var line []rune
		for _, r := range raw {
			switch {
			case unicode.IsSpace(r): // scanners and e-mail clients insert spaces
			case r == '«': // fillers read as guillemets
				line = append(line, '<', '<')
			case r == '‹' || r == '＜':
				line = append(line, '<')
			default:
				line = append(line, unicode.ToUpper(r))
			}
		}
		for j, r := range line {
			if r > unicode.MaxASCII || !isUpperAlnum(byte(r)) && r != '<' {
				return nil, errorf(KindMRZ, "MRZ line %d has invalid character %q at position %d", len(lines)+1, r, j+1)
			}
		}
		if len(line) > 0 {
			lines = append(lines, string(line))
		}
	}
	if len(lines) == 1 {
		// Pasted into a one-line field: the line breaks became spaces.
		width := 0
		switch len(lines[0]) {
		case 3 * 30:
			width = 30
		case 2 * 36:
			width = 36
		case 2 * 44:
			width = 44
		}
		if width > 0 {
			one := lines[0]
			lines = nil
			for i := 0; i < len(one); i += width {
				lines = append(lines, one[i:i+width])
			}
		}
	}
	return lines, nil
}

// splitMRZName splits an MRZ name field into the primary identifier, with
// its components separated by spaces, and the components of the secondary
// identifier.
func splitMRZName(field string) (surname string, given []string, truncated bool) {
	truncated = !strings.HasSuffix(field, "<")
	primary, secondary, _ := strings.Cut(strings.TrimRight(field, "<"), "<<")
	surname = strings.Join(strings.FieldsFunc(primary, isFiller), " ")
	if given = strings.FieldsFunc(secondary, isFiller); len(given) == 0 {
		given = nil
	}
	return surname, given, truncated
}

// isFiller reports whether r is the MRZ filler '<'.
func isFiller(r rune) bool { return r == '<' }

// trimFiller removes the trailing fillers of an MRZ field.
func trimFiller(s string) string { return strings.TrimRight(s, "<") }

// parseMRZDate reads a YYMMDD date, inferring the century from today: birth
// dates are not after today, other dates at most 20 years after it.
func parseMRZDate(raw string, today time.Time, birth bool) Date {
	d := Date{Raw: raw}
	yy, okY := twoDigits(raw[0:2])
	mm, okM := twoDigits(raw[2:4])
	dd, okD := twoDigits(raw[4:6])
	if okM && 1 <= mm && mm <= 12 {
		d.Month = mm
	}
	if okY {
		y := today.Year() - today.Year()%100 + yy
		if birth && dateAfter(y, d.Month, dd, today) || !birth && y > today.Year()+20 {
			y -= 100
		}
		d.Year = y
	}
	if okD && 1 <= dd && dd <= daysIn(d.Year, d.Month) {
		d.Day = dd
	}
	return d
}

// twoDigits reads two decimal digits.
func twoDigits(s string) (int, bool) {
	if !isDigit(s[0]) || !isDigit(s[1]) {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// dateAfter reports whether year-month-day is after today; an unknown (zero)
// month or day compares as early as possible.
func dateAfter(year, month, day int, today time.Time) bool {
	if year != today.Year() {
		return year > today.Year()
	}
	if month != int(today.Month()) {
		return month > int(today.Month())
	}
	return day > today.Day()
}

// daysIn returns the number of days of the month, or 31 if the month is
// unknown; in an unknown year February has 29.
func daysIn(year, month int) int {
	switch {
	case month == 0:
		return 31
	case year == 0 && month == 2:
		return 29
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
