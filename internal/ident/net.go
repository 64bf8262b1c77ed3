package ident

import (
	"errors"
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// IP returns the canonical text of an IPv4 or IPv6 address, its search key:
// IPv6 in the RFC 5952 form ("2001:db8::1"), IPv4-mapped IPv6 addresses as
// plain IPv4 ("::ffff:192.0.2.1" is "192.0.2.1"). Surrounding brackets are
// accepted; a zone, a port or a prefix length is an error.
func IP(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		s = s[1 : len(s)-1]
	}
	if s == "" {
		return "", errorf(KindIP, "IP address is empty")
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		if _, perr := netip.ParsePrefix(s); perr == nil {
			return "", errorf(KindIP, "IP address must not include a prefix length")
		}
		if _, perr := netip.ParseAddrPort(s); perr == nil {
			return "", errorf(KindIP, "IP address must not include a port")
		}
		return "", errorf(KindIP, "not a valid IP address")
	}
	if a.Zone() != "" {
		return "", errorf(KindIP, "IP address must not include a zone")
	}
	return a.Unmap().String(), nil
}

// maxDomain is the longest domain name in its ASCII form (RFC 1035), without
// the trailing dot.
const maxDomain = 253

// Domain returns the search key of a domain name: its lower-case ASCII form
// (internationalised labels as IDNA A-labels, "bücher.de" is
// "xn--bcher-kva.de") without a trailing dot. The name must have at least two
// labels, each of 1 to 63 letters, digits and hyphens not starting or ending
// with a hyphen, and must not end in a numeric label.
func Domain(raw string) (string, error) {
	return domain(KindDomain, "domain name", raw)
}

// domain implements Domain, reporting errors as kind k and naming the value
// what, so that Email can report problems of its domain part.
func domain(k Kind, what, raw string) (string, error) {
	s := strings.TrimSuffix(strings.TrimSpace(raw), ".")
	switch {
	case s == "":
		return "", errorf(k, "%s is empty", what)
	case len(s) > 4*maxDomain:
		return "", errorf(k, "%s must be at most %d characters", what, maxDomain)
	case strings.Contains(s, "://"):
		return "", errorf(k, "%s must not include a URL scheme such as https://", what)
	}
	if !utf8.ValidString(s) {
		return "", errorf(k, "%s is not valid UTF-8 text", what)
	}
	a, err := idna.Lookup.ToASCII(s)
	if err == nil {
		// Keys must normalise to themselves; an A-label the profile
		// produces but would not accept back is no key.
		var again string
		if again, err = idna.Lookup.ToASCII(a); err == nil && again != a {
			err = errors.New("not idempotent")
		}
	}
	if err != nil {
		if err := labelProblem(k, what, strings.ToLower(s)); err != nil {
			return "", err
		}
		return "", errorf(k, "not a valid %s", what)
	}
	a = strings.ToLower(a)
	if err := labelProblem(k, what, a); err != nil {
		return "", err
	}
	labels := strings.Split(a, ".")
	if len(labels) < 2 {
		return "", errorf(k, "%s must have at least two labels, such as example.com", what)
	}
	if len(a) > maxDomain {
		return "", errorf(k, "%s must be at most %d characters, got %d", what, maxDomain, len(a))
	}
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return "", errorf(k, "%s must not end in a numeric label; is it an IP address?", what)
	}
	return a, nil
}

// labelProblem returns an error for the first label of name that is empty,
// longer than 63 bytes, or starts or ends with a hyphen, and for an ASCII
// label with a character other than a-z, 0-9 and '-'.
func labelProblem(k Kind, what, name string) error {
	for l := range strings.SplitSeq(name, ".") {
		switch {
		case l == "":
			return errorf(k, "%s has an empty label", what)
		case len(l) > 63:
			return errorf(k, "%s label %q is longer than 63 characters", what, l)
		case l[0] == '-' || l[len(l)-1] == '-':
			return errorf(k, "%s label %q must not start or end with a hyphen", what, l)
		}
		for _, r := range l {
			if r <= unicode.MaxASCII && r != '-' && !isUpperAlnum(byte(unicode.ToUpper(r))) {
				return errorf(k, "%s label %q contains invalid character %q", what, l, r)
			}
		}
	}
	return nil
}
