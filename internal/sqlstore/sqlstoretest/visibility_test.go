package sqlstoretest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// testVisibilitySQL checks that the SQL filter of access.Visibility selects exactly the
// objects that Match (and so Decide) allows, for random objects and principals.
func testVisibilitySQL(t *testing.T, s *sqlstore.Store) {
	db := s.DB()
	for _, q := range []string{
		`CREATE TABLE vis_objects (id INTEGER PRIMARY KEY, owner BIGINT NOT NULL, scope TEXT NOT NULL, victim INTEGER NOT NULL, child INTEGER NOT NULL)`,
		`CREATE TABLE vis_agencies (object_id BIGINT NOT NULL, agency_id BIGINT NOT NULL)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	var objs []*access.Object
	for id := range 300 {
		o := &access.Object{
			Owner:  int64(1 + r.IntN(4)),
			Scope:  []access.Scope{access.ScopeOwner, access.ScopeAgencies, access.ScopeAll}[r.IntN(3)],
			Victim: r.IntN(4) == 0,
		}
		o.Child = o.Victim && r.IntN(2) == 0
		if o.Scope == access.ScopeAgencies {
			for a := int64(1); a <= 4; a++ {
				if r.IntN(2) == 0 {
					o.Agencies = append(o.Agencies, a)
					db.Exec(`INSERT INTO vis_agencies VALUES ($1, $2)`, id, a)
				}
			}
		}
		if _, err := db.Exec(`INSERT INTO vis_objects VALUES ($1, $2, $3, $4, $5)`, id, o.Owner, string(o.Scope), b(o.Victim), b(o.Child)); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	cols := access.Columns{Owner: "o.owner", Scope: "o.scope", Victim: "o.victim", Child: "o.child",
		Agencies: "SELECT agency_id FROM vis_agencies WHERE object_id = o.id"}
	roleSets := [][]iforce.Role{{iforce.RoleOfficer}, {iforce.RolePartner}, {iforce.RoleAdmin}, {iforce.RoleAuditor}, {iforce.RoleAnalyst, iforce.RolePartner}}
	clearSets := [][]iforce.Clearance{nil, {iforce.ClearanceVictimData}, {iforce.ClearanceVictimData, iforce.ClearanceChildData}, {iforce.ClearanceChildData}}
	for agency := int64(1); agency <= 4; agency++ {
		for _, roles := range roleSets {
			for _, cl := range clearSets {
				p := &iforce.Principal{UserID: 1, AgencyID: agency, Roles: roles, Clearances: cl}
				v := access.VisibilityFor(p)
				where, args := v.SQL(cols, 1)
				rows, err := db.Query(`SELECT o.id FROM vis_objects o WHERE `+where+` ORDER BY o.id`, args...)
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				var got []int
				for rows.Next() {
					var id int
					rows.Scan(&id)
					got = append(got, id)
				}
				rows.Close()
				var want []int
				for id, o := range objs {
					if access.Decide(p, access.RecordRead, o).Allowed {
						want = append(want, id)
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("principal %+v: SQL selects %d objects, Decide allows %d\n%s", p, len(got), len(want), fmt.Sprint(where))
				}
			}
		}
	}
}

func b(v bool) int {
	if v {
		return 1
	}
	return 0
}
