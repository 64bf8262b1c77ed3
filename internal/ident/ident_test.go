package ident

import (
	"errors"
	"testing"
)

// keyTest is a case for a function returning a key or an *Error.
type keyTest struct {
	name    string // outcome, used as the subtest name
	in      string
	want    string // key, when wantErr is empty
	wantErr string // expected problem
}

// runKeyTests runs tests against fn, which reports errors of kind k.
func runKeyTests(t *testing.T, k Kind, fn func(string) (string, error), tests []keyTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fn(tt.in)
			if tt.wantErr != "" {
				checkError(t, err, k, tt.wantErr)
				if got != "" {
					t.Errorf("key = %q with an error, want empty", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("(%q): unexpected error %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkError fails t unless err is an *Error of kind k with the problem want.
func checkError(t *testing.T, err error, k Kind, want string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want an *Error", err)
	}
	if e.Kind != k || e.Problem != want || err.Error() != want {
		t.Errorf("error = {%s %q}, want {%s %q}", e.Kind, e.Problem, k, want)
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct {
		kind    Kind
		raw     string
		opts    Options
		want    string
		wantErr string
	}{
		{KindDocumentNumber, "кв 123456", Options{}, "KB123456", ""},
		{KindVIN, "1m8gdm9axkp042788", Options{}, "1M8GDM9AXKP042788", ""},
		{KindPlate, "АА 1234 ВВ", Options{Country: "ua"}, "AA1234BB", ""},
		{KindPlate, "АА 1234 ВВ", Options{}, "", `plate country must be an ISO 3166-1 alpha-2 code such as UA, got ""`},
		{KindSerial, "ab-123", Options{}, "AB123", ""},
		{KindPhone, "050 123 45 67", Options{Country: "UA"}, "+380501234567", ""},
		{KindIBAN, "ua21 3223 1300 0002 6007 2335 6600 1", Options{}, "UA213223130000026007233566001", ""},
		{KindBIC, "deut de ff xxx", Options{}, "DEUTDEFF", ""},
		{KindEmail, "Anna@Example.COM", Options{}, "anna@example.com", ""},
		{KindWallet, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Options{}, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", ""},
		{KindIP, "2001:DB8::1", Options{}, "2001:db8::1", ""},
		{KindDomain, "Example.COM.", Options{}, "example.com", ""},
		{KindMRZ, specimenTD3, Options{}, "", "an MRZ has no single search key; search by its document number"},
		{Kind("passport"), "x", Options{}, "", `unknown identifier kind "passport"`},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			got, err := Normalise(tt.kind, tt.raw, tt.opts)
			if tt.wantErr != "" {
				checkError(t, err, tt.kind, tt.wantErr)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Normalise(%s, %q) = %q, %v, want %q", tt.kind, tt.raw, got, err, tt.want)
			}
		})
	}
}
