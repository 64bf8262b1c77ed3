package names

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The transliteration tables are data: data/translit_<lang>.tsv, one row per
// letter or letter sequence, one column per system.
//
// Lines starting with '#' are comments. "@NAME<TAB>letters" defines a letter
// class used in keys. The header line starts with "key" and names the
// columns; a column "kmu55" in translit_uk.tsv is the system "uk:kmu55".
//
// A key is a Cyrillic (or Georgian) letter sequence with optional context:
//
//	^seq        only at the start of a word
//	seq$        only at the end of a word
//	CLASS<seq   only after a letter of CLASS (a literal set or @NAME)
//	seq>CLASS   only before a letter of CLASS
//
// A cell is the output ("-" for nothing) or "=" when the system has no rule
// for that key, so the next more general rule applies. At each position the
// longest matching sequence wins, then the rule with more context, then the
// earlier row. Letters a system does not list go through the fallback table
// (translit_fallback.tsv), then are kept as they are.
//
//go:embed data/translit_*.tsv
var translitFiles embed.FS

// rule is one compiled table cell.
type rule struct {
	seq    []rune
	start  bool   // word-initial only
	end    bool   // word-final only
	before string // letters allowed just before seq ("" = any)
	after  string // letters required just after seq ("" = no constraint)
	raw    string // output as written in the table
	folded string // Fold of raw
}

func (r *rule) constraints() int {
	n := 0
	for _, b := range [...]bool{r.start, r.end, r.before != "", r.after != ""} {
		if b {
			n++
		}
	}
	return n
}

func (r *rule) matches(w []rune, i int) bool {
	n := len(r.seq)
	if i+n > len(w) {
		return false
	}
	for k, c := range r.seq {
		if w[i+k] != c {
			return false
		}
	}
	switch {
	case r.start && i != 0,
		r.end && i+n != len(w),
		r.before != "" && (i == 0 || !strings.ContainsRune(r.before, w[i-1])),
		r.after != "" && (i+n == len(w) || !strings.ContainsRune(r.after, w[i+n])):
		return false
	}
	return true
}

// table is one column of a data file: a single transliteration step.
type table struct {
	name     string
	rules    map[rune][]rule // by first letter, in priority order
	fallback *table
}

func (t *table) match(w []rune, i int) (*rule, bool) {
	for ; t != nil; t = t.fallback {
		rs := t.rules[w[i]]
		for k := range rs {
			if rs[k].matches(w, i) {
				return &rs[k], true
			}
		}
	}
	return nil, false
}

