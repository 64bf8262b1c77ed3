package ident

import (
	"encoding/hex"
	"errors"
	"strings"

	"github.com/btcsuite/btcd/btcutil/base58"
	"github.com/btcsuite/btcd/btcutil/bech32"
	"golang.org/x/crypto/sha3"
)

// Wallet is a crypto-currency address read by ParseWallet.
type Wallet struct {
	// Currency is "BTC" or "ETH".
	Currency string
	// Key is the search key: a Base58 Bitcoin address as written (Base58 is
	// case-sensitive), a bech32 address or an Ethereum address in lower
	// case.
	Key string
	// Testnet reports a Bitcoin test-network address (version bytes 0x6f
	// and 0xc4, prefix tb1), worth a second look in a case file.
	Testnet bool
}

// The currencies ParseWallet recognises.
const (
	BTC = "BTC"
	ETH = "ETH"
)

// maxWallet bounds the raw address length before decoding: Base58 decoding
// is quadratic, and no address of either currency is longer than 90.
const maxWallet = 100

// ParseWallet reads a Bitcoin or Ethereum address and verifies its checksum:
//   - Bitcoin Base58Check P2PKH and P2SH addresses, main and test network
//     ("1…", "3…", "m…", "n…", "2…");
//   - Bitcoin segwit addresses ("bc1…", "tb1…"): bech32 for witness version
//     0, bech32m for versions 1 to 16 (BIP 173 and 350);
//   - Ethereum addresses, "0x" and 40 hexadecimal digits (the "0x" may be
//     missing); in mixed case the EIP-55 checksum must match, in one case
//     there is none to verify.
func ParseWallet(raw string) (Wallet, error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return Wallet{}, errorf(KindWallet, "wallet address is empty")
	case len(s) > maxWallet:
		return Wallet{}, errorf(KindWallet, "wallet address must be at most %d characters, got %d", maxWallet, len(s))
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		return ethereum(s[2:])
	}
	if len(s) == 40 && strings.Trim(s, "0123456789abcdefABCDEF") == "" {
		return ethereum(s) // copied without its 0x; too long for Bitcoin
	}
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "bc1") || strings.HasPrefix(lower, "tb1") {
		return segwit(s)
	}
	return base58Bitcoin(s)
}

// ethereum reads the 40 hexadecimal digits of an Ethereum address.
func ethereum(digits string) (Wallet, error) {
	if len(digits) != 40 {
		return Wallet{}, errorf(KindWallet, "Ethereum address must be 0x followed by 40 hexadecimal digits, got %d characters after 0x", len(digits))
	}
	lower := strings.ToLower(digits)
	if _, err := hex.DecodeString(lower); err != nil {
		return Wallet{}, errorf(KindWallet, "Ethereum address must be 0x followed by 40 hexadecimal digits")
	}
	if digits != lower && digits != strings.ToUpper(digits) && !eip55Valid(digits) {
		return Wallet{}, errorf(KindWallet, "Ethereum address EIP-55 checksum does not match (check the upper- and lower-case letters)")
	}
	return Wallet{Currency: ETH, Key: "0x" + lower}, nil
}

// eip55Valid reports whether the case of the letters of 40 hexadecimal
// digits follows EIP-55: a letter is upper-case exactly when the matching
// nibble of the Keccak-256 hash of the lower-case digits is 8 or more.
func eip55Valid(digits string) bool {
	h := sha3.NewLegacyKeccak256()
	h.Write([]byte(strings.ToLower(digits)))
	sum := h.Sum(nil)
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if isDigit(c) {
			continue
		}
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0x0f
		}
		if upper := 'A' <= c && c <= 'F'; upper != (nibble >= 8) {
			return false
		}
	}
	return true
}

// segwit reads a bech32 or bech32m Bitcoin address.
func segwit(s string) (Wallet, error) {
	hrp, data, version, err := bech32.DecodeGeneric(s)
	var mixed bech32.ErrMixedCase
	var checksum bech32.ErrInvalidChecksum
	switch {
	case errors.As(err, &mixed):
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address must not mix upper- and lower-case letters")
	case errors.As(err, &checksum):
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address checksum does not match")
	case err != nil:
		return Wallet{}, errorf(KindWallet, "not a valid Bitcoin bech32 address")
	case hrp != "bc" && hrp != "tb":
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address must start with bc1 or tb1")
	case len(data) < 1 || data[0] > 16:
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address has an invalid witness version")
	}
	program, err := bech32.ConvertBits(data[1:], 5, 8, false)
	switch {
	case err != nil || len(program) < 2 || len(program) > 40:
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address has an invalid witness program")
	case data[0] == 0 && len(program) != 20 && len(program) != 32:
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address has an invalid witness program length for version 0")
	case data[0] == 0 && version != bech32.Version0, data[0] != 0 && version != bech32.VersionM:
		return Wallet{}, errorf(KindWallet, "Bitcoin bech32 address checksum does not match (bech32 and bech32m mixed up)")
	}
	return Wallet{Currency: BTC, Key: strings.ToLower(s), Testnet: hrp == "tb"}, nil
}

// base58Alphabet is the Bitcoin Base58 alphabet: no 0, O, I or l.
const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Bitcoin reads a Base58Check P2PKH or P2SH Bitcoin address.
func base58Bitcoin(s string) (Wallet, error) {
	for _, r := range s {
		if !strings.ContainsRune(base58Alphabet, r) {
			return Wallet{}, errorf(KindWallet, "not a Bitcoin or Ethereum address: Bitcoin addresses cannot contain %q", r)
		}
	}
	if len(s) < 25 || len(s) > 35 {
		return Wallet{}, errorf(KindWallet, "Bitcoin address must be 25 to 35 characters, got %d", len(s))
	}
	payload, version, err := base58.CheckDecode(s)
	switch {
	case errors.Is(err, base58.ErrChecksum):
		return Wallet{}, errorf(KindWallet, "Bitcoin address checksum does not match")
	case err != nil || len(payload) != 20:
		return Wallet{}, errorf(KindWallet, "not a valid Bitcoin address")
	}
	switch version {
	case 0x00, 0x05:
		return Wallet{Currency: BTC, Key: s}, nil
	case 0x6f, 0xc4:
		return Wallet{Currency: BTC, Key: s, Testnet: true}, nil
	}
	return Wallet{}, errorf(KindWallet, "not a Bitcoin address: unknown version byte 0x%02x", version)
}
