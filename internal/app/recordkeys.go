package app

import (
	"errors"
	"strings"
	"time"
	"unicode"

	"github.com/iforce-platform/iforce/internal/ident"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/names"
	"github.com/iforce-platform/iforce/internal/sqlstore"
)

// Key kinds in the record index. A stored key is "<kind>:<normalised value>" so that
// keys of different kinds never collide.
const (
	keyName         = "name"
	keyRegistration = "registration"
	keySerialLoose  = "serial~" // the confusable-folded serial, matched with a lower grade
)

func key(kind, v string) sqlstore.Key { return sqlstore.Key{Kind: kind, Key: kind + ":" + v} }

// recordKeys validates the identifier properties of a record and derives its search
// keys: folded name tokens and normalised identifiers. Problems name the property.
func recordKeys(r *iforce.Record, defaultCountry string, now time.Time) ([]sqlstore.Key, iforce.Problems) {
	s, _ := iforce.SchemaNamed(r.Schema)
	var keys []sqlstore.Key
	var probs iforce.Problems
	for _, p := range s.Props {
		for _, v := range r.Properties[p.Name] {
			switch p.Type {
			case iforce.PropName:
				for _, tok := range strings.Fields(names.Fold(v)) {
					keys = append(keys, key(keyName, tok))
				}
			case iforce.PropIdent:
				ks, problem := identKeys(p, v, r, defaultCountry, now)
				if problem != "" {
					probs.Add(p.Name, problem)
				}
				keys = append(keys, ks...)
			}
		}
	}
	return keys, probs
}

// identKeys normalises one identifier value.
func identKeys(p iforce.Prop, v string, r *iforce.Record, defaultCountry string, now time.Time) ([]sqlstore.Key, string) {
	kind := ident.Kind(p.Ident)
	switch p.Ident {
	case "registration":
		k := foldRegistration(v)
		if k == "" {
			return nil, "must contain letters or digits"
		}
		return []sqlstore.Key{key(keyRegistration, k)}, ""
	case "mrz":
		m, err := ident.ParseMRZ(v, now)
		if err != nil {
			return nil, problemOf(err)
		}
		if !m.CheckDigitsValid() {
			return nil, "MRZ check digits fail for " + strings.Join(m.CheckDigitFailures, ", ")
		}
		if n := r.First("number"); n != "" {
			if k, err := ident.DocumentNumber(n); err == nil && k != m.DocumentNumber {
				return nil, "the MRZ names document number " + m.DocumentNumber + ", not " + n
			}
		}
		return []sqlstore.Key{key(string(ident.KindDocumentNumber), m.DocumentNumber)}, ""
	case "serial":
		exact, loose, err := ident.Serial(v)
		if err != nil {
			return nil, problemOf(err)
		}
		return []sqlstore.Key{key(string(ident.KindSerial), exact), key(keySerialLoose, loose)}, ""
	case "plate":
		country := r.First("registrationCountry")
		if country == "" {
			return nil, "needs registrationCountry"
		}
		k, err := ident.Plate(v, country)
		if err != nil {
			return nil, problemOf(err)
		}
		return []sqlstore.Key{key(string(ident.KindPlate), k)}, ""
	}
	opts := ident.Options{Country: r.First("country")}
	if opts.Country == "" {
		opts.Country = defaultCountry
	}
	k, err := ident.Normalise(kind, v, opts)
	if err != nil {
		return nil, problemOf(err)
	}
	return []sqlstore.Key{key(p.Ident, k)}, ""
}

func problemOf(err error) string {
	var ie *ident.Error
	if errors.As(err, &ie) {
		return ie.Problem
	}
	return err.Error()
}

// foldRegistration keeps the letters and digits of a company registration number,
// upper-cased.
func foldRegistration(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// queryKeys turns a search query into key groups: every folded name token must match
// (AND), or the whole query read as any identifier (alternatives).
func queryKeys(q, defaultCountry string, now time.Time) (groups [][]string, alt []string) {
	for _, tok := range strings.Fields(names.Fold(q)) {
		groups = append(groups, []string{keyName + ":" + tok})
	}
	add := func(kind, k string) {
		if k != "" {
			alt = append(alt, kind+":"+k)
		}
	}
	for _, kind := range []ident.Kind{ident.KindDocumentNumber, ident.KindVIN, ident.KindIBAN, ident.KindBIC, ident.KindEmail,
		ident.KindWallet, ident.KindIP, ident.KindDomain} {
		if k, err := ident.Normalise(kind, q, ident.Options{}); err == nil {
			add(string(kind), k)
		}
	}
	if k, err := ident.Phone(q, defaultCountry); err == nil {
		add(string(ident.KindPhone), k)
	}
	if k, err := ident.Plate(q, "UA"); err == nil {
		add(string(ident.KindPlate), k)
	}
	if exact, loose, err := ident.Serial(q); err == nil {
		add(string(ident.KindSerial), exact)
		add(keySerialLoose, loose)
	}
	if m, err := ident.ParseMRZ(q, now); err == nil {
		add(string(ident.KindDocumentNumber), m.DocumentNumber)
	}
	add(keyRegistration, foldRegistration(q))
	return groups, alt
}
