package iforce

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Data-subject categories of persons.
var Categories = []string{"suspect", "wanted", "missing", "victim", "witness", "convicted", "contact", "other"}

// CrimeAreas is the programme's fixed taxonomy.
var CrimeAreas = []string{"organised_crime", "human_trafficking", "migrant_smuggling", "child_sexual_exploitation",
	"drug_trafficking", "firearms_trafficking", "vehicle_trafficking", "terrorism", "financial_crime", "cybercrime"}

// HandlingCodes: H0 law-enforcement use only; H1 not evidence without the owner's
// permission; H2 no further dissemination without permission; H3 other restrictions,
// written out in HandlingNote.
var HandlingCodes = []string{"H0", "H1", "H2", "H3"}

// TLPs are the Traffic Light Protocol 2.0 labels.
var TLPs = []string{"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}

// Evaluation is the 4x4 grading: source reliability A, B, C or X; information 1 to 4.
type Evaluation struct {
	Source      string `json:"source"`
	Information string `json:"information"`
}

// Distribution says who beyond the owner may see a record.
type Distribution struct {
	Scope    string   `json:"scope"`    // owner, agencies or all
	Agencies []string `json:"agencies"` // agency codes, for scope agencies
}

// Record is an entity of a register: a person, a travel document, a vehicle, a
// firearm, an organisation, a link… Properties are multi-valued and keyed by their API
// names; everything else is protection metadata that the access policy reads.
type Record struct {
	ID           string
	Schema       string
	Properties   map[string][]string
	OwnerID      int64
	Owner        string // owner agency code
	Category     string // persons only
	Handling     string
	HandlingNote string
	Evaluation   Evaluation
	TLP          string
	Distribution Distribution
	CrimeAreas   []string
	LegalBasis   string
	ReviewDate   string // YYYY-MM-DD
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Version      int
	Archived     bool
	SourceID     string // the importer's stable id, for idempotent re-imports
	// Child is derived: a victim under 18 at the time of the last write.
	Child bool
}

// First returns the first value of a property, or "".
func (r *Record) First(prop string) string {
	if vs := r.Properties[prop]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Caption names the record in lists: the first value of the schema's caption
// properties, or a composed name for persons.
func (r *Record) Caption() string {
	if r.Schema == "Person" && r.First("name") == "" {
		parts := []string{r.First("firstName"), r.First("patronymic"), r.First("lastName")}
		if s := strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " "); s != "" {
			return s
		}
	}
	if s, ok := SchemaNamed(r.Schema); ok {
		for _, p := range s.Caption {
			if v := r.First(p); v != "" {
				return v
			}
		}
	}
	return r.Schema
}

// Victim reports whether the record concerns a victim.
func (r *Record) Victim() bool { return r.Category == "victim" }

// reviewYears are the default review periods by category (non-persons: 5 years).
var reviewYears = map[string]int{"suspect": 3, "wanted": 5, "missing": 5, "victim": 3, "witness": 3, "convicted": 5, "contact": 2, "other": 3}

// MaxReviewYears bounds how far ahead a review date may be.
const MaxReviewYears = 5

var (
	dateRE = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
	refRE  = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	blobRE = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	// SourceIDRE bounds an importer's stable id.
	SourceIDRE = regexp.MustCompile(`^[\pL\pN._:/#-]{1,200}$`)
)

// ValidDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD and a real date.
func ValidDate(s string) bool {
	if !dateRE.MatchString(s) {
		return false
	}
	if len(s) == 10 {
		_, err := time.Parse("2006-01-02", s)
		return err == nil
	}
	return true
}

// Normalise trims values, upper-cases countries, drops empty values and sorts
// crime areas, before validation.
func (r *Record) Normalise() {
	r.Schema = strings.TrimSpace(r.Schema)
	s, _ := SchemaNamed(r.Schema)
	props := make(map[string][]string, len(r.Properties))
	for name, vs := range r.Properties {
		var out []string
		for _, v := range vs {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if s != nil {
				if p, ok := s.Prop(name); ok && p.Type == PropCountry {
					v = strings.ToUpper(v)
				}
			}
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		if len(out) > 0 {
			props[name] = out
		}
	}
	r.Properties = props
	r.Handling = strings.ToUpper(strings.TrimSpace(r.Handling))
	if r.Handling == "" {
		r.Handling = "H0"
	}
	r.Evaluation.Source = strings.ToUpper(strings.TrimSpace(r.Evaluation.Source))
	r.TLP = strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(r.TLP), "TLP:")))
	if r.Distribution.Scope == "" {
		r.Distribution.Scope = "owner"
	}
	for i, a := range r.Distribution.Agencies {
		r.Distribution.Agencies[i] = NormaliseAgencyCode(a)
	}
	slices.Sort(r.CrimeAreas)
	r.CrimeAreas = slices.Compact(r.CrimeAreas)
	slices.Sort(r.Distribution.Agencies)
	r.Distribution.Agencies = slices.Compact(r.Distribution.Agencies)
	r.Category = strings.TrimSpace(r.Category)
	r.LegalBasis = strings.TrimSpace(r.LegalBasis)
}

