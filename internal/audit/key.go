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
	"slices"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

// KeyName is the name of node signing keys; it appears in every checkpoint signature.
const KeyName = "iforce-audit"

// Keys are a node's signer and the verifiers of its checkpoints: its own key and the
// keys it retired (RotateKey), whose checkpoints stay valid.
type Keys struct {
	Signer    note.Signer
	Verifiers note.Verifiers
	Public    string   // the verifier key text, to publish to witnesses
	Retired   []string // verifier key texts of retired keys, oldest first
}

// RetiredSuffix is appended to the key file's path to name the file of retired
// public keys, one per line.
const RetiredSuffix = ".retired"

// LoadOrCreateKeys reads the signing key at path, creating it (mode 0600) with a new
// Ed25519 key when the file does not exist. The public key is written beside it as
// path + ".pub"; the public keys it replaced, if any, are read from path + ".retired".
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
	retired, err := os.ReadFile(path + RetiredSuffix)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read retired audit keys: %w", err)
	}
	return ParseKeys(strings.TrimSpace(string(b)), strings.Fields(string(retired))...)
}

// RotateKey replaces the signing key at path with a new one and keeps the old public
// key in path + ".retired", so that the checkpoints it signed still verify. The new
// key is written beside the old and renamed over it, so a crash leaves one of the two.
// Every node of a cluster must then receive the new key file and the retired file.
func RotateKey(path string) (old, cur *Keys, err error) {
	old, err = LoadOrCreateKeys(path)
	if err != nil {
		return nil, nil, err
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, KeyName)
	if err != nil {
		return nil, nil, fmt.Errorf("generate audit key: %w", err)
	}
	retired := strings.Join(append(slices.Clone(old.Retired), old.Public), "\n") + "\n"
	if err := writeAtomic(path+RetiredSuffix, retired, 0o644); err != nil {
		return nil, nil, err
	}
	if err := writeAtomic(path, skey+"\n", 0o600); err != nil {
		return nil, nil, err
	}
	if err := writeAtomic(path+".pub", vkey+"\n", 0o644); err != nil {
		return nil, nil, err
	}
	cur, err = LoadOrCreateKeys(path)
	return old, cur, err
}

// writeAtomic writes a file under a temporary name and renames it into place.
func writeAtomic(path, text string, mode fs.FileMode) error {
	tmp := path + ".new"
	if err := os.WriteFile(tmp, []byte(text), mode); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return nil
}

// ParseKeys builds Keys from a note signer key text and the verifier key texts of
// the keys it replaced.
func ParseKeys(skey string, retired ...string) (*Keys, error) {
	s, err := note.NewSigner(skey)
	if err != nil {
		return nil, fmt.Errorf("parse audit key: %w", err)
	}
	vkey, err := verifierKey(skey)
	if err != nil {
		return nil, err
	}
	vs, err := ParseVerifiers(strings.Join(append([]string{vkey}, retired...), "\n"))
	if err != nil {
		return nil, err
	}
	return &Keys{Signer: s, Verifiers: vs, Public: vkey, Retired: retired}, nil
}

// ParseVerifiers parses published verifier keys, one per line (a node's key and the
// keys it retired).
func ParseVerifiers(text string) (note.Verifiers, error) {
	var vs []note.Verifier
	seen := map[string]bool{}
	for _, line := range strings.Fields(text) {
		if seen[line] {
			continue // one key listed twice would make it ambiguous
		}
		seen[line] = true
		v, err := note.NewVerifier(line)
		if err != nil {
			return nil, fmt.Errorf("parse audit public key %q: %w", clip(line), err)
		}
		vs = append(vs, v)
	}
	if len(vs) == 0 {
		return nil, errors.New("parse audit public key: no key given")
	}
	return note.VerifierList(vs...), nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
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
