package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/api"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// screenEnv serves the API of an app with a screening index, with tokens of
// an officer of UA-NCB (olena), of RO-NCB (radu) and of an admin.
func screenEnv(t *testing.T) (*httptest.Server, map[string]string, *app.App) {
	t.Helper()
	e := setup(t)
	e.addUser(t, app.NewUser{Agency: "RO-NCB", Username: "radu", Name: "Radu", Roles: []iforce.Role{iforce.RoleOfficer}})
	return e.srv, e.tokens, e.app
}

func postScreen(t *testing.T, srv *httptest.Server, token, body string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/screen", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("X-Purpose", "border check")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestScreenAPI(t *testing.T) {
	srv, tokens, _ := screenEnv(t)
	create := func(body string) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/records", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tokens["olena"])
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 201 {
			b, _ := io.ReadAll(resp.Body)
			t.Fatalf("create: %v %s", err, b)
		}
		resp.Body.Close()
	}
	create(`{"schema":"Person","category":"wanted","properties":{"firstName":["Олександр"],"lastName":["Шевченко"],"birthDate":["1985-03-12"],"nationality":["UA"]},"distribution":{"scope":"all"},"crimeAreas":["organised_crime"]}`)
	create(`{"schema":"Person","category":"suspect","properties":{"name":["Ігор Шевченко"]},"distribution":{"scope":"owner"},"crimeAreas":["organised_crime"]}`)

	code, b := postScreen(t, srv, tokens["radu"], `{"name":"SHEVCHENKO<<OLEKSANDR","birthDate":"1985-03-12"}`)
	var got api.ScreenResponse
	if err := json.Unmarshal(b, &got); code != 200 || err != nil {
		t.Fatalf("%d %s", code, b)
	}
	if len(got.Results) != 1 || got.Results[0].Record.Caption != "Олександр Шевченко" || got.Results[0].Score < 0.9 ||
		len(got.Results[0].Explanation.Parts) != 2 || got.Results[0].Explanation.Adjustments[0].Outcome != "exact" {
		t.Errorf("results %s", b)
	}
	// Another agency's owner-only record never appears.
	code, b = postScreen(t, srv, tokens["radu"], `{"firstName":"Ihor","lastName":"Shevchenko"}`)
	if code != 200 || string(b) != "{\"results\":[]}\n" {
		t.Errorf("owner-only record leaked: %d %s", code, b)
	}
	code, b = postScreen(t, srv, tokens["olena"], `{"firstName":"Ihor","lastName":"Shevchenko"}`)
	if code != 200 || !strings.Contains(string(b), "Ігор Шевченко") {
		t.Errorf("owner does not find her record: %d %s", code, b)
	}
	for body, want := range map[string]int{`{}`: 422, `{"name":"x","threshold":2}`: 422, `{"name":"x","bogus":1}`: 422, `{"name":"x","limit":101}`: 422,
		`{"name":"x","purpose":"` + strings.Repeat("p", 201) + `"}`: 422, `{"name":"x","purpose":"case 2026/114"}`: 200} {
		if code, b := postScreen(t, srv, tokens["olena"], body); code != want {
			t.Errorf("%s: %d %s", body, code, b)
		}
	}
	if code, _ := postScreen(t, srv, tokens["admin"], `{"name":"Oleksandr Shevchenko"}`); code != 403 {
		t.Errorf("admin screens: %d", code)
	}
	if code, _ := postScreen(t, srv, "bogus", `{"name":"Oleksandr Shevchenko"}`); code != 401 {
		t.Errorf("bad token: %d", code)
	}
}
