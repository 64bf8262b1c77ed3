package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/ident"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// CheckRequest is one frontline check: exactly one of the fields is set.
type CheckRequest struct {
	Document     *DocumentQuery
	MRZ          string
	Vehicle      *VehicleQuery
	Firearm      *FirearmQuery
	Phone        string
	IBAN         string
	CryptoWallet string
	Email        string
	Location     string // where the check happens, e.g. a border crossing point
}

// DocumentQuery checks a travel document.
type DocumentQuery struct{ Number, Country string }

// VehicleQuery checks a vehicle by VIN or by plate and country.
type VehicleQuery struct{ VIN, RegistrationNumber, RegistrationCountry string }

// FirearmQuery checks a firearm by serial number, optionally with its make.
type FirearmQuery struct{ SerialNumber, Make string }

// Match kinds of a check hit.
const (
	MatchExact      = "exact"      // the value as typed equals the stored value
	MatchNormalised = "normalised" // equal after normalisation (case, separators, look-alikes, fillers)
	MatchConfusable = "confusable" // equal only when confusable characters are folded: verify by eye
)

// CheckHit is one record a check found. Record is nil for a hit/no-hit answer: the
// checker learns only that Owner holds a matching record.
type CheckHit struct {
	Record       *iforce.Record
	Owner        string
	Match        string
	Action       Action
	HitID        string // set when the record belongs to another agency: the owner is told
	PresenceOnly bool
	// Score and Explanation are set for person hits found by name screening.
	Score       float64
	Explanation any
}

// Action tells the officer what to do.
type Action struct {
	Code     string `json:"code"`     // stable: seize_document, hold_vehicle, arrest_contact_owner, …
	Severity string `json:"severity"` // act (red) or verify (amber)
	Text     string `json:"text"`     // English instruction; the UI translates by code
	// Notes are codes of caveats the text begins with: NoteConfusable, NoteMakeDiffers,
	// NoteNameToVerify. The UI translates them.
	Notes []string `json:"notes,omitempty"`
}

// Caveats of an action.
const (
	NoteConfusable   = "confusable"     // matched only through look-alike characters
	NoteMakeDiffers  = "make_differs"   // the firearm's make differs from the record's
	NoteNameToVerify = "name_to_verify" // a name match to verify against the document
)

// CheckResult answers a check.
type CheckResult struct {
	Kind string
	Hits []CheckHit
	// MRZ holds the parsed MRZ, with check-digit failures by field name.
	MRZ *ident.MRZ
}

// checkQuery is a check turned into index keys.
type checkQuery struct {
	kind    string
	raw     []string // the values as typed, to tell exact from normalised matches
	keys    []string
	country string // issuing country filter for documents
	make    string
}

func (a *App) parseCheck(req CheckRequest, p *iforce.Principal) (checkQuery, *ident.MRZ, error) {
	var q checkQuery
	set := 0
	fail := func(field string, err error) (checkQuery, *ident.MRZ, error) {
		return q, nil, invalidField(field, problemOf(err))
	}
	if d := req.Document; d != nil {
		set++
		k, err := ident.DocumentNumber(d.Number)
		if err != nil {
			return fail("document.number", err)
		}
		q = checkQuery{kind: "document", raw: []string{d.Number}, keys: []string{"document_number:" + k}, country: strings.ToUpper(strings.TrimSpace(d.Country))}
		if q.country != "" && !iforce.IsCountryCode(q.country) {
			return q, nil, invalidField("document.country", "must be an ISO 3166-1 alpha-2 code")
		}
	}
	var mrz *ident.MRZ
	if req.MRZ != "" {
		set++
		m, err := ident.ParseMRZ(req.MRZ, a.now())
		if err != nil {
			return fail("mrz", err)
		}
		mrz = &m
		q = checkQuery{kind: "mrz", raw: []string{m.DocumentNumber}, keys: []string{"document_number:" + m.DocumentNumber}}
	}
	if v := req.Vehicle; v != nil {
		set++
		q = checkQuery{kind: "vehicle"}
		if v.VIN != "" {
			vin, err := ident.ParseVIN(v.VIN)
			if err != nil {
				return fail("vehicle.vin", err)
			}
			q.raw, q.keys = append(q.raw, v.VIN), append(q.keys, "vin:"+vin.Key)
		}
		if v.RegistrationNumber != "" {
			if v.RegistrationCountry == "" {
				return q, nil, invalidField("vehicle.registrationCountry", "is needed with a registration number")
			}
			k, err := ident.Plate(v.RegistrationNumber, v.RegistrationCountry)
			if err != nil {
				return fail("vehicle.registrationNumber", err)
			}
			q.raw, q.keys = append(q.raw, v.RegistrationNumber), append(q.keys, "plate:"+k)
		}
		if len(q.keys) == 0 {
			return q, nil, invalidField("vehicle", "give a vin, or a registrationNumber with its registrationCountry")
		}
	}
	if f := req.Firearm; f != nil {
		set++
		exact, loose, err := ident.Serial(f.SerialNumber)
		if err != nil {
			return fail("firearm.serialNumber", err)
		}
		q = checkQuery{kind: "firearm", raw: []string{f.SerialNumber}, keys: []string{"serial:" + exact, keySerialLoose + ":" + loose}, make: strings.TrimSpace(f.Make)}
	}
	for _, s := range []struct {
		field, value string
		kind         ident.Kind
	}{{"phone", req.Phone, ident.KindPhone}, {"iban", req.IBAN, ident.KindIBAN}, {"cryptoWallet", req.CryptoWallet, ident.KindWallet}, {"email", req.Email, ident.KindEmail}} {
		if s.value == "" {
			continue
		}
		set++
		k, err := ident.Normalise(s.kind, s.value, ident.Options{Country: p.Country})
		if err != nil {
			return fail(s.field, err)
		}
		q = checkQuery{kind: s.field, raw: []string{s.value}, keys: []string{string(s.kind) + ":" + k}}
	}
	if set != 1 {
		return q, nil, invalidField("body", "give exactly one of document, mrz, vehicle, firearm, phone, iban, cryptoWallet, email")
	}
	return q, mrz, nil
}

