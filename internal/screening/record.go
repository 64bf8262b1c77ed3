package screening

import (
	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// FromRecord returns the screening view of a live Person record whose named
// distribution has the agency ids agencyIDs; ok is false for other schemas
// and archived records.
func FromRecord(r *iforce.Record, agencyIDs []int64) (p Person, ok bool) {
	if r == nil || r.Schema != "Person" || r.Archived {
		return Person{}, false
	}
	p = Person{ID: r.ID, Owner: r.OwnerID, Scope: access.Scope(r.Distribution.Scope), Agencies: agencyIDs,
		Victim: r.Victim(), Child: r.Child, BirthDates: r.Properties["birthDate"], Nationalities: r.Properties["nationality"],
		Gender: r.First("gender")}
	first, middle, patr, last := r.First("firstName"), r.First("middleName"), r.First("patronymic"), r.First("lastName")
	if first != "" || last != "" {
		p.Names = append(p.Names, Name{First: first, Middle: middle, Patronymic: patr, Last: last})
	}
	for _, prop := range []string{"name", "alias"} {
		for _, v := range r.Properties[prop] {
			p.Names = append(p.Names, Name{Full: v})
		}
	}
	return p, true
}
