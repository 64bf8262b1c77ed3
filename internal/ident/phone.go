package ident

import (
	"errors"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// maxPhone is the longest raw phone number accepted, in bytes; the
// phonenumbers library itself stops at 250.
const maxPhone = 100

// Phone returns the E.164 form of a phone number ("+380501234567"), its search
// key. A number written without "+" and the country code is read as a number
// of defaultRegion, an ISO 3166-1 alpha-2 code ("UA"), which may be empty
// when every number is written with "+". Numbers that cannot be assigned
// according to the numbering plan of their country are an error; an
// extension, if any, is dropped from the key.
func Phone(raw, defaultRegion string) (string, error) {
	region := strings.ToUpper(strings.TrimSpace(defaultRegion))
	if region != "" && !isCountryCode(region) {
		return "", errorf(KindPhone, "default region must be an ISO 3166-1 alpha-2 code such as UA, got %q", defaultRegion)
	}
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return "", errorf(KindPhone, "phone number is empty")
	case len(s) > maxPhone:
		return "", errorf(KindPhone, "phone number must be at most %d characters, got %d", maxPhone, len(s))
	}
	if region == "" {
		region = "ZZ" // the library's unknown region: only "+..." numbers parse
	}
	num, err := phonenumbers.Parse(s, region)
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode) && region == "ZZ":
		return "", errorf(KindPhone, "phone number must start with + and the country code, or a default region must be given")
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return "", errorf(KindPhone, "phone number has no valid country code: start it with + and the country code")
	case errors.Is(err, phonenumbers.ErrTooShortNSN):
		return "", errorf(KindPhone, "phone number is too short")
	case err != nil:
		return "", errorf(KindPhone, "not a phone number")
	}
	if !phonenumbers.IsValidNumber(num) {
		cc := int(num.GetCountryCode())
		r := phonenumbers.GetRegionCodeForCountryCode(cc)
		if phonenumbers.GetCountryCodeForRegion(region) == cc {
			r = region // +1 is also CA, +7 also KZ: name the region the user chose
		}
		if isCountryCode(r) && r != "ZZ" {
			return "", errorf(KindPhone, "not a valid phone number for region %s", r)
		}
		return "", errorf(KindPhone, "not a valid phone number for country code +%d", cc)
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}
