package ident

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

const (
	upperLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	decimal      = "0123456789"
)

// chars generates strings of min to max characters drawn from set.
func chars(set string, min, max int) *rapid.Generator[string] {
	return rapid.StringOfN(rapid.RuneFrom([]rune(set)), min, max, -1)
}

// mrzDate generates YYMMDD dates, now and then with unknown parts.
func mrzDate() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		d := []byte(chars(decimal, 6, 6).Draw(t, "date"))
		for i := 0; i < 6; i += 2 {
			if rapid.IntRange(0, 9).Draw(t, "unknown") == 0 {
				d[i], d[i+1] = '<', '<'
			}
		}
		return string(d)
	})
}

// layoutOf returns the layout FormatTD1, FormatTD2 and FormatTD3 use.
func layoutOf(f MRZFormat) layout {
	switch f {
	case TD1:
		return td1Layout()
	case TD2:
		return twoLineLayout(36, false)
	}
	return twoLineLayout(44, false)
}

// drawMRZ draws valid input for the builder of format f.
func drawMRZ(t *rapid.T, f MRZFormat) MRZ {
	l := layoutOf(f)
	m := MRZ{
		DocumentCode: chars(strings.ReplaceAll(upperLetters, "V", ""), 1, 1).Draw(t, "code") +
			chars(upperLetters, 0, 1).Draw(t, "code2"),
		IssuingState: chars(upperLetters, 1, 3).Draw(t, "state"),
		Nationality:  chars(upperLetters, 1, 3).Draw(t, "nationality"),
		Surname:      strings.Join(rapid.SliceOfN(chars(upperLetters, 1, 8), 1, 3).Draw(t, "surname"), " "),
		GivenNames:   rapid.SliceOfN(chars(upperLetters, 1, 8), 0, 3).Draw(t, "given"),
		Sex:          rapid.SampledFrom([]string{"M", "F", "X", ""}).Draw(t, "sex"),
		BirthDate:    Date{Raw: mrzDate().Draw(t, "birth")},
		ExpiryDate:   Date{Raw: mrzDate().Draw(t, "expiry")},
	}
	if len(m.GivenNames) == 0 {
		m.GivenNames = nil
	}
	optional := l.optional.to - l.optional.from
	maxNumber := 9
	if l.extensible {
		maxNumber = 9 + optional - 1
	}
	m.DocumentNumber = chars(upperLetters+decimal, 1, maxNumber).Draw(t, "number")
	if n := len(m.DocumentNumber); n > 9 {
		optional -= n - 9 + 2 // continuation, its check digit and a filler
	}
	if optional > 0 {
		m.OptionalData = chars(upperLetters+decimal, 0, optional).Draw(t, "optional")
	}
	if f == TD1 {
		m.OptionalData2 = chars(upperLetters+decimal, 0, 11).Draw(t, "optional2")
	}
	return m
}

func TestFormatParseRoundTrip(t *testing.T) {
	formats := []struct {
		format MRZFormat
		build  func(MRZ) (string, error)
	}{{TD1, FormatTD1}, {TD2, FormatTD2}, {TD3, FormatTD3}}
	for _, f := range formats {
		t.Run(string(f.format), rapid.MakeCheck(func(t *rapid.T) {
			in := drawMRZ(t, f.format)
			text, err := f.build(in)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got, err := ParseMRZ(text, today)
			if err != nil {
				t.Fatalf("ParseMRZ(%q): %v", text, err)
			}
			want := in
			want.Format, want.Lines = f.format, strings.Split(text, "\n")
			l := layoutOf(f.format)
			name := mrzNamePart(in.Surname)
			if len(in.GivenNames) > 0 {
				name += "<<" + mrzNamePart(strings.Join(in.GivenNames, " "))
			}
			width := l.name.to - l.name.from
			// A name cut just after a separator ends in a filler: nothing
			// shows it was truncated.
			want.NameTruncated = len(name) >= width && name[width-1] != '<'
			// The parsed dates carry the inferred parts; compare what was printed.
			got.BirthDate, got.ExpiryDate = Date{Raw: got.BirthDate.Raw}, Date{Raw: got.ExpiryDate.Raw}
			if len(name) >= width {
				// A truncated name cannot come back whole.
				got.Surname, got.GivenNames = want.Surname, want.GivenNames
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s\n(-want +got):\n%s", text, diff)
			}
		}))
	}
}

func TestCheckDigitDetectsSingleSubstitution(t *testing.T) {
	const set = upperLetters + decimal + "<"
	rapid.Check(t, func(t *rapid.T) {
		s := []byte(chars(set, 1, 40).Draw(t, "s"))
		i := rapid.IntRange(0, len(s)-1).Draw(t, "i")
		c := chars(set, 1, 1).Draw(t, "c")[0]
		before := CheckDigit(string(s))
		delta := mrzValue(s[i]) - mrzValue(c)
		s[i] = c
		// The weights 7, 3 and 1 are prime to 10: a change of value is
		// missed only when it is a multiple of 10.
		if changed := CheckDigit(string(s)) != before; changed != (delta%10 != 0) {
			t.Fatalf("check digit changed = %v for a value change of %d", changed, delta)
		}
	})
}

func TestParseMRZReportsChangedBirthDigit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawMRZ(t, TD3)
		in.BirthDate.Raw = chars(decimal, 6, 6).Draw(t, "birth")
		text, err := FormatTD3(in)
		if err != nil {
			t.Fatal(err)
		}
		l := layoutOf(TD3)
		i := l.birth.from + rapid.IntRange(0, 5).Draw(t, "i") + 1 // +1 for "\n"
		b := []byte(text)
		b[i] = '0' + (b[i]-'0'+byte(rapid.IntRange(1, 9).Draw(t, "delta")))%10
		got, err := ParseMRZ(string(b), today)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(got.CheckDigitFailures, FieldBirthDate) || slices.Contains(got.Corrected, FieldBirthDate) {
			t.Fatalf("changed birth date %q: failures %v, corrected %v", got.BirthDate.Raw, got.CheckDigitFailures, got.Corrected)
		}
	})
}
