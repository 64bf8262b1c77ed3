package screening

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/names"
)

// DefaultThreshold is the score below which Search drops a candidate when
// the query gives no threshold. At 0.70 a name needs its surname and its
// given name to match by some route (a lone surname, or the same surname
// with another given name, stays below); see docs/benchmarks.md for the
// precision and recall it gives.
const DefaultThreshold = 0.70

// DefaultLimit and MaxLimit bound the results of one search.
const (
	DefaultLimit = 10
	MaxLimit     = 100
)

// maxScored bounds the candidate records scored for one query (those a
// birth date rules out are not counted: they cost no scoring).
const maxScored = 50000

// Query is a screening request: a full name or its parts, and the
// qualifiers that confirm or contradict a match.
type Query struct {
	Name                                        string // a full name in any form Parse understands
	FirstName, MiddleName, Patronymic, LastName string
	BirthDate                                   string // YYYY, YYYY-MM or YYYY-MM-DD
	Nationality                                 string // ISO 3166-1 alpha-2
	Gender                                      string // male, female, other
	Threshold                                   float64
	Limit                                       int
}

// ErrNoName is returned for a query without any name token.
var ErrNoName = errors.New("screening: the query has no name")

// Result is one screening hit.
type Result struct {
	ID          string
	Score       float64
	Explanation Explanation
}

// qtok is a query token prepared for scoring.
type qtok struct {
	parsedTok
	form     *names.Form            // built on first use (Form): a cached token's matches need none
	initials uint32                 // bit c-'a' set when a variant starts with letter c (set by measure)
	letters  int                    // letters of its first variant (set by measure)
	matches  map[uint32]names.Match // dict token id → match, for tokens that relate (shared: read only)
	extra    map[uint32]names.Match // matches computed on demand for this query (truncated tokens, rescues)
	splits   []split                // its halves as two adjacent record parts (shared: read only)
	// prefixGroups are the cognate groups a truncated token can stand for
	// (prefixCognates), computed on first use.
	prefixGroups []uint32
	prefixDone   bool
}

// Form returns the token's prepared form, building it on first use. A
// qtok belongs to one search, so no lock is needed.
func (qt *qtok) Form() *names.Form {
	if qt.form == nil {
		qt.form = names.NewForm(qt.text)
	}
	return qt.form
}

// prefixCognates returns, once computed, the cognate groups a token the
// MRZ may have cut short can stand for (names.PrefixCognates).
func (qt *qtok) prefixCognates() []uint32 {
	if !qt.prefixDone {
		qt.prefixGroups, qt.prefixDone = names.PrefixCognates(qt.text), true
	}
	return qt.prefixGroups
}

// measure sets initials and letters from the token's variants.
func (qt *qtok) measure() {
	qt.initials, qt.letters = 0, 0
	for _, v := range qt.Form().Variants() {
		if v.Text != "" && v.Text[0] >= 'a' && v.Text[0] <= 'z' {
			qt.initials |= 1 << (v.Text[0] - 'a')
		}
		if qt.letters == 0 {
			qt.letters = len(v.Text)
		}
	}
}

// prepared is a query ready to run against an index.
type prepared struct {
	toks    []qtok
	joins   []join // adjacent parts read as one word
	rescues int    // comparisons rescue made
	// rescueAll is set when the query's parts select few records: rescue
	// may then compare a part the keys did not relate to a record's.
	rescueAll bool
	birth     uint32
	nat       uint32
	gender    names.Gender
	q         Query
}

func prepare(q Query) (*prepared, error) {
	n := Name{Full: q.Name, First: q.FirstName, Middle: q.MiddleName, Patronymic: q.Patronymic, Last: q.LastName}
	if strings.TrimSpace(q.Name) != "" && (q.FirstName != "" || q.LastName != "" || q.MiddleName != "" || q.Patronymic != "") {
		n.Full = "" // the structured parts tell the roles
	}
	toks, fullGender := parseNameGender(n)
	if len(toks) == 0 {
		return nil, ErrNoName
	}
	p := &prepared{birth: packDate(q.BirthDate), nat: natCode(strings.ToUpper(q.Nationality)), gender: genderOf(q.Gender), q: q}
	for _, t := range toks {
		qt := qtok{parsedTok: t}
		if t.initial {
			qt.measure() // an initial selects nothing: its letters are all it has
		}
		p.toks = append(p.toks, qt)
	}
	p.prepareJoins()
	if p.gender == names.GenderUnknown {
		p.gender = fullGender
		if n.Full == "" {
			p.gender = names.Parse(strings.Join(tokenTexts(toks), " ")).Gender
		}
	}
	if p.q.Threshold <= 0 {
		p.q.Threshold = DefaultThreshold
	}
	if p.q.Limit <= 0 {
		p.q.Limit = DefaultLimit
	}
	p.q.Limit = min(p.q.Limit, MaxLimit)
	return p, nil
}

