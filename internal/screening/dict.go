package screening

import (
	"cmp"
	"hash/maphash"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/iforce-platform/iforce/internal/names"
)

// dict interns the distinct name tokens of the index. Each token is prepared
// once (names.NewForm) however many records carry it, and its blocking keys
// point at token ids, not records: a query first finds the tokens that can
// stand for its own, then the records that carry them. Tokens are never
// removed (a token no record carries any more only costs its keys).
type dict struct {
	seed     maphash.Seed
	ids      map[string]uint32 // normalised token → id
	toks     []dictToken
	keys     keyIndex            // hashed blocking key → token ids
	grams    map[uint32][]uint32 // skeleton trigram → token ids
	counters sync.Pool           // *counters for countShared
	// letters are the one-letter tokens (initials: P, П) by the Latin
	// letter their renderings begin with.
	letters [26][]uint32
}

// dictToken is one distinct token.
type dictToken struct {
	text     string // as normalised by names.Normalize, in its own script
	form     *names.Form
	initials uint32 // bit c-'a' set when a variant starts with letter c
	letters  int    // letters of its first variant
}

// Key kinds, mixed into the hash so that kinds never meet.
const (
	keyVariant   = 'v'
	keySkeleton  = 's'
	keyCognate   = 'c'
	keyPrefix    = 'p'
	keyDelete    = 'd'
	keyFoldDel   = 'f'
	keyPhonetic  = 'h'
	keyConsonant = 'k'
)

// foldDeleteVariants is how many of a token's first variants get
// one-deletion keys on their spelling (beside those on skeletons).
const foldDeleteVariants = 4

// minDeleteLen is the shortest skeleton that gets one-deletion keys (typos).
// minGramLen is the shortest skeleton whose trigrams are kept: only tokens
// of ten letters or more accept two edits. A phonetic key (first vowel and
// consonants) longer than minConsonantKey also gives its consonants alone
// as a key: four consonant symbols or more.
const (
	minDeleteLen    = 4
	minGramLen      = 9
	minConsonantKey = 4
)

// prefixLen is the length of the prefix keys that find MRZ-truncated tokens.
const prefixLen = 4

func newDict() *dict {
	return &dict{seed: maphash.MakeSeed(), ids: map[string]uint32{}, keys: newKeyIndex(), grams: map[uint32][]uint32{}}
}

func (d *dict) hash(kind byte, s string) uint64 {
	var h maphash.Hash
	h.SetSeed(d.seed)
	h.WriteByte(kind)
	h.WriteString(s)
	return h.Sum64()
}

// tokenKeys are the blocking keys of a token: its variants, their
// skeletons, its cognate groups (and those it is a diminutive of) and the
// prefixes of its variants; and the trigrams of its distinct skeletons.
type tokenKeys struct {
	keys  []uint64
	dels  []uint64 // one-deletion keys, kept apart: they select loosely
	phon  []uint64 // phonetic keys, kept apart: their tokens are filtered
	cons  []uint64 // consonant keys, kept apart: they select loosely
	grams []uint32
	// initials and letters as in dictToken.
	initials uint32
	letters  int
	minGrams int // trigrams of its shortest skeleton
}

