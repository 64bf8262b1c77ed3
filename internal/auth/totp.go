package auth

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTPIssuer is the issuer shown in authenticator apps.
const TOTPIssuer = "I-FORCE"

// TOTPKey is a newly generated TOTP secret with its provisioning URL.
type TOTPKey struct {
	Secret string // base32, shown to the user for manual entry
	URL    string // otpauth:// URL encoded in the QR code
	key    *otp.Key
}

// NewTOTP generates a TOTP secret for account (30-second steps, 6 digits, SHA-1, the
// parameters every authenticator app supports).
func NewTOTP(account string, rnd io.Reader) (*TOTPKey, error) {
	k, err := totp.Generate(totp.GenerateOpts{Issuer: TOTPIssuer, AccountName: account, Rand: rnd})
	if err != nil {
		return nil, fmt.Errorf("generate totp: %w", err)
	}
	return &TOTPKey{Secret: k.Secret(), URL: k.URL(), key: k}, nil
}

// QRPNG renders the provisioning QR code as a PNG of the given size in pixels.
func (k *TOTPKey) QRPNG(size int) ([]byte, error) {
	img, err := k.key.Image(size, size)
	if err != nil {
		return nil, fmt.Errorf("totp qr: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("totp qr png: %w", err)
	}
	return buf.Bytes(), nil
}

// TOTPFromSecret rebuilds a key from a stored secret, for the enrolment page.
func TOTPFromSecret(account, secret string) (*TOTPKey, error) {
	u := fmt.Sprintf("otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1&digits=6&period=30", TOTPIssuer, account, secret, TOTPIssuer)
	k, err := otp.NewKeyFromURL(u)
	if err != nil {
		return nil, fmt.Errorf("totp key: %w", err)
	}
	return &TOTPKey{Secret: secret, URL: k.URL(), key: k}, nil
}

// ValidateTOTP checks a code against a secret at time now, allowing one step of clock
// skew either way. It returns the time step that matched so the caller can refuse a
// code used twice.
func ValidateTOTP(code, secret string, now time.Time) (step int64, ok bool) {
	for _, skew := range []int64{0, -1, 1} {
		t := now.Add(time.Duration(skew) * 30 * time.Second)
		want, err := totp.GenerateCodeCustom(secret, t, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && len(code) == 6 && code == want {
			return t.Unix() / 30, true
		}
	}
	return 0, false
}

// TOTPCode returns the current code for a secret; used by tests and the demo.
func TOTPCode(secret string, now time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, now, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
}
