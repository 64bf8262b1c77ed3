// Package server assembles the HTTP surface of a node: the JSON API, the web UI, the
// operational endpoints (/healthz, /readyz, /metrics), and the middleware every request
// passes (request id, security headers, panic recovery, metrics, JSON access log). It
// also runs the HTTP server with explicit timeouts and graceful shutdown.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/iforce-platform/iforce/internal/api"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// Limits of the HTTP server, documented in docs/operations.md.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 60 * time.Second
	WriteTimeout      = 120 * time.Second
	IdleTimeout       = 120 * time.Second
	ShutdownTimeout   = 20 * time.Second
	MaxHeaderBytes    = 64 << 10
)

// Metrics are the Prometheus collectors of a node, on their own registry.
type Metrics struct {
	Registry    *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	StoreErrors prometheus.Counter
}

// NewMetrics creates the collectors.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "iforce_http_requests_total", Help: "HTTP requests by route, method and status code."},
			[]string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "iforce_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}, []string{"route"}),
		StoreErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "iforce_store_errors_total", Help: "Unexpected errors from the database."}),
	}
	m.Registry.MustRegister(m.requests, m.latency, m.StoreErrors, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Options are the settings of a node's HTTP surface.
type Options struct {
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header is
	// believed: a request from one of them is attributed (rate limits,
	// audit) to the client the proxy names. Empty: the TCP peer, always.
	TrustedProxies []netip.Prefix
}

// ParseProxies parses a comma-separated list of addresses and CIDR prefixes
// (10.0.0.0/8, 127.0.0.1, ::1), naming the entry that is neither.
func ParseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("%q is neither an IP address nor a CIDR prefix", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// clientAddress is the address a request is attributed to: the TCP peer,
// unless the peer is a trusted proxy; then the rightmost address of
// X-Forwarded-For that is not a trusted proxy (the entries left of it are
// whatever the client sent, and are never believed).
func clientAddress(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	isTrusted := func(s string) bool {
		a, err := netip.ParseAddr(strings.TrimSpace(s))
		if err != nil {
			return false
		}
		for _, p := range trusted {
			if p.Contains(a.Unmap()) {
				return true
			}
		}
		return false
	}
	if len(trusted) == 0 || !isTrusted(host) {
		return host
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if isTrusted(hop) {
			continue
		}
		if a, err := netip.ParseAddr(hop); err == nil {
			return a.Unmap().String()
		}
		return host // a malformed hop: the proxy is misconfigured
	}
	return host
}

// Handler builds the node's root handler. web and log may be nil.
func Handler(a *app.App, web http.Handler, m *Metrics, log *slog.Logger, opts Options) (http.Handler, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	apiHandler, err := api.New(a, log)
	if err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := a.Ready(ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "database unavailable")
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}))
	mux.Handle("/api/", apiHandler)
	if web != nil {
		mux.Handle("/", web)
	} else {
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	}
	pattern := func(r *http.Request) string {
		_, p := mux.Handler(r)
		if p == "/api/" {
			p = apiHandler.Pattern(r)
		}
		return p
	}
	return middleware(mux, pattern, m, log, opts), nil
}

// middleware wraps every request: request id, security headers, recovery, metrics, log.
func middleware(next http.Handler, patternOf func(*http.Request) string, m *Metrics, log *slog.Logger, opts Options) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		h := w.Header()
		h.Set("X-Request-Id", id)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		ctx := app.WithRequest(r.Context(), app.Request{ID: id, Address: clientAddress(r, opts.TrustedProxies)})
		r = r.WithContext(ctx)
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.ErrorContext(ctx, "panic", "panic", fmt.Sprint(v), "request_id", id)
				if !sw.wrote {
					api.WriteProblem(sw, r, log, iforce.Internal("panic", errors.New(fmt.Sprint(v))))
				}
			}
			pattern := patternOf(r)
			if pattern == "" {
				pattern = "unmatched"
			}
			d := time.Since(start)
			m.requests.WithLabelValues(pattern, r.Method, fmt.Sprint(sw.code)).Inc()
			m.latency.WithLabelValues(pattern).Observe(d.Seconds())
			log.InfoContext(ctx, "request", "method", r.Method, "route", pattern, "status", sw.code, "bytes", sw.n,
				"duration_ms", float64(d.Microseconds())/1000, "request_id", id)
		}()
		next.ServeHTTP(sw, r)
	})
}

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

type statusWriter struct {
	http.ResponseWriter
	code  int
	n     int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Serve runs h on ln until ctx is done, then shuts down gracefully.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: ReadHeaderTimeout, ReadTimeout: ReadTimeout, WriteTimeout: WriteTimeout,
		IdleTimeout: IdleTimeout, MaxHeaderBytes: MaxHeaderBytes, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
