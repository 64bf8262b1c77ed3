package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/recordio"
)

// RecordJSON is a record in the API.
type RecordJSON struct {
	ID           string              `json:"id"`
	Schema       string              `json:"schema"`
	Caption      string              `json:"caption"`
	Properties   map[string][]string `json:"properties"`
	Owner        string              `json:"owner"`
	Category     string              `json:"category,omitempty"`
	Handling     string              `json:"handling"`
	HandlingNote string              `json:"handlingNote,omitempty"`
	Evaluation   *iforce.Evaluation  `json:"evaluation,omitempty"`
	TLP          string              `json:"tlp,omitempty"`
	Distribution iforce.Distribution `json:"distribution"`
	CrimeAreas   []string            `json:"crimeAreas"`
	LegalBasis   string              `json:"legalBasis,omitempty"`
	ReviewDate   string              `json:"reviewDate"`
	CreatedAt    time.Time           `json:"createdAt"`
	UpdatedAt    time.Time           `json:"updatedAt"`
	Version      int                 `json:"version"`
	Archived     bool                `json:"archived,omitempty"`
}

func recordJSON(r *iforce.Record) RecordJSON {
	out := RecordJSON{ID: r.ID, Schema: r.Schema, Caption: r.Caption(), Properties: r.Properties, Owner: r.Owner, Category: r.Category,
		Handling: r.Handling, HandlingNote: r.HandlingNote, TLP: r.TLP, Distribution: r.Distribution, CrimeAreas: orEmpty(r.CrimeAreas),
		LegalBasis: r.LegalBasis, ReviewDate: r.ReviewDate, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version, Archived: r.Archived}
	if r.Evaluation != (iforce.Evaluation{}) {
		out.Evaluation = &r.Evaluation
	}
	if out.Properties == nil {
		out.Properties = map[string][]string{}
	}
	out.Distribution.Agencies = orEmpty(out.Distribution.Agencies)
	return out
}

// RecordInput creates a record.
type RecordInput struct {
	Schema       string               `json:"schema"`
	Properties   map[string][]string  `json:"properties"`
	Category     string               `json:"category"`
	Handling     string               `json:"handling"`
	HandlingNote string               `json:"handlingNote"`
	Evaluation   *iforce.Evaluation   `json:"evaluation"`
	TLP          string               `json:"tlp"`
	Distribution *iforce.Distribution `json:"distribution"`
	CrimeAreas   []string             `json:"crimeAreas"`
	LegalBasis   string               `json:"legalBasis"`
	ReviewDate   string               `json:"reviewDate"`
}

func (h *Handler) createRecord(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusCreated, func(ctx context.Context) (RecordJSON, error) {
		var in RecordInput
		if err := decodeBody(w, r, &in); err != nil {
			return RecordJSON{}, err
		}
		rec := &iforce.Record{Schema: in.Schema, Properties: in.Properties, Category: in.Category, Handling: in.Handling,
			HandlingNote: in.HandlingNote, TLP: in.TLP, CrimeAreas: in.CrimeAreas, LegalBasis: in.LegalBasis, ReviewDate: in.ReviewDate}
		set(&rec.Evaluation, in.Evaluation)
		set(&rec.Distribution, in.Distribution)
		if err := h.app.CreateRecord(ctx, rec); err != nil {
			return RecordJSON{}, err
		}
		w.Header().Set("Location", "/api/v1/records/"+rec.ID)
		return recordJSON(rec), nil
	})
}

func (h *Handler) getRecord(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (RecordJSON, error) {
		rec, err := h.app.Record(ctx, r.PathValue("id"))
		if err != nil {
			return RecordJSON{}, err
		}
		return recordJSON(rec), nil
	})
}

// RecordPatchInput changes a record; version is required.
type RecordPatchInput struct {
	Version      *int                 `json:"version"`
	Properties   map[string][]string  `json:"properties"`
	Category     *string              `json:"category"`
	Handling     *string              `json:"handling"`
	HandlingNote *string              `json:"handlingNote"`
	Evaluation   *iforce.Evaluation   `json:"evaluation"`
	TLP          *string              `json:"tlp"`
	Distribution *iforce.Distribution `json:"distribution"`
	CrimeAreas   *[]string            `json:"crimeAreas"`
	LegalBasis   *string              `json:"legalBasis"`
	ReviewDate   *string              `json:"reviewDate"`
}

func (h *Handler) updateRecord(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (RecordJSON, error) {
		var in RecordPatchInput
		if err := decodeBody(w, r, &in); err != nil {
			return RecordJSON{}, err
		}
		if in.Version == nil {
			return RecordJSON{}, invalid("version", "is required: send the version you read")
		}
		rec, err := h.app.UpdateRecord(ctx, r.PathValue("id"), *in.Version, app.RecordPatch{Properties: in.Properties, Category: in.Category,
			Handling: in.Handling, HandlingNote: in.HandlingNote, Evaluation: in.Evaluation, TLP: in.TLP, Distribution: in.Distribution,
			CrimeAreas: in.CrimeAreas, LegalBasis: in.LegalBasis, ReviewDate: in.ReviewDate})
		if err != nil {
			return RecordJSON{}, err
		}
		return recordJSON(rec), nil
	})
}

