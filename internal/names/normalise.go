package names

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in NFC, lower-cased, with Romanian cedilla letters
// (ş ţ, legacy) replaced by their comma-below forms (ș ț), apostrophes,
// primes and Georgian ejective marks removed, and runs of white space
// collapsed to one space. It keeps the script, diacritics and punctuation
// (hyphens, commas): use Tokens to split and Fold to get a Latin key.
func Normalize(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isApostrophe(r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(lowerRune(r))
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// isPlainASCII reports whether s is ASCII letters, digits and punctuation
// other than apostrophes, with single inner spaces: Normalize only has to
// lower-case it.
func isPlainASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c < ' ', c == '\'', c == '`', c == '"', c == 127:
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// lowerRune lower-cases r and folds the legacy Romanian cedilla letters to
// comma-below.
func lowerRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'ş':
		return 'ș'
	case 'ţ':
		return 'ț'
	}
	return r
}

// isApostrophe reports whether r is one of the apostrophe-like marks that
// transliterations and ejective notations put inside names (O'Neil, Мар'їне,
// kʼ, t’, Podʺyachev, MVD 310's Pod"yachev). They are removed, never treated
// as separators; so are double quotes, which also surround nicknames.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '′', '‘', '‛', 'ʹ', 'ʺ', 'ʻ', 'ʽ', 'ʾ', 'ʿ', '´', 'ˈ', '＇', '\u0315', '″',
		'"', '“', '”', '„',
		'·': // the BGN/PCGN separator of unusual sequences (тс t·s, шч sh·ch)
		return true
	}
	return false
}

// Tokens splits s into normalised tokens: it applies Normalize and splits on
// every rune that is not a letter, a digit or a combining mark (spaces,
// hyphens, commas, full stops, the MRZ filler '<', slashes, brackets,
// quotes).
func Tokens(s string) []string {
	return strings.FieldsFunc(Normalize(s), isSeparator)
}

func isSeparator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

// Fold returns a diacritic-free, lower-case, ASCII-ish Latin key for s: the
// tokens of s (see Tokens), each folded, joined by single spaces.
//
// Latin tokens lose their diacritics (NFKD, marks removed) and the letters
// NFKD does not decompose go through an explicit table (ł→l, đ→d, ø→o,
// ß→ss, æ→ae, œ→oe, ı→i, þ→th, ð→d). German ä/ö/ü fold to a/o/u here; the
// ae/oe/ue spellings are a Variant ("latin:mrz"). Cyrillic and Georgian tokens
// are transliterated by the default system of their detected language
// (DefaultSystem). Letters of other scripts are kept, lower-cased and without
// marks.
func Fold(s string) string {
	toks := Tokens(s)
	var b strings.Builder
	for _, t := range toks {
		f := foldToken(t)
		if f == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// foldToken folds one normalised token (no separators inside).
func foldToken(t string) string {
	t = fixHomoglyphs(t)
	if sys := defaultSystemFor(t); sys != nil {
		return sys.folded(splitWords(t))
	}
	return foldLatin(t)
}

// foldLatin folds a token that holds no Cyrillic or Georgian letters.
func foldLatin(t string) string {
	ascii := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf || !isASCIIAlnumLower(c) {
			ascii = false
			break
		}
	}
	if ascii {
		return t
	}
	b := make([]byte, 0, len(t))
	for _, r := range t {
		b = appendFoldRune(b, r, 0)
	}
	return string(b)
}

func isASCIIAlnumLower(c byte) bool {
	return ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
}

// latinSpecial returns the fold of the letters NFKD does not decompose into
// a base letter.
func latinSpecial(r rune) (string, bool) {
	switch r {
	case 'ł', 'Ł':
		return "l", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ø', 'Ø', 'ɔ':
		return "o", true
	case 'ß', 'ẞ':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ı', 'ɨ':
		return "i", true
	case 'þ', 'Þ':
		return "th", true
	case 'ħ', 'Ħ':
		return "h", true
	case 'ŧ', 'Ŧ':
		return "t", true
	case 'ŋ', 'Ŋ':
		return "n", true
	case 'ƒ':
		return "f", true
	case 'ə', 'Ə', 'ɛ':
		return "e", true
	case 'ʉ':
		return "u", true
	case 'ĸ':
		return "k", true
	case 'ſ':
		return "s", true
	case 'ĳ', 'Ĳ':
		return "ij", true
	}
	if i := strings.IndexRune(smallCapitals, r); i >= 0 {
		return smallCapitalLetters[utf8.RuneCountInString(smallCapitals[:i]):][:1], true
	}
	return "", false
}

// smallCapitals are the small capital letters (U+1D00 block and IPA) that
// OCR and styled text put in names (Boʙoev); smallCapitalLetters are their
// letters, in the same order.
const (
	smallCapitals       = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ"
	smallCapitalLetters = "abcdefghijklmnoprstuvwyz"
)

// appendFoldRune appends the fold of one non-Cyrillic rune: ASCII letters
// and digits as they are (lower-cased), the explicit table, else the NFKD
// decomposition without marks. Anything that is not a letter or digit is
// dropped.
func appendFoldRune(b []byte, r rune, depth int) []byte {
	if r < utf8.RuneSelf {
		return appendFoldASCII(b, byte(r))
	}
	if r >= latinFoldLo && r < latinFoldHi {
		return append(b, latinFolds()[r-latinFoldLo]...)
	}
	return appendFoldSlow(b, r, depth)
}

func appendFoldASCII(b []byte, c byte) []byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if isASCIIAlnumLower(c) {
		b = append(b, c)
	}
	return b
}

// The folds of the Latin letters most names use, computed once.
const (
	latinFoldLo = 0x00C0
	latinFoldHi = 0x0250
)

var latinFolds = sync.OnceValue(func() *[latinFoldHi - latinFoldLo]string {
	var t [latinFoldHi - latinFoldLo]string
	for r := rune(latinFoldLo); r < latinFoldHi; r++ {
		t[r-latinFoldLo] = string(appendFoldSlow(nil, r, 0))
	}
	return &t
})

// appendFoldSlow is appendFoldRune without the table.
func appendFoldSlow(b []byte, r rune, depth int) []byte {
	if r < utf8.RuneSelf {
		return appendFoldASCII(b, byte(r))
	}
	if isApostrophe(r) {
		return b
	}
	if s, ok := latinSpecial(r); ok {
		return append(b, s...)
	}
	if unicode.IsMark(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return b
	}
	lr := unicode.ToLower(r)
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], lr)
	if depth > 2 || norm.NFKD.IsNormal(buf[:n]) {
		if unicode.IsUpper(lr) {
			return b // no lower-case form: drop rather than break idempotence
		}
		return utf8.AppendRune(b, lr)
	}
	for _, d := range norm.NFKD.String(string(lr)) {
		b = appendFoldSlow(b, d, depth+1)
	}
	return b
}