func tokenTexts(ts []parsedTok) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// Search returns the persons visible under v whose names match the query,
// best first, at most q.Limit of them with a score of at least q.Threshold.
// Visibility is checked on every candidate before it is scored, with the
// same rule (access.Visibility.Match) that decides single reads, so a hidden
// record never reaches the results.
func (x *Index) Search(q Query, v access.Visibility) ([]Result, error) {
	p, err := prepare(q)
	if err != nil {
		return nil, err
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	if v.None {
		return nil, nil
	}
	sets := x.tokenMatches(p)
	cands, need, few := candidateDocs(sets)
	p.rescueAll = few
	yearFilter := p.birth != 0 && nameScale+dBirthMismatch+dNatMatch+dGenderMatch < p.q.Threshold
	qy := p.birth >> 9
	type hit struct {
		doc   uint32
		score float64  // the name score, then the final score
		name  []uint32 // the tokens of the best name
	}
	// First the name scores, counting the namesakes: whether the name is
	// common decides the evidence a hit needs. Only names that qualifiers
	// could lift to the threshold are kept.
	var hits []hit
	namesakes := 0
	it := cands.Iterator()
	for scored := 0; it.HasNext() && scored < maxScored; {
		doc := it.Next()
		if yearFilter {
			// A birth date more than a year off costs more than any
			// qualifier gives back: even an identical name stays below.
			if y := uint32(x.byear[doc]); y > 1 && (y+1 < qy || y > qy+1) || y == 1 && !yearPossible(p.birth, x.docs[doc].births) {
				continue
			}
		}
		e := &x.docs[doc]
		obj := e.object()
		if e.id == "" || !v.Match(&obj) {
			continue
		}
		if n := x.matchedParts(p, sets, e); n < need && (n+1 < need || !x.rescue(p, sets, e)) {
			continue
		}
		scored++
		best, name := x.bestName(p, e)
		if best >= namesakeScore {
			namesakes++
		}
		if nameScale*best+dBirthExact+dNatMatch+dGenderMatch >= p.q.Threshold {
			hits = append(hits, hit{doc, best, name})
		}
	}
	kept := hits[:0]
	for _, h := range hits {
		if h.score = x.adjust(p, &x.docs[h.doc], h.score, h.name, namesakes, nil); h.score >= p.q.Threshold {
			kept = append(kept, h)
		}
	}
	hits = kept
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(x.docs[a.doc].id, x.docs[b.doc].id)
	})
	if len(hits) > p.q.Limit {
		hits = hits[:p.q.Limit]
	}
	out := make([]Result, len(hits))
	for i, h := range hits {
		e := &x.docs[h.doc]
		out[i].ID = e.id
		out[i].Score = x.score(p, e, namesakes, &out[i].Explanation)
	}
	return out, nil
}

// object is the access policy's view of an entry.
func (e *entry) object() access.Object {
	return access.Object{Owner: e.owner, Scope: e.scope, Agencies: e.agencies,
		Victim: e.flags&flagVictim != 0, Child: e.flags&flagChild != 0}
}

// yearPossible reports whether a record's birth dates leave a match
// possible with the query's: none known, or one within a year. A birth date
// further off costs more than any qualifier can give back, so even an
// identical name stays below the default threshold.
func yearPossible(q uint32, births []uint32) bool {
	if len(births) == 0 {
		return true
	}
	y := q >> 9
	for _, b := range births {
		if by := b >> 9; by+1 >= y && by <= y+1 {
			return true
		}
	}
	return false
}

