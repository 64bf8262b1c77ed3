package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/api"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/server"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

type env struct {
	srv    *httptest.Server
	app    *app.App
	tokens map[string]string
}

func setup(t *testing.T) *env {
	t.Helper()
	st := sqlstoretest.Open(t, sqlstore.SQLite, nil)
	a := app.New(app.Deps{Store: st, Keys: sqlstoretest.Keys(t), Screening: screening.New(),
		Config: app.Config{Password: auth.Params{Time: 1, Memory: 8 * 1024, Threads: 1}}})
	ctx := app.WithPrincipal(context.Background(), iforce.SystemPrincipal())
	for _, ag := range []*iforce.Agency{
		{Code: "UA-NCB", Name: "НЦБ", Country: "UA", Kind: iforce.AgencyNCB, Active: true},
		{Code: "RO-NCB", Name: "BNI", Country: "RO", Kind: iforce.AgencyNCB, Active: true},
	} {
		if err := a.CreateAgency(ctx, ag); err != nil {
			t.Fatal(err)
		}
	}
	e := &env{app: a, tokens: map[string]string{}}
	for _, u := range []app.NewUser{
		{Agency: "UA-NCB", Username: "olena", Name: "Олена Коваленко", Roles: []iforce.Role{iforce.RoleOfficer}},
		{Agency: "RO-NCB", Username: "admin", Name: "Admin", Roles: []iforce.Role{iforce.RoleAdmin}},
		{Agency: "RO-NCB", Username: "auditor", Name: "Auditor", Roles: []iforce.Role{iforce.RoleAuditor}},
	} {
		if _, _, err := a.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		tok, err := a.CreateToken(ctx, app.NewToken{Username: u.Username})
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[u.Username] = tok.Secret
	}
	h, err := server.Handler(a, nil, server.NewMetrics(), nil, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(h)
	t.Cleanup(e.srv.Close)
	return e
}

func (e *env) do(t *testing.T, user, method, path, body string) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, rd)
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[user])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func problem(t *testing.T, resp *http.Response, b []byte, status int) api.Problem {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, b)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("content type %q", ct)
	}
	var p api.Problem
	if err := json.Unmarshal(b, &p); err != nil || p.Status != status || p.Title == "" || p.Type == "" || p.RequestID == "" {
		t.Fatalf("problem %s: %v", b, err)
	}
	return p
}

func TestMe(t *testing.T) {
	e := setup(t)
	resp, b := e.do(t, "olena", "GET", "/api/v1/me", "")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	var me api.MeJSON
	json.Unmarshal(b, &me)
	if me.Username != "olena" || me.Name != "Олена Коваленко" || me.Agency.Code != "UA-NCB" || me.Agency.Country != "UA" || me.Agency.Kind != "ncb" ||
		!slices.Equal(me.Roles, []iforce.Role{iforce.RoleOfficer}) || me.Clearances == nil {
		t.Errorf("me = %s", b)
	}
}

