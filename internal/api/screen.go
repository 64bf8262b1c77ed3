package api

import (
	"context"
	"net/http"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/screening"
)

// ScreenInput is the body of POST /api/v1/screen: a full name or its parts,
// optional qualifiers, a threshold (0 or absent: screening.DefaultThreshold)
// and a limit (0 or absent: screening.DefaultLimit).
type ScreenInput = app.ScreenQuery

// ScreenResultJSON is one screening hit.
type ScreenResultJSON struct {
	Record      RecordJSON            `json:"record"`
	Score       float64               `json:"score"`
	Explanation screening.Explanation `json:"explanation"`
	HitID       string                `json:"hitId,omitempty"` // the hit recorded for another agency's record
}

// ScreenResponse lists the hits, best first.
type ScreenResponse struct {
	Results []ScreenResultJSON `json:"results"`
}

func (h *Handler) screen(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (ScreenResponse, error) {
		var in ScreenInput
		if err := decodeBody(w, r, &in); err != nil {
			return ScreenResponse{}, err
		}
		rs, err := h.app.Screen(ctx, in)
		if err != nil {
			return ScreenResponse{}, err
		}
		out := ScreenResponse{Results: make([]ScreenResultJSON, len(rs))}
		for i, res := range rs {
			ex := res.Explanation
			if ex.Parts == nil {
				ex.Parts = []screening.PartMatch{}
			}
			out.Results[i] = ScreenResultJSON{Record: recordJSON(res.Record), Score: res.Score, Explanation: ex, HitID: res.HitID}
		}
		return out, nil
	})
}
