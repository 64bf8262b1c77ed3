package sqlstoretest

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/mod/sumdb/note"

	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// TestContract runs the store contract on every engine.
func TestContract(t *testing.T) {
	for _, engine := range Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			t.Run("Agencies", func(t *testing.T) { testAgencies(t, Open(t, engine, nil)) })
			t.Run("Users", func(t *testing.T) { testUsers(t, Open(t, engine, nil)) })
			t.Run("Tokens", func(t *testing.T) { testTokens(t, Open(t, engine, nil)) })
			t.Run("Sessions", func(t *testing.T) { testSessions(t, engine) })
			t.Run("LoginAttempts", func(t *testing.T) { testLoginAttempts(t, Open(t, engine, nil)) })
			t.Run("Leases", func(t *testing.T) { testLeases(t, Open(t, engine, nil)) })
			t.Run("ListJobs", func(t *testing.T) { testListJobs(t, Open(t, engine, nil)) })
			t.Run("AuditAndChangeLog", func(t *testing.T) { testAuditAndChanges(t, Open(t, engine, nil)) })
			t.Run("AuditFailureUndoesAction", func(t *testing.T) { testAuditFailureUndoes(t, Open(t, engine, nil)) })
			t.Run("AuditTampering", func(t *testing.T) { testAuditTampering(t, engine) })
			t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, Open(t, engine, nil)) })
			t.Run("VisibilitySQL", func(t *testing.T) { testVisibilitySQL(t, Open(t, engine, nil)) })
			t.Run("MigrateTwice", func(t *testing.T) {
				s := Open(t, engine, nil)
				if err := s.Migrate(context.Background()); err != nil {
					t.Fatal(err)
				}
				if v, err := s.SchemaVersion(context.Background()); err != nil || v < 1 {
					t.Fatalf("schema version %d, %v", v, err)
				}
			})
		})
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return c
}

func entry(action string) audit.Entry {
	return audit.Entry{Actor: "system", Action: action, Decision: audit.Allow}
}

// mustTx runs fn in a transaction that also writes one audit entry.
func mustTx(t *testing.T, s *sqlstore.Store, fn func(tx *sqlstore.Tx) error) {
	t.Helper()
	if err := s.InTx(ctx(t), func(tx *sqlstore.Tx) error {
		e := entry("test")
		e.ObjectID = fmt.Sprint(time.Now().UnixNano()) // entries differ, so reordering them is visible
		tx.Audit(e)
		return fn(tx)
	}); err != nil {
		t.Fatal(err)
	}
}

func addAgency(t *testing.T, s *sqlstore.Store, code, country string) *iforce.Agency {
	a := &iforce.Agency{Code: code, Name: "Agency " + code, Country: country, Kind: iforce.AgencyNCB, Active: true}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.CreateAgency(ctx(t), a) })
	return a
}

func addUser(t *testing.T, s *sqlstore.Store, a *iforce.Agency, username string, roles ...iforce.Role) *iforce.User {
	u := &iforce.User{Username: username, Name: "User " + username, AgencyID: a.ID, Roles: roles}
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.CreateUser(ctx(t), u, "$argon2id$x") })
	return u
}

func testAgencies(t *testing.T, s *sqlstore.Store) {
	a := addAgency(t, s, "UA-NCB", "UA")
	got, err := s.Read().AgencyByCode(ctx(t), "ua-ncb")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("agency round trip (-want +got):\n%s", diff)
	}
	err = s.InTx(ctx(t), func(tx *sqlstore.Tx) error {
		return tx.CreateAgency(ctx(t), &iforce.Agency{Code: "UA-NCB", Name: "dup", Country: "UA", Kind: iforce.AgencyNCB})
	})
	if !iforce.IsKind(err, iforce.KindConflict) {
		t.Errorf("duplicate code: got %v, want conflict", err)
	}
	a.Active, a.Name = false, "Національне центральне бюро Інтерполу в Україні"
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.UpdateAgency(ctx(t), a) })
	got, _ = s.Read().Agency(ctx(t), a.ID)
	if got.Active || got.Name != a.Name {
		t.Errorf("update not stored: %+v", got)
	}
	if _, err := s.Read().Agency(ctx(t), 9999); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("missing agency: %v", err)
	}
	addAgency(t, s, "MD-NCB", "MD")
	all, err := s.Read().Agencies(ctx(t))
	if err != nil || len(all) != 2 || all[0].Country != "MD" {
		t.Errorf("Agencies = %v, %v", all, err)
	}
}

