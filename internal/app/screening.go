package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// ScreenQuery is a name screening request: a full name (Name) or its parts,
// and optional qualifiers. Threshold 0 means screening.DefaultThreshold,
// Limit 0 means screening.DefaultLimit.
type ScreenQuery struct {
	Name        string  `json:"name"`
	FirstName   string  `json:"firstName"`
	MiddleName  string  `json:"middleName"`
	Patronymic  string  `json:"patronymic"`
	LastName    string  `json:"lastName"`
	BirthDate   string  `json:"birthDate"`
	Nationality string  `json:"nationality"`
	Gender      string  `json:"gender"`
	Threshold   float64 `json:"threshold"`
	Limit       int     `json:"limit"`
	// Purpose is why the screen is made (a case number, a check): it goes to
	// the audit log in place of the request's, and is not part of the query.
	Purpose string `json:"purpose,omitempty"`
}

// maxPurpose is the most characters of a screen's purpose.
const maxPurpose = 200

// ScreenResult is one screening hit: the record, its score in [0, 1] and
// why it matched.
type ScreenResult struct {
	Record      *iforce.Record
	Score       float64
	Explanation screening.Explanation
	// HitID is the hit recorded for the record's owner when it is another agency.
	HitID string
}

// validate checks the query and returns it in the index's terms.
func (q ScreenQuery) validate() (screening.Query, error) {
	var probs iforce.Problems
	hasName := false
	for _, f := range []struct{ field, v string }{{"name", q.Name}, {"firstName", q.FirstName}, {"middleName", q.MiddleName},
		{"patronymic", q.Patronymic}, {"lastName", q.LastName}} {
		if utf8.RuneCountInString(f.v) > 200 {
			probs.Add(f.field, "must be at most 200 characters")
		}
		if strings.TrimSpace(f.v) != "" {
			hasName = true
		}
	}
	if !hasName {
		probs.Add("name", "give a name, or firstName and lastName")
	}
	if q.BirthDate != "" && !iforce.ValidDate(q.BirthDate) {
		probs.Add("birthDate", "must be YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if q.Nationality != "" && !iforce.IsCountryCode(strings.ToUpper(q.Nationality)) {
		probs.Add("nationality", "must be an ISO 3166-1 alpha-2 country code")
	}
	switch q.Gender {
	case "", "male", "female", "other":
	default:
		probs.Add("gender", "must be male, female or other")
	}
	if q.Threshold < 0 || q.Threshold > 1 {
		probs.Add("threshold", "must be from 0 to 1")
	}
	if q.Limit < 0 || q.Limit > screening.MaxLimit {
		probs.Addf("limit", "must be from 1 to %d", screening.MaxLimit)
	}
	if utf8.RuneCountInString(q.Purpose) > maxPurpose {
		probs.Addf("purpose", "must be at most %d characters", maxPurpose)
	}
	if err := probs.Err(); err != nil {
		return screening.Query{}, err
	}
	return screening.Query{Name: q.Name, FirstName: q.FirstName, MiddleName: q.MiddleName, Patronymic: q.Patronymic,
		LastName: q.LastName, BirthDate: q.BirthDate, Nationality: strings.ToUpper(q.Nationality), Gender: q.Gender,
		Threshold: q.Threshold, Limit: q.Limit}, nil
}

// Screen finds the person records whose names match the query whatever
// script or transliteration each side used, best first, with the reason of
// each match. Only records the principal may read are returned: the index
// filters its candidates with the principal's access.Visibility, and each
// result is checked again against the stored record. Every screen is
// audited with the request's purpose; the query appears in the audit log
// only as a hash.
func (a *App) Screen(ctx context.Context, q ScreenQuery) ([]ScreenResult, error) {
	p := PrincipalFrom(ctx)
	sq, err := q.validate()
	if err != nil {
		return nil, err
	}
	if a.screen == nil {
		return nil, iforce.Internal("screening", errors.New("no screening index configured"))
	}
	if purpose := strings.TrimSpace(q.Purpose); purpose != "" {
		req := RequestFrom(ctx)
		req.Purpose = purpose
		ctx = WithRequest(ctx, req)
	}
	q.Purpose = ""
	canon, _ := json.Marshal(q)
	h := sha256.Sum256(canon)
	oid := "q:" + hex.EncodeToString(h[:8])
	if d := access.Decide(p, access.RecordScreen, nil); !d.Allowed {
		_, err := a.authorize(ctx, access.RecordScreen, "record", oid)
		return nil, err
	}
	if err := a.catchUpScreening(ctx); err != nil {
		return nil, a.wrap(err)
	}
	v := access.VisibilityFor(p)
	hits, err := a.screen.idx.Search(sq, v)
	if err != nil {
		return nil, iforce.Internal("screening", err)
	}
	var out []ScreenResult
	err = a.write(ctx, access.RecordScreen, "record", oid, func(tx *sqlstore.Tx) (string, error) {
		for _, hit := range hits {
			r, err := tx.Record(ctx, hit.ID)
			if iforce.IsKind(err, iforce.KindNotFound) {
				continue // removed since the index last caught up
			}
			if err != nil {
				return "", err
			}
			if r.Archived || !v.Match(object(r)) {
				continue // hidden since the index last caught up
			}
			res := ScreenResult{Record: r.Record, Score: hit.Score, Explanation: hit.Explanation}
			if r.OwnerID != p.AgencyID {
				// Another agency's record: its owner is told, as for a check.
				ch := CheckHit{Match: fmt.Sprintf("name %.2f", hit.Score)}
				if res.HitID, err = a.recordHit(ctx, tx, p, r, checkQuery{kind: "name"}, oid, ch, ""); err != nil {
					return "", err
				}
				tx.Audit(entry(ctx, "hit.create", "hit", res.HitID, access.Decision{Allowed: true, Rule: "screen found a record of " + r.Owner}))
			}
			out = append(out, res)
		}
		return "", nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
