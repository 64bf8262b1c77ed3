package ident

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestParseVIN(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    VIN
		wantErr string
	}{
		{"NorthAmericanValidCheckDigit", "1M8GDM9AXKP042788", VIN{"1M8GDM9AXKP042788", true}, ""},
		{"HondaValidCheckDigit", "JHMCM56557C404453", VIN{"JHMCM56557C404453", true}, ""},
		{"VolkswagenEuropeanNoCheckDigit", "WVWZZZ1JZ3W386752", VIN{"WVWZZZ1JZ3W386752", false}, ""},
		{"LadaValidCheckDigit", "XTA210990Y2766389", VIN{"XTA210990Y2766389", true}, ""},
		{"LadaKeyedInCyrillic", "ХТА210990У2766389", VIN{}, "VIN contains invalid character 'У'"},
		{"LadaKeyedInCyrillicLookalikes", "ХТА 21099-0Y2766389", VIN{"XTA210990Y2766389", true}, ""},
		{"LowerCaseWithSeparators", "1m8-gdm9a xkp 042788", VIN{"1M8GDM9AXKP042788", true}, ""},
		{"OIQFolded", "1M8GDM9AXKPO42788", VIN{"1M8GDM9AXKP042788", true}, ""},
		{"IFolded", "IM8GDM9AXKP042788", VIN{"1M8GDM9AXKP042788", true}, ""},
		{"QFolded", "1M8GDM9AXKPQ42788", VIN{"1M8GDM9AXKP042788", true}, ""},
		{"WrongCheckDigitIsAFlag", "1M8GDM9A1KP042788", VIN{"1M8GDM9A1KP042788", false}, ""},
		{"Short", "1M8GDM9AXKP042", VIN{}, "VIN must be 17 characters, got 14"},
		{"Long", "1M8GDM9AXKP0427880", VIN{}, "VIN must be 17 characters, got 18"},
		{"Punctuation", "1M8GDM9AXKP04278*", VIN{}, "VIN contains invalid character '*'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseVIN(tt.in)
			if tt.wantErr != "" {
				checkError(t, err, KindVIN, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseVIN(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestVINCheckDigitProperty(t *testing.T) {
	const vinChars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	rapid.Check(t, func(t *rapid.T) {
		v := []byte(chars(vinChars, 17, 17).Draw(t, "vin"))
		v[8] = vinCheckDigit(v)
		got, err := ParseVIN(string(v))
		if err != nil || !got.CheckDigitValid || got.Key != string(v) {
			t.Fatalf("ParseVIN(%q) = %+v, %v", v, got, err)
		}
	})
}

func TestPlate(t *testing.T) {
	tests := []struct {
		name, in, country, want, wantErr string
	}{
		{"UkrainianCyrillic", "АА 1234 ВВ", "UA", "AA1234BB", ""},
		{"UkrainianLatin", "aa-1234-bb", "ua", "AA1234BB", ""},
		{"UkrainianMixedLayouts", "АA1234Вb", "UA", "AA1234BB", ""},
		{"RussianWithU", "у 123 ку 77", "RU", "Y123KY77", ""},
		{"RussianLatin", "Y123KY 77", "RU", "Y123KY77", ""},
		{"GermanUmlautKept", "MÜ-AB 123", "DE", "MÜAB123", ""},
		{"GermanUmlautDecomposed", "MU\u0308-AB 123", "DE", "MÜAB123", ""},
		{"Moldovan", "C DF 123", "MD", "CDF123", ""},
		{"Georgian", "AA-123-BB", "GE", "AA123BB", ""},
		{"CountryAlpha3", "AA1234BB", "UKR", "", `plate country must be an ISO 3166-1 alpha-2 code such as UA, got "UKR"`},
		{"CountryMissing", "AA1234BB", "", "", `plate country must be an ISO 3166-1 alpha-2 code such as UA, got ""`},
		{"Punctuation", "AA#1234", "UA", "", "plate number contains invalid character '#'"},
		{"Empty", " - ", "UA", "", "plate number is empty"},
		{"TooLong", "AA12345678901234", "UA", "", "plate number must be at most 15 characters, got 16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Plate(tt.in, tt.country)
			if tt.wantErr != "" {
				checkError(t, err, KindPlate, tt.wantErr)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Plate(%q, %q) = %q, %v, want %q", tt.in, tt.country, got, err, tt.want)
			}
		})
	}
}
