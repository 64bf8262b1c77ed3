package names

import (
	"strings"
)

// A reading renders a Latin spelling of one language by its sound, in the
// Latin letters of the Cyrillic renderings (ш sh, ч ch, ж zh, дж dzh, х kh,
// ей ei), so that a name spelled by its own language's rules meets the
// Cyrillic form a Ukrainian or Russian clerk wrote by ear: Deutscher =
// Дойчер, Gauthier = Готье, Hutchinson = Хатчинсон. Only a token with a
// spelling of the language (its marks) gets the reading; the others would
// only add noise to their keys.
type reading struct {
	system string
	// read returns the folded reading of a normalised Latin token, or ""
	// when the token has no spelling of the language.
	read func(t string) string
}

// System names of the readings (see SystemGermanReading for the first
// three).
const (
	// SystemEnglishReading reads English spellings as the Russian and
	// Ukrainian practical transcription does: a silent final e lengthening
	// the vowel before it (Jace = Джейс, Bone = Боун), ee and ea i, oo u,
	// ay and ey ей (a final ey и), ur and ir ер, the u of a closed syllable
	// а (Gumm = Гамм), ack эк (Jackson = Джексон), a final ies из, j дж, h х, Mc Мак (McBurney = Макберни), th т, tch
	// тч. Only for tokens without diacritics that have a mark: th, wh, ck,
	// tch, dg, ee, oo, ea, ph, igh, ew or ay or ey inside the word, a leading Mc,
	// u before a doubled consonant, or a one-syllable stem with a silent e.
	SystemEnglishReading = "latin:en-reading"
	// SystemFrenchReading reads French spellings: eau and au о, ou у, oi уа,
	// eu and ai е, ch ш, gn нь, qu к, j and soft g ж, -ier ье, nasal in ен,
	// a silent h and silent final s, t, d, x, z (Bedeau = Бедо, Gauthier =
	// Готье, Veuillot = Вейо). Marks: eau, eux, aux, ault, euil, ouil, oux,
	// gn, qu, é, è, ç, a leading des before a consonant, a final -ier,
	// -ois, -oit, -ot, -et, -ain, -elle, -ette or -ger (Verger = Верже); never
	// for a token with k, w, sz, Romanian endings or letters French does
	// not write. A leading des before a consonant (Desmoulins = Демулен,
	// Deschamps = Дешан) is read de, and a final amp(s) an.
	SystemFrenchReading = "latin:fr-reading"
	// SystemDutchReading reads Dutch spellings: oe у, tsj ч, sj ш, ij ей,
	// j й (Joertsjenko = Юрченко). Marks: oe, sj, and ij before a consonant
	// (the ij of Andrij and Julija is Ukrainian).
	SystemDutchReading = "latin:nl-reading"
	// SystemTurkicReading reads Turkish, Azerbaijani, Albanian and the
	// cedilla letters of Romanian by their sound: ç ч, ş and ș ш, ğ
	// dropped, ı ы, ə а, Albanian xh дж and ë е (Yurçenko = Юрченко,
	// Xhaferri = Джафери); in Azerbaijani (ə, or q or x beside ğ or ı) q
	// г, x х and ğ gh (Yaquboğlu = Yaguboghlu). Marks: ç, ş, ș, ğ, ı, ə,
	// xh, ë.
	SystemTurkicReading = "latin:tr-reading"
	// SystemCaronReading reads the háček letters of Czech, Slovak,
	// Croatian, Serbian Latin, Lithuanian, Latvian and the scientific
	// transliteration by their sound, with the c = ц, ch = х and j = й of
	// those spellings: š ш, č ч, ž ж, ř рж, ć ч, đ дь, ě е (Ševčenko =
	// Shevchenko, Cujoši = Tsuyoshi). Marks: š, č, ž, ř, ě, ć, đ.
	SystemCaronReading = "latin:caron-reading"
	// SystemPortugueseReading reads Portuguese spellings: lh ль, nh нь,
	// gue and gui ге and ги, que and qui ке and ки, ão ан, x and ch ш, j
	// ж (Guilherme = Гильерме). Marks: ã, õ, lh and nh before e or o (the
	// lh of Ukrainian Olha is л and г).
	SystemPortugueseReading = "latin:pt-reading"
	// SystemKoreanReading writes a Korean name romanised by
	// McCune-Reischauer (its breves ŏ and ŭ mark it) by the Revised
	// Romanization: ŏ eo, ŭ eu, and the plain initials k, t, p, ch as g,
	// d, b, j (Chiyŏng = Jiyeong).
	SystemKoreanReading = "latin:ko-reading"
	// SystemKunreiReading writes a Japanese name romanised by the Kunrei or
	// Nihon-shiki system (si, ti, tu, hu, zi, du, sya) in Hepburn (shi,
	// chi, tsu, fu, ji, zu, sha), the romanisation the Polivanov Cyrillic
	// renderings meet (Shinoduki = Синодзуки), and the cu of a Polish or
	// Czech transcription as tsu (Macuoka = Matsuoka): only for a token
	// made of Japanese syllables with one of the Kunrei ones or a cu.
	SystemKunreiReading = "latin:ja-reading"
	// SystemJapaneseLongVowels writes the long vowels of a romanised
	// Japanese name plainly, as the fold of a macron and most Polivanov
	// renderings do (Itoh, Oono, Yuuki = Ito, Ono, Yuki; Ито, Сато): oo and
	// uu, and the oh of passports at the end or before n, t, k, s, m, b or
	// g (Ohno, Ohta; not the oh of Bohdan). Not ou, which is the u of the
	// French renderings of the region's names (Kohouzienko). Only for a
	// token made of Japanese syllables without the letters Hepburn does not
	// write (l, v, x, c, q).
	SystemJapaneseLongVowels = "latin:ja-long"
	// SystemPolishReading reads Polish spellings by their sound, spelling
	// letters out as the háček reading does, endings and all: sz ш, cz ч,
	// szcz щ, rz and ż ж, ch х, c ц, w в, j й, ą and ę он and ен (ом, ем
	// before b and p), ó у, and the i that softens a consonant before e
	// dropped (Zajączkowski = Зайончковский, Siemieński = Семенский,
	// Ziemięcki = Земенцки). Marks: ą, ę, ł, ś, ć, ż, ź, ń, ó, sz, cz, rz
	// and w; never for a token with the letters of Hungarian (gy, cs, zs,
	// ő, ű), whose sz is с.
	SystemPolishReading = "latin:pl-reading"
	// SystemBelarusianReading reads a Belarusian passport's romanisation
	// (BGN/PCGN, ICAO, the national system without diacritics) as the
	// Russian form of the name is romanised: ў after a vowel as v
	// (Tsikhanouskaya = Тихановская, Paulau = Павлов), ць and дзь as т
	// and д, and the я, ё of yakanne after them as е (Tsiareshka =
	// Терешко, Dziadok = Дедок). Marks: a final ou or au after a
	// consonant or an i (Kavaliou = Ковалёв), -ouski or -auskaya, or tsia,
	// tsie, dzia, dzie (tsio, dzio); never for a word made of Japanese
	// syllables (Katou), shaped as a Georgian name (Tsitsishvili) or with
	// Polish letters (w, sz, cz, rz) — but the sz and cz of Łacinka, the
	// Belarusian Latin alphabet, are read in a word with the final ou or
	// au (Szłyndzikau = Шлындиков).
	SystemBelarusianReading = "latin:be-reading"
)

