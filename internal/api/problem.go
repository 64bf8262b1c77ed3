package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strings"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// Problem is an RFC 9457 problem detail.
type Problem struct {
	Type      string                `json:"type"`
	Title     string                `json:"title"`
	Status    int                   `json:"status"`
	Detail    string                `json:"detail,omitempty"`
	Errors    []iforce.FieldProblem `json:"errors,omitempty"`
	RequestID string                `json:"requestId,omitempty"`
}

// status maps error kinds to HTTP status codes: the one table of the API.
var status = map[iforce.Kind]int{
	iforce.KindInvalid:         http.StatusUnprocessableEntity,
	iforce.KindNotFound:        http.StatusNotFound,
	iforce.KindConflict:        http.StatusConflict,
	iforce.KindUnauthenticated: http.StatusUnauthorized,
	iforce.KindForbidden:       http.StatusForbidden,
	iforce.KindTooMany:         http.StatusTooManyRequests,
	iforce.KindUnavailable:     http.StatusServiceUnavailable,
	iforce.KindInternal:        http.StatusInternalServerError,
}

// ProblemFor builds the problem for err; internal causes never reach the client.
func ProblemFor(err error, requestID string) Problem {
	var e *iforce.Error
	if !errors.As(err, &e) {
		e = iforce.Internal("unclassified", err)
	}
	code := status[e.Kind]
	p := Problem{Type: "https://iforce.example/problems/" + strings.ReplaceAll(e.Kind.String(), "_", "-"), Title: http.StatusText(code),
		Status: code, Detail: e.Message, Errors: e.Fields, RequestID: requestID}
	if e.Kind == iforce.KindInternal {
		p.Detail = "internal error; quote request id " + requestID
	}
	return p
}

// WriteProblem writes err as application/problem+json and logs internal errors once.
func WriteProblem(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	p := ProblemFor(err, w.Header().Get("X-Request-Id"))
	if p.Status >= 500 {
		log.ErrorContext(r.Context(), "request failed", "err", err, "request_id", p.RequestID)
	}
	if p.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="iforce"`)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	json.NewEncoder(w).Encode(p)
}

// MaxBody bounds a JSON request body.
const MaxBody = 1 << 20

// decodeBody reads the request's JSON body into v, at most MaxBody bytes.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	return Decode(http.MaxBytesReader(w, r.Body, MaxBody), v)
}

// Decode reads one JSON object into v, refusing unknown fields and trailing data, with
// a field-level error that says what is wrong.
func Decode(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err)
	}
	if dec.More() {
		return invalid("body", "must hold exactly one JSON object")
	}
	return nil
}

func bodyError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return invalid(field, fmt.Sprintf("must be %s, not %s", jsonKind(typ.Type.Kind()), typ.Value))
	case errors.As(err, &syn):
		return invalid("body", fmt.Sprintf("malformed JSON at byte %d", syn.Offset))
	case errors.As(err, &mbe):
		return invalid("body", fmt.Sprintf("must be at most %d bytes", MaxBody))
	case errors.Is(err, io.EOF):
		return invalid("body", "is empty; send a JSON object")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return invalid(strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`), "is not a known field")
	}
	return invalid("body", "malformed JSON: "+err.Error())
}

// jsonKind names a Go kind the way a JSON client thinks of it.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}

func invalid(field, problem string) error {
	if field == "" {
		field, problem = "body", "has a field with an empty name: "+problem
	}
	return &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: field, Problem: problem}}}
}

// writeJSON writes v with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
