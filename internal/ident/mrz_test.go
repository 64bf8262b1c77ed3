package ident

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// today is the reference date of the MRZ tests.
var today = time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)

// ICAO Doc 9303 specimens (Erika Mustermann is the German BSI specimen).
const (
	specimenTD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" +
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10"
	specimenTD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" +
		"D231458907UTO7408122F1204159<<<<<<<6"
	specimenTD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n" +
		"7408122F1204159UTO<<<<<<<<<<<6\n" +
		"ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
	specimenTD1Long = "I<UTOD23145890<7349<<<<<<<<<<<\n" +
		"3407127M9507122UTO<<<<<<<<<<<2\n" +
		"STEVENSON<<PETER<JOHN<<<<<<<<<"
	specimenMustermann = "IDD<<T220001293<<<<<<<<<<<<<<<\n" +
		"6408125<2010315D<<<<<<<<<<<<<4\n" +
		"MUSTERMANN<<ERIKA<<<<<<<<<<<<<"
	specimenMRVA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" +
		"L8988901C4XXX4009078F96121096ZE184226B<<<<<<"
	specimenMRVB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" +
		"L8988901C4XXX4009078F9612109<<<<<<<<"
)

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"L898902C3", 6},
		{"740812", 2},
		{"120415", 9},
		{"ZE184226B<<<<<", 1},
		{"D23145890", 7},
		{"D23145890734", 9},
		{"<<<<<<", 0},
		{"", 0},
		{"l898902c3", 6}, // lower case counts as upper case
	}
	for _, tt := range tests {
		if got := CheckDigit(tt.in); got != tt.want {
			t.Errorf("CheckDigit(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func lines(s string) []string { return strings.Split(s, "\n") }

func TestParseMRZ(t *testing.T) {
	erikssonTD3 := MRZ{
		Format: TD3, DocumentCode: "P", IssuingState: "UTO", DocumentNumber: "L898902C3",
		Surname: "ERIKSSON", GivenNames: []string{"ANNA", "MARIA"}, Nationality: "UTO",
		BirthDate: Date{Raw: "740812", Year: 1974, Month: 8, Day: 12}, Sex: "F",
		ExpiryDate:   Date{Raw: "120415", Year: 2012, Month: 4, Day: 15},
		OptionalData: "ZE184226B", Lines: lines(specimenTD3),
	}
	erikssonTD1 := MRZ{
		Format: TD1, DocumentCode: "I", IssuingState: "UTO", DocumentNumber: "D23145890",
		Surname: "ERIKSSON", GivenNames: []string{"ANNA", "MARIA"}, Nationality: "UTO",
		BirthDate: Date{Raw: "740812", Year: 1974, Month: 8, Day: 12}, Sex: "F",
		ExpiryDate: Date{Raw: "120415", Year: 2012, Month: 4, Day: 15}, Lines: lines(specimenTD1),
	}
	erikssonTD2 := erikssonTD1
	erikssonTD2.Format, erikssonTD2.Lines = TD2, lines(specimenTD2)
	visa := MRZ{
		Format: MRVA, DocumentCode: "V", IssuingState: "UTO", DocumentNumber: "L8988901C",
		Surname: "ERIKSSON", GivenNames: []string{"ANNA", "MARIA"}, Nationality: "XXX",
		BirthDate: Date{Raw: "400907", Year: 1940, Month: 9, Day: 7}, Sex: "F",
		ExpiryDate:   Date{Raw: "961210", Year: 1996, Month: 12, Day: 10},
		OptionalData: "6ZE184226B", Lines: lines(specimenMRVA),
	}
	visaB := visa
	visaB.Format, visaB.OptionalData, visaB.Lines = MRVB, "", lines(specimenMRVB)

	tests := []struct {
		name string
		in   string
		want MRZ
	}{
		{"TD3Specimen", specimenTD3, erikssonTD3},
		{"TD2Specimen", specimenTD2, erikssonTD2},
		{"TD1Specimen", specimenTD1, erikssonTD1},
		{"TD1LongDocumentNumber", specimenTD1Long, MRZ{
			Format: TD1, DocumentCode: "I", IssuingState: "UTO", DocumentNumber: "D23145890734",
			Surname: "STEVENSON", GivenNames: []string{"PETER", "JOHN"}, Nationality: "UTO",
			BirthDate: Date{Raw: "340712", Year: 1934, Month: 7, Day: 12}, Sex: "M",
			ExpiryDate: Date{Raw: "950712", Year: 1995, Month: 7, Day: 12}, Lines: lines(specimenTD1Long),
		}},
		{"GermanIDCardNoSex", specimenMustermann, MRZ{
			Format: TD1, DocumentCode: "ID", IssuingState: "D", DocumentNumber: "T22000129",
			Surname: "MUSTERMANN", GivenNames: []string{"ERIKA"}, Nationality: "D",
			BirthDate:  Date{Raw: "640812", Year: 1964, Month: 8, Day: 12},
			ExpiryDate: Date{Raw: "201031", Year: 2020, Month: 10, Day: 31}, Lines: lines(specimenMustermann),
		}},
		{"VisaA", specimenMRVA, visa},
		{"VisaB", specimenMRVB, visaB},
		{"PastedLowerCaseCRLFSpaces", "\r\n  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<< \r\n" +
			"L898 902C3 6UTO 7408122 F120 4159 ZE184226B<<<<<10\r\n\r\n", erikssonTD3},
		{"PastedAsOneLine", strings.ReplaceAll(specimenTD3, "\n", " "), erikssonTD3},
		{"GuillemetFillers", strings.ReplaceAll(specimenTD1, "<<<<", "««"), erikssonTD1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMRZ(tt.in, today)
			if err != nil {
				t.Fatalf("ParseMRZ: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseMRZ mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseMRZCheckDigits(t *testing.T) {
	line1, line2, _ := strings.Cut(specimenTD3, "\n")
	tests := []struct {
		name          string
		line2         string
		wantFailures  []string
		wantCorrected []string
		wantNumber    string
		wantBirth     Date
	}{
		{
			name:         "DocumentNumberCheckDigitWrong",
			line2:        "L898902C37UTO7408122F1204159ZE184226B<<<<<10",
			wantFailures: []string{FieldDocumentNumber, FieldComposite},
			wantNumber:   "L898902C3",
		},
		{
			name:         "ExpiryCheckDigitWrong",
			line2:        "L898902C36UTO7408122F1204158ZE184226B<<<<<10",
			wantFailures: []string{FieldExpiryDate, FieldComposite},
			wantNumber:   "L898902C3",
		},
		{
			name:         "PersonalNumberAndCompositeWrong",
			line2:        "L898902C36UTO7408122F1204159ZE184226B<<<<<23",
			wantFailures: []string{FieldPersonalNumber, FieldComposite},
			wantNumber:   "L898902C3",
		},
		{
			name:          "BirthDateOCRConfusionRepaired",
			line2:         "L898902C36UTO74O8l2ZF1204159ZE184226B<<<<<10",
			wantCorrected: []string{FieldBirthDate},
			wantNumber:    "L898902C3",
		},
		{
			name:          "CheckDigitReadAsLetterRepaired",
			line2:         "L898902C3GUTO7408122F1204159ZE184226B<<<<<1O",
			wantCorrected: []string{FieldDocumentNumber, FieldComposite},
			wantNumber:    "L898902C3",
		},
		{
			name:          "DocumentNumberZeroReadAsORepairedByComposite",
			line2:         "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10",
			wantCorrected: []string{FieldDocumentNumber},
			wantNumber:    "L898902C3",
		},
		{
			name:         "BirthDateDigitWrongNotRepaired",
			line2:        "L898902C36UTO7418122F1204159ZE184226B<<<<<10",
			wantFailures: []string{FieldBirthDate, FieldComposite},
			wantNumber:   "L898902C3",
			wantBirth:    Date{Raw: "741812", Year: 1974, Day: 12}, // month 18
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMRZ(line1+"\n"+tt.line2, today)
			if err != nil {
				t.Fatalf("ParseMRZ: %v", err)
			}
			if diff := cmp.Diff(tt.wantFailures, got.CheckDigitFailures); diff != "" {
				t.Errorf("CheckDigitFailures (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCorrected, got.Corrected); diff != "" {
				t.Errorf("Corrected (-want +got):\n%s", diff)
			}
			if got.DocumentNumber != tt.wantNumber {
				t.Errorf("DocumentNumber = %q, want %q", got.DocumentNumber, tt.wantNumber)
			}
			wantBirth := tt.wantBirth
			if wantBirth.Raw == "" {
				wantBirth = Date{Raw: "740812", Year: 1974, Month: 8, Day: 12}
			}
			if diff := cmp.Diff(wantBirth, got.BirthDate); diff != "" {
				t.Errorf("BirthDate (-want +got):\n%s", diff)
			}
			if got.CheckDigitsValid() != (len(tt.wantFailures) == 0) {
				t.Errorf("CheckDigitsValid() = %v with failures %v", got.CheckDigitsValid(), got.CheckDigitFailures)
			}
			if len(tt.wantCorrected) > 0 && got.Lines[1] != line2 {
				t.Errorf("corrected line 2 = %q, want %q", got.Lines[1], line2)
			}
		})
	}
}

func TestParseMRZErrors(t *testing.T) {
	line1, line2, _ := strings.Cut(specimenTD3, "\n")
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"Empty", " \n ", "MRZ is empty"},
		{"OneLine", line1, "MRZ must have 2 or 3 lines, got 1"},
		{"FourLines", specimenTD1 + "\nXXX", "MRZ must have 2 or 3 lines, got 4"},
		{"Line2Short", line1 + "\n" + line2[:43], "MRZ line 2 must be 44 characters, got 43"},
		{"TD1Line3Long", specimenTD1 + "<", "MRZ line 3 must be 30 characters, got 31"},
		{"NeitherWidth", line1[:40] + "\n" + line2[:40], "MRZ line 1 must be 36 or 44 characters, got 40"},
		{"InvalidCharacter", line1 + "\n" + strings.Replace(line2, "ZE", "Z#", 1), "MRZ line 2 has invalid character '#' at position 30"},
		{"Diacritic", strings.Replace(line1, "ANNA", "ÄNNA", 1) + "\n" + line2, "MRZ line 1 has invalid character 'Ä' at position 16"},
		{"ImpossibleSex", line1 + "\n" + strings.Replace(line2, "2F12", "2Q12", 1), "MRZ sex must be M, F, X or <, got 'Q'"},
		{"TooLong", strings.Repeat(" ", 2000), "MRZ text must be at most 1024 characters, got 2000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMRZ(tt.in, today)
			var e *Error
			if !errors.As(err, &e) || e.Kind != KindMRZ {
				t.Fatalf("ParseMRZ error = %v, want an *Error of kind mrz", err)
			}
			if err.Error() != tt.want {
				t.Errorf("ParseMRZ error = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestParseMRZDates(t *testing.T) {
	tests := []struct {
		raw   string
		birth bool
		want  Date
	}{
		{"260301", true, Date{Raw: "260301", Year: 2026, Month: 3, Day: 1}}, // born today
		{"260302", true, Date{Raw: "260302", Year: 1926, Month: 3, Day: 2}}, // tomorrow: a century ago
		{"990101", true, Date{Raw: "990101", Year: 1999, Month: 1, Day: 1}},
		{"0002<<", true, Date{Raw: "0002<<", Year: 2000, Month: 2}}, // unknown day
		{"<<<<<<", true, Date{Raw: "<<<<<<"}},
		{"000229", true, Date{Raw: "000229", Year: 2000, Month: 2, Day: 29}},
		{"010229", true, Date{Raw: "010229", Year: 2001, Month: 2}}, // no 29 February in 2001
		{"741312", true, Date{Raw: "741312", Year: 1974, Day: 12}},  // month 13
		{"460101", false, Date{Raw: "460101", Year: 2046, Month: 1, Day: 1}},
		{"470101", false, Date{Raw: "470101", Year: 1947, Month: 1, Day: 1}},
		{"120415", false, Date{Raw: "120415", Year: 2012, Month: 4, Day: 15}},
	}
	for _, tt := range tests {
		got := parseMRZDate(tt.raw, today, tt.birth)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("parseMRZDate(%q, birth=%v) (-want +got):\n%s", tt.raw, tt.birth, diff)
		}
	}
	if tm, ok := (Date{Year: 1974, Month: 8, Day: 12}).Time(); !ok || !tm.Equal(time.Date(1974, 8, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date.Time() = %v, %v", tm, ok)
	}
	if _, ok := (Date{Year: 1974, Month: 8}).Time(); ok {
		t.Errorf("Date.Time() of a date without day is ok")
	}
}

func TestMRZName(t *testing.T) {
	tests := []struct {
		surname, given string
		width          int
		want           string
	}{
		{"Eriksson", "Anna Maria", 39, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"},
		{"Müller-Lüdenscheidt", "Jürgen", 30, "MUELLER<LUEDENSCHEIDT<<JUERGEN"},
		{"O'Neil", "Seán", 20, "ONEIL<<SEAN<<<<<<<<<"},
		{"Wałęsa", "Lech", 20, "WALESA<<LECH<<<<<<<<"},
		{"Øvergård", "Åse", 20, "OEVERGAARD<<AASE<<<<"},
		{"Straße", "", 10, "STRASSE<<<"},
		{"Þórsdóttir", "Guðrún", 25, "THORSDOTTIR<<GUDRUN<<<<<<"},
		{"Ţăranu", "Ștefan", 20, "TARANU<<STEFAN<<<<<<"},
		{"Шевченко", "Тарас Григорович", 30, "SHEVCHENKO<<TARAS<GRIGOROVICH<"},
		{"Щербаков", "Юрий", 20, "SHCHERBAKOV<<IURII<<"},
		{"Јовановић", "Ђорђе", 20, "JOVANOVIC<<DORDE<<<<"},
		{"  de la  Cruz ", " José-María ", 30, "DE<LA<CRUZ<<JOSE<MARIA<<<<<<<<"},
		{"Wolfeschlegelsteinhausenbergerdorff", "Hubert Blaine", 39, "WOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU"},
		{"Smith", "John 3rd", 15, "SMITH<<JOHN<RD<"},
		{"X", "Y", 0, ""},
	}
	for _, tt := range tests {
		if got := MRZName(tt.surname, tt.given, tt.width); got != tt.want {
			t.Errorf("MRZName(%q, %q, %d) = %q, want %q", tt.surname, tt.given, tt.width, got, tt.want)
		}
	}
}

func TestFormatMRZ(t *testing.T) {
	eriksson := MRZ{
		IssuingState: "UTO", Surname: "Eriksson", GivenNames: []string{"Anna", "Maria"},
		Nationality: "UTO", BirthDate: Date{Year: 1974, Month: 8, Day: 12}, Sex: "F",
		ExpiryDate: Date{Raw: "120415"},
	}
	td3 := eriksson
	td3.DocumentNumber, td3.OptionalData = "L898902C3", "ZE184226B"
	td1 := eriksson
	td1.DocumentNumber = "D23145890"
	long := MRZ{
		IssuingState: "UTO", DocumentNumber: "D23145890734", Surname: "Stevenson",
		GivenNames: []string{"Peter", "John"}, Nationality: "UTO",
		BirthDate: Date{Raw: "340712"}, Sex: "M", ExpiryDate: Date{Raw: "950712"},
	}
	tests := []struct {
		name   string
		format func(MRZ) (string, error)
		in     MRZ
		want   string
	}{
		{"TD3Specimen", FormatTD3, td3, specimenTD3},
		{"TD2Specimen", FormatTD2, td1, specimenTD2},
		{"TD1Specimen", FormatTD1, td1, specimenTD1},
		{"TD1LongDocumentNumber", FormatTD1, long, specimenTD1Long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.format(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}

	errTests := []struct {
		name   string
		format func(MRZ) (string, error)
		edit   func(*MRZ)
		want   string
	}{
		{"NumberTooLongForTD3", FormatTD3, func(m *MRZ) { m.DocumentNumber = "L898902C3X" },
			`MRZ document number must be 1 to 9 characters, got "L898902C3X"`},
		{"LowerCaseNumber", FormatTD3, func(m *MRZ) { m.DocumentNumber = "l898902c3" },
			`MRZ document number has invalid character 'l'`},
		{"BadDate", FormatTD3, func(m *MRZ) { m.BirthDate = Date{Raw: "7408"} },
			`MRZ birth date must be 6 characters, got "7408"`},
		{"BadSex", FormatTD3, func(m *MRZ) { m.Sex = "W" }, `MRZ sex must be M, F, X or empty, got "W"`},
		{"Visa", FormatTD3, func(m *MRZ) { m.DocumentCode = "V" },
			`MRZ document code "V" is a visa; visa MRZs cannot be built`},
		{"NoRoomForOptionalData", FormatTD2, func(m *MRZ) { m.DocumentNumber, m.OptionalData = "D23145890734", "ABC" },
			`MRZ document number "D23145890734" leaves no room for optional data "ABC"`},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			m := td3
			tt.edit(&m)
			_, err := tt.format(m)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func BenchmarkParseMRZ(b *testing.B) {
	for b.Loop() {
		if _, err := ParseMRZ(specimenTD3, today); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMRZRepair(b *testing.B) {
	in := strings.Replace(specimenTD3, "L898902C3", "L8989O2C3", 1)
	for b.Loop() {
		if _, err := ParseMRZ(in, today); err != nil {
			b.Fatal(err)
		}
	}
}