// tokenMatches finds, for each query token, the dictionary tokens that can
// stand for it, and returns their postings (nil for a token that selects
// nothing on its own: an initial, or an MRZ token too short for the prefix
// keys).
func (x *Index) tokenMatches(p *prepared) [][]*roaring.Bitmap {
	sets := make([][]*roaring.Bitmap, len(p.toks))
	for i := range p.toks {
		qt := &p.toks[i]
		if qt.initial {
			continue
		}
		x.cachedMatches(qt, false)
		if qt.truncated && qt.letters < prefixLen {
			continue // too short for the prefix keys: the other parts find the records
		}
		bms := []*roaring.Bitmap{} // non-nil: the token takes part
		for id, m := range qt.matches {
			if m.OK && int(id) < len(x.post) && x.post[id] != nil {
				bms = append(bms, x.post[id])
			}
		}
		// A given name also selects the records that give only its
		// initial (Petr Ivanov, P. Ivanov).
		if qt.role != names.RoleSurname {
			for _, id := range x.initialTokens(qt) {
				if int(id) < len(x.post) && x.post[id] != nil {
					bms = append(bms, x.post[id])
				}
			}
		}
		sets[i] = bms
	}
	x.compoundSets(p, sets)
	return sets
}

// candidateDocs returns the documents to score and how many query tokens
// each must match. A record matching at least two of the k selecting query
// tokens (or the only one) carries one of the k-1 rarest, so only their
// postings are united: the commonest token (Oleksandr, Ivan) is never
// materialised, and scoring checks the rest. When the query's parts
// select few records in all (at most maxRescueDocs when a part selects
// none, maxKeyedRescueDocs otherwise), every record one of them selects is
// a candidate, and few reports it: rescue may then compare the other parts
// with the record's directly.
func candidateDocs(sets [][]*roaring.Bitmap) (cands *roaring.Bitmap, need int, few bool) {
	type sel struct {
		bms  []*roaring.Bitmap
		size uint64
	}
	var live []sel
	for _, bms := range sets {
		if bms == nil {
			continue
		}
		var n uint64
		for _, b := range bms {
			n += b.GetCardinality()
		}
		live = append(live, sel{bms, n})
	}
	if len(live) == 0 {
		return roaring.New(), 1, false
	}
	slices.SortFunc(live, func(a, b sel) int { return cmp.Compare(a.size, b.size) })
	drivers := live
	need = 1
	if len(live) >= 2 {
		drivers, need = live[:len(live)-1], 2
	}
	// A part the keys did not relate to a record's (a typo on top of a
	// transcription, a short foreign name) would leave it one part short:
	// when the parts select few records in all, each is a candidate, for
	// rescue to compare the missing part with the record's parts.
	if len(live) >= 2 {
		var n uint64
		for _, l := range live {
			n += l.size
		}
		limit := uint64(maxKeyedRescueDocs)
		if len(live[0].bms) == 0 {
			limit = maxRescueDocs
		}
		if few = n <= limit; few {
			drivers = live
		}
	}
	var bms []*roaring.Bitmap
	for _, d := range drivers {
		bms = append(bms, d.bms...)
	}
	return roaring.FastOr(bms...), need, few
}

// matchedParts counts the query tokens that take part in selection and
// match some token of e, alone or as a compound (a join or a split).
func (x *Index) matchedParts(p *prepared, sets [][]*roaring.Bitmap, e *entry) int {
	n := 0
	for i := range p.toks {
		if sets[i] == nil {
			continue
		}
		if x.matchesPart(p, i, e) {
			n++
		}
	}
	return n
}

// matchesPart reports whether query part i matches some part of e, alone
// (by its candidates or a rescue), as a compound, or, for a given name, as
// the initial e gives.
func (x *Index) matchesPart(p *prepared, i int, e *entry) bool {
	qt := &p.toks[i]
	for _, v := range e.toks {
		if m, ok := qt.matches[tokID(v)]; ok && m.OK {
			return true
		}
		if m, ok := qt.extra[tokID(v)]; ok && m.OK {
			return true
		}
		if tokInitial(v) && !qt.initial && qt.role != names.RoleSurname && qt.initials&x.d.toks[tokID(v)].initials != 0 {
			return true
		}
	}
	return p.compoundMatched(i, e)
}

// initialTokens returns the one-letter tokens (initials) a query token's
// renderings begin with.
func (x *Index) initialTokens(qt *qtok) []uint32 {
	var out []uint32
	for c := range 26 {
		if qt.initials&(1<<c) != 0 {
			out = append(out, x.d.letters[c]...)
		}
	}
	return out
}

