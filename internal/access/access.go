// Package access is the one authorisation policy of I-FORCE. Decide answers whether a
// principal may perform an action on an object; Visibility turns the same read rules
// into a SQL filter for lists and searches, so a list can never show what a read would
// refuse. The package is pure: no I/O, no clock, no globals that change.
package access

import (
	"slices"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// Action is something a principal asks to do.
type Action string

// The actions. Administrative actions concern the node itself; record actions concern
// operational data (persons, documents, vehicles, …).
const (
	AgencyList   Action = "agency.list"
	AgencyManage Action = "agency.manage"
	UserManage   Action = "user.manage"
	TokenOwn     Action = "token.own"   // create, list and revoke one's own API tokens
	TokenIssue   Action = "token.issue" // issue or revoke a token for any user (node operator)
	AuditRead    Action = "audit.read"
	AuditVerify  Action = "audit.verify"
	// AuditKeyRotate records the rotation of the node's audit signing key.
	AuditKeyRotate Action = "audit.key_rotate"

	RecordRead   Action = "record.read"
	RecordList   Action = "record.list"
	RecordCreate Action = "record.create"
	RecordUpdate Action = "record.update"
	RecordDelete Action = "record.delete"
	RecordExport Action = "record.export"
	RecordReview Action = "record.review" // the agency's list of records due for review
	RecordImport Action = "record.import" // bulk import on behalf of an agency
	RecordCheck  Action = "record.check"  // frontline identifier and document checks
	HitDecide    Action = "hit.decide"    // confirm or reject a hit on the agency's record
	RecordScreen Action = "record.screen" // name screening, filtered by visibility like a list
)

// Actions lists every action; a test checks each has a rule.
var Actions = []Action{AgencyList, AgencyManage, UserManage, TokenOwn, TokenIssue, AuditRead, AuditVerify, AuditKeyRotate,
	RecordRead, RecordList, RecordCreate, RecordUpdate, RecordDelete, RecordExport, RecordReview, RecordImport, RecordCheck, HitDecide, RecordScreen}

// Scope is how widely a protected object is distributed.
type Scope string

// The distribution scopes.
const (
	ScopeOwner    Scope = "owner"    // the owner agency only
	ScopeAgencies Scope = "agencies" // the owner and the named agencies
	ScopeAll      Scope = "all"      // every operational member agency
)

// Object is what the policy needs to know of a protected object. Administrative
// actions take a nil object.
type Object struct {
	Owner    int64   // owner agency id
	Scope    Scope   // distribution scope
	Agencies []int64 // named agencies when Scope is ScopeAgencies
	Victim   bool    // the object concerns a victim: needs the victim_data clearance
	Child    bool    // the object concerns a child: needs the child_data clearance too
	Handling string  // H0..H3
}

// Decision is the outcome of Decide, with the rule that produced it for the audit log.
type Decision struct {
	Allowed bool
	Rule    string
}

func allow(rule string) Decision { return Decision{true, rule} }
func deny(rule string) Decision  { return Decision{false, rule} }

// operational roles read and write operational data on behalf of their agency.
var operational = []iforce.Role{iforce.RoleOfficer, iforce.RoleAnalyst, iforce.RoleSupervisor, iforce.RoleCoordinator}

func hasAny(p *iforce.Principal, roles ...iforce.Role) bool {
	return slices.ContainsFunc(roles, p.Has)
}

// Decide answers whether principal p may perform action a on object o.
//
// Separation of duties: admin manages agencies and users and reads no operational data;
// auditor reads the audit trail and nothing operational; partner sees only what is
// addressed to its organisation by name and never writes records.
func Decide(p *iforce.Principal, a Action, o *Object) Decision {
	if p != nil && p.System {
		switch a {
		case AgencyList, AgencyManage, UserManage, TokenIssue, AuditVerify, AuditRead, AuditKeyRotate:
			return allow("node operator administers the node")
		case RecordImport:
			return allow("node operator imports on behalf of an agency (no read back)")
		}
		return deny("node operator reads no operational data")
	}
	if p == nil || p.UserID == 0 && !p.Service {
		return deny("unauthenticated")
	}
	switch a {
	case TokenIssue:
		return deny("only the node operator issues tokens for other users")
	case AuditKeyRotate:
		return deny("only the node operator rotates the audit key")
	case AgencyList, TokenOwn:
		return allow("any signed-in user")
	case AgencyManage, UserManage:
		if p.Has(iforce.RoleAdmin) {
			return allow("admin manages agencies and users")
		}
		return deny("only admin manages agencies and users")
	case AuditRead, AuditVerify:
		if p.Has(iforce.RoleAuditor) {
			return allow("auditor reads the audit trail")
		}
		return deny("only auditor reads the audit trail")
	case RecordList, RecordScreen:
		if hasAny(p, operational...) || p.Has(iforce.RolePartner) {
			return allow("list filtered by visibility")
		}
		return deny("role reads no operational data")
	case RecordRead:
		return decideRead(p, o)
	case RecordCreate, RecordReview, RecordImport, RecordCheck, HitDecide:
		if hasAny(p, operational...) {
			return allow("operational role writes records for its agency")
		}
		return deny("role writes no records")
	case RecordUpdate, RecordDelete:
		if d := decideRead(p, o); !d.Allowed {
			return d
		}
		if o.Owner != p.AgencyID {
			return deny("only the owner agency edits")
		}
		if !hasAny(p, operational...) {
			return deny("role edits no records")
		}
		return allow("owner agency edits its records")
	case RecordExport:
		if d := decideRead(p, o); !d.Allowed {
			return d
		}
		if o.Owner != p.AgencyID && (o.Handling == "H2" || o.Handling == "H3") {
			return deny("handling code forbids further dissemination without the owner")
		}
		return allow("export of visible record")
	}
	return deny("no rule for action")
}

// decideRead applies the visibility rules to one object; Visibility renders the same
// rules as SQL.
func decideRead(p *iforce.Principal, o *Object) Decision {
	if o == nil {
		return deny("no object")
	}
	if !VisibilityFor(p).Match(o) {
		return deny("not visible to principal")
	}
	return allow("visible to principal")
}
