package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// pluralForms are the CLDR plural categories each language needs for integers and
// decimals: English one/other; Ukrainian one/few/many/other; Romanian one/few/other.
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"uk": {"few", "many", "one", "other"},
	"ro": {"few", "one", "other"},
}

// catalog reads a catalog as id → text (plain) or id → forms (plural).
func catalog(t *testing.T, lang string) map[string]any {
	t.Helper()
	raw, err := catalogs.ReadFile("locales/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	return m
}

var placeholderRE = regexp.MustCompile(`\{\{\s*\.([A-Za-z]+)\s*\}\}`)

func placeholders(v any) []string {
	var texts []string
	switch v := v.(type) {
	case string:
		texts = []string{v}
	case map[string]any:
		for _, s := range v {
			texts = append(texts, s.(string))
		}
	}
	var out []string
	for _, s := range texts {
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			if !slices.Contains(out, m[1]) {
				out = append(out, m[1])
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestCatalogsComplete fails when a message is missing in a language, lacks a plural
// form that the language needs, is empty, or uses other placeholders than English.
func TestCatalogsComplete(t *testing.T) {
	en := catalog(t, "en")
	for _, lang := range iforce.Locales {
		cat := catalog(t, lang)
		for id, ev := range en {
			v, ok := cat[id]
			if !ok {
				t.Errorf("%s: missing %q", lang, id)
				continue
			}
			_, enPlural := ev.(map[string]any)
			switch v := v.(type) {
			case string:
				if enPlural {
					t.Errorf("%s: %q is plural in English but not here", lang, id)
				}
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s: %q is empty", lang, id)
				}
			case map[string]any:
				var forms []string
				for f, s := range v {
					forms = append(forms, f)
					if str, ok := s.(string); !ok || strings.TrimSpace(str) == "" {
						t.Errorf("%s: %q form %s is empty", lang, id, f)
					}
				}
				sort.Strings(forms)
				if !slices.Equal(forms, pluralForms[lang]) {
					t.Errorf("%s: %q has plural forms %v, want %v", lang, id, forms, pluralForms[lang])
				}
			default:
				t.Errorf("%s: %q is neither text nor plural forms", lang, id)
			}
			if got, want := placeholders(v), placeholders(ev); !slices.Equal(got, want) {
				t.Errorf("%s: %q uses placeholders %v, English %v", lang, id, got, want)
			}
		}
		for id := range cat {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: %q is not in the English catalog", lang, id)
			}
		}
	}
}

// TestCatalogScripts catches the usual slips of Ukrainian and Romanian text: Russian
// letters in Ukrainian, a straight apostrophe where Ukrainian takes ’, cedilla ş ţ
// where Romanian takes the comma below (ș ț), and English left untranslated.
func TestCatalogScripts(t *testing.T) {
	en := catalog(t, "en")
	check := func(lang string, bad map[string]string) {
		for id, v := range catalog(t, lang) {
			for _, s := range texts(v) {
				for c, why := range bad {
					if strings.Contains(s, c) {
						t.Errorf("%s: %q contains %q (%s): %s", lang, id, c, why, s)
					}
				}
			}
		}
	}
	check("uk", map[string]string{"ы": "Russian letter", "э": "Russian letter", "ъ": "Russian letter", "ё": "Russian letter", "'": "use ’"})
	check("ro", map[string]string{"ş": "cedilla; use ș", "ţ": "cedilla; use ț", "Ş": "cedilla; use Ș", "Ţ": "cedilla; use Ț"})
	// Identical to English is fine for names and a few international words only.
	same := map[string]bool{"audit.actor": true, "audit.intact": true, "error.conflict.title": true, "home.audit": true,
		"role.auditor": true, "role.admin": true,
		// Words Romanian shares with English.
		"category.suspect": true, "prop.model": true, "value.director": true, "value.pistol": true, "value.revolver": true}
	for _, lang := range []string{"uk", "ro"} {
		for id, v := range catalog(t, lang) {
			if s, ok := v.(string); ok && s == en[id] && !same[id] && !strings.HasPrefix(s, "{{") {
				t.Errorf("%s: %q is the English text %q", lang, id, s)
			}
		}
	}
}

func texts(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var out []string
		for _, s := range v {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}

// sources returns the Go and template files of the module's internal packages, without
// tests and catalogs: where messages are used.
func sources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "locales" || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, "_test.go") || (!strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, ".html")) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCatalogKeysUsed fails when a message of the catalogs is used by no template and
// no Go file: keys are always written out in full, never assembled.
func TestCatalogKeysUsed(t *testing.T) {
	src := sources(t)
	var all strings.Builder
	for _, s := range src {
		all.WriteString(s)
	}
	text := all.String()
	for id := range catalog(t, "en") {
		if !strings.Contains(text, strconv.Quote(id)) {
			t.Errorf("message %q is used nowhere", id)
		}
	}
}

var templateKeyRE = regexp.MustCompile(`\b(?:t|tn)\s+"([^"]+)"`)

// TestUsedKeysExist fails when a template or Go file names a message that the catalogs
// lack: in templates every {{t "…"}} and {{tn "…"}}; in Go every string literal that
// looks like a message id of a namespace the catalogs use.
func TestUsedKeysExist(t *testing.T) {
	en := catalog(t, "en")
	namespaces := map[string]bool{}
	for id := range en {
		ns, _, _ := strings.Cut(id, ".")
		namespaces[ns] = true
	}
	idRE := regexp.MustCompile(`^[a-z_]+\.[a-z0-9_.]+[a-z0-9]$`)
	for path, s := range sources(t) {
		var used []string
		if strings.HasSuffix(path, ".html") {
			for _, m := range templateKeyRE.FindAllStringSubmatch(s, -1) {
				used = append(used, m[1])
			}
		} else if strings.Contains(path, filepath.Join("internal", "web")) || strings.HasPrefix(path, filepath.Join("..", "web")) {
			f, err := parser.ParseFile(token.NewFileSet(), path, s, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					v, err := strconv.Unquote(lit.Value)
					ns, _, _ := strings.Cut(v, ".")
					if err == nil && idRE.MatchString(v) && namespaces[ns] {
						used = append(used, v)
					}
				}
				return true
			})
		}
		for _, id := range used {
			if _, ok := en[id]; !ok {
				t.Errorf("%s uses message %q, which the catalogs lack", path, id)
			}
		}
	}
}

