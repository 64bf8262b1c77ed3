package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// TokenJSON is an API token; Token (the secret) appears only in the creation response.
type TokenJSON struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Roles      []iforce.Role `json:"roles"`
	CreatedAt  time.Time     `json:"createdAt"`
	ExpiresAt  time.Time     `json:"expiresAt"`
	RevokedAt  *time.Time    `json:"revokedAt,omitempty"`
	LastUsedAt *time.Time    `json:"lastUsedAt,omitempty"`
	Token      string        `json:"token,omitempty"`
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func tokenJSON(t *iforce.Token) TokenJSON {
	return TokenJSON{ID: t.ID, Name: t.Name, Roles: orEmpty(t.Roles), CreatedAt: t.CreatedAt, ExpiresAt: t.ExpiresAt,
		RevokedAt: optTime(t.RevokedAt), LastUsedAt: optTime(t.LastUsedAt), Token: t.Secret}
}

func (h *Handler) listTokens(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[TokenJSON], error) {
		list, err := h.app.Tokens(ctx)
		return listOf(list, tokenJSON), err
	})
}

// TokenInput creates a token for the caller.
type TokenInput struct {
	Name  string        `json:"name"`
	TTL   string        `json:"ttl"` // Go duration, e.g. "24h"
	Roles []iforce.Role `json:"roles"`
}

func (h *Handler) createToken(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusCreated, func(ctx context.Context) (TokenJSON, error) {
		var in TokenInput
		if err := decodeBody(w, r, &in); err != nil {
			return TokenJSON{}, err
		}
		var ttl time.Duration
		if in.TTL != "" {
			var err error
			if ttl, err = time.ParseDuration(in.TTL); err != nil {
				return TokenJSON{}, invalid("ttl", "must be a duration such as 24h or 30m")
			}
		}
		t, err := h.app.CreateToken(ctx, app.NewToken{Name: in.Name, TTL: ttl, Roles: in.Roles})
		if err != nil {
			return TokenJSON{}, err
		}
		return tokenJSON(t), nil
	})
}

func (h *Handler) revokeToken(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusNoContent, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, h.app.RevokeToken(ctx, r.PathValue("id"))
	})
}

// EntryJSON is an audit entry.
type EntryJSON struct {
	Seq        int64     `json:"seq"`
	Time       time.Time `json:"time"`
	Actor      string    `json:"actor"`
	Agency     string    `json:"agency"`
	Action     string    `json:"action"`
	ObjectType string    `json:"objectType"`
	ObjectID   string    `json:"objectId"`
	Purpose    string    `json:"purpose"`
	Decision   string    `json:"decision"`
	Reason     string    `json:"reason"`
	RequestID  string    `json:"requestId"`
}

func (h *Handler) listAudit(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[EntryJSON], error) {
		q := r.URL.Query()
		f := app.AuditFilter{Actor: q.Get("actor"), Agency: q.Get("agency"), Action: q.Get("action"), ObjectType: q.Get("objectType"), ObjectID: q.Get("objectId")}
		var probs iforce.Problems
		parseTime := func(name string, dst *time.Time) {
			if v := q.Get(name); v != "" {
				t, err := time.Parse(time.RFC3339, v)
				if err != nil {
					probs.Add(name, "must be an RFC 3339 time such as 2026-11-27T10:00:00Z")
				}
				*dst = t
			}
		}
		parseTime("from", &f.From)
		parseTime("to", &f.To)
		f.Limit = 100
		if v := q.Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 500 {
				probs.Add("limit", "must be a whole number from 1 to 500")
			}
			f.Limit = n
		}
		if v := q.Get("cursor"); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 1 {
				probs.Add("cursor", "is not a cursor this API returned")
			}
			f.Before = n
		}
		if err := probs.Err(); err != nil {
			return List[EntryJSON]{}, err
		}
		es, err := h.app.AuditEntries(ctx, f)
		out := listOf(es, entryJSON)
		if len(es) == f.Limit && es[len(es)-1].Seq > 0 {
			out.Next = strconv.FormatInt(es[len(es)-1].Seq, 10)
		}
		return out, err
	})
}

func entryJSON(e audit.Entry) EntryJSON {
	return EntryJSON{e.Seq, e.Time, e.Actor, e.Agency, e.Action, e.ObjectType, e.ObjectID, e.Purpose, e.Decision, e.Reason, e.RequestID}
}

// VerifyJSON is the result of an audit verification.
type VerifyJSON struct {
	Intact      bool   `json:"intact"`
	Entries     int64  `json:"entries"`
	Checkpoints int    `json:"checkpoints"`
	Root        string `json:"root,omitempty"`
	Problem     string `json:"problem,omitempty"`
	FirstBad    *int64 `json:"firstBadEntry,omitempty"`
}

func (h *Handler) verifyAudit(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (VerifyJSON, error) {
		rep, err := h.app.VerifyAudit(ctx)
		var te *audit.TamperError
		if asTamper(err, &te) {
			out := VerifyJSON{Intact: false, Problem: te.Error()}
			if te.Seq >= 0 {
				out.FirstBad = &te.Seq
			}
			return out, nil
		}
		if err != nil {
			return VerifyJSON{}, err
		}
		return VerifyJSON{Intact: true, Entries: rep.Entries, Checkpoints: rep.Checkpoints, Root: rep.Root.String()}, nil
	})
}
