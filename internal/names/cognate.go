package names

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// CuratedGroupBase is added to the id of each curated cognate group
// (data/given_names.tsv), and SurnameGroupOffset more to the id of each
// curated surname group (data/surnames.tsv). Ids below CuratedGroupBase are
// Wikidata item numbers (Q-ids) of the groups derived from Wikidata
// (data/wikidata_groups.txt).
const (
	CuratedGroupBase   uint32 = 0xF000_0000
	SurnameGroupOffset uint32 = 0x0100_0000
)

//go:embed data/given_names.tsv
var givenNamesTSV string

//go:embed data/surnames.tsv
var surnamesTSV string

//go:embed data/wikidata_groups.txt
var wikidataGroupsTXT string

//go:embed data/hypocoristics.tsv
var hypocoristicsTSV string

// cognateIndex maps a lookup key (a fold, or a normalised non-Latin form) to
// the sorted ids of the groups that contain it.
var cognateIndex = sync.OnceValue(func() map[string][]uint32 {
	idx, err := buildCognateIndex(givenNamesTSV, surnamesTSV, wikidataGroupsTXT)
	if err != nil {
		panic(err) // embedded data: a parse error is a build defect
	}
	return idx
})

func buildCognateIndex(curated, surnames, wikidata string) (map[string][]uint32, error) {
	idx := make(map[string][]uint32, 16000)
	add := func(id uint32, forms string) {
		for form := range strings.SplitSeq(forms, ",") {
			for _, k := range formKeys(form) {
				if ids := idx[k]; !slices.Contains(ids, id) {
					idx[k] = append(ids, id)
				}
			}
		}
	}
	for _, table := range []struct {
		name, text string
		base       uint32
	}{{"given_names.tsv", curated, CuratedGroupBase}, {"surnames.tsv", surnames, CuratedGroupBase + SurnameGroupOffset}} {
		err := dataLines(table.name, table.text, func(text string) error {
			idText, forms, ok := strings.Cut(text, "\t")
			n, err := strconv.ParseUint(idText, 10, 24)
			if !ok || err != nil {
				return errors.New("want id<TAB>forms")
			}
			add(table.base+uint32(n), forms)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := dataLines("wikidata_groups.txt", wikidata, func(text string) error {
		forms, q, ok := strings.Cut(text, " => Q")
		n, err := strconv.ParseUint(q, 10, 32)
		if !ok || err != nil || uint32(n) >= CuratedGroupBase {
			return errors.New("want forms => Q<n>")
		}
		add(uint32(n), forms)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sortIDs(idx)
	return idx, nil
}

// dataLines calls fn with each line of an embedded table that is neither
// empty nor a comment, and names the table and line in its error.
func dataLines(name, text string, fn func(text string) error) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	for line := 1; sc.Scan(); line++ {
		if t := sc.Text(); t != "" && !strings.HasPrefix(t, "#") {
			if err := fn(t); err != nil {
				return fmt.Errorf("%s:%d: %w", name, line, err)
			}
		}
	}
	return sc.Err()
}

// sortIDs sorts and clips the id lists of an index once it is built.
func sortIDs(idx map[string][]uint32) {
	for k, ids := range idx {
		slices.Sort(ids)
		idx[k] = slices.Clip(ids)
	}
}

// formKeys returns the dictionary keys of one form: its fold, and for a
// non-Latin form also its normalised spelling.
func formKeys(form string) []string {
	n := Normalize(strings.TrimSpace(form))
	if n == "" {
		return nil
	}
	keys := make([]string, 0, 2)
	if f := Fold(n); len(f) >= 2 {
		keys = append(keys, f)
	}
	if s := DetectScript(n); s != ScriptLatin && s != ScriptNone && n != Fold(n) {
		keys = append(keys, n)
	}
	return keys
}

// CognateIDs returns the sorted ids of the cognate groups token belongs to:
// the same given name (or surname) across languages and scripts, such as
// Олександр, Александр, Aleksander, Alexandru, Sándor. A token is looked up
// by its fold, by every Variant and, for a Cyrillic or Georgian token, by its
// own spelling, so a Cyrillic token finds the groups listed only in Latin.
// Ids at or above CuratedGroupBase are curated groups; the others are
// Wikidata item numbers.
func CognateIDs(token string) []uint32 {
	return cognateIDs(Normalize(token), Variants(token))
}

func cognateIDs(norm string, vs []Variant) []uint32 {
	return lookupIDs(cognateIndex(), norm, vs)
}

// lookupIDs returns the sorted ids idx holds for a token's normalised
// spelling and its variants.
func lookupIDs(idx map[string][]uint32, norm string, vs []Variant) []uint32 {
	var ids []uint32
	addAll := func(key string) {
		for _, id := range idx[key] {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	addAll(norm)
	for i := range vs {
		addAll(vs[i].Text)
	}
	slices.Sort(ids)
	return ids
}

// cognateFolds are the Latin keys of the cognate index, sorted, so that
// the names beginning with a prefix are found by a binary search.
var cognateFolds = sync.OnceValue(func() []string {
	var keys []string
	for k := range cognateIndex() {
		if isASCII(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
})

// maxPrefixForms bounds the names PrefixCognates looks at for one prefix.
const maxPrefixForms = 200

// PrefixCognates returns the sorted ids of the cognate groups with a Latin
// spelling that begins with prefix and is longer: the groups a token the
// MRZ may have cut short can stand for (JONAT: Jonathan's, whose group
// holds Yehonatan; ALEKSAN: Aleksandr's, whose group holds Олександр).
// It is nil for a prefix of fewer than four letters; only the first
// maxPrefixForms names beginning with it, in alphabetical order, count.
func PrefixCognates(prefix string) []uint32 {
	p := Fold(prefix)
	if len(p) < 4 {
		return nil
	}
	keys, idx := cognateFolds(), cognateIndex()
	var ids []uint32
	i, _ := slices.BinarySearch(keys, p)
	for n := 0; i < len(keys) && n < maxPrefixForms && strings.HasPrefix(keys[i], p); i, n = i+1, n+1 {
		if len(keys[i]) > len(p) {
			for _, id := range idx[keys[i]] {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// InCognateGroup reports whether the token of f belongs to one of the
// cognate groups ids (sorted).
func (f *Form) InCognateGroup(ids []uint32) bool {
	f.complete()
	return sharesID(f.cognates, ids)
}

// hypocoristicIndex maps a lookup key (the normalised spelling of a
// diminutive and each of its variants) to the sorted ids of the curated
// groups (CuratedGroupBase+id) it is a diminutive of.
var hypocoristicIndex = sync.OnceValue(func() map[string][]uint32 {
	idx, err := buildHypocoristicIndex(hypocoristicsTSV)
	if err != nil {
		panic(err) // embedded data: a parse error is a build defect
	}
	return idx
})

func buildHypocoristicIndex(tsv string) (map[string][]uint32, error) {
	idx := make(map[string][]uint32, 4096)
	err := dataLines("hypocoristics.tsv", tsv, func(text string) error {
		idsText, forms, ok := strings.Cut(text, "\t")
		if !ok {
			return errors.New("want ids<TAB>forms")
		}
		var ids []uint32
		for t := range strings.SplitSeq(idsText, ",") {
			n, err := strconv.ParseUint(t, 10, 28)
			if err != nil {
				return fmt.Errorf("group id %q: %w", t, err)
			}
			ids = append(ids, CuratedGroupBase+uint32(n))
		}
		for f := range strings.SplitSeq(forms, ",") {
			n := Normalize(strings.TrimSpace(f))
			if n == "" {
				return errors.New("empty form")
			}
			keys := []string{n}
			for _, v := range Variants(n) {
				keys = append(keys, v.Text)
			}
			for _, k := range keys {
				for _, id := range ids {
					if !slices.Contains(idx[k], id) {
						idx[k] = append(idx[k], id)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sortIDs(idx)
	return idx, nil
}

// HypocoristicIDs returns the sorted ids of the curated cognate groups
// (CuratedGroupBase+id, as CognateIDs gives them) of which token is a
// diminutive or familiar form in one of the region's languages: Саша,
// Sasha, Sanyi and Sandu for Олександр, Włodek and Вова for Володимир
// (data/hypocoristics.tsv). A token is looked up by its spelling and every
// Variant, as the forms of the table are, so Sascha finds Саша.
func HypocoristicIDs(token string) []uint32 {
	n := Normalize(token)
	return hypocoristicIDs(n, Variants(n))
}

// BlockingGroupIDs returns the union of CognateIDs and HypocoristicIDs of a
// token whose Variants the caller has already computed: the groups under
// which an index files the token, so that a diminutive meets the names it
// stands for.
func BlockingGroupIDs(token string, vs []Variant) []uint32 {
	n := Normalize(token)
	ids := cognateIDs(n, vs)
	for _, id := range hypocoristicIDs(n, vs) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func hypocoristicIDs(norm string, vs []Variant) []uint32 {
	return lookupIDs(hypocoristicIndex(), norm, vs)
}
