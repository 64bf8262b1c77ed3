package app

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/recordio"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// ImportBatch is the number of rows written in one transaction.
const ImportBatch = 500

// ImportRequest is a bulk import of records.
type ImportRequest struct {
	Agency   string // owner agency code: required for the node operator, else the principal's
	Format   string // "csv" or "ftm"
	Schema   string // for CSV: the one schema of the file
	Defaults recordio.Defaults
	Body     io.Reader
	// Progress, if set, is called after every batch with the rows read so far.
	Progress func(rows int)
}

// RowProblem is a rejected input row.
type RowProblem struct {
	Line     int                   `json:"line"`
	Problems []iforce.FieldProblem `json:"errors"`
}

// ImportResult reports an import.
type ImportResult struct {
	Rows      int          `json:"rows"`
	Created   int          `json:"created"`
	Updated   int          `json:"updated"`
	Unchanged int          `json:"unchanged"`
	Rejected  []RowProblem `json:"rejected"`
	// Ignored counts input properties outside our schemas, by name.
	Ignored map[string]int `json:"ignored,omitempty"`
}

// Import reads records and writes the valid ones, one transaction per batch of
// ImportBatch rows, each created or changed record with its audit entry. Rows with a
// source id already imported by the owner update that record (or leave it unchanged),
// so re-importing a file does not duplicate records. Every rejected row is reported
// with its line and field problems.
func (a *App) Import(ctx context.Context, req ImportRequest) (*ImportResult, error) {
	p := PrincipalFrom(ctx)
	if _, err := a.authorize(ctx, access.RecordImport, "record", "import"); err != nil {
		return nil, err
	}
	owner, err := a.importOwner(ctx, p, req.Agency)
	if err != nil {
		return nil, err
	}
	var rows func(func(recordio.Row, error) bool)
	switch req.Format {
	case "csv":
		rows = recordio.ReadCSV(req.Body, req.Schema, req.Defaults)
	case "ftm":
		rows = recordio.ReadFTM(req.Body, req.Defaults)
	default:
		return nil, invalidField("format", "must be csv or ftm")
	}
	res := &ImportResult{Rejected: []RowProblem{}, Ignored: map[string]int{}}
	var batch []recordio.Row
	for row, err := range rows {
		if err != nil {
			if he, ok := err.(*recordio.HeaderError); ok {
				return nil, invalidField("file", he.Problem)
			}
			return res, iforce.Errorf(iforce.KindInvalid, "import stopped at row %d: %v (rows before it were imported)", res.Rows+1, err)
		}
		res.Rows++
		for _, name := range row.Ignored {
			res.Ignored[name]++
		}
		if row.Record == nil {
			res.Rejected = append(res.Rejected, RowProblem{row.Line, row.Problems})
			continue
		}
		batch = append(batch, row)
		if len(batch) == ImportBatch {
			if err := a.importBatch(ctx, owner, batch, res); err != nil {
				return res, err
			}
			batch = batch[:0]
			if req.Progress != nil {
				req.Progress(res.Rows)
			}
		}
	}
	if err := a.importBatch(ctx, owner, batch, res); err != nil {
		return res, err
	}
	if req.Progress != nil {
		req.Progress(res.Rows)
	}
	if len(res.Ignored) == 0 {
		res.Ignored = nil
	}
	return res, nil
}

func invalidField(field, problem string) error {
	return &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: field, Problem: problem}}}
}

// importOwner is the agency that will own imported records.
func (a *App) importOwner(ctx context.Context, p *iforce.Principal, code string) (*iforce.Principal, error) {
	if !p.System {
		if code != "" && iforce.NormaliseAgencyCode(code) != p.Agency {
			return nil, invalidField("agency", "you import for your own agency only")
		}
		return p, nil
	}
	if code == "" {
		return nil, invalidField("agency", "name the agency that owns the records")
	}
	ag, err := a.store.Read().AgencyByCode(ctx, code)
	if err != nil {
		return nil, invalidField("agency", "no agency with code "+code)
	}
	return &iforce.Principal{System: true, Username: "system", AgencyID: ag.ID, Agency: ag.Code, Country: ag.Country}, nil
}