// apply appends the transliteration of one word. w must hold no separators.
// raw keeps the table's spelling and the case of w; otherwise the output is
// folded and w must be lower-case.
func (t *table) apply(dst []byte, w []rune, raw bool) []byte {
	lw := w
	allUpper := false
	if raw {
		lw = make([]rune, len(w))
		upper, lower := 0, 0
		for i, r := range w {
			lw[i] = lowerRune(r)
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
		allUpper = upper > 1 && lower == 0
	}
	for i := 0; i < len(lw); {
		ru, ok := t.match(lw, i)
		if !ok {
			dst = appendUnknown(dst, t, lw[i], raw)
			if raw && (allUpper || unicode.IsUpper(w[i])) {
				// keep the original case of letters no table knows
				dst = append(dst[:len(dst)-utf8.RuneLen(lw[i])], string(w[i])...)
			}
			i++
			continue
		}
		out := ru.folded
		if raw {
			out = ru.raw
			switch {
			case allUpper:
				out = strings.ToUpper(out)
			case unicode.IsUpper(w[i]):
				out = titleCase(out)
			}
		}
		dst = append(dst, out...)
		i += len(ru.seq)
	}
	return dst
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// appendUnknown handles a letter no rule covers: a Cyrillic or Georgian letter
// with a diacritic is retried without it and dropped if still unknown,
// anything else is folded (or kept when raw).
func appendUnknown(dst []byte, t *table, r rune, raw bool) []byte {
	if raw {
		return utf8.AppendRune(dst, r)
	}
	if isCyrillic(r) || isGeorgian(r) {
		base := r
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.IsMark(d) {
				base = d
				break
			}
		}
		if base != r {
			if ru, ok := t.match([]rune{base}, 0); ok && len(ru.seq) == 1 {
				return append(dst, ru.folded...)
			}
		}
		return dst // a letter no table knows: dropped, so that Fold output has no Cyrillic
	}
	return appendFoldRune(dst, r, 0)
}

// scheme is a named transliteration system: one table, or a chain of
// tables whose intermediate output is Cyrillic (Georgian via Russian).
type scheme struct {
	name  string // "uk:kmu55", "ka:via-ru"
	lang  string
	steps []*table
	// applies, when set, tells whether Variants renders a token by the
	// scheme at all: ru:ja only renders tokens the Polivanov system can
	// have written.
	applies func(words [][]rune) bool
	// bit is the scheme's bit in the system masks of a Form (1 << its
	// place in translit.order; 0 past the 64th system).
	bit uint64
}

// word transliterates one word (no separators).
func (s *scheme) word(dst []byte, w []rune, raw bool) []byte {
	for _, st := range s.steps[:len(s.steps)-1] {
		w = []rune(string(st.apply(nil, w, true)))
		if !raw {
			for i, r := range w {
				w[i] = unicode.ToLower(r)
			}
		}
	}
	return s.steps[len(s.steps)-1].apply(dst, w, raw)
}

// folded transliterates a normalised token, words joined by one space.
func (s *scheme) folded(words [][]rune) string {
	var b []byte
	for _, w := range words {
		n := len(b)
		if n > 0 {
			b = append(b, ' ')
		}
		b = s.word(b, w, false)
		if n > 0 && len(b) == n+1 {
			b = b[:n] // the word folded to nothing
		}
	}
	return string(b)
}

// translit holds every compiled scheme.
type translit struct {
	schemes map[string]*scheme
	order   []string             // all scheme names, stable
	byLang  map[string][]*scheme // in priority order
}

var translitTables = sync.OnceValue(func() *translit {
	t, err := loadTranslit(translitFiles)
	if err != nil {
		panic(err) // the tables are embedded: a parse error is a build defect
	}
	return t
})

func loadTranslit(fsys fs.FS) (*translit, error) {
	fb, err := loadTables(fsys, "fallback", nil)
	if err != nil {
		return nil, err
	}
	tr := &translit{schemes: map[string]*scheme{}, byLang: map[string][]*scheme{}}
	add := func(s *scheme) {
		if n := len(tr.order); n < 64 {
			s.bit = 1 << n
		}
		tr.schemes[s.name] = s
		tr.order = append(tr.order, s.name)
		tr.byLang[s.lang] = append(tr.byLang[s.lang], s)
	}
	// A column "ru" renders a language in Russian Cyrillic: an
	// intermediate step, not a system of its own.
	// A column "ru-form" gives the Russian form of a name (be:ru-form):
	// another intermediate step.
	toRu, toRuForm := map[string]*table{}, map[string]*table{}
	for _, lang := range []string{LangUK, LangRU, LangBE, LangMO, LangSR, LangKA} {
		tabs, err := loadTables(fsys, lang, fb[0])
		if err != nil {
			return nil, err
		}
		for _, tb := range tabs {
			switch tb.name {
			case lang + ":ru":
				toRu[lang] = tb
				continue
			case lang + ":ru-form":
				toRuForm[lang] = tb
				continue
			}
			add(&scheme{name: tb.name, lang: lang, steps: []*table{tb}})
		}
	}
	for _, lang := range []string{LangKA, LangBE, LangUK} {
		if toRu[lang] == nil {
			return nil, fmt.Errorf("translit_%s.tsv: no ru column", lang)
		}
	}
	if ja := tr.schemes["ru:ja"]; ja != nil {
		ja.applies = polivanovShaped
		// Ukrainian writes Japanese names by Polivanov's system with its
		// own letters (Цудзіде = Tsujide).
		uk := toRu[LangUK]
		add(&scheme{name: "uk:via-ru:ja", lang: LangUK, steps: []*table{uk, ja.steps[0]}, applies: func(words [][]rune) bool {
			ru := make([][]rune, len(words))
			for i, w := range words {
				ru[i] = []rune(strings.ToLower(string(uk.apply(nil, w, true))))
			}
			return polivanovShaped(ru)
		}})
	}
	if en := tr.schemes["ru:en"]; en != nil {
		// Ukrainian writes the j of foreign names дж as Russian does
		// (Кейджі = Keiji, Джаміль = Jamil); only that reading is added.
		uk := toRu[LangUK]
		add(&scheme{name: "uk:via-ru:en", lang: LangUK, steps: []*table{uk, en.steps[0]}, applies: func(words [][]rune) bool {
			return slices.ContainsFunc(words, func(w []rune) bool { return strings.Contains(string(w), "дж") })
		}})
	}
	viaRussian := func(lang string, systems ...string) {
		for _, rs := range systems {
			name := lang + ":via-ru:" + rs
			if rs == "icao" {
				name = lang + ":via-ru"
			}
			add(&scheme{name: name, lang: lang, steps: []*table{toRu[lang], tr.schemes["ru:"+rs].steps[0]}})
		}
	}
	// Georgian names reach many registries through Russian.
	viaRussian(LangKA, "icao", "wiki", "de", "fr", "pl", "cs", "hu", "ro")
	// Belarusian names are often known by their Russian form, which the
	// dzekanne and tsekanne of Belarusian spelling hide (Ладзіслаў =
	// Ladislav).
	viaRussian(LangBE, "icao", "wiki")
	// And by the Russian form of the name, which also undoes the yakanne
	// (Бялюціна = Белютина, Цярэшка = Терешка) and the -энка of surnames.
	if toRuForm[LangBE] == nil {
		return nil, fmt.Errorf("translit_be.tsv: no ru-form column")
	}
	// Only for a word that Belarusian spelling marks: elsewhere it would
	// only take a fuzzy route's place (Восканян is Armenian).
	add(&scheme{name: "be:ru-form", lang: LangBE, steps: []*table{toRuForm[LangBE], tr.schemes["ru:icao"].steps[0]},
		applies: func(words [][]rune) bool { return slices.ContainsFunc(words, belarusianSpelled) }})
	return tr, nil
}

// loadTables parses data/translit_<lang>.tsv into one table per column.
func loadTables(fsys fs.FS, lang string, fallback *table) ([]*table, error) {
	file := "data/translit_" + lang + ".tsv"
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	macros := map[string]string{}
	var tabs []*table
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		switch {
		case strings.HasPrefix(text, "@") && !strings.ContainsAny(cells[0], "<>"):
			if len(cells) != 2 {
				return nil, fmt.Errorf("%s:%d: bad class", file, line)
			}
			macros[cells[0]] = cells[1]
			continue
		case cells[0] == "key":
			for _, c := range cells[1:] {
				tabs = append(tabs, &table{name: lang + ":" + c, rules: map[rune][]rule{}, fallback: fallback})
			}
			continue
		}
		if len(cells) != len(tabs)+1 {
			return nil, fmt.Errorf("%s:%d: %d cells, want %d", file, line, len(cells), len(tabs)+1)
		}
		proto, err := parseKey(cells[0], macros)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, line, err)
		}
		for k, c := range cells[1:] {
			switch c {
			case "=":
				continue
			case "":
				return nil, fmt.Errorf("%s:%d: empty cell (use - for no output)", file, line)
			case "-":
				c = ""
			}
			r := proto
			r.raw = c
			r.folded = foldOutput(c)
			tabs[k].rules[r.seq[0]] = append(tabs[k].rules[r.seq[0]], r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, t := range tabs {
		for k, rs := range t.rules {
			slices.SortStableFunc(rs, func(a, b rule) int {
				if len(a.seq) != len(b.seq) {
					return len(b.seq) - len(a.seq)
				}
				return b.constraints() - a.constraints()
			})
			t.rules[k] = rs
		}
	}
	return tabs, nil
}

func parseKey(key string, macros map[string]string) (rule, error) {
	var r rule
	expand := func(s string) (string, error) {
		if strings.HasPrefix(s, "@") {
			m, ok := macros[s]
			if !ok {
				return "", fmt.Errorf("unknown class %s", s)
			}
			return m, nil
		}
		return s, nil
	}
	if rest, ok := strings.CutPrefix(key, "^"); ok {
		r.start, key = true, rest
	}
	if rest, ok := strings.CutSuffix(key, "$"); ok {
		r.end, key = true, rest
	}
	if b, rest, ok := strings.Cut(key, "<"); ok {
		set, err := expand(b)
		if err != nil {
			return r, err
		}
		r.before, key = set, rest
	}
	if rest, a, ok := strings.Cut(key, ">"); ok {
		set, err := expand(a)
		if err != nil {
			return r, err
		}
		r.after, key = set, rest
	}
	r.seq = []rune(key)
	if len(r.seq) == 0 {
		return r, fmt.Errorf("empty key")
	}
	return r, nil
}

// foldOutput folds a table cell: diacritics, apostrophes and separators
// such as BGN's "·" are dropped.
func foldOutput(s string) string {
	var b []byte
	for _, r := range s {
		if isApostrophe(r) {
			continue
		}
		b = appendFoldRune(b, r, 0)
	}
	return string(b)
}

// Systems returns the names of every transliteration system, in a stable
// order: "uk:kmu55", "uk:pass2007", ..., "ru:icao", ..., "ka:via-ru", ...
func Systems() []string {
	return slices.Clone(translitTables().order)
}

// Transliterate renders s in the named system (see Systems), keeping the
// case of s, the table's diacritics and the separators between words;
// apostrophes are dropped as the Ukrainian and Russian passport rules do.
// It reports false when the system is unknown.
func Transliterate(s, system string) (string, bool) {
	sc, ok := translitTables().schemes[system]
	if !ok {
		return "", false
	}
	var b []byte
	var word []rune
	flush := func() {
		if len(word) > 0 {
			b = sc.word(b, word, true)
			word = word[:0]
		}
	}
	for _, r := range norm.NFC.String(s) {
		switch {
		case isApostrophe(r), unicode.IsMark(r):
		case isSeparator(r):
			flush()
			b = utf8.AppendRune(b, r)
		default:
			word = append(word, r)
		}
	}
	flush()
	return string(b), true
}

// polivanovShaped reports whether every word could be a Japanese name
// written by the Polivanov system: only its letters (no л ж ч ш щ ы ь ъ,
// в only in ва, ф only in фу), and Japanese syllables: every consonant
// followed by a vowel, except н, a doubled consonant (Хаттори) and the дз
// and тс of дзи and цу's neighbours. Other Russian names (Дмитрий, Анастасия) get no
// ja rendering, which would only add noise to their keys.
// belarusianSpelled reports whether a lower-case Cyrillic word has a
// spelling of Belarusian that Russian and Ukrainian lack, and none of the
// letters Belarusian lacks (и щ ъ ї є ґ): ў; дз before a soft vowel
// (dzekanne: Дзядок); э after a consonant (Лукашэнка, where Russian writes
// е); і beside э, ы or ё, beside a labial before я, ю or ё (Ukrainian
// writes б'я: Бялюціна) or beside ц before a soft vowel, or that ц beside
// э, ы or ё (tsekanne: Валянцінавіч, Цярэшка).
func belarusianSpelled(w []rune) bool {
	const soft = "яеёюіь"
	var i, russian, softTs, labialYa, hardE, dz bool
	for k, r := range w {
		next := rune(0)
		if k+1 < len(w) {
			next = w[k+1]
		}
		switch r {
		case 'ў':
			return true
		case 'и', 'щ', 'ъ', 'ї', 'є', 'ґ':
			return false
		case 'і':
			i = true
		case 'э':
			hardE = hardE || k > 0 && strings.ContainsRune("бвгджзклмнпрстфхцчш", w[k-1])
			russian = true
		case 'ы', 'ё':
			russian = true
		case 'д':
			dz = dz || next == 'з' && k+2 < len(w) && strings.ContainsRune(soft, w[k+2])
		case 'ц':
			softTs = softTs || strings.ContainsRune(soft, next)
		case 'б', 'п', 'м', 'в', 'ф':
			labialYa = labialYa || strings.ContainsRune("яюё", next)
		}
	}
	return dz || hardE || i && (russian || labialYa || softTs) || softTs && russian
}

func polivanovShaped(words [][]rune) bool {
	const vowels = "аеёиоуэюяй"
	for _, w := range words {
		for i, r := range w {
			if strings.ContainsRune("лжчшщыьъ", r) || r == 'ф' && (i+1 == len(w) || w[i+1] != 'у') {
				return false
			}
			if strings.ContainsRune(vowels, r) || r == 'н' {
				continue
			}
			if i+1 == len(w) {
				return false // a Japanese word ends in a vowel or н
			}
			next := w[i+1]
			switch {
			case r == 'в' && next != 'а':
				return false
			case strings.ContainsRune(vowels, next), next == r, r == 'д' && next == 'з':
			default:
				return false
			}
		}
	}
	return true
}
