package cli

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/demo"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/server"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/web"
)

func runServe(ctx context.Context, args []string, env Env) error {
	var cfg Config
	fs := flags("serve", &cfg, env)
	fs.StringVar(&cfg.Addr, "addr", "", "listen address (IFORCE_ADDR, default "+DefaultAddr+")")
	fs.StringVar(&cfg.LogLevel, "log-level", "", "debug, info, warn or error (IFORCE_LOG_LEVEL, default info)")
	hitDeadline := fs.Duration("hit-deadline", 12*time.Hour, "time an owner has to confirm or reject a hit (IFORCE_HIT_DEADLINE)")
	withDemo := fs.Bool("demo", false, "load the demonstration data set (idempotent) and print its password")
	secure := fs.Bool("secure-cookies", env.Getenv("IFORCE_SECURE_COOKIES") == "true", "mark cookies Secure: for a node behind a TLS-terminating proxy (IFORCE_SECURE_COOKIES=true)")
	proxyList := fs.String("trusted-proxies", env.Getenv("IFORCE_TRUSTED_PROXIES"), "comma-separated addresses or CIDR prefixes of reverse proxies whose X-Forwarded-For is believed (IFORCE_TRUSTED_PROXIES)")
	if err := parse(fs, args, &cfg, env); err != nil {
		return err
	}
	proxies, err := server.ParseProxies(*proxyList)
	if err != nil {
		return usagef("--trusted-proxies: %v", err)
	}
	if v := env.Getenv("IFORCE_HIT_DEADLINE"); v != "" && !flagSet(fs, "hit-deadline") {
		d, err := time.ParseDuration(v)
		if err != nil {
			return usagef("IFORCE_HIT_DEADLINE: %v", err)
		}
		*hitDeadline = d
	}
	if *hitDeadline < time.Minute {
		return usagef("--hit-deadline must be at least 1m")
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return usagef("--log-level: %v", err)
	}
	log := slog.New(slog.NewJSONHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
	metrics := server.NewMetrics()
	n, err := open(ctx, cfg, log, app.Deps{OnStoreError: metrics.StoreErrors.Inc, Config: app.Config{HitDeadline: *hitDeadline}, Screening: screening.New()})
	if err != nil {
		return err
	}
	defer n.Close()
	if *withDemo {
		pw, err := demoPassword(cfg.Data)
		if err != nil {
			return err
		}
		if err := demo.Load(system(ctx), n.app, pw); err != nil {
			return err
		}
		created, err := demo.LoadRecords(system(ctx), n.app, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "demo data loaded (%d new records); every demo user signs in with password %q and enrols a second factor at first sign-in\n", created, pw)
		fmt.Fprintf(env.Stdout, "demo users: %s\n", demoUsernames())
		fmt.Fprintln(env.Stdout, "try the border check: sign in as ion.ciobanu, open Check, paste the MRZ of passport FE482913 (`iforce demo mrz`)")
	}
	h, err := server.Handler(n.app, web.New(web.Deps{App: n.app, Sessions: n.store.Sessions(), Log: log, SecureCookies: *secure}), metrics, log,
		server.Options{TrustedProxies: proxies})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	fmt.Fprintf(env.Stdout, "I-FORCE %s serving on http://%s (database: %s)\n", Version(), ln.Addr(), n.store.Engine())
	go housekeeping(ctx, n.store, log)
	go n.store.Checkpoints(ctx)
	go n.app.SyncScreening(ctx, app.ScreeningInterval)
	return server.Serve(ctx, ln, h, log)
}

func demoUsernames() string {
	var names []string
	for _, u := range demo.Users() {
		names = append(names, u.Username)
	}
	return strings.Join(names, ", ")
}

// demoPassword returns the demo password of a data directory, creating it at the first
// demo start: demo passwords exist only in demo mode, and differ between installations.
func demoPassword(dir string) (string, error) {
	path := filepath.Join(dir, "demo-password")
	b, err := os.ReadFile(path)
	if err == nil {
		return strings.TrimSpace(string(b)), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("read demo password: %w", err)
	}
	raw := make([]byte, 10)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("demo password: %w", err)
	}
	pw := "demo-" + strings.ToLower(base32.StdEncoding.EncodeToString(raw))
	if err := os.WriteFile(path, []byte(pw+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("write demo password: %w", err)
	}
	return pw, nil
}

// housekeeping deletes expired sessions and old sign-in attempts every ten minutes, on
// one node of a cluster at a time (a database lease).
func housekeeping(ctx context.Context, st *sqlstore.Store, log *slog.Logger) {
	host, _ := os.Hostname()
	holder := fmt.Sprintf("%s/%d", host, os.Getpid())
	tick := time.NewTicker(10 * time.Minute)
	defer tick.Stop()
	for {
		now := time.Now()
		if ok, err := st.Read().AcquireLease(ctx, "housekeeping", holder, now, now.Add(9*time.Minute)); err == nil && ok {
			if n, err := st.Sessions().DeleteExpired(ctx); err != nil {
				log.Warn("housekeeping: sessions", "err", err)
			} else if n > 0 {
				log.Info("housekeeping: expired sessions deleted", "count", n)
			}
			if err := st.Read().PruneLoginAttempts(ctx, now.Add(-24*time.Hour)); err != nil {
				log.Warn("housekeeping: login attempts", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// flagSet reports whether a flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
