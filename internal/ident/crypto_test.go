package ident

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseWallet(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Wallet
		wantErr string
	}{
		{"BitcoinGenesisP2PKH", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
			Wallet{BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", false}, ""},
		{"BitcoinP2SH", " 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy ",
			Wallet{BTC, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", false}, ""},
		{"BitcoinTestnetP2PKH", "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn",
			Wallet{BTC, "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", true}, ""},
		{"BitcoinTestnetP2SH", "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc",
			Wallet{BTC, "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc", true}, ""},
		{"BIP173P2WPKHUpperCase", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
			Wallet{BTC, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", false}, ""},
		{"BIP173TestnetP2WSH", "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
			Wallet{BTC, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", true}, ""},
		{"BIP350Taproot", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
			Wallet{BTC, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", false}, ""},
		{"EIP55Checksummed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
			Wallet{ETH, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", false}, ""},
		{"EIP55AllCaps", "0x52908400098527886E0F7030069857D2E4169EE7",
			Wallet{ETH, "0x52908400098527886e0f7030069857d2e4169ee7", false}, ""},
		{"EIP55Mixed", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
			Wallet{ETH, "0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb", false}, ""},
		{"EthereumLowerCaseNoChecksum", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
			Wallet{ETH, "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", false}, ""},
		{"EthereumWithout0x", "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
			Wallet{ETH, "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", false}, ""},
		{"EIP55Wrong", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", Wallet{},
			"Ethereum address EIP-55 checksum does not match (check the upper- and lower-case letters)"},
		{"EthereumShort", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", Wallet{},
			"Ethereum address must be 0x followed by 40 hexadecimal digits, got 39 characters after 0x"},
		{"EthereumNotHex", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", Wallet{},
			"Ethereum address must be 0x followed by 40 hexadecimal digits"},
		{"BitcoinChecksumWrong", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", Wallet{},
			"Bitcoin address checksum does not match"},
		{"BitcoinZeroNotInAlphabet", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0", Wallet{},
			"not a Bitcoin or Ethereum address: Bitcoin addresses cannot contain '0'"},
		{"Bech32ChecksumWrong", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", Wallet{},
			"Bitcoin bech32 address checksum does not match"},
		{"Bech32MixedCase", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4", Wallet{},
			"Bitcoin bech32 address must not mix upper- and lower-case letters"},
		{"BIP350Version1WithBech32", "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx", Wallet{},
			"Bitcoin bech32 address checksum does not match (bech32 and bech32m mixed up)"},
		{"Bech32OtherChain", "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", Wallet{},
			"not a Bitcoin or Ethereum address: Bitcoin addresses cannot contain 'l'"},
		{"TooShortForBitcoin", "1A1zP1eP5", Wallet{}, "Bitcoin address must be 25 to 35 characters, got 9"},
		{"Empty", "  ", Wallet{}, "wallet address is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWallet(tt.in)
			if tt.wantErr != "" {
				checkError(t, err, KindWallet, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseWallet(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