// Check runs a frontline check against every record of the region. Records the
// principal may see are returned with what to do; records of others whose
// distribution excludes the principal's agency give a hit/no-hit answer naming only
// the owner; victim and child records the principal is not cleared for give nothing.
// Every finding on another agency's record is recorded as a hit for the owner.
func (a *App) Check(ctx context.Context, req CheckRequest) (*CheckResult, error) {
	p := PrincipalFrom(ctx)
	if _, err := a.authorize(ctx, access.RecordCheck, "check", ""); err != nil {
		return nil, err
	}
	q, mrz, err := a.parseCheck(req, p)
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256([]byte(strings.Join(q.keys, "|")))
	qhash := "q:" + hex.EncodeToString(h[:8])
	res := &CheckResult{Kind: q.kind, MRZ: mrz}
	vis := access.VisibilityFor(p)
	err = a.store.InTx(ctx, func(tx *sqlstore.Tx) error {
		matches, err := tx.RecordsByKeys(ctx, q.keys, 50)
		if err != nil {
			return err
		}
		for _, m := range matches {
			r := m.Record
			if q.country != "" && r.Schema == "TravelDocument" && r.First("country") != q.country {
				continue
			}
			hit := CheckHit{Owner: r.Owner, Match: matchKind(m.Key, q, r.Record)}
			obj := object(r)
			switch {
			case vis.Match(obj):
				hit.Record = r.Record
				hit.Action = actionFor(r.Record, hit.Match, q)
			case vis.Presence(obj):
				hit.PresenceOnly = true
				hit.Action = Action{Code: "contact_owner", Severity: "verify",
					Text: fmt.Sprintf("%s holds a matching record. Contact %s through a follow-up request before acting.", r.Owner, r.Owner)}
			default:
				continue
			}
			if r.OwnerID != p.AgencyID {
				id, err := a.recordHit(ctx, tx, p, r, q, qhash, hit, req.Location)
				if err != nil {
					return err
				}
				hit.HitID = id
			}
			d := access.Decision{Allowed: true, Rule: "check hit (" + hit.Match + ")"}
			if hit.PresenceOnly {
				d.Rule = "hit/no-hit: owner named, content withheld"
			}
			if hit.HitID != "" { // one entry for the finding and the hit it created
				d.Rule += "; hit " + hit.HitID + " for " + r.Owner
			}
			tx.Audit(entry(ctx, access.RecordCheck, "record", r.ID, d))
			res.Hits = append(res.Hits, hit)
		}
		if len(res.Hits) == 0 {
			tx.Audit(entry(ctx, access.RecordCheck, "check", qhash, access.Decision{Allowed: true, Rule: "no hit"}))
		}
		return nil
	})
	if err != nil {
		return nil, a.wrap(err)
	}
	if mrz != nil && a.screen != nil {
		people, err := a.screenHolder(ctx, mrz)
		if err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, people...)
	}
	return res, nil
}