func (d *dict) keysOf(token string, prefixes bool) tokenKeys {
	var k tokenKeys
	vars := names.Variants(token)
	seen := map[uint64]bool{}
	add := func(kind byte, s string) {
		h := d.hash(kind, s)
		if !seen[h] {
			seen[h] = true
			switch kind {
			case keyDelete, keyFoldDel:
				k.dels = append(k.dels, h)
			case keyPhonetic:
				k.phon = append(k.phon, h)
			case keyConsonant:
				k.cons = append(k.cons, h)
			default:
				k.keys = append(k.keys, h)
			}
		}
	}
	var skels []string
	for i, v := range vars {
		if i == 0 {
			k.letters = len(v.Text)
		}
		add(keyVariant, v.Text)
		if i < foldDeleteVariants && len(v.Text) >= 4 {
			add(keyFoldDel, v.Text) // four letters meet the deletions of five (Vaga, Varga)
			if len(v.Text) >= 5 {
				for j := range len(v.Text) {
					add(keyFoldDel, v.Text[:j]+v.Text[j+1:])
				}
			}
		}
		if v.Text != "" && v.Text[0] >= 'a' && v.Text[0] <= 'z' {
			k.initials |= 1 << (v.Text[0] - 'a')
		}
		if prefixes && len(v.Text) > prefixLen {
			add(keyPrefix, v.Text[:prefixLen])
		}
		if !names.FuzzyRendering(token, v.System) {
			continue // exact routes only, as in names
		}
		if st := names.StemSkeleton(v.Text); len(st) >= 3 {
			add(keySkeleton, st) // meets the skeletons of its other forms
		}
		if sk := names.Skeleton(v.Text); len(sk) >= 3 && !containsString(skels, sk) {
			skels = append(skels, sk)
			add(keySkeleton, sk)
			if ph := names.PhoneticKey(v.Text); ph != "" {
				add(keyPhonetic, ph)
				if len(ph) > minConsonantKey {
					// Without its first vowel: two confusable vowels
					// (Yurushbaev, Yöröshbaev) are a typo's worth, which
					// neither the skeleton nor its deletions bridge.
					add(keyConsonant, ph[1:])
				}
			}
			if len(sk) >= minDeleteLen {
				// Symmetric deletion keys: two skeletons one edit apart
				// (substitution, insertion, deletion or transposition)
				// share one of them. A deletion that leaves two equal
				// symbols side by side collapses them, as the skeleton
				// does (vaxanav less n is vaxav, the skeleton of Wagaow).
				add(keyDelete, sk)
				for i := range len(sk) {
					add(keyDelete, collapse(sk[:i]+sk[i+1:]))
				}
			}
		}
	}
	// A diminutive meets the names it stands for, and their other
	// diminutives, by the keys of their cognate groups.
	for _, id := range names.BlockingGroupIDs(token, vars) {
		add(keyCognate, string([]byte{byte(id >> 24), byte(id >> 16), byte(id >> 8), byte(id)}))
	}
	gseen := map[uint32]bool{}
	for _, sk := range skels {
		if len(sk) < minGramLen {
			continue
		}
		gs := trigrams(sk)
		if k.minGrams == 0 || len(gs) < k.minGrams {
			k.minGrams = len(gs)
		}
		for _, g := range gs {
			if !gseen[g] {
				gseen[g] = true
				k.grams = append(k.grams, g)
			}
		}
	}
	return k
}

