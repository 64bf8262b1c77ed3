package audit

import (
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/mod/sumdb/tlog"
	"pgregory.net/rapid"
)

func testKeys(t testing.TB) *Keys {
	t.Helper()
	k, err := ParseKeys("PRIVATE+KEY+iforce-audit+c4de1aef+ARC1t4CB648crJgBSJXMnlh3XUpzmpZK32IeBL7LfaIR")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func entry(seq int64) Entry {
	return Entry{Seq: seq, Time: time.UnixMilli(1_700_000_000_000 + seq).UTC(), Actor: fmt.Sprintf("user:%d", seq%7+1),
		Agency: "UA-NCB", Action: "record.read", ObjectType: "record", ObjectID: fmt.Sprint(seq * 3), Decision: Allow, RequestID: "r"}
}

// buildLog writes n entries in transactions of random sizes, signing a checkpoint
// after each, as the store does.
func buildLog(t testing.TB, r *rand.Rand, n int) ([]Stored, []string) {
	k := testKeys(t)
	var f Frontier
	var entries []Stored
	var cps []string
	for int64(len(entries)) < int64(n) {
		batch := 1 + r.IntN(3)
		for i := 0; i < batch && len(entries) < n; i++ {
			e := entry(int64(len(entries)))
			e.Normalise()
			leaf := e.LeafHash()
			f.Append(leaf)
			entries = append(entries, Stored{e, leaf})
		}
		msg, err := Sign(k.Signer, f.Size, f.Root())
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, msg)
	}
	return entries, cps
}

func seq(es []Stored) iter.Seq2[Stored, error] {
	return func(yield func(Stored, error) bool) {
		for _, e := range es {
			if !yield(e, nil) {
				return
			}
		}
	}
}