// screenHolder screens the MRZ holder's name, birth date and nationality, so that one
// answer holds the document hits and the person hits; Screen records the findings on
// other agencies' records as hits for their owners.
func (a *App) screenHolder(ctx context.Context, m *ident.MRZ) ([]CheckHit, error) {
	q := ScreenQuery{LastName: m.Surname, FirstName: strings.Join(m.GivenNames, " "), Nationality: alpha2(m.Nationality), Limit: 5}
	if t, ok := m.BirthDate.Time(); ok {
		q.BirthDate = t.Format("2006-01-02")
	}
	if q.LastName == "" {
		return nil, nil
	}
	results, err := a.Screen(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []CheckHit
	for _, r := range results {
		hit := CheckHit{Record: r.Record, Owner: r.Record.Owner, Match: fmt.Sprintf("name %.2f", r.Score), Score: r.Score, Explanation: r.Explanation,
			Action: actionFor(r.Record, MatchNormalised, checkQuery{}), HitID: r.HitID}
		if r.Score < 0.9 && hit.Action.Severity == "act" {
			hit.Action.Severity, hit.Action.Notes = "verify", append(hit.Action.Notes, NoteNameToVerify)
			hit.Action.Text = "Name match to verify against the document before acting. " + hit.Action.Text
		}
		out = append(out, hit)
	}
	return out, nil
}

// alpha2 maps the ICAO nationality codes of the region to ISO alpha-2; "" otherwise.
func alpha2(icao string) string {
	return map[string]string{"UKR": "UA", "MDA": "MD", "ROU": "RO", "GEO": "GE", "POL": "PL", "HUN": "HU", "SVK": "SK", "LTU": "LT",
		"LVA": "LV", "EST": "EE", "RUS": "RU", "BLR": "BY", "TUR": "TR", "BGR": "BG", "CZE": "CZ", "D": "DE", "DEU": "DE", "AUT": "AT",
		"ITA": "IT", "FRA": "FR", "GBR": "GB", "USA": "US", "ARM": "AM", "AZE": "AZ", "KAZ": "KZ", "UZB": "UZ", "TJK": "TJ", "KGZ": "KG",
		"SRB": "RS", "ISR": "IL"}[icao]
}

func (a *App) recordHit(ctx context.Context, tx *sqlstore.Tx, p *iforce.Principal, r *sqlstore.StoredRecord, q checkQuery, qhash string, hit CheckHit, location string) (string, error) {
	id, err := uuid.NewRandomFromReader(a.rand)
	if err != nil {
		return "", iforce.Internal("hit id", err)
	}
	now := a.now().UTC().Truncate(time.Millisecond)
	h := &sqlstore.Hit{ID: id.String(), RecordID: r.ID, OwnerID: r.OwnerID, CheckerID: p.AgencyID, CheckerUser: p.UserID, At: now,
		Deadline: now.Add(a.cfg.HitDeadline), QueryKind: q.kind, QueryHash: qhash, Match: hit.Match, PresenceOnly: hit.PresenceOnly,
		Purpose: clip(RequestFrom(ctx).Purpose), Location: clip(location), Status: sqlstore.HitPending}
	if err := tx.CreateHit(ctx, h); err != nil {
		return "", err
	}
	return h.ID, nil
}

// matchKind tells exact, normalised and confusable matches apart.
func matchKind(key string, q checkQuery, r *iforce.Record) string {
	if strings.HasPrefix(key, keySerialLoose+":") {
		return MatchConfusable
	}
	for _, vs := range r.Properties {
		for _, v := range vs {
			for _, raw := range q.raw {
				if strings.TrimSpace(raw) == v {
					return MatchExact
				}
			}
		}
	}
	return MatchNormalised
}

// actionFor derives the instruction to the officer from the record's type, status and
// category.
func actionFor(r *iforce.Record, match string, q checkQuery) Action {
	owner := r.Owner
	act := func(code, severity, text string) Action {
		a := Action{Code: code, Severity: severity, Text: text}
		if match == MatchConfusable {
			a.Severity, a.Notes = "verify", append(a.Notes, NoteConfusable)
			a.Text = "Possible match through look-alike characters: compare the number by eye first. " + a.Text
		}
		if q.make != "" && r.First("make") != "" && !strings.EqualFold(q.make, r.First("make")) {
			a.Severity, a.Notes = "verify", append(a.Notes, NoteMakeDiffers)
			a.Text = fmt.Sprintf("The make differs (%s on record). ", r.First("make")) + a.Text
		}
		return a
	}
	status := r.First("status")
	switch r.Schema {
	case "TravelDocument":
		return act("seize_document", "act", fmt.Sprintf("Seize the document: reported %s by %s. Establish the holder's identity and contact %s.", status, owner, owner))
	case "Vehicle":
		if status == "recovered" {
			return act("verify_recovered", "verify", fmt.Sprintf("Reported recovered by %s: check the papers; no action unless other hits.", owner))
		}
		return act("hold_vehicle", "act", fmt.Sprintf("Hold the vehicle and its occupants: reported %s by %s. Contact %s.", status, owner, owner))
	case "Firearm":
		return act("seize_firearm", "act", fmt.Sprintf("Seize the firearm: reported %s by %s. Contact %s.", status, owner, owner))
	case "Person":
		switch r.Category {
		case "wanted":
			return act("arrest_contact_owner", "act", fmt.Sprintf("Wanted by %s: do not let the person leave; contact %s at once for provisional arrest.", owner, owner))
		case "missing":
			return act("protect_missing", "act", fmt.Sprintf("Reported missing by %s: keep the person safe, do not release to companions; contact %s.", owner, owner))
		case "victim":
			return act("protect_victim", "act", fmt.Sprintf("Possible victim known to %s: separate from companions, refer to victim support, contact %s.", owner, owner))
		case "suspect", "convicted":
			return act("discreet_check", "verify", fmt.Sprintf("Known to %s: do not alert the person; record the encounter and inform %s.", owner, owner))
		}
		return act("record_encounter", "verify", fmt.Sprintf("Known to %s: record the encounter and inform %s.", owner, owner))
	}
	return act("report_to_owner", "verify", fmt.Sprintf("Held by %s: record the finding and inform %s; do not alert the holder.", owner, owner))
}
