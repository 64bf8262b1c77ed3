package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// CheckInput is a frontline check: exactly one of document, mrz, vehicle, firearm,
// phone, iban, cryptoWallet, email.
type CheckInput struct {
	Document *struct {
		Number  string `json:"number"`
		Country string `json:"country"`
	} `json:"document"`
	MRZ     string `json:"mrz"`
	Vehicle *struct {
		VIN                 string `json:"vin"`
		RegistrationNumber  string `json:"registrationNumber"`
		RegistrationCountry string `json:"registrationCountry"`
	} `json:"vehicle"`
	Firearm *struct {
		SerialNumber string `json:"serialNumber"`
		Make         string `json:"make"`
	} `json:"firearm"`
	Phone        string `json:"phone"`
	IBAN         string `json:"iban"`
	CryptoWallet string `json:"cryptoWallet"`
	Email        string `json:"email"`
	Location     string `json:"location"`
}

// CheckHitJSON is one finding.
type CheckHitJSON struct {
	Record      *RecordJSON `json:"record,omitempty"`
	Owner       string      `json:"owner"`
	Match       string      `json:"match"`
	Action      string      `json:"action"`
	ActionCode  string      `json:"actionCode"`
	Severity    string      `json:"severity"`
	Notes       []string    `json:"notes,omitempty"`
	HitNoHit    bool        `json:"hitNoHit"`
	HitID       string      `json:"hitId,omitempty"`
	Score       float64     `json:"score,omitempty"`
	Explanation any         `json:"explanation,omitempty"`
}

// MRZJSON is a parsed machine-readable zone.
type MRZJSON struct {
	Format             string   `json:"format"`
	DocumentCode       string   `json:"documentCode"`
	IssuingState       string   `json:"issuingState"`
	DocumentNumber     string   `json:"documentNumber"`
	Surname            string   `json:"surname"`
	GivenNames         []string `json:"givenNames"`
	NameTruncated      bool     `json:"nameTruncated"`
	Nationality        string   `json:"nationality"`
	BirthDate          string   `json:"birthDate"`
	Sex                string   `json:"sex"`
	ExpiryDate         string   `json:"expiryDate"`
	CheckDigitFailures []string `json:"checkDigitFailures"`
	Corrected          []string `json:"corrected"`
}

// CheckJSON is the answer to a check.
type CheckJSON struct {
	Kind string         `json:"kind"`
	Hits []CheckHitJSON `json:"hits"`
	MRZ  *MRZJSON       `json:"mrz,omitempty"`
}

func (h *Handler) check(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (CheckJSON, error) {
		var in CheckInput
		if err := decodeBody(w, r, &in); err != nil {
			return CheckJSON{}, err
		}
		req := app.CheckRequest{MRZ: in.MRZ, Phone: in.Phone, IBAN: in.IBAN, CryptoWallet: in.CryptoWallet, Email: in.Email, Location: in.Location}
		if d := in.Document; d != nil {
			req.Document = &app.DocumentQuery{Number: d.Number, Country: d.Country}
		}
		if v := in.Vehicle; v != nil {
			req.Vehicle = &app.VehicleQuery{VIN: v.VIN, RegistrationNumber: v.RegistrationNumber, RegistrationCountry: v.RegistrationCountry}
		}
		if f := in.Firearm; f != nil {
			req.Firearm = &app.FirearmQuery{SerialNumber: f.SerialNumber, Make: f.Make}
		}
		res, err := h.app.Check(ctx, req)
		if err != nil {
			return CheckJSON{}, err
		}
		return checkJSON(res), nil
	})
}

func checkJSON(res *app.CheckResult) CheckJSON {
	out := CheckJSON{Kind: res.Kind, Hits: []CheckHitJSON{}}
	for _, hit := range res.Hits {
		j := CheckHitJSON{Owner: hit.Owner, Match: hit.Match, Action: hit.Action.Text, ActionCode: hit.Action.Code, Severity: hit.Action.Severity, Notes: hit.Action.Notes,
			HitNoHit: hit.PresenceOnly, HitID: hit.HitID, Score: hit.Score, Explanation: hit.Explanation}
		if hit.Record != nil {
			rec := recordJSON(hit.Record)
			j.Record = &rec
		}
		out.Hits = append(out.Hits, j)
	}
	if m := res.MRZ; m != nil {
		out.MRZ = &MRZJSON{Format: string(m.Format), DocumentCode: m.DocumentCode, IssuingState: m.IssuingState, DocumentNumber: m.DocumentNumber,
			Surname: m.Surname, GivenNames: orEmpty(m.GivenNames), NameTruncated: m.NameTruncated, Nationality: m.Nationality,
			BirthDate: mrzDate(m.BirthDate.Year, m.BirthDate.Month, m.BirthDate.Day), Sex: m.Sex,
			ExpiryDate:         mrzDate(m.ExpiryDate.Year, m.ExpiryDate.Month, m.ExpiryDate.Day),
			CheckDigitFailures: orEmpty(m.CheckDigitFailures), Corrected: orEmpty(m.Corrected)}
	}
	return out
}

