package cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

type result struct {
	out, err string
	code     int
}

func run(t *testing.T, dir string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Getenv: func(k string) string {
		if k == "IFORCE_DATA" {
			return dir
		}
		return ""
	}, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := Run(ctx, args, env)
	if err != nil {
		errb.WriteString(err.Error())
	}
	return result{out.String(), errb.String(), ExitCode(err)}
}

func must(t *testing.T, r result) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d: %s%s", r.code, r.out, r.err)
	}
	return r
}

func seed(t *testing.T) string {
	dir := t.TempDir()
	must(t, run(t, dir, "", "admin", "agency", "add", "--code", "UA-NCB", "--name", "НЦБ Інтерполу в Україні", "--country", "UA", "--kind", "ncb"))
	must(t, run(t, dir, "horse battery staple\n", "admin", "user", "add", "--agency", "UA-NCB", "--username", "olena", "--name", "Олена Коваленко", "--role", "officer,analyst", "--clearance", "victim_data"))
	return dir
}

func TestAdminCommands(t *testing.T) {
	dir := seed(t)
	r := must(t, run(t, dir, "", "admin", "user", "list"))
	if !strings.Contains(r.out, "olena") || !strings.Contains(r.out, "analyst,officer") || !strings.Contains(r.out, "victim_data") {
		t.Errorf("user list: %s", r.out)
	}
	// A generated password is printed once on stdout when none is piped.
	r = must(t, run(t, dir, "", "admin", "user", "add", "--agency", "UA-NCB", "--username", "taras", "--name", "Тарас", "--role", "supervisor"))
	if !regexp.MustCompile(`^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}\n$`).MatchString(r.out) {
		t.Errorf("generated password output %q", r.out)
	}
	// The token is the only thing on stdout.
	r = must(t, run(t, dir, "", "admin", "token", "create", "--username", "olena", "--ttl", "1h"))
	if !regexp.MustCompile(`^ifc_[a-z2-7]{13}_[a-z2-7]{52}\n$`).MatchString(r.out) {
		t.Errorf("token output %q", r.out)
	}
	id := strings.Split(r.out, "_")[1]
	must(t, run(t, dir, "", "admin", "token", "revoke", id))
	if r := run(t, dir, "", "admin", "token", "revoke", id); r.code != ExitNotFound {
		t.Errorf("second revoke exit %d", r.code)
	}
	must(t, run(t, dir, "", "admin", "user", "disable", "--username", "olena"))
	must(t, run(t, dir, "", "admin", "user", "enable", "--username", "olena"))
	must(t, run(t, dir, "", "admin", "user", "reset-mfa", "--username", "olena"))
	must(t, run(t, dir, "", "admin", "agency", "set", "--code", "UA-NCB", "--active", "false"))
	if r := must(t, run(t, dir, "", "admin", "agency", "list")); !strings.Contains(r.out, "false") {
		t.Errorf("agency list: %s", r.out)
	}
}

func TestCommandErrors(t *testing.T) {
	dir := seed(t)
	for _, tc := range []struct {
		args []string
		code int
		say  string
	}{
		{[]string{}, ExitUsage, "no command"},
		{[]string{"frobnicate"}, ExitUsage, "unknown command"},
		{[]string{"admin", "agency", "add", "--code", "UA-NCB", "--name", "dup", "--country", "UA", "--kind", "ncb"}, ExitConflict, "code"},
		{[]string{"admin", "agency", "add", "--code", "X!", "--name", "", "--country", "ZZ", "--kind", "police"}, ExitUsage, "country"},
		{[]string{"admin", "user", "add", "--agency", "UA-NCB", "--username", "x.y", "--name", "X", "--role", "boss"}, ExitUsage, "unknown role"},
		{[]string{"admin", "user", "disable", "--username", "nobody"}, ExitNotFound, "not found"},
		{[]string{"admin", "token", "create", "--username", "olena", "--ttl", "10000h"}, ExitUsage, "ttl"},
		{[]string{"admin", "user", "add", "--bogus"}, ExitUsage, "flag provided but not defined"},
		{[]string{"backup"}, ExitUsage, "--out"},
	} {
		r := run(t, dir, "", tc.args...)
		if r.code != tc.code || !strings.Contains(r.err, tc.say) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", tc.args, r.code, tc.code, r.err, tc.say)
		}
	}
	// A piped password that breaks the rules is refused with the field named.
	r := run(t, dir, "short\n", "admin", "user", "add", "--agency", "UA-NCB", "--username", "x.y", "--name", "X", "--role", "officer")
	if r.code != ExitUsage || !strings.Contains(r.err, "password: must be at least 12 characters") {
		t.Errorf("short password: %d %q", r.code, r.err)
	}
}

