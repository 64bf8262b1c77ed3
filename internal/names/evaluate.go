package names

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
)

// SliceReport holds the evaluation figures of one slice of pairs.
type SliceReport struct {
	Slice            string         // "cyrillic-uk", "georgian", "latin-diacritics", ..., "all"
	Pairs            int            // pairs of forms of one group
	Matched          int            // of those, pairs Compare matched (OK)
	GenderForm       int            // of those not matched, pairs Compare called gender-form
	Negatives        int            // random pairs of forms from different groups
	FalseMatches     int            // of those, pairs Compare matched
	NearNegatives    int            // pairs from different groups sharing the first two folded letters
	NearFalseMatches int            // of those, pairs Compare matched
	Routes           map[string]int // matched pairs by route (the system is cut from transliteration routes)
	Misses           []string       // a few unmatched pairs, for inspection
	FalseExamples    []string       // a few wrongly matched pairs
}

// Recall is Matched / Pairs.
func (s SliceReport) Recall() float64 { return ratio(s.Matched, s.Pairs) }

// RecallWithGender is (Matched + GenderForm) / Pairs: the share of pairs
// Compare either matched or recognised as gendered forms of one name (the
// Wikidata groups put Ivanov and Ivanova together; Compare keeps them apart
// on purpose).
func (s SliceReport) RecallWithGender() float64 { return ratio(s.Matched+s.GenderForm, s.Pairs) }

// FalsePositiveRate is FalseMatches / Negatives (random negatives).
func (s SliceReport) FalsePositiveRate() float64 { return ratio(s.FalseMatches, s.Negatives) }

// NearFalsePositiveRate is NearFalseMatches / NearNegatives.
func (s SliceReport) NearFalsePositiveRate() float64 {
	return ratio(s.NearFalseMatches, s.NearNegatives)
}

// Precision is the precision with as many negatives as positive pairs,
// taking the false-positive rate of the near negatives (the harder set):
// Matched / (Matched + NearFalsePositiveRate × Pairs).
func (s SliceReport) Precision() float64 {
	fp := s.NearFalsePositiveRate() * float64(s.Pairs)
	if s.Matched == 0 {
		return 0
	}
	return float64(s.Matched) / (float64(s.Matched) + fp)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the result of Evaluate: one SliceReport per slice, "all" last.
type Report struct {
	Slices []SliceReport
}

// String formats the report as a table.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %7s %7s %6s %8s %9s %7s %9s %8s %9s\n", "slice", "pairs", "recall", "gender", "recall+g", "negatives", "fpr", "near-negs", "near-fpr", "precision")
	for _, s := range r.Slices {
		fmt.Fprintf(&b, "%-20s %7d %7.3f %6d %8.3f %9d %7.4f %9d %8.4f %9.3f\n", s.Slice, s.Pairs, s.Recall(), s.GenderForm, s.RecallWithGender(),
			s.Negatives, s.FalsePositiveRate(), s.NearNegatives, s.NearFalsePositiveRate(), s.Precision())
	}
	return b.String()
}

