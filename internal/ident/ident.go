// Package ident validates and normalises the identifiers officers search by:
// machine-readable zones of travel documents, document numbers, vehicle
// identification numbers, licence plates, firearm serial numbers, phone
// numbers, IBANs and BICs, e-mail addresses, crypto-currency wallet addresses,
// IP addresses and domain names.
//
// Every function is pure: no I/O, no clock (callers pass the reference date
// where one is needed), no package state that changes after initialisation.
// The package-level tables are read-only.
//
// Invariants, checked by the fuzz targets:
//   - a normaliser returns either a key and a nil error, or an empty key and
//     an *Error saying what is wrong with the raw value;
//   - normalising a key again returns the same key (idempotence), so keys can
//     be stored and compared byte for byte;
//   - no input makes a function panic.
//
// The key is what is indexed and compared; the caller keeps the raw value as
// typed or read, for display and for the record.
package ident

import "fmt"

// Kind names a kind of identifier. Its value is stable and fit for storage,
// URLs and form values.
type Kind string

// The kinds of identifier this package knows.
const (
	KindMRZ            Kind = "mrz"
	KindDocumentNumber Kind = "document_number"
	KindVIN            Kind = "vin"
	KindPlate          Kind = "plate"
	KindSerial         Kind = "serial"
	KindPhone          Kind = "phone"
	KindIBAN           Kind = "iban"
	KindBIC            Kind = "bic"
	KindEmail          Kind = "email"
	KindWallet         Kind = "wallet"
	KindIP             Kind = "ip"
	KindDomain         Kind = "domain"
)

// Error is the one error type of the package: the raw value of an identifier
// of kind Kind is not acceptable, for the reason given in Problem. Callers
// find it with errors.As and attach Problem to the form field.
type Error struct {
	Kind    Kind   // kind of identifier being validated
	Problem string // what is wrong, in a sentence for the user, e.g. "IBAN check digits do not match"
}

// Error returns the problem.
func (e *Error) Error() string { return e.Problem }

// errorf returns an *Error of kind k with a formatted problem.
func errorf(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Problem: fmt.Sprintf(format, args...)}
}

// Options carries the context some identifiers need to be normalised.
type Options struct {
	// Country is an ISO 3166-1 alpha-2 code: the country of a licence plate,
	// or the region assumed for a phone number written without "+".
	Country string
}

// Normalise returns the search key of raw read as an identifier of kind k:
// for a VIN or a wallet address the key of ParseVIN or ParseWallet, for a
// firearm serial the exact key of Serial. An MRZ has no single key (parse it
// with ParseMRZ and search by its document number), so KindMRZ, like an
// unknown kind, is an error.
func Normalise(k Kind, raw string, opts Options) (string, error) {
	switch k {
	case KindDocumentNumber:
		return DocumentNumber(raw)
	case KindVIN:
		v, err := ParseVIN(raw)
		return v.Key, err
	case KindPlate:
		return Plate(raw, opts.Country)
	case KindSerial:
		exact, _, err := Serial(raw)
		return exact, err
	case KindPhone:
		return Phone(raw, opts.Country)
	case KindIBAN:
		return IBAN(raw)
	case KindBIC:
		return BIC(raw)
	case KindEmail:
		return Email(raw)
	case KindWallet:
		w, err := ParseWallet(raw)
		return w.Key, err
	case KindIP:
		return IP(raw)
	case KindDomain:
		return Domain(raw)
	case KindMRZ:
		return "", errorf(k, "an MRZ has no single search key; search by its document number")
	}
	return "", errorf(k, "unknown identifier kind %q", string(k))
}
