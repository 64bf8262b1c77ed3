package iforce

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// AgencyKind says what an agency is; it bounds what its users may be given.
type AgencyKind string

// The agency kinds.
const (
	AgencyNCB           AgencyKind = "ncb"
	AgencyNationalUnit  AgencyKind = "national_unit"
	AgencyProgramme     AgencyKind = "programme"
	AgencyPartnerOrg    AgencyKind = "partner_org"
	AgencyInternational AgencyKind = "international"
)

// AgencyKinds lists every agency kind in display order.
var AgencyKinds = []AgencyKind{AgencyNCB, AgencyNationalUnit, AgencyProgramme, AgencyPartnerOrg, AgencyInternational}

// Agency is a member organisation: an NCB, a national specialised unit, the programme
// team, a humanitarian partner organisation or an international body.
type Agency struct {
	ID        int64
	Code      string // unique, upper-case, e.g. "UA-NCB"
	Name      string
	Country   string // ISO 3166-1 alpha-2
	Kind      AgencyKind
	Active    bool
	CreatedAt time.Time
}

var agencyCodeRE = regexp.MustCompile(`^[A-Z0-9][A-Z0-9_-]{1,31}$`)

// NormaliseAgencyCode upper-cases and trims a code as users type it.
func NormaliseAgencyCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// Validate checks an agency's fields and normalises code and country.
func (a *Agency) Validate() error {
	var p Problems
	a.Code = NormaliseAgencyCode(a.Code)
	a.Name = strings.TrimSpace(a.Name)
	a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
	if !agencyCodeRE.MatchString(a.Code) {
		p.Add("code", "must be 2 to 32 characters A-Z, 0-9, '-' or '_', starting with a letter or digit")
	}
	if a.Name == "" {
		p.Add("name", "is required")
	} else if utf8.RuneCountInString(a.Name) > 200 {
		p.Add("name", "must be at most 200 characters")
	}
	if !IsCountryCode(a.Country) {
		p.Add("country", "must be an ISO 3166-1 alpha-2 code such as UA or MD")
	}
	if !slices.Contains(AgencyKinds, a.Kind) {
		p.Add("kind", "must be one of ncb, national_unit, programme, partner_org, international")
	}
	return p.Err()
}

// Role is a job a user does; roles grant actions through the access policy.
type Role string

// The roles.
const (
	RoleOfficer     Role = "officer"
	RoleAnalyst     Role = "analyst"
	RoleSupervisor  Role = "supervisor"
	RoleCoordinator Role = "coordinator"
	RoleAuditor     Role = "auditor"
	RoleAdmin       Role = "admin"
	RolePartner     Role = "partner"
)

// Roles lists every role in display order.
var Roles = []Role{RoleOfficer, RoleAnalyst, RoleSupervisor, RoleCoordinator, RoleAuditor, RoleAdmin, RolePartner}

// Clearance unlocks categories of especially sensitive data, separately from roles.
type Clearance string

// The clearances.
const (
	ClearanceVictimData Clearance = "victim_data"
	ClearanceChildData  Clearance = "child_data"
)

// Clearances lists every clearance.
var Clearances = []Clearance{ClearanceVictimData, ClearanceChildData}