// Validate checks a normalised record's structure, property types and metadata at
// time now, sets a default review date and derives Child. Identifier properties are
// checked by the app, which knows the identifier rules.
func (r *Record) Validate(now time.Time) error {
	var p Problems
	s, ok := SchemaNamed(r.Schema)
	if !ok {
		p.Add("schema", "unknown schema; schemas are "+strings.Join(SchemaNames(), ", "))
		return p.Err()
	}
	if len(r.Properties) > MaxProperties {
		p.Addf("properties", "at most %d properties", MaxProperties)
	}
	names := make([]string, 0, len(r.Properties))
	for name := range r.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		prop, ok := s.Prop(name)
		if !ok {
			p.Add(name, "is not a property of "+s.Name)
			continue
		}
		validateValues(&p, prop, r.Properties[name], now)
	}
	for _, req := range s.Required {
		if len(r.Properties[req]) == 0 {
			p.Add(req, "is required for "+s.Name)
		}
	}
	if s.Name == "Person" && r.Caption() == "Person" {
		p.Add("name", "a person needs a name, first name, last name or alias")
	}
	r.validateMeta(&p, s, now)
	r.Child = r.Victim() && under18(r.Properties["birthDate"], now)
	return p.Err()
}

func validateValues(p *Problems, prop Prop, vs []string, now time.Time) {
	max := prop.Max
	if max == 0 {
		max = MaxValues
	}
	if len(vs) > max {
		if max == 1 {
			p.Add(prop.Name, "takes one value")
		} else {
			p.Addf(prop.Name, "takes at most %d values", max)
		}
	}
	limit := MaxValueLen
	if prop.Name == "description" {
		limit = MaxDescLen
	}
	for _, v := range vs {
		if utf8.RuneCountInString(v) > limit {
			p.Addf(prop.Name, "must be at most %d characters", limit)
			continue
		}
		switch prop.Type {
		case PropDate:
			if !ValidDate(v) {
				p.Addf(prop.Name, "%q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", v)
			} else if prop.Name == "birthDate" && v > now.Format("2006-01-02") {
				p.Addf(prop.Name, "%s is in the future", v)
			}
		case PropCountry:
			if !IsCountryCode(v) {
				p.Addf(prop.Name, "%q is not an ISO 3166-1 alpha-2 country code", v)
			}
		case PropEnum:
			if !slices.Contains(prop.Enum, v) {
				p.Addf(prop.Name, "%q is not one of %s", v, strings.Join(prop.Enum, ", "))
			}
		case PropYear:
			y, err := strconv.Atoi(v)
			if err != nil || len(v) != 4 || y < 1850 || y > now.Year()+1 {
				p.Addf(prop.Name, "%q is not a year between 1850 and %d", v, now.Year()+1)
			}
		case PropRef:
			if !refRE.MatchString(v) {
				p.Addf(prop.Name, "%q is not a record id", v)
			}
		case PropBlob:
			if !blobRE.MatchString(v) {
				p.Addf(prop.Name, "%q is not a blob reference (sha256:…)", v)
			}
		}
	}
}

