package names

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Шевченко", "Олександр Петрович", "ჯუღაშვილი", "Ševčenko", "Şerban", "SHEVCHENKO<<OLEKSANDR<PETROVYCH",
	"PUTIN, Vladimir", "Мар'їне", "Straße", "Ӂеорӂе", "Ђорђе", "ﷺ", "Ǆ", "İ", "a\u0301", "",
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Fold(s)
		if Fold(out) != out {
			t.Fatalf("Fold not idempotent: %q -> %q -> %q", s, out, Fold(out))
		}
		if n := Normalize(s); Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, Normalize(n))
		}
		if utf8.RuneCountInString(out) > 18*utf8.RuneCountInString(s) {
			t.Fatalf("Fold(%q) too long: %d runes", s, utf8.RuneCountInString(out))
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Parse(s)
		for _, r := range n.Readings {
			if len(r) != len(n.Tokens) {
				t.Fatalf("Parse(%q): %d roles for %d tokens", s, len(r), len(n.Tokens))
			}
		}
		if len(n.Tokens) > len(s) {
			t.Fatalf("Parse(%q): %d tokens", s, len(n.Tokens))
		}
		for _, tok := range n.Tokens {
			if tok.Text == "" {
				t.Fatalf("Parse(%q): empty token", s)
			}
		}
	})
}

func FuzzVariants(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vs := Variants(s)
		if len(vs) > MaxVariants {
			t.Fatalf("Variants(%q): %d", s, len(vs))
		}
		seen := map[string]bool{}
		for _, v := range vs {
			if v.Text == "" || Fold(v.Text) != v.Text || seen[v.Text] {
				t.Fatalf("Variants(%q): bad or repeated %q (%s)", s, v.Text, v.System)
			}
			if utf8.RuneCountInString(v.Text) > 18*utf8.RuneCountInString(s) {
				t.Fatalf("Variants(%q): %q too long", s, v.Text)
			}
			seen[v.Text] = true
		}
	})
}

func FuzzSkeleton(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Skeleton(s)
		if k2 := Skeleton(Fold(s)); k2 != k {
			t.Fatalf("Skeleton(Fold(%q)) = %q, Skeleton = %q", s, k2, k)
		}
		if len(k) > 2*len(Fold(s)) {
			t.Fatalf("Skeleton(%q) = %q longer than twice the fold", s, k)
		}
	})
}

func FuzzCompare(f *testing.F) {
	f.Add("Шевченко", "Shevchenko")
	f.Add("Ivanov", "Ivanova")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		m := Compare(a, b)
		if m.Score < 0 || m.Score > 1 || m.Route == "" {
			t.Fatalf("Compare(%q, %q) = %+v", a, b, m)
		}
	})
}
