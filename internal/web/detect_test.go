package web

import "testing"

func TestDetectKind(t *testing.T) {
	td3 := "P<UKRSHEVCHENKO<<OLEKSANDR<<<<<<<<<<<<<<<<<<\nFE482913<8UKR8503149M3009211<<<<<<<<<<<<<<<8"
	td1 := "I<UTOD231458907<<<<<<<<<<<<<<<\r\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n"
	for _, c := range []struct{ in, want string }{
		{td3, "mrz"},
		{td1, "mrz"},
		{"P<UKRSHEVCHENKO<<OLEKSANDR", "name"},
		{"WVWZZZ1JZXW000001", "vin"},
		{"wvw zzz1jz xw000001", "vin"},
		{"WVWZZZ1JZXW00000I", "document"}, // I is no VIN letter
		{"FE482913", "document"},
		{"AB 1234 CD", "document"},
		{"Олександр Шевченко", "name"},
		{"ჯუღაშვილი", "name"},
		{"SHEVCHENKO, Oleksandr", "name"},
		{"Ștefan Dumitrescu", "name"},
	} {
		if got := detectKind(c.in); got != c.want {
			t.Errorf("detectKind(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
