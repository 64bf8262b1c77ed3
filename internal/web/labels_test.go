package web

import (
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/names"
)

func TestRouteTextNamesSystems(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	en := b.Locale("en")
	tests := map[string]string{
		"transliteration:uk:kmu55/ru:wiki":         "transliteration (Ukrainian, KMU 55 (2010) / Russian, Wikipedia usage)",
		"transliteration:ka:via-ru:de":             "transliteration (Georgian, through Russian, German usage)",
		"transliteration:latin:de-reading/uk:iso9": "transliteration (Latin spelling, German spelling read aloud / Ukrainian, ISO 9)",
		"transliteration:xx:yy":                    "transliteration (xx, yy)", // unknown parts shown as they are
		"phonetic":                                 "same consonants, vowels heard differently",
	}
	for route, want := range tests {
		if got := routeText(en, route); got != want {
			t.Errorf("routeText(%q) = %q, want %q", route, got, want)
		}
	}
	// Every route has a label in every language.
	routes := []string{names.RouteIdentical, names.RouteCognate, names.RouteHypocoristic, names.RouteInflection,
		names.RouteSkeleton, names.RouteTypo1, names.RouteTypo2, names.RoutePhonetic, names.RouteGenderForm,
		names.RouteMRZTruncation, "initial"}
	for _, lang := range []string{"en", "uk", "ro"} {
		for _, r := range routes {
			if key, ok := routeKeys[r]; !ok || !b.Locale(lang).Has(key) {
				t.Errorf("%s: route %s: no label", lang, r)
			}
		}
	}
	// Every system the names package can name has a label in every language.
	systems := append(names.Systems(), names.SystemMRZ, names.SystemGeorgianStem)
	systems = append(systems, names.LatinReadings()...)
	for _, lang := range []string{"en", "uk", "ro"} {
		l := b.Locale(lang)
		for _, sys := range systems {
			for i, part := range strings.Split(sys, ":") {
				_, std := translitStandards[part]
				_, key := translitSystemKeys[part]
				_, lk := translitLangKeys[part]
				if i == 0 && !lk || i > 0 && !std && !key {
					t.Errorf("%s: system %s: no label for %q", lang, sys, part)
				}
			}
			if got := systemText(l, sys); strings.Contains(got, "⟦") {
				t.Errorf("%s: systemText(%s) = %q", lang, sys, got)
			}
		}
	}
}
