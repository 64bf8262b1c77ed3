// Package auth provides the credentials of I-FORCE: Argon2id password hashes with the
// NIST SP 800-63B password rules, TOTP second factors (RFC 6238) and API token secrets.
// It holds no state; randomness and time are passed in.
package auth

import (
	"bufio"
	"bytes"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Password length limits, in characters (NIST SP 800-63B: at least 8, we require 12).
const (
	MinPasswordLen = 12
	MaxPasswordLen = 128
)

// Argon2id parameters (RFC 9106 second recommended option, memory-constrained).
type Params struct {
	Time    uint32
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultParams are used for new hashes: 3 passes over 64 MiB.
var DefaultParams = Params{Time: 3, Memory: 64 * 1024, Threads: 2}

//go:embed blocklist.txt
var blocklistText []byte

var blocklist = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(blocklistText))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			m[strings.ToLower(w)] = true
		}
	}
	return m
})

// CheckPassword applies the password rules: length 12 to 128 characters, not a known
// common or breached password, not the username. It returns a user-facing problem, or "".
func CheckPassword(pw, username string) string {
	n := utf8.RuneCountInString(pw)
	switch {
	case !utf8.ValidString(pw):
		return "must be valid text"
	case n < MinPasswordLen:
		return fmt.Sprintf("must be at least %d characters", MinPasswordLen)
	case n > MaxPasswordLen:
		return fmt.Sprintf("must be at most %d characters", MaxPasswordLen)
	}
	low := strings.ToLower(pw)
	if blocklist()[low] || blocklist()[strings.TrimRight(low, "0123456789!.")] {
		return "is a commonly used password; choose another"
	}
	if username != "" && strings.Contains(low, strings.ToLower(username)) {
		return "must not contain the username"
	}
	if allSame(pw) {
		return "must not repeat a single character"
	}
	return ""
}

func allSame(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(r)) == ""
}

// HashPassword returns an encoded Argon2id hash of pw using salt bytes read from rnd.
func HashPassword(pw string, p Params, rnd io.Reader) (string, error) {
	salt := make([]byte, 16)
	if _, err := io.ReadFull(rnd, salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(norm.NFC.String(pw)), salt, p.Time, p.Memory, p.Threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// ErrMalformedHash is returned for a stored hash that cannot be parsed.
var ErrMalformedHash = errors.New("malformed password hash")

// VerifyPassword reports whether pw matches the encoded hash, in constant time.
func VerifyPassword(pw, encoded string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrMalformedHash
	}
	var v int
	var p Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false, ErrMalformedHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, ErrMalformedHash
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || p.Memory > 1<<22 || p.Time > 100 {
		return false, ErrMalformedHash
	}
	got := argon2.IDKey([]byte(norm.NFC.String(pw)), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
