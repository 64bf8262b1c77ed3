package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// Key is a search key of a record: a folded name token or a normalised identifier.
type Key struct {
	Kind string // "name" or an identifier kind
	Key  string
}

// RecordColumns are the columns the access policy's SQL filter reads, for records
// aliased r.
var RecordColumns = access.Columns{Owner: "r.owner_id", Scope: "r.scope", Victim: "r.victim", Child: "r.child",
	Agencies: "SELECT ra.agency_id FROM record_agencies ra WHERE ra.record_seq = r.seq"}

const recordCols = `r.seq, r.id, r.schema, r.owner_id, a.code, r.category, r.handling, r.handling_note, r.eval_source, r.eval_info,
	r.tlp, r.scope, r.child, r.crime_areas, r.legal_basis, r.review_date, r.created_at, r.updated_at, r.version, r.archived,
	r.source_id, r.properties`

const recordFrom = ` FROM records r JOIN agencies a ON a.id = r.owner_id`

// StoredRecord is a record with its internal sequence number and the ids of the
// agencies of its named distribution.
type StoredRecord struct {
	*iforce.Record
	Seq       int64
	AgencyIDs []int64
}

func scanRecord(row interface{ Scan(...any) error }) (*StoredRecord, error) {
	return scanRecordWith(row)
}

// scanRecordWith scans extra leading columns into pre, then the record columns.
func scanRecordWith(row interface{ Scan(...any) error }, pre ...any) (*StoredRecord, error) {
	r := &iforce.Record{}
	var seq, created, updated int64
	var areas, props string
	err := row.Scan(append(pre, &seq, &r.ID, &r.Schema, &r.OwnerID, &r.Owner, &r.Category, &r.Handling, &r.HandlingNote, &r.Evaluation.Source,
		&r.Evaluation.Information, &r.TLP, &r.Distribution.Scope, &r.Child, &areas, &r.LegalBasis, &r.ReviewDate, &created, &updated,
		&r.Version, &r.Archived, &r.SourceID, &props)...)
	if err != nil {
		return nil, err
	}
	r.CrimeAreas = split(areas)
	r.CreatedAt, r.UpdatedAt = fromMS(created), fromMS(updated)
	if err := json.Unmarshal([]byte(props), &r.Properties); err != nil {
		return nil, fmt.Errorf("record %s properties: %w", r.ID, err)
	}
	return &StoredRecord{Record: r, Seq: seq}, nil
}

