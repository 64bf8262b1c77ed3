// Package screening provides the in-memory name screening index: persons
// whatever script or transliteration each side used, found in milliseconds
// among millions, each hit explained.
//
// The index interns every distinct name token once (names.NewForm) and
// keys it by its transliteration variants, cross-orthography skeletons and
// the skeletons of their stems (inflected and gendered forms), cognate
// groups, phonetic keys, variant prefixes (for MRZ truncation), one-deletion
// keys of its skeletons and spellings, and trigrams of long skeletons (for
// typos). A query token first finds the dictionary tokens that can stand for
// it (those found by a phonetic key alone pass names.PhoneticMay first; all
// are verified with names.CompareForms, cached per query token), then the
// records that carry them through roaring-bitmap postings. Only the postings
// of the k-1 rarest of k query tokens are united, so that a common given
// name is never materialised; records matching at least two query tokens
// (or the only one) and born within a year of the query's birth date (when
// given) are scored. Scoring pairs the parts of the query
// with the parts of each record name (reordering, missing patronymics,
// initials and MRZ truncation allowed), weighs them by role, and adjusts by
// birth date, nationality and gender. Every result carries an Explanation.
//
// Invariants:
//
//   - Search checks every candidate with access.Visibility.Match before
//     scoring it: a record the principal may not read is never a result.
//   - Scores are in [0, 1] and only an identical name confirmed by birth
//     date, nationality and gender reaches 1.
//   - Index is safe for concurrent use; a change is seen wholly or not at all.
//
// The package is pure: no I/O. internal/app builds it from the store and
// follows the change log.
package screening
