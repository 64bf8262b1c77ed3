package screening

import (
	"slices"
	"testing"
)

func TestKeyIndex(t *testing.T) {
	k := newKeyIndex()
	var buf [1]uint32
	if got := k.get(1, &buf); got != nil {
		t.Fatalf("empty index: %v", got)
	}
	k.add(1, 7)
	if got := k.get(1, &buf); !slices.Equal(got, []uint32{7}) {
		t.Errorf("one token: %v", got)
	}
	k.add(1, 9)
	k.add(1, 3)
	k.add(2, 5)
	if got := k.get(1, &buf); !slices.Equal(got, []uint32{7, 9, 3}) {
		t.Errorf("three tokens: %v", got)
	}
	if got := k.get(2, &buf); !slices.Equal(got, []uint32{5}) {
		t.Errorf("another key: %v", got)
	}
	if len(k.one) != 1 || len(k.many) != 1 {
		t.Errorf("one %d, many %d: want a key in each", len(k.one), len(k.many))
	}
}