// importBatch writes one batch in one transaction.
func (a *App) importBatch(ctx context.Context, owner *iforce.Principal, batch []recordio.Row, res *ImportResult) error {
	if len(batch) == 0 {
		return nil
	}
	var created, updated, unchanged int
	var rejected []RowProblem
	err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		created, updated, unchanged, rejected = 0, 0, 0, nil
		// One lookup of the batch's source ids and deferred index writes: a few round
		// trips a batch instead of several a row.
		tx.DeferIndexWrites()
		ids := make([]string, 0, len(batch))
		for _, row := range batch {
			ids = append(ids, row.Record.SourceID)
		}
		known, err := tx.RecordsBySources(ctx, owner.AgencyID, ids)
		if err != nil {
			return err
		}
		touched := map[string]bool{} // source ids this batch wrote: looked up again
		for _, row := range batch {
			r := row.Record
			op, problems, err := a.importRow(ctx, tx, owner, r, known, touched)
			if err != nil {
				return err
			}
			if problems != nil {
				rejected = append(rejected, RowProblem{row.Line, problems})
				continue
			}
			switch op {
			case "create":
				created++
			case "update":
				updated++
			default:
				unchanged++
				continue
			}
			tx.Audit(entry(ctx, access.RecordImport, "record", r.ID, access.Decision{Allowed: true, Rule: "import " + op + " for " + owner.Agency}))
		}
		return nil
	})
	if err != nil {
		return a.wrap(err)
	}
	res.Created += created
	res.Updated += updated
	res.Unchanged += unchanged
	res.Rejected = append(res.Rejected, rejected...)
	return nil
}

// importRow creates or updates one record; a row problem is returned as problems.
// known holds the batch's records by source id as they were before it; a source id
// the batch already wrote (touched) is looked up again.
func (a *App) importRow(ctx context.Context, tx *sqlstore.Tx, owner *iforce.Principal, r *iforce.Record,
	known map[string][]*sqlstore.StoredRecord, touched map[string]bool) (string, []iforce.FieldProblem, error) {
	if probs := a.resolveRefs(ctx, tx, owner, r); len(probs) > 0 {
		return "", probs, nil
	}
	var existing *sqlstore.StoredRecord
	if touched[r.SourceID] {
		if err := tx.FlushIndexWrites(ctx); err != nil {
			return "", nil, err
		}
		var err error
		existing, err = tx.RecordBySource(ctx, owner.AgencyID, r.Schema, r.SourceID)
		if err != nil && !iforce.IsKind(err, iforce.KindNotFound) {
			return "", nil, err
		}
	} else {
		for _, k := range known[r.SourceID] {
			if k.Schema == r.Schema {
				existing = k
			}
		}
	}
	if existing != nil && existing.Archived {
		return "", []iforce.FieldProblem{{Field: "id", Problem: "the record imported under this id was deleted by its owner; it is not imported again"}}, nil
	}
	if existing != nil && r.ReviewDate == "" {
		r.ReviewDate = existing.ReviewDate
	}
	isNew := existing == nil
	if err := a.prepareRecord(owner, r, isNew); err != nil {
		return "", nil, err
	}
	keys, err := a.checkRecord(r, owner.Country)
	if e, ok := err.(*iforce.Error); ok && e.Kind == iforce.KindInvalid {
		return "", e.Fields, nil
	}
	if err != nil {
		return "", nil, err
	}
	actor := actorID(ctx) + " import"
	if isNew {
		if _, err := tx.CreateRecord(ctx, r, keys, actor); err != nil {
			if e, ok := err.(*iforce.Error); ok && e.Kind == iforce.KindInvalid {
				return "", e.Fields, nil
			}
			return "", nil, err
		}
		touched[r.SourceID] = true
		return "create", nil, nil
	}
	if sameContent(existing.Record, r) {
		return "unchanged", nil, nil
	}
	r.ID, r.CreatedAt, r.Version = existing.ID, existing.CreatedAt, existing.Version+1
	if err := tx.UpdateRecord(ctx, existing.Seq, r, keys, existing.Version, actor); err != nil {
		if e, ok := err.(*iforce.Error); ok && e.Kind == iforce.KindInvalid {
			return "", e.Fields, nil
		}
		return "", nil, err
	}
	touched[r.SourceID] = true
	return "update", nil, nil
}