// lookup returns the match of a query token with a dictionary token: one its
// candidates reached, or one compared on demand for this query (rescue).
// For a token the MRZ may have truncated, tokens its candidates did not
// reach are compared on demand (the prefix keys need four letters).
func (x *Index) lookup(qt *qtok, id uint32) (names.Match, bool) {
	if m, ok := qt.matches[id]; ok {
		return m, ok
	}
	if m, ok := qt.extra[id]; ok {
		return m, m.Route != names.RouteNone
	}
	if !qt.truncated {
		return names.Match{}, false
	}
	m := x.compareExtra(qt, id)
	return m, m.Route != names.RouteNone
}

// compareExtra compares a query token with a dictionary token its
// candidates did not reach, and keeps the result for this query.
func (x *Index) compareExtra(qt *qtok, id uint32) names.Match {
	m := compareTok(qt, &x.d.toks[id])
	if qt.extra == nil {
		qt.extra = map[uint32]names.Match{}
	}
	qt.extra[id] = m
	return m
}

// maxRescueDocs bounds the records selected for a rescue when a query part
// selects none, maxKeyedRescueDocs when every part selects some (a rescue
// then costs comparisons on every query of a small index), and maxRescues
// the comparisons it makes for one query.
const (
	maxRescueDocs      = 2000
	maxKeyedRescueDocs = 200
	maxRescues         = 500
)

// rescue compares a query part that the blocking keys did not relate to
// any part of e with the parts of e, which matches one part fewer than it
// needs: the keys are built for recall, but a typo on top of a
// transcription (Kawaljjou, Kavalyow) or a short foreign name (Roya, როია)
// can escape them while CompareForms relates the two. It runs only when
// the query's parts select few records (p.rescueAll). It reports whether e
// then matches enough parts. At most maxRescues comparisons a query.
func (x *Index) rescue(p *prepared, sets [][]*roaring.Bitmap, e *entry) bool {
	if !p.rescueAll {
		return false
	}
	for i := range p.toks {
		qt := &p.toks[i]
		if sets[i] == nil || x.matchesPart(p, i, e) {
			continue
		}
		for _, v := range e.toks {
			id := tokID(v)
			if _, ok := qt.matches[id]; ok {
				continue // related by the keys already, and no match
			}
			m, ok := qt.extra[id]
			if !ok {
				if p.rescues >= maxRescues {
					return false
				}
				p.rescues++
				m = x.compareExtra(qt, id)
			}
			if m.OK {
				return true
			}
		}
	}
	return false
}

// compareTok compares a query token with a dictionary token; a prefix is
// accepted when the query token is one the MRZ may have truncated.
func compareTok(qt *qtok, dt *dictToken) names.Match {
	m := names.CompareForms(qt.Form(), dt.form)
	cognate := false
	if qt.truncated && !m.OK && m.Route != names.RouteMRZTruncation {
		switch {
		case isPrefixOf(qt.text, dt.form.Variants()):
			m.Route = names.RouteMRZTruncation
		case dt.form.InCognateGroup(qt.prefixCognates()):
			// The MRZ cut short another language's form of the name
			// (JONAT of Jonathan, for Yehonatan).
			m.Route, cognate = names.RouteMRZTruncation, true
		}
	}
	switch m.Route {
	case names.RouteMRZTruncation:
		if !qt.truncated || qt.letters >= dt.letters {
			return names.Match{Route: names.RouteNone}
		}
		m.OK = true
		m.Score = 0.6 + 0.35*float64(qt.letters)/float64(max(dt.letters, 1))
		if cognate {
			m.Score = min(m.Score, 0.75) // a cognate's prefix, not the name's own
		}
	case names.RouteGenderForm:
		// kept, not OK: it lowers the score and is explained
	default:
		if !m.OK {
			return names.Match{Route: names.RouteNone}
		}
	}
	return m
}

// isPrefixOf reports whether the fold of a (an MRZ token) is a proper
// prefix of a Latin rendering of a token, given its variants.
func isPrefixOf(a string, vs []names.Variant) bool {
	fa := names.Fold(a)
	if len(fa) < 2 {
		return false
	}
	for _, v := range vs {
		if len(v.Text) > len(fa) && strings.HasPrefix(v.Text, fa) {
			return true
		}
	}
	return false
}
