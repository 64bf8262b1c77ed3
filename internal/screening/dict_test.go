package screening

import (
	"slices"
	"testing"
)

// countShared reuses its counters: each call must see them zeroed, whatever
// the calls before it counted.
func TestCountSharedReusesCleanCounters(t *testing.T) {
	d := newDict()
	for _, tok := range []string{"shevchenko", "savchenko", "kovalenko", "bondarenko", "tkachenko", "melnyk"} {
		d.intern(tok)
	}
	tests := []struct {
		postings [][]uint32
		seen     map[uint32]bool
		need     int
		want     []uint32
	}{
		{[][]uint32{{0, 1, 2}, {1, 2}, {2}}, nil, 2, []uint32{2, 1}},
		{[][]uint32{{0, 1, 2}, {1, 2}, {2}}, map[uint32]bool{2: true}, 1, []uint32{1, 0}},
		{[][]uint32{{3}, {4}, {5}}, nil, 2, nil}, // nothing left over from the calls before
		{[][]uint32{{3, 4}, {4}, {5}}, nil, 1, []uint32{4, 3, 5}},
		{[][]uint32{{0, 1, 2}, {1, 2}, {2}}, nil, 2, []uint32{2, 1}}, // the first call again
	}
	for i, tt := range tests {
		if got := d.countShared(tt.postings, tt.seen, tt.need); !slices.Equal(got, tt.want) {
			t.Errorf("call %d: countShared = %v, want %v", i, got, tt.want)
		}
	}
}
