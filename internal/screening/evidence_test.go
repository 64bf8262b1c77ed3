package screening

import (
	"fmt"
	"testing"

	"github.com/iforce-platform/iforce/internal/access"
)

// commonOutcome returns the namesakes of a result's common-name adjustment,
// or 0 without one.
func commonOutcome(r Result) int {
	for _, a := range r.Explanation.Adjustments {
		if a.Factor == "evidence" && a.Outcome == "common-name" {
			return a.Namesakes
		}
	}
	return 0
}

// namesakesIndex holds n persons named Іван Коваленко, born in 1980+i, the
// first visible to every agency, the others to their owner (agency 2) only.
func namesakesIndex(n int) *Index {
	x := New()
	for i := range n {
		p := person(fmt.Sprintf("kovalenko-%d", i), "Іван Коваленко", fmt.Sprintf("%d-04-0%d", 1980+i, 1+i), "UA", "male")
		p.Owner = 2
		if i > 0 {
			p.Scope = access.ScopeOwner
		}
		x.Add(p)
	}
	x.Add(person("petrenko", "Petro Petrenko", "", "", ""))
	return x
}

func TestCommonNameNeedsEvidence(t *testing.T) {
	owner := access.Visibility{Agency: 2, SeesAll: true}
	search := func(x *Index, q Query, v access.Visibility) []Result {
		rs, err := x.Search(q, v)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	x := namesakesIndex(5)
	rs := search(x, Query{Name: "Ivan Kovalenko"}, owner)
	if len(rs) != 5 {
		t.Fatalf("got %d results, want the 5 namesakes", len(rs))
	}
	for _, r := range rs {
		if n := commonOutcome(r); n != 5 {
			t.Errorf("%s: common-name namesakes %d, want 5 in %+v", r.ID, n, r.Explanation.Adjustments)
		}
	}
	few := search(namesakesIndex(3), Query{Name: "Ivan Kovalenko"}, owner)
	if len(few) != 3 || commonOutcome(few[0]) != 0 {
		t.Fatalf("3 namesakes: %+v, want 3 results without a common-name adjustment", few)
	}
	if rs[0].Score >= few[0].Score {
		t.Errorf("a common name scores %v, not below a rarer one's %v", rs[0].Score, few[0].Score)
	}
	// A confirming birth date is the evidence: that namesake needs no more.
	dob := search(x, Query{Name: "Ivan Kovalenko", BirthDate: "1982-04-03"}, owner)
	if len(dob) == 0 || dob[0].ID != "kovalenko-2" || commonOutcome(dob[0]) != 0 {
		t.Fatalf("with the birth date: %+v, want kovalenko-2 first without a common-name adjustment", dob)
	}
	// Persons the caller may not see are not counted: the one visible
	// namesake scores as if it were alone.
	partner := access.Visibility{Agency: 3, SeesAll: true}
	alone := search(namesakesIndex(1), Query{Name: "Ivan Kovalenko"}, partner)
	hidden := search(x, Query{Name: "Ivan Kovalenko"}, partner)
	if len(hidden) != 1 || hidden[0].ID != "kovalenko-0" || len(alone) != 1 {
		t.Fatalf("partner sees %+v, want kovalenko-0 alone", hidden)
	}
	if hidden[0].Score != alone[0].Score || commonOutcome(hidden[0]) != 0 {
		t.Errorf("hidden namesakes moved the score: %v (%+v), alone %v", hidden[0].Score, hidden[0].Explanation.Adjustments, alone[0].Score)
	}
}
