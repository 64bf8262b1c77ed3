package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Ševčenko  ", "ševčenko"},
		{"Şerban Ţurcanu", "șerban țurcanu"}, // cedilla → comma below
		{"Șerban Țurcanu", "șerban țurcanu"},
		{"O'Neil", "oneil"},
		{"Мар’їне", "марїне"},
		{"Мар'їне", "марїне"},
		{"kʼ t` p′", "k t p"},
		{"Se\u0301rgio", "sérgio"}, // NFC
		{"ANNA\tMARIA", "anna maria"},
		{"ᲯᲣᲦᲐᲨᲕᲘᲚᲘ", "ჯუღაშვილი"}, // Mtavruli capitals
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("SHEVCHENKO<<OLEKSANDR, Greif-Neill  V. (Vova) “Ivan”")
	want := []string{"shevchenko", "oleksandr", "greif", "neill", "v", "vova", "ivan"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Tokens (-want +got):\n%s", d)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ševčenko", "sevcenko"},
		{"Łukasz Żółć", "lukasz zolc"},
		{"Şerban", "serban"},
		{"Đorđe", "dorde"},
		{"Øster", "oster"},
		{"Straße", "strasse"},
		{"Æsa Œuvre", "aesa oeuvre"},
		{"Kırıkkale", "kirikkale"},
		{"Müller", "muller"},
		{"Szőke Győző", "szoke gyozo"},
		{"Bērziņš", "berzins"},
		{"Kazlauskienė", "kazlauskiene"},
		{"Шевченко", "shevchenko"},
		{"Олександр Шевченко", "oleksandr shevchenko"},
		{"Фёдор", "fedor"},
		{"ჯუღაშვილი", "jughashvili"},
		{"Greif-Neill", "greif neill"},
		{"O'Neil", "oneil"},
		{"Шевчеnко", "shevchenko"},     // a Latin look-alike inside Cyrillic
		{"Ivаn", "ivan"},               // a Cyrillic а inside Latin
		{"Boʙoev ɪᴠᴀɴ", "boboev ivan"}, // small capitals
		{"Ελένη", "ελενη"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