func testUsers(t *testing.T, s *sqlstore.Store) {
	a := addAgency(t, s, "MD-NCB", "MD")
	u := &iforce.User{Username: "ion.rusu", Name: "Ion Rusu", AgencyID: a.ID, Roles: []iforce.Role{iforce.RoleAnalyst, iforce.RoleOfficer}, Clearances: []iforce.Clearance{iforce.ClearanceVictimData}, Locale: "ro"}
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.CreateUser(ctx(t), u, "hash1") })
	u.Agency = "MD-NCB"
	got, err := s.Read().UserByUsername(ctx(t), "ION.RUSU")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(u, got); diff != "" {
		t.Errorf("user round trip (-want +got):\n%s", diff)
	}
	err = s.InTx(ctx(t), func(tx *sqlstore.Tx) error {
		return tx.CreateUser(ctx(t), &iforce.User{Username: "ion.rusu", Name: "x", AgencyID: a.ID, Roles: u.Roles}, "")
	})
	if !iforce.IsKind(err, iforce.KindConflict) {
		t.Errorf("duplicate username: %v", err)
	}
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.SetMFA(ctx(t), u.ID, "SECRET", true) })
	var first, replay, later bool
	mustTx(t, s, func(tx *sqlstore.Tx) (err error) {
		if first, err = tx.UseMFAStep(ctx(t), u.ID, 100); err != nil {
			return err
		}
		if replay, err = tx.UseMFAStep(ctx(t), u.ID, 100); err != nil {
			return err
		}
		later, err = tx.UseMFAStep(ctx(t), u.ID, 101)
		return err
	})
	if !first || replay || !later {
		t.Errorf("mfa steps: first %v replay %v later %v", first, replay, later)
	}
	c, err := s.Read().UserCredentials(ctx(t), u.ID)
	if err != nil || c.PasswordHash != "hash1" || c.MFASecret != "SECRET" || c.MFALastStep != 101 {
		t.Errorf("credentials %+v, %v", c, err)
	}
	u.Disabled = true
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.UpdateUser(ctx(t), u) })
	if got, _ := s.Read().User(ctx(t), u.ID); !got.Disabled {
		t.Error("disable not stored")
	}
	if _, err := s.Read().User(ctx(t), 12345); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("missing user: %v", err)
	}
}

func testTokens(t *testing.T, s *sqlstore.Store) {
	a := addAgency(t, s, "PL-NCB", "PL")
	u := addUser(t, s, a, "anna", iforce.RoleAnalyst)
	now := time.Now().UTC().Truncate(time.Millisecond)
	tok := &iforce.Token{ID: "abc", UserID: u.ID, Name: "ci", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.CreateToken(ctx(t), tok, "h1") })
	got, err := s.Read().TokenBySecretHash(ctx(t), "h1")
	if err != nil || got.ID != "abc" || !got.Active(now) || got.Active(now.Add(2*time.Hour)) {
		t.Fatalf("token %+v, %v", got, err)
	}
	if _, err := s.Read().TokenBySecretHash(ctx(t), "h2"); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("unknown hash: %v", err)
	}
	mustTx(t, s, func(tx *sqlstore.Tx) error { return tx.RevokeToken(ctx(t), "abc", now) })
	if got, _ := s.Read().Token(ctx(t), "abc"); got.Active(now) {
		t.Error("revoked token active")
	}
	err = s.InTx(ctx(t), func(tx *sqlstore.Tx) error { return tx.RevokeToken(ctx(t), "abc", now) })
	if !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("second revoke: %v", err)
	}
	list, err := s.Read().Tokens(ctx(t), u.ID)
	if err != nil || len(list) != 1 {
		t.Errorf("Tokens = %v, %v", list, err)
	}
}

