package audit

import (
	"fmt"
	"math/bits"

	"golang.org/x/mod/sumdb/tlog"
)

// Frontier is the right edge of an RFC 6962 Merkle tree: the roots of its complete
// subtrees, largest first. It is all a writer needs to extend the tree and compute its
// root, in O(log n) space.
type Frontier struct {
	Size  int64
	Peaks []tlog.Hash
}

// Append adds one leaf hash to the tree.
func (f *Frontier) Append(leaf tlog.Hash) {
	h := leaf
	// Merge while the lowest subtree has the same size as the new one: the number of
	// merges is the number of trailing one bits of Size.
	for i := bits.TrailingZeros64(^uint64(f.Size)); i > 0; i-- {
		last := f.Peaks[len(f.Peaks)-1]
		f.Peaks = f.Peaks[:len(f.Peaks)-1]
		h = tlog.NodeHash(last, h)
	}
	f.Peaks = append(f.Peaks, h)
	f.Size++
}

// Root returns the tree hash, equal to tlog.TreeHash for the same leaves.
func (f *Frontier) Root() tlog.Hash {
	if len(f.Peaks) == 0 {
		return tlog.Hash{}
	}
	h := f.Peaks[len(f.Peaks)-1]
	for i := len(f.Peaks) - 2; i >= 0; i-- {
		h = tlog.NodeHash(f.Peaks[i], h)
	}
	return h
}

// MarshalBinary encodes the frontier's peaks (the size is stored beside it).
func (f *Frontier) MarshalBinary() []byte {
	b := make([]byte, 0, len(f.Peaks)*tlog.HashSize)
	for _, p := range f.Peaks {
		b = append(b, p[:]...)
	}
	return b
}

// UnmarshalFrontier decodes peaks for a tree of the given size.
func UnmarshalFrontier(size int64, b []byte) (Frontier, error) {
	if size < 0 {
		return Frontier{}, fmt.Errorf("frontier: negative size")
	}
	want := bits.OnesCount64(uint64(size))
	if len(b) != want*tlog.HashSize {
		return Frontier{}, fmt.Errorf("frontier: %d bytes for size %d, want %d", len(b), size, want*tlog.HashSize)
	}
	f := Frontier{Size: size, Peaks: make([]tlog.Hash, want)}
	for i := range f.Peaks {
		copy(f.Peaks[i][:], b[i*tlog.HashSize:])
	}
	return f, nil
}
