package ident

import (
	"net/mail"
	"strings"
)

// Email returns the search key of an e-mail address: the local part
// lower-cased (nearly every provider ignores its case, and a missed match
// costs more than a false one) and the domain normalised as by Domain. The
// raw value must be a bare address: a display name ("Anna <anna@example.com>")
// or a quoted local part is an error.
func Email(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return "", errorf(KindEmail, "e-mail address is empty")
	case len(s) > 254:
		return "", errorf(KindEmail, "e-mail address must be at most 254 characters, got %d", len(s))
	case strings.ContainsAny(s, "<>"):
		return "", errorf(KindEmail, "e-mail address must not include a display name")
	case strings.Contains(s, `"`):
		return "", errorf(KindEmail, "e-mail address must not have a quoted local part")
	case !strings.Contains(s, "@"):
		return "", errorf(KindEmail, "e-mail address must contain @")
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", errorf(KindEmail, "not a valid e-mail address")
	}
	if a.Name != "" {
		return "", errorf(KindEmail, "e-mail address must not include a display name")
	}
	at := strings.LastIndexByte(a.Address, '@')
	local := strings.ToLower(a.Address[:at])
	if len(local) > 64 {
		return "", errorf(KindEmail, "e-mail local part must be at most 64 characters, got %d", len(local))
	}
	d, err := domain(KindEmail, "e-mail domain", a.Address[at+1:])
	if err != nil {
		return "", err
	}
	return local + "@" + d, nil
}
