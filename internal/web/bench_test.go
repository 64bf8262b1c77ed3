package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/web/webtest"
)

// BenchmarkHomePage measures the server time of the home page of a signed-in user
// through the node's root handler: server middleware, session load and commit (a
// database read and write), the principal reloaded from the database, rendering.
func BenchmarkHomePage(b *testing.B) {
	n := webtest.New(b, webtest.Options{})
	n.AddUser(b, "UA-NCB", "olena", "Олена Коваленко", "uk", iforce.RoleOfficer)
	c := n.NewClient(b, n.Server(b).URL)
	c.SignIn("olena")
	cookies := c.Cookies()
	var bytes int
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		rec := httptest.NewRecorder()
		n.Handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("home page: %d", rec.Code)
		}
		bytes = rec.Body.Len()
	}
	b.ReportMetric(float64(bytes), "html-bytes")
}

// BenchmarkCheckPage measures the check page end to end over loopback HTTP: a Moldovan
// officer submits the MRZ of the border-check journey (demo data) and gets the answer
// page with the document hit and the person hits; every request is audited and records
// hits for the owners. Reports the median and p99.
func BenchmarkCheckPage(b *testing.B) {
	n, base := demoNode(b)
	ion := n.NewClient(b, base)
	ion.SignIn("ion.ciobanu")
	form := url.Values{"q": {journeyMRZ(b)}, "kind": {"mrz"}}
	var ds []time.Duration
	for b.Loop() {
		t0 := time.Now()
		r := ion.Post("/check", form)
		ds = append(ds, time.Since(t0))
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "FE482913") {
			b.Fatalf("check page: %d", r.StatusCode)
		}
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, "p99-ms")
}
