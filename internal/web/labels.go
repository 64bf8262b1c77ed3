package web

import (
	"strings"

	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/ident"
)

// Catalog keys of the operational vocabulary: record schemas, properties, enumerated
// values, actions, match kinds and screening routes. Keys are written out in full so
// that the catalog tests see each one used; a value without a key shows as it is.
var (
	schemaKeys = map[string]string{
		"Person": "schema.person", "TravelDocument": "schema.travel_document", "Vehicle": "schema.vehicle",
		"Firearm": "schema.firearm", "Organization": "schema.organization", "Company": "schema.company",
		"Phone": "schema.phone", "Email": "schema.email", "BankAccount": "schema.bank_account",
		"CryptoWallet": "schema.crypto_wallet", "Address": "schema.address", "Domain": "schema.domain",
		"IPAddress": "schema.ip_address", "Link": "schema.link",
	}
	propKeys = map[string]string{
		"firstName": "prop.first_name", "middleName": "prop.middle_name", "lastName": "prop.last_name",
		"patronymic": "prop.patronymic", "name": "prop.name", "alias": "prop.alias", "birthDate": "prop.birth_date",
		"birthPlace": "prop.birth_place", "nationality": "prop.nationality", "gender": "prop.gender",
		"idNumber": "prop.id_number", "description": "prop.description", "photo": "prop.photo",
		"number": "prop.number", "country": "prop.country", "type": "prop.type", "status": "prop.status",
		"issueDate": "prop.issue_date", "expiryDate": "prop.expiry_date", "holder": "prop.holder", "mrz": "prop.mrz",
		"vin": "prop.vin", "registrationNumber": "prop.registration_number", "registrationCountry": "prop.registration_country",
		"make": "prop.make", "model": "prop.model", "colour": "prop.colour", "year": "prop.year",
		"serialNumber": "prop.serial_number", "calibre": "prop.calibre", "countryOfManufacture": "prop.country_of_manufacture",
		"jurisdiction": "prop.jurisdiction", "address": "prop.address", "iban": "prop.iban", "bic": "prop.bic",
		"accountNumber": "prop.account_number", "bank": "prop.bank", "currency": "prop.currency", "full": "prop.full",
		"street": "prop.street", "city": "prop.city", "postalCode": "prop.postal_code", "source": "prop.source",
		"target": "prop.target", "relation": "prop.relation", "startDate": "prop.start_date", "endDate": "prop.end_date",
	}
	valueKeys = map[string]string{
		"passport": "value.passport", "id_card": "value.id_card", "visa": "value.visa", "residence_permit": "value.residence_permit",
		"other": "value.other", "stolen": "value.stolen", "lost": "value.lost", "revoked": "value.revoked",
		"invalidated": "value.invalidated", "stolen_blank": "value.stolen_blank", "car": "value.car", "truck": "value.truck",
		"motorcycle": "value.motorcycle", "boat": "value.boat", "wanted": "value.wanted", "recovered": "value.recovered",
		"pistol": "value.pistol", "revolver": "value.revolver", "rifle": "value.rifle", "shotgun": "value.shotgun",
		"machine_gun": "value.machine_gun", "trafficked": "value.trafficked", "smuggled": "value.smuggled", "seized": "value.seized",
		"male": "value.male", "female": "value.female", "associate": "value.associate", "family": "value.family",
		"member": "value.member", "owner": "value.owner", "director": "value.director", "employee": "value.employee",
		"uses": "value.uses", "holder": "value.holder", "travelled_with": "value.travelled_with", "payment": "value.payment",
		"communicated_with": "value.communicated_with",
	}
	categoryKeys = map[string]string{
		"suspect": "category.suspect", "wanted": "category.wanted", "missing": "category.missing", "victim": "category.victim",
		"witness": "category.witness", "convicted": "category.convicted", "contact": "category.contact", "other": "category.other",
	}
	crimeKeys = map[string]string{
		"organised_crime": "crime.organised_crime", "human_trafficking": "crime.human_trafficking",
		"migrant_smuggling": "crime.migrant_smuggling", "child_sexual_exploitation": "crime.child_sexual_exploitation",
		"drug_trafficking": "crime.drug_trafficking", "firearms_trafficking": "crime.firearms_trafficking",
		"vehicle_trafficking": "crime.vehicle_trafficking", "terrorism": "crime.terrorism",
		"financial_crime": "crime.financial_crime", "cybercrime": "crime.cybercrime",
	}
	handlingKeys = map[string]string{"H0": "handling.h0", "H1": "handling.h1", "H2": "handling.h2", "H3": "handling.h3"}
	sourceKeys   = map[string]string{"A": "grade.source_a", "B": "grade.source_b", "C": "grade.source_c", "X": "grade.source_x"}
	infoKeys     = map[string]string{"1": "grade.info_1", "2": "grade.info_2", "3": "grade.info_3", "4": "grade.info_4"}
	scopeKeys    = map[string]string{"owner": "scope.owner", "agencies": "scope.agencies", "all": "scope.all"}
	// actionKeys translate app.Action by its code; the texts take {{.Owner}} and {{.Status}}.
	actionKeys = map[string]string{
		"seize_document": "action.seize_document", "verify_recovered": "action.verify_recovered",
		"hold_vehicle": "action.hold_vehicle", "seize_firearm": "action.seize_firearm",
		"arrest_contact_owner": "action.arrest_contact_owner", "protect_missing": "action.protect_missing",
		"protect_victim": "action.protect_victim", "discreet_check": "action.discreet_check",
		"record_encounter": "action.record_encounter", "report_to_owner": "action.report_to_owner",
		"contact_owner": "action.contact_owner",
	}
	matchKeys = map[string]string{"exact": "match.exact", "normalised": "match.normalised", "confusable": "match.confusable"}
	// routeKeys name the routes of screening explanations; transliteration routes add
	// their system ("uk:kmu55") after the name.
	routeKeys = map[string]string{
		"identical": "route.identical", "transliteration": "route.transliteration", "cognate": "route.cognate",
		"hypocoristic": "route.hypocoristic", "inflection": "route.inflection", "skeleton": "route.skeleton", "phonetic": "route.phonetic", "typo(d=1)": "route.typo1", "typo(d=2)": "route.typo2",
		"gender-form": "route.gender_form", "mrz-truncation": "route.mrz_truncation", "initial": "route.initial",
	}
	// translitLangKeys and translitSystemKeys name the parts of a transliteration system
	// ("uk:kmu55", "ka:via-ru:de", "latin:de-reading") in the reader's language.
	translitLangKeys   = map[string]string{"uk": "translit.lang.uk", "ru": "translit.lang.ru", "be": "translit.lang.be", "mo": "translit.lang.mo", "sr": "translit.lang.sr", "ka": "translit.lang.ka", "latin": "translit.lang.latin"}
	translitSystemKeys = map[string]string{
		"pass2007":      "translit.pass2007",
		"mvd310":        "translit.mvd310",
		"wiki":          "translit.wiki",
		"national":      "translit.national",
		"latin":         "translit.latin",
		"de":            "translit.de",
		"fr":            "translit.fr",
		"pl":            "translit.pl",
		"cs":            "translit.cs",
		"hu":            "translit.hu",
		"ro":            "translit.ro",
		"lt":            "translit.lt",
		"lv":            "translit.lv",
		"et":            "translit.et",
		"nl":            "translit.nl",
		"sv":            "translit.sv",
		"ja":            "translit.ja",
		"en":            "translit.en",
		"via-ru":        "translit.via_ru",
		"ru-form":       "translit.ru_form",
		"stem":          "translit.stem",
		"mrz":           "translit.mrz",
		"hard-c":        "translit.hard_c",
		"spelled-out":   "translit.spelled_out",
		"de-reading":    "translit.de_reading",
		"it-reading":    "translit.it_reading",
		"hu-reading":    "translit.hu_reading",
		"en-reading":    "translit.en_reading",
		"fr-reading":    "translit.fr_reading",
		"nl-reading":    "translit.nl_reading",
		"tr-reading":    "translit.tr_reading",
		"ja-reading":    "translit.ja_reading",
		"ja-long":       "translit.ja_long",
		"pt-reading":    "translit.pt_reading",
		"ko-reading":    "translit.ko_reading",
		"caron-reading": "translit.caron_reading",
		"pl-reading":    "translit.pl_reading",
		"be-reading":    "translit.be_reading",
	}
	// translitStandards are the systems known by a standard's name, the same in
	// every language.
	translitStandards = map[string]string{"kmu55": "KMU 55 (2010)", "icao": "ICAO 9303", "bgn": "BGN/PCGN",
		"bgn1965": "BGN/PCGN 1965", "bgn1981": "BGN/PCGN 1981", "bgn2002": "BGN/PCGN 2002", "iso9": "ISO 9",
		"iso9984": "ISO 9984", "gost52535": "GOST R 52535.1", "gost779b": "GOST 7.79 B"}
	partRoleKeys = map[string]string{"given": "name_role.given", "surname": "name_role.surname",
		"patronymic": "name_role.patronymic", "unknown": "name_role.unknown"}
	factorKeys  = map[string]string{"birthDate": "factor.birth_date", "nationality": "factor.nationality", "gender": "factor.gender", "evidence": "factor.evidence"}
	outcomeKeys = map[string]string{"exact": "outcome.exact", "year": "outcome.year", "same-year": "outcome.same_year",
		"near-year": "outcome.near_year", "mismatch": "outcome.mismatch", "match": "outcome.match", "short-name": "outcome.short_name",
		"common-name": "outcome.common_name"}
	mrzFieldKeys = map[string]string{ident.FieldDocumentNumber: "mrz.document_number", ident.FieldBirthDate: "mrz.birth_date",
		ident.FieldExpiryDate: "mrz.expiry_date", ident.FieldPersonalNumber: "mrz.personal_number", ident.FieldComposite: "mrz.composite"}
	hitStatusKeys = map[string]string{"pending": "hit_status.pending", "confirmed": "hit_status.confirmed", "rejected": "hit_status.rejected"}
)

