package screening

import (
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/names"
)

// Person is what the index keeps of a person record: its id, what the access
// policy needs, its names and the qualifiers that confirm or contradict a
// name match.
type Person struct {
	ID       string
	Owner    int64        // owner agency id
	Scope    access.Scope // distribution scope
	Agencies []int64      // named agencies when Scope is access.ScopeAgencies
	Victim   bool
	Child    bool
	// Names are the person's names (the structured name, full names,
	// aliases); at most MaxNames are kept.
	Names         []Name
	BirthDates    []string // YYYY, YYYY-MM or YYYY-MM-DD
	Nationalities []string // ISO 3166-1 alpha-2, upper case
	Gender        string   // "male", "female", "other" or ""
}

// Name is one name of a person: either Full, written in any form Parse
// understands (plain, "LAST, First", MRZ), or its parts.
type Name struct {
	Full                            string
	First, Middle, Patronymic, Last string
}

// MaxNames bounds the names kept per person, MaxTokens the tokens per name.
const (
	MaxNames  = 16
	MaxTokens = 8
)

// Index is an in-memory screening index of persons. It is safe for
// concurrent use: Search takes a read lock, Add, Remove and Update a write
// lock, so a reader sees a record wholly before or wholly after a change.
type Index struct {
	mu   sync.RWMutex
	d    *dict
	docs []entry           // by document number
	free []uint32          // document numbers to reuse
	byID map[string]uint32 // record id → document number
	post []*roaring.Bitmap // token id → documents carrying it
	n    int               // live documents
	// byear is the birth year of each document, dense so that the birth
	// filter of a search reads no entry: 0 without a birth date, 1 when the
	// person has several (the entry tells).
	byear []uint16
	cache matchCache
}

// entry is the compact form of an indexed person.
type entry struct {
	id       string
	owner    int64
	agencies []int64
	toks     []uint32 // token id<<8 | name<<4 | initial<<2 | role (see packTok)
	births   []uint32 // packed dates (packDate)
	nats     uint32   // up to two nationalities, 16 bits each
	scope    access.Scope
	flags    uint8 // flagVictim | flagChild | gender<<2
}

const (
	flagVictim = 1 << iota
	flagChild
)

// New returns an empty index.
func New() *Index {
	return &Index{d: newDict(), byID: map[string]uint32{}}
}

// Len returns the number of persons indexed.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.n
}

// Tokens returns the number of distinct name tokens the index holds.
func (x *Index) Tokens() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.d.toks)
}

// Contains reports whether a record id is indexed.
func (x *Index) Contains(id string) bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	_, ok := x.byID[id]
	return ok
}

// parsedTok is a token of a parsed name, before interning.
type parsedTok struct {
	text      string
	role      names.Role
	initial   bool
	truncated bool
}

// parseName splits a name into tokens with their roles. Roles are kept only
// when the name tells them (structured parts, MRZ, "LAST, First", a
// patronymic, an upper-case surname); a plain name with two readings keeps
// RoleUnknown.
func parseName(n Name) []parsedTok {
	toks, _ := parseNameGender(n)
	return toks
}

// parseNameGender is parseName that also returns the gender names.Parse
// reads from a full name (GenderUnknown for structured parts).
func parseNameGender(n Name) ([]parsedTok, names.Gender) {
	var out []parsedTok
	if strings.TrimSpace(n.Full) != "" {
		p := names.Parse(n.Full)
		for _, t := range p.Tokens {
			if len(out) == MaxTokens {
				break
			}
			out = append(out, parsedTok{text: t.Text, role: t.Role, initial: t.Initial, truncated: t.MaybeTruncated})
		}
		return out, p.Gender
	}
	for _, part := range []struct {
		s    string
		role names.Role
	}{{n.First, names.RoleGiven}, {n.Middle, names.RoleGiven}, {n.Patronymic, names.RolePatronymic}, {n.Last, names.RoleSurname}} {
		for _, t := range names.Tokens(part.s) {
			if len(out) == MaxTokens {
				break
			}
			out = append(out, parsedTok{text: t, role: part.role, initial: len([]rune(t)) == 1})
		}
	}
	return out, names.GenderUnknown
}

func packTok(id uint32, name int, t parsedTok) uint32 {
	v := id<<8 | uint32(name)<<4 | uint32(t.role)
	if t.initial {
		v |= 1 << 2
	}
	return v
}

