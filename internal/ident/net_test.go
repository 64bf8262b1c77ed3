package ident

import (
	"strings"
	"testing"
)

func TestIP(t *testing.T) {
	runKeyTests(t, KindIP, IP, []keyTest{
		{"IPv4", " 192.0.2.1 ", "192.0.2.1", ""},
		{"IPv6Canonical", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1", ""},
		{"IPv6Brackets", "[::1]", "::1", ""},
		{"IPv4MappedUnmapped", "::ffff:192.0.2.1", "192.0.2.1", ""},
		{"Prefix", "192.0.2.0/24", "", "IP address must not include a prefix length"},
		{"Port", "192.0.2.1:443", "", "IP address must not include a port"},
		{"PortIPv6", "[2001:db8::1]:443", "", "IP address must not include a port"},
		{"Zone", "fe80::1%eth0", "", "IP address must not include a zone"},
		{"OctetTooLarge", "300.1.1.1", "", "not a valid IP address"},
		{"LeadingZero", "010.1.1.1", "", "not a valid IP address"},
		{"Empty", "", "", "IP address is empty"},
	})
}

func TestDomain(t *testing.T) {
	runKeyTests(t, KindDomain, Domain, []keyTest{
		{"LowerCasedTrailingDot", " Example.COM. ", "example.com", ""},
		{"Subdomain", "mail.gov.ua", "mail.gov.ua", ""},
		{"IDN", "bücher.de", "xn--bcher-kva.de", ""},
		{"IDNUpperCaseALabel", "XN--BCHER-KVA.DE", "xn--bcher-kva.de", ""},
		{"UkrainianIDN", "приклад.укр", "xn--80aikifvh.xn--j1amh", ""},
		{"IdeographicFullStop", "example。com", "example.com", ""},
		{"SingleLabel", "localhost", "", "domain name must have at least two labels, such as example.com"},
		{"URL", "https://example.com/path", "", "domain name must not include a URL scheme such as https://"},
		{"Space", "exa mple.com", "", `domain name label "exa mple" contains invalid character ' '`},
		{"Underscore", "_dmarc.example.com", "", `domain name label "_dmarc" contains invalid character '_'`},
		{"LeadingHyphen", "-bad.example.com", "", `domain name label "-bad" must not start or end with a hyphen`},
		{"EmptyLabel", "example..com", "", "domain name has an empty label"},
		{"LabelTooLong", strings.Repeat("a", 64) + ".com", "", `domain name label "` + strings.Repeat("a", 64) + `" is longer than 63 characters`},
		{"SymbolIDN", "☃.com", "xn--n3h.com", ""},
		{"ZeroWidthJoiner", "exam\u200dple.com", "", "not a valid domain name"},
		{"NumericTLD", "192.0.2.1", "", "domain name must not end in a numeric label; is it an IP address?"},
		{"TooLong", strings.Repeat("abcdefghi.", 26) + "com", "", "domain name must be at most 253 characters, got 263"},
		{"Empty", ".", "", "domain name is empty"},
	})
}

func TestEmail(t *testing.T) {
	runKeyTests(t, KindEmail, Email, []keyTest{
		{"LowerCased", " Anna.Maria@Example.COM ", "anna.maria@example.com", ""},
		{"PlusTag", "anna+case42@example.com", "anna+case42@example.com", ""},
		{"IDNDomain", "info@bücher.de", "info@xn--bcher-kva.de", ""},
		{"UnicodeLocalPart", "Олена@example.com", "олена@example.com", ""},
		{"DisplayName", "Anna Eriksson <anna@example.com>", "", "e-mail address must not include a display name"},
		{"AngleBrackets", "<anna@example.com>", "", "e-mail address must not include a display name"},
		{"CommentAsName", "anna@example.com (Anna)", "", "e-mail address must not include a display name"},
		{"QuotedLocalPart", `"anna eriksson"@example.com`, "", "e-mail address must not have a quoted local part"},
		{"NoAt", "anna.example.com", "", "e-mail address must contain @"},
		{"TwoAts", "anna@b@example.com", "", "not a valid e-mail address"},
		{"SingleLabelDomain", "anna@localhost", "", "e-mail domain must have at least two labels, such as example.com"},
		{"DomainLiteral", "anna@[192.0.2.1]", "", `e-mail domain label "[192" contains invalid character '['`},
		{"LocalPartTooLong", strings.Repeat("a", 65) + "@example.com", "", "e-mail local part must be at most 64 characters, got 65"},
		{"Empty", "", "", "e-mail address is empty"},
	})
}
