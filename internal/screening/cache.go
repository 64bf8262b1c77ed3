package screening

import (
	"sync"

	"github.com/iforce-platform/iforce/internal/names"
)

// maxCached bounds the query tokens whose dictionary matches are cached.
const maxCached = 100_000

// matchCache keeps, per query token, the dictionary tokens that can stand
// for it. Queries repeat their tokens (given names, common surnames) far
// more than they repeat whole names, and matching a token against the
// dictionary is most of the cost of a search. An entry is valid while the
// dictionary has not grown since it was computed; the maps are never
// changed once stored, so concurrent searches share them.
type matchCache struct {
	mu      sync.Mutex
	entries map[string]cachedMatch
}

type cachedMatch struct {
	dictLen  int
	matches  map[uint32]names.Match
	initials uint32 // the token's, as qtok.measure sets them
	letters  int
}

// cachedMatches returns the matches of a query token, computing and caching
// them when needed, and sets the token's initials and letters; a cached
// token needs no Form. A token the MRZ may have truncated is cached apart
// (its prefix matches differ). The caller holds x.mu for reading.
func (x *Index) cachedMatches(qt *qtok) map[uint32]names.Match {
	return x.cachedMatchesOf(qt, false)
}

// cachedMatchesOf is cachedMatches; with exact, only the tokens
// exactCandidates finds are compared (a compound's), and cached apart.
func (x *Index) cachedMatchesOf(qt *qtok, exact bool) map[uint32]names.Match {
	c := &x.cache
	key := qt.text
	if qt.truncated {
		key = "<" + key
	}
	if exact {
		key = "+" + key
	}
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && e.dictLen == len(x.d.toks) {
		qt.initials, qt.letters = e.initials, e.letters
		return e.matches
	}
	qt.measure()
	m := map[uint32]names.Match{}
	var ids []uint32
	phonetic := 0
	if exact {
		ids = x.d.exactCandidates(qt.text, qt.truncated)
		phonetic = len(ids)
	} else {
		ids, phonetic = x.d.candidates(qt.text, qt.truncated)
	}
	for i, id := range ids {
		dt := &x.d.toks[id]
		if i >= phonetic && !names.PhoneticMay(qt.Form(), dt.form) {
			continue
		}
		if r := compareTok(qt, dt); r.Route != names.RouteNone {
			m[id] = r
		}
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= maxCached {
		c.entries = map[string]cachedMatch{} // simple and bounded: start again
	}
	c.entries[key] = cachedMatch{dictLen: len(x.d.toks), matches: m, initials: qt.initials, letters: qt.letters}
	c.mu.Unlock()
	return m
}