func TestAuditVerifyDetectsTampering(t *testing.T) {
	dir := seed(t)
	r := must(t, run(t, dir, "", "audit", "verify"))
	if !strings.HasPrefix(r.out, "audit log intact: ") || strings.Count(r.out, "\n") != 1 {
		t.Errorf("summary %q", r.out)
	}
	must(t, run(t, dir, "", "audit", "verify", "--public-key", filepath.Join(dir, "audit.key.pub")))
	db, err := sql.Open("sqlite", filepath.Join(dir, "iforce.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE audit_entries SET action = 'agency.delete' WHERE seq = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r = run(t, dir, "", "audit", "verify")
	if r.code != ExitTampered || !strings.Contains(r.err, "entry 0") {
		t.Errorf("tampered log: exit %d, %q", r.code, r.err)
	}
}

func TestAuditRotateKey(t *testing.T) {
	dir := seed(t)
	oldPub, err := os.ReadFile(filepath.Join(dir, "audit.key.pub"))
	if err != nil {
		t.Fatal(err)
	}
	r := must(t, run(t, dir, "", "audit", "rotate-key"))
	if !strings.Contains(r.out, "audit key rotated") {
		t.Errorf("rotate-key said %q", r.out)
	}
	newPub, _ := os.ReadFile(filepath.Join(dir, "audit.key.pub"))
	retired, _ := os.ReadFile(filepath.Join(dir, "audit.key.retired"))
	if bytes.Equal(oldPub, newPub) || string(retired) != string(oldPub) {
		t.Fatalf("after rotation: public %q, retired %q (old %q)", newPub, retired, oldPub)
	}
	// The node verifies the whole log with its new key and the retired one; the
	// rotation itself is in the log.
	must(t, run(t, dir, "", "audit", "verify"))
	db, err := sql.Open("sqlite", filepath.Join(dir, "iforce.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM audit_entries WHERE action = 'audit.key_rotate'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("rotation entries: %d, %v", n, err)
	}
	// A witness holding only the old public key can no longer verify the new head;
	// with both keys it can.
	only := filepath.Join(t.TempDir(), "old.pub")
	both := filepath.Join(t.TempDir(), "both.pub")
	os.WriteFile(only, oldPub, 0o644)
	os.WriteFile(both, append(append([]byte{}, oldPub...), newPub...), 0o644)
	if r := run(t, dir, "", "audit", "verify", "--public-key", only); r.code != ExitTampered {
		t.Errorf("verify with the retired key alone: exit %d %s", r.code, r.err)
	}
	must(t, run(t, dir, "", "audit", "verify", "--public-key", both))
	// Rotating again keeps both retired keys.
	must(t, run(t, dir, "", "audit", "rotate-key"))
	must(t, run(t, dir, "", "audit", "verify"))
	if retired, _ := os.ReadFile(filepath.Join(dir, "audit.key.retired")); strings.Count(string(retired), "\n") != 2 {
		t.Errorf("retired keys after two rotations:\n%s", retired)
	}
}

func TestBackupRestore(t *testing.T) {
	dir := seed(t)
	out := filepath.Join(t.TempDir(), "backup.db")
	must(t, run(t, dir, "", "backup", "--out", out))
	if r := run(t, dir, "", "backup", "--out", out); r.code != ExitUsage {
		t.Errorf("backup over an existing file: %d", r.code)
	}
	// Changes after the backup disappear on restore; the restored log verifies.
	must(t, run(t, dir, "", "admin", "agency", "add", "--code", "MD-NCB", "--name", "BNC Moldova", "--country", "MD", "--kind", "ncb"))
	must(t, run(t, dir, "", "restore", "--in", out))
	if r := must(t, run(t, dir, "", "admin", "agency", "list")); strings.Contains(r.out, "MD-NCB") {
		t.Errorf("restore kept later changes: %s", r.out)
	}
	must(t, run(t, dir, "", "audit", "verify"))
	bad := filepath.Join(t.TempDir(), "bad.db")
	if r := run(t, dir, "", "restore", "--in", bad); r.code == 0 {
		t.Error("restore of a missing file succeeded")
	}
}

func TestMigrateAndVersion(t *testing.T) {
	dir := t.TempDir()
	if r := must(t, run(t, dir, "", "migrate")); !regexp.MustCompile(`schema version [1-9]`).MatchString(r.out) {
		t.Errorf("migrate: %q", r.out)
	}
	if r := must(t, run(t, dir, "", "version")); !strings.HasPrefix(r.out, "iforce ") {
		t.Errorf("version: %q", r.out)
	}
}

// TestServe runs the real serve command on a free port, checks it answers, and shuts
// it down by cancelling its context.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		env := Env{Getenv: func(string) string { return "" }, Stdin: strings.NewReader(""), Stdout: pw, Stderr: io.Discard}
		done <- Run(ctx, []string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--demo"}, env)
		pw.Close()
	}()
	var url string
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if m := regexp.MustCompile(`serving on (http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if url == "" {
		cancel()
		t.Fatalf("serve did not start: %v", <-done)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(url + path)
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("%s: %v %v", path, resp, err)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not shut down")
	}
	// The demo is idempotent: a second load creates nothing new and keeps the password.
	r := must(t, run(t, dir, "", "admin", "user", "list"))
	if strings.Count(r.out, "\n") != 20 {
		t.Errorf("demo users: %d lines", strings.Count(r.out, "\n"))
	}
}

func TestImportCommand(t *testing.T) {
	dir := seed(t)
	file := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(file, []byte("lastName,firstName,birthDate\nШевченко,Олександр,1985-03-14\nCeban,Ion,14.03.1990\n"), 0o600)
	r := run(t, dir, "", "import", "--agency", "UA-NCB", "--format", "csv", "--schema", "Person", "--category", "wanted", "--scope", "all", file)
	if r.code != ExitUsage || !strings.Contains(r.out, `"created": 1`) || !strings.Contains(r.out, `"line": 3`) || !strings.Contains(r.out, "birthDate") {
		t.Errorf("import: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
	if r := run(t, dir, "", "import", "--agency", "UA-NCB", "--format", "csv", "--schema", "Person", file); r.code != ExitUsage {
		t.Errorf("without category: %d", r.code)
	}
	if r := run(t, dir, "", "import", "--format", "csv", file); r.code != ExitUsage {
		t.Errorf("without agency: %d", r.code)
	}
}

func TestScreenCommand(t *testing.T) {
	dir := seed(t)
	people := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(people, []byte("firstName,lastName,birthDate,category\nОлександр,Шевченко,1985-03-14,wanted\n"), 0o600)
	must(t, run(t, dir, "", "admin", "agency", "add", "--code", "MD-NCB", "--name", "BNC", "--country", "MD", "--kind", "ncb"))
	must(t, run(t, dir, "", "import", "--agency", "UA-NCB", "--format", "csv", "--schema", "Person", "--scope", "all", people))
	in := filepath.Join(t.TempDir(), "passengers.csv")
	os.WriteFile(in, []byte("name,dob\nSHEVCHENKO OLEKSANDR,1985-03-14\nIon Ceban,1990-13-45\n"), 0o600)
	out := filepath.Join(t.TempDir(), "results.csv")
	r := run(t, dir, "", "screen", "--agency", "MD-NCB", "--in", in, "--out", out)
	if r.code != 0 || !strings.Contains(r.out, `"flagged": 1`) {
		t.Fatalf("screen: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "Шевченко") || !strings.Contains(string(b), "\n3,") {
		t.Errorf("results file:\n%s", b)
	}
	if r := run(t, dir, "", "screen", "--agency", "XX", "--in", in, "--out", out); r.code != ExitUsage {
		t.Errorf("unknown agency: %d", r.code)
	}
}
