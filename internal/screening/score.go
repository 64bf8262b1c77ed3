package screening

import (
	"math"
	"strings"

	"github.com/iforce-platform/iforce/internal/names"
)

// Explanation says why a record scored as it did.
type Explanation struct {
	// Name is the record's name that matched best, as indexed.
	Name string `json:"name"`
	// Parts pairs the query's name parts with the record's.
	Parts []PartMatch `json:"parts"`
	// Unmatched are query parts no part of the record's name matched.
	Unmatched []string `json:"unmatched,omitempty"`
	// Reordered is set when the parts matched in another order or role
	// (Hungarian order, "LAST, First", given name and surname swapped).
	Reordered bool `json:"reordered"`
	// NameScore is the name similarity in [0, 1] before the qualifiers.
	NameScore float64 `json:"nameScore"`
	// Adjustments are how birth date, nationality, gender and the evidence
	// rules moved the score.
	Adjustments []Adjustment `json:"adjustments,omitempty"`
}

// PartMatch is one query name part matched to one record name part.
type PartMatch struct {
	Query      string  `json:"query"`
	QueryRole  string  `json:"queryRole"`
	Record     string  `json:"record"`
	RecordRole string  `json:"recordRole"`
	Route      string  `json:"route"` // a names route constant, or "initial"
	Score      float64 `json:"score"`
	// Joined is set when one side writes as one word what the other
	// writes as two (Abdulrahman, Abdul Rahman): Query or Record then
	// holds both parts, separated by a space.
	Joined bool `json:"joined,omitempty"`
}

// Adjustment is how one qualifier moved the score.
type Adjustment struct {
	Factor  string  `json:"factor"`  // birthDate, nationality, gender, evidence
	Outcome string  `json:"outcome"` // exact, year, same-year, near-year, mismatch, match, short-name, common-name
	Delta   float64 `json:"delta"`
	// Namesakes, for a common name, is how many persons the caller may
	// see carry the name (name score of at least 0.9).
	Namesakes int `json:"namesakes,omitempty"`
}

// RouteInitial is the route of an initial matched to a given name.
const RouteInitial = "initial"

// Score weights. Given names match by cognate more loosely than surnames,
// so they weigh less; middle names and patronymics are often missing on
// one side, so they weigh little, and less still when unmatched.
const (
	wSurname       = 1.0
	wGiven         = 0.8
	wMiddle        = 0.35
	wUnknown       = 0.9
	wInitial       = 0.3
	wMissingMinor  = 0.1 // an unmatched patronymic or middle name
	nameScale      = 0.92
	roleMismatch   = 0.9
	initialScore   = 0.7
	genderFormPart = 0.25 // share of a gender-form match counted
)

// Qualifier deltas.
const (
	dBirthExact    = 0.06
	dBirthYear     = 0.03
	dBirthSameYear = -0.05 // same year, another day: a typing error is likely
	dBirthNearYear = -0.10 // a year apart
	dBirthMismatch = -0.30 // an identical name stays below the default threshold, whatever else agrees
	dNatMatch      = 0.02
	dNatMismatch   = -0.04
	dGenderMatch   = 0.01
	dGenderMism    = -0.15
	dShortName     = -0.25
	dCommonName    = -0.10 // a name-only match of a common name: loose routes fall below the default threshold
)

// A name is common when more than commonNamesakes of the persons a query
// may see carry it, that is match it with a name score of at least
// namesakeScore (the same name, in any script or system). Only visible
// persons are counted: the count never tells of a hidden record.
const (
	commonNamesakes = 3
	namesakeScore   = 0.9
)

func weight(role names.Role, initial, firstGiven bool) float64 {
	switch {
	case initial:
		return wInitial
	case role == names.RoleSurname:
		return wSurname
	case role == names.RoleGiven && firstGiven:
		return wGiven
	case role == names.RoleGiven, role == names.RolePatronymic:
		return wMiddle
	}
	return wUnknown
}

func minor(role names.Role, firstGiven bool) bool {
	return role == names.RolePatronymic || role == names.RoleGiven && !firstGiven
}

// score scores an entry against a prepared query, of which namesakes
// persons carry the name; with ex non-nil it also explains the score.
func (x *Index) score(p *prepared, e *entry, namesakes int, ex *Explanation) float64 {
	best, rec := x.bestName(p, e)
	if best < 0 {
		return 0
	}
	if ex != nil {
		x.nameScore(p, rec, ex)
	}
	return x.adjust(p, e, best, rec, namesakes, ex)
}

// bestName returns the name score of the entry's best matching name and
// that name's tokens (-1 and nil for an entry without names).
func (x *Index) bestName(p *prepared, e *entry) (float64, []uint32) {
	best, bestName := -1.0, 0
	for start := 0; start < len(e.toks); {
		ni := tokName(e.toks[start])
		end := start
		for end < len(e.toks) && tokName(e.toks[end]) == ni {
			end++
		}
		if s := x.nameScore(p, e.toks[start:end], nil); s > best {
			best, bestName = s, start
		}
		start = end
	}
	if best < 0 {
		return -1, nil
	}
	end := bestName
	for end < len(e.toks) && tokName(e.toks[end]) == tokName(e.toks[bestName]) {
		end++
	}
	return best, e.toks[bestName:end]
}

