// Package screening provides the in-memory name screening index: persons
// whatever script or transliteration each side used, found in milliseconds
// among millions, each hit explained.
//
// The index interns every distinct name token once (names.NewForm) and
// keys it by its transliteration variants, cross-orthography skeletons,
// cognate groups, variant prefixes (for MRZ truncation) and skeleton
// trigrams (for typos). A query token first finds the dictionary tokens that
// can stand for it (verified with names.CompareForms), then the records that
// carry them through roaring-bitmap postings; records carrying matches of at
// least two query tokens are scored. Scoring pairs the parts of the query
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
