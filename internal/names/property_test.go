package names

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// cyrillicName draws a plausible Ukrainian or Russian name: letters of the
// language's alphabet, starting with a capital.
func cyrillicName(alphabet string) *rapid.Generator[string] {
	letters := []rune(alphabet)
	return rapid.Custom(func(t *rapid.T) string {
		n := rapid.IntRange(2, 12).Draw(t, "len")
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = rapid.SampledFrom(letters).Draw(t, "letter")
		}
		return strings.ToUpper(string(rs[:1])) + string(rs[1:])
	})
}

const (
	ukAlphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
	ruAlphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
)

func TestPropFoldIdempotent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), cyrillicName(ukAlphabet), cyrillicName(ruAlphabet)).Draw(t, "s")
		f := Fold(s)
		if g := Fold(f); g != f {
			t.Fatalf("Fold(%q) = %q but Fold of that = %q", s, f, g)
		}
		if n := Normalize(s); Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q", s)
		}
	})
}

func TestPropSkeletonOfFold(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), cyrillicName(ukAlphabet)).Draw(t, "s")
		if a, b := Skeleton(Fold(s)), Skeleton(s); a != b {
			t.Fatalf("Skeleton(Fold(%q)) = %q, Skeleton = %q", s, a, b)
		}
	})
}

// TestPropOwnTransliterations: a Cyrillic name always matches its own KMU-55
// and ICAO renderings, and the Ukrainian ones of 2007 passports.
func TestPropOwnTransliterations(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lang := rapid.SampledFrom([]string{"uk", "ru"}).Draw(t, "lang")
		alphabet, systems := ukAlphabet, []string{"uk:kmu55", "uk:icao", "uk:pass2007"}
		if lang == "ru" {
			alphabet, systems = ruAlphabet, []string{"ru:icao", "ru:gost52535", "ru:mvd310"}
		}
		name := cyrillicName(alphabet).Draw(t, "name")
		langs := DetectLangs(name)
		if len(langs) == 0 || langs[0] != lang {
			t.Skip("drawn name does not read as", lang)
		}
		for _, sys := range systems {
			lat, _ := Transliterate(name, sys)
			if Fold(lat) == "" {
				continue
			}
			if m := Compare(name, lat); !m.OK {
				t.Fatalf("Compare(%q, %s %q) = %+v", name, sys, lat, m)
			}
		}
	})
}

func TestPropVariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.String(), cyrillicName(ukAlphabet), cyrillicName(ruAlphabet)).Draw(t, "s")
		vs := Variants(s)
		if len(vs) > MaxVariants {
			t.Fatalf("%d variants", len(vs))
		}
		seen := map[string]bool{}
		for _, v := range vs {
			if v.Text == "" || Fold(v.Text) != v.Text || seen[v.Text] {
				t.Fatalf("Variants(%q): bad or repeated text %q (%s)", s, v.Text, v.System)
			}
			seen[v.Text] = true
		}
	})
}

func TestPropDistance(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.StringMatching(`[a-z]{0,12}`).Draw(t, "a")
		b := rapid.StringMatching(`[a-z]{0,12}`).Draw(t, "b")
		if d := Distance(a, a, 3); d != 0 {
			t.Fatalf("Distance(%q, itself) = %v", a, d)
		}
		if x, y := Distance(a, b, 30), Distance(b, a, 30); x != y {
			t.Fatalf("Distance not symmetric: %v %v", x, y)
		}
		if m := Compare(a, b); m.Score < 0 || m.Score > 1 {
			t.Fatalf("Compare score %v", m.Score)
		}
	})
}

func TestPropParseTokens(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		n := Parse(s)
		for _, r := range n.Readings {
			if len(r) != len(n.Tokens) {
				t.Fatalf("Parse(%q): reading of %d roles for %d tokens", s, len(r), len(n.Tokens))
			}
		}
		for _, tok := range n.Tokens {
			if tok.Text == "" || !utf8.ValidString(tok.Text) {
				t.Fatalf("Parse(%q): bad token %q", s, tok.Text)
			}
		}
	})
}
