// Package audit is the tamper-evident audit log of I-FORCE. Each entry is encoded
// canonically and hashed as a leaf of an RFC 6962 Merkle tree (golang.org/x/mod/sumdb/tlog);
// after every transaction that appends entries the node signs a checkpoint of the tree
// (golang.org/x/mod/sumdb/note). Verify recomputes the tree from the stored entries and
// reports the first entry that was altered, removed, inserted or reordered, or a
// checkpoint whose signature fails.
//
// Entries hold ids and hashes, never personal data, so a lawful erasure of a record does
// not break the chain. Apart from key files (key.go) the package does no I/O.
package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"golang.org/x/mod/sumdb/tlog"
)

// Decision values of an entry.
const (
	Allow = "allow"
	Deny  = "deny"
)

// Entry is one audited event.
type Entry struct {
	Seq        int64     `json:"seq"`     // position in the log, from 0, gapless
	Time       time.Time `json:"-"`       // UTC, millisecond precision
	TimeMS     int64     `json:"t"`       // Time as Unix milliseconds; the encoded form
	Actor      string    `json:"actor"`   // "user:42", "token:ab12…", "system", "anon:<hash>"
	Agency     string    `json:"agency"`  // the actor's agency code, "" for none
	Action     string    `json:"action"`  // e.g. "auth.login", "record.read"
	ObjectType string    `json:"otype"`   // e.g. "user", "record"
	ObjectID   string    `json:"oid"`     // id or hash of the object
	Purpose    string    `json:"purpose"` // the purpose the actor gave, if any
	Decision   string    `json:"dec"`     // Allow or Deny
	Reason     string    `json:"reason"`  // policy rule or failure reason, no personal data
	RequestID  string    `json:"req"`
}

// MaxFieldLen bounds every text field of an entry, in bytes.
const MaxFieldLen = 512

// Normalise sets TimeMS from Time (or Time from TimeMS) so both agree.
func (e *Entry) Normalise() {
	if !e.Time.IsZero() {
		e.TimeMS = e.Time.UnixMilli()
	}
	e.Time = time.UnixMilli(e.TimeMS).UTC()
}

// Validate checks the entry's fields.
func (e *Entry) Validate() error {
	if e.Seq < 0 {
		return fmt.Errorf("audit entry: negative seq %d", e.Seq)
	}
	if e.Decision != Allow && e.Decision != Deny {
		return fmt.Errorf("audit entry %d: decision %q is neither allow nor deny", e.Seq, e.Decision)
	}
	if e.Action == "" {
		return fmt.Errorf("audit entry %d: empty action", e.Seq)
	}
	for _, f := range []string{e.Actor, e.Agency, e.Action, e.ObjectType, e.ObjectID, e.Purpose, e.Reason, e.RequestID} {
		if len(f) > MaxFieldLen {
			return fmt.Errorf("audit entry %d: field longer than %d bytes", e.Seq, MaxFieldLen)
		}
	}
	return nil
}

// Encode returns the canonical encoding of e: compact JSON with the fields in a fixed
// order. The encoding includes Seq, so moving an entry changes its leaf hash.
func (e Entry) Encode() []byte {
	e.Normalise()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		panic("audit: encoding a flat struct cannot fail: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Decode parses a canonical encoding. Anything that does not re-encode to the same bytes
// is rejected, so one entry has exactly one encoding.
func Decode(b []byte) (Entry, error) {
	var e Entry
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return Entry{}, fmt.Errorf("decode audit entry: %w", err)
	}
	if dec.More() {
		return Entry{}, fmt.Errorf("decode audit entry: trailing data")
	}
	e.Normalise()
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	if !bytes.Equal(e.Encode(), b) {
		return Entry{}, fmt.Errorf("decode audit entry: not in canonical form")
	}
	return e, nil
}

// LeafHash is the Merkle leaf hash of e.
func (e Entry) LeafHash() tlog.Hash { return tlog.RecordHash(e.Encode()) }
