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
	splits   []split // never changed once stored, like matches
	initials uint32  // the token's, as qtok.measure sets them
	letters  int
}

// cachedMatches sets the matches of a query token and the ways it splits
// into two indexed tokens (splitsOf), computing and caching them when
// needed, and the token's initials and letters; a cached token needs no
// Form. A token the MRZ may have truncated is cached apart (its prefix
// matches differ), and so is, with exact, the concatenation of query parts
// (a compound's, compared only with the tokens exactCandidates finds, and
// never split). The caller holds x.mu for reading.
func (x *Index) cachedMatches(qt *qtok, exact bool) {
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
		qt.initials, qt.letters, qt.matches, qt.splits = e.initials, e.letters, e.matches, e.splits
		return
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
	var splits []split
	if !exact && !qt.truncated && qt.letters >= 2*minHalf {
		splits = x.splitsOf(qt)
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= maxCached {
		c.entries = map[string]cachedMatch{} // simple and bounded: start again
	}
	c.entries[key] = cachedMatch{dictLen: len(x.d.toks), matches: m, splits: splits, initials: qt.initials, letters: qt.letters}
	c.mu.Unlock()
	qt.matches, qt.splits = m, splits
}
