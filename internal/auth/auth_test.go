package auth

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"
)

var fastParams = Params{Time: 1, Memory: 8 * 1024, Threads: 1}

func TestCheckPassword(t *testing.T) {
	for _, tc := range []struct {
		pw, user string
		wantOK   bool
	}{
		{"correct horse battery", "olena", true},
		{"Дніпро-над-хвилями", "olena", true},
		{"short", "olena", false},
		{"elevenchars", "olena", false},
		{strings.Repeat("a", 129), "olena", false},
		{"password1234", "olena", false},
		{"Qwertyuiop123!", "olena", false},
		{"пароль123456", "olena", false},
		{"olena.petrenko-2026", "olena.petrenko", false},
		{"zzzzzzzzzzzzzz", "olena", false},
		{strings.Repeat("ab", 64), "olena", true},
	} {
		got := CheckPassword(tc.pw, tc.user)
		if (got == "") != tc.wantOK {
			t.Errorf("CheckPassword(%q) = %q, want ok=%v", tc.pw, got, tc.wantOK)
		}
	}
}

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("correct horse battery", fastParams, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=8192,t=1,p=1$") {
		t.Fatalf("hash format %q", h)
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterY": false, "": false} {
		ok, err := VerifyPassword(pw, h)
		if err != nil || ok != want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	// NFC and NFD forms of the same text are the same password.
	h2, _ := HashPassword("Ștefan cel Mare 1457", fastParams, rand.Reader)
	if ok, _ := VerifyPassword("S\u0326tefan cel Mare 1457", h2); !ok {
		t.Error("NFD form of the password refused")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=1,t=1,p=1$$", "$bcrypt$x", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA"} {
		if _, err := VerifyPassword("x", bad); err == nil {
			t.Errorf("VerifyPassword accepted malformed hash %q", bad)
		}
	}
}

func TestTOTP(t *testing.T) {
	k, err := NewTOTP("olena", rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	code, err := TOTPCode(k.Secret, now)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ValidateTOTP(code, k.Secret, now.Add(25*time.Second)); !ok {
		t.Error("code refused within skew")
	}
	if _, ok := ValidateTOTP(code, k.Secret, now.Add(5*time.Minute)); ok {
		t.Error("stale code accepted")
	}
	if _, ok := ValidateTOTP("000000", k.Secret, now); ok && code != "000000" {
		t.Error("wrong code accepted")
	}
	png, err := k.QRPNG(200)
	if err != nil || len(png) < 100 || string(png[1:4]) != "PNG" {
		t.Fatalf("QR png: %v", err)
	}
	k2, err := TOTPFromSecret("olena", k.Secret)
	if err != nil || k2.Secret != k.Secret {
		t.Fatalf("TOTPFromSecret: %v", err)
	}
}

func TestTokens(t *testing.T) {
	id, secret, err := NewToken(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := ParseToken(secret)
	if !ok || got != id {
		t.Fatalf("ParseToken(%q) = %q, %v; want %q", secret, got, ok, id)
	}
	for _, bad := range []string{"", "ifc_", "ifc_abc_def", "xyz" + secret[3:], secret + "x"} {
		if _, ok := ParseToken(bad); ok {
			t.Errorf("ParseToken accepted %q", bad)
		}
	}
	if HashSecret(secret) == HashSecret(secret+"x") || len(HashSecret(secret)) != 64 {
		t.Error("HashSecret")
	}
}

func FuzzVerifyPassword(f *testing.F) {
	f.Add("pw", "$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA")
	f.Fuzz(func(t *testing.T, pw, h string) {
		if strings.Contains(h, "m=") && !strings.Contains(h, "m=8,") {
			return // keep the fuzzer away from expensive parameters
		}
		_, _ = VerifyPassword(pw, h)
	})
}

func FuzzParseToken(f *testing.F) {
	f.Add("ifc_abcdefghijklm_" + strings.Repeat("a", 52))
	f.Add("ifc__")
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := ParseToken(s)
		if ok && (len(id) != 13 || !strings.HasPrefix(s, TokenPrefix+id+"_")) {
			t.Fatalf("ParseToken(%q) = %q", s, id)
		}
	})
}
