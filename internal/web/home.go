package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
)

// home is the "what concerns me" page. Later capabilities fill its sections (alerts to
// review, tasks due); until then each says plainly that it is empty.
type home struct {
	Operational bool // the user works with operational data
	Admin       bool
	Auditor     bool
	Checks      bool     // the user checks and sees the agency's hit queue
	Hits        []hitRow // the latest pending hits on the agency's records
	Pending     int
	Overdue     int
}

func (h *Handler) showHome(w http.ResponseWriter, r *http.Request) {
	p := app.PrincipalFrom(r.Context())
	d := home{
		Operational: access.Decide(p, access.RecordList, nil).Allowed,
		Admin:       access.Decide(p, access.UserManage, nil).Allowed,
		Auditor:     access.Decide(p, access.AuditRead, nil).Allowed,
		Checks:      access.Decide(p, access.RecordCheck, nil).Allowed,
	}
	if d.Checks {
		res, err := h.app.Hits(r.Context(), app.HitQuery{Side: "owner", Status: "pending", Limit: 5})
		if err != nil {
			h.fail(w, r, err)
			return
		}
		d.Pending, d.Overdue, d.Hits = res.Pending, res.Overdue, h.hitRows(r, h.locale(r), res.Hits, true)
	}
	h.render(w, r, http.StatusOK, "home", nil, d)
}
