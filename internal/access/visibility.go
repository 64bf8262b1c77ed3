package access

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// Visibility is the read rule for one principal, in a form that can both judge one
// object (Match) and filter a query (SQL). Decide uses Match, lists use SQL: one rule.
type Visibility struct {
	None       bool  // the principal sees no operational data at all
	Agency     int64 // the principal's agency
	SeesAll    bool  // objects distributed to all members are visible
	VictimData bool
	ChildData  bool
}

// VisibilityFor derives the read rule of principal p.
func VisibilityFor(p *iforce.Principal) Visibility {
	if p == nil || p.UserID == 0 && !p.Service {
		return Visibility{None: true}
	}
	op := hasAny(p, operational...)
	if !op && !p.Has(iforce.RolePartner) {
		return Visibility{None: true}
	}
	return Visibility{
		Agency:     p.AgencyID,
		SeesAll:    op,
		VictimData: p.Cleared(iforce.ClearanceVictimData),
		ChildData:  p.Cleared(iforce.ClearanceChildData),
	}
}

// Match reports whether an object is visible under v.
func (v Visibility) Match(o *Object) bool {
	if v.None || o == nil {
		return false
	}
	if o.Victim && !v.VictimData || o.Child && !v.ChildData {
		return false
	}
	switch {
	case o.Owner == v.Agency:
		return true
	case o.Scope == ScopeAll:
		return v.SeesAll
	case o.Scope == ScopeAgencies:
		return slices.Contains(o.Agencies, v.Agency)
	}
	return false
}

// Presence reports whether the principal may learn that an object exists without
// seeing it (a hit/no-hit answer): operational roles may, for objects whose category
// their clearances cover. Victim and child data reveal not even their existence.
func (v Visibility) Presence(o *Object) bool {
	if v.None || !v.SeesAll || o == nil {
		return false
	}
	return !(o.Victim && !v.VictimData || o.Child && !v.ChildData)
}

// Columns names the columns of a table that hold an object's protection attributes.
// Agencies is a SQL expression that yields the agency ids of a row's named
// distribution, used as `$n IN (Agencies)`.
type Columns struct {
	Owner, Scope, Victim, Child string
	Agencies                    string
}

// SQL renders v as a boolean SQL expression over cols. Placeholders are numbered from
// next ($next, $next+1, …); args are their values in order. Victim and Child columns
// are boolean-valued integers (0/1) so the text works on SQLite and PostgreSQL.
func (v Visibility) SQL(cols Columns, next int) (string, []any) {
	if v.None {
		return "1=0", nil
	}
	var conds []string
	if !v.VictimData {
		conds = append(conds, cols.Victim+" = 0")
	}
	if !v.ChildData {
		conds = append(conds, cols.Child+" = 0")
	}
	a := fmt.Sprintf("$%d", next)
	reach := []string{cols.Owner + " = " + a}
	if v.SeesAll {
		reach = append(reach, cols.Scope+" = 'all'")
	}
	reach = append(reach, fmt.Sprintf("(%s = 'agencies' AND %s IN (%s))", cols.Scope, a, cols.Agencies))
	conds = append(conds, "("+strings.Join(reach, " OR ")+")")
	return "(" + strings.Join(conds, " AND ") + ")", []any{v.Agency}
}
