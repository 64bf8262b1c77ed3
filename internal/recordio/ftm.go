package recordio

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"sort"
	"strings"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// ftmSchemas maps FollowTheMoney schemata to ours where the names differ.
var ftmSchemas = map[string]string{
	"LegalEntity": "Organization", "Passport": "TravelDocument", "Identification": "TravelDocument",
	"UserAccount": "Email", "Airplane": "Vehicle", "Vessel": "Vehicle",
}

// ftmProps maps FollowTheMoney property names to ours, per schema ("*" for all).
var ftmProps = map[string]map[string]string{
	"*":              {"fatherName": "patronymic", "country": "country"},
	"Person":         {"fatherName": "patronymic", "country": "nationality", "citizenship": "nationality", "passportNumber": "idNumber"},
	"TravelDocument": {"passportNumber": "number", "number": "number", "holder": "holder", "startDate": "issueDate", "endDate": "expiryDate"},
	"Vehicle":        {"registrationNumber": "registrationNumber", "buildDate": "year"},
	"Company":        {"registrationNumber": "registrationNumber", "jurisdiction": "jurisdiction"},
	"Email":          {"email": "address"},
}

// ftmLine is one FollowTheMoney entity, with our metadata as optional extra keys.
type ftmLine struct {
	ID           string               `json:"id"`
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

// ReadFTM reads FollowTheMoney entities, one JSON object a line. FollowTheMoney
// properties outside our schemas are reported in Row.Ignored; references between
// entities keep their FollowTheMoney ids, which the importer resolves.
func ReadFTM(r io.Reader, d Defaults) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), MaxLineBytes)
		line, rows := 0, 0
		for sc.Scan() {
			line++
			b := sc.Bytes()
			if len(strings.TrimSpace(string(b))) == 0 {
				continue
			}
			if rows++; rows > MaxRows {
				yield(Row{}, fmt.Errorf("more than %d rows: split the file", MaxRows))
				return
			}
			if !yield(ftmRow(line, b, d), nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(Row{}, fmt.Errorf("line %d: %w", line+1, err))
		}
	}
}

func ftmRow(line int, b []byte, d Defaults) Row {
	row := Row{Line: line}
	var l ftmLine
	if err := json.Unmarshal(b, &l); err != nil {
		row.Problems.Add("line", "is not a FollowTheMoney JSON object: "+err.Error())
		return row
	}
	if l.ID == "" {
		row.Problems.Add("id", "is required: FollowTheMoney entities carry an id")
	}
	schema := l.Schema
	if m, ok := ftmSchemas[schema]; ok {
		schema = m
	}
	s, ok := iforce.SchemaNamed(schema)
	if !ok {
		row.Problems.Addf("schema", "%q is not a schema this platform keeps", l.Schema)
		return row
	}
	r := &iforce.Record{Schema: s.Name, SourceID: l.ID, Properties: map[string][]string{}, Category: l.Category,
		Handling: l.Handling, HandlingNote: l.HandlingNote, TLP: l.TLP, CrimeAreas: l.CrimeAreas, LegalBasis: l.LegalBasis, ReviewDate: l.ReviewDate}
	if l.Evaluation != nil {
		r.Evaluation = *l.Evaluation
	}
	if l.Distribution != nil {
		r.Distribution = *l.Distribution
	}
	for name, vs := range l.Properties {
		target := name
		if m, ok := ftmProps[s.Name][name]; ok {
			target = m
		} else if m, ok := ftmProps["*"][name]; ok {
			target = m
		}
		if _, ok := s.Prop(target); !ok {
			row.Ignored = append(row.Ignored, name)
			continue
		}
		r.Properties[target] = append(r.Properties[target], vs...)
	}
	sort.Strings(row.Ignored)
	if len(row.Problems) > 0 {
		return row
	}
	d.apply(r, s)
	row.Record = r
	return row
}

// ftmOut is a record as a FollowTheMoney entity, with our metadata beside it.
type ftmOut struct {
	ID           string              `json:"id"`
	Schema       string              `json:"schema"`
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
}

// WriteFTM writes records as FollowTheMoney JSON lines (our schema and property
// names; patronymic is also written as FollowTheMoney's fatherName).
func WriteFTM(w io.Writer, records iter.Seq2[*iforce.Record, error]) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for r, err := range records {
		if err != nil {
			return err
		}
		props := make(map[string][]string, len(r.Properties)+1)
		for k, v := range r.Properties {
			props[k] = v
		}
		if p := r.Properties["patronymic"]; len(p) > 0 {
			props["fatherName"] = slices.Clone(p)
		}
		o := ftmOut{ID: r.ID, Schema: r.Schema, Properties: props, Owner: r.Owner, Category: r.Category, Handling: r.Handling,
			HandlingNote: r.HandlingNote, TLP: r.TLP, Distribution: r.Distribution, CrimeAreas: r.CrimeAreas, LegalBasis: r.LegalBasis,
			ReviewDate: r.ReviewDate}
		if r.Evaluation != (iforce.Evaluation{}) {
			o.Evaluation = &r.Evaluation
		}
		if o.CrimeAreas == nil {
			o.CrimeAreas = []string{}
		}
		if err := enc.Encode(o); err != nil {
			return fmt.Errorf("write FollowTheMoney: %w", err)
		}
	}
	return nil
}
