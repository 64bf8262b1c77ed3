package web

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// view is what the layout renders around every page.
type view struct {
	P           *iforce.Principal
	Nav         []navItem
	Langs       []langOption
	Path        string // the current path, where the language switcher returns
	Flash       string
	FlashWarn   bool
	IdleSeconds int // 0 when signed out: no idle warning
	Status      int
	RequestID   string
	Form        *form
	Data        any
}

type navItem struct {
	Href, Key string
	Current   bool
}

type langOption struct {
	Code    string
	Current bool
}

// navigation lists the main menu; an entry shows only when the access policy allows
// its action, so the menu and the policy cannot disagree.
var navigation = []struct {
	href, key string
	action    access.Action // "" = every signed-in user
}{
	{"/", "nav.home", ""},
	{"/check", "nav.check", access.RecordCheck},
	{"/hits", "nav.hits", access.RecordCheck},
	{"/screen", "nav.screen", access.RecordScreen},
	{"/lists", "nav.lists", access.RecordCheck},
	{"/records", "nav.records", access.RecordList},
	{"/admin/agencies", "nav.agencies", access.AgencyManage},
	{"/admin/users", "nav.users", access.UserManage},
	{"/audit", "nav.audit", access.AuditRead},
	{"/profile", "nav.profile", ""},
	{"/profile/tokens", "nav.tokens", access.TokenOwn},
}

func navFor(p *iforce.Principal, path string) []navItem {
	var out []navItem
	for _, n := range navigation {
		if n.action != "" && !access.Decide(p, n.action, nil).Allowed {
			continue
		}
		cur := path == n.href || (n.href != "/" && strings.HasPrefix(path, n.href+"/"))
		out = append(out, navItem{Href: n.href, Key: n.key, Current: cur})
	}
	// The deepest match wins: /profile/tokens is not also /profile.
	for i := range out {
		for j := range out {
			if i != j && out[i].Current && out[j].Current && len(out[j].Href) > len(out[i].Href) {
				out[i].Current = false
			}
		}
	}
	return out
}

func (h *Handler) viewFor(r *http.Request, loc *i18n.Locale) *view {
	// The language switcher returns to this page; after a POST, to the home page.
	v := &view{Path: r.URL.RequestURI(), RequestID: requestID(r)}
	if r.Method != http.MethodGet {
		v.Path = "/"
	}
	for _, l := range iforce.Locales {
		v.Langs = append(v.Langs, langOption{Code: l, Current: l == loc.Lang()})
	}
	if p := app.PrincipalFrom(r.Context()); p != nil {
		v.P = p
		v.Nav = navFor(p, r.URL.Path)
		v.IdleSeconds = int(h.idle.Seconds())
	}
	if st := stateFrom(r.Context()); st != nil && st.session {
		if id := h.sm.PopString(r.Context(), keyFlash); id != "" {
			v.Flash = loc.T(id, "Arg", h.sm.PopString(r.Context(), keyFlashArg))
			v.FlashWarn = h.sm.PopBool(r.Context(), keyFlashWarn)
		}
	}
	return v
}

// requestID is the id the server middleware gave the request (X-Request-Id).
func requestID(r *http.Request) string { return app.RequestFrom(r.Context()).ID }

// render writes page with status. The page renders into a buffer first, so a template
// error becomes a clean 500 rather than half a page.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, page string, f *form, data any) {
	loc := h.locale(r)
	v := h.viewFor(r, loc)
	v.Form, v.Data, v.Status = f, data, status
	t, err := h.views.page(loc.Lang(), page)
	var buf bytes.Buffer
	if err == nil {
		err = t.ExecuteTemplate(&buf, "layout", v)
	}
	if err != nil {
		h.log.ErrorContext(r.Context(), "render", "page", page, "err", err, "request_id", v.RequestID)
		if page != "error" {
			h.renderError(w, r, http.StatusInternalServerError)
			return
		}
		http.Error(w, "internal error; request id "+v.RequestID, http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// kindStatus maps error kinds to HTTP status codes: the one table of the web UI.
// Unauthenticated never shows a page: it leads to the sign-in page.
var kindStatus = map[iforce.Kind]int{
	iforce.KindInvalid:     http.StatusUnprocessableEntity,
	iforce.KindNotFound:    http.StatusNotFound,
	iforce.KindConflict:    http.StatusConflict,
	iforce.KindForbidden:   http.StatusForbidden,
	iforce.KindTooMany:     http.StatusTooManyRequests,
	iforce.KindUnavailable: http.StatusServiceUnavailable,
	iforce.KindInternal:    http.StatusInternalServerError,
}

// errorPage holds the catalog keys of the title and text of each error page.
type errorPage struct{ Title, Text string }

var errorPages = map[int]errorPage{
	http.StatusForbidden:           {"error.forbidden.title", "error.forbidden.text"},
	http.StatusNotFound:            {"error.not_found.title", "error.not_found.text"},
	http.StatusConflict:            {"error.conflict.title", "error.conflict.text"},
	http.StatusUnprocessableEntity: {"error.invalid.title", "error.invalid.text"},
	http.StatusTooManyRequests:     {"error.too_many.title", "error.too_many.text"},
	http.StatusServiceUnavailable:  {"error.unavailable.title", "error.unavailable.text"},
	http.StatusInternalServerError: {"error.internal.title", "error.internal.text"},
}

// fail shows err as a page. A refusal on a page about one object is shown as "not
// found", exactly like an object that does not exist, so that a refusal never
// confirms that an object exists. Internal errors are logged once, with the request id
// that the page shows.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	kind := iforce.ErrorKind(err)
	if kind == iforce.KindUnauthenticated {
		h.toSignIn(w, r)
		return
	}
	if kind == iforce.KindForbidden && strings.Contains(r.Pattern, "{") {
		kind = iforce.KindNotFound
	}
	status, ok := kindStatus[kind]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		h.log.ErrorContext(r.Context(), "request failed", "err", err, "request_id", requestID(r))
	}
	h.renderError(w, r, status)
}

// renderError renders the error page of status.
func (h *Handler) renderError(w http.ResponseWriter, r *http.Request, status int) {
	ep, ok := errorPages[status]
	if !ok {
		status, ep = http.StatusInternalServerError, errorPages[http.StatusInternalServerError]
	}
	h.render(w, r, status, "error", nil, ep)
}

// notFound is the page of every path that no route serves.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.renderError(w, r, http.StatusNotFound)
}