// fillAgencies loads the named distribution of records.
func (q *Queries) fillAgencies(ctx context.Context, recs []*StoredRecord) error {
	bySeq := make(map[int64]*StoredRecord, len(recs))
	var args []any
	var ph []string
	for _, r := range recs {
		if r.Distribution.Scope != "agencies" {
			continue // only a named distribution has agencies to load
		}
		bySeq[r.Seq] = r
		args = append(args, r.Seq)
		ph = append(ph, fmt.Sprintf("$%d", len(args)))
	}
	if len(args) == 0 {
		return nil
	}
	rows, err := q.q.QueryContext(ctx, `SELECT ra.record_seq, a.id, a.code FROM record_agencies ra JOIN agencies a ON a.id = ra.agency_id
		WHERE ra.record_seq IN (`+strings.Join(ph, ",")+`) ORDER BY a.code`, args...)
	if err != nil {
		return fmt.Errorf("record agencies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq, id int64
		var code string
		if err := rows.Scan(&seq, &id, &code); err != nil {
			return fmt.Errorf("scan record agency: %w", err)
		}
		r := bySeq[seq]
		r.Distribution.Agencies = append(r.Distribution.Agencies, code)
		r.AgencyIDs = append(r.AgencyIDs, id)
	}
	return rows.Err()
}

// Record returns a record by id, archived or not, or NotFound. The caller decides
// whether the principal may see it.
func (q *Queries) Record(ctx context.Context, id string) (*StoredRecord, error) {
	r, err := scanRecord(q.q.QueryRowContext(ctx, `SELECT `+recordCols+recordFrom+` WHERE r.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("record")
	}
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	return r, q.fillAgencies(ctx, []*StoredRecord{r})
}

// RecordsBySources returns the records an owner imported under any of sourceIDs, by
// source id (one per schema), as RecordBySource finds them one at a time: a bulk
// import looks up a whole batch in a few queries.
func (q *Queries) RecordsBySources(ctx context.Context, ownerID int64, sourceIDs []string) (map[string][]*StoredRecord, error) {
	out := map[string][]*StoredRecord{}
	if q.engine == Postgres {
		// A generic plan cached while the table was small scans it; plan each lookup
		// for the table as it is (this transaction only).
		if _, err := q.q.ExecContext(ctx, `SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
			return nil, fmt.Errorf("records by source: %w", err)
		}
	}
	for chunk := range slices.Chunk(sourceIDs, maxInsertParams-1) {
		// PostgreSQL joins the ids as one array: the prepared statement's generic plan
		// then looks each id up in the source index (with "IN (…)" or "= ANY" it
		// estimated a scan of the owner's records). SQLite takes a parameter list.
		query, args := `SELECT `+recordCols+` FROM unnest($2::text[]) AS s(source_id)
			JOIN records r ON r.owner_id = $1 AND r.source_id = s.source_id AND r.source_id <> ''
			JOIN agencies a ON a.id = r.owner_id`, []any{ownerID, chunk}
		if q.engine != Postgres {
			args = []any{ownerID}
			ph := make([]string, len(chunk))
			for i, id := range chunk {
				args = append(args, id)
				ph[i] = fmt.Sprintf("$%d", len(args))
			}
			query = `SELECT ` + recordCols + recordFrom + ` WHERE r.owner_id = $1 AND r.source_id <> '' AND r.source_id IN (` + strings.Join(ph, ",") + `)`
		}
		rows, err := q.q.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("records by source: %w", err)
		}
		var recs []*StoredRecord
		for rows.Next() {
			r, err := scanRecord(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("records by source: %w", err)
			}
			recs = append(recs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("records by source: %w", err)
		}
		if err := q.fillAgencies(ctx, recs); err != nil {
			return nil, err
		}
		for _, r := range recs {
			out[r.SourceID] = append(out[r.SourceID], r)
		}
	}
	return out, nil
}

// RecordBySource returns the live record an owner imported under a source id.
func (q *Queries) RecordBySource(ctx context.Context, ownerID int64, schema, sourceID string) (*StoredRecord, error) {
	r, err := scanRecord(q.q.QueryRowContext(ctx, `SELECT `+recordCols+recordFrom+` WHERE r.owner_id = $1 AND r.schema = $2 AND r.source_id = $3 AND r.source_id <> ''`,
		ownerID, schema, sourceID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, iforce.NotFound("record")
	}
	if err != nil {
		return nil, fmt.Errorf("record by source: %w", err)
	}
	return r, q.fillAgencies(ctx, []*StoredRecord{r})
}

// agencyIDs resolves distribution agency codes; an unknown code is a field problem.
func (q *Queries) agencyIDs(ctx context.Context, codes []string) ([]int64, error) {
	ids := make([]int64, 0, len(codes))
	for _, c := range codes {
		a, err := q.AgencyByCode(ctx, c)
		if iforce.IsKind(err, iforce.KindNotFound) {
			return nil, &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input",
				Fields: []iforce.FieldProblem{{Field: "distribution.agencies", Problem: "no agency with code " + c}}}
		}
		if err != nil {
			return nil, err
		}
		ids = append(ids, a.ID)
	}
	return ids, nil
}

// CreateRecord inserts a validated record with its search keys and first version.
// A duplicate source id of the same owner and schema is a Conflict.
func (tx *Tx) CreateRecord(ctx context.Context, r *iforce.Record, keys []Key, actor string) (int64, error) {
	props, err := json.Marshal(r.Properties)
	if err != nil {
		return 0, fmt.Errorf("encode properties: %w", err)
	}
	ids, err := tx.agencyIDs(ctx, r.Distribution.Agencies)
	if err != nil {
		return 0, err
	}
	var seq int64
	err = tx.q.QueryRowContext(ctx, `INSERT INTO records (id, schema, owner_id, category, handling, handling_note, eval_source, eval_info,
		tlp, scope, victim, child, crime_areas, legal_basis, review_date, created_at, updated_at, version, archived, source_id, caption, properties)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 0, $19, $20, $21) RETURNING seq`,
		r.ID, r.Schema, r.OwnerID, r.Category, r.Handling, r.HandlingNote, r.Evaluation.Source, r.Evaluation.Information, r.TLP,
		r.Distribution.Scope, b2i(r.Victim()), b2i(r.Child), strings.Join(r.CrimeAreas, ","), r.LegalBasis, r.ReviewDate,
		ms(r.CreatedAt), ms(r.UpdatedAt), r.Version, r.SourceID, clipCaption(r.Caption()), string(props)).Scan(&seq)
	if isUnique(err) {
		return 0, &iforce.Error{Kind: iforce.KindConflict, Message: "record exists", Fields: []iforce.FieldProblem{{Field: "id", Problem: "a record with this source id exists"}}}
	}
	if err != nil {
		return 0, fmt.Errorf("insert record: %w", err)
	}
	if err := tx.writeRecordIndex(ctx, seq, r, ids, keys); err != nil {
		return 0, err
	}
	if err := tx.writeVersion(ctx, seq, r, actor, "create"); err != nil {
		return 0, err
	}
	tx.changes = append(tx.changes, change{"record", r.ID, "create"})
	return seq, nil
}

func clipCaption(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

// UpdateRecord stores a new version of a record whose stored version is
// expectedVersion; another version is a Conflict (someone changed it meanwhile).
func (tx *Tx) UpdateRecord(ctx context.Context, seq int64, r *iforce.Record, keys []Key, expectedVersion int, actor string) error {
	if err := tx.FlushIndexWrites(ctx); err != nil { // queued rows of this record must exist before they are replaced
		return err
	}
	props, err := json.Marshal(r.Properties)
	if err != nil {
		return fmt.Errorf("encode properties: %w", err)
	}
	ids, err := tx.agencyIDs(ctx, r.Distribution.Agencies)
	if err != nil {
		return err
	}
	res, err := tx.q.ExecContext(ctx, `UPDATE records SET category = $1, handling = $2, handling_note = $3, eval_source = $4, eval_info = $5,
		tlp = $6, scope = $7, victim = $8, child = $9, crime_areas = $10, legal_basis = $11, review_date = $12, updated_at = $13, version = $14,
		archived = $15, caption = $16, properties = $17 WHERE seq = $18 AND version = $19`,
		r.Category, r.Handling, r.HandlingNote, r.Evaluation.Source, r.Evaluation.Information, r.TLP, r.Distribution.Scope,
		b2i(r.Victim()), b2i(r.Child), strings.Join(r.CrimeAreas, ","), r.LegalBasis, r.ReviewDate, ms(r.UpdatedAt), r.Version,
		b2i(r.Archived), clipCaption(r.Caption()), string(props), seq, expectedVersion)
	if err != nil {
		return fmt.Errorf("update record: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &iforce.Error{Kind: iforce.KindConflict, Message: "the record was changed by someone else; reload it",
			Fields: []iforce.FieldProblem{{Field: "version", Problem: "is not the current version"}}}
	}
	for _, q := range []string{`DELETE FROM record_agencies WHERE record_seq = $1`, `DELETE FROM record_keys WHERE record_seq = $1`,
		`DELETE FROM record_crime_areas WHERE record_seq = $1`, `DELETE FROM record_links WHERE link_seq = $1`} {
		if _, err := tx.q.ExecContext(ctx, q, seq); err != nil {
			return fmt.Errorf("clear record index: %w", err)
		}
	}
	op := "update"
	if r.Archived {
		op = "archive"
	} else {
		if err := tx.writeRecordIndex(ctx, seq, r, ids, keys); err != nil {
			return err
		}
	}
	if err := tx.writeVersion(ctx, seq, r, actor, op); err != nil {
		return err
	}
	tx.changes = append(tx.changes, change{"record", r.ID, op})
	return nil
}

// writeRecordIndex writes the distribution, keys, crime areas and references of a
// live record. Archived records have none: their identifiers leave every index.
func (tx *Tx) writeRecordIndex(ctx context.Context, seq int64, r *iforce.Record, agencyIDs []int64, keys []Key) error {
	var agencies, areas, refs [][]any
	for _, id := range agencyIDs {
		agencies = append(agencies, []any{seq, id})
	}
	var rows [][]any
	seen := map[Key]bool{}
	for _, k := range keys {
		if seen[k] || k.Key == "" {
			continue
		}
		seen[k] = true
		rows = append(rows, []any{seq, k.Kind, k.Key})
	}
	for _, a := range r.CrimeAreas {
		areas = append(areas, []any{seq, a})
	}
	if s, ok := iforce.SchemaNamed(r.Schema); ok {
		for _, p := range s.Props {
			if p.Type == iforce.PropRef {
				for _, end := range r.Properties[p.Name] {
					refs = append(refs, []any{seq, end})
				}
			}
		}
	}
	for _, ins := range []struct {
		table string
		rows  [][]any
	}{{"record_agencies (record_seq, agency_id)", agencies}, {"record_keys (record_seq, kind, key)", rows},
		{"record_crime_areas (record_seq, area)", areas}, {"record_links (link_seq, end_id)", refs}} {
		if err := tx.queueRows(ctx, ins.table, ins.rows); err != nil {
			return err
		}
	}
	return nil
}

// maxInsertParams bounds the parameters of one multi-row insert: the SQLite driver
// resolves each parameter's name by a linear scan, so cost grows with the square of
// the statement's parameters. PostgreSQL takes larger statements (pgMaxInsertParams),
// which save round trips.
const (
	maxInsertParams   = 200
	pgMaxInsertParams = 2000
)

// insertRows inserts rows with multi-row statements of at most maxInsertParams
// parameters: a few round trips to the server instead of one a row.
func (tx *Tx) insertRows(ctx context.Context, table string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	limit := maxInsertParams
	if tx.engine == Postgres {
		limit = pgMaxInsertParams
	}
	per := max(1, limit/len(rows[0]))
	for chunk := range slices.Chunk(rows, per) {
		if err := tx.insertChunk(ctx, table, chunk); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) insertChunk(ctx context.Context, table string, rows [][]any) error {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " VALUES ")
	args := make([]any, 0, len(rows)*len(rows[0]))
	for i, row := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			args = append(args, v)
			fmt.Fprintf(&b, "$%d", len(args))
		}
		b.WriteByte(')')
	}
	if _, err := tx.q.ExecContext(ctx, b.String(), args...); err != nil {
		return fmt.Errorf("insert into %s: %w", table, err)
	}
	return nil
}