func TestPlurals(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 user"}, {"en", 0, "0 users"}, {"en", 2, "2 users"},
		{"uk", 1, "1 користувач"}, {"uk", 21, "21 користувач"}, {"uk", 2, "2 користувачі"}, {"uk", 24, "24 користувачі"},
		{"uk", 5, "5 користувачів"}, {"uk", 11, "11 користувачів"}, {"uk", 0, "0 користувачів"}, {"uk", 112, "112 користувачів"},
		{"ro", 1, "1 utilizator"}, {"ro", 0, "0 utilizatori"}, {"ro", 2, "2 utilizatori"}, {"ro", 19, "19 utilizatori"},
		{"ro", 20, "20 de utilizatori"}, {"ro", 101, "101 utilizatori"}, {"ro", 120, "120 de utilizatori"},
		{"uk", 1234, "1\u00a0234 користувачі"}, {"ro", 1234, "1.234 de utilizatori"}, {"en", 1234, "1,234 users"},
	}
	for _, c := range cases {
		if got := b.Locale(c.lang).N("users.count", c.n); got != c.want {
			t.Errorf("%s N(users.count, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestFormats(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 27, 14, 5, 0, 0, time.FixedZone("EET", 2*3600))
	for lang, want := range map[string]string{"en": "27 Nov 2026 12:05 UTC", "uk": "27.11.2026 12:05 UTC", "ro": "27.11.2026 12:05 UTC"} {
		if got := b.Locale(lang).DateTime(at); got != want {
			t.Errorf("%s DateTime = %q, want %q", lang, got, want)
		}
	}
	for lang, want := range map[string]string{"en": "Moldova", "uk": "Молдова", "ro": "Republica Moldova"} {
		if got := b.Locale(lang).Country("MD"); got != want {
			t.Errorf("%s Country(MD) = %q, want %q", lang, got, want)
		}
	}
	if got := b.Locale("uk").Country("ZZ"); got != "ZZ" && got == "" {
		t.Errorf("unknown country = %q", got)
	}
	names := []string{"Țara Galilor", "Suedia", "Slovacia", "Turcia", "Șerbia", "Spania"}
	Sort(b.Locale("ro"), names, func(s string) string { return s })
	if want := []string{"Slovacia", "Spania", "Suedia", "Șerbia", "Turcia", "Țara Galilor"}; !slices.Equal(names, want) {
		t.Errorf("Romanian order %v, want %v", names, want)
	}
}

func TestNegotiate(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		prefs []string
		want  string
	}{
		{[]string{"uk"}, "uk"},
		{[]string{"", "ro-MD,ro;q=0.9,en;q=0.8"}, "ro"},
		{[]string{"", "uk-UA,uk;q=0.9"}, "uk"},
		{[]string{"xx", "de-DE,de;q=0.9,en;q=0.5"}, "en"},
		{[]string{"", "ka-GE"}, "en"},
		{nil, "en"},
	} {
		if got := b.Negotiate(c.prefs...); got != c.want {
			t.Errorf("Negotiate(%q) = %q, want %q", c.prefs, got, c.want)
		}
	}
}

func TestMissingMessageIsVisible(t *testing.T) {
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Locale("uk").T("no.such.message"); got != Missing("no.such.message") {
		t.Errorf("missing message rendered as %q", got)
	}
	if got := b.Locale("uk").T("agency.created", "Arg", "UA-NCB"); got != "Установу UA-NCB створено." {
		t.Errorf("T with data = %q", got)
	}
}
