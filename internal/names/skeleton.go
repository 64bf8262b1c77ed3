package names

import (
	"strings"
	"unicode/utf8"
)

// Skeleton returns a cross-orthography key of token: two spellings of one
// name in different Latin orthographies (or a Cyrillic or Georgian token and
// its renderings) get the same skeleton. It works on Fold(token), so
// Skeleton(Fold(s)) == Skeleton(s).
//
// The key is coarse on purpose, for blocking and as one matching route among
// others; Compare checks a skeleton match against the spelling distance.
// Rules, applied to each word left to right, longest spelling first:
//
//   - one class "x" for sibilants, affricates and fricatives, because the
//     orthographies reuse the same letters for different sounds (French ch =
//     ш, English ch = ч, German ch = х; Hungarian s = ш): s z c h g x-sound,
//     sh sch sz ch tsch tch cz cs ts tz zh zs kh gh shch szcz schtsch;
//   - "j" for dzh dj dz dsch dzs, and for a word-initial glide (y i j)
//     before a, o or u: Jughashvili, Dzhugashvili, Djugashvili and Yuri,
//     Juri, Iurii, Dzhuri line up;
//   - a glide (i y j) before another vowel is dropped elsewhere (ya/ia/ja →
//     a, ye/ie/je/e → e, yu/iu/ju → u), except that a glide + o after a
//     consonant is "e", as Russian ё is written yo, io, jo or e (Pyotr =
//     Petr); j before a consonant or at the end is the vowel i;
//   - vowels in three classes: a o → "a", e i y → "e", u ou → "u"; a run of
//     vowels keeps the class of its first vowel;
//   - one class "v" for v w f ph (Kabakoff = Kabakov), th → t, q → k,
//     x → kx (Alexander = Aleksandr), French gu before e i → g; "ck" is c + k
//     as in the Slavic -cki, -ckij;
//   - a word-final ou or au after a consonant is the Belarusian -оў, -аў
//     (Kazlou = Kozlov); word-final tj is the Swedish and Dutch ч;
//   - repeated symbols collapse; a final consonant + "er" loses the e
//     (Oleksander = Oleksandr).
//
// Vowels are kept, so Shevchenko ("xevxenka") and Savchenko ("xavxenka"),
// Ivanov and Ivanova differ.
func Skeleton(token string) string {
	return skeletonFolded(Fold(token))
}

// skeletonFolded computes the skeleton of a Fold result.
func skeletonFolded(f string) string {
	var b []byte
	for w := range strings.SplitSeq(f, " ") {
		if w == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = skeletonWord(b, w)
	}
	return string(b)
}

// unit is one sound-spelling of a word: a consonant class or a vowel.
type unit struct {
	sym   string
	vowel bool
	glide bool // i, y or j: a glide before another vowel
	o     bool // the letter o (class "a")
}

// skelPattern returns the class symbol of the multi-letter spelling at the
// start of s, longest spelling first, and its length.
func skelPattern(s string) (sym string, n int) {
	if len(s) < 2 {
		return "", 0
	}
	var cands []string
	switch s[0] {
	case 's':
		cands = []string{"schtsch", "shch", "szcz", "sch", "sh", "sz"}
	case 't':
		cands = []string{"tsch", "tch", "ts", "tz", "th"}
	case 'd':
		cands = []string{"dsch", "dzh", "dzs", "dj", "dz"}
	case 'z':
		cands = []string{"zh", "zs"}
	case 'c':
		cands = []string{"ch", "cz", "cs"}
	case 'k':
		cands = []string{"kh"}
	case 'g':
		cands = []string{"gh"}
	case 'p':
		cands = []string{"ph"}
	default:
		return "", 0
	}
	for _, c := range cands {
		if strings.HasPrefix(s, c) {
			switch {
			case c[0] == 'd':
				return "j", len(c)
			case c == "th":
				return "t", 2
			case c == "ph":
				return "v", 2
			}
			return "x", len(c)
		}
	}
	return "", 0
}