func TestFrontierMatchesTlog(t *testing.T) {
	var f Frontier
	var stored []tlog.Hash
	for n := int64(0); n < 70; n++ {
		leaf := tlog.RecordHash([]byte(fmt.Sprint(n)))
		hs, err := tlog.StoredHashes(n, []byte(fmt.Sprint(n)), tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
			out := make([]tlog.Hash, len(idx))
			for i, x := range idx {
				out[i] = stored[x]
			}
			return out, nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, hs...)
		f.Append(leaf)
		want, err := tlog.TreeHash(n+1, tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
			out := make([]tlog.Hash, len(idx))
			for i, x := range idx {
				out[i] = stored[x]
			}
			return out, nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		if f.Root() != want {
			t.Fatalf("size %d: root %v, tlog %v", n+1, f.Root(), want)
		}
		g, err := UnmarshalFrontier(f.Size, f.MarshalBinary())
		if err != nil || g.Root() != want {
			t.Fatalf("size %d: frontier round trip: %v", n+1, err)
		}
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := Entry{
			Seq:        rapid.Int64Range(0, 1<<40).Draw(t, "seq"),
			TimeMS:     rapid.Int64Range(0, 1<<45).Draw(t, "t"),
			Actor:      rapid.StringN(0, 40, MaxFieldLen).Draw(t, "actor"),
			Agency:     rapid.StringN(0, 10, MaxFieldLen).Draw(t, "agency"),
			Action:     rapid.StringN(1, 20, MaxFieldLen).Draw(t, "action"),
			ObjectType: rapid.String().Draw(t, "otype"),
			ObjectID:   rapid.String().Draw(t, "oid"),
			Purpose:    rapid.StringN(0, 50, MaxFieldLen).Draw(t, "purpose"),
			Decision:   rapid.SampledFrom([]string{Allow, Deny}).Draw(t, "dec"),
			RequestID:  rapid.StringN(0, 20, MaxFieldLen).Draw(t, "req"),
		}
		if len(e.ObjectType) > MaxFieldLen || len(e.ObjectID) > MaxFieldLen {
			t.Skip("too long")
		}
		e.Normalise()
		got, err := Decode(e.Encode())
		if err != nil {
			t.Fatalf("decode %q: %v", e.Encode(), err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}

func TestDecodeRejectsNonCanonical(t *testing.T) {
	e := entry(3)
	good := e.Encode()
	for name, b := range map[string]string{
		"spaces":       " " + string(good),
		"unknown":      `{"seq":3,"x":1}`,
		"reordered":    `{"t":1700000000003,"seq":3,"actor":"","agency":"","action":"a","otype":"","oid":"","purpose":"","dec":"allow","reason":"","req":""}`,
		"bad decision": `{"seq":3,"t":1,"actor":"","agency":"","action":"a","otype":"","oid":"","purpose":"","dec":"maybe","reason":"","req":""}`,
		"trailing":     string(good) + "{}",
	} {
		if _, err := Decode([]byte(b)); err == nil {
			t.Errorf("%s: Decode accepted %s", name, b)
		}
	}
}

func TestVerifyIntact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 64, 301} {
		es, cps := buildLog(t, r, n)
		rep, err := Verify(testKeys(t).Verifiers, cps, seq(es))
		if err != nil {
			t.Fatalf("n=%d: false alarm: %v", n, err)
		}
		if rep.Entries != int64(n) || rep.Checkpoints != len(cps) {
			t.Fatalf("n=%d: report %+v", n, rep)
		}
	}
}

// TestVerifyDetectsTampering runs randomised trials of each kind of tampering and
// requires detection naming the right entry.
func TestVerifyDetectsTampering(t *testing.T) {
	k := testKeys(t)
	r := rand.New(rand.NewPCG(7, 9))
	for trial := range 200 {
		n := 2 + r.IntN(120)
		es, cps := buildLog(t, r, n)
		victim := int64(r.IntN(n))
		kind := trial % 6
		var wantSeq int64 = victim
		switch kind {
		case 0: // edit content, leaving the stored leaf hash
			es[victim].ObjectID = "forged"
		case 1: // edit content and recompute the stored leaf hash
			es[victim].Decision = Deny
			es[victim].Leaf = es[victim].LeafHash()
		case 2: // delete
			es = append(es[:victim], es[victim+1:]...)
		case 3: // insert a forged entry, renumbering those after it
			forged := entry(victim)
			forged.Action = "forged"
			forged.Normalise()
			rest := append([]Stored{{forged, forged.LeafHash()}}, es[victim:]...)
			for i := range rest {
				rest[i].Seq = victim + int64(i)
				rest[i].Leaf = rest[i].LeafHash()
			}
			es = append(es[:victim:victim], rest...)
		case 4: // reorder two adjacent entries' content
			if victim == int64(n-1) {
				victim--
			}
			wantSeq = victim
			a, b := es[victim], es[victim+1]
			a.Seq, b.Seq = b.Seq, a.Seq
			es[victim], es[victim+1] = b, a
		case 5: // forged checkpoint (signed by another key)
			other, err := ParseKeys("PRIVATE+KEY+iforce-audit+52357df8+AUvkGn1WNp+CW/inFa2nPpYnmWTqLr9XmJy0or/V1d79")
			if err != nil {
				t.Fatal(err)
			}
			i := r.IntN(len(cps))
			c, _ := Open(k.Verifiers, cps[i])
			cps[i], _ = Sign(other.Signer, c.Size, c.Hash)
			wantSeq = -1
		}
		_, err := Verify(k.Verifiers, cps, seq(es))
		var te *TamperError
		if !errors.As(err, &te) {
			t.Fatalf("trial %d kind %d victim %d: not detected (err %v)", trial, kind, victim, err)
		}
		switch kind {
		case 1, 3:
			// Hashes recomputed along with the content: the checkpoint names the
			// first entry of the transaction that holds the victim, at or before it.
			if te.Seq > victim || te.Seq < 0 {
				t.Fatalf("trial %d kind %d: named %d, victim %d: %v", trial, kind, te.Seq, victim, err)
			}
		default:
			if te.Seq != wantSeq {
				t.Fatalf("trial %d kind %d: named %d, want %d: %v", trial, kind, te.Seq, wantSeq, err)
			}
		}
	}
}

func BenchmarkVerify100k(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	es, cps := buildLog(b, r, 100_000)
	v := testKeys(b).Verifiers
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Verify(v, cps, seq(es)); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(entry(1).Encode())
	f.Add([]byte(`{"seq":0}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := Decode(b)
		if err != nil {
			return
		}
		if string(e.Encode()) != string(b) {
			t.Fatalf("accepted non-canonical %q", b)
		}
	})
}

// TestRotateKey: checkpoints signed by a retired key still verify after a rotation;
// new ones are signed by the new key; a key that was never the node's does not verify.
func TestRotateKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.key")
	k1, err := LoadOrCreateKeys(path)
	if err != nil {
		t.Fatal(err)
	}
	var h tlog.Hash
	before, err := Sign(k1.Signer, 1, h)
	if err != nil {
		t.Fatal(err)
	}
	old, k2, err := RotateKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if old.Public != k1.Public || k2.Public == k1.Public || len(k2.Retired) != 1 || k2.Retired[0] != k1.Public {
		t.Fatalf("rotation: old %s, new %s, retired %v", old.Public, k2.Public, k2.Retired)
	}
	after, err := Sign(k2.Signer, 2, h)
	if err != nil {
		t.Fatal(err)
	}
	reloaded, err := LoadOrCreateKeys(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range []string{before, after} {
		if _, err := Open(reloaded.Verifiers, msg); err != nil {
			t.Errorf("after rotation: %v", err)
		}
	}
	if _, err := Open(k1.Verifiers, after); err == nil {
		t.Error("a checkpoint of the new key verified with the old key alone")
	}
	if _, err := Open(testKeys(t).Verifiers, before); err == nil {
		t.Error("a checkpoint verified with a key that was never the node's")
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("new key file mode: %v, %v", info.Mode(), err)
	}
}

func TestParseVerifiersNamesTheBadKey(t *testing.T) {
	if _, err := ParseVerifiers(testKeys(t).Public + "\nnot-a-key"); err == nil || !strings.Contains(err.Error(), `"not-a-key"`) {
		t.Errorf("ParseVerifiers: %v, want an error naming the bad key", err)
	}
	if _, err := ParseVerifiers("  \n"); err == nil {
		t.Error("ParseVerifiers of nothing: no error")
	}
}