// versionJSON is the stored snapshot of one version.
type versionJSON struct {
	Schema       string              `json:"schema"`
	Properties   map[string][]string `json:"properties"`
	Category     string              `json:"category,omitempty"`
	Handling     string              `json:"handling"`
	HandlingNote string              `json:"handlingNote,omitempty"`
	Evaluation   iforce.Evaluation   `json:"evaluation"`
	TLP          string              `json:"tlp,omitempty"`
	Distribution iforce.Distribution `json:"distribution"`
	CrimeAreas   []string            `json:"crimeAreas"`
	LegalBasis   string              `json:"legalBasis,omitempty"`
	ReviewDate   string              `json:"reviewDate"`
	Archived     bool                `json:"archived,omitempty"`
}

func (tx *Tx) writeVersion(ctx context.Context, seq int64, r *iforce.Record, actor, op string) error {
	b, err := json.Marshal(versionJSON{r.Schema, r.Properties, r.Category, r.Handling, r.HandlingNote, r.Evaluation, r.TLP,
		r.Distribution, r.CrimeAreas, r.LegalBasis, r.ReviewDate, r.Archived})
	if err != nil {
		return fmt.Errorf("encode version: %w", err)
	}
	return tx.queueRows(ctx, "record_versions (record_seq, version, changed_at, changed_by, op, data)",
		[][]any{{seq, r.Version, ms(r.UpdatedAt), actor, op, string(b)}})
}

