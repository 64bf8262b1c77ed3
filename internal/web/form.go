package web

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"

	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
)

// maxForm bounds a form body; uploads have their own bound (maxUpload).
const maxForm = 64 << 10

// form is a submitted form and its field problems, translated for the reader. Inputs
// carry the field names of the app's field problems, so an error lands next to its
// input without a mapping.
type form struct {
	values  url.Values
	errs    map[string]string
	Summary []fieldError // every problem, in order, for the summary above the form
}

type fieldError struct{ Field, Text string }

// field is one input as a template sees it.
type field struct {
	ID, Name, Value, Error string
}

func newForm() *form { return &form{values: url.Values{}, errs: map[string]string{}} }

// readForm parses the body of a POST (at most maxForm bytes).
func readForm(w http.ResponseWriter, r *http.Request) *form {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	f := newForm()
	if err := r.ParseForm(); err == nil {
		f.values = r.PostForm
	}
	return f
}

// Get returns the value of an input.
func (f *form) Get(name string) string { return f.values.Get(name) }

// Checked reports whether a checkbox or option name=value was chosen.
func (f *form) Checked(name, value string) bool { return slices.Contains(f.values[name], value) }

// Err returns the problem of an input, "" when none.
func (f *form) Err(name string) string { return f.errs[name] }

// Field describes an input for the "input" partial.
func (f *form) Field(name string) field {
	return field{ID: "f-" + name, Name: name, Value: f.values.Get(name), Error: f.errs[name]}
}

func (f *form) set(name, value string) { f.values.Set(name, value) }

func (f *form) add(fieldName, text string) {
	if _, ok := f.errs[fieldName]; !ok {
		f.errs[fieldName] = text
	}
	f.Summary = append(f.Summary, fieldError{fieldName, text})
}

// problem adds a problem given by its catalog key.
func (f *form) problem(l *i18n.Locale, fieldName, key string) { f.add(fieldName, l.T(key)) }

// takeErr records the field problems of err on the form and reports whether it had
// any: Invalid input, or a Conflict on a field (a code or username in use).
func (f *form) takeErr(l *i18n.Locale, err error) bool {
	var e *iforce.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 || (e.Kind != iforce.KindInvalid && e.Kind != iforce.KindConflict) {
		return false
	}
	for _, fp := range e.Fields {
		f.add(fp.Field, problemText(l, fp.Problem))
	}
	return true
}

// problems translates the field problems of the app, which are English sentences, to
// catalog keys; a problem not listed here is shown in English.
var problems = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^is required$`), "problem.required"},
	{regexp.MustCompile(`^(\d+) of your lists are being screened`), "problem.lists_running"},
	{regexp.MustCompile(`^must be at most (\d+) characters$`), "problem.max_chars"},
	{regexp.MustCompile(`^must be at least (\d+) characters$`), "problem.min_chars"},
	{regexp.MustCompile(`^must be 2 to 32 characters A-Z`), "problem.agency_code"},
	{regexp.MustCompile(`^must be 2 to 64 characters a-z`), "problem.username"},
	{regexp.MustCompile(`^must be an ISO 3166-1 alpha-2 code`), "problem.country"},
	{regexp.MustCompile(`^must be one of ncb,`), "problem.agency_kind"},
	{regexp.MustCompile(`^must be one of en, uk, ro$`), "problem.locale"},
	{regexp.MustCompile(`^at least one role is required$`), "problem.role_required"},
	{regexp.MustCompile(`^unknown role `), "problem.role_unknown"},
	{regexp.MustCompile(`^unknown clearance `), "problem.clearance_unknown"},
	{regexp.MustCompile(`^users of a partner organisation have the partner role only`), "problem.partner_role"},
	{regexp.MustCompile(`^the user does not hold role `), "problem.role_not_held"},
	{regexp.MustCompile(`^no agency with code `), "problem.agency_unknown"},
	{regexp.MustCompile(`^an agency with this code exists$`), "problem.agency_exists"},
	{regexp.MustCompile(`^a user with this username exists$`), "problem.user_exists"},
	{regexp.MustCompile(`^is a commonly used password`), "problem.password_common"},
	{regexp.MustCompile(`^must not contain the username$`), "problem.password_username"},
	{regexp.MustCompile(`^must not repeat a single character$`), "problem.password_repeat"},
	{regexp.MustCompile(`^must be valid text$`), "problem.text"},
	{regexp.MustCompile(`^must be between 1 minute and 365 days$`), "problem.ttl"},
	// Records.
	{regexp.MustCompile(`^is required for `), "problem.required"},
	{regexp.MustCompile(`^a person needs a name`), "problem.person_name"},
	{regexp.MustCompile(`is not a date: write YYYY`), "problem.partial_date"},
	{regexp.MustCompile(`^must be YYYY, YYYY-MM or YYYY-MM-DD$`), "problem.partial_date"},
	{regexp.MustCompile(`^\S+ is in the future$`), "problem.future"},
	{regexp.MustCompile(`is not an ISO 3166-1 alpha-2 country code$`), "problem.country_code"},
	{regexp.MustCompile(`is not one of |^must be one of |^must be [A-Z0-9+]+(?:, [A-Z0-9+]+)* or [A-Z0-9+]+$|is not a crime area|^must be owner, agencies or all$|^must be male, female or other$`), "problem.choose"},
	{regexp.MustCompile(`^takes one value$`), "problem.one_value"},
	{regexp.MustCompile(`^H3 needs the restrictions written out$`), "problem.handling_note"},
	{regexp.MustCompile(`^must not be in the past$`), "problem.past"},
	{regexp.MustCompile(`^must be at most (\d+) years ahead`), "problem.review_years"},
	{regexp.MustCompile(`^must be a date YYYY-MM-DD$`), "problem.date"},
	{regexp.MustCompile(`^name at least one agency$`), "problem.agencies_required"},
	{regexp.MustCompile(`^only with scope agencies$`), "problem.agencies_scope"},
	{regexp.MustCompile(`^applies to persons only$`), "problem.person_only"},
	{regexp.MustCompile(`^only an agency of the issuing country`), "problem.issuing_country"},
	{regexp.MustCompile(`^IBAN check digits do not match$`), "problem.iban_check"},
	{regexp.MustCompile(`^give a name, or firstName and lastName$`), "problem.screen_name"},
	{regexp.MustCompile(`^MRZ must have 2 or 3 lines`), "problem.mrz_lines"},
}

func problemText(l *i18n.Locale, p string) string {
	for _, pr := range problems {
		m := pr.re.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		if len(m) > 1 {
			n, _ := strconv.Atoi(m[1])
			return l.N(pr.key, n)
		}
		return l.T(pr.key)
	}
	return p
}