// routeText names a screening route in the reader's language; a transliteration
// names its systems ("uk:kmu55/ru:wiki" → "Ukrainian, KMU 55 (2010) / Russian,
// Wikipedia usage").
func routeText(l *i18n.Locale, route string) string {
	if systems, ok := strings.CutPrefix(route, "transliteration:"); ok {
		var parts []string
		for _, sys := range strings.Split(systems, "/") {
			parts = append(parts, systemText(l, sys))
		}
		return enumText(l, routeKeys, "transliteration") + " (" + strings.Join(parts, " / ") + ")"
	}
	return enumText(l, routeKeys, route)
}

// systemText names one transliteration system: its source language, then each
// step ("ka:via-ru:de" → "Georgian, through Russian, German usage"). An unknown
// part is shown as it is.
func systemText(l *i18n.Locale, sys string) string {
	parts := strings.Split(sys, ":")
	out := []string{enumText(l, translitLangKeys, parts[0])}
	for _, p := range parts[1:] {
		if std, ok := translitStandards[p]; ok {
			out = append(out, std)
			continue
		}
		out = append(out, enumText(l, translitSystemKeys, p))
	}
	return strings.Join(out, ", ")
}

// valueText translates an enumerated property value, or returns it as it is.
func valueText(l *i18n.Locale, v string) string { return enumText(l, valueKeys, v) }

// queryKindKeys name the kinds of query that produced a hit.
var queryKindKeys = map[string]string{"document": "check.kind_document", "mrz": "check.kind_mrz", "vehicle": "check.kind_vehicle",
	"firearm": "check.kind_firearm", "mrz-holder": "check.kind_holder", "name": "check.kind_name"}

// versionOpKeys name the changes of a record's history.
var versionOpKeys = map[string]string{"create": "record.op_create", "update": "record.op_update", "archive": "record.op_archive"}