// adjust scales a name score and applies the qualifiers and the evidence
// rules, explaining each into ex when it is non-nil.
func (x *Index) adjust(p *prepared, e *entry, best float64, rec []uint32, namesakes int, ex *Explanation) float64 {
	s := nameScale * best
	add := func(factor, outcome string, d float64) {
		s += d
		if ex != nil {
			ex.Adjustments = append(ex.Adjustments, Adjustment{Factor: factor, Outcome: outcome, Delta: d})
		}
	}
	if p.birth != 0 && len(e.births) > 0 {
		outcome, d := birthRelation(p.birth, e.births)
		add("birthDate", outcome, d)
	}
	if p.nat != 0 && e.nats != 0 {
		if e.nats&0xffff == p.nat || e.nats>>16 == p.nat {
			add("nationality", "match", dNatMatch)
		} else {
			add("nationality", "mismatch", dNatMismatch)
		}
	}
	if g := names.Gender(e.flags >> 2 & 3); p.gender != names.GenderUnknown && g != names.GenderUnknown {
		if g == p.gender {
			add("gender", "match", dGenderMatch)
		} else {
			add("gender", "mismatch", dGenderMism)
		}
	}
	// Short names need more evidence: when every matched part has at most
	// three letters, a birth date must confirm.
	confirmed := p.birth != 0 && birthConfirms(p.birth, e.births)
	switch {
	case confirmed:
	case best > 0 && x.allShort(p, rec):
		add("evidence", "short-name", dShortName)
	case namesakes > commonNamesakes:
		// A common name needs more evidence too: many persons carry it.
		add("evidence", "common-name", dCommonName)
		if ex != nil {
			ex.Adjustments[len(ex.Adjustments)-1].Namesakes = namesakes
		}
	}
	s = math.Round(min(max(s, 0), 1)*1000) / 1000
	return s
}

func birthConfirms(q uint32, births []uint32) bool {
	o, _ := birthRelation(q, births)
	return o == "exact" || o == "year"
}

// birthRelation compares the query's birth date with the record's, taking
// the closest.
func birthRelation(q uint32, births []uint32) (string, float64) {
	best, bestD := "mismatch", dBirthMismatch
	for _, b := range births {
		qy, by := q>>9, b>>9
		qm, bm := q>>5&0xf, b>>5&0xf
		qd, bd := q&0x1f, b&0x1f
		switch {
		case q == b && qd != 0:
			return "exact", dBirthExact
		case qy == by && (qm == 0 || bm == 0 || qm == bm && (qd == 0 || bd == 0)):
			best, bestD = "year", dBirthYear
		case qy == by && qm == bd && qd == bm:
			best, bestD = "year", dBirthYear // day and month swapped
		case qy == by && bestD < dBirthSameYear:
			best, bestD = "same-year", dBirthSameYear
		case (qy == by+1 || by == qy+1) && bestD < dBirthNearYear:
			best, bestD = "near-year", dBirthNearYear
		}
	}
	return best, bestD
}

// allShort reports whether every query part that matches a part of rec has
// at most three letters.
func (x *Index) allShort(p *prepared, rec []uint32) bool {
	if p.compoundLong(rec) {
		return false
	}
	for i := range p.toks {
		for _, v := range rec {
			if m, ok := p.toks[i].matches[tokID(v)]; ok && m.OK && x.d.toks[tokID(v)].letters > 3 {
				return false
			}
		}
	}
	return true
}

type pair struct {
	i, j  int
	s     float64
	route string
	moreQ int // query parts i+1… i+moreQ written with i as one record part j (a join)
	moreR int // record part j+1 that query part i also covers (a split: 0 or 1)
}

// roleScaled lowers a part's score when both sides tell its role and they
// differ.
func roleScaled(qr, rr names.Role, s float64) float64 {
	if qr != names.RoleUnknown && rr != names.RoleUnknown && qr != rr {
		return s * roleMismatch
	}
	return s
}

// masks returns the query and record parts a pair uses.
func (pr pair) masks() (q, r uint32) {
	q = (1<<(pr.moreQ+1) - 1) << pr.i
	r = (1<<(pr.moreR+1) - 1) << pr.j
	return q, r
}

