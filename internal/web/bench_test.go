package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

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
