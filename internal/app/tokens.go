package app

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// NewToken is the input for creating an API token.
type NewToken struct {
	Username string        // for the node operator; empty = the signed-in user
	Name     string        // what the token is for
	TTL      time.Duration // 0 = the configured default; at most iforce.MaxTokenTTL
	Roles    []iforce.Role // subset of the user's roles; empty = all of them
}

// CreateToken creates an API token and returns it with its secret, shown only once.
// A user creates tokens for themself; the node operator for anyone. A token can never
// do more than its user: its roles must be a subset of the user's, and the principal is
// re-derived from the user at every request.
func (a *App) CreateToken(ctx context.Context, in NewToken) (*iforce.Token, error) {
	p := PrincipalFrom(ctx)
	action := access.TokenOwn
	if in.Username != "" && (p == nil || in.Username != p.Username) {
		action = access.TokenIssue
	}
	var probs iforce.Problems
	if in.TTL == 0 {
		in.TTL = a.cfg.TokenTTL
	}
	if in.TTL < time.Minute || in.TTL > iforce.MaxTokenTTL {
		probs.Add("ttl", "must be between 1 minute and 365 days")
	}
	in.Name = strings.TrimSpace(in.Name)
	if utf8.RuneCountInString(in.Name) > 100 {
		probs.Add("name", "must be at most 100 characters")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	id, secret, err := auth.NewToken(a.rand)
	if err != nil {
		return nil, iforce.Internal("token", err)
	}
	now := a.now().UTC().Truncate(time.Millisecond)
	t := &iforce.Token{ID: id, Name: in.Name, Roles: in.Roles, CreatedAt: now, ExpiresAt: now.Add(in.TTL), Secret: secret}
	err = a.write(ctx, action, "token", id, func(tx *sqlstore.Tx) (string, error) {
		var u *iforce.User
		var err error
		if action == access.TokenIssue {
			u, err = tx.UserByUsername(ctx, in.Username)
		} else {
			u, err = tx.User(ctx, p.UserID)
		}
		if err != nil {
			return "", err
		}
		for _, r := range in.Roles {
			if !slices.Contains(u.Roles, r) {
				return "", &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: "role", Problem: "the user does not hold role " + string(r)}}}
			}
		}
		t.UserID = u.ID
		return id, tx.CreateToken(ctx, t, auth.HashSecret(secret))
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Tokens lists the signed-in user's tokens.
func (a *App) Tokens(ctx context.Context) ([]*iforce.Token, error) {
	if _, err := a.authorize(ctx, access.TokenOwn, "token", ""); err != nil {
		return nil, err
	}
	list, err := a.store.Read().Tokens(ctx, PrincipalFrom(ctx).UserID)
	return list, a.wrap(err)
}

// RevokeToken revokes a token: the signed-in user's own, or any for the node operator.
// Another user's token is NotFound. The token stops working on the next request.
func (a *App) RevokeToken(ctx context.Context, id string) error {
	p := PrincipalFrom(ctx)
	action := access.TokenOwn
	if p != nil && p.System {
		action = access.TokenIssue
	}
	return a.write(ctx, action, "token", id, func(tx *sqlstore.Tx) (string, error) {
		t, err := tx.Token(ctx, id)
		if err != nil {
			return "", err
		}
		if action == access.TokenOwn && t.UserID != p.UserID {
			return "", iforce.NotFound("token")
		}
		return id, tx.RevokeToken(ctx, id, a.now())
	})
}
