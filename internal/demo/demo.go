// Package demo loads a realistic demonstration data set for the programme's region:
// agencies of every country, the programme team, a humanitarian partner, and users in
// every role, with names in their native scripts. Loading is idempotent: what exists is
// left as it is. Each capability adds its data here.
package demo

import (
	"context"
	"fmt"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// Agency is a demo agency.
type Agency struct {
	Code, Name, Country string
	Kind                iforce.AgencyKind
}

// Agencies of the demo: the NCBs of the beneficiaries and partners, specialised units,
// the programme team and a partner organisation.
func Agencies() []Agency {
	return []Agency{
		{"UA-NCB", "Національне центральне бюро Інтерполу в Україні", "UA", iforce.AgencyNCB},
		{"UA-CYBER", "Департамент кіберполіції Національної поліції України", "UA", iforce.AgencyNationalUnit},
		{"UA-BORDER", "Державна прикордонна служба України", "UA", iforce.AgencyNationalUnit},
		{"MD-NCB", "Biroul Național Central Interpol al Republicii Moldova", "MD", iforce.AgencyNCB},
		{"MD-INI", "Inspectoratul Național de Investigații", "MD", iforce.AgencyNationalUnit},
		{"EE-NCB", "Eesti Interpoli riiklik keskbüroo", "EE", iforce.AgencyNCB},
		{"GE-NCB", "ინტერპოლის ეროვნული ცენტრალური ბიურო საქართველოში", "GE", iforce.AgencyNCB},
		{"HU-NCB", "Nemzetközi Bűnügyi Együttműködési Központ", "HU", iforce.AgencyNCB},
		{"LV-NCB", "Valsts policijas Interpola nacionālais centrālais birojs", "LV", iforce.AgencyNCB},
		{"LT-NCB", "Lietuvos kriminalinės policijos biuro Interpolo nacionalinis centrinis biuras", "LT", iforce.AgencyNCB},
		{"PL-NCB", "Krajowe Biuro Interpolu", "PL", iforce.AgencyNCB},
		{"RO-NCB", "Biroul Național Interpol — Centrul de Cooperare Polițienească Internațională", "RO", iforce.AgencyNCB},
		{"SK-NCB", "Národná ústredňa Interpolu Bratislava", "SK", iforce.AgencyNCB},
		{"PROGRAMME", "I-FORCE Programme Team", "FR", iforce.AgencyProgramme},
		{"IOM-MD", "Organizația Internațională pentru Migrație — Misiunea în Republica Moldova", "MD", iforce.AgencyPartnerOrg},
	}
}

// User is a demo user.
type User struct {
	Agency, Username, Name string
	Roles                  []iforce.Role
	Clearances             []iforce.Clearance
	Locale                 string
}

func r(rs ...iforce.Role) []iforce.Role           { return rs }
func c(cs ...iforce.Clearance) []iforce.Clearance { return cs }

// Users of the demo: every role, several countries, native-script names.
func Users() []User {
	victim, child := iforce.ClearanceVictimData, iforce.ClearanceChildData
	return []User{
		{"UA-NCB", "olena.kovalenko", "Олена Коваленко", r(iforce.RoleOfficer), nil, "uk"},
		{"UA-NCB", "taras.bondarenko", "Тарас Бондаренко", r(iforce.RoleSupervisor), c(victim), "uk"},
		{"UA-CYBER", "andrii.melnyk", "Андрій Мельник", r(iforce.RoleAnalyst), nil, "uk"},
		{"UA-BORDER", "iryna.shevchuk", "Ірина Шевчук", r(iforce.RoleOfficer), nil, "uk"},
		{"MD-NCB", "ion.ciobanu", "Ion Ciobanu", r(iforce.RoleOfficer), nil, "ro"},
		{"MD-NCB", "maria.rusu", "Maria Rusu", r(iforce.RoleSupervisor), c(victim), "ro"},
		{"MD-INI", "vasile.lungu", "Vasile Lungu", r(iforce.RoleAnalyst), c(victim, child), "ro"},
		{"RO-NCB", "andrei.popescu", "Andrei Popescu", r(iforce.RoleOfficer), nil, "ro"},
		{"GE-NCB", "giorgi.beridze", "გიორგი ბერიძე", r(iforce.RoleOfficer), nil, "en"},
		{"PL-NCB", "anna.nowak", "Anna Nowak", r(iforce.RoleAnalyst), c(victim, child), "en"},
		{"HU-NCB", "zoltan.nagy", "Nagy Zoltán", r(iforce.RoleOfficer), nil, "en"},
		{"SK-NCB", "peter.horvath", "Peter Horváth", r(iforce.RoleOfficer), nil, "en"},
		{"LT-NCB", "tomas.kazlauskas", "Tomas Kazlauskas", r(iforce.RoleAnalyst), nil, "en"},
		{"LV-NCB", "janis.berzins", "Jānis Bērziņš", r(iforce.RoleOfficer), nil, "en"},
		{"EE-NCB", "kaisa.tamm", "Kaisa Tamm", r(iforce.RoleAnalyst), nil, "en"},
		{"PROGRAMME", "sophie.laurent", "Sophie Laurent", r(iforce.RoleCoordinator), nil, "en"},
		{"PROGRAMME", "dmytro.audit", "Дмитро Савченко", r(iforce.RoleAuditor), nil, "uk"},
		{"PROGRAMME", "admin", "Node Administrator", r(iforce.RoleAdmin), nil, "en"},
		{"IOM-MD", "elena.popa", "Elena Popa", r(iforce.RolePartner), nil, "ro"},
	}
}

// Load creates the demo agencies and users that do not exist yet, with password for
// every new user. ctx must carry the system principal.
func Load(ctx context.Context, a *app.App, password string) error {
	for _, d := range Agencies() {
		ag := &iforce.Agency{Code: d.Code, Name: d.Name, Country: d.Country, Kind: d.Kind, Active: true}
		if err := a.CreateAgency(ctx, ag); err != nil && !iforce.IsKind(err, iforce.KindConflict) {
			return fmt.Errorf("demo agency %s: %w", d.Code, err)
		}
	}
	for _, d := range Users() {
		_, _, err := a.CreateUser(ctx, app.NewUser{Agency: d.Agency, Username: d.Username, Name: d.Name, Roles: d.Roles,
			Clearances: d.Clearances, Locale: d.Locale, Password: password})
		if err != nil && !iforce.IsKind(err, iforce.KindConflict) {
			return fmt.Errorf("demo user %s: %w", d.Username, err)
		}
	}
	return LoadScreening(ctx, a)
}