func (r *Record) validateMeta(p *Problems, s *Schema, now time.Time) {
	if s.Person {
		if !slices.Contains(Categories, r.Category) {
			p.Add("category", "must be one of "+strings.Join(Categories, ", "))
		}
	} else if r.Category != "" {
		p.Add("category", "applies to persons only")
	}
	if !slices.Contains(HandlingCodes, r.Handling) {
		p.Add("handling", "must be H0, H1, H2 or H3")
	}
	if r.Handling == "H3" && strings.TrimSpace(r.HandlingNote) == "" {
		p.Add("handlingNote", "H3 needs the restrictions written out")
	}
	if utf8.RuneCountInString(r.HandlingNote) > MaxValueLen {
		p.Addf("handlingNote", "must be at most %d characters", MaxValueLen)
	}
	if r.Evaluation.Source != "" || r.Evaluation.Information != "" {
		if !slices.Contains([]string{"A", "B", "C", "X"}, r.Evaluation.Source) {
			p.Add("evaluation.source", "must be A, B, C or X")
		}
		if !slices.Contains([]string{"1", "2", "3", "4"}, r.Evaluation.Information) {
			p.Add("evaluation.information", "must be 1, 2, 3 or 4")
		}
	}
	if r.TLP != "" && !slices.Contains(TLPs, r.TLP) {
		p.Add("tlp", "must be CLEAR, GREEN, AMBER, AMBER+STRICT or RED")
	}
	switch r.Distribution.Scope {
	case "owner", "all":
		if len(r.Distribution.Agencies) > 0 {
			p.Add("distribution.agencies", "only with scope agencies")
		}
	case "agencies":
		if len(r.Distribution.Agencies) == 0 {
			p.Add("distribution.agencies", "name at least one agency")
		}
	default:
		p.Add("distribution.scope", "must be owner, agencies or all")
	}
	for _, c := range r.CrimeAreas {
		if !slices.Contains(CrimeAreas, c) {
			p.Addf("crimeAreas", "%q is not a crime area; crime areas are %s", c, strings.Join(CrimeAreas, ", "))
		}
	}
	if utf8.RuneCountInString(r.LegalBasis) > MaxValueLen {
		p.Addf("legalBasis", "must be at most %d characters", MaxValueLen)
	}
	today := now.UTC().Format("2006-01-02")
	limit := now.UTC().AddDate(MaxReviewYears, 0, 0).Format("2006-01-02")
	switch {
	case r.ReviewDate == "":
		years := reviewYears[r.Category]
		if !s.Person {
			years = MaxReviewYears
		}
		r.ReviewDate = now.UTC().AddDate(years, 0, 0).Format("2006-01-02")
	case len(r.ReviewDate) != 10 || !ValidDate(r.ReviewDate):
		p.Add("reviewDate", "must be a date YYYY-MM-DD")
	case r.ReviewDate < today:
		p.Add("reviewDate", "must not be in the past")
	case r.ReviewDate > limit:
		p.Addf("reviewDate", "must be at most %d years ahead (%s)", MaxReviewYears, limit)
	}
	if r.SourceID != "" && !SourceIDRE.MatchString(r.SourceID) {
		p.Add("id", "a source id is 1 to 200 letters, digits or . _ : / # -")
	}
}

// under18 reports whether any birth date makes the person younger than 18 at now. A
// year-only or month-only date counts from its earliest day, the conservative choice.
func under18(dates []string, now time.Time) bool {
	for _, d := range dates {
		if !ValidDate(d) {
			continue
		}
		y, _ := strconv.Atoi(d[:4])
		m, day := 1, 1
		if len(d) >= 7 {
			m, _ = strconv.Atoi(d[5:7])
		}
		if len(d) == 10 {
			day, _ = strconv.Atoi(d[8:10])
		}
		adult := time.Date(y+18, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		if len(d) < 10 {
			// Unknown day or month: the person may be younger than the earliest reading.
			adult = time.Date(y+18, 12, 31, 0, 0, 0, 0, time.UTC)
			if len(d) == 7 {
				adult = time.Date(y+18, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
			}
		}
		if now.Before(adult) {
			return true
		}
	}
	return false
}

// ValidRecordID reports whether s has the form of a record id.
func ValidRecordID(s string) bool { return refRE.MatchString(s) }

// String is for logs: schema and id only, never content.
func (r *Record) String() string { return fmt.Sprintf("%s %s", r.Schema, r.ID) }
