package names

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Role is the part a token plays in a person's name.
type Role uint8

// Roles.
const (
	RoleUnknown    Role = iota
	RoleGiven           // a given (first or middle) name or its initial
	RoleSurname         // a family name
	RolePatronymic      // an East Slavic patronymic (Petrovych, Petrovna)
)

// String returns "unknown", "given", "surname" or "patronymic".
func (r Role) String() string {
	switch r {
	case RoleGiven:
		return "given"
	case RoleSurname:
		return "surname"
	case RolePatronymic:
		return "patronymic"
	}
	return "unknown"
}

// Format is the way a full name was written.
type Format uint8

// Formats Parse recognises.
const (
	FormatPlain Format = iota // "Oleksandr Shevchenko", "SHEVCHENKO Oleksandr"
	FormatComma               // "SHEVCHENKO, Oleksandr Petrovych"
	FormatMRZ                 // "SHEVCHENKO<<OLEKSANDR<PETROVYCH"
)

// Token is one token of a parsed name.
type Token struct {
	Text           string // the token normalised (Normalize), in its own script
	Role           Role   // the role when the name tells it, else RoleUnknown (see Name.Readings)
	Gender         Gender // the gender a patronymic or a surname's ending shows
	Initial        bool   // a single letter ("V." in "Vladimir V. Putin")
	MaybeTruncated bool   // the last MRZ name component, which the MRZ may have cut short
}

// Name is a parsed full name.
type Name struct {
	Tokens []Token
	Format Format
	// Readings are the candidate role assignments, most likely first, one
	// role per token. A name whose roles are told by its form (MRZ,
	// "LAST, First", an upper-case surname, a patronymic) has one reading,
	// also stored in Tokens[i].Role; otherwise Parse does not decide and
	// gives both the given-names-first and the surname-first reading.
	Readings [][]Role
	// SurnameFirst is set when the name looks Hungarian (ő ű, or acute
	// vowels with Hungarian digraphs): Hungarian writes the family name
	// first ("Szőke Győző"), so the surname-first reading comes first.
	SurnameFirst bool
	// Gender is the gender the patronymic or the surname shows, if any.
	Gender Gender
}

// Parse splits a full name into tokens with their roles. It understands the
// MRZ form (SHEVCHENKO<<OLEKSANDR<PETROVYCH, with or without the document
// code and issuing state of a TD3 first line), "LAST, First Middle", an
// upper-case surname among mixed-case names ("PUTIN Vladimir"), East Slavic
// patronymics (given-patronymic-surname or surname-given-patronymic order),
// initials and hyphenated names (each part a token with the role of the
// whole). A name with no such cue gets two readings (see Name.Readings).
func Parse(full string) Name {
	s := strings.TrimSpace(norm.NFC.String(full))
	if isMRZName(s) {
		return parseMRZ(s)
	}
	if before, after, ok := strings.Cut(s, ","); ok && strings.TrimSpace(before) != "" &&
		strings.TrimSpace(after) != "" && !strings.Contains(after, ",") {
		n := Name{Format: FormatComma}
		sur := rawWords(before)
		giv := rawWords(after)
		roles := appendRoles(nil, sur, RoleSurname)
		roles = appendRoles(roles, giv, RoleGiven)
		n.Tokens = tokensOf(append(sur, giv...))
		markPatronymic(n.Tokens, roles, len(flatten(sur)), len(roles))
		n.setReadings([][]Role{roles})
		return n
	}
	words := rawWords(s)
	n := Name{Format: FormatPlain, Tokens: tokensOf(words)}
	if len(n.Tokens) == 0 {
		return n
	}
	wordOf := wordIndex(words)
	nw := len(words)
	// An upper-case word among mixed-case ones is the surname.
	caps := make([]bool, nw)
	nCaps := 0
	for i, w := range words {
		caps[i] = isUpperWord(strings.Join(w, ""))
		if caps[i] {
			nCaps++
		}
	}
	roleByWord := func(f func(w int) Role) []Role {
		roles := make([]Role, len(n.Tokens))
		for i := range roles {
			roles[i] = f(wordOf[i])
		}
		return roles
	}
	if nCaps > 0 && nCaps < nw {
		roles := roleByWord(func(w int) Role {
			if caps[w] {
				return RoleSurname
			}
			return RoleGiven
		})
		markPatronymic(n.Tokens, roles, 0, len(roles))
		n.setReadings([][]Role{roles})
		return n
	}
	// A patronymic fixes the order: Given Patronymic Surname or Surname Given Patronymic.
	if nw >= 3 {
		for w := nw - 1; w >= 1; w-- {
			if len(words[w]) != 1 {
				continue
			}
			if _, ok := Patronymic(words[w][0]); !ok {
				continue
			}
			last := w == nw-1
			roles := roleByWord(func(x int) Role {
				switch {
				case x == w:
					return RolePatronymic
				case last && x == 0, !last && x > w:
					return RoleSurname
				}
				return RoleGiven
			})
			n.setReadings([][]Role{roles})
			return n
		}
	}
	if nw == 1 {
		n.setReadings([][]Role{roleByWord(func(int) Role { return RoleUnknown })})
		return n
	}
	givenFirst := roleByWord(func(w int) Role {
		if w == nw-1 {
			return RoleSurname
		}
		return RoleGiven
	})
	surnameFirst := roleByWord(func(w int) Role {
		if w == 0 {
			return RoleSurname
		}
		return RoleGiven
	})
	n.SurnameFirst = slices.ContainsFunc(n.Tokens, func(t Token) bool { return slices.Contains(DetectLangs(t.Text), LangHU) })
	if n.SurnameFirst {
		n.setReadings([][]Role{surnameFirst, givenFirst})
	} else {
		n.setReadings([][]Role{givenFirst, surnameFirst})
	}
	return n
}

