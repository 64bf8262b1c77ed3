package api

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestRoutesMatchSpec keeps the OpenAPI document and the served routes equal: a route
// without documentation, or documentation without a route, fails.
func TestRoutesMatchSpec(t *testing.T) {
	b, err := SpecJSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	var inSpec []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if method == "parameters" {
				continue
			}
			inSpec = append(inSpec, strings.ToUpper(method)+" "+path)
			var o map[string]any
			json.Unmarshal(op, &o)
			if _, ok := o["responses"]; !ok {
				t.Errorf("%s %s: no responses", method, path)
			}
		}
	}
	var served []string
	for _, rt := range (&Handler{}).routes() {
		served = append(served, rt.method+" "+rt.path)
	}
	slices.Sort(inSpec)
	slices.Sort(served)
	if !slices.Equal(inSpec, served) {
		t.Errorf("routes and OpenAPI document differ:\nspec:   %v\nserved: %v", inSpec, served)
	}
	// Every $ref resolves.
	for _, ref := range refs(b) {
		name := strings.TrimPrefix(ref, "#/components/")
		parts := strings.Split(name, "/")
		var comps map[string]map[string]any
		var whole struct {
			Components map[string]map[string]any `json:"components"`
		}
		json.Unmarshal(b, &whole)
		comps = whole.Components
		if _, ok := comps[parts[0]][parts[1]]; !ok {
			t.Errorf("unresolved $ref %s", ref)
		}
	}
}

func refs(b []byte) []string {
	var out []string
	for _, part := range bytes.Split(b, []byte(`"$ref": "`))[1:] {
		out = append(out, string(part[:bytes.IndexByte(part, '"')]))
	}
	return out
}

// FuzzDecode feeds arbitrary bodies to the JSON decoder of every request type: it must
// never panic, and every refusal must name a field.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"code":"UA-NCB","name":"x","country":"UA","kind":"ncb"}`, `{"roles":["officer"]}`, `{"ttl":"2h"}`, `{`, `[]`, `{"a":1}`, `{"disabled":true} x`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, v := range []any{&AgencyInput{}, &UserInput{}, &UserChangeInput{}, &TokenInput{}} {
			err := Decode(bytes.NewReader(b), v)
			if err == nil {
				continue
			}
			p := ProblemFor(err, "r")
			if p.Status != 422 || len(p.Errors) == 0 || p.Errors[0].Field == "" {
				t.Fatalf("decode %q: problem %+v", b, p)
			}
		}
	})
}
