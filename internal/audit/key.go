package audit

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// KeyName is the name of node signing keys; it appears in every checkpoint signature.
const KeyName = "iforce-audit"

// Keys are a node's signer and the matching verifier.
type Keys struct {
	Signer   note.Signer
	Verifier note.Verifier
	Public   string // the verifier key text, to publish to witnesses
}

// LoadOrCreateKeys reads the signing key at path, creating it (mode 0600) with a new
// Ed25519 key when the file does not exist. The public key is written beside it as
// path + ".pub".
func LoadOrCreateKeys(path string) (*Keys, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		skey, vkey, gerr := note.GenerateKey(rand.Reader, KeyName)
		if gerr != nil {
			return nil, fmt.Errorf("generate audit key: %w", gerr)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("audit key dir: %w", err)
		}
		f, cerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(cerr, fs.ErrExist) { // another process created it first
			return LoadOrCreateKeys(path)
		}
		if cerr != nil {
			return nil, fmt.Errorf("create audit key: %w", cerr)
		}
		_, werr := f.WriteString(skey + "\n")
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return nil, fmt.Errorf("write audit key: %w", werr)
		}
		if err := os.WriteFile(path+".pub", []byte(vkey+"\n"), 0o644); err != nil {
			return nil, fmt.Errorf("write audit public key: %w", err)
		}
		b = []byte(skey)
	} else if err != nil {
		return nil, fmt.Errorf("read audit key: %w", err)
	}
	return ParseKeys(strings.TrimSpace(string(b)))
}

// ParseKeys builds Keys from a note signer key text.
func ParseKeys(skey string) (*Keys, error) {
	s, err := note.NewSigner(skey)
	if err != nil {
		return nil, fmt.Errorf("parse audit key: %w", err)
	}
	vkey, err := verifierKey(skey)
	if err != nil {
		return nil, err
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return nil, fmt.Errorf("audit verifier: %w", err)
	}
	return &Keys{Signer: s, Verifier: v, Public: vkey}, nil
}

// ParseVerifier parses a published verifier key.
func ParseVerifier(vkey string) (note.Verifier, error) {
	v, err := note.NewVerifier(strings.TrimSpace(vkey))
	if err != nil {
		return nil, fmt.Errorf("parse audit public key: %w", err)
	}
	return v, nil
}

// verifierKey derives the verifier key text from a signer key text
// ("PRIVATE+KEY+name+hash+base64(alg|seed)").
func verifierKey(skey string) (string, error) {
	parts := strings.SplitN(skey, "+", 5)
	if len(parts) != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY" {
		return "", fmt.Errorf("parse audit key: malformed signer key")
	}
	raw, err := base64.StdEncoding.DecodeString(parts[4])
	if err != nil || len(raw) != 1+ed25519.SeedSize || raw[0] != 1 {
		return "", fmt.Errorf("parse audit key: not an Ed25519 signer key")
	}
	pub := ed25519.NewKeyFromSeed(raw[1:]).Public().(ed25519.PublicKey)
	vkey, err := note.NewEd25519VerifierKey(parts[2], pub)
	if err != nil {
		return "", fmt.Errorf("audit verifier key: %w", err)
	}
	return vkey, nil
}