func TestUnauthenticated(t *testing.T) {
	e := setup(t)
	for _, authz := range []string{"", "Bearer ", "Bearer ifc_nonsense", "Basic b2xlbmE6eA==", "Bearer " + e.tokens["olena"] + "x"} {
		req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/me", nil)
		if authz != "" {
			req.Header.Set("Authorization", authz)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		problem(t, resp, b, 401)
		if resp.Header.Get("WWW-Authenticate") == "" {
			t.Error("401 without WWW-Authenticate")
		}
	}
}

func TestAgencies(t *testing.T) {
	e := setup(t)
	resp, b := e.do(t, "olena", "GET", "/api/v1/agencies", "")
	var list api.List[api.AgencyJSON]
	if resp.StatusCode != 200 || json.Unmarshal(b, &list) != nil || len(list.Items) != 2 || list.Items[0].Code != "RO-NCB" {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	// Only admin creates.
	e.problem(t, "olena", "POST", "/api/v1/agencies", `{"code":"PL-NCB","name":"KBI","country":"PL","kind":"ncb"}`, 403)
	resp, b = e.do(t, "admin", "POST", "/api/v1/agencies", `{"code":"pl-ncb","name":"Krajowe Biuro Interpolu","country":"pl","kind":"ncb"}`)
	if resp.StatusCode != 201 || !strings.Contains(string(b), `"code":"PL-NCB"`) || !strings.Contains(string(b), `"country":"PL"`) {
		t.Fatalf("create: %d %s", resp.StatusCode, b)
	}
	p := e.problem(t, "admin", "POST", "/api/v1/agencies", `{"code":"PL-NCB","name":"x","country":"PL","kind":"ncb"}`, 409)
	if len(p.Errors) != 1 || p.Errors[0].Field != "code" {
		t.Errorf("conflict errors %+v", p.Errors)
	}
	p = e.problem(t, "admin", "POST", "/api/v1/agencies", `{"code":"!","name":"","country":"XX","kind":"police"}`, 422)
	var fields []string
	for _, fp := range p.Errors {
		fields = append(fields, fp.Field)
	}
	if !slices.Equal(fields, []string{"code", "country", "kind", "name"}) {
		t.Errorf("field errors %+v", p.Errors)
	}
	resp, b = e.do(t, "admin", "PATCH", "/api/v1/agencies/PL-NCB", `{"active":false}`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"active":false`) {
		t.Errorf("patch: %d %s", resp.StatusCode, b)
	}
	e.problem(t, "olena", "GET", "/api/v1/agencies/NOPE", "", 404)
}

// problem makes a request and checks that it answers a problem with status.
func (e *env) problem(t *testing.T, user, method, path, body string, status int) api.Problem {
	t.Helper()
	resp, b := e.do(t, user, method, path, body)
	return problem(t, resp, b, status)
}

func TestBodyErrors(t *testing.T) {
	e := setup(t)
	cases := map[string]string{
		"":                      "body",
		"{":                     "body",
		`{"code":1}`:            "code",
		`{"colour":"red"}`:      "colour",
		`{"code":"A1"} {"x":1}`: "body",
		`[1,2]`:                 "",
		`"x"`:                   "",
	}
	for body, field := range cases {
		p := e.problem(t, "admin", "POST", "/api/v1/agencies", body, 422)
		if len(p.Errors) == 0 || (field != "" && p.Errors[0].Field != field) {
			t.Errorf("body %q: errors %+v, want field %q", body, p.Errors, field)
		}
	}
	big := `{"name":"` + strings.Repeat("a", api.MaxBody) + `"}`
	p := e.problem(t, "admin", "POST", "/api/v1/agencies", big, 422)
	if !strings.Contains(p.Errors[0].Problem, "at most") {
		t.Errorf("oversized body: %+v", p.Errors)
	}
}

func TestUsersAndTokens(t *testing.T) {
	e := setup(t)
	e.problem(t, "olena", "GET", "/api/v1/users", "", 403)
	resp, b := e.do(t, "admin", "POST", "/api/v1/users", `{"username":"ana.pop","name":"Ana Pop","agency":"RO-NCB","roles":["officer"]}`)
	if resp.StatusCode != 201 || !strings.Contains(string(b), `"password":"`) {
		t.Fatalf("create user: %d %s", resp.StatusCode, b)
	}
	resp, b = e.do(t, "admin", "PATCH", "/api/v1/users/ana.pop", `{"disabled":true,"roles":["officer","analyst"]}`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"disabled":true`) || strings.Contains(string(b), "password") {
		t.Fatalf("patch user: %d %s", resp.StatusCode, b)
	}
	resp, b = e.do(t, "olena", "POST", "/api/v1/tokens", `{"name":"script","ttl":"2h"}`)
	var tok api.TokenJSON
	if resp.StatusCode != 201 || json.Unmarshal(b, &tok) != nil || tok.Token == "" {
		t.Fatalf("create token: %d %s", resp.StatusCode, b)
	}
	e.problem(t, "olena", "POST", "/api/v1/tokens", `{"ttl":"forever"}`, 422)
	resp, b = e.do(t, "olena", "GET", "/api/v1/tokens", "")
	if resp.StatusCode != 200 || strings.Contains(string(b), tok.Token) || !strings.Contains(string(b), tok.ID) {
		t.Fatalf("list tokens leaks or misses: %s", b)
	}
	e.problem(t, "admin", "DELETE", "/api/v1/tokens/"+tok.ID, "", 404)
	if resp, b := e.do(t, "olena", "DELETE", "/api/v1/tokens/"+tok.ID, ""); resp.StatusCode != 204 {
		t.Fatalf("revoke: %d %s", resp.StatusCode, b)
	}
	req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+tok.Token)
	resp, _ = http.DefaultClient.Do(req)
	if resp.StatusCode != 401 {
		t.Errorf("revoked token: %d", resp.StatusCode)
	}
}

func TestAudit(t *testing.T) {
	e := setup(t)
	e.problem(t, "admin", "GET", "/api/v1/audit", "", 403)
	e.problem(t, "olena", "POST", "/api/v1/audit/verify", "", 403)
	resp, b := e.do(t, "auditor", "GET", "/api/v1/audit?limit=2&action=user.", "")
	var page api.List[api.EntryJSON]
	if resp.StatusCode != 200 || json.Unmarshal(b, &page) != nil || len(page.Items) != 2 || page.Next == "" {
		t.Fatalf("audit page: %d %s", resp.StatusCode, b)
	}
	resp, b = e.do(t, "auditor", "GET", "/api/v1/audit?limit=2&action=user.&cursor="+page.Next, "")
	var page2 api.List[api.EntryJSON]
	json.Unmarshal(b, &page2)
	if resp.StatusCode != 200 || len(page2.Items) != 1 || page2.Items[0].Seq >= page.Items[1].Seq {
		t.Errorf("second page %s", b)
	}
	p := e.problem(t, "auditor", "GET", "/api/v1/audit?limit=9999&from=yesterday", "", 422)
	if len(p.Errors) != 2 {
		t.Errorf("errors %+v", p.Errors)
	}
	resp, b = e.do(t, "auditor", "POST", "/api/v1/audit/verify", "")
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"intact":true`) {
		t.Errorf("verify: %d %s", resp.StatusCode, b)
	}
}

func TestUnknownRouteIsProblem(t *testing.T) {
	e := setup(t)
	e.problem(t, "olena", "GET", "/api/v1/nothing-here", "", 404)
}

func TestOps(t *testing.T) {
	e := setup(t)
	// In order: /metrics comes after requests it must have counted.
	for _, path := range []string{"/healthz", "/readyz", "/api/v1/openapi.json", "/metrics"} {
		resp, b := e.do(t, "", "GET", path, "")
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		if path == "/metrics" && !bytes.Contains(b, []byte("iforce_http_requests_total")) {
			t.Errorf("metrics without request counter")
		}
		for _, h := range []string{"X-Request-Id", "X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s: no %s header", path, h)
			}
		}
	}
}