// italianSounds renders Italian spellings (see SystemItalianReading).
var italianSounds = strings.NewReplacer("gli", "li", "gn", "ni", "ggia", "dzha", "ggio", "dzho", "ggiu", "dzhu", "ggi", "dzhi", "gge", "dzhe",
	"ccia", "cha", "ccio", "cho", "cciu", "chu", "cci", "chi", "cce", "che",
	"gia", "dzha", "gio", "dzho", "giu", "dzhu", "ge", "dzhe", "gi", "dzhi",
	"gh", "g", "cia", "cha", "cio", "cho", "ciu", "chu", "sce", "she", "sci", "shi", "cch", "kk", "ch", "k",
	"ce", "che", "ci", "chi", "zz", "ts", "z", "ts")

// italianMarks are the spellings that mark a folded token as Italian.
var italianMarks = []string{"gn", "gli", "zz", "cch", "gia", "gio", "giu", "cia", "cio", "ciu", "sci", "sce", "ghe", "ghi",
	"ggi", "gge", "cci", "cce"}

// italianReading reads the fold of a token with an Italian spelling or a
// grave accent (Giüsèpp = Джузепп: the marks are looked for in the fold,
// where ü is u).
func italianReading(t string) string {
	f := Fold(t)
	if !strings.ContainsAny(t, "àèìòù") && !containsOneOf(f, italianMarks) {
		return ""
	}
	return italianSounds.Replace(f)
}

