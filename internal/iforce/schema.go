package iforce

import (
	"slices"
	"sync"
)

// PropType is the type of a record property; it decides validation and indexing.
type PropType uint8

// The property types.
const (
	PropText    PropType = iota // free text
	PropName                    // a name: free text, indexed for search
	PropDate                    // YYYY, YYYY-MM or YYYY-MM-DD
	PropCountry                 // ISO 3166-1 alpha-2
	PropEnum                    // one of Prop.Enum
	PropIdent                   // an identifier of kind Prop.Ident, validated and normalised by the app
	PropRef                     // the id of another record
	PropYear                    // a four-digit year
	PropBlob                    // a blob reference (sha256:<hex>)
)

// Prop describes one property of a schema. Properties are multi-valued, as in
// FollowTheMoney; Max bounds the number of values (1 for single-valued properties).
type Prop struct {
	Name  string
	Type  PropType
	Enum  []string
	Ident string // identifier kind for PropIdent (ident.Kind values)
	Max   int
}

// Schema describes a type of record.
type Schema struct {
	Name     string
	Props    []Prop
	Required []string // properties that need at least one value
	Person   bool     // records of this schema carry a data-subject category
	// Caption lists the properties whose first value names a record in lists.
	Caption []string
}

// Prop returns the property named name.
func (s *Schema) Prop(name string) (Prop, bool) {
	i := slices.IndexFunc(s.Props, func(p Prop) bool { return p.Name == name })
	if i < 0 {
		return Prop{}, false
	}
	return s.Props[i], true
}

// Limits of record content.
const (
	MaxValues     = 20   // values of one property
	MaxValueLen   = 1000 // characters of one value (4000 for description)
	MaxDescLen    = 4000
	MaxProperties = 60 // distinct properties of one record
)

// Relations of a Link.
var Relations = []string{"associate", "family", "member", "owner", "director", "employee", "uses", "holder",
	"travelled_with", "payment", "communicated_with", "other"}

func text(name string) Prop               { return Prop{Name: name, Type: PropText} }
func nameProp(name string) Prop           { return Prop{Name: name, Type: PropName} }
func one(p Prop) Prop                     { p.Max = 1; return p }
func enum(name string, vs ...string) Prop { return Prop{Name: name, Type: PropEnum, Enum: vs, Max: 1} }
func identProp(name, kind string) Prop {
	return Prop{Name: name, Type: PropIdent, Ident: kind}
}

var schemas = sync.OnceValue(func() map[string]*Schema {
	list := []*Schema{
		{Name: "Person", Person: true, Required: []string{}, Caption: []string{"name", "lastName", "firstName", "alias"}, Props: []Prop{
			nameProp("firstName"), nameProp("middleName"), nameProp("lastName"), nameProp("patronymic"), nameProp("name"), nameProp("alias"),
			{Name: "birthDate", Type: PropDate}, text("birthPlace"), {Name: "nationality", Type: PropCountry},
			enum("gender", "male", "female", "other"), identProp("idNumber", "document_number"), one(text("description")),
			{Name: "photo", Type: PropBlob},
		}},
		{Name: "TravelDocument", Required: []string{"number", "country", "type", "status"}, Caption: []string{"number"}, Props: []Prop{
			one(identProp("number", "document_number")), one(Prop{Name: "country", Type: PropCountry}),
			enum("type", "passport", "id_card", "visa", "residence_permit", "other"),
			enum("status", "stolen", "lost", "revoked", "invalidated", "stolen_blank"),
			one(Prop{Name: "issueDate", Type: PropDate}), one(Prop{Name: "expiryDate", Type: PropDate}),
			{Name: "holder", Type: PropRef, Max: 1}, one(identProp("mrz", "mrz")), one(text("description")),
		}},
		{Name: "Vehicle", Required: []string{"status"}, Caption: []string{"registrationNumber", "vin", "make"}, Props: []Prop{
			one(identProp("vin", "vin")), identProp("registrationNumber", "plate"), one(Prop{Name: "registrationCountry", Type: PropCountry}),
			one(nameProp("make")), one(nameProp("model")), one(text("colour")),
			enum("type", "car", "truck", "motorcycle", "boat", "other"), one(Prop{Name: "year", Type: PropYear}),
			enum("status", "stolen", "wanted", "recovered"), one(text("description")),
		}},
		{Name: "Firearm", Required: []string{"serialNumber", "status"}, Caption: []string{"serialNumber", "make"}, Props: []Prop{
			one(identProp("serialNumber", "serial")), one(nameProp("make")), one(nameProp("model")), one(text("calibre")),
			enum("type", "pistol", "revolver", "rifle", "shotgun", "machine_gun", "other"),
			one(Prop{Name: "countryOfManufacture", Type: PropCountry}),
			enum("status", "lost", "stolen", "trafficked", "smuggled", "seized"), one(text("description")),
		}},
		{Name: "Organization", Required: []string{"name"}, Caption: []string{"name", "alias"}, Props: []Prop{
			nameProp("name"), nameProp("alias"), {Name: "country", Type: PropCountry}, one(text("description")),
		}},
		{Name: "Company", Required: []string{"name"}, Caption: []string{"name", "registrationNumber"}, Props: []Prop{
			nameProp("name"), nameProp("alias"), identProp("registrationNumber", "registration"), one(Prop{Name: "jurisdiction", Type: PropCountry}),
			one(text("description")),
		}},
		{Name: "Phone", Required: []string{"number"}, Caption: []string{"number"}, Props: []Prop{
			one(identProp("number", "phone")), one(Prop{Name: "country", Type: PropCountry}), one(text("description")),
		}},
		{Name: "Email", Required: []string{"address"}, Caption: []string{"address"}, Props: []Prop{
			one(identProp("address", "email")), one(text("description")),
		}},
		{Name: "BankAccount", Caption: []string{"iban", "accountNumber"}, Props: []Prop{
			one(identProp("iban", "iban")), one(identProp("bic", "bic")), one(text("accountNumber")), one(nameProp("bank")),
			one(Prop{Name: "country", Type: PropCountry}), one(text("description")),
		}},
		{Name: "CryptoWallet", Required: []string{"address"}, Caption: []string{"address"}, Props: []Prop{
			one(identProp("address", "wallet")), one(text("currency")), one(text("description")),
		}},
		{Name: "Address", Caption: []string{"full", "city"}, Props: []Prop{
			one(text("full")), one(text("street")), one(nameProp("city")), one(text("postalCode")), one(Prop{Name: "country", Type: PropCountry}),
			one(text("description")),
		}},
		{Name: "Domain", Required: []string{"name"}, Caption: []string{"name"}, Props: []Prop{
			one(identProp("name", "domain")), one(text("description")),
		}},
		{Name: "IPAddress", Required: []string{"address"}, Caption: []string{"address"}, Props: []Prop{
			one(identProp("address", "ip")), one(text("description")),
		}},
		{Name: "Link", Required: []string{"source", "target", "relation"}, Caption: []string{"relation"}, Props: []Prop{
			{Name: "source", Type: PropRef, Max: 1}, {Name: "target", Type: PropRef, Max: 1}, enum("relation", Relations...),
			one(Prop{Name: "startDate", Type: PropDate}), one(Prop{Name: "endDate", Type: PropDate}), one(text("description")),
		}},
	}
	m := make(map[string]*Schema, len(list))
	for _, s := range list {
		m[s.Name] = s
	}
	return m
})

// SchemaNamed returns the schema with the given name.
func SchemaNamed(name string) (*Schema, bool) {
	s, ok := schemas()[name]
	return s, ok
}

// SchemaNames lists every schema name in a stable order.
func SchemaNames() []string {
	return []string{"Person", "TravelDocument", "Vehicle", "Firearm", "Organization", "Company", "Phone", "Email",
		"BankAccount", "CryptoWallet", "Address", "Domain", "IPAddress", "Link"}
}
