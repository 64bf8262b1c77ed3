package ident

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// checkKey fails t unless (key, err) is a valid outcome for raw: either an
// *Error of kind k with a problem and no key, or a valid UTF-8 key that again
// normalises to itself.
func checkKey(t *testing.T, k Kind, raw, key string, err error, again func(string) (string, error)) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Kind != k || e.Problem == "" || key != "" {
			t.Fatalf("(%q) = %q, %#v: want an *Error of kind %s and no key", raw, key, err, k)
		}
		return
	}
	if key == "" || !utf8.ValidString(key) {
		t.Fatalf("(%q) = %q: want a non-empty UTF-8 key", raw, key)
	}
	if key2, err := again(key); err != nil || key2 != key {
		t.Fatalf("(%q) = %q, but the key normalises to %q, %v", raw, key, key2, err)
	}
}

// isASCIIKey reports whether key has only A-Z and 0-9.
func isASCIIKey(key string) bool {
	for i := 0; i < len(key); i++ {
		if !isUpperAlnum(key[i]) {
			return false
		}
	}
	return true
}

func FuzzParseMRZ(f *testing.F) {
	for _, s := range []string{
		specimenTD3, specimenTD2, specimenTD1, specimenTD1Long, specimenMustermann, specimenMRVA, specimenMRVB,
		strings.ToLower(specimenTD3), strings.ReplaceAll(specimenTD1, "\n", "\r\n"), strings.ReplaceAll(specimenTD3, "\n", ""),
		strings.Replace(specimenTD3, "L898902C3", "L8989O2C3", 1), strings.Replace(specimenTD3, "7408122", "74O8l2Z", 1),
		"", "\n", "P<\nL",
	} {
		f.Add(s)
	}
	fields := []string{FieldDocumentNumber, FieldBirthDate, FieldExpiryDate, FieldPersonalNumber, FieldComposite}
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseMRZ(text, today)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Kind != KindMRZ || e.Problem == "" {
				t.Fatalf("ParseMRZ error %#v: want an *Error of kind mrz", err)
			}
			return
		}
		for _, line := range m.Lines {
			if len(line) != len(m.Lines[0]) || strings.Trim(line, upperLetters+decimal+"<") != "" {
				t.Fatalf("bad line %q in %q", line, m.Lines)
			}
		}
		for _, name := range append(slices.Clone(m.CheckDigitFailures), m.Corrected...) {
			if !slices.Contains(fields, name) {
				t.Fatalf("unknown field name %q", name)
			}
		}
		// The lines as read parse to the same fields, with nothing left to correct.
		again, err := ParseMRZ(strings.Join(m.Lines, "\n"), today)
		if err != nil {
			t.Fatalf("ParseMRZ(%q): %v", m.Lines, err)
		}
		m.Corrected = nil
		if diff := cmp.Diff(m, again); diff != "" {
			t.Fatalf("parsing the lines again (-first +again):\n%s", diff)
		}
	})
}

func FuzzFormatMRZ(f *testing.F) {
	f.Add(uint8(3), "P", "UTO", "L898902C3", "Eriksson", "Anna Maria", "740812", "F", "120415", "ZE184226B")
	f.Add(uint8(1), "I", "UTO", "D23145890734", "Stevenson", "Peter John", "340712", "M", "950712", "")
	f.Add(uint8(2), "ID", "D", "T22000129", "Müller-Lüdenscheidt", "", "64<<<<", "", "201031", "A1")
	f.Fuzz(func(t *testing.T, format uint8, code, state, number, surname, given, birth, sex, expiry, optional string) {
		in := MRZ{
			DocumentCode: code, IssuingState: state, Nationality: state, DocumentNumber: number,
			Surname: surname, GivenNames: strings.Fields(given), BirthDate: Date{Raw: birth},
			Sex: sex, ExpiryDate: Date{Raw: expiry}, OptionalData: optional,
		}
		build := []func(MRZ) (string, error){FormatTD1, FormatTD2, FormatTD3}[format%3]
		text, err := build(in)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Kind != KindMRZ {
				t.Fatalf("error %#v: want an *Error of kind mrz", err)
			}
			return
		}
		m, err := ParseMRZ(text, today)
		if err != nil {
			t.Fatalf("ParseMRZ(%q): %v", text, err)
		}
		if len(m.CheckDigitFailures) > 0 || len(m.Corrected) > 0 || strings.Join(m.Lines, "\n") != text {
			t.Fatalf("ParseMRZ(%q) = failures %v, corrected %v, lines %q", text, m.CheckDigitFailures, m.Corrected, m.Lines)
		}
		if m.DocumentNumber != number || m.OptionalData != trimFiller(optional) || m.Sex != sex ||
			m.BirthDate.Raw != in.BirthDate.yymmdd() || m.ExpiryDate.Raw != in.ExpiryDate.yymmdd() {
			t.Fatalf("ParseMRZ(%q) = %+v, built from %+v", text, m, in)
		}
	})
}

func FuzzMRZName(f *testing.F) {
	f.Add("Шевченко", "Тарас", 30)
	f.Add("O'Neil-Øvergård", "Seán  ß", 39)
	f.Fuzz(func(t *testing.T, surname, given string, width int) {
		width %= 100
		got := MRZName(surname, given, width)
		if width < 0 {
			width = 0
		}
		if len(got) != width || strings.Trim(got, upperLetters+"<") != "" {
			t.Fatalf("MRZName(%q, %q, %d) = %q", surname, given, width, got)
		}
	})
}

