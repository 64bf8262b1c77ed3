// Package names provides everything about person names that a screening index
// needs to match a person whatever script or transliteration each side used:
// normalisation and folding, script and Cyrillic language detection,
// transliteration into every system met in the region's documents (and
// back from the Russian renderings of Japanese and English names), a
// cross-orthography skeleton key and a phonetic key, a cognate dictionary of
// given names, name
// structure (roles, patronymics, gendered surname forms, MRZ and
// "LAST, First" forms) and token comparison with an explained route.
//
// The package is pure: it does no I/O at run time. Its tables are embedded
// from data/ (see data/SOURCE.md for their origin and licences) and compiled
// once, on first use, into immutable values.
//
// Invariants, checked by property and fuzz tests:
//
//   - Normalize and Fold are idempotent: Fold(Fold(s)) == Fold(s).
//   - Fold returns lower-case text without combining marks; for Latin,
//     Cyrillic and Georgian input it is ASCII letters, digits and single
//     spaces.
//   - Every Variant.Text is itself a Fold result (Fold(v.Text) == v.Text), and
//     Variants returns at most MaxVariants values, without duplicate texts.
//   - Skeleton(Fold(s)) == Skeleton(s).
//   - A Cyrillic or Georgian token and its rendering by a system of a
//     language DetectLangs gives it (Transliterate) share a Variant text, so
//     Compare matches them (property-tested for KMU-55, ICAO and the
//     passport systems).
//   - Route strings (see the Route constants) are stable: they are shown to
//     users in screening explanations.
//   - Forms from NewForm are immutable and safe for concurrent use;
//     CompareForms on them is allocation-free but for the route string.
//
// For scoring, prepare each token once with NewForm and compare with
// CompareForms; Compare on strings prepares both sides on every call.
// Evaluate measures Compare on groups of name forms (see evaluate_test.go
// for the figures on held-out Wikidata groups).
package names