// Evaluate measures Compare on groups of forms, each group the forms of one
// name (as in the Wikidata name groups). Forms in scripts other than Latin,
// Cyrillic and Georgian are ignored. Every pair of forms of a group is a
// positive pair; for each, one random form of another group and, when one
// exists, one form of another group starting with the same two folded
// letters make the negative pairs, each with the script and language slice
// of the positive pair. Negatives whose groups share a folded form are
// skipped (the same name listed twice). The sampling is deterministic.
func Evaluate(groups [][]string) Report {
	type entry struct {
		form  string
		group int
		kind  string
		fold  string
	}
	var entries []entry
	groupFolds := make([]map[string]bool, len(groups))
	byKind := map[string][]int{}
	byNear := map[string][]int{}
	for g, forms := range groups {
		groupFolds[g] = map[string]bool{}
		for _, f := range forms {
			k := formKind(f)
			if k == "" {
				continue
			}
			fold := Fold(f)
			if fold == "" {
				continue
			}
			groupFolds[g][fold] = true
			byKind[k] = append(byKind[k], len(entries))
			if len(fold) >= 2 {
				byNear[k+"|"+fold[:2]] = append(byNear[k+"|"+fold[:2]], len(entries))
			}
			entries = append(entries, entry{form: f, group: g, kind: k, fold: fold})
		}
	}
	forms := map[string]*Form{}
	form := func(s string) *Form {
		f, ok := forms[s]
		if !ok {
			f = NewForm(s)
			forms[s] = f
		}
		return f
	}
	related := func(a, c entry) bool {
		if a.group == c.group || groupFolds[a.group][c.fold] {
			return true
		}
		for f := range groupFolds[c.group] {
			if groupFolds[a.group][f] {
				return true
			}
		}
		return false
	}
	pick := func(pool []int, seed uint64, a entry) (entry, bool) {
		for try := range uint64(5) {
			if len(pool) == 0 {
				break
			}
			c := entries[pool[(seed+try*7919)%uint64(len(pool))]]
			if !related(a, c) {
				return c, true
			}
		}
		return entry{}, false
	}
	slices := map[string]*SliceReport{}
	get := func(name string) *SliceReport {
		s, ok := slices[name]
		if !ok {
			s = &SliceReport{Slice: name, Routes: map[string]int{}}
			slices[name] = s
		}
		return s
	}
	for i := range entries {
		for j := i + 1; j < len(entries) && entries[j].group == entries[i].group; j++ {
			a, b := entries[i], entries[j]
			if b.kind == "latin-plain" || b.kind == "latin-diacritics" {
				a, b = b, a // a is the Latin side when there is one
			}
			name := pairSlice(a.kind, b.kind)
			for _, s := range []*SliceReport{get(name), get("all")} {
				_ = s
			}
			m := CompareForms(form(a.form), form(b.form))
			seed := hash64(a.form + "\x00" + b.form)
			c, okRand := pick(byKind[b.kind], seed, a)
			var cn entry
			okNear := false
			if len(b.fold) >= 2 {
				cn, okNear = pick(byNear[b.kind+"|"+b.fold[:2]], seed, a)
			}
			var mr, mn Match
			if okRand {
				mr = CompareForms(form(a.form), form(c.form))
			}
			if okNear {
				mn = CompareForms(form(a.form), form(cn.form))
			}
			for _, s := range []*SliceReport{get(name), get("all")} {
				s.Pairs++
				switch {
				case m.OK:
					s.Matched++
					route, _, _ := strings.Cut(m.Route, ":")
					s.Routes[route]++
				case m.Route == RouteGenderForm:
					s.GenderForm++
				}
				if !m.OK && len(s.Misses) < 40 {
					s.Misses = append(s.Misses, fmt.Sprintf("%s ~ %s (%s %.2f)", a.form, b.form, m.Route, m.Score))
				}
				if okRand {
					s.Negatives++
					if mr.OK {
						s.FalseMatches++
						if len(s.FalseExamples) < 40 {
							s.FalseExamples = append(s.FalseExamples, fmt.Sprintf("%s ~ %s (%s)", a.form, c.form, mr.Route))
						}
					}
				}
				if okNear {
					s.NearNegatives++
					if mn.OK {
						s.NearFalseMatches++
						if len(s.FalseExamples) < 40 {
							s.FalseExamples = append(s.FalseExamples, fmt.Sprintf("%s ~ %s (%s)", a.form, cn.form, mn.Route))
						}
					}
				}
			}
		}
	}
	var r Report
	for name, s := range slices {
		if name != "all" {
			r.Slices = append(r.Slices, *s)
		}
	}
	sort.Slice(r.Slices, func(i, j int) bool { return r.Slices[i].Slice < r.Slices[j].Slice })
	if s, ok := slices["all"]; ok {
		r.Slices = append(r.Slices, *s)
	}
	return r
}

func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// formKind classifies a form for the evaluation slices; "" for forms of
// other scripts.
func formKind(f string) string {
	switch DetectScript(f) {
	case ScriptLatin:
		for _, r := range f {
			if r >= 0x80 && unicode.IsLetter(r) {
				return "latin-diacritics"
			}
		}
		return "latin-plain"
	case ScriptGeorgian:
		return "georgian"
	case ScriptCyrillic:
		langs := DetectLangs(f)
		switch {
		case len(langs) == 1 && langs[0] == LangUK:
			return "cyrillic-uk"
		case len(langs) == 1 && langs[0] == LangRU:
			return "cyrillic-ru"
		case len(langs) > 1:
			return "cyrillic-ambiguous"
		}
		return "cyrillic-other"
	}
	return ""
}

// pairSlice names the slice of a pair from the kinds of its forms; a is the
// Latin side when there is one.
func pairSlice(a, b string) string {
	latin := func(k string) bool { return strings.HasPrefix(k, "latin") }
	switch {
	case a == "georgian" || b == "georgian":
		return "georgian"
	case latin(a) && latin(b):
		if a == "latin-diacritics" || b == "latin-diacritics" {
			return "latin-diacritics"
		}
		return "latin-plain"
	case latin(a):
		return b
	}
	return "cyrillic-cyrillic"
}
