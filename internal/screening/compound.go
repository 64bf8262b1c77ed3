package screening

import (
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/iforce-platform/iforce/internal/names"
)

// Compound names are written as one word or as several: Abdulrahman and
// Abdul Rahman, Anamaria and Ana Maria, Xiaolong and Xiao Long, a
// Wade-Giles Dzan³tsiu¹ whose tone digits part its syllables, an MRZ that
// turns every space into a filler (ABDUL<RAHMAN). A query part may stand
// for two adjacent parts of a record's name and two adjacent query parts
// for one record part. Either costs a little of the score (joinFactor) and
// is explained (PartMatch.Joined).

// joinFactor scales the match of two parts written as one.
const joinFactor = 0.95

// minHalf is the fewest letters of either half of a split query part, and
// maxSplit the most letters of a part that is split (no name is longer; a
// longer part costs a lookup a letter for nothing).
const (
	minHalf  = 2
	maxSplit = 40
)

// maxJoined is the most adjacent query parts read as one word (Van der
// Berg, Vanderberg).
const maxJoined = 3

// join is adjacent query parts read as one word.
type join struct {
	i, n int  // the parts i … i+n-1
	qt   qtok // their concatenation
}

// split is a query part read as two adjacent record parts: the dictionary
// tokens that can stand for its first half and for its second.
type split struct {
	a, b map[uint32]names.Match
}

// joinable reports whether two adjacent query parts may be one word written
// apart: neither an initial, the first not truncated by the MRZ (the second
// may be, and then so may the word), the same role and the same script.
func joinable(a, b parsedTok) bool {
	return !a.initial && !b.initial && !a.truncated && a.role == b.role &&
		names.DetectScript(a.text) == names.DetectScript(b.text)
}

// prepareJoins adds to p the concatenations of its runs of two or three
// joinable adjacent parts.
func (p *prepared) prepareJoins() {
	for i := range p.toks {
		text := p.toks[i].text
		for n := 2; n <= maxJoined && i+n <= len(p.toks); n++ {
			if !joinable(p.toks[i+n-2].parsedTok, p.toks[i+n-1].parsedTok) {
				break
			}
			last := p.toks[i+n-1].parsedTok
			text += last.text
			p.joins = append(p.joins, join{i: i, n: n, qt: qtok{parsedTok: parsedTok{text: text, role: last.role, truncated: last.truncated}}})
		}
	}
}

// splitsOf returns the ways a query token's fold divides into two
// halves that are each exactly a rendering of some dictionary token (abdul
// and rahman of abdulrahman, dzan and tsiu of dzantsiu), with the matches
// of those tokens. Only exact renderings are looked up: a half is short,
// and a loose half would meet too much.
func (x *Index) splitsOf(qt *qtok) []split {
	v := names.Fold(qt.text) // not the Form: a cached token has none
	if len(v) > maxSplit {
		return nil
	}
	var out []split
	for k := minHalf; k+minHalf <= len(v); k++ {
		if !utf8.RuneStart(v[k]) {
			continue // the fold keeps the letters of other scripts
		}
		ha, hb := v[:k], v[k:]
		var bufA, bufB [1]uint32
		ia, ib := x.d.keys.get(x.d.hash(keyVariant, ha), &bufA), x.d.keys.get(x.d.hash(keyVariant, hb), &bufB)
		if len(ia) == 0 || len(ib) == 0 {
			continue
		}
		sp := split{a: x.halfMatches(ha, ia), b: x.halfMatches(hb, ib)}
		if len(sp.a) > 0 && len(sp.b) > 0 {
			out = append(out, sp)
		}
	}
	return out
}

// halfMatches compares a half of a query token with the dictionary tokens
// one of whose renderings it is.
func (x *Index) halfMatches(half string, ids []uint32) map[uint32]names.Match {
	f := names.NewForm(half)
	m := map[uint32]names.Match{}
	for _, id := range ids {
		if r := names.CompareForms(f, x.d.toks[id].form); r.OK {
			m[id] = r
		}
	}
	return m
}

