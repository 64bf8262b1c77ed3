package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/api"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

func TestCheckAndHitsAPI(t *testing.T) {
	e := setup(t)
	e.addUser(t, app.NewUser{Agency: "RO-NCB", Username: "andrei", Name: "Andrei Popescu", Roles: []iforce.Role{iforce.RoleOfficer}})
	resp, b := e.do(t, "olena", "POST", "/api/v1/records", `{"schema":"TravelDocument","distribution":{"scope":"owner"},"properties":{"number":["FE482913"],"country":["UA"],"type":["passport"],"status":["stolen"]}}`)
	if resp.StatusCode != 201 {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	resp, b = e.do(t, "andrei", "POST", "/api/v1/check", `{"document":{"number":"fe 482913","country":"UA"},"location":"Siret"}`)
	var res api.CheckJSON
	if resp.StatusCode != 200 || json.Unmarshal(b, &res) != nil || len(res.Hits) != 1 {
		t.Fatalf("check: %d %s", resp.StatusCode, b)
	}
	h := res.Hits[0]
	if !h.HitNoHit || h.Record != nil || h.Owner != "UA-NCB" || h.Action == "" || h.ActionCode != "contact_owner" || h.HitID == "" {
		t.Errorf("hit/no-hit answer %s", b)
	}
	if strings.Contains(string(b), "FE482913") || strings.Contains(string(b), `"recordId"`) {
		t.Errorf("hit/no-hit leaks content: %s", b)
	}
	e.problem(t, "andrei", "POST", "/api/v1/check", `{"phone":"12"}`, 422)
	e.problem(t, "andrei", "POST", "/api/v1/check", `{}`, 422)
	e.problem(t, "admin", "POST", "/api/v1/check", `{"iban":"UA213223130000026007233566001"}`, 403)
	resp, b = e.do(t, "olena", "GET", "/api/v1/hits", "")
	var list api.HitList
	if resp.StatusCode != 200 || json.Unmarshal(b, &list) != nil || len(list.Items) != 1 || list.Pending != 1 || list.Items[0].RecordID == "" {
		t.Fatalf("queue: %d %s", resp.StatusCode, b)
	}
	e.problem(t, "andrei", "POST", "/api/v1/hits/"+h.HitID+"/confirm", `{"note":"mine"}`, 403)
	e.problem(t, "admin", "POST", "/api/v1/hits/"+h.HitID+"/confirm", ``, 403)
	resp, b = e.do(t, "olena", "POST", "/api/v1/hits/"+h.HitID+"/reject", `{"note":"Different person: birth dates differ"}`)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"status":"rejected"`) {
		t.Fatalf("reject: %d %s", resp.StatusCode, b)
	}
	e.problem(t, "olena", "POST", "/api/v1/hits/"+h.HitID+"/confirm", ``, 409)
	resp, b = e.do(t, "andrei", "GET", "/api/v1/hits?side=checker", "")
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"status":"rejected"`) || strings.Contains(string(b), `"recordId"`) {
		t.Errorf("checker's list: %s", b)
	}
	e.problem(t, "olena", "POST", "/api/v1/hits/00000000-0000-4000-8000-000000000000/confirm", ``, 404)
}
