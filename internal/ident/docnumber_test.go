package ident

import (
	"strings"
	"testing"
)

func TestDocumentNumber(t *testing.T) {
	runKeyTests(t, KindDocumentNumber, DocumentNumber, []keyTest{
		{"UkrainianInternalPassportCyrillic", "КВ 123456", "KB123456", ""},
		{"UkrainianInternalPassportLowerCase", "кв123456", "KB123456", ""},
		{"UkrainianInternalPassportLatin", "KB 123456", "KB123456", ""},
		{"WordSeries", "серія АА № 123456", "", "document number contains invalid character 'я'"},
		{"NumberSignOnly", "АА № 123456", "AA123456", ""},
		{"ForeignPassport", "fa-123.456/7", "FA1234567", ""},
		{"MRZFiller", "L898902C3<", "L898902C3", ""},
		{"EnDashAndTab", "AB–12\t34", "AB1234", ""},
		{"AllLookalikes", "АВЕІКМНОРСТХ", "ABEIKMHOPCTX", ""},
		{"CyrillicWithoutLookalike", "ЖЖ123456", "", "document number contains invalid character 'Ж'"},
		{"Punctuation", "AB#12", "", "document number contains invalid character '#'"},
		{"Empty", " - . / ", "", "document number is empty"},
		{"TooLong", strings.Repeat("1", 21), "", "document number must be at most 20 characters, got 21"},
		{"LongestAccepted", strings.Repeat("1", 20), strings.Repeat("1", 20), ""},
	})
}

func TestSerial(t *testing.T) {
	tests := []struct {
		name, in                  string
		exact, confusable, errMsg string
	}{
		{"Separators", "ab 12-34/5.6", "AB123456", "A8123456", ""},
		{"AllConfusables", "oOiIlLsSbBzZgG", "OOIILLSSBBZZGG", "00111155882266", ""},
		{"DigitsUnchanged", "0125862", "0125862", "0125862", ""},
		{"CyrillicLookalikesFolded", "ТК 1234", "TK1234", "TK1234", ""},
		{"CyrillicKept", "ГЖ 1234", "ГЖ1234", "ГЖ1234", ""},
		{"Punctuation", "AB#1", "", "", "serial number contains invalid character '#'"},
		{"Empty", "  ", "", "", "serial number is empty"},
		{"TooLong", strings.Repeat("A", 41), "", "", "serial number must be at most 40 characters, got 41"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exact, conf, err := Serial(tt.in)
			if tt.errMsg != "" {
				checkError(t, err, KindSerial, tt.errMsg)
				return
			}
			if err != nil || exact != tt.exact || conf != tt.confusable {
				t.Errorf("Serial(%q) = %q, %q, %v, want %q, %q", tt.in, exact, conf, err, tt.exact, tt.confusable)
			}
		})
	}
}

func BenchmarkDocumentNumber(b *testing.B) {
	for b.Loop() {
		if _, err := DocumentNumber("КВ 123-456"); err != nil {
			b.Fatal(err)
		}
	}
}