// compoundSets adds to the selecting postings of each query part those of
// the records its joins and splits can match: a join's to each of its parts,
// a split's (records carrying both halves) to its part.
func (x *Index) compoundSets(p *prepared, sets [][]*roaring.Bitmap) {
	for k := range p.joins {
		jn := &p.joins[k]
		x.cachedMatches(&jn.qt, true)
		for id, m := range jn.qt.matches {
			if m.OK && int(id) < len(x.post) && x.post[id] != nil {
				for i := jn.i; i < jn.i+jn.n; i++ {
					sets[i] = append(sets[i], x.post[id])
				}
			}
		}
	}
	for i := range p.toks {
		if sets[i] == nil {
			continue
		}
		for _, sp := range p.toks[i].splits {
			a, b := x.union(sp.a), x.union(sp.b)
			if both := roaring.And(a, b); !both.IsEmpty() {
				sets[i] = append(sets[i], both)
			}
		}
	}
}

// union returns the records carrying any of the tokens of m.
func (x *Index) union(m map[uint32]names.Match) *roaring.Bitmap {
	var bms []*roaring.Bitmap
	for id := range m {
		if int(id) < len(x.post) && x.post[id] != nil {
			bms = append(bms, x.post[id])
		}
	}
	return roaring.FastOr(bms...)
}

// compoundMatched reports whether query part i matches some part of e
// through a join or one of its splits.
func (p *prepared) compoundMatched(i int, e *entry) bool {
	for k := range p.joins {
		jn := &p.joins[k]
		if i < jn.i || i >= jn.i+jn.n {
			continue
		}
		for _, v := range e.toks {
			if m, ok := jn.qt.matches[tokID(v)]; ok && m.OK {
				return true
			}
		}
	}
	for _, sp := range p.toks[i].splits {
		if _, _, ok := sp.adjacent(e.toks); ok {
			return true
		}
	}
	return false
}

// adjacent finds two adjacent parts of one record name that the split's
// halves match, in order, and returns their match score and the index of
// the first.
func (sp split) adjacent(toks []uint32) (float64, int, bool) {
	best, at := 0.0, -1
	for j := 0; j+1 < len(toks); j++ {
		if tokName(toks[j]) != tokName(toks[j+1]) {
			continue
		}
		ma, oka := sp.a[tokID(toks[j])]
		mb, okb := sp.b[tokID(toks[j+1])]
		if oka && okb {
			if s := min(ma.Score, mb.Score); s > best {
				best, at = s, j
			}
		}
	}
	return best, at, at >= 0
}

// compoundPairs appends to pairs the scored matches of the query's joins and
// splits with the parts of one record name.
func (x *Index) compoundPairs(p *prepared, rec []uint32, pairs []pair) []pair {
	for k := range p.joins {
		jn := &p.joins[k]
		for j, v := range rec {
			if m, ok := jn.qt.matches[tokID(v)]; ok && m.OK {
				pairs = append(pairs, pair{i: jn.i, j: j, s: roleScaled(jn.qt.role, tokRole(v), m.Score*joinFactor), route: m.Route, moreQ: jn.n - 1})
			}
		}
	}
	for i := range p.toks {
		for _, sp := range p.toks[i].splits {
			if s, j, ok := sp.adjacent(rec); ok && tokRole(rec[j]) == tokRole(rec[j+1]) {
				route := names.RouteIdentical
				if ma := sp.a[tokID(rec[j])]; ma.Route != names.RouteIdentical {
					route = ma.Route
				} else if mb := sp.b[tokID(rec[j+1])]; mb.Route != names.RouteIdentical {
					route = mb.Route
				}
				pairs = append(pairs, pair{i: i, j: j, s: roleScaled(p.toks[i].role, tokRole(rec[j]), s*joinFactor), route: route, moreR: 1})
			}
		}
	}
	return pairs
}

// compoundLong reports whether a join or split of the query matches parts
// of rec: their letters are never few.
func (p *prepared) compoundLong(rec []uint32) bool {
	for k := range p.joins {
		for _, v := range rec {
			if m, ok := p.joins[k].qt.matches[tokID(v)]; ok && m.OK {
				return true
			}
		}
	}
	for i := range p.toks {
		for _, sp := range p.toks[i].splits {
			if _, _, ok := sp.adjacent(rec); ok {
				return true
			}
		}
	}
	return false
}
