package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/access"
)

// routes registers every page of the UI. h.page loads the session; h.member also
// requires a signed-in user; h.need also requires that the access policy allows the
// action (the app decides again at every call).
func (h *Handler) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /static/{file...}", h.assets.serve)

	// Signing in and out (signin.go) and the language (language.go).
	mux.Handle("GET /signin", h.page(h.showSignIn))
	mux.Handle("POST /signin", h.page(h.checkPassword))
	mux.Handle("GET /signin/enrol", h.page(h.showEnrolment))
	mux.Handle("GET /signin/code", h.page(h.showCode))
	mux.Handle("POST /signin/code", h.page(h.checkCode))
	mux.Handle("POST /signout", h.member(h.signOut))
	mux.Handle("POST /session/keepalive", h.member(h.keepAlive))
	mux.Handle("POST /language", h.page(h.setLanguage))

	// Home (home.go).
	mux.Handle("GET /{$}", h.member(h.showHome))

	// Frontline checks (check.go) and the hit queue (hits.go).
	mux.Handle("GET /check", h.need(access.RecordCheck, h.showCheck))
	mux.Handle("POST /check", h.need(access.RecordCheck, h.runCheck))
	mux.Handle("GET /hits", h.need(access.RecordCheck, h.showHits))
	mux.Handle("POST /hits/{id}/decision", h.need(access.HitDecide, h.decideHit))
	mux.Handle("POST /hits/{id}/follow-up", h.need(access.RecordCheck, h.requestFollowUp))

	// Registers (records.go, record_form.go, record_import.go). Lists and record views
	// need RecordList: partners read what is addressed to their organisation; writing
	// needs RecordCreate, which only operational roles hold. The app decides each
	// record's visibility.
	mux.Handle("GET /records", h.need(access.RecordList, h.showRecords))
	mux.Handle("GET /records/new", h.need(access.RecordCreate, h.showNewRecord))
	mux.Handle("POST /records", h.need(access.RecordCreate, h.createRecord))
	mux.Handle("GET /records/import", h.need(access.RecordImport, h.showImport))
	mux.Handle("POST /records/import", h.need(access.RecordImport, h.runImport))
	mux.Handle("GET /records/review", h.need(access.RecordReview, h.showReview))
	mux.Handle("GET /records/{id}", h.need(access.RecordList, h.showRecord))
	mux.Handle("GET /records/{id}/edit", h.need(access.RecordCreate, h.showEditRecord))
	mux.Handle("POST /records/{id}", h.need(access.RecordCreate, h.updateRecord))
	mux.Handle("POST /records/{id}/delete", h.need(access.RecordCreate, h.deleteRecord))
	mux.Handle("POST /records/{id}/review", h.need(access.RecordReview, h.confirmReview))

	// Name screening (screen.go) and passenger lists (lists.go).
	mux.Handle("GET /screen", h.need(access.RecordScreen, h.showScreen))
	mux.Handle("POST /screen", h.need(access.RecordScreen, h.runScreen))
	mux.Handle("GET /lists", h.need(access.RecordCheck, h.showLists))
	mux.Handle("POST /lists", h.need(access.RecordCheck, h.startList))
	mux.Handle("GET /lists/{id}", h.need(access.RecordCheck, h.showList))
	mux.Handle("GET /lists/{id}/results.csv", h.need(access.RecordCheck, h.downloadList))

	// Own profile, password and API tokens (profile.go, tokens.go).
	mux.Handle("GET /profile", h.member(h.showProfile))
	mux.Handle("POST /profile/password", h.member(h.changePassword))
	mux.Handle("GET /profile/tokens", h.need(access.TokenOwn, h.showTokens))
	mux.Handle("POST /profile/tokens", h.need(access.TokenOwn, h.createToken))
	mux.Handle("POST /profile/tokens/{id}/revoke", h.need(access.TokenOwn, h.revokeToken))

	// Administration of agencies (agencies.go).
	mux.Handle("GET /admin/agencies", h.need(access.AgencyManage, h.showAgencies))
	mux.Handle("GET /admin/agencies/new", h.need(access.AgencyManage, h.showNewAgency))
	mux.Handle("POST /admin/agencies", h.need(access.AgencyManage, h.createAgency))
	mux.Handle("GET /admin/agencies/{code}", h.need(access.AgencyManage, h.showAgency))
	mux.Handle("POST /admin/agencies/{code}", h.need(access.AgencyManage, h.updateAgency))
	mux.Handle("POST /admin/agencies/{code}/active", h.need(access.AgencyManage, h.setAgencyActive))

	// Administration of users (users.go, user_edit.go).
	mux.Handle("GET /admin/users", h.need(access.UserManage, h.showUsers))
	mux.Handle("GET /admin/users/new", h.need(access.UserManage, h.showNewUser))
	mux.Handle("POST /admin/users", h.need(access.UserManage, h.createUser))
	mux.Handle("GET /admin/users/{username}", h.need(access.UserManage, h.showUser))
	mux.Handle("POST /admin/users/{username}", h.need(access.UserManage, h.updateUser))
	mux.Handle("POST /admin/users/{username}/disabled", h.need(access.UserManage, h.setUserDisabled))
	mux.Handle("POST /admin/users/{username}/mfa-reset", h.need(access.UserManage, h.resetMFA))

	// Audit trail (audit.go).
	mux.Handle("GET /audit", h.need(access.AuditRead, h.showAudit))
	mux.Handle("POST /audit/verify", h.need(access.AuditVerify, h.verifyAudit))

	mux.Handle("/", h.page(h.notFound))
	return mux
}
