package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// RecordVersion is one stored version of a record, with who changed it as
// far as the reader may know: a reader of the changing user's agency learns
// the user's name; a partner agency learns the agency, never the officer
// (ChangedBy then names the agency, "agency:UA-NCB", not the user id).
type RecordVersion struct {
	sqlstore.Version
	ChangedByAgency string // agency code of the changing user; empty for the system and services
	ChangedByName   string // the changing user's name, for readers of the same agency only
}

// object is what the access policy knows of a stored record.
func object(r *sqlstore.StoredRecord) *access.Object {
	return &access.Object{Owner: r.OwnerID, Scope: access.Scope(r.Distribution.Scope), Agencies: r.AgencyIDs,
		Victim: r.Victim(), Child: r.Child, Handling: r.Handling}
}

func actorID(ctx context.Context) string { return actorOf(PrincipalFrom(ctx)) }

// CreateRecord validates and stores a new record owned by the principal's agency.
// Only an agency of the issuing country may add a travel document.
func (a *App) CreateRecord(ctx context.Context, r *iforce.Record) error {
	p := PrincipalFrom(ctx)
	return a.write(ctx, access.RecordCreate, "record", "", func(tx *sqlstore.Tx) (string, error) {
		if err := a.prepareRecord(p, r, true); err != nil {
			return "", err
		}
		keys, err := a.checkRecord(r, p.Country)
		if err != nil {
			return "", err
		}
		if _, err := tx.CreateRecord(ctx, r, keys, actorID(ctx)); err != nil {
			return "", err
		}
		return r.ID, nil
	})
}

// prepareRecord sets the system-owned fields of a new or changed record; a new record
// belongs to the principal's agency.
func (a *App) prepareRecord(p *iforce.Principal, r *iforce.Record, isNew bool) error {
	now := a.now().UTC().Truncate(time.Millisecond)
	if isNew {
		id, err := uuid.NewRandomFromReader(a.rand)
		if err != nil {
			return iforce.Internal("record id", err)
		}
		r.ID, r.OwnerID, r.Owner, r.Version, r.CreatedAt, r.Archived = id.String(), p.AgencyID, p.Agency, 1, now, false
	}
	r.UpdatedAt = now
	return nil
}

// checkRecord normalises and validates a record of an agency of ownerCountry and
// derives its search keys.
func (a *App) checkRecord(r *iforce.Record, ownerCountry string) ([]sqlstore.Key, error) {
	r.Normalise()
	var probs iforce.Problems
	if err := r.Validate(a.now()); err != nil {
		probs = append(probs, err.(*iforce.Error).Fields...)
	}
	if r.Schema == "TravelDocument" {
		if c := r.First("country"); c != "" && c != ownerCountry {
			probs.Add("country", "only an agency of the issuing country ("+c+") may add or change this document")
		}
	}
	if len(probs) > 0 {
		return nil, probs.Err()
	}
	keys, kp := recordKeys(r, ownerCountry, a.now())
	if err := kp.Err(); err != nil {
		return nil, err
	}
	return keys, nil
}

// readRecord loads a record the principal may perform action on. A record that does
// not exist, is archived (for anyone but its owner), or that the policy hides, is the
// same NotFound, and the refusal is audited.
func (a *App) readRecord(ctx context.Context, q *sqlstore.Queries, id string, action access.Action) (*sqlstore.StoredRecord, access.Decision, error) {
	if !iforce.ValidRecordID(id) {
		return nil, access.Decision{}, iforce.NotFound("record")
	}
	r, err := q.Record(ctx, id)
	if err != nil {
		return nil, access.Decision{}, err
	}
	d := access.Decide(PrincipalFrom(ctx), action, object(r))
	if d.Allowed && r.Archived && r.OwnerID != PrincipalFrom(ctx).AgencyID {
		d = access.Decision{Rule: "archived"}
	}
	return r, d, nil
}

// Record returns a record the principal may read.
func (a *App) Record(ctx context.Context, id string) (*iforce.Record, error) {
	var out *iforce.Record
	err := a.recordAction(ctx, id, access.RecordRead, func(tx *sqlstore.Tx, r *sqlstore.StoredRecord) error {
		out = r.Record
		return nil
	})
	return out, err
}

// recordAction runs fn on a record inside a transaction, after the policy allowed
// action on it; a refusal is audited and answered NotFound.
func (a *App) recordAction(ctx context.Context, id string, action access.Action, fn func(*sqlstore.Tx, *sqlstore.StoredRecord) error) error {
	if p := PrincipalFrom(ctx); p == nil {
		return iforce.Errorf(iforce.KindUnauthenticated, "sign in first")
	}
	var denied *access.Decision
	err := a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		r, d, err := a.readRecord(ctx, &tx.Queries, id, action)
		if iforce.IsKind(err, iforce.KindNotFound) {
			d = access.Decision{Rule: "no such record"}
			denied = &d
			tx.Audit(entry(ctx, action, "record", id, d))
			return nil
		}
		if err != nil {
			return err
		}
		if !d.Allowed {
			denied = &d
			tx.Audit(entry(ctx, action, "record", id, d))
			return nil
		}
		if err := fn(tx, r); err != nil {
			return err
		}
		tx.Audit(entry(ctx, action, "record", id, d))
		return nil
	})
	if err != nil {
		return a.wrap(err)
	}
	if denied != nil {
		return iforce.NotFound("record")
	}
	return nil
}