// resolveRefs replaces references by source id (FollowTheMoney ids) with record ids.
func (a *App) resolveRefs(ctx context.Context, tx *sqlstore.Tx, owner *iforce.Principal, r *iforce.Record) []iforce.FieldProblem {
	s, ok := iforce.SchemaNamed(r.Schema)
	if !ok {
		return nil
	}
	var probs iforce.Problems
	for _, p := range s.Props {
		if p.Type != iforce.PropRef {
			continue
		}
		for i, v := range r.Properties[p.Name] {
			if iforce.ValidRecordID(v) {
				continue
			}
			id, err := tx.RecordIDBySource(ctx, owner.AgencyID, v)
			if err != nil {
				probs.Add(p.Name, fmt.Sprintf("refers to %q, which is not imported (put referenced entities before the references)", v))
				continue
			}
			r.Properties[p.Name][i] = id
		}
	}
	return probs
}

// sameContent reports whether an import row would change nothing in a stored record.
func sameContent(old, r *iforce.Record) bool {
	cp := *r
	cp.Normalise()
	return old.Category == cp.Category && old.Handling == cp.Handling && old.HandlingNote == cp.HandlingNote &&
		old.Evaluation == cp.Evaluation && old.TLP == cp.TLP && old.Distribution.Scope == cp.Distribution.Scope &&
		slices.Equal(old.Distribution.Agencies, cp.Distribution.Agencies) && slices.Equal(old.CrimeAreas, cp.CrimeAreas) &&
		old.LegalBasis == cp.LegalBasis && old.ReviewDate == cp.ReviewDate &&
		maps.EqualFunc(old.Properties, cp.Properties, slices.Equal)
}

// ExportRequest selects records to export.
type ExportRequest struct {
	Format string // "ftm" or "csv"
	Schema string // required for csv
	Owner  string
}

// Export writes the records the principal may see and export (another agency's H2 and
// H3 records are left out), page by page, each page audited record by record.
func (a *App) Export(ctx context.Context, req ExportRequest, w io.Writer) (int, error) {
	p := PrincipalFrom(ctx)
	if _, err := a.authorize(ctx, access.RecordList, "record", "export"); err != nil {
		return 0, err
	}
	switch {
	case req.Format != "ftm" && req.Format != "csv":
		return 0, invalidField("format", "must be ftm or csv")
	case req.Format == "csv" && req.Schema == "":
		return 0, invalidField("schema", "a CSV export holds one schema: name it")
	}
	if req.Schema != "" {
		if _, ok := iforce.SchemaNamed(req.Schema); !ok {
			return 0, invalidField("schema", "unknown schema")
		}
	}
	count := 0
	records := func(yield func(*iforce.Record, error) bool) {
		f := sqlstore.RecordFilter{Visibility: access.VisibilityFor(p), Schema: req.Schema, Limit: sqlstore.MaxRecordPage}
		if req.Owner != "" {
			ag, err := a.store.Read().AgencyByCode(ctx, req.Owner)
			if err != nil {
				yield(nil, invalidField("owner", "no agency with this code"))
				return
			}
			f.Owner = ag.ID
		}
		for {
			var page []*sqlstore.StoredRecord
			err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
				rs, err := tx.Records(ctx, f)
				if err != nil {
					return err
				}
				page = page[:0]
				for _, r := range rs {
					d := access.Decide(p, access.RecordExport, object(r))
					if d.Allowed {
						page = append(page, r)
						tx.Audit(entry(ctx, access.RecordExport, "record", r.ID, d))
					}
				}
				if len(rs) < f.Limit {
					f.Before = -1
				} else {
					f.Before = rs[len(rs)-1].Seq
				}
				return nil
			})
			if err != nil {
				yield(nil, a.wrap(err))
				return
			}
			for _, r := range page {
				count++
				if !yield(r.Record, nil) {
					return
				}
			}
			if f.Before < 0 {
				return
			}
		}
	}
	var err error
	if req.Format == "csv" {
		err = recordio.WriteCSV(w, req.Schema, records)
	} else {
		err = recordio.WriteFTM(w, records)
	}
	if err != nil && !strings.Contains(err.Error(), "broken pipe") {
		return count, err
	}
	return count, nil
}
