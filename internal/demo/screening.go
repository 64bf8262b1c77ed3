package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/iforce-platform/iforce/internal/app"
)

// screeningPerson is a wanted or missing person of the screening demo, written
// in the script of the agency that holds it.
type screeningPerson struct {
	agency, id, category string
	props                map[string][]string
	areas                []string
}

// ScreeningPersons returns the wanted and missing persons of the screening
// demo, with the Latin-script screen that should find each (for the demo
// script and its test): the record is in its native script, the screen is
// how a border guard or a foreign register writes the name.
func ScreeningPersons() map[string]string {
	return map[string]string{
		"demo-screen-ua-wanted":  "SHEVCHENKO<<OLEKSANDR",
		"demo-screen-ge-wanted":  "Giorgi Beridze",
		"demo-screen-ge-missing": "Nino Kapanadze",
		"demo-screen-ro-wanted":  "Stefan Dumitrescu",
		"demo-screen-ru-wanted":  "Dmitrii Volkov",
		"demo-screen-pl-missing": "Malgorzata Wisniewska",
		"demo-screen-hu-wanted":  "Laszlo Szoke",
		"demo-screen-lt-wanted":  "Aliaksei Kavaliou", // a Belarusian passport's spelling of the Russian form
		"demo-screen-md-missing": "ANAMARIA CIOBANU",  // two given names written as one
	}
}

// CommonNameScreen is a screen of the screening demo that finds namesakes:
// the name alone finds every person carrying it, each lowered as a common
// name, and with the birth date the one it gives comes first.
func CommonNameScreen() (name, birthDate, want string) {
	return "Ivan Melnyk", "1984-02-14", "demo-screen-melnyk-wanted"
}

func screeningPersons() []screeningPerson {
	p := func(kv ...string) map[string][]string {
		m := map[string][]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = []string{kv[i+1]}
		}
		return m
	}
	return []screeningPerson{
		{"UA-NCB", "demo-screen-ua-wanted", "wanted", p("firstName", "Олександр", "patronymic", "Петрович", "lastName", "Шевченко",
			"birthDate", "1979-06-02", "nationality", "UA", "gender", "male"), []string{"organised_crime", "firearms_trafficking"}},
		{"GE-NCB", "demo-screen-ge-wanted", "wanted", p("firstName", "გიორგი", "lastName", "ბერიძე",
			"birthDate", "1983-11-17", "nationality", "GE", "gender", "male"), []string{"drug_trafficking"}},
		{"GE-NCB", "demo-screen-ge-missing", "missing", p("name", "ნინო კაპანაძე",
			"birthDate", "2001-04-09", "nationality", "GE", "gender", "female"), []string{"human_trafficking"}},
		{"RO-NCB", "demo-screen-ro-wanted", "wanted", p("firstName", "Ştefan", "lastName", "Dumitrescu", "alias", "Ștefan Dumitrescu",
			"birthDate", "1975-01-30", "nationality", "RO", "gender", "male"), []string{"vehicle_trafficking"}},
		{"UA-NCB", "demo-screen-ru-wanted", "wanted", p("name", "Волков Дмитрий Сергеевич",
			"birthDate", "1980-08-08", "nationality", "RU", "gender", "male"), []string{"cybercrime"}},
		{"PL-NCB", "demo-screen-pl-missing", "missing", p("firstName", "Małgorzata", "lastName", "Wiśniewska",
			"birthDate", "1996-12-24", "nationality", "PL", "gender", "female"), []string{"human_trafficking"}},
		{"HU-NCB", "demo-screen-hu-wanted", "wanted", p("name", "Szőke László",
			"birthDate", "1970-05-15", "nationality", "HU", "gender", "male"), []string{"financial_crime"}},
		{"LT-NCB", "demo-screen-lt-wanted", "wanted", p("name", "Ковалёв Алексей Николаевич",
			"birthDate", "1987-02-11", "nationality", "BY", "gender", "male"), []string{"firearms_trafficking"}},
		{"MD-NCB", "demo-screen-md-missing", "missing", p("name", "Ана Мария Чобану",
			"birthDate", "2006-09-21", "nationality", "MD", "gender", "female"), []string{"human_trafficking"}},
		// Namesakes: Melnyk is the commonest Ukrainian surname (the demo
		// registers have more). A screen for the name alone finds them all,
		// each lowered as a common name; the birth date tells which one is
		// wanted (CommonNameScreen).
		{"UA-NCB", "demo-screen-melnyk-wanted", "wanted", p("firstName", "Іван", "patronymic", "Степанович", "lastName", "Мельник",
			"birthDate", "1984-02-14", "nationality", "UA", "gender", "male"), []string{"migrant_smuggling"}},
		{"UA-NCB", "demo-screen-melnyk-suspect", "suspect", p("firstName", "Іван", "lastName", "Мельник",
			"birthDate", "1991-07-01", "nationality", "UA", "gender", "male"), []string{"vehicle_trafficking"}},
		{"MD-NCB", "demo-screen-melnyk-convicted", "convicted", p("firstName", "Иван", "lastName", "Мельник",
			"birthDate", "1979-11-30", "nationality", "MD", "gender", "male"), []string{"drug_trafficking"}},
		{"PL-NCB", "demo-screen-melnyk-contact", "contact", p("firstName", "Iwan", "lastName", "Melnyk",
			"birthDate", "1995-05-05", "nationality", "UA", "gender", "male"), []string{"migrant_smuggling"}},
	}
}

// LoadScreening imports the screening demo persons, shared with all member
// agencies, idempotently (stable source ids). ctx carries the system
// principal.
func LoadScreening(ctx context.Context, a *app.App) error {
	byAgency := map[string][]screeningPerson{}
	var order []string
	for _, sp := range screeningPersons() {
		if _, ok := byAgency[sp.agency]; !ok {
			order = append(order, sp.agency)
		}
		byAgency[sp.agency] = append(byAgency[sp.agency], sp)
	}
	for _, ag := range order {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, sp := range byAgency[ag] {
			line := map[string]any{"id": sp.id, "schema": "Person", "category": sp.category, "properties": sp.props,
				"distribution": map[string]any{"scope": "all"}, "crimeAreas": sp.areas}
			if err := enc.Encode(line); err != nil {
				return fmt.Errorf("demo screening persons: %w", err)
			}
		}
		res, err := a.Import(ctx, app.ImportRequest{Agency: ag, Format: "ftm", Body: &buf})
		if err != nil {
			return fmt.Errorf("demo screening persons of %s: %w", ag, err)
		}
		if len(res.Rejected) > 0 {
			return fmt.Errorf("demo screening persons of %s: line %d rejected: %v", ag, res.Rejected[0].Line, res.Rejected[0].Problems)
		}
	}
	return nil
}
