package web

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/access"
	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
)

// card is one answer of a check or a screen, translated for the reader: red when the
// officer must act now, amber when she must look closer.
type card struct {
	Act          bool // red; amber otherwise
	Action       string
	Notes        []string
	Owner        string
	Match        string
	Record       *iforce.Record // nil for a hit/no-hit answer
	Link         bool           // the reader may open the record's page
	Title        string
	Facts        []fact
	HitID        string
	PresenceOnly bool
	Score        string // "" unless found by name screening
	Explanation  *explanation
}

// fact is one labelled value of a record.
type fact struct{ Label, Value string }

// explanation is a screening explanation in the reader's language.
type explanation struct {
	Parts       []string
	Unmatched   []string
	Reordered   bool
	NameScore   string
	Adjustments []string
}

// keyProps are the properties a card shows for each schema, in order.
var keyProps = map[string][]string{
	"Person":         {"birthDate", "nationality", "gender", "birthPlace", "idNumber"},
	"TravelDocument": {"number", "country", "type", "status", "expiryDate"},
	"Vehicle":        {"vin", "registrationNumber", "registrationCountry", "make", "model", "colour", "status"},
	"Firearm":        {"serialNumber", "make", "model", "calibre", "type", "status"},
}

// propValue formats one value of a property for reading: countries and enumerated
// values in the reader's language.
func propValue(l *i18n.Locale, schema, prop, v string) string {
	s, ok := iforce.SchemaNamed(schema)
	if !ok {
		return v
	}
	p, ok := s.Prop(prop)
	if !ok {
		return v
	}
	switch p.Type {
	case iforce.PropCountry:
		return l.Country(v) + " (" + v + ")"
	case iforce.PropEnum:
		return valueText(l, v)
	case iforce.PropDate:
		return propDate(l, v)
	}
	return v
}

// propDate formats a full date for the reader; a year or a month stays as written.
func propDate(l *i18n.Locale, v string) string {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return l.Date(t)
	}
	return v
}

// recordFacts lists the key fields of r.
func recordFacts(l *i18n.Locale, r *iforce.Record) []fact {
	var out []fact
	if r.Category != "" {
		out = append(out, fact{l.T("record.category"), enumText(l, categoryKeys, r.Category)})
	}
	props := keyProps[r.Schema]
	if props == nil {
		if s, ok := iforce.SchemaNamed(r.Schema); ok {
			props = s.Caption
		}
	}
	for _, p := range props {
		var vs []string
		for _, v := range r.Properties[p] {
			vs = append(vs, propValue(l, r.Schema, p, v))
		}
		if len(vs) > 0 {
			out = append(out, fact{enumText(l, propKeys, p), strings.Join(vs, "; ")})
		}
	}
	if len(r.CrimeAreas) > 0 {
		var cs []string
		for _, c := range r.CrimeAreas {
			cs = append(cs, enumText(l, crimeKeys, c))
		}
		out = append(out, fact{l.T("record.crime_areas"), strings.Join(cs, ", ")})
	}
	return out
}

// recordTitle names a record: its caption and its schema.
func recordTitle(l *i18n.Locale, r *iforce.Record) string {
	return r.Caption() + " · " + enumText(l, schemaKeys, r.Schema)
}

// linkCards lets the cards link their records when the reader has the register pages.
func linkCards(p *iforce.Principal, cs []card) {
	ok := access.Decide(p, access.RecordCreate, nil).Allowed
	for i := range cs {
		cs[i].Link = ok && cs[i].Record != nil
	}
}

// checkCard translates one finding of a check.
func checkCard(l *i18n.Locale, hit app.CheckHit) card {
	c := card{Act: hit.Action.Severity == "act", Owner: hit.Owner, HitID: hit.HitID, PresenceOnly: hit.PresenceOnly, Record: hit.Record}
	status := ""
	if hit.Record != nil {
		status = valueText(l, hit.Record.First("status"))
		c.Title = recordTitle(l, hit.Record)
		c.Facts = recordFacts(l, hit.Record)
	}
	if key, ok := actionKeys[hit.Action.Code]; ok {
		c.Action = l.T(key, "Owner", hit.Owner, "Status", status)
	} else {
		c.Action = hit.Action.Text
	}
	for _, note := range hit.Action.Notes {
		switch {
		case note == app.NoteConfusable:
			c.Notes = append(c.Notes, l.T("check.note_confusable"))
		case note == app.NoteMakeDiffers && hit.Record != nil:
			c.Notes = append(c.Notes, l.T("check.note_make", "Make", hit.Record.First("make")))
		case note == app.NoteNameToVerify:
			c.Notes = append(c.Notes, l.T("check.note_name"))
		}
	}
	if hit.PresenceOnly || hit.Match == app.MatchConfusable {
		c.Act = false
	}
	if ex, ok := hit.Explanation.(screening.Explanation); ok {
		c.Match = l.T("match.name")
		c.Score = percent(hit.Score)
		c.Explanation = explain(l, ex)
	} else {
		c.Match = enumText(l, matchKeys, hit.Match)
	}
	return c
}

// screenCard translates one result of a name screen. Screening gives no instruction:
// a name alone is always a reason to look closer, so the card is amber.
func screenCard(l *i18n.Locale, res app.ScreenResult) card {
	return card{Owner: res.Record.Owner, Record: res.Record, Title: recordTitle(l, res.Record),
		Facts: recordFacts(l, res.Record), Match: l.T("match.name"), Score: percent(res.Score),
		Action: l.T("screen.verify", "Owner", res.Record.Owner), Explanation: explain(l, res.Explanation)}
}

func percent(s float64) string { return fmt.Sprintf("%d %%", int(math.Round(s*100))) }

// explain translates a screening explanation: which part matched which, by which
// route, and how the qualifiers moved the score.
func explain(l *i18n.Locale, ex screening.Explanation) *explanation {
	out := &explanation{Reordered: ex.Reordered, NameScore: percent(ex.NameScore), Unmatched: ex.Unmatched}
	for _, p := range ex.Parts {
		route := routeText(l, p.Route)
		if p.Joined {
			route += ", " + l.T("explain.joined")
		}
		out.Parts = append(out.Parts, l.T("explain.part", "Query", p.Query, "QueryRole", enumText(l, partRoleKeys, p.QueryRole),
			"Record", p.Record, "RecordRole", enumText(l, partRoleKeys, p.RecordRole), "Route", route,
			"Score", percent(p.Score)))
	}
	for _, a := range ex.Adjustments {
		var outcome string
		if a.Namesakes > 0 {
			outcome = l.N(outcomeKeys[a.Outcome], a.Namesakes) // how many carry the name
		} else {
			outcome = enumText(l, outcomeKeys, a.Outcome)
		}
		out.Adjustments = append(out.Adjustments, l.T("explain.adjustment", "Factor", enumText(l, factorKeys, a.Factor),
			"Outcome", outcome, "Delta", fmt.Sprintf("%+d", int(math.Round(a.Delta*100)))))
	}
	return out
}
