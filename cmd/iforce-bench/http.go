package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/api"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/synth"
)

// benchHTTP imports c.httpN synthetic persons into a fresh SQLite store,
// then runs the same queries against the index in process and through
// POST /api/v1/screen on a loopback server (token check, change-log
// catch-up, visibility re-check of each hit, audit entry, JSON), and
// prints what the HTTP path adds.
func benchHTTP(ctx context.Context, c screeningConfig, g *synth.Generator, out io.Writer) error {
	dir, err := os.MkdirTemp("", "iforce-bench-http")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	keys, err := audit.LoadOrCreateKeys(filepath.Join(dir, "audit.key"))
	if err != nil {
		return err
	}
	st, err := sqlstore.Open(ctx, sqlstore.Config{DataDir: dir, Keys: keys})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		return err
	}
	idx := screening.New()
	a := app.New(app.Deps{Store: st, Keys: keys, Screening: idx})
	sys := app.WithPrincipal(ctx, iforce.SystemPrincipal())
	for _, ag := range []*iforce.Agency{{Code: "UA-NCB", Name: "UA", Country: "UA", Kind: iforce.AgencyNCB, Active: true},
		{Code: "MD-NCB", Name: "MD", Country: "MD", Kind: iforce.AgencyNCB, Active: true}} {
		if err := a.CreateAgency(sys, ag); err != nil {
			return err
		}
	}
	if _, _, err := a.CreateUser(sys, app.NewUser{Agency: "MD-NCB", Username: "bench", Name: "Bench", Roles: []iforce.Role{iforce.RoleOfficer},
		Password: "Correct-Horse-Staple-2026-xq"}); err != nil {
		return err
	}
	tok, err := a.CreateToken(sys, app.NewToken{Username: "bench", TTL: time.Hour})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range c.httpN {
		p := g.Person(i)
		props := map[string][]string{"firstName": {p.First}, "lastName": {p.Last}, "birthDate": {p.BirthDate},
			"nationality": {p.Country}, "gender": {p.Gender}}
		if p.Patronymic != "" {
			props["patronymic"] = []string{p.Patronymic}
		}
		enc.Encode(map[string]any{"id": p.ID, "schema": "Person", "category": "wanted", "properties": props,
			"distribution": map[string]any{"scope": "all"}, "crimeAreas": []string{"organised_crime"}})
	}
	t := time.Now()
	if _, err := a.Import(sys, app.ImportRequest{Agency: "UA-NCB", Format: "ftm", Body: &buf}); err != nil {
		return err
	}
	fmt.Fprintf(out, "http: %d persons imported into SQLite in %s\n", c.httpN, time.Since(t).Round(time.Millisecond))
	h, err := api.New(a, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	qs := g.Queries(c.httpN, min(c.m, 2000))
	// The first screen loads the index from the store.
	if _, err := post(srv.URL, tok.Secret, qs[0]); err != nil {
		return err
	}
	v := access.Visibility{Agency: 2, SeesAll: true}
	// A first pass warms the per-token match cache, so that both measured
	// passes see the same index state.
	var direct, viaHTTP latencies
	for pass := range 2 {
		for _, q := range qs {
			t := time.Now()
			if _, err := idx.Search(screening.Query{Name: q.Name, BirthDate: q.BirthDate}, v); err != nil {
				return err
			}
			if pass == 1 {
				direct = append(direct, time.Since(t))
			}
		}
	}
	for _, q := range qs {
		t := time.Now()
		if _, err := post(srv.URL, tok.Secret, q); err != nil {
			return err
		}
		viaHTTP = append(viaHTTP, time.Since(t))
	}
	fmt.Fprintf(out, "http: %d queries: in process p50 %s p99 %s; POST /api/v1/screen p50 %s p99 %s; added p50 %s, p99 %s\n",
		len(qs), ms(direct.pct(0.5)), ms(direct.pct(0.99)), ms(viaHTTP.pct(0.5)), ms(viaHTTP.pct(0.99)),
		ms(viaHTTP.pct(0.5)-direct.pct(0.5)), ms(viaHTTP.pct(0.99)-direct.pct(0.99)))
	return nil
}

func post(base, token string, q synth.Query) (int, error) {
	body, _ := json.Marshal(map[string]any{"name": q.Name, "birthDate": q.BirthDate})
	req, _ := http.NewRequest("POST", base+"/api/v1/screen", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("X-Purpose", "benchmark")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 200 {
		return resp.StatusCode, fmt.Errorf("screen: status %d", resp.StatusCode)
	}
	return resp.StatusCode, nil
}