// RecordPatch changes a record: a property given replaces all its values (an empty
// list removes it); nil metadata fields stay as they are.
type RecordPatch struct {
	Properties   map[string][]string
	Category     *string
	Handling     *string
	HandlingNote *string
	Evaluation   *iforce.Evaluation
	TLP          *string
	Distribution *iforce.Distribution
	CrimeAreas   *[]string
	LegalBasis   *string
	ReviewDate   *string
}

// UpdateRecord applies a patch to the record at version; only the owner agency
// edits, and a stale version is a Conflict.
func (a *App) UpdateRecord(ctx context.Context, id string, version int, patch RecordPatch) (*iforce.Record, error) {
	var out *iforce.Record
	err := a.recordAction(ctx, id, access.RecordUpdate, func(tx *sqlstore.Tx, r *sqlstore.StoredRecord) error {
		if version != r.Version {
			return &iforce.Error{Kind: iforce.KindConflict, Message: "the record was changed by someone else; reload it",
				Fields: []iforce.FieldProblem{{Field: "version", Problem: "is not the current version"}}}
		}
		rec := *r.Record
		rec.Properties = make(map[string][]string, len(r.Properties))
		for k, v := range r.Properties {
			rec.Properties[k] = v
		}
		for k, v := range patch.Properties {
			rec.Properties[k] = v
		}
		set(&rec.Category, patch.Category)
		set(&rec.Handling, patch.Handling)
		set(&rec.HandlingNote, patch.HandlingNote)
		set(&rec.Evaluation, patch.Evaluation)
		set(&rec.TLP, patch.TLP)
		set(&rec.Distribution, patch.Distribution)
		set(&rec.CrimeAreas, patch.CrimeAreas)
		set(&rec.LegalBasis, patch.LegalBasis)
		set(&rec.ReviewDate, patch.ReviewDate)
		if patch.ReviewDate == nil && rec.ReviewDate < a.now().UTC().Format("2006-01-02") {
			rec.ReviewDate = "" // past due and not confirmed: the default period starts again
		}
		if err := a.prepareRecord(PrincipalFrom(ctx), &rec, false); err != nil {
			return err
		}
		keys, err := a.checkRecord(&rec, PrincipalFrom(ctx).Country)
		if err != nil {
			return err
		}
		rec.Version = r.Version + 1
		if err := tx.UpdateRecord(ctx, r.Seq, &rec, keys, r.Version, actorID(ctx)); err != nil {
			return err
		}
		out = &rec
		return nil
	})
	return out, err
}

// DeleteRecord archives a record (owner only): it disappears from lists, searches and
// every index; its history stays readable by the owner.
func (a *App) DeleteRecord(ctx context.Context, id string) error {
	return a.recordAction(ctx, id, access.RecordDelete, func(tx *sqlstore.Tx, r *sqlstore.StoredRecord) error {
		if r.Archived {
			return iforce.NotFound("record")
		}
		rec := *r.Record
		rec.Archived, rec.Version = true, r.Version+1
		rec.UpdatedAt = a.now().UTC().Truncate(time.Millisecond)
		return tx.UpdateRecord(ctx, r.Seq, &rec, nil, r.Version, actorID(ctx))
	})
}

// RecordHistory returns every version of a record the principal may read.
func (a *App) RecordHistory(ctx context.Context, id string) ([]RecordVersion, error) {
	var out []RecordVersion
	reader := PrincipalFrom(ctx)
	err := a.recordAction(ctx, id, access.RecordRead, func(tx *sqlstore.Tx, r *sqlstore.StoredRecord) error {
		vs, err := tx.RecordHistory(ctx, r.Seq)
		if err != nil {
			return err
		}
		users := map[int64]*iforce.User{}
		for _, v := range vs {
			rv := RecordVersion{Version: v}
			if uid, ok := changingUser(v.ChangedBy); ok {
				u, seen := users[uid]
				if !seen {
					if u, err = tx.User(ctx, uid); err != nil && !iforce.IsKind(err, iforce.KindNotFound) {
						return fmt.Errorf("record history: changing user: %w", err)
					}
					users[uid] = u
				}
				switch {
				case u == nil:
					rv.ChangedBy = "user" // no longer known: its id tells nothing
				case u.Agency == reader.Agency:
					rv.ChangedByAgency, rv.ChangedByName = u.Agency, u.Name
				default:
					rv.ChangedByAgency, rv.ChangedBy = u.Agency, "agency:"+u.Agency
				}
			}
			out = append(out, rv)
		}
		return nil
	})
	return out, err
}