func mrzDate(y, m, d int) string {
	if y == 0 {
		return ""
	}
	if m == 0 || d == 0 {
		return strconv.Itoa(y)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// HitJSON is a hit in the owner's queue or the checker's list.
type HitJSON struct {
	ID        string     `json:"id"`
	RecordID  string     `json:"recordId,omitempty"`
	Owner     string     `json:"owner"`
	Checker   string     `json:"checker"`
	At        time.Time  `json:"at"`
	Deadline  time.Time  `json:"deadline"`
	Overdue   bool       `json:"overdue"`
	QueryKind string     `json:"queryKind"`
	Match     string     `json:"match"`
	HitNoHit  bool       `json:"hitNoHit"`
	Purpose   string     `json:"purpose,omitempty"`
	Location  string     `json:"location,omitempty"`
	Status    string     `json:"status"`
	FollowUp  bool       `json:"followUp"`
	DecidedAt *time.Time `json:"decidedAt,omitempty"`
	Note      string     `json:"note,omitempty"`
}

// HitList is a page of hits with the queue's counters.
type HitList struct {
	Items   []HitJSON `json:"items"`
	Next    string    `json:"next,omitempty"`
	Pending int       `json:"pending"`
	Overdue int       `json:"overdue"`
}

func hitJSON(hit *app.Hit, now time.Time) HitJSON {
	return HitJSON{ID: hit.ID, RecordID: hit.RecordID, Owner: hit.Owner, Checker: hit.Checker, At: hit.At, Deadline: hit.Deadline,
		Overdue: hit.Status == "pending" && now.After(hit.Deadline), QueryKind: hit.QueryKind, Match: hit.Match, HitNoHit: hit.PresenceOnly,
		Purpose: hit.Purpose, Location: hit.Location, Status: hit.Status, FollowUp: hit.FollowUp, DecidedAt: optTime(hit.DecidedAt), Note: hit.Note}
}

func (h *Handler) listHits(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (HitList, error) {
		q := r.URL.Query()
		hq := app.HitQuery{Side: q.Get("side"), Status: q.Get("status"), Overdue: q.Get("overdue") == "true"}
		var probs iforce.Problems
		if v := q.Get("cursor"); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 1 {
				probs.Add("cursor", "is not a cursor this API returned")
			}
			hq.Cursor = n
		}
		if v := q.Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 200 {
				probs.Add("limit", "must be a whole number from 1 to 200")
			}
			hq.Limit = n
		}
		if err := probs.Err(); err != nil {
			return HitList{}, err
		}
		page, err := h.app.Hits(ctx, hq)
		if err != nil {
			return HitList{}, err
		}
		now := time.Now()
		out := HitList{Items: []HitJSON{}, Pending: page.Pending, Overdue: page.Overdue}
		for _, hit := range page.Hits {
			out.Items = append(out.Items, hitJSON(hit, now))
		}
		if page.Next > 0 {
			out.Next = strconv.FormatInt(page.Next, 10)
		}
		return out, nil
	})
}

// DecisionInput confirms or rejects a hit.
type DecisionInput struct {
	Note string `json:"note"`
}

func (h *Handler) decideHit(confirm bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		call(h, w, r, http.StatusOK, func(ctx context.Context) (HitJSON, error) {
			var in DecisionInput
			if r.ContentLength != 0 {
				if err := decodeBody(w, r, &in); err != nil {
					return HitJSON{}, err
				}
			}
			hit, err := h.app.DecideHit(ctx, r.PathValue("id"), confirm, in.Note)
			if err != nil {
				return HitJSON{}, err
			}
			return hitJSON(hit, time.Now()), nil
		})
	}
}

func (h *Handler) followUp(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, http.StatusOK, func(ctx context.Context) (HitJSON, error) {
		hit, err := h.app.RequestFollowUp(ctx, r.PathValue("id"))
		if err != nil {
			return HitJSON{}, err
		}
		return hitJSON(hit, time.Now()), nil
	})
}
