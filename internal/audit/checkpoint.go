package audit

import (
	"fmt"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Checkpoint is a signed statement of the log's size and tree hash.
type Checkpoint struct {
	Size int64
	Hash tlog.Hash
	Note string // the signed note text as stored
}

// Sign returns the signed note of a tree of size n with root hash h.
func Sign(s note.Signer, n int64, h tlog.Hash) (string, error) {
	msg, err := note.Sign(&note.Note{Text: string(tlog.FormatTree(tlog.Tree{N: n, Hash: h}))}, s)
	if err != nil {
		return "", fmt.Errorf("sign checkpoint: %w", err)
	}
	return string(msg), nil
}

// Open verifies a signed checkpoint note with the keys of vs (the node's key and
// the keys it retired) and returns the tree it states.
func Open(vs note.Verifiers, msg string) (Checkpoint, error) {
	n, err := note.Open([]byte(msg), vs)
	if err != nil {
		return Checkpoint{}, fmt.Errorf("checkpoint signature: %w", err)
	}
	t, err := tlog.ParseTree([]byte(n.Text))
	if err != nil {
		return Checkpoint{}, fmt.Errorf("checkpoint text: %w", err)
	}
	return Checkpoint{Size: t.N, Hash: t.Hash, Note: msg}, nil
}