// changingUser returns the user id of a version's actor ("user:12", or
// "user:12/token:…" for an API token).
func changingUser(actor string) (int64, bool) {
	rest, ok := strings.CutPrefix(actor, "user:")
	if !ok {
		return 0, false
	}
	rest, _, _ = strings.Cut(rest, "/")
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}

// RecordQuery selects records for a list or search.
type RecordQuery struct {
	Schema, Category, CrimeArea, Owner string
	Q                                  string
	Cursor                             int64
	Limit                              int
	Archived                           bool // the owner's archived records
}

// Records lists or searches the records the principal may see, newest first, and
// returns the cursor of the next page (0 at the end). The search terms are audited as
// a hash, never in clear.
func (a *App) Records(ctx context.Context, rq RecordQuery) ([]*iforce.Record, int64, error) {
	p := PrincipalFrom(ctx)
	oid := ""
	if rq.Q != "" {
		h := sha256.Sum256([]byte(rq.Q))
		oid = "q:" + hex.EncodeToString(h[:8])
	}
	var probs iforce.Problems
	if rq.Schema != "" {
		if _, ok := iforce.SchemaNamed(rq.Schema); !ok {
			probs.Add("schema", "unknown schema")
		}
	}
	if rq.Limit < 0 || rq.Limit > sqlstore.MaxRecordPage {
		probs.Addf("limit", "must be from 1 to %d", sqlstore.MaxRecordPage)
	}
	if len(rq.Q) > 500 {
		probs.Add("q", "must be at most 500 characters")
	}
	if err := probs.Err(); err != nil {
		return nil, 0, err
	}
	f := sqlstore.RecordFilter{Visibility: access.VisibilityFor(p), Schema: rq.Schema, Category: rq.Category, CrimeArea: rq.CrimeArea,
		Before: rq.Cursor, Limit: rq.Limit, Archived: rq.Archived}
	if f.Limit == 0 {
		f.Limit = 50
	}
	if rq.Archived && p != nil {
		f.Owner = p.AgencyID
	}
	if rq.Q != "" {
		f.Keys, f.AltKeys = queryKeys(rq.Q, countryOf(p), a.now())
		if len(f.Keys) == 0 && len(f.AltKeys) == 0 {
			return nil, 0, nil
		}
	}
	action := access.RecordList
	var out []*iforce.Record
	var next int64
	err := a.write(ctx, action, "record", oid, func(tx *sqlstore.Tx) (string, error) {
		if rq.Owner != "" {
			ag, err := tx.AgencyByCode(ctx, rq.Owner)
			if err != nil {
				return "", &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: "owner", Problem: "no agency with this code"}}}
			}
			f.Owner = ag.ID
		}
		rs, err := tx.Records(ctx, f)
		if err != nil {
			return "", err
		}
		for _, r := range rs {
			out = append(out, r.Record)
		}
		if len(rs) == f.Limit {
			next = rs[len(rs)-1].Seq
		}
		return "", nil
	})
	return out, next, err
}

func countryOf(p *iforce.Principal) string {
	if p == nil {
		return ""
	}
	return p.Country
}

// RecordLinks returns the visible records that reference a visible record: its links
// and the documents it holds. A link whose other end the principal may not see is left
// out, so that links reveal nothing invisible.
func (a *App) RecordLinks(ctx context.Context, id string) ([]*iforce.Record, error) {
	var out []*iforce.Record
	err := a.recordAction(ctx, id, access.RecordRead, func(tx *sqlstore.Tx, r *sqlstore.StoredRecord) error {
		v := access.VisibilityFor(PrincipalFrom(ctx))
		refs, err := tx.ReferencesTo(ctx, v, id, 500)
		if err != nil {
			return err
		}
		for _, l := range refs {
			visible := true
			for _, end := range append(append([]string{}, l.Properties["source"]...), l.Properties["target"]...) {
				if end == id {
					continue
				}
				other, err := tx.Record(ctx, end)
				if err != nil || other.Archived || !v.Match(object(other)) {
					visible = false
				}
			}
			if visible {
				out = append(out, l.Record)
			}
		}
		return nil
	})
	return out, err
}

// ReviewList returns the principal's agency's records whose review date has come.
func (a *App) ReviewList(ctx context.Context) ([]*iforce.Record, error) {
	p := PrincipalFrom(ctx)
	var out []*iforce.Record
	err := a.write(ctx, access.RecordReview, "record", "review-list", func(tx *sqlstore.Tx) (string, error) {
		rs, err := tx.ReviewDue(ctx, p.AgencyID, a.now().UTC().Format("2006-01-02"), 500)
		for _, r := range rs {
			out = append(out, r.Record)
		}
		return "", err
	})
	return out, err
}
