package access

import (
	"testing"

	"github.com/iforce-platform/iforce/internal/iforce"
)

const (
	ua = 1 // the principal's agency in these cases
	md = 2
	pl = 3
)

func principal(roles []iforce.Role, clearances ...iforce.Clearance) *iforce.Principal {
	return &iforce.Principal{UserID: 7, AgencyID: ua, Agency: "UA-NCB", Roles: roles, Clearances: clearances}
}

func roles(rs ...iforce.Role) []iforce.Role { return rs }

var (
	ownRecord      = &Object{Owner: ua, Scope: ScopeOwner, Handling: "H0"}
	mdOwnerOnly    = &Object{Owner: md, Scope: ScopeOwner, Handling: "H0"}
	mdToAll        = &Object{Owner: md, Scope: ScopeAll, Handling: "H1"}
	mdToAllH2      = &Object{Owner: md, Scope: ScopeAll, Handling: "H2"}
	mdToUA         = &Object{Owner: md, Scope: ScopeAgencies, Agencies: []int64{ua}, Handling: "H0"}
	mdToPL         = &Object{Owner: md, Scope: ScopeAgencies, Agencies: []int64{pl}, Handling: "H0"}
	ownVictim      = &Object{Owner: ua, Scope: ScopeOwner, Victim: true}
	ownChildVictim = &Object{Owner: ua, Scope: ScopeOwner, Victim: true, Child: true}
)

func TestDecide(t *testing.T) {
	officer := principal(roles(iforce.RoleOfficer))
	analystCleared := principal(roles(iforce.RoleAnalyst), iforce.ClearanceVictimData)
	analystChild := principal(roles(iforce.RoleAnalyst), iforce.ClearanceVictimData, iforce.ClearanceChildData)
	admin := principal(roles(iforce.RoleAdmin), iforce.ClearanceVictimData, iforce.ClearanceChildData)
	auditor := principal(roles(iforce.RoleAuditor))
	partner := principal(roles(iforce.RolePartner))
	coordinator := principal(roles(iforce.RoleCoordinator))
	system := iforce.SystemPrincipal()

	cases := []struct {
		name   string
		p      *iforce.Principal
		a      Action
		o      *Object
		allows bool
	}{
		// Authentication
		{"anonymous lists agencies", nil, AgencyList, nil, false},
		{"anonymous reads", &iforce.Principal{}, RecordRead, mdToAll, false},
		// Administration and separation of duties
		{"admin manages users", admin, UserManage, nil, true},
		{"admin manages agencies", admin, AgencyManage, nil, true},
		{"officer cannot manage users", officer, UserManage, nil, false},
		{"auditor cannot manage agencies", auditor, AgencyManage, nil, false},
		{"admin reads no own-agency record", admin, RecordRead, ownRecord, false},
		{"admin reads no shared record", admin, RecordRead, mdToAll, false},
		{"admin lists no records", admin, RecordList, nil, false},
		{"admin creates no records", admin, RecordCreate, nil, false},
		{"admin reads no audit trail", admin, AuditRead, nil, false},
		{"auditor reads audit trail", auditor, AuditRead, nil, true},
		{"auditor verifies", auditor, AuditVerify, nil, true},
		{"auditor rotates no key", auditor, AuditKeyRotate, nil, false},
		{"system rotates the audit key", system, AuditKeyRotate, nil, true},
		{"admin rotates no key", admin, AuditKeyRotate, nil, false},
		{"auditor reads no record", auditor, RecordRead, mdToAll, false},
		{"auditor lists no records", auditor, RecordList, nil, false},
		{"officer reads no audit trail", officer, AuditRead, nil, false},
		{"everyone lists agencies", partner, AgencyList, nil, true},
		{"everyone manages own tokens", auditor, TokenOwn, nil, true},
		{"admin cannot issue tokens for others", admin, TokenIssue, nil, false},
		{"system issues tokens", system, TokenIssue, nil, true},
		{"system manages users", system, UserManage, nil, true},
		{"system reads no records", system, RecordRead, mdToAll, false},
		{"system lists no records", system, RecordList, nil, false},
		// Visibility
		{"officer reads own agency's record", officer, RecordRead, ownRecord, true},
		{"officer reads record shared with all", officer, RecordRead, mdToAll, true},
		{"officer reads record shared with her agency", officer, RecordRead, mdToUA, true},
		{"officer cannot read owner-only record of another agency", officer, RecordRead, mdOwnerOnly, false},
		{"officer cannot read record shared with others", officer, RecordRead, mdToPL, false},
		{"partner reads what is addressed to it", partner, RecordRead, mdToUA, true},
		{"partner cannot read what is shared with all", partner, RecordRead, mdToAll, false},
		{"partner lists (filtered)", partner, RecordList, nil, true},
		{"officer screens (filtered)", officer, RecordScreen, nil, true},
		{"partner screens (filtered)", partner, RecordScreen, nil, true},
		{"admin screens no names", admin, RecordScreen, nil, false},
		{"auditor screens no names", auditor, RecordScreen, nil, false},
		{"system screens no names", system, RecordScreen, nil, false},
		{"partner creates no records", partner, RecordCreate, nil, false},
		{"officer creates records", officer, RecordCreate, nil, true},
		// Clearances
		{"victim record needs clearance", officer, RecordRead, ownVictim, false},
		{"cleared analyst reads victim", analystCleared, RecordRead, ownVictim, true},
		{"child victim needs child clearance", analystCleared, RecordRead, ownChildVictim, false},
		{"child-cleared analyst reads child victim", analystChild, RecordRead, ownChildVictim, true},
		// Owner control
		{"owner edits", officer, RecordUpdate, ownRecord, true},
		{"owner deletes", coordinator, RecordDelete, ownRecord, true},
		{"non-owner cannot edit a visible record", officer, RecordUpdate, mdToAll, false},
		{"non-owner cannot delete a visible record", officer, RecordDelete, mdToUA, false},
		{"partner cannot edit even what it sees", partner, RecordUpdate, mdToUA, false},
		{"edit of invisible record denied", officer, RecordUpdate, mdOwnerOnly, false},
		// Handling codes
		{"export H1 shared record", officer, RecordExport, mdToAll, true},
		{"no export of another's H2 record", officer, RecordExport, mdToAllH2, false},
		{"owner exports own H2", officer, RecordExport, &Object{Owner: ua, Scope: ScopeOwner, Handling: "H2"}, true},
		{"unknown action", officer, Action("x.y"), nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := Decide(tc.p, tc.a, tc.o)
			if d.Allowed != tc.allows {
				t.Errorf("Decide(%s) = %v (%s), want %v", tc.a, d.Allowed, d.Rule, tc.allows)
			}
			if d.Rule == "" {
				t.Error("decision without a rule")
			}
		})
	}
}

