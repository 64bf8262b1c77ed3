// Package i18n provides the interface languages of I-FORCE: English, Ukrainian and
// Romanian message catalogs (go-i18n, with the CLDR plural rules of each language),
// locale negotiation, and dates, numbers and country names in the reader's language.
//
// Invariants, enforced by the package tests: every message exists in every catalog
// with every plural form its language needs, and every message is used by the code.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"

	"github.com/iforce-platform/iforce/internal/iforce"
)

//go:embed locales/*.json
var catalogs embed.FS

// Default is the language of visitors whose preferences match no catalog.
const Default = "en"

// Bundle holds the catalogs and one Locale per language. It is safe for concurrent use.
type Bundle struct {
	locales   map[string]*Locale
	supported []language.Tag
	matcher   language.Matcher
}

// New loads the embedded catalogs.
func New() (*Bundle, error) {
	gb := goi18n.NewBundle(language.English)
	gb.RegisterUnmarshalFunc("json", json.Unmarshal)
	b := &Bundle{locales: map[string]*Locale{}}
	for _, lang := range iforce.Locales {
		path := "locales/" + lang + ".json"
		raw, err := catalogs.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("catalog %s: %w", lang, err)
		}
		if _, err := gb.ParseMessageFileBytes(raw, path); err != nil {
			return nil, fmt.Errorf("catalog %s: %w", lang, err)
		}
		ids, err := messageIDs(raw)
		if err != nil {
			return nil, fmt.Errorf("catalog %s: %w", lang, err)
		}
		tag := language.MustParse(lang)
		b.supported = append(b.supported, tag)
		b.locales[lang] = &Locale{lang: lang, tag: tag, loc: goi18n.NewLocalizer(gb, lang), ids: ids,
			regions: display.Regions(tag), printer: message.NewPrinter(tag)}
	}
	b.matcher = language.NewMatcher(b.supported)
	return b, nil
}

// messageIDs returns the ids of a catalog.
func messageIDs(raw []byte) (map[string]bool, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(m))
	for id := range m {
		ids[id] = true
	}
	return ids, nil
}

// Locale returns the locale of lang, or of Default when lang has no catalog.
func (b *Bundle) Locale(lang string) *Locale {
	if l, ok := b.locales[lang]; ok {
		return l
	}
	return b.locales[Default]
}

// Negotiate returns the first supported language among the preferences, in order;
// each is a language tag (a cookie) or an Accept-Language header. Preferences that
// match no catalog well are skipped; Default when none matches.
func (b *Bundle) Negotiate(prefs ...string) string {
	for _, p := range prefs {
		if p == "" {
			continue
		}
		if _, ok := b.locales[p]; ok {
			return p
		}
		tags, _, err := language.ParseAcceptLanguage(p)
		if err != nil || len(tags) == 0 {
			continue
		}
		for _, t := range tags {
			if _, i, conf := b.matcher.Match(t); conf >= language.High {
				return iforce.Locales[i]
			}
		}
	}
	return Default
}

// NativeName is the name of a language in that language, for the language switcher.
func NativeName(lang string) string {
	switch lang {
	case "uk":
		return "Українська"
	case "ro":
		return "Română"
	}
	return "English"
}

// Locale translates and formats for one language.
type Locale struct {
	lang    string
	tag     language.Tag
	loc     *goi18n.Localizer
	ids     map[string]bool
	regions display.Namer
	printer *message.Printer
}

// Lang is the locale's language code ("en", "uk", "ro").
func (l *Locale) Lang() string { return l.lang }

// Has reports whether the catalog holds message id.
func (l *Locale) Has(id string) bool { return l.ids[id] }

// Missing marks a message id that no catalog holds, so that a page shows the mistake
// and tests can find it.
func Missing(id string) string { return "⟦" + id + "⟧" }

// T returns message id, filled with the key-value pairs kv ("Name", "Olena", …).
func (l *Locale) T(id string, kv ...any) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data(kv)})
}

// N returns the plural form of message id for count n, with {{.Count}} set to n
// formatted for the locale and the key-value pairs kv.
func (l *Locale) N(id string, n int, kv ...any) string {
	d := data(kv)
	if d == nil {
		d = map[string]any{}
	}
	d["Count"] = l.Number(int64(n))
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: d})
}

func (l *Locale) localize(c *goi18n.LocalizeConfig) string {
	if !l.ids[c.MessageID] {
		return Missing(c.MessageID)
	}
	s, err := l.loc.Localize(c)
	if err != nil {
		return Missing(c.MessageID)
	}
	return s
}

func data(kv []any) map[string]any {
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[k] = kv[i+1]
	}
	return m
}

// Number formats an integer with the locale's digit grouping (1,234 · 1 234 · 1.234).
func (l *Locale) Number(n int64) string {
	if n > -1000 && n < 1000 {
		return strconv.FormatInt(n, 10)
	}
	return l.printer.Sprintf("%d", n)
}

var enMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Date formats the calendar date of t in UTC: 27 Nov 2026 in English, 27.11.2026 in
// Ukrainian and Romanian.
func (l *Locale) Date(t time.Time) string {
	t = t.UTC()
	if l.lang == "en" {
		return fmt.Sprintf("%d %s %d", t.Day(), enMonths[t.Month()-1], t.Year())
	}
	return t.Format("02.01.2006")
}

// DateTime formats t in UTC to the minute, with the zone written out: every agency
// of the programme reads the same clock.
func (l *Locale) DateTime(t time.Time) string {
	return l.Date(t) + " " + t.UTC().Format("15:04") + " UTC"
}

// Country returns the name of a country (ISO 3166-1 alpha-2) in the locale's language,
// or the code itself when it has no name.
func (l *Locale) Country(code string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if n := l.regions.Name(r); n != "" {
		return n
	}
	return code
}

// Sort sorts s in the alphabetical order of l's language by the text key returns.
func Sort[T any](l *Locale, s []T, key func(T) string) {
	c := collate.New(l.tag) // a Collator is not safe for concurrent use: one per call
	slices.SortStableFunc(s, func(a, b T) int { return c.CompareString(key(a), key(b)) })
}