func tokID(v uint32) uint32       { return v >> 8 }
func tokName(v uint32) int        { return int(v>>4) & 0xf }
func tokRole(v uint32) names.Role { return names.Role(v & 3) }
func tokInitial(v uint32) bool    { return v&(1<<2) != 0 }
func natCode(s string) uint32 {
	if len(s) != 2 {
		return 0
	}
	return uint32(s[0])<<8 | uint32(s[1])
}

// Add indexes a person, replacing the person of the same id if any. A person
// without any name token is only removed.
func (x *Index) Add(p Person) {
	var parsed [][]parsedTok
	for _, n := range p.Names {
		if len(parsed) == MaxNames {
			break
		}
		if toks := parseName(n); len(toks) > 0 {
			parsed = append(parsed, toks)
		}
	}
	e := entry{id: p.ID, owner: p.Owner, scope: p.Scope, agencies: p.Agencies}
	if p.Victim {
		e.flags |= flagVictim
	}
	if p.Child {
		e.flags |= flagChild
	}
	e.flags |= uint8(genderOf(p.Gender)) << 2
	for _, d := range p.BirthDates {
		if v := packDate(d); v != 0 {
			e.births = append(e.births, v)
		}
	}
	for i, c := range p.Nationalities {
		if i < 2 {
			e.nats |= natCode(strings.ToUpper(c)) << (16 * i)
		}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(p.ID)
	if len(parsed) == 0 {
		return
	}
	for ni, toks := range parsed {
		for _, t := range toks {
			id := x.d.intern(t.text)
			e.toks = append(e.toks, packTok(id, ni, t))
		}
	}
	var doc uint32
	if n := len(x.free); n > 0 {
		doc, x.free = x.free[n-1], x.free[:n-1]
		x.docs[doc] = e
	} else {
		doc = uint32(len(x.docs))
		x.docs = append(x.docs, e)
		x.byear = append(x.byear, 0)
	}
	switch len(e.births) {
	case 0:
		x.byear[doc] = 0
	case 1:
		x.byear[doc] = uint16(e.births[0] >> 9)
	default:
		x.byear[doc] = 1
	}
	x.byID[p.ID] = doc
	for len(x.post) < len(x.d.toks) {
		x.post = append(x.post, nil)
	}
	for _, v := range e.toks {
		t := tokID(v)
		if x.post[t] == nil {
			x.post[t] = roaring.New()
		}
		x.post[t].Add(doc)
	}
	x.n++
}

// Update is Add: it replaces the indexed person of the same id.
func (x *Index) Update(p Person) { x.Add(p) }

// Remove takes a record out of the index; an unknown id is not an error.
func (x *Index) Remove(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(id)
}

func (x *Index) removeLocked(id string) {
	doc, ok := x.byID[id]
	if !ok {
		return
	}
	for _, v := range x.docs[doc].toks {
		x.post[tokID(v)].Remove(doc)
	}
	x.docs[doc] = entry{}
	x.free = append(x.free, doc)
	delete(x.byID, id)
	x.n--
}

// Optimize compacts the postings after a bulk load (run-length containers);
// searches are faster and the index smaller.
func (x *Index) Optimize() {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, b := range x.post {
		if b != nil {
			b.RunOptimize()
		}
	}
}

func genderOf(s string) names.Gender {
	switch strings.ToLower(s) {
	case "male", "m":
		return names.GenderMale
	case "female", "f":
		return names.GenderFemale
	}
	return names.GenderUnknown
}

// packDate packs YYYY[-MM[-DD]] into year<<9 | month<<5 | day; 0 when invalid.
func packDate(s string) uint32 {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0
	}
	num := func(t string) uint32 {
		var v uint32
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 1 << 30
			}
			v = v*10 + uint32(t[i]-'0')
		}
		return v
	}
	y := num(s[:4])
	if y < 1800 || y > 2200 {
		return 0
	}
	var m, d uint32
	if len(s) >= 7 && s[4] == '-' {
		m = num(s[5:7])
	}
	if len(s) == 10 && s[7] == '-' {
		d = num(s[8:10])
	}
	if m > 12 || d > 31 {
		return 0
	}
	return y<<9 | m<<5 | d
}