// polishSounds renders Polish spellings (see SystemPolishReading).
var polishSounds = strings.NewReplacer("szcz", "shch", "sz", "sh", "cz", "ch", "rz", "zh", "ch", "kh", "dż", "dzh", "ż", "zh",
	"ąb", "omb", "ąp", "omp", "ęb", "emb", "ęp", "emp", "ą", "on", "ę", "en", "ó", "u", "ć", "ts", "c", "ts", "w", "v", "j", "y")

// polishReading reads a token with a Polish spelling (SystemPolishReading).
func polishReading(t string) string {
	if !strings.ContainsAny(t, "ąęłśćżźńów") && !strings.Contains(t, "sz") && !strings.Contains(t, "cz") && !strings.Contains(t, "rz") ||
		strings.ContainsAny(t, "őű") || strings.Contains(t, "gy") || strings.Contains(t, "cs") || strings.Contains(t, "zs") {
		return ""
	}
	r := []byte(Fold(polishSounds.Replace(t)))
	// The i that softens a consonant before e is not a sound of its own
	// (Siemieński = Семенский).
	out := r[:0]
	for i, c := range r {
		if c == 'i' && i > 0 && i+1 < len(r) && r[i+1] == 'e' && !isVowelByte(r[i-1]) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// belarusianSounds renders the Belarusian spellings of a marked word
// (SystemBelarusianReading), longest first.
var belarusianSounds = strings.NewReplacer("tsia", "te", "tsie", "te", "tsio", "te", "tsi", "ti",
	"dzia", "de", "dzie", "de", "dzio", "de", "dzi", "di")

// belarusianSoft are the ць and дзь before я, е and ё that mark a
// Belarusian romanisation; ці and дзі alone do not (Ukrainian Tsisyk,
// Hrytsiuk; Polish Dziedzic).
var belarusianSoft = []string{"tsia", "tsie", "tsio", "dzia", "dzie", "dzio"}

// lacinkaSounds renders the sz and cz of Łacinka.
var lacinkaSounds = strings.NewReplacer("sz", "sh", "cz", "ch")

// polishLetters are spellings of Polish, whose dzi and ki are not
// Belarusian (Działoszyński, Dziewulski).
var polishLetters = []string{"w", "sz", "cz", "rz"}

// belarusianWord reads a folded word with a mark of a Belarusian
// romanisation (see SystemBelarusianReading).
func belarusianWord(w string) (string, bool) {
	n := len(w)
	finalU := n >= 4 && (strings.HasSuffix(w, "ou") || strings.HasSuffix(w, "au")) && (!isVowelByte(w[n-3]) || w[n-3] == 'i')
	if finalU && !strings.Contains(w, "w") && !strings.Contains(w, "rz") {
		// Łacinka, the Belarusian Latin alphabet, writes ш and ч as sz and
		// cz (Szłyndzikau = Шлындзікаў); no Polish word ends so.
		w = lacinkaSounds.Replace(w)
	}
	if !finalU && !belarusianSki(w) && !containsOneOf(w, belarusianSoft) ||
		japaneseSyllables(w) || georgianShaped(w) || containsOneOf(w, polishLetters) {
		return "", false
	}
	r := []byte(belarusianSounds.Replace(w))
	// ў: a u after a vowel before a consonant or at the end.
	for i := 1; i < len(r); i++ {
		if r[i] == 'u' && (r[i-1] == 'a' || r[i-1] == 'o' || r[i-1] == 'e') && (i+1 == len(r) || !isVowelByte(r[i+1])) {
			r[i] = 'v'
		}
	}
	return string(r), true
}

// belarusianSki reports whether a folded word is a -ski or -skaya surname
// with ў before its suffix (Kalinouski, Tsikhanouskaya); Lithuanian
// -auskas is not.
func belarusianSki(w string) bool {
	i := strings.LastIndex(w, "usk")
	if i < 1 || w[i-1] != 'o' && w[i-1] != 'a' {
		return false
	}
	switch w[i+3:] {
	case "i", "y", "ii", "ij", "yi", "aya", "aja", "aia", "a":
		return true
	}
	return false
}

// georgianShaped reports whether a folded word ends as Georgian surnames
// and given names do; the -aia of a Belarusian -ая in ICAO spelling
// (TSIKHANOUSKAIA) is not Mingrelian -ia.
func georgianShaped(w string) bool {
	if strings.HasSuffix(w, "aia") {
		return false
	}
	for _, end := range []string{"shvili", "dze", "ia", "ua", "ani", "uri", "eli"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// containsOneOf reports whether s contains one of subs.
func containsOneOf(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// readings are the Latin readings Variants adds, in order.
var readings = []reading{
	{SystemGermanReading, marked([]string{"sch", "eu", "äu", "ei", "tz", "ck", "ß", "ä", "ö", "ü"},
		strings.NewReplacer("tsch", "ch", "sch", "sh", "äu", "oi", "eu", "oi", "ei", "ai", "ey", "ai",
			"ie", "i", "tz", "ts", "z", "ts", "ck", "k", "th", "t", "ph", "f", "ß", "ss", "w", "v", "j", "y",
			"ä", "e", "ö", "e", "ü", "iu", "ah", "a", "eh", "e", "oh", "o", "uh", "u"))},
	{SystemItalianReading, italianReading},
	{SystemHungarianReading, marked([]string{"gy", "ny", "ty", "sz", "cs", "zs", "ő", "ű"},
		strings.NewReplacer("ggy", "dd", "gy", "d", "ny", "n", "ty", "t", "ly", "i", "ssz", "ss", "sz", "s", "ccs", "chch",
			"cs", "ch", "zs", "zh", "s", "sh", "c", "ts", "ő", "e", "ö", "e", "ű", "iu", "ü", "iu"))},
	{SystemEnglishReading, func(t string) string {
		if !isPlainASCII(t) {
			return "" // English writes no diacritics: Müller is German
		}
		return byWord(englishWord)(t)
	}},
	{SystemFrenchReading, frenchReading},
	{SystemDutchReading, dutchMarked(marked([]string{"oe", "sj", "ij"},
		strings.NewReplacer("tsj", "ch", "sj", "sh", "oe", "u", "ij", "ei", "j", "y", "aa", "a", "ee", "e", "oo", "o")))},
	{SystemTurkicReading, turkicReading},
	{SystemCaronReading, marked([]string{"š", "č", "ž", "ř", "ě", "ć", "đ"},
		strings.NewReplacer("dž", "dzh", "š", "sh", "č", "ch", "ž", "zh", "ř", "rzh", "ć", "ch", "đ", "dj", "ě", "ye", "ů", "u",
			"ch", "kh", "c", "ts", "j", "y"))},
	{SystemPortugueseReading, marked([]string{"lhe", "lho", "nhe", "nho", "ã", "õ"},
		strings.NewReplacer("lh", "l", "nh", "n", "gue", "ge", "gui", "gi", "que", "ke", "qui", "ki", "ão", "an", "ã", "an",
			"õe", "oe", "ç", "s", "ch", "sh", "x", "sh", "j", "zh"))},
	{SystemKoreanReading, koreanReading},
	{SystemPolishReading, polishReading},
	{SystemBelarusianReading, byWord(belarusianWord)},
	{SystemKunreiReading, func(t string) string {
		if strings.IndexFunc(t, func(r rune) bool { return r > 0x7f && !strings.ContainsRune("âêîôûāēīōū", r) }) >= 0 {
			return "" // Japanese romanisations mark only long vowels: Rabutienė is Lithuanian
		}
		return byWord(kunreiWord)(t)
	}},
	{SystemJapaneseLongVowels, func(t string) string {
		if !isPlainASCII(t) {
			return ""
		}
		return byWord(longVowelWord)(t)
	}},
}

// LatinReadings returns the systems of the readings of Latin tokens, in the
// order Variants adds them: hard c, spelled-out long vowels and the
// readings of languages.
func LatinReadings() []string {
	out := []string{SystemHardC, SystemSpelledOut}
	for _, rd := range readings {
		out = append(out, rd.system)
	}
	return out
}

// marked returns a read func that replaces sounds in a token holding one
// of marks.
func marked(marks []string, sounds *strings.Replacer) func(string) string {
	return func(t string) string {
		if containsOneOf(t, marks) {
			return Fold(sounds.Replace(t))
		}
		return ""
	}
}

// byWord returns a read func applying word, which reports whether a
// folded word has a spelling of the language, to every word of the fold of
// a token. The token gets a reading when one of its words has.
func byWord(word func(w string) (string, bool)) func(string) string {
	return func(t string) string {
		ws := strings.Split(Fold(t), " ")
		read := false
		for i, w := range ws {
			if r, ok := word(w); ok {
				ws[i], read = r, true
			}
		}
		if !read {
			return ""
		}
		return strings.Join(ws, " ")
	}
}

// silentE returns the length of w without an English silent final e (or
// es), and the index of the vowel the e lengthens, or -1: Jace, Bone,
// Graeme, Ives, Frye.
func silentE(w string) (end, long int) {
	n := len(w)
	end, long = n, -1
	switch {
	case n >= 4 && strings.HasSuffix(w, "ye") && !isVowelByte(w[n-3]):
		return n - 1, n - 2 // Frye, Hoye
	case n >= 4 && w[n-1] == 'e' && !isVowelByte(w[n-2]):
		end = n - 1
	case n >= 4 && strings.HasSuffix(w, "es") && !isVowelByte(w[n-3]) && isVowelByte(w[n-4]):
		end = n - 2
	default:
		return n, -1
	}
	// The e lengthens a single vowel before a single consonant (Jace, not
	// Prentice; the vowel of ae and ai is long anyway).
	if v := end - 2; v >= 0 && isVowelByte(w[v]) && (v == 0 || !isVowelByte(w[v-1])) {
		long = v
	}
	return end, long
}

// englishMarked reports whether a folded word has an English spelling.
// The spellings the romanised names of the region share with English are
// no marks: the final y and ey of Zelensky and Sergey, the ow of Kadirow,
// the final ew of Andrejew, the aw of Pawlak, the ur of Yurchenko, the
// final e of Vasile.
func englishMarked(w string) bool {
	if romanianShaped(w) {
		return false
	}
	for _, m := range []string{"th", "wh", "ck", "tch", "dg", "ee", "oo", "ea", "ph", "igh"} {
		if strings.Contains(w, m) {
			return true
		}
	}
	n := len(w)
	if n < 4 {
		return false
	}
	if i := strings.Index(w, "ew"); i >= 0 && i+2 < n {
		return true // ew inside a word: Newport, Stewart (a final ew is the -ев of Andrejew)
	}
	if strings.HasPrefix(w, "mc") {
		return true
	}
	// A silent e after the long vowel of one syllable: Jace, Ives, or
	// Graeme with its vowel pair.
	if end, long := silentE(w); end < n {
		v := long
		if v < 0 && end >= 3 && englishPairs[w[end-3:end-1]] != "" {
			v = end - 3
		}
		if v >= 0 && !strings.ContainsAny(w[:v], "aeiouy") {
			return true
		}
	}
	for i := 0; i+2 < n; i++ {
		switch {
		case (w[i] == 'a' || w[i] == 'e') && w[i+1] == 'y' && !isVowelByte(w[i+2]) && i > 0:
			return true // ay, ey inside a word: Dayhoff, Reynolds
		case w[i] == 'u' && w[i+1] == w[i+2] && !isVowelByte(w[i+1]):
			return true // u before a doubled consonant: Gumm, Russell
		}
	}
	return false
}

// romanianShaped reports whether a folded word ends as Romanian surnames
// do (Popescu, Munteanu, Vasilache, Bucioiu): its ea, oi and che are not
// English or French.
func romanianShaped(w string) bool {
	for _, suf := range []string{"escu", "eanu", "anu", "oiu", "ache", "iuc", "oaie"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// englishWord reads a folded English word by its sound (see
// SystemEnglishReading).
func englishWord(w string) (string, bool) {
	if !englishMarked(w) {
		return w, false
	}
	end, long := silentE(w)
	at := func(i int) byte {
		if i < 0 || i >= end {
			return 0
		}
		return w[i]
	}
	consonant := func(i int) bool { c := at(i); return c != 0 && !isVowelByte(c) }
	var b strings.Builder
	for i := 0; i < end; {
		c, rest := w[i], w[i:end]
		n := 1
		switch {
		case i == 0 && strings.HasPrefix(rest, "mc"):
			b.WriteString("mak")
			n = 2
		case i == long:
			b.WriteString(longVowels[c])
		case strings.HasPrefix(rest, "tch"):
			b.WriteString("tch") // Hutchinson = Хатчинсон
			n = 3
		case rest == "ies" && i > 1:
			b.WriteString("iz") // Smithies = Смитиз, Humphries = Хамфриз
			n = 3
		case strings.HasPrefix(rest, "ack"):
			b.WriteString("ek") // Jackson = Джексон, Blackburn = Блэкберн, Latvian Džeks
			n = 3
		case strings.HasPrefix(rest, "igh"):
			b.WriteString("ai")
			n = 3
		case len(rest) >= 2 && englishPairs[rest[:2]] != "":
			p := englishPairs[rest[:2]]
			if rest[:2] == "ey" && i+2 == end {
				p = "i" // Ramsey, McBurney
			}
			if rest[:2] == "ow" && i+2 < end {
				p = "au"
			}
			b.WriteString(p)
			n = 2
		case (c == 'u' || c == 'i' || c == 'y') && at(i+1) == 'r' && (at(i+2) == 0 || consonant(i+2)):
			b.WriteString("er")
			n = 2
		case c == 'u' && consonant(i+1) && (at(i+2) == 0 || consonant(i+2)):
			b.WriteByte('a') // the u of a closed syllable: Gumm, Hutchinson
		case c == 'c':
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 { // Jace: before the silent e too
				b.WriteByte('s')
			} else {
				b.WriteByte('k')
			}
		case c == 'j':
			b.WriteString("dzh")
		case c == 'x':
			b.WriteString("ks")
		case c == 'h':
			b.WriteString("kh")
		case c == 'w' && isVowelByte(at(i+1)):
			b.WriteByte('u')
		case c == 'y' && i > 0 && (at(i+1) == 0 || consonant(i+1)):
			b.WriteByte('i')
		default:
			b.WriteByte(c)
		}
		i += n
	}
	if end < len(w) && strings.HasSuffix(w, "es") {
		b.WriteByte('z') // Ives = Айвз, James = Джеймс by a confusable letter
	}
	return b.String(), true
}

// longVowels are the English long vowels a silent e marks (Jace, Frye).
var longVowels = map[byte]string{'a': "ei", 'e': "i", 'i': "ai", 'o': "ou", 'u': "iu", 'y': "ai"}

// englishPairs are the English digraphs and their sounds.
var englishPairs = map[string]string{
	"ch": "ch", "sh": "sh", "th": "t", "ph": "f", "wh": "u", "ck": "k", "qu": "kv", "dg": "dzh",
	"ee": "i", "ea": "i", "oo": "u", "ai": "ei", "ay": "ei", "ei": "ei", "ey": "ei", "ae": "ei",
	"oa": "ou", "ow": "ou", "au": "o", "aw": "o", "oy": "oi", "ew": "iu",
}

// frenchMarks are the spellings that make a token read as French. The au
// of Lithuanian -auskas, the ou of Czech, the oi of Romanian -oiu and the
// eu of German are no marks alone.
var frenchMarks = []string{"eau", "eux", "aux", "ault", "euil", "ouil", "oux", "gn", "qu", "é", "è", "ç"}

// frenchReading reads a normalised token as French (see
// SystemFrenchReading).
func frenchReading(t string) string {
	if strings.ContainsAny(t, "kw") || strings.Contains(t, "sz") || romanianShaped(Fold(t)) ||
		strings.IndexFunc(t, func(r rune) bool { return r > 0x7f && !strings.ContainsRune("éèêëàâîïôûùçœ", r) }) >= 0 {
		return "" // not French: Kowalski, Szewczuk, Popescu, Ágnes
	}
	marked := false
	for _, suf := range []string{"ier", "iers", "ault", "ain", "elle", "ette", "ger"} {
		marked = marked || strings.HasSuffix(t, suf) && len(t) > len(suf)+1
	}
	for _, suf := range []string{"ois", "oit", "ot", "et"} {
		marked = marked || strings.HasSuffix(t, suf) && strings.ContainsAny(t[:len(t)-len(suf)], "aeiouy")
	}
	for _, m := range frenchMarks {
		marked = marked || strings.Contains(t, m)
	}
	marked = marked || frenchDes(Fold(t))
	if !marked {
		return ""
	}
	ws := strings.Split(Fold(t), " ")
	for i, w := range ws {
		ws[i] = frenchWord(w)
	}
	return strings.Join(ws, " ")
}

// frenchWord reads a folded word as French.
func frenchWord(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		rest, n := w[i:], 1
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case i == 0 && frenchDes(w):
			b.WriteString("de") // the silent s of Des-: Desmoulins = Демулен
			n = 3
		case strings.HasPrefix(rest, "chr"):
			b.WriteString("kr") // Christelle = Кристель
			n = 3
		case rest == "amp" || rest == "amps":
			b.WriteString("an") // Deschamps = Дешан
			n = len(rest)
		case rest == "ier" || rest == "iers":
			b.WriteString("ye")
			n = len(rest)
		case rest == "er" || rest == "ez" || rest == "et":
			b.WriteString("e")
			n = 2
		case strings.HasPrefix(rest, "eau"):
			b.WriteByte('o')
			n = 3
		case strings.HasPrefix(rest, "euil") || strings.HasPrefix(rest, "eil") && i > 0:
			b.WriteString("ei")
			n = len("eil")
			if rest[1] == 'u' {
				n++
			}
			for n < len(rest) && rest[n] == 'l' {
				n++
			}
		case (strings.HasPrefix(rest, "in") || strings.HasPrefix(rest, "ain") || strings.HasPrefix(rest, "ein")) &&
			frenchNasal(rest):
			b.WriteString("en")
			n = strings.IndexByte(rest, 'n') + 1
		case len(rest) >= 2 && frenchPairs[rest[:2]] != "":
			b.WriteString(frenchPairs[rest[:2]])
			n = 2
		case rest[0] == 'c':
			if strings.IndexByte("eiy", next) >= 0 {
				b.WriteByte('s')
			} else {
				b.WriteByte('k')
			}
		case rest[0] == 'g' && strings.IndexByte("eiy", next) >= 0, rest[0] == 'j':
			b.WriteString("zh")
		case rest[0] == 'h':
		case rest[0] == 'y':
			b.WriteByte('i')
		default:
			b.WriteByte(rest[0])
		}
		i += n
	}
	out := b.String()
	if n := len(w); n > 3 && w[n-1] == 'e' && !isVowelByte(w[n-2]) && strings.HasSuffix(out, "e") {
		return out[:len(out)-1] // a silent final e: Quirine, Lorraine
	}
	// Silent final consonants: Desmoulins, Veuillot, Pavard.
	for len(out) > 3 && strings.IndexByte("stdxz", out[len(out)-1]) >= 0 {
		out = out[:len(out)-1]
	}
	return out
}

// frenchDes reports whether a folded word begins with the French
// particle des joined to a name (Desmoulins, Deschamps, Desrosiers): des
// before a consonant, whose s is silent.
func frenchDes(w string) bool {
	return len(w) > 5 && strings.HasPrefix(w, "des") && !isVowelByte(w[3]) && w[3] != 'y'
}

// frenchNasal reports whether a word rest starting with in, ain or ein is
// a nasal vowel: n at the end or before a consonant other than n.
func frenchNasal(rest string) bool {
	k := strings.IndexByte(rest, 'n') + 1
	return k == len(rest) || !isVowelByte(rest[k]) && rest[k] != 'n'
}

// frenchPairs are the French digraphs and their sounds.
var frenchPairs = map[string]string{
	"au": "o", "ou": "u", "oi": "ua", "eu": "e", "ai": "e", "ei": "e", "ch": "sh", "gn": "ni", "qu": "k",
	"ph": "f", "th": "t", "gu": "g",
}

// kunreiWord writes a folded word of Japanese syllables with a Kunrei or
// Nihon-shiki one in Hepburn (see SystemKunreiReading).
func kunreiWord(w string) (string, bool) {
	if strings.HasSuffix(w, "iene") || strings.HasSuffix(w, "aite") {
		return w, false // Lithuanian feminine endings spell Japanese syllables too
	}
	// Polish and Czech transcriptions write tsu as cu (Macuoka = Matsuoka,
	// Nacume = Natsume); Japanese syllables have no other c.
	v := strings.ReplaceAll(w, "cu", "tsu")
	if !japaneseSyllables(v) {
		return w, false
	}
	h := kunrei.Replace(v)
	return h, h != w
}

// longVowelWord writes the long vowels of a folded word of Japanese
// syllables plainly (see SystemJapaneseLongVowels).
func longVowelWord(w string) (string, bool) {
	if strings.ContainsAny(w, "lvxcq") {
		return w, false // not Hepburn: Louka is Czech
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		b = append(b, c)
		if c != 'o' && c != 'u' || i+1 == len(w) {
			continue
		}
		switch n := w[i+1]; {
		case c == 'o' && n == 'h' && (i+2 == len(w) || strings.IndexByte("ntksmbg", w[i+2]) >= 0),
			c == 'o' && n == 'o', c == 'u' && n == 'u':
			i++
		}
	}
	p := string(b)
	if p == w || !japaneseSyllables(p) || strings.HasSuffix(w, "iene") || strings.HasSuffix(w, "aite") {
		return w, false
	}
	return kunrei.Replace(p), true
}

// kunrei writes the Kunrei and Nihon-shiki syllables in Hepburn.
var kunrei = strings.NewReplacer("sy", "sh", "ty", "ch", "zy", "j", "dy", "j", "si", "shi", "ti", "chi", "tu", "tsu",
	"hu", "fu", "zi", "ji", "di", "ji", "du", "zu")

// japaneseSyllables reports whether a folded word is a sequence of
// Japanese syllables in any romanisation: a vowel, n, or consonants (a
// doubled one, y after one) then a vowel.
func japaneseSyllables(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); {
		switch c := w[i]; {
		case strings.IndexByte("aeiou", c) >= 0:
			i++
		case c == 'n' && (i+1 == len(w) || strings.IndexByte("aeiouy", w[i+1]) < 0):
			i++
		default:
			j := i
			if i+1 < len(w) && w[i+1] == c && c != 'n' {
				j++ // a doubled consonant: Hattori, Hasshidume
			}
			k := j
			for _, on := range []string{"ch", "sh", "ts", "dz", "k", "s", "t", "n", "h", "f", "m", "y", "r", "w", "g", "z", "d", "b", "p", "j"} {
				if strings.HasPrefix(w[j:], on) {
					k = j + len(on)
					break
				}
			}
			if k == j {
				return false
			}
			if k < len(w) && w[k] == 'y' && w[k-1] != 'y' {
				k++
			}
			if k == len(w) || strings.IndexByte("aeiou", w[k]) < 0 {
				return false
			}
			i = k + 1
		}
	}
	return true
}

// koreanReading writes a McCune-Reischauer token in the Revised
// Romanization (see SystemKoreanReading).
func koreanReading(t string) string {
	if !strings.ContainsAny(t, "ŏŭ") {
		return ""
	}
	ws := strings.Split(spelledOut(t), " ")
	for i, w := range ws {
		for _, p := range [...][2]string{{"ch", "j"}, {"k", "g"}, {"t", "d"}, {"p", "b"}} {
			if rest, ok := strings.CutPrefix(w, p[0]); ok {
				ws[i] = p[1] + rest
				break
			}
		}
	}
	return strings.Join(ws, " ")
}

// dutchMarked keeps the Dutch reading from tokens whose only mark is the
// ij of Ukrainian and Slovene romanisations (Andrij, Julija).
func dutchMarked(read func(string) string) func(string) string {
	return func(t string) string {
		f := Fold(t)
		if !strings.Contains(f, "oe") && !strings.Contains(f, "sj") {
			i := strings.Index(f, "ij")
			if i < 0 || i+2 == len(f) || isVowelByte(f[i+2]) || f[i+2] == ' ' {
				return ""
			}
		}
		return read(t)
	}
}

// turkicReading reads a normalised token by the Turkish, Azerbaijani and
// Albanian letters (see SystemTurkicReading).
func turkicReading(t string) string {
	if !strings.ContainsAny(t, "çşșğıəë") && !strings.Contains(t, "xh") {
		return ""
	}
	var pairs []string
	if strings.ContainsAny(t, "ə") || strings.ContainsAny(t, "qx") && strings.ContainsAny(t, "ğı") {
		// Azerbaijani, as Turkish writes no q or x: its ğ is written gh
		// (Yaquboğlu = Yaguboghlu).
		pairs = append(pairs, "x", "kh", "q", "g", "ğ", "gh")
	}
	if strings.ContainsAny(t, "çğıə") {
		pairs = append(pairs, "c", "dzh")
	}
	pairs = append(pairs, "xh", "dzh", "ç", "ch", "ş", "sh", "ș", "sh", "ğ", "", "ı", "y", "ə", "a", "ë", "e")
	return Fold(strings.NewReplacer(pairs...).Replace(t))
}