func (h *Handler) deleteRecord(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusNoContent, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, h.app.DeleteRecord(ctx, r.PathValue("id"))
	})
}

// VersionJSON is one version of a record.
type VersionJSON struct {
	Version         int        `json:"version"`
	ChangedAt       time.Time  `json:"changedAt"`
	ChangedBy       string     `json:"changedBy"`
	ChangedByAgency string     `json:"changedByAgency,omitempty"`
	ChangedByName   string     `json:"changedByName,omitempty"`
	Op              string     `json:"op"`
	Record          RecordJSON `json:"record"`
}

func (h *Handler) recordHistory(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[VersionJSON], error) {
		vs, err := h.app.RecordHistory(ctx, r.PathValue("id"))
		out := List[VersionJSON]{Items: []VersionJSON{}}
		for _, v := range vs {
			v.Record.ID = r.PathValue("id")
			out.Items = append(out.Items, VersionJSON{Version: v.Version.Version, ChangedAt: v.ChangedAt, ChangedBy: v.ChangedBy,
				ChangedByAgency: v.ChangedByAgency, ChangedByName: v.ChangedByName, Op: v.Op, Record: recordJSON(v.Record)})
		}
		return out, err
	})
}

func (h *Handler) recordLinks(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[RecordJSON], error) {
		rs, err := h.app.RecordLinks(ctx, r.PathValue("id"))
		return recordList(rs, 0), err
	})
}

func recordList(rs []*iforce.Record, next int64) List[RecordJSON] {
	out := listOf(rs, recordJSON)
	if next > 0 {
		out.Next = strconv.FormatInt(next, 10)
	}
	return out
}

func (h *Handler) listRecords(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[RecordJSON], error) {
		q := r.URL.Query()
		rq := app.RecordQuery{Schema: q.Get("schema"), Q: q.Get("q"), Category: q.Get("category"), CrimeArea: q.Get("crimeArea"),
			Owner: q.Get("owner"), Archived: q.Get("archived") == "true"}
		var probs iforce.Problems
		if v := q.Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				probs.Add("limit", "must be a whole number from 1 to 200")
			}
			rq.Limit = n
		}
		if v := q.Get("cursor"); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 1 {
				probs.Add("cursor", "is not a cursor this API returned")
			}
			rq.Cursor = n
		}
		if err := probs.Err(); err != nil {
			return List[RecordJSON]{}, err
		}
		rs, next, err := h.app.Records(ctx, rq)
		return recordList(rs, next), err
	})
}

func (h *Handler) reviewList(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (List[RecordJSON], error) {
		rs, err := h.app.ReviewList(ctx)
		return recordList(rs, 0), err
	})
}

// MaxImportBytes bounds an import upload.
const MaxImportBytes = 256 << 20

func (h *Handler) importRecords(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (*app.ImportResult, error) {
		q := r.URL.Query()
		format := q.Get("format")
		if format == "" {
			switch ct := r.Header.Get("Content-Type"); {
			case strings.HasPrefix(ct, "text/csv"):
				format = "csv"
			case strings.Contains(ct, "json"):
				format = "ftm"
			}
		}
		d := recordio.Defaults{Category: q.Get("category"), Handling: q.Get("handling"), TLP: q.Get("tlp"), LegalBasis: q.Get("legalBasis"),
			Distribution: iforce.Distribution{Scope: q.Get("scope"), Agencies: splitParam(q.Get("agencies"))}, CrimeAreas: splitParam(q.Get("crimeAreas"))}
		return h.app.Import(ctx, app.ImportRequest{Format: format, Schema: q.Get("schema"), Defaults: d,
			Body: http.MaxBytesReader(w, r.Body, MaxImportBytes)})
	})
}

func splitParam(s string) []string {
	var out []string
	for v := range strings.SplitSeq(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (h *Handler) exportRecords(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := app.ExportRequest{Format: q.Get("format"), Schema: q.Get("schema"), Owner: q.Get("owner")}
	if req.Format == "" {
		req.Format = "ftm"
	}
	ct, ext := "application/x-ndjson", "ftm.json"
	if req.Format == "csv" {
		ct, ext = "text/csv; charset=utf-8", "csv"
	}
	// Headers are committed only when the first byte is written, so that a refusal
	// before any output still answers with a problem document.
	lw := &lazyWriter{w: w, start: func() {
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="iforce-export.`+ext+`"`)
	}}
	if _, err := h.app.Export(r.Context(), req, lw); err != nil && !lw.started {
		WriteProblem(w, r, h.log, err)
	}
}

type lazyWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (l *lazyWriter) Write(b []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
	}
	return l.w.Write(b)
}