func testSessions(t *testing.T, engine sqlstore.Engine) {
	now := time.Now()
	clock := func() time.Time { return now }
	s := Open(t, engine, clock)
	ss := s.Sessions()
	if err := ss.Commit("tok", []byte("data"), now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if b, ok, err := ss.Find("tok"); err != nil || !ok || string(b) != "data" {
		t.Fatalf("find: %q %v %v", b, ok, err)
	}
	if err := ss.Commit("tok", []byte("data2"), now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if b, _, _ := ss.Find("tok"); string(b) != "data2" {
		t.Errorf("recommit: %q", b)
	}
	now = now.Add(2 * time.Minute)
	if _, ok, _ := ss.Find("tok"); ok {
		t.Error("expired session found")
	}
	if n, err := ss.DeleteExpired(ctx(t)); err != nil || n != 1 {
		t.Errorf("DeleteExpired = %d, %v", n, err)
	}
	ss.Commit("tok2", []byte("x"), now.Add(time.Hour))
	ss.Delete("tok2")
	if _, ok, _ := ss.Find("tok2"); ok {
		t.Error("deleted session found")
	}
	var n int
	s.DB().QueryRow(`SELECT COUNT(*) FROM sessions WHERE token_hash = 'tok'`).Scan(&n)
	if n != 0 {
		t.Error("session token stored in clear")
	}
}

func testLoginAttempts(t *testing.T, s *sqlstore.Store) {
	now := time.Now()
	mustTx(t, s, func(tx *sqlstore.Tx) error {
		for i := range 3 {
			if err := tx.RecordLoginAttempt(ctx(t), "u1", "10.0.0.1", now.Add(time.Duration(i)*time.Second), false); err != nil {
				return err
			}
		}
		return tx.RecordLoginAttempt(ctx(t), "u2", "10.0.0.1", now, false)
	})
	if n, _ := s.Read().FailedLogins(ctx(t), "u1", now.Add(-time.Minute)); n != 3 {
		t.Errorf("failed logins %d, want 3", n)
	}
	if n, _ := s.Read().FailedLoginsFrom(ctx(t), "10.0.0.1", now.Add(-time.Minute)); n != 4 {
		t.Errorf("failed from address %d, want 4", n)
	}
	mustTx(t, s, func(tx *sqlstore.Tx) error {
		return tx.RecordLoginAttempt(ctx(t), "u1", "10.0.0.1", now.Add(5*time.Second), true)
	})
	if n, _ := s.Read().FailedLogins(ctx(t), "u1", now.Add(-time.Minute)); n != 0 {
		t.Errorf("after success: %d, want 0", n)
	}
}

func testLeases(t *testing.T, s *sqlstore.Store) {
	now := time.Now()
	q := s.Read()
	if ok, err := q.AcquireLease(ctx(t), "job", "a", now, now.Add(time.Minute)); err != nil || !ok {
		t.Fatalf("first acquire %v %v", ok, err)
	}
	if ok, _ := q.AcquireLease(ctx(t), "job", "b", now, now.Add(time.Minute)); ok {
		t.Error("b took a held lease")
	}
	if ok, _ := q.AcquireLease(ctx(t), "job", "a", now, now.Add(2*time.Minute)); !ok {
		t.Error("a could not renew")
	}
	if ok, _ := q.AcquireLease(ctx(t), "job", "b", now.Add(3*time.Minute), now.Add(4*time.Minute)); !ok {
		t.Error("b could not take an expired lease")
	}
}

func testListJobs(t *testing.T, s *sqlstore.Store) {
	u := addUser(t, s, addAgency(t, s, "MD-NCB", "MD"), "ion", iforce.RoleOfficer)
	q := s.Read()
	start := time.Now().UTC().Truncate(time.Millisecond)
	for _, id := range []string{"old", "new"} {
		at := start
		if id == "old" {
			at = start.Add(-2 * time.Hour)
		}
		if err := q.InsertListJob(ctx(t), &sqlstore.ListJob{ID: id, UserID: u.ID, Name: "manifest.csv", Total: 3, StartedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := q.RunningListJobs(ctx(t), u.ID, start.Add(-time.Hour)); err != nil || n != 1 {
		t.Errorf("running jobs %d, %v; want the new one", n, err)
	}
	if err := q.SetListJobDone(ctx(t), "new", 2); err != nil {
		t.Fatal(err)
	}
	j, err := q.ListJob(ctx(t), "new", true)
	if err != nil || j.Done != 2 || !j.FinishedAt.IsZero() || j.Results != nil || !j.StartedAt.Equal(start) || j.UserID != u.ID {
		t.Fatalf("running job %+v, %v", j, err)
	}
	fin := &sqlstore.ListJob{ID: "new", Done: 3, FinishedAt: start.Add(time.Second), Report: `{"rows":3}`, Results: []byte("line,input\n")}
	if err := q.FinishListJob(ctx(t), fin); err != nil {
		t.Fatal(err)
	}
	// A finished job is not changed again.
	if err := q.SetListJobDone(ctx(t), "new", 1); err != nil {
		t.Fatal(err)
	}
	if err := q.FinishListJob(ctx(t), &sqlstore.ListJob{ID: "new", Failure: "late", FinishedAt: start.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	j, err = q.ListJob(ctx(t), "new", true)
	if err != nil || j.Done != 3 || !j.FinishedAt.Equal(start.Add(time.Second)) || j.Failure != "" || j.Report != `{"rows":3}` || string(j.Results) != "line,input\n" {
		t.Fatalf("finished job %+v, %v", j, err)
	}
	if n, _ := q.RunningListJobs(ctx(t), u.ID, start.Add(-time.Hour)); n != 0 {
		t.Errorf("running jobs after the end: %d", n)
	}
	if j, _ := q.ListJob(ctx(t), "new", false); j.Results != nil {
		t.Error("results read without asking")
	}
	if n, err := q.DeleteListJobs(ctx(t), start.Add(-time.Hour)); err != nil || n != 1 {
		t.Fatalf("deleted %d, %v", n, err)
	}
	if _, err := q.ListJob(ctx(t), "old", false); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("deleted job: %v", err)
	}
}

func testAuditAndChanges(t *testing.T, s *sqlstore.Store) {
	for i := range 5 {
		addAgency(t, s, fmt.Sprintf("A%d", i), "RO")
	}
	rep, err := s.VerifyAudit(ctx(t), Keys(t).Verifiers)
	if err != nil || rep.Entries != 5 || rep.Checkpoints != 3 { // history at 2 and 4, head at 5
		t.Fatalf("verify: %+v, %v", rep, err)
	}
	changes, err := s.Read().ChangesSince(ctx(t), 0, 100)
	if err != nil || len(changes) != 5 {
		t.Fatalf("changes %v, %v", changes, err)
	}
	for i, c := range changes {
		if c.Seq != int64(i+1) || c.Entity != "agency" || c.Op != "create" {
			t.Errorf("change %d: %+v", i, c)
		}
	}
	if later, _ := s.Read().ChangesSince(ctx(t), 3, 100); len(later) != 2 {
		t.Errorf("since 3: %d", len(later))
	}
	es, err := s.Read().AuditEntries(ctx(t), sqlstore.AuditFilter{Action: "te", Limit: 2})
	if err != nil || len(es) != 2 || es[0].Seq != 4 {
		t.Errorf("audit entries %+v, %v", es, err)
	}
	es, _ = s.Read().AuditEntries(ctx(t), sqlstore.AuditFilter{Before: es[1].Seq})
	if len(es) != 3 {
		t.Errorf("page 2: %d entries", len(es))
	}
}

func testAuditFailureUndoes(t *testing.T, s *sqlstore.Store) {
	err := s.InTx(ctx(t), func(tx *sqlstore.Tx) error {
		tx.Audit(audit.Entry{Actor: "system", Action: "agency.create", Decision: "bogus"}) // invalid: the append fails
		return tx.CreateAgency(ctx(t), &iforce.Agency{Code: "GE-NCB", Name: "Georgia", Country: "GE", Kind: iforce.AgencyNCB})
	})
	if err == nil {
		t.Fatal("transaction with a failing audit append committed")
	}
	if _, err := s.Read().AgencyByCode(ctx(t), "GE-NCB"); !iforce.IsKind(err, iforce.KindNotFound) {
		t.Errorf("action happened without its audit entry: %v", err)
	}
	if n, _ := s.Read().AuditSize(ctx(t)); n != 0 {
		t.Errorf("audit size %d after rollback", n)
	}
}

func testAuditTampering(t *testing.T, engine sqlstore.Engine) {
	exec := func(qs ...string) func(*testing.T, *sqlstore.Store) {
		return func(t *testing.T, s *sqlstore.Store) {
			for _, q := range qs {
				if _, err := s.DB().Exec(q); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// forge rewrites the signed checkpoint at size 2 so that it states another tree hash.
	forge := func(t *testing.T, s *sqlstore.Store) {
		var n string
		if err := s.DB().QueryRow(`SELECT note FROM audit_checkpoints WHERE size = 2`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(n, "\n", 4)
		h := []byte(lines[2])
		h[0] ^= 1
		lines[2] = string(h)
		if _, err := s.DB().Exec(`UPDATE audit_checkpoints SET note = $1 WHERE size = 2`, strings.Join(lines, "\n")); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name   string
		tamper func(*testing.T, *sqlstore.Store)
		wantAt int64
	}{
		{"edit", exec(`UPDATE audit_entries SET object_id = 'forged' WHERE seq = 3`), 3},
		{"delete", exec(`DELETE FROM audit_entries WHERE seq = 2`), 2},
		{"insert", exec(`INSERT INTO audit_entries SELECT seq + 100, t, actor, agency, 'forged', object_type, object_id, purpose, decision, reason, request_id, leaf FROM audit_entries WHERE seq = 5`), 6},
		{"reorder", exec(`UPDATE audit_entries SET seq = -1 WHERE seq = 1`, `UPDATE audit_entries SET seq = 1 WHERE seq = 4`, `UPDATE audit_entries SET seq = 4 WHERE seq = -1`), 1},
		{"truncate", exec(`DELETE FROM audit_entries WHERE seq = 5`), 5},
		{"forged checkpoint", forge, -1},
		{"dropped checkpoint signature", exec(`UPDATE audit_checkpoints SET note = substr(note, 1, length(note) - 20) WHERE size = 4`), -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := Open(t, engine, nil)
			for i := range 6 {
				addAgency(t, s, fmt.Sprintf("X%d", i), "LT")
			}
			if _, err := s.VerifyAudit(ctx(t), Keys(t).Verifiers); err != nil {
				t.Fatalf("false alarm before tampering: %v", err)
			}
			tc.tamper(t, s)
			_, err := s.VerifyAudit(ctx(t), Keys(t).Verifiers)
			var te *audit.TamperError
			if !errors.As(err, &te) {
				t.Fatalf("not detected: %v", err)
			}
			if te.Seq != tc.wantAt {
				t.Errorf("named entry %d, want %d: %v", te.Seq, tc.wantAt, err)
			}
		})
	}
	t.Run("rotated key", func(t *testing.T) {
		old := Keys(t)
		skey, _, err := note.GenerateKey(rand.Reader, audit.KeyName)
		if err != nil {
			t.Fatal(err)
		}
		rotated, err := audit.ParseKeys(skey, old.Public)
		if err != nil {
			t.Fatal(err)
		}
		forgetful, _ := audit.ParseKeys(skey) // the new key without the retired one
		ss := OpenKeys(t, engine, old, rotated, forgetful)
		write := func(s *sqlstore.Store, action string) error {
			return s.InTx(ctx(t), func(tx *sqlstore.Tx) error { tx.Audit(entry(action)); return nil })
		}
		for i := range 5 {
			if err := write(ss[0], fmt.Sprintf("before.%d", i)); err != nil {
				t.Fatal(err)
			}
		}
		// The node with the new key accepts the head the retired key signed.
		if err := write(ss[1], "after"); err != nil {
			t.Fatalf("write after rotation: %v", err)
		}
		if rep, err := ss[1].VerifyAudit(ctx(t), rotated.Verifiers); err != nil || rep.Entries != 6 {
			t.Errorf("verify with the new and retired keys: %+v %v", rep, err)
		}
		// Without the retired key the older checkpoints do not verify, and a node still
		// holding the old key refuses to sign over the new head.
		if _, err := ss[2].VerifyAudit(ctx(t), forgetful.Verifiers); err == nil {
			t.Error("older checkpoints verified without the retired key")
		}
		if err := write(ss[0], "stale"); err == nil {
			t.Error("a node with the old key extended a head signed by the new one")
		}
	})
	t.Run("forged head", func(t *testing.T) {
		s := Open(t, engine, nil)
		for i := range 6 {
			addAgency(t, s, fmt.Sprintf("X%d", i), "LT")
		}
		// A writer refuses to extend a log whose head does not match its signed checkpoint.
		exec(`UPDATE log_head SET audit_size = 7`)(t, s)
		if err := s.InTx(ctx(t), func(tx *sqlstore.Tx) error { tx.Audit(entry("after")); return nil }); err == nil {
			t.Error("write accepted on a forged log head")
		}
	})
	t.Run("forged head note", func(t *testing.T) {
		s := Open(t, engine, nil)
		addAgency(t, s, "Y1", "LT") // the store now holds the head's note as verified
		// Another note in the head is verified again, not taken for the one the
		// store signed.
		exec(`UPDATE log_head SET checkpoint = checkpoint || 'x'`)(t, s)
		if err := s.InTx(ctx(t), func(tx *sqlstore.Tx) error { tx.Audit(entry("after")); return nil }); err == nil {
			t.Error("write accepted over a forged checkpoint note")
		}
	})
}

func testConcurrentWriters(t *testing.T, s *sqlstore.Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				errs <- s.InTx(context.Background(), func(tx *sqlstore.Tx) error {
					tx.Audit(entry(fmt.Sprintf("w%d.%d", w, i)))
					tx.Changed("test", int64(i), "create")
					return nil
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	rep, err := s.VerifyAudit(ctx(t), Keys(t).Verifiers)
	if err != nil || rep.Entries != 40 {
		t.Fatalf("verify after concurrent writes: %+v %v", rep, err)
	}
	cs, _ := s.Read().ChangesSince(ctx(t), 0, 100)
	if len(cs) != 40 || cs[39].Seq != 40 {
		t.Fatalf("change log not gapless: %d rows", len(cs))
	}
}

// TestCheckpointHistory covers the production interval: a history checkpoint each time
// the log crosses a multiple of 1024 entries, and the head's checkpoint for the rest.
func TestCheckpointHistory(t *testing.T) {
	s := OpenWith(t, sqlstore.SQLite, nil, 1024)
	for i := 0; i < 1040; i += 10 {
		mustTx(t, s, func(tx *sqlstore.Tx) error {
			for range 9 { // ten entries a transaction, with the one mustTx adds
				tx.Audit(entry("batch"))
			}
			return nil
		})
	}
	rep, err := s.VerifyAudit(ctx(t), Keys(t).Verifiers)
	if err != nil || rep.Entries != 1040 || rep.Checkpoints != 2 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	if _, err := s.DB().Exec(`UPDATE audit_entries SET reason = 'x' WHERE seq = 1035`); err != nil {
		t.Fatal(err)
	}
	var te *audit.TamperError
	if _, err := s.VerifyAudit(ctx(t), Keys(t).Verifiers); !errors.As(err, &te) || te.Seq != 1035 {
		t.Fatalf("tampering after the last history checkpoint: %v", err)
	}
}
