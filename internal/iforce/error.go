// Package iforce holds the domain of I-FORCE: agencies, users, roles, principals and
// the one error type every layer speaks. It imports only the standard library, so the
// rules written here hold whether a request arrives by the web UI, the JSON API or the CLI.
package iforce

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Kind classifies an Error; each edge (web, api, cli) maps kinds to status codes,
// exit codes and translated messages in one table.
type Kind uint8

// The error kinds. NotFound is also what a caller gets for an object it may not see.
const (
	KindInternal Kind = iota
	KindInvalid
	KindNotFound
	KindConflict
	KindUnauthenticated
	KindForbidden
	KindTooMany
	KindUnavailable
)

var kindNames = [...]string{"internal", "invalid", "not_found", "conflict", "unauthenticated", "forbidden", "too_many", "unavailable"}

// String returns the kind's stable name, used in logs and problem types.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// FieldProblem names one field of an input and what is wrong with it.
type FieldProblem struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
}

// Error is the one error type of the platform. Message is safe to show a user; Err is
// the wrapped cause, for the log only.
type Error struct {
	Kind    Kind
	Message string
	Fields  []FieldProblem
	Err     error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for i, f := range e.Fields {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Field + ": " + f.Problem)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is lets errors.Is(err, &Error{Kind: k}) match on kind alone.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind && t.Message == "" && t.Err == nil
}

// Errorf returns an Error of kind k with a formatted user message.
func Errorf(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns the error for an object that does not exist or that the caller may
// not see; the two are indistinguishable on purpose.
func NotFound(what string) *Error { return &Error{Kind: KindNotFound, Message: what + " not found"} }

// Internal wraps an unexpected cause; users see only "internal error".
func Internal(context string, err error) *Error {
	return &Error{Kind: KindInternal, Message: "internal error", Err: fmt.Errorf("%s: %w", context, err)}
}

// ErrorKind returns the kind of err, KindInternal for errors that are not *Error.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// IsKind reports whether err is an *Error of kind k.
func IsKind(err error, k Kind) bool { return err != nil && ErrorKind(err) == k }

// Problems collects field problems during validation.
type Problems []FieldProblem

// Add records a problem with a field.
func (p *Problems) Add(field, problem string) { *p = append(*p, FieldProblem{field, problem}) }

// Addf records a formatted problem with a field.
func (p *Problems) Addf(field, format string, args ...any) {
	p.Add(field, fmt.Sprintf(format, args...))
}

// Err returns nil without problems, else an Invalid error listing them sorted by field.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	fs := append([]FieldProblem(nil), p...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Field < fs[j].Field })
	return &Error{Kind: KindInvalid, Message: "invalid input", Fields: fs}
}