// collapse merges what a skeleton never has side by side: a repeated
// symbol, or two vowels (a run of vowels keeps its first).
func collapse(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if n := len(b); n > 0 && (s[i] == b[n-1] || skelVowel(s[i]) && skelVowel(b[n-1])) {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func skelVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'u' }

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// trigrams returns the trigrams of s padded with one space on each side,
// packed into uint32s.
func trigrams(s string) []uint32 {
	p := " " + s + " "
	if len(p) < 3 {
		return nil
	}
	out := make([]uint32, 0, len(p)-2)
	for i := 0; i+3 <= len(p); i++ {
		out = append(out, uint32(p[i])<<16|uint32(p[i+1])<<8|uint32(p[i+2]))
	}
	return out
}

// countShared returns the tokens not in seen that occur in at least need
// of the postings, those occurring in the most first (then by id). It
// counts in a dense array (token ids are dense), which is several times
// faster than a map over the long postings of common keys and trigrams.
func (d *dict) countShared(postings [][]uint32, seen map[uint32]bool, need int) []uint32 {
	// The counters and the list of touched ids come from a pool, and the
	// counters go back zeroed: fresh ones per call (a byte a dictionary
	// token, 372 KB at 5 M persons, and a list grown by appending) made
	// allocation and garbage collection the largest cost of a cold query.
	c, _ := d.counters.Get().(*counters)
	if c == nil {
		c = &counters{}
	}
	defer d.counters.Put(c)
	if len(c.count) < len(d.toks) {
		c.count = make([]uint8, len(d.toks)+len(d.toks)/4)
	}
	count, touched := c.count, c.touched[:0]
	for _, ids := range postings {
		for _, id := range ids {
			if count[id] == 0 {
				touched = append(touched, id)
			}
			if count[id] < 255 {
				count[id]++
			}
		}
	}
	var out []uint32
	for _, id := range touched {
		if int(count[id]) >= need && !seen[id] {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(a, b uint32) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, id := range touched {
		count[id] = 0
	}
	c.touched = touched
	return out
}

// counters are countShared's reusable buffers: zeroed counts for at least
// the dictionary's tokens, and room for the ids it touches.
type counters struct {
	count   []uint8
	touched []uint32
}

// intern returns the id of a normalised token, adding it when new.
func (d *dict) intern(token string) uint32 {
	if id, ok := d.ids[token]; ok {
		return id
	}
	k := d.keysOf(token, true)
	id := uint32(len(d.toks))
	d.toks = append(d.toks, dictToken{text: token, form: names.NewForm(token), initials: k.initials, letters: k.letters})
	d.ids[token] = id
	for _, hs := range [][]uint64{k.keys, k.dels, k.phon, k.cons} {
		for _, h := range hs {
			d.keys.add(h, id)
		}
	}
	for _, g := range k.grams {
		d.grams[g] = append(d.grams[g], id)
	}
	if utf8.RuneCountInString(token) == 1 {
		for c := range 26 {
			if k.initials&(1<<c) != 0 {
				d.letters[c] = append(d.letters[c], id)
			}
		}
	}
	return id
}

// Limits of the token candidates one query token considers.
const (
	maxGramCandidates = 40
	// maxConsonantCandidates is the most tokens a consonant key may hold
	// to add them.
	maxConsonantCandidates = 50
	maxDeleteCandidates    = 300
	maxKeyCandidates       = 4000
)

// exactCandidates returns the ids of the tokens one of whose renderings or
// skeletons is one of token's (and, for a token the MRZ may have truncated,
// that share its prefix): the candidates of a compound, which a typo
// allowance on its length would let meet too much.
func (d *dict) exactCandidates(token string, truncated bool) []uint32 {
	var out []uint32
	seen := map[uint32]bool{}
	var buf [1]uint32
	add := func(kind byte, s string) {
		for _, id := range d.keys.get(d.hash(kind, s), &buf) {
			if !seen[id] && len(out) < maxKeyCandidates {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	for _, v := range names.Variants(token) {
		add(keyVariant, v.Text)
		if sk := names.Skeleton(v.Text); len(sk) >= 3 {
			add(keySkeleton, sk)
		}
		if truncated && len(v.Text) >= prefixLen {
			add(keyPrefix, v.Text[:prefixLen])
		}
	}
	return out
}

// candidates returns the ids of the tokens that share a blocking key with a
// query token, or enough skeleton trigrams to be a typo of it. Prefix keys
// are used only for a token the MRZ may have truncated. The ids from
// out[phonetic:] were found by a phonetic key alone: only the phonetic
// route can relate them (names.PhoneticMay tells cheaply).
func (d *dict) candidates(token string, truncated bool) (out []uint32, phonetic int) {
	k := d.keysOf(token, false)
	seen := map[uint32]bool{}
	addAll := func(ids []uint32) {
		for _, id := range ids {
			if !seen[id] && len(out) < maxKeyCandidates {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	var buf [1]uint32
	for _, h := range k.keys {
		addAll(d.keys.get(h, &buf))
	}
	// Typos: tokens sharing one-deletion keys, those sharing the most first
	// (a token sharing the whole skeleton and several deletions is closer
	// than one sharing a single deletion of a short skeleton).
	if len(k.dels) > 0 {
		postings := make([][]uint32, len(k.dels))
		singles := make([][1]uint32, len(k.dels)) // each posting of one token keeps its own
		for i, h := range k.dels {
			postings[i] = d.keys.get(h, &singles[i])
		}
		cs := d.countShared(postings, seen, 1)
		if len(cs) > maxDeleteCandidates {
			cs = cs[:maxDeleteCandidates]
		}
		addAll(cs)
	}
	if truncated {
		for _, v := range names.Variants(token) {
			if len(v.Text) >= prefixLen {
				addAll(d.keys.get(d.hash(keyPrefix, v.Text[:prefixLen]), &buf))
			}
		}
	}
	// Typos in vowels: tokens with the same consonants, when they are few
	// (a key of many tokens selects nothing worth comparing).
	for _, h := range k.cons {
		if ids := d.keys.get(h, &buf); len(ids) <= maxConsonantCandidates {
			addAll(ids)
		}
	}
	// Typos: tokens sharing most trigrams of a skeleton of the query token.
	if len(k.grams) >= 4 {
		need := max(3, k.minGrams*6/10)
		postings := make([][]uint32, len(k.grams))
		for i, g := range k.grams {
			postings[i] = d.grams[g]
		}
		cs := d.countShared(postings, seen, need)
		if len(cs) > maxGramCandidates {
			cs = cs[:maxGramCandidates]
		}
		addAll(cs)
	}
	phonetic = len(out)
	for _, h := range k.phon {
		addAll(d.keys.get(h, &buf))
	}
	return out, phonetic
}