// Version is one stored version of a record.
type Version struct {
	Version   int
	ChangedAt time.Time
	ChangedBy string
	Op        string
	Record    *iforce.Record
}

// RecordHistory returns every version of a record, newest first.
func (q *Queries) RecordHistory(ctx context.Context, seq int64) ([]Version, error) {
	rows, err := q.q.QueryContext(ctx, `SELECT version, changed_at, changed_by, op, data FROM record_versions WHERE record_seq = $1 ORDER BY version DESC`, seq)
	if err != nil {
		return nil, fmt.Errorf("record history: %w", err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var at int64
		var data string
		if err := rows.Scan(&v.Version, &at, &v.ChangedBy, &v.Op, &data); err != nil {
			return nil, fmt.Errorf("scan version: %w", err)
		}
		var j versionJSON
		if err := json.Unmarshal([]byte(data), &j); err != nil {
			return nil, fmt.Errorf("decode version: %w", err)
		}
		v.ChangedAt = fromMS(at)
		v.Record = &iforce.Record{Schema: j.Schema, Properties: j.Properties, Category: j.Category, Handling: j.Handling,
			HandlingNote: j.HandlingNote, Evaluation: j.Evaluation, TLP: j.TLP, Distribution: j.Distribution, CrimeAreas: j.CrimeAreas,
			LegalBasis: j.LegalBasis, ReviewDate: j.ReviewDate, Archived: j.Archived, Version: v.Version, UpdatedAt: v.ChangedAt}
		out = append(out, v)
	}
	return out, rows.Err()
}

// RecordIDBySource returns the id of an owner's live record imported under a source
// id, of any schema, or NotFound; the importer resolves references with it.
func (q *Queries) RecordIDBySource(ctx context.Context, ownerID int64, sourceID string) (string, error) {
	var id string
	err := q.q.QueryRowContext(ctx, `SELECT id FROM records WHERE owner_id = $1 AND source_id = $2 AND source_id <> '' AND archived = 0 ORDER BY seq LIMIT 1`, ownerID, sourceID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", iforce.NotFound("record")
	}
	if err != nil {
		return "", fmt.Errorf("record by source id: %w", err)
	}
	return id, nil
}