// nameScore scores one record name: a greedy best pairing of query and
// record parts, weighted by role, as a share of the weight of both names
// (a Dice coefficient over weighted parts).
func (x *Index) nameScore(p *prepared, rec []uint32, ex *Explanation) float64 {
	var buf [MaxTokens * MaxTokens]pair
	pairs := buf[:0]
	for i := range p.toks {
		qt := &p.toks[i]
		for j, v := range rec {
			id := tokID(v)
			s, route := 0.0, ""
			if m, ok := x.lookup(qt, id); ok {
				s, route = m.Score, m.Route
				if !m.OK {
					s *= genderFormPart
				}
			} else if qt.initial && x.d.toks[id].initials&qt.initials != 0 && tokRole(v) != names.RoleSurname {
				s, route = initialScore, RouteInitial
			} else if tokInitial(v) && !qt.initial && qt.initials&x.d.toks[id].initials != 0 && qt.role != names.RoleSurname {
				s, route = initialScore, RouteInitial
			}
			if s == 0 {
				continue
			}
			pairs = append(pairs, pair{i: i, j: j, s: roleScaled(qt.role, tokRole(v), s), route: route})
		}
	}
	pairs = x.compoundPairs(p, rec, pairs)
	// Greedy: best pairs first, each part used once.
	for a := 1; a < len(pairs); a++ {
		for b := a; b > 0 && pairs[b].s > pairs[b-1].s; b-- {
			pairs[b], pairs[b-1] = pairs[b-1], pairs[b]
		}
	}
	var usedQ, usedR uint32
	qFirst := firstGivenIndex(len(p.toks), func(i int) (names.Role, bool) { return p.toks[i].role, p.toks[i].initial })
	rFirst := firstGivenIndex(len(rec), func(j int) (names.Role, bool) { return tokRole(rec[j]), tokInitial(rec[j]) })
	wq := func(i int) float64 { return weight(p.toks[i].role, p.toks[i].initial, i == qFirst) }
	wr := func(j int) float64 { return weight(tokRole(rec[j]), tokInitial(rec[j]), j == rFirst) }
	num, den := 0.0, 0.0
	var cbuf [MaxTokens]pair
	chosen := cbuf[:0]
	for _, pr := range pairs {
		mq, mr := pr.masks()
		if usedQ&mq != 0 || usedR&mr != 0 {
			continue
		}
		usedQ |= mq
		usedR |= mr
		w := 0.0
		for i := pr.i; i <= pr.i+pr.moreQ; i++ {
			w += wq(i)
		}
		for j := pr.j; j <= pr.j+pr.moreR; j++ {
			w += wr(j)
		}
		num += w * pr.s
		den += w
		chosen = append(chosen, pr)
	}
	for i := range p.toks {
		if usedQ&(1<<i) == 0 {
			if minor(p.toks[i].role, i == qFirst) {
				den += wMissingMinor
			} else {
				den += wq(i)
			}
		}
	}
	for j := range rec {
		if usedR&(1<<j) == 0 {
			if minor(tokRole(rec[j]), j == rFirst) || tokRole(rec[j]) == names.RoleUnknown && len(rec) > 2 && p.hasPatronymicGap() {
				den += wMissingMinor
			} else {
				den += wr(j)
			}
		}
	}
	if den == 0 {
		return 0
	}
	score := num / den
	if ex != nil {
		x.explain(p, rec, chosen, usedQ, score, ex)
	}
	return score
}

// hasPatronymicGap reports whether the query has no patronymic: a record
// name of three unknown-role parts then likely carries one.
func (p *prepared) hasPatronymicGap() bool {
	for _, t := range p.toks {
		if t.role == names.RolePatronymic {
			return false
		}
	}
	return len(p.toks) == 2
}

func firstGivenIndex(n int, at func(int) (names.Role, bool)) int {
	for i := 0; i < n; i++ {
		if r, initial := at(i); r == names.RoleGiven && !initial {
			return i
		}
	}
	return -1
}

func (x *Index) explain(p *prepared, rec []uint32, chosen []pair, usedQ uint32, score float64, ex *Explanation) {
	texts := make([]string, len(rec))
	for j, v := range rec {
		texts[j] = x.d.toks[tokID(v)].text
	}
	ex.Name = strings.Join(texts, " ")
	ex.NameScore = math.Round(score*1000) / 1000
	ex.Parts = nil
	// Parts in query order.
	for i := range p.toks {
		for _, pr := range chosen {
			if pr.i != i {
				continue
			}
			v := rec[pr.j]
			pm := PartMatch{Query: p.toks[i].text, QueryRole: p.toks[i].role.String(), Record: texts[pr.j],
				RecordRole: tokRole(v).String(), Route: pr.route, Score: math.Round(pr.s*1000) / 1000, Joined: pr.moreQ+pr.moreR > 0}
			for k := 1; k <= pr.moreQ; k++ {
				pm.Query += " " + p.toks[i+k].text
			}
			for k := 1; k <= pr.moreR; k++ {
				pm.Record += " " + texts[pr.j+k]
			}
			ex.Parts = append(ex.Parts, pm)
			qr, rr := p.toks[i].role, tokRole(v)
			if qr != names.RoleUnknown && rr != names.RoleUnknown && qr != rr {
				ex.Reordered = true
			}
		}
	}
	// Crossed positions where the roles do not tell: reordered too.
	unknown := func(pr pair) bool {
		return p.toks[pr.i].role == names.RoleUnknown || tokRole(rec[pr.j]) == names.RoleUnknown
	}
	for a := range chosen {
		for b := range chosen {
			if chosen[a].i < chosen[b].i && chosen[a].j > chosen[b].j && (unknown(chosen[a]) || unknown(chosen[b])) {
				ex.Reordered = true
			}
		}
	}
	for i := range p.toks {
		if usedQ&(1<<i) == 0 {
			ex.Unmatched = append(ex.Unmatched, p.toks[i].text)
		}
	}
}