// TestEveryActionHasRule fails when an action is added without a rule.
func TestEveryActionHasRule(t *testing.T) {
	ps := []*iforce.Principal{iforce.SystemPrincipal()}
	for _, r := range iforce.Roles {
		ps = append(ps, principal(roles(r), iforce.Clearances...))
	}
	for _, a := range Actions {
		for _, p := range ps {
			if d := Decide(p, a, ownRecord); d.Rule == "no rule for action" {
				t.Errorf("action %s has no rule", a)
			}
		}
	}
}

// TestAdminReadsNoOperationalData covers every record action for admin and auditor.
func TestAdminReadsNoOperationalData(t *testing.T) {
	for _, r := range []iforce.Role{iforce.RoleAdmin, iforce.RoleAuditor} {
		p := principal(roles(r), iforce.Clearances...)
		for _, a := range []Action{RecordRead, RecordList, RecordCreate, RecordUpdate, RecordDelete, RecordExport} {
			for _, o := range []*Object{ownRecord, mdToAll, mdToUA} {
				if Decide(p, a, o).Allowed {
					t.Errorf("%s may %s", r, a)
				}
			}
		}
		if !VisibilityFor(p).None {
			t.Errorf("%s has a visibility filter that shows data", r)
		}
	}
}

func TestPresence(t *testing.T) {
	officer := VisibilityFor(principal(roles(iforce.RoleOfficer)))
	partner := VisibilityFor(principal(roles(iforce.RolePartner)))
	admin := VisibilityFor(principal(roles(iforce.RoleAdmin)))
	cleared := VisibilityFor(principal(roles(iforce.RoleOfficer), iforce.ClearanceVictimData))
	for _, tc := range []struct {
		name string
		v    Visibility
		o    *Object
		want bool
	}{
		{"officer learns of an owner-only record", officer, mdOwnerOnly, true},
		{"officer learns nothing of a victim", officer, &Object{Owner: md, Scope: ScopeOwner, Victim: true}, false},
		{"cleared officer learns of a victim", cleared, &Object{Owner: md, Scope: ScopeOwner, Victim: true}, true},
		{"cleared officer learns nothing of a child", cleared, &Object{Owner: md, Scope: ScopeOwner, Victim: true, Child: true}, false},
		{"partner learns nothing", partner, mdOwnerOnly, false},
		{"admin learns nothing", admin, mdOwnerOnly, false},
	} {
		if got := tc.v.Presence(tc.o); got != tc.want {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

func TestServicePrincipal(t *testing.T) {
	svc := iforce.ServicePrincipal(&iforce.Agency{ID: ua, Code: "UA-NCB", Country: "UA"}, "cli:screen")
	if !Decide(svc, RecordCheck, nil).Allowed || !Decide(svc, RecordRead, mdToAll).Allowed {
		t.Error("a service job of an agency cannot check or read what the agency sees")
	}
	if Decide(svc, RecordRead, mdOwnerOnly).Allowed || Decide(svc, UserManage, nil).Allowed {
		t.Error("a service job sees more than its agency or administers")
	}
}
