package audit

import (
	"fmt"
	"iter"
	"runtime"
	"sync"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Stored is an entry as read back from the database with the leaf hash stored beside it.
type Stored struct {
	Entry
	Leaf tlog.Hash
}

// Report summarises an intact log.
type Report struct {
	Entries     int64
	Checkpoints int
	Root        tlog.Hash
}

// String is the one-line summary printed by `iforce audit verify`.
func (r Report) String() string {
	return fmt.Sprintf("audit log intact: %d entries, %d signed checkpoints, root %s", r.Entries, r.Checkpoints, r.Root)
}

// TamperError names the first bad place in the log.
type TamperError struct {
	Seq     int64 // first bad entry, or -1 when the problem is a checkpoint
	Problem string
}

// Error implements error.
func (e *TamperError) Error() string {
	if e.Seq < 0 {
		return "audit log tampered: " + e.Problem
	}
	return fmt.Sprintf("audit log tampered: entry %d: %s", e.Seq, e.Problem)
}

// Verify checks a log: every checkpoint's signature, then, streaming the entries in seq
// order, that the sequence is gapless and that the tree recomputed from the entries
// has the signed hash at every checkpoint. It returns a *TamperError naming the first
// bad entry or checkpoint, or another error when reading fails.
func Verify(v note.Verifiers, checkpoints []string, entries iter.Seq2[Stored, error]) (Report, error) {
	cps, err := openAll(v, checkpoints)
	if err != nil {
		return Report{}, err
	}
	var (
		f       Frontier
		next    int   // index of the next checkpoint to meet
		prev    int64 // size at the previous checkpoint
		suspect int64 = -1
	)
	for s, err := range entries {
		if err != nil {
			return Report{}, fmt.Errorf("read audit entries: %w", err)
		}
		switch {
		case s.Seq > f.Size:
			return Report{}, &TamperError{Seq: f.Size, Problem: fmt.Sprintf("missing (the next entry is %d)", s.Seq)}
		case s.Seq < f.Size:
			return Report{}, &TamperError{Seq: s.Seq, Problem: "appears twice or out of order"}
		}
		if err := s.Validate(); err != nil {
			return Report{}, &TamperError{Seq: s.Seq, Problem: err.Error()}
		}
		leaf := s.LeafHash()
		if leaf != s.Leaf && suspect < 0 {
			suspect = s.Seq
		}
		f.Append(leaf)
		if next < len(cps) && f.Size == cps[next].Size {
			if f.Root() != cps[next].Hash {
				return Report{}, firstBad(prev, f.Size, suspect)
			}
			prev, suspect = f.Size, -1
			next++
		}
	}
	if next < len(cps) {
		return Report{}, &TamperError{Seq: f.Size, Problem: fmt.Sprintf("missing: a signed checkpoint covers %d entries, the log holds %d", cps[next].Size, f.Size)}
	}
	if f.Size > prev {
		return Report{}, &TamperError{Seq: prev, Problem: fmt.Sprintf("not covered by a signed checkpoint (%d entries after the last one)", f.Size-prev)}
	}
	return Report{Entries: f.Size, Checkpoints: len(cps), Root: f.Root()}, nil
}

// openAll verifies every checkpoint signature, spread over the processors, and checks
// that sizes grow. It reports the first bad checkpoint in log order.
func openAll(v note.Verifiers, checkpoints []string) ([]Checkpoint, error) {
	cps := make([]Checkpoint, len(checkpoints))
	errs := make([]error, len(checkpoints))
	workers := min(runtime.GOMAXPROCS(0), 1+len(checkpoints)/256)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(checkpoints); i += workers {
				cps[i], errs[i] = Open(v, checkpoints[i])
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, &TamperError{Seq: -1, Problem: fmt.Sprintf("checkpoint %d: %v", i+1, err)}
		}
		if i > 0 && cps[i].Size <= cps[i-1].Size {
			return nil, &TamperError{Seq: -1, Problem: fmt.Sprintf("checkpoint %d: size %d does not grow", i+1, cps[i].Size)}
		}
	}
	return cps, nil
}

func firstBad(from, to, suspect int64) *TamperError {
	if suspect >= 0 {
		return &TamperError{Seq: suspect, Problem: "content does not match its hash or the signed checkpoint"}
	}
	if to-from == 1 {
		return &TamperError{Seq: from, Problem: "content does not match the signed checkpoint"}
	}
	return &TamperError{Seq: from, Problem: fmt.Sprintf("entries %d to %d do not match the signed checkpoint (altered together with their stored hashes)", from, to-1)}
}