func FuzzDocumentNumber(f *testing.F) {
	for _, s := range []string{"КВ 123456", "fa-123.456/7", "L898902C3<", "№ 1", "ЖЖ1", "", "ǅ", "ı"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		key, err := DocumentNumber(raw)
		checkKey(t, KindDocumentNumber, raw, key, err, DocumentNumber)
		if err == nil && (!isASCIIKey(key) || len(key) > maxDocumentNumber) {
			t.Fatalf("DocumentNumber(%q) = %q", raw, key)
		}
	})
}

func FuzzParseVIN(f *testing.F) {
	for _, s := range []string{"1M8GDM9AXKP042788", "WVWZZZ1JZ3W386752", "ХТА 21099-0Y2766389", "IOQ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := ParseVIN(raw)
		checkKey(t, KindVIN, raw, v.Key, err, func(s string) (string, error) {
			v2, err := ParseVIN(s)
			if v2.CheckDigitValid != v.CheckDigitValid {
				t.Fatalf("ParseVIN(%q) flag %v, again %v", raw, v.CheckDigitValid, v2.CheckDigitValid)
			}
			return v2.Key, err
		})
		if err == nil && (len(v.Key) != 17 || !isASCIIKey(v.Key) || strings.ContainsAny(v.Key, "IOQ")) {
			t.Fatalf("ParseVIN(%q) = %q", raw, v.Key)
		}
	})
}

func FuzzPlate(f *testing.F) {
	for _, s := range []string{"АА 1234 ВВ", "у 123 ку 77", "MÜ-AB 123", "MU\u0308", ""} {
		f.Add(s, "UA")
	}
	f.Add("AA1234BB", "ukr")
	f.Fuzz(func(t *testing.T, raw, country string) {
		key, err := Plate(raw, country)
		checkKey(t, KindPlate, raw, key, err, func(s string) (string, error) { return Plate(s, country) })
	})
}

func FuzzSerial(f *testing.F) {
	for _, s := range []string{"ab 12-34/5.6", "oOiIlLsSbBzZgG", "ГЖ 1234", "ǰ", "ß", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		exact, conf, err := Serial(raw)
		checkKey(t, KindSerial, raw, exact, err, func(s string) (string, error) {
			e, c, err := Serial(s)
			if err == nil && c != conf {
				t.Fatalf("Serial(%q) confusable %q, again %q", raw, conf, c)
			}
			return e, err
		})
		if err == nil {
			if e, c, err := Serial(conf); err != nil || e != conf || c != conf {
				t.Fatalf("Serial(%q) = %q, %q, %v: confusable key not a fixed point", conf, e, c, err)
			}
		}
	})
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"+380 50 123 4567", "050 123 45 67", "00380501234567", "tel:+1-800-FLOWERS", "+39 06 1234 5678", ""} {
		f.Add(s, "UA")
	}
	f.Fuzz(func(t *testing.T, raw, region string) {
		key, err := Phone(raw, region)
		checkKey(t, KindPhone, raw, key, err, func(s string) (string, error) { return Phone(s, "") })
		if err == nil && !strings.HasPrefix(key, "+") {
			t.Fatalf("Phone(%q, %q) = %q", raw, region, key)
		}
	})
}

func FuzzIBAN(f *testing.F) {
	for _, s := range append(slices.Clone(ibanExamples), "IBAN UA21 3223", "DEUTDEFFXXX", "") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		key, err := IBAN(raw)
		checkKey(t, KindIBAN, raw, key, err, IBAN)
		if err == nil && (!isASCIIKey(key) || len(key) != ibanLengths[key[:2]]) {
			t.Fatalf("IBAN(%q) = %q", raw, key)
		}
		key, err = BIC(raw)
		checkKey(t, KindBIC, raw, key, err, BIC)
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"Anna.Maria@Example.COM", "info@bücher.de", "Олена@example.com", "a <b@c.d>", "a@b@c.d", "a(x)@b.com", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		key, err := Email(raw)
		checkKey(t, KindEmail, raw, key, err, Email)
	})
}

func FuzzParseWallet(f *testing.F) {
	for _, s := range []string{
		"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn",
		"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		w, err := ParseWallet(raw)
		checkKey(t, KindWallet, raw, w.Key, err, func(s string) (string, error) {
			w2, err := ParseWallet(s)
			if err == nil && (w2.Currency != w.Currency || w2.Testnet != w.Testnet) {
				t.Fatalf("ParseWallet(%q) = %+v, again %+v", raw, w, w2)
			}
			return w2.Key, err
		})
		if err == nil && w.Currency != BTC && w.Currency != ETH {
			t.Fatalf("ParseWallet(%q) currency %q", raw, w.Currency)
		}
	})
}

func FuzzIP(f *testing.F) {
	for _, s := range []string{"192.0.2.1", "2001:0DB8::0001", "[::1]", "::ffff:192.0.2.1", "fe80::1%eth0", "1.2.3.4/8", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		key, err := IP(raw)
		checkKey(t, KindIP, raw, key, err, IP)
	})
}

func FuzzDomain(f *testing.F) {
	for _, s := range []string{"Example.COM.", "bücher.de", "XN--BCHER-KVA.DE", "приклад.укр", "example。com", "☃.com", "-a.b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		key, err := Domain(raw)
		checkKey(t, KindDomain, raw, key, err, Domain)
	})
}
