// Package api serves the JSON API v1 under /api/v1/: bearer-token authentication,
// problem+json errors, cursor pagination, and the OpenAPI 3 document that describes
// every route (a test keeps routes and document equal). Handlers are thin: decode, one
// app call, encode.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/iforce-platform/iforce/internal/app"
)

// Handler serves the API.
type Handler struct {
	app  *app.App
	log  *slog.Logger
	mux  *http.ServeMux
	spec []byte
}

// New returns the API handler.
func New(a *app.App, log *slog.Logger) (*Handler, error) {
	spec, err := SpecJSON()
	if err != nil {
		return nil, err
	}
	h := &Handler{app: a, log: log, mux: http.NewServeMux(), spec: spec}
	for _, rt := range h.routes() {
		handler := rt.h
		if !rt.public {
			handler = h.authenticated(handler)
		}
		h.mux.HandleFunc(rt.method+" "+rt.path, handler)
	}
	h.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		WriteProblem(w, r, h.log, notFound("route"))
	})
	return h, nil
}

// Pattern returns the route pattern that serves r, for metrics labels.
func (h *Handler) Pattern(r *http.Request) string {
	_, p := h.mux.Handler(r)
	return p
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

type route struct {
	method, path string
	h            http.HandlerFunc
	public       bool
}

// routes is the whole API surface; a test checks it equals the OpenAPI document.
func (h *Handler) routes() []route {
	return []route{
		{"GET", "/api/v1/openapi.json", h.openapi, true},
		{"GET", "/api/v1/me", h.me, false},
		{"GET", "/api/v1/agencies", h.listAgencies, false},
		{"POST", "/api/v1/agencies", h.createAgency, false},
		{"GET", "/api/v1/agencies/{code}", h.getAgency, false},
		{"PATCH", "/api/v1/agencies/{code}", h.updateAgency, false},
		{"GET", "/api/v1/users", h.listUsers, false},
		{"POST", "/api/v1/users", h.createUser, false},
		{"GET", "/api/v1/users/{username}", h.getUser, false},
		{"PATCH", "/api/v1/users/{username}", h.updateUser, false},
		{"GET", "/api/v1/tokens", h.listTokens, false},
		{"POST", "/api/v1/tokens", h.createToken, false},
		{"DELETE", "/api/v1/tokens/{id}", h.revokeToken, false},
		{"GET", "/api/v1/records", h.listRecords, false},
		{"POST", "/api/v1/records", h.createRecord, false},
		{"GET", "/api/v1/records/export", h.exportRecords, false},
		{"GET", "/api/v1/records/{id}", h.getRecord, false},
		{"PATCH", "/api/v1/records/{id}", h.updateRecord, false},
		{"DELETE", "/api/v1/records/{id}", h.deleteRecord, false},
		{"GET", "/api/v1/records/{id}/history", h.recordHistory, false},
		{"GET", "/api/v1/records/{id}/links", h.recordLinks, false},
		{"GET", "/api/v1/reviews", h.reviewList, false},
		{"POST", "/api/v1/imports", h.importRecords, false},
		{"POST", "/api/v1/check", h.check, false},
		{"POST", "/api/v1/screen/lists", h.screenList, false},
		{"GET", "/api/v1/hits", h.listHits, false},
		{"POST", "/api/v1/hits/{id}/confirm", h.decideHit(true), false},
		{"POST", "/api/v1/hits/{id}/reject", h.decideHit(false), false},
		{"POST", "/api/v1/hits/{id}/follow-up", h.followUp, false},
		{"POST", "/api/v1/screen", h.screen, false},
		{"GET", "/api/v1/audit", h.listAudit, false},
		{"POST", "/api/v1/audit/verify", h.verifyAudit, false},
	}
}

// authenticated resolves the bearer token into the request's principal, or answers 401.
func (h *Handler) authenticated(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		authz := r.Header.Get("Authorization")
		secret, ok := strings.CutPrefix(authz, "Bearer ")
		if !ok || secret == "" {
			WriteProblem(w, r, h.log, unauthenticated("send an API token as Authorization: Bearer <token>"))
			return
		}
		p, err := h.app.AuthenticateToken(r.Context(), strings.TrimSpace(secret))
		if err != nil {
			WriteProblem(w, r, h.log, err)
			return
		}
		ctx := app.WithPrincipal(r.Context(), p)
		if purpose := r.Header.Get("X-Purpose"); purpose != "" {
			req := app.RequestFrom(ctx)
			req.Purpose = purpose
			ctx = app.WithRequest(ctx, req)
		}
		next(w, r.WithContext(ctx))
	}
}

func (h *Handler) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(h.spec)
}

// call runs an app call and writes its result or problem.
func call[T any](h *Handler, w http.ResponseWriter, r *http.Request, code int, fn func(ctx context.Context) (T, error)) {
	v, err := fn(r.Context())
	if err != nil {
		WriteProblem(w, r, h.log, err)
		return
	}
	if code == http.StatusNoContent {
		w.WriteHeader(code)
		return
	}
	writeJSON(w, code, v)
}