// setReadings stores the readings, copies a single reading into the tokens
// and derives the genders.
func (n *Name) setReadings(rs [][]Role) {
	n.Readings = rs
	if len(rs) == 1 {
		for i := range n.Tokens {
			n.Tokens[i].Role = rs[0][i]
		}
	}
	for i := range n.Tokens {
		t := &n.Tokens[i]
		switch t.Role {
		case RolePatronymic:
			t.Gender, _ = Patronymic(t.Text)
		case RoleSurname:
			_, t.Gender = Stem(t.Text)
		}
	}
	for _, want := range []Role{RolePatronymic, RoleSurname} {
		for _, t := range n.Tokens {
			if t.Role == want && t.Gender != GenderUnknown && n.Gender == GenderUnknown {
				n.Gender = t.Gender
			}
		}
	}
}

// markPatronymic marks as patronymic the last token in roles[from:to] that
// is a given name after the first given name and has a patronymic ending.
func markPatronymic(toks []Token, roles []Role, from, to int) {
	firstGiven := -1
	for i := from; i < to; i++ {
		if roles[i] != RoleGiven {
			continue
		}
		if firstGiven < 0 {
			firstGiven = i
			continue
		}
		if _, ok := Patronymic(toks[i].Text); ok {
			roles[i] = RolePatronymic
		}
	}
}

// isMRZName reports whether s is an MRZ name field: A–Z, digits and '<'
// only, with the "<<" separator or a '<' filler.
func isMRZName(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c == '<' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func parseMRZ(s string) Name {
	// A whole TD3 first line (44 characters) starts with the document code
	// and the issuing state: P<UKR.
	if len(s) == 44 && strings.IndexByte("PV", s[0]) >= 0 {
		s = s[5:]
	}
	sur, giv, _ := strings.Cut(s, "<<")
	var words [][]string
	var roles []Role
	for _, c := range strings.Split(sur, "<") {
		if c != "" {
			words = append(words, []string{c})
			roles = append(roles, RoleSurname)
		}
	}
	nSur := len(roles)
	for _, c := range strings.Split(giv, "<") {
		if c != "" {
			words = append(words, []string{c})
			roles = append(roles, RoleGiven)
		}
	}
	n := Name{Format: FormatMRZ, Tokens: tokensOf(words)}
	if len(n.Tokens) == 0 {
		return n
	}
	n.Tokens[len(n.Tokens)-1].MaybeTruncated = true
	markPatronymic(n.Tokens, roles, nSur, len(roles))
	n.setReadings([][]Role{roles})
	return n
}

// rawWords splits s into words on white space and commas, and each word
// into its hyphen-separated parts, keeping the case; apostrophes go.
func rawWords(s string) [][]string {
	var words [][]string
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		w = strings.Map(func(r rune) rune {
			if isApostrophe(r) {
				return -1
			}
			return r
		}, w)
		if parts := strings.FieldsFunc(w, isSeparator); len(parts) > 0 {
			words = append(words, parts)
		}
	}
	return words
}

func flatten(words [][]string) []string {
	var out []string
	for _, w := range words {
		out = append(out, w...)
	}
	return out
}

func wordIndex(words [][]string) []int {
	var idx []int
	for i, w := range words {
		for range w {
			idx = append(idx, i)
		}
	}
	return idx
}

func appendRoles(roles []Role, words [][]string, r Role) []Role {
	for _, w := range words {
		for range w {
			roles = append(roles, r)
		}
	}
	return roles
}

func tokensOf(words [][]string) []Token {
	var toks []Token
	for _, w := range words {
		for _, p := range w {
			t := Token{Text: Normalize(p)}
			t.Initial = len([]rune(t.Text)) == 1
			toks = append(toks, t)
		}
	}
	return toks
}

// isUpperWord reports whether w has at least two letters, all upper-case.
func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// CompareTokens compares two parsed tokens like Compare and accepts the
// mrz-truncation route when the shorter token is the one Parse marked
// MaybeTruncated.
func CompareTokens(a, b Token) Match {
	m := Compare(a.Text, b.Text)
	if m.Route == RouteMRZTruncation {
		short := a
		if len([]rune(b.Text)) < len([]rune(a.Text)) {
			short = b
		}
		m.OK = short.MaybeTruncated
	}
	return m
}