// ParseRoles parses a comma-separated role list, rejecting unknown and empty lists.
func ParseRoles(s string) ([]Role, error) {
	var out []Role
	for _, f := range splitList(s) {
		r := Role(f)
		if !slices.Contains(Roles, r) {
			return nil, &Error{Kind: KindInvalid, Message: "invalid input", Fields: []FieldProblem{{"role", "unknown role " + quote(f) + "; roles are officer, analyst, supervisor, coordinator, auditor, admin, partner"}}}
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, &Error{Kind: KindInvalid, Message: "invalid input", Fields: []FieldProblem{{"role", "at least one role is required"}}}
	}
	slices.Sort(out)
	return out, nil
}

// ParseClearances parses a comma-separated clearance list; empty is allowed.
func ParseClearances(s string) ([]Clearance, error) {
	var out []Clearance
	for _, f := range splitList(s) {
		c := Clearance(f)
		if !slices.Contains(Clearances, c) {
			return nil, &Error{Kind: KindInvalid, Message: "invalid input", Fields: []FieldProblem{{"clearance", "unknown clearance " + quote(f) + "; clearances are victim_data, child_data"}}}
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func quote(s string) string { return "\"" + s + "\"" }

// User is a person who signs in on behalf of an agency.
type User struct {
	ID          int64
	Username    string
	Name        string
	AgencyID    int64
	Agency      string // agency code, filled when read
	Roles       []Role
	Clearances  []Clearance
	Disabled    bool
	MFAEnabled  bool // true once the user has enrolled a TOTP second factor
	Locale      string
	CreatedAt   time.Time
	LastLoginAt time.Time // zero when the user never signed in
}

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// NormaliseUsername lower-cases and trims a username.
func NormaliseUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Validate checks a user's fields and normalises the username.
func (u *User) Validate() error {
	var p Problems
	u.Username = NormaliseUsername(u.Username)
	u.Name = strings.TrimSpace(u.Name)
	if !usernameRE.MatchString(u.Username) {
		p.Add("username", "must be 2 to 64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit")
	}
	if u.Name == "" {
		p.Add("name", "is required")
	} else if utf8.RuneCountInString(u.Name) > 200 {
		p.Add("name", "must be at most 200 characters")
	}
	if len(u.Roles) == 0 {
		p.Add("role", "at least one role is required")
	}
	for _, r := range u.Roles {
		if !slices.Contains(Roles, r) {
			p.Add("role", "unknown role "+quote(string(r)))
		}
	}
	for _, c := range u.Clearances {
		if !slices.Contains(Clearances, c) {
			p.Add("clearance", "unknown clearance "+quote(string(c)))
		}
	}
	if u.Locale != "" && !slices.Contains(Locales, u.Locale) {
		p.Add("locale", "must be one of en, uk, ro")
	}
	return p.Err()
}

// Locales are the interface languages, the first being the default.
var Locales = []string{"en", "uk", "ro"}

// Principal is who acts: a user of an agency, with the scopes of the credential used.
type Principal struct {
	UserID     int64
	Username   string
	Name       string
	AgencyID   int64
	Agency     string // agency code
	Country    string
	AgencyKind AgencyKind
	Roles      []Role
	Clearances []Clearance
	// TokenID is set when the principal authenticated with an API token.
	TokenID string
	// System is the node operator acting through the CLI on the machine itself: it
	// administers the node but reads no operational data.
	System bool
	// Service is a batch job the node operator runs on behalf of an agency (list
	// screening from the CLI): it acts with the agency's officer role, no user.
	Service bool
}

// ServicePrincipal returns the principal of a batch job run for agency a.
func ServicePrincipal(a *Agency, job string) *Principal {
	return &Principal{Username: job, Name: job, AgencyID: a.ID, Agency: a.Code, Country: a.Country, AgencyKind: a.Kind,
		Roles: []Role{RoleOfficer}, Service: true}
}

// SystemPrincipal returns the principal of CLI administration commands.
func SystemPrincipal() *Principal { return &Principal{Username: "system", System: true} }

// Has reports whether the principal holds role r.
func (p *Principal) Has(r Role) bool { return p != nil && slices.Contains(p.Roles, r) }

// Cleared reports whether the principal holds clearance c.
func (p *Principal) Cleared(c Clearance) bool { return p != nil && slices.Contains(p.Clearances, c) }

// Token is an API credential of a user. Only its hash is stored; Secret is filled once,
// when the token is created.
type Token struct {
	ID         string // public identifier, also the token's prefix
	UserID     int64
	Name       string
	Roles      []Role // the subset of the user's roles the token may use; empty = all
	CreatedAt  time.Time
	ExpiresAt  time.Time
	RevokedAt  time.Time
	LastUsedAt time.Time
	Secret     string
}

// Active reports whether the token may be used at time now.
func (t *Token) Active(now time.Time) bool {
	return t.RevokedAt.IsZero() && now.Before(t.ExpiresAt)
}

// MaxTokenTTL bounds an API token's lifetime.
const MaxTokenTTL = 365 * 24 * time.Hour
