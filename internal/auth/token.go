package auth

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// TokenPrefix starts every API token so that leaked tokens are easy to spot.
const TokenPrefix = "ifc_"

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewToken returns a new API token: its public id (stored, shown in lists) and the full
// secret (shown once). The secret is TokenPrefix + id + "_" + 32 random bytes.
func NewToken(rnd io.Reader) (id, secret string, err error) {
	b := make([]byte, 40)
	if _, err := io.ReadFull(rnd, b); err != nil {
		return "", "", fmt.Errorf("token randomness: %w", err)
	}
	id = strings.ToLower(b32.EncodeToString(b[:8]))
	return id, TokenPrefix + id + "_" + strings.ToLower(b32.EncodeToString(b[8:])), nil
}

// ParseToken splits a presented token into its id; ok is false for malformed tokens.
func ParseToken(secret string) (id string, ok bool) {
	rest, found := strings.CutPrefix(secret, TokenPrefix)
	if !found {
		return "", false
	}
	id, tail, found := strings.Cut(rest, "_")
	if !found || len(id) != 13 || len(tail) != 52 {
		return "", false
	}
	return id, true
}

// HashSecret is the stored form of a high-entropy secret (API token, session token):
// SHA-256 is enough for 256-bit random secrets, and makes a database leak useless.
func HashSecret(secret string) string {
	s := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(s[:])
}
