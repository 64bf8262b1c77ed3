package api

import (
	"bytes"
	"net/http"
	"strconv"
)

// MaxListBytes bounds an uploaded passenger list.
const MaxListBytes = 32 << 20

func (h *Handler) screenList(w http.ResponseWriter, r *http.Request) {
	var out bytes.Buffer
	rep, err := h.app.ScreenList(r.Context(), http.MaxBytesReader(w, r.Body, MaxListBytes), &out, nil)
	if err != nil {
		WriteProblem(w, r, h.log, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="screening-results.csv"`)
	w.Header().Set("X-Rows", strconv.Itoa(rep.Rows))
	w.Header().Set("X-Flagged", strconv.Itoa(rep.Flagged))
	w.Header().Set("X-Errors", strconv.Itoa(len(rep.Errors)))
	w.Write(out.Bytes())
}
