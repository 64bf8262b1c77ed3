package server

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/app"
)

func TestClientAddress(t *testing.T) {
	trusted, err := ParseProxies("10.0.0.0/8, 127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, peer, xff string
		trusted         bool
		want            string
	}{
		{"no proxies configured: the peer, header ignored", "203.0.113.7:5000", "198.51.100.1", false, "203.0.113.7"},
		{"untrusted peer: its header is not believed", "203.0.113.7:5000", "198.51.100.1", true, "203.0.113.7"},
		{"trusted proxy: the client it names", "127.0.0.1:5000", "198.51.100.1", true, "198.51.100.1"},
		{"spoofed entries left of the real client are ignored", "127.0.0.1:5000", "6.6.6.6, 198.51.100.1", true, "198.51.100.1"},
		{"a chain of trusted proxies is skipped", "127.0.0.1:5000", "198.51.100.1, 10.1.2.3", true, "198.51.100.1"},
		{"trusted proxy without header: the proxy", "127.0.0.1:5000", "", true, "127.0.0.1"},
		{"malformed hop: the proxy", "127.0.0.1:5000", "6.6.6.6, not-an-ip", true, "127.0.0.1"},
		{"IPv4-mapped IPv6 client", "10.0.0.5:5000", "::ffff:198.51.100.9", true, "198.51.100.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.peer
			if tt.xff != "" {
				r.Header.Set("X-Forwarded-For", tt.xff)
			}
			var tp = trusted
			if !tt.trusted {
				tp = nil
			}
			if got := clientAddress(r, tp); got != tt.want {
				t.Errorf("clientAddress = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseProxiesNamesTheBadEntry(t *testing.T) {
	if _, err := ParseProxies("10.0.0.0/8, proxy.local"); err == nil || !strings.Contains(err.Error(), `"proxy.local"`) {
		t.Errorf("ParseProxies: %v, want an error naming proxy.local", err)
	}
	ps, err := ParseProxies(" ::1 , 192.168.1.0/24,")
	if err != nil || len(ps) != 2 || ps[0].String() != "::1/128" {
		t.Errorf("ParseProxies = %v, %v", ps, err)
	}
}

// TestMiddlewareAttributesToClient checks that the address the app sees (for
// rate limits and audit) is the one clientAddress chose.
func TestMiddlewareAttributesToClient(t *testing.T) {
	trusted, _ := ParseProxies("127.0.0.1")
	var got string
	h := middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = app.RequestFrom(r.Context()).Address
	}), func(*http.Request) string { return "/" }, NewMetrics(), slog.New(slog.DiscardHandler), Options{TrustedProxies: trusted})
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "127.0.0.1:4000"
	r.Header.Set("X-Forwarded-For", "198.51.100.1")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got != "198.51.100.1" {
		t.Errorf("address seen by the app = %q, want the client 198.51.100.1", got)
	}
}