func skeletonUnits(w string) []unit {
	us := make([]unit, 0, len(w))
	for i := 0; i < len(w); {
		c := w[i]
		if c >= utf8.RuneSelf {
			_, n := utf8.DecodeRuneInString(w[i:])
			us = append(us, unit{sym: w[i : i+n]})
			i += n
			continue
		}
		if i+2 == len(w) {
			switch w[i:] {
			case "tj": // Swedish and Dutch word-final ч
				us = append(us, unit{sym: "x"})
				return us
			case "ou", "au": // Belarusian -оў, -аў after a consonant: Kazloŭ = Kozlov
				if len(us) > 0 && !us[len(us)-1].vowel {
					us = append(us, unit{sym: "a", vowel: true}, unit{sym: "v"})
					return us
				}
			}
		}
		if strings.HasPrefix(w[i:], "gu") && i+2 < len(w) && strings.IndexByte("eiy", w[i+2]) >= 0 {
			us = append(us, unit{sym: "x"}) // French gue, gui: Guennadi = Gennadi
			i += 2
			continue
		}
		if sym, n := skelPattern(w[i:]); n > 0 {
			us = append(us, unit{sym: sym})
			i += n
			continue
		}
		if strings.HasPrefix(w[i:], "ou") {
			us = append(us, unit{sym: "u", vowel: true})
			i += 2
			continue
		}
		i++
		switch c {
		case 'a':
			us = append(us, unit{sym: "a", vowel: true})
		case 'o':
			us = append(us, unit{sym: "a", vowel: true, o: true})
		case 'e':
			us = append(us, unit{sym: "e", vowel: true})
		case 'i', 'y':
			us = append(us, unit{sym: "e", vowel: true, glide: true})
		case 'j':
			us = append(us, unit{sym: "e", vowel: true, glide: true})
		case 'u':
			us = append(us, unit{sym: "u", vowel: true})
		case 'w', 'v', 'f':
			us = append(us, unit{sym: "v"})
		case 'q':
			us = append(us, unit{sym: "k"})
		case 's', 'z', 'c', 'h', 'g':
			us = append(us, unit{sym: "x"})
		case 'x':
			us = append(us, unit{sym: "k"}, unit{sym: "x"})
		default:
			us = append(us, unit{sym: string(c)})
		}
	}
	return us
}

func skeletonWord(dst []byte, w string) []byte {
	us := skeletonUnits(w)
	start := len(dst)
	last := "" // last symbol written
	lastVowel := false
	emit := func(sym string, vowel bool) {
		if sym == last || (vowel && lastVowel) {
			return
		}
		dst = append(dst, sym...)
		last, lastVowel = sym, vowel
	}
	skipNext := false
	for k, u := range us {
		if skipNext {
			skipNext = false
			continue
		}
		nextVowel := k+1 < len(us) && us[k+1].vowel
		switch {
		case u.glide && nextVowel && k == 0:
			if us[k+1].sym != "e" {
				emit("j", false)
			}
		case u.glide && nextVowel && us[k+1].o && k > 0 && !us[k-1].vowel:
			// ё after a consonant is written yo, io, jo or e: Pyotr = Petr,
			// Semyonov = Semenov, Gorbachyov = Gorbachev.
			emit("e", true)
			skipNext = true
		case u.glide && nextVowel:
			// a glide inside a word: ya/ia/ja → a
		default:
			emit(u.sym, u.vowel)
		}
	}
	// Oleksander = Oleksandr, Peter = Petr: drop the e of a final consonant + "er".
	if n := len(dst) - start; n >= 4 && strings.HasSuffix(string(dst[start:]), "er") {
		if p := dst[len(dst)-3]; !isSkelVowel(p) {
			dst = append(dst[:len(dst)-2], 'r')
		}
	}
	return dst
}

func isSkelVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'u' }
