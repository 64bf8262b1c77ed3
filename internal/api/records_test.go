package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/api"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

func TestRecordsAPI(t *testing.T) {
	e := setup(t)
	// A second operational user in another agency.
	e.addUser(t, app.NewUser{Agency: "RO-NCB", Username: "andrei", Name: "Andrei Popescu", Roles: []iforce.Role{iforce.RoleOfficer}})
	body := `{"schema":"Person","category":"wanted","properties":{"firstName":["Олександр"],"lastName":["Шевченко"],"birthDate":["1985-03-14"]},"distribution":{"scope":"owner"}}`
	resp, b := e.do(t, "olena", "POST", "/api/v1/records", body)
	var rec api.RecordJSON
	if resp.StatusCode != 201 || json.Unmarshal(b, &rec) != nil || rec.ID == "" || resp.Header.Get("Location") != "/api/v1/records/"+rec.ID {
		t.Fatalf("create: %d %s", resp.StatusCode, b)
	}
	if rec.Owner != "UA-NCB" || rec.Version != 1 || rec.Caption != "Олександр Шевченко" || rec.ReviewDate == "" {
		t.Errorf("created %+v", rec)
	}
	e.problem(t, "andrei", "GET", "/api/v1/records/"+rec.ID, "", 404)
	e.problem(t, "andrei", "GET", "/api/v1/records/not-a-uuid", "", 404)
	e.problem(t, "admin", "GET", "/api/v1/records/"+rec.ID, "", 404)
	e.problem(t, "olena", "PATCH", "/api/v1/records/"+rec.ID, `{"properties":{"alias":["Саша"]}}`, 422)
	resp, b = e.do(t, "olena", "PATCH", "/api/v1/records/"+rec.ID, `{"version":1,"properties":{"alias":["Саша"]}}`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"version":2`) {
		t.Fatalf("patch: %d %s", resp.StatusCode, b)
	}
	e.problem(t, "olena", "PATCH", "/api/v1/records/"+rec.ID, `{"version":1,"properties":{"alias":[]}}`, 409)
	resp, b = e.do(t, "olena", "GET", "/api/v1/records/"+rec.ID+"/history", "")
	if resp.StatusCode != 200 || strings.Count(string(b), `"op":`) != 2 {
		t.Errorf("history: %s", b)
	}
	resp, b = e.do(t, "olena", "GET", "/api/v1/records?q=shevchenko", "")
	if resp.StatusCode != 200 || !strings.Contains(string(b), rec.ID) {
		t.Errorf("search: %s", b)
	}
	resp, b = e.do(t, "andrei", "GET", "/api/v1/records?q=shevchenko", "")
	if resp.StatusCode != 200 || strings.Contains(string(b), rec.ID) {
		t.Errorf("search leaks an owner-only record: %s", b)
	}
	p := e.problem(t, "olena", "POST", "/api/v1/records", `{"schema":"BankAccount","properties":{"iban":["UA213223130000026007233566000"]}}`, 422)
	if len(p.Errors) != 1 || p.Errors[0].Field != "iban" || !strings.Contains(p.Errors[0].Problem, "check digits") {
		t.Errorf("iban problem %+v", p.Errors)
	}
	if resp, _ := e.do(t, "andrei", "DELETE", "/api/v1/records/"+rec.ID, ""); resp.StatusCode != 404 {
		t.Errorf("non-owner delete: %d", resp.StatusCode)
	}
	if resp, _ := e.do(t, "olena", "DELETE", "/api/v1/records/"+rec.ID, ""); resp.StatusCode != 204 {
		t.Errorf("delete: %d", resp.StatusCode)
	}
}

func TestImportExportAPI(t *testing.T) {
	e := setup(t)
	csv := "lastName,firstName,category\nCeban,Ion,suspect\n=cmd|' /C calc'!A0,Mal,suspect\nRusu,,ghost\n"
	req, _ := http.NewRequest("POST", e.srv.URL+"/api/v1/imports?schema=Person&scope=all", strings.NewReader(csv))
	req.Header.Set("Authorization", "Bearer "+e.tokens["olena"])
	req.Header.Set("Content-Type", "text/csv")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var res app.ImportResult
	json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if resp.StatusCode != 200 || res.Created != 2 || len(res.Rejected) != 1 || res.Rejected[0].Line != 4 {
		t.Fatalf("import: %d %+v", resp.StatusCode, res)
	}
	resp2, b := e.do(t, "olena", "GET", "/api/v1/records/export?format=csv&schema=Person", "")
	if resp2.StatusCode != 200 || !strings.HasPrefix(resp2.Header.Get("Content-Type"), "text/csv") || !strings.Contains(string(b), "'=cmd") {
		t.Errorf("export: %d %s", resp2.StatusCode, b)
	}
	e.problem(t, "olena", "GET", "/api/v1/records/export?format=csv", "", 422)
	e.problem(t, "admin", "GET", "/api/v1/records/export", "", 403)
}

func (e *env) addUser(t *testing.T, u app.NewUser) {
	t.Helper()
	ctx := app.WithPrincipal(context.Background(), iforce.SystemPrincipal())
	if _, _, err := e.app.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	tok, err := e.app.CreateToken(ctx, app.NewToken{Username: u.Username})
	if err != nil {
		t.Fatal(err)
	}
	e.tokens[u.Username] = tok.Secret
}
