// Package recordio reads and writes records in the formats of the field: CSV (one
// schema per file, header row = property names, multiple values separated by ";")
// and FollowTheMoney JSON lines (Aleph, OpenSanctions). Reading yields one Row per
// input row with its line number and its problems, so that an import can report every
// rejected row and take the others. The package is pure: no database, no policy.
package recordio

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// Limits of an input file.
const (
	MaxLineBytes = 1 << 20   // one CSV record or JSON line
	MaxRows      = 1_000_000 // rows of one file
	MultiSep     = ";"       // separates multiple values in a CSV cell
)

// Row is one input row: a record to import, or the problems that reject it.
type Row struct {
	Line     int // 1-based line of the input where the row starts
	Record   *iforce.Record
	Problems iforce.Problems
	// Ignored lists input properties the platform does not keep (FollowTheMoney
	// properties outside our schemas): reported, not fatal.
	Ignored []string
}

// Defaults fill the protection metadata a row does not set.
type Defaults struct {
	Category     string
	Handling     string
	HandlingNote string
	Evaluation   iforce.Evaluation
	TLP          string
	Distribution iforce.Distribution
	CrimeAreas   []string
	LegalBasis   string
}

func (d Defaults) apply(r *iforce.Record, s *iforce.Schema) {
	if r.Category == "" && s.Person {
		r.Category = d.Category
	}
	if r.Handling == "" {
		r.Handling, r.HandlingNote = d.Handling, d.HandlingNote
	}
	if r.Evaluation == (iforce.Evaluation{}) {
		r.Evaluation = d.Evaluation
	}
	if r.TLP == "" {
		r.TLP = d.TLP
	}
	if r.Distribution.Scope == "" {
		r.Distribution = iforce.Distribution{Scope: d.Distribution.Scope, Agencies: slices.Clone(d.Distribution.Agencies)}
	}
	if len(r.CrimeAreas) == 0 {
		r.CrimeAreas = slices.Clone(d.CrimeAreas)
	}
	if r.LegalBasis == "" {
		r.LegalBasis = d.LegalBasis
	}
}

// contentID derives a stable source id from a row's content, for inputs without ids:
// importing the same file again finds the same records.
func contentID(parts []string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "row:" + hex.EncodeToString(h.Sum(nil)[:12])
}

// splitValues splits a CSV cell into its values.
func splitValues(cell string) []string {
	var out []string
	for v := range strings.SplitSeq(cell, MultiSep) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// EscapeCell defuses spreadsheet formulas: a cell that begins with =, +, -, @, tab or
// carriage return is prefixed with a single quote.
func EscapeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
