// Package app is the one choke point of I-FORCE: every use case takes the principal
// from the context, asks the access policy, validates, and runs one transaction that
// writes the change together with its audit entry. The web UI, the JSON API and the CLI
// call only this package.
package app

import (
	"context"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/auth"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Config holds the limits of the security rules; zero values take the defaults.
type Config struct {
	LockoutThreshold int           // failed sign-ins of one user that lock it (5)
	LockoutWindow    time.Duration // window for counting them (15 min)
	AddressLimit     int           // failed sign-ins from one address in the window (20)
	TokenTTL         time.Duration // default API token lifetime (24 h)
	HitDeadline      time.Duration // time the owner has to confirm or reject a hit (12 h)
	Password         auth.Params   // Argon2id parameters (auth.DefaultParams)
}

func (c *Config) defaults() {
	if c.LockoutThreshold == 0 {
		c.LockoutThreshold = 5
	}
	if c.LockoutWindow == 0 {
		c.LockoutWindow = 15 * time.Minute
	}
	if c.AddressLimit == 0 {
		c.AddressLimit = 20
	}
	if c.TokenTTL == 0 {
		c.TokenTTL = 24 * time.Hour
	}
	if c.HitDeadline == 0 {
		c.HitDeadline = 12 * time.Hour
	}
	if c.Password == (auth.Params{}) {
		c.Password = auth.DefaultParams
	}
}

// App runs the use cases.
type App struct {
	store *sqlstore.Store
	keys  *audit.Keys
	cfg   Config
	now   func() time.Time
	rand  io.Reader
	log   *slog.Logger
	// onStoreError is called for each unexpected store error (a metric).
	onStoreError func()
	screen       *screenState // nil without a screening index
}

// Deps are what App needs from its caller: no globals.
type Deps struct {
	Store  *sqlstore.Store
	Keys   *audit.Keys
	Config Config
	Now    func() time.Time
	Rand   io.Reader
	Log    *slog.Logger
	// OnStoreError, if set, is called for each unexpected store error.
	OnStoreError func()
	// Screening, if set, is the name screening index that Screen searches and
	// SyncScreening keeps up to date.
	Screening *screening.Index
}

// New returns an App.
func New(d Deps) *App {
	d.Config.defaults()
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Rand == nil {
		d.Rand = rand.Reader
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.OnStoreError == nil {
		d.OnStoreError = func() {}
	}
	return &App{store: d.Store, keys: d.Keys, cfg: d.Config, now: d.Now, rand: d.Rand, log: d.Log, onStoreError: d.OnStoreError,
		screen: newScreenState(d.Screening)}
}

// Config returns the effective configuration.
func (a *App) Config() Config { return a.cfg }

// Ready reports whether the database answers.
func (a *App) Ready(ctx context.Context) error { return a.store.Ping(ctx) }

type ctxKey int

const (
	principalKey ctxKey = iota
	requestKey
)

// Request describes where a call comes from, for the audit log.
type Request struct {
	ID      string // request id
	Address string // client address
	Purpose string // purpose given by the user, if any
}

// WithPrincipal returns ctx carrying the acting principal.
func WithPrincipal(ctx context.Context, p *iforce.Principal) context.Context {
	return context.WithValue(ctx, principalKey, p)
}

// PrincipalFrom returns the principal in ctx, or nil.
func PrincipalFrom(ctx context.Context) *iforce.Principal {
	p, _ := ctx.Value(principalKey).(*iforce.Principal)
	return p
}

// WithRequest returns ctx carrying request details.
func WithRequest(ctx context.Context, r Request) context.Context {
	return context.WithValue(ctx, requestKey, r)
}

// RequestFrom returns the request details in ctx.
func RequestFrom(ctx context.Context) Request {
	r, _ := ctx.Value(requestKey).(Request)
	return r
}

func actorOf(p *iforce.Principal) string {
	switch {
	case p == nil:
		return "anonymous"
	case p.System:
		return "system"
	case p.Service:
		return "service:" + p.Username
	case p.TokenID != "":
		return "user:" + strconv.FormatInt(p.UserID, 10) + "/token:" + p.TokenID
	}
	return "user:" + strconv.FormatInt(p.UserID, 10)
}

// entry builds an audit entry for the principal and request in ctx.
func entry(ctx context.Context, action access.Action, otype, oid string, d access.Decision) audit.Entry {
	p, r := PrincipalFrom(ctx), RequestFrom(ctx)
	e := audit.Entry{Actor: actorOf(p), Action: string(action), ObjectType: otype, ObjectID: oid,
		Purpose: clip(r.Purpose), RequestID: r.ID, Decision: audit.Allow, Reason: d.Rule}
	if p != nil {
		e.Agency = p.Agency
	}
	if !d.Allowed {
		e.Decision = audit.Deny
	}
	return e
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

// denied records a refusal in its own transaction and returns the error the caller
// sees: NotFound for objects (indistinguishable from absence), Forbidden otherwise.
func (a *App) denied(ctx context.Context, action access.Action, otype, oid string, d access.Decision, visibleErr error) error {
	if err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		tx.Audit(entry(ctx, action, otype, oid, d))
		return nil
	}); err != nil {
		return iforce.Internal("audit denial", err)
	}
	return visibleErr
}

// authorize decides an administrative action (no object) and audits a denial.
func (a *App) authorize(ctx context.Context, action access.Action, otype, oid string) (access.Decision, error) {
	d := access.Decide(PrincipalFrom(ctx), action, nil)
	if !d.Allowed {
		if PrincipalFrom(ctx) == nil {
			return d, iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
		}
		return d, a.denied(ctx, action, otype, oid, d, iforce.Errorf(iforce.KindForbidden, "not allowed"))
	}
	return d, nil
}

// write runs fn in a transaction with one allow entry for the action; fn may return
// the object id for the entry.
func (a *App) write(ctx context.Context, action access.Action, otype, oid string, fn func(tx *sqlstore.Tx) (string, error)) error {
	d, err := a.authorize(ctx, action, otype, oid)
	if err != nil {
		return err
	}
	return a.wrap(a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		id, err := fn(tx)
		if err != nil {
			return err
		}
		if id != "" {
			oid = id
		}
		tx.Audit(entry(ctx, action, otype, oid, d))
		return nil
	}))
}

// wrap passes domain errors through and hides everything else behind Internal.
func (a *App) wrap(err error) error {
	if err == nil {
		return nil
	}
	var e *iforce.Error
	if errors.As(err, &e) {
		return err
	}
	a.onStoreError()
	return iforce.Internal("store", err)
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }
