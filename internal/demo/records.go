package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/ident"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// country describes how names, documents and plates look in one country.
type country struct {
	agency, code, icao, phone string
	phoneDigits               int // digits after the phone prefix
	male, female              []string
	surnames                  [][2]string // male, female forms
	patronymic                func(father string, female bool) string
	docNumber                 func(r *rand.Rand) string
	plate                     func(r *rand.Rand) string
}

func digits(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

func letters(r *rand.Rand, alphabet string, n int) string {
	rs := []rune(alphabet)
	var b strings.Builder
	for range n {
		b.WriteRune(rs[r.IntN(len(rs))])
	}
	return b.String()
}

func same(xs ...string) [][2]string {
	out := make([][2]string, len(xs))
	for i, x := range xs {
		out[i] = [2]string{x, x}
	}
	return out
}

func ukPatronymic(father string, female bool) string {
	stem := strings.TrimSuffix(strings.TrimSuffix(father, "й"), "о")
	if female {
		return stem + "івна"
	}
	return stem + "ович"
}

func countries() []country {
	return []country{
		{agency: "UA-NCB", code: "UA", icao: "UKR", phone: "+38067", phoneDigits: 7,
			male:       []string{"Олександр", "Андрій", "Петро", "Іван", "Василь", "Микола", "Тарас", "Дмитро", "Сергій", "Максим", "Юрій", "Богдан"},
			female:     []string{"Олена", "Наталія", "Ірина", "Оксана", "Юлія", "Анастасія", "Тетяна", "Галина", "Марія", "Світлана"},
			surnames:   append(same("Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Мельник", "Шевчук", "Поліщук", "Бойко", "Лисенко", "Марченко", "Руденко", "Савченко", "Петренко", "Ковальчук", "Олійник"), [2]string{"Гнатюк", "Гнатюк"}),
			patronymic: ukPatronymic, docNumber: func(r *rand.Rand) string { return letters(r, "ABCEFGHKMNPRSTX", 2) + digits(r, 6) },
			plate: func(r *rand.Rand) string {
				return letters(r, "АВЕІКМНОРСТХ", 2) + digits(r, 4) + letters(r, "АВЕІКМНОРСТХ", 2)
			}},
		{agency: "MD-NCB", code: "MD", icao: "MDA", phone: "+37369", phoneDigits: 6,
			male:      []string{"Ion", "Vasile", "Mihai", "Andrei", "Alexandru", "Victor", "Sergiu", "Nicolae", "Dumitru", "Vladimir"},
			female:    []string{"Ana", "Maria", "Elena", "Natalia", "Tatiana", "Cristina", "Olga", "Svetlana"},
			surnames:  same("Ceban", "Rusu", "Popa", "Lungu", "Munteanu", "Cojocaru", "Țurcanu", "Ciobanu", "Moraru", "Sîrbu", "Bălan", "Guțu", "Roșca", "Grosu"),
			docNumber: func(r *rand.Rand) string { return "B" + digits(r, 8) },
			plate:     func(r *rand.Rand) string { return letters(r, "ABCDEHKMNOPSTVX", 3) + " " + digits(r, 3) }},
		{agency: "RO-NCB", code: "RO", icao: "ROU", phone: "+40722", phoneDigits: 6,
			male:      []string{"Andrei", "Ștefan", "Mihai", "Gheorghe", "Ionuț", "Cristian", "Florin", "Răzvan", "Bogdan"},
			female:    []string{"Ioana", "Elena", "Cristina", "Andreea", "Mihaela", "Alexandra", "Roxana"},
			surnames:  same("Popescu", "Ionescu", "Dumitrescu", "Stan", "Stoica", "Gheorghiu", "Rădulescu", "Constantinescu", "Marinescu", "Țăranu", "Munteanu"),
			docNumber: func(r *rand.Rand) string { return "0" + digits(r, 7) },
			plate:     func(r *rand.Rand) string { return "B " + digits(r, 3) + " " + letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ", 3) }},
		{agency: "GE-NCB", code: "GE", icao: "GEO", phone: "+995599", phoneDigits: 6,
			male:      []string{"გიორგი", "დავით", "ნიკოლოზ", "ლევან", "ირაკლი", "ზურაბ", "გოჩა", "თემურ"},
			female:    []string{"ნინო", "თამარ", "მარიამ", "ეკატერინე", "ნათია", "ქეთევან"},
			surnames:  same("ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე", "ლომიძე", "ჯუღაშვილი", "ქავთარაძე", "ნოზაძე", "ხარაიშვილი", "წიკლაური"),
			docNumber: func(r *rand.Rand) string { return digits(r, 2) + letters(r, "ABCDEFGHKLMN", 2) + digits(r, 5) },
			plate: func(r *rand.Rand) string {
				return letters(r, "ABCDEGHKLMNOPRSTVZ", 2) + "-" + digits(r, 3) + "-" + letters(r, "ABCDEGHKLMNOPRSTVZ", 2)
			}},
		{agency: "PL-NCB", code: "PL", icao: "POL", phone: "+48601", phoneDigits: 6,
			male:      []string{"Piotr", "Krzysztof", "Tomasz", "Łukasz", "Paweł", "Marcin", "Michał", "Grzegorz"},
			female:    []string{"Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Magdalena", "Joanna"},
			surnames:  [][2]string{{"Nowak", "Nowak"}, {"Kowalski", "Kowalska"}, {"Wiśniewski", "Wiśniewska"}, {"Wójcik", "Wójcik"}, {"Kowalczyk", "Kowalczyk"}, {"Kamiński", "Kamińska"}, {"Lewandowski", "Lewandowska"}, {"Zieliński", "Zielińska"}, {"Szymański", "Szymańska"}},
			docNumber: func(r *rand.Rand) string { return letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + digits(r, 7) },
			plate:     func(r *rand.Rand) string { return "W" + letters(r, "ABDEFGHJKLMNPRSTUVWXY", 1) + " " + digits(r, 5) }},
		{agency: "HU-NCB", code: "HU", icao: "HUN", phone: "+3620", phoneDigits: 7,
			male:      []string{"Zoltán", "László", "István", "Gábor", "Attila", "Ferenc", "Tamás"},
			female:    []string{"Erzsébet", "Katalin", "Ágnes", "Zsuzsanna", "Mária", "Éva"},
			surnames:  same("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Szőke", "Molnár", "Németh"),
			docNumber: func(r *rand.Rand) string { return letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + digits(r, 7) },
			plate:     func(r *rand.Rand) string { return letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ", 4) + "-" + digits(r, 3) }},
		{agency: "SK-NCB", code: "SK", icao: "SVK", phone: "+421905", phoneDigits: 6,
			male:      []string{"Peter", "Martin", "Ján", "Michal", "Tomáš", "Jozef"},
			female:    []string{"Jana", "Mária", "Zuzana", "Katarína", "Lucia"},
			surnames:  [][2]string{{"Horváth", "Horváthová"}, {"Kováč", "Kováčová"}, {"Varga", "Vargová"}, {"Tóth", "Tóthová"}, {"Baláž", "Balážová"}, {"Szabó", "Szabóová"}},
			docNumber: func(r *rand.Rand) string { return letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) + digits(r, 6) },
			plate:     func(r *rand.Rand) string { return "BA" + digits(r, 3) + letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ", 2) }},
		{agency: "LT-NCB", code: "LT", icao: "LTU", phone: "+3706", phoneDigits: 7,
			male:      []string{"Tomas", "Mindaugas", "Jonas", "Darius", "Andrius"},
			female:    []string{"Rūta", "Ieva", "Jurgita", "Asta"},
			surnames:  [][2]string{{"Kazlauskas", "Kazlauskienė"}, {"Jankauskas", "Jankauskienė"}, {"Petrauskas", "Petrauskienė"}, {"Stankevičius", "Stankevičienė"}},
			docNumber: func(r *rand.Rand) string { return digits(r, 8) },
			plate:     func(r *rand.Rand) string { return letters(r, "ABCDEFGHJKLMNPRSTUVZ", 3) + " " + digits(r, 3) }},
		{agency: "LV-NCB", code: "LV", icao: "LVA", phone: "+3712", phoneDigits: 7,
			male:      []string{"Jānis", "Andris", "Mārtiņš", "Edgars", "Kārlis"},
			female:    []string{"Anna", "Ilze", "Inese", "Līga"},
			surnames:  [][2]string{{"Bērziņš", "Bērziņa"}, {"Kalniņš", "Kalniņa"}, {"Ozoliņš", "Ozoliņa"}, {"Liepiņš", "Liepiņa"}},
			docNumber: func(r *rand.Rand) string { return "LV" + digits(r, 7) },
			plate:     func(r *rand.Rand) string { return letters(r, "ABCDEFGHJKLMNPRSTUVZ", 2) + "-" + digits(r, 4) }},
		{agency: "EE-NCB", code: "EE", icao: "EST", phone: "+3725", phoneDigits: 7,
			male:      []string{"Andres", "Jaan", "Kristjan", "Rasmus", "Martin"},
			female:    []string{"Kadri", "Mari", "Liis", "Kristiina"},
			surnames:  same("Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane"),
			docNumber: func(r *rand.Rand) string { return "K" + digits(r, 7) },
			plate:     func(r *rand.Rand) string { return digits(r, 3) + " " + letters(r, "ABCDEFGHJKLMNPRSTUVZ", 3) }},
	}
}

// ftm is one FollowTheMoney line of the demo.
type ftm struct {
	ID           string               `json:"id"`
	Schema       string               `json:"schema"`
	Properties   map[string][]string  `json:"properties"`
	Category     string               `json:"category,omitempty"`
	Handling     string               `json:"handling,omitempty"`
	Evaluation   *iforce.Evaluation   `json:"evaluation,omitempty"`
	Distribution *iforce.Distribution `json:"distribution,omitempty"`
	CrimeAreas   []string             `json:"crimeAreas,omitempty"`
	LegalBasis   string               `json:"legalBasis,omitempty"`
}

func all() *iforce.Distribution       { return &iforce.Distribution{Scope: "all"} }
func ownerOnly() *iforce.Distribution { return &iforce.Distribution{Scope: "owner"} }

var (
	makes = [][3]string{{"Toyota", "Land Cruiser 200", "car"}, {"Volkswagen", "Passat B8", "car"}, {"BMW", "X5", "car"}, {"Mercedes-Benz", "Sprinter", "truck"},
		{"Lada", "Vesta", "car"}, {"Škoda", "Octavia", "car"}, {"Dacia", "Logan", "car"}, {"Audi", "Q7", "car"}, {"Renault", "Master", "truck"}, {"Yamaha", "MT-07", "motorcycle"}}
	colours = []string{"чорний", "negru", "white", "silver", "szary", "blue", "red"}
	guns    = [][4]string{{"Glock", "17", "9×19 mm", "pistol"}, {"Makarov", "PM", "9×18 mm", "pistol"}, {"Kalashnikov", "AKM", "7.62×39 mm", "rifle"},
		{"Fort", "12", "9×18 mm", "pistol"}, {"CZ", "75 B", "9×19 mm", "pistol"}, {"Zastava", "M70", "7.62×39 mm", "rifle"}, {"Beretta", "92FS", "9×19 mm", "pistol"},
		{"Saiga", "12", "12/76", "shotgun"}}
	areas = [][]string{{"organised_crime", "drug_trafficking"}, {"human_trafficking"}, {"migrant_smuggling"}, {"firearms_trafficking"}, {"vehicle_trafficking"},
		{"financial_crime"}, {"cybercrime"}, {"organised_crime", "firearms_trafficking"}, {"terrorism"}}
)

// iban builds a valid IBAN for a country from a bank code and account digits.
func iban(country, bban string) string {
	var num strings.Builder
	for _, c := range bban + country + "00" {
		if c >= 'A' && c <= 'Z' {
			num.WriteString(fmt.Sprint(int(c-'A') + 10))
		} else {
			num.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(num.String(), 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%s%02d%s", country, check, bban)
}

var bbanFor = map[string]func(r *rand.Rand) string{
	"UA": func(r *rand.Rand) string { return "322313" + digits(r, 19) },
	"MD": func(r *rand.Rand) string { return "AG" + digits(r, 18) },
	"RO": func(r *rand.Rand) string { return "BTRL" + digits(r, 16) },
	"PL": func(r *rand.Rand) string { return digits(r, 24) },
	"GE": func(r *rand.Rand) string { return "TB" + digits(r, 16) },
	"HU": func(r *rand.Rand) string { return digits(r, 24) },
	"SK": func(r *rand.Rand) string { return digits(r, 20) },
	"LT": func(r *rand.Rand) string { return digits(r, 16) },
	"LV": func(r *rand.Rand) string { return "HABA" + digits(r, 13) },
	"EE": func(r *rand.Rand) string { return digits(r, 16) },
}

// generate returns the demo register of one country as FollowTheMoney lines.
func generate(c country, r *rand.Rand, now time.Time) []ftm {
	var out []ftm
	id := func(kind string, i int) string {
		return fmt.Sprintf("demo-%s-%s-%04d", strings.ToLower(c.code), kind, i)
	}
	cats := []string{"suspect", "suspect", "suspect", "wanted", "wanted", "missing", "witness", "contact", "convicted", "victim"}
	var people []string
	for i := range 120 {
		female := r.IntN(3) == 0
		first := c.male[r.IntN(len(c.male))]
		sur := c.surnames[r.IntN(len(c.surnames))][0]
		if female {
			first = c.female[r.IntN(len(c.female))]
			sur = c.surnames[r.IntN(len(c.surnames))][1]
		}
		gender := "male"
		if female {
			gender = "female"
		}
		born := now.AddDate(-19-r.IntN(45), -r.IntN(12), -r.IntN(28))
		props := map[string][]string{"firstName": {first}, "lastName": {sur}, "birthDate": {born.Format("2006-01-02")},
			"nationality": {c.code}, "gender": {gender}}
		if c.patronymic != nil {
			props["patronymic"] = []string{c.patronymic(c.male[r.IntN(len(c.male))], female)}
		}
		if r.IntN(5) == 0 {
			props["alias"] = []string{strings.ToUpper(sur[:1]) + "."}
		}
		cat := cats[r.IntN(len(cats))]
		dist := all()
		switch {
		case i%11 == 0:
			dist = ownerOnly()
		case i%13 == 0:
			dist = &iforce.Distribution{Scope: "agencies", Agencies: []string{"UA-NCB", "MD-NCB", "RO-NCB"}}
		}
		if cat == "victim" && i%2 == 0 {
			props["birthDate"] = []string{now.AddDate(-15, -r.IntN(12), 0).Format("2006-01-02")}
		}
		pid := id("person", i)
		people = append(people, pid)
		grade := r.IntN(3)
		out = append(out, ftm{ID: pid, Schema: "Person", Properties: props, Category: cat, Distribution: dist,
			CrimeAreas: areas[r.IntN(len(areas))], Evaluation: &iforce.Evaluation{Source: "ABC"[grade : grade+1], Information: fmt.Sprint(1 + r.IntN(3))},
			LegalBasis: "national police act; INTERPOL RPD art. 10"})
	}
	for i := range 80 {
		holder := people[r.IntN(len(people))]
		number := c.docNumber(r)
		props := map[string][]string{"number": {number}, "country": {c.code}, "type": {[]string{"passport", "passport", "id_card"}[r.IntN(3)]},
			"status": {[]string{"stolen", "stolen", "lost", "revoked", "stolen_blank"}[r.IntN(5)]}, "holder": {holder}}
		out = append(out, ftm{ID: id("doc", i), Schema: "TravelDocument", Properties: props, Distribution: all()})
	}
	for i := range 60 {
		m := makes[r.IntN(len(makes))]
		out = append(out, ftm{ID: id("vehicle", i), Schema: "Vehicle", Distribution: all(), CrimeAreas: []string{"vehicle_trafficking"}, Properties: map[string][]string{
			"vin": {letters(r, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 17)}, "registrationNumber": {c.plate(r)}, "registrationCountry": {c.code},
			"make": {m[0]}, "model": {m[1]}, "type": {m[2]}, "colour": {colours[r.IntN(len(colours))]}, "year": {fmt.Sprint(2008 + r.IntN(17))},
			"status": {[]string{"stolen", "stolen", "wanted", "recovered"}[r.IntN(4)]}}})
	}
	for i := range 40 {
		g := guns[r.IntN(len(guns))]
		out = append(out, ftm{ID: id("firearm", i), Schema: "Firearm", Distribution: all(), CrimeAreas: []string{"firearms_trafficking"}, Properties: map[string][]string{
			"serialNumber": {letters(r, "ABCDEFGHKLMNPRSTUVXYZ", 2) + digits(r, 6)}, "make": {g[0]}, "model": {g[1]}, "calibre": {g[2]}, "type": {g[3]},
			"status": {[]string{"stolen", "lost", "trafficked", "smuggled", "seized"}[r.IntN(5)]}}})
	}
	var phones, accounts []string
	for i := range 30 {
		pid := id("phone", i)
		phones = append(phones, pid)
		out = append(out, ftm{ID: pid, Schema: "Phone", Distribution: all(), Properties: map[string][]string{"number": {c.phone + digits(r, c.phoneDigits)}}})
		aid := id("account", i)
		accounts = append(accounts, aid)
		out = append(out, ftm{ID: aid, Schema: "BankAccount", Distribution: all(), CrimeAreas: []string{"financial_crime"},
			Properties: map[string][]string{"iban": {iban(c.code, bbanFor[c.code](r))}}})
	}
	org := id("org", 0)
	out = append(out, ftm{ID: org, Schema: "Organization", Distribution: all(), CrimeAreas: []string{"organised_crime"},
		Properties: map[string][]string{"name": {orgName(c.code)}, "country": {c.code}}})
	for i := range 40 {
		p := people[r.IntN(len(people))]
		var target, rel string
		switch i % 4 {
		case 0:
			target, rel = org, "member"
		case 1:
			target, rel = phones[r.IntN(len(phones))], "uses"
		case 2:
			target, rel = people[r.IntN(len(people))], "associate"
		default:
			target, rel = accounts[r.IntN(len(accounts))], "owner"
		}
		if target == p {
			continue
		}
		out = append(out, ftm{ID: id("link", i), Schema: "Link", Distribution: all(), Properties: map[string][]string{"source": {p}, "target": {target}, "relation": {rel}}})
	}
	return out
}

func orgName(cc string) string {
	return map[string]string{"UA": "Угруповання «Південний коридор»", "MD": "Gruparea „Nistru”", "RO": "Clanul „Dunărea de Jos”",
		"GE": "„ქურდული სამყარო“ — ქუთაისის დაჯგუფება", "PL": "Grupa „Wschodni Szlak”", "HU": "„Keleti Út” bűnszervezet", "SK": "Skupina „Východ”",
		"LT": "Grupuotė „Rytų kelias“", "LV": "Grupējums „Austrumu ceļš”", "EE": "Rühmitus „Idatee”"}[cc]
}

// JourneyMRZ is the machine-readable zone of the stolen Ukrainian passport FE482913 of
// the border-check journey, as a border guard's scanner reads it.
func JourneyMRZ() string {
	mrz, err := ident.FormatTD3(ident.MRZ{IssuingState: "UKR", DocumentNumber: "FE482913", Surname: "SHEVCHENKO", GivenNames: []string{"OLEKSANDR"},
		Nationality: "UKR", BirthDate: ident.Date{Raw: "850314"}, Sex: "M", ExpiryDate: ident.Date{Raw: "300921"}})
	if err != nil {
		panic("demo: the journey MRZ does not format: " + err.Error())
	}
	return mrz
}

// journey returns the records of the border-check journey of the domain primer: a
// Ukrainian passport reported stolen, its holder held by Ukraine in Cyrillic, and the
// same man wanted by Romania in Latin script.
func journey(now time.Time) map[string][]ftm {
	mrz := JourneyMRZ()
	return map[string][]ftm{
		"UA-NCB": {
			{ID: "demo-journey-ua-person", Schema: "Person", Category: "suspect", Distribution: all(), CrimeAreas: []string{"human_trafficking", "organised_crime"},
				Properties: map[string][]string{"firstName": {"Олександр"}, "patronymic": {"Петрович"}, "lastName": {"Шевченко"}, "birthDate": {"1985-03-14"},
					"nationality": {"UA"}, "gender": {"male"}, "birthPlace": {"Одеса"}}, LegalBasis: "КПК України, ст. 214"},
			{ID: "demo-journey-ua-passport", Schema: "TravelDocument", Distribution: all(), Properties: map[string][]string{"number": {"FE482913"}, "country": {"UA"},
				"type": {"passport"}, "status": {"stolen"}, "holder": {"demo-journey-ua-person"}, "mrz": {mrz}, "issueDate": {"2020-09-21"}, "expiryDate": {"2030-09-21"}}},
		},
		"RO-NCB": {
			{ID: "demo-journey-ro-wanted", Schema: "Person", Category: "wanted", Distribution: all(), CrimeAreas: []string{"human_trafficking"},
				Evaluation: &iforce.Evaluation{Source: "A", Information: "1"}, LegalBasis: "Mandat de arestare preventivă, Tribunalul Iași",
				Properties: map[string][]string{"firstName": {"Oleksandr"}, "lastName": {"Shevchenko"}, "birthDate": {"1985-03-14"}, "nationality": {"UA"}, "gender": {"male"}}},
		},
	}
}

// LoadRecords imports the demo registers: for every country of the programme a
// register of persons, stolen documents, vehicles, firearms, phones, accounts, an
// organised crime group and links, in the country's scripts, plus the border-check
// journey. The import is idempotent (stable source ids). ctx carries the system
// principal.
func LoadRecords(ctx context.Context, a *app.App, now time.Time) (int, error) {
	r := rand.New(rand.NewPCG(2026, 11))
	created := 0
	extra := journey(now)
	for _, c := range countries() {
		lines := generate(c, r, now)
		lines = append(lines, extra[c.agency]...)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, l := range lines {
			if err := enc.Encode(l); err != nil {
				return created, fmt.Errorf("demo records: %w", err)
			}
		}
		res, err := a.Import(ctx, app.ImportRequest{Agency: c.agency, Format: "ftm", Body: &buf})
		if err != nil {
			return created, fmt.Errorf("demo records of %s: %w", c.agency, err)
		}
		if len(res.Rejected) > 0 {
			return created, fmt.Errorf("demo records of %s: line %d rejected: %v", c.agency, res.Rejected[0].Line, res.Rejected[0].Problems)
		}
		created += res.Created
	}
	return created, nil
}
