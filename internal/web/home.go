package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
)

// home is the "what concerns me" page. Later capabilities fill its sections (hits to
// confirm, alerts to review, tasks due); until then each says plainly that it is empty.
type home struct {
	Operational bool // the user works with operational data
	Admin       bool
	Auditor     bool
}

func (h *Handler) showHome(w http.ResponseWriter, r *http.Request) {
	p := app.PrincipalFrom(r.Context())
	h.render(w, r, http.StatusOK, "home", nil, home{
		Operational: access.Decide(p, access.RecordList, nil).Allowed,
		Admin:       access.Decide(p, access.UserManage, nil).Allowed,
		Auditor:     access.Decide(p, access.AuditRead, nil).Allowed,
	})
}
