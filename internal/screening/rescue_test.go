package screening

import (
	"fmt"
	"testing"
)

// TestRescue: a part the blocking keys miss is compared directly with the
// parts of the records the other part selects, when they are few.
func TestRescue(t *testing.T) {
	x := New()
	x.Add(person("kavalyow", "Шами Kavalyow", "", "", ""))
	x.Add(person("roya", "როია Whittle", "", "", ""))
	find := func(q string) []Result {
		rs, err := x.Search(Query{Name: q}, all)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	for q, want := range map[string]string{"Schami Kawaljjou": "kavalyow", "Roya Whittle": "roya"} {
		rs := find(q)
		if len(rs) != 1 || rs[0].ID != want {
			t.Errorf("%q: got %+v, want %s", q, rs, want)
		}
	}
	// The comparison decides, as for any candidate: no route, no match.
	if rs := find("Zbigniew Whittle"); len(rs) != 0 {
		t.Errorf("Zbigniew Whittle: got %+v", rs)
	}
	// Beyond maxRescueDocs records for the other part, no rescue.
	for i := range maxRescueDocs {
		x.Add(person(fmt.Sprintf("whittle-%d", i), fmt.Sprintf("Name%d Whittle", i), "", "", ""))
	}
	if rs := find("Roya Whittle"); len(rs) != 0 {
		t.Errorf("with %d more Whittles: got %+v", maxRescueDocs, rs)
	}
}
