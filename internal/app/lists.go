package app

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/recordio"
	"github.com/iforce-platform/iforce/internal/screening"
)

// Limits of list screening.
const (
	MaxListRows    = 100_000
	ListMatchesOut = 3 // best matches written per row
)

// ListReport summarises a screened list.
type ListReport struct {
	Rows    int          `json:"rows"`
	Flagged int          `json:"flagged"` // rows with at least one match or document hit
	Errors  []RowProblem `json:"errors"`  // rows with bad data, by line
}

// listColumns are the input columns a passenger list may have.
var listColumns = []string{"name", "firstName", "lastName", "birthDate", "nationality", "documentNumber", "documentCountry"}

// ScreenList checks and screens every row of a passenger list (CSV with a header of
// listColumns, in any order; aliases first_name, last_name, dob, document_number …
// accepted) and writes one result row per input row: the best matches with scores
// and reasons, and any document hit. Bad rows are reported with their line number, not
// dropped. progress, if set, is called after each row.
func (a *App) ScreenList(ctx context.Context, in io.Reader, out io.Writer, progress func(rows int)) (*ListReport, error) {
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, invalidField("file", "cannot read the CSV header: "+err.Error())
	}
	cols := map[string]int{}
	for i, h := range header {
		name := canonicalColumn(strings.TrimPrefix(strings.TrimSpace(h), "\ufeff"))
		if name == "" {
			return nil, invalidField("file", fmt.Sprintf("column %d %q is not one of %s", i+1, h, strings.Join(listColumns, ", ")))
		}
		cols[name] = i
	}
	_, hasName := cols["name"]
	_, hasLast := cols["lastName"]
	if !hasName && !hasLast {
		return nil, invalidField("file", "a list needs a name column, or firstName and lastName columns")
	}
	cw := csv.NewWriter(out)
	head := []string{"line", "input", "status", "document"}
	for i := 1; i <= ListMatchesOut; i++ {
		head = append(head, fmt.Sprintf("match%d", i), fmt.Sprintf("score%d", i), fmt.Sprintf("owner%d", i), fmt.Sprintf("reason%d", i))
	}
	if err := cw.Write(head); err != nil {
		return nil, fmt.Errorf("write results: %w", err)
	}
	rep := &ListReport{Errors: []RowProblem{}}
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var line int
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			line = pe.StartLine
		case err != nil:
			return rep, fmt.Errorf("read list: %w", err)
		default:
			line, _ = cr.FieldPos(0)
		}
		if rep.Rows++; rep.Rows > MaxListRows {
			return rep, invalidField("file", fmt.Sprintf("more than %d rows: split the list", MaxListRows))
		}
		row, probs, ferr := a.screenRow(ctx, cols, cells, err)
		if ferr != nil {
			return rep, ferr // not a problem of the row: stop, say why
		}
		if len(probs) > 0 {
			rep.Errors = append(rep.Errors, RowProblem{line, probs})
			row = []string{strings.Join(problemTexts(probs), "; ")}
			row = append([]string{"", "error"}, row...)
		}
		if len(row) > 2 && row[1] == "flagged" {
			rep.Flagged++
		}
		out := append([]string{strconv.Itoa(line)}, escapeCells(row)...)
		for len(out) < len(head) {
			out = append(out, "")
		}
		if err := cw.Write(out); err != nil {
			return rep, fmt.Errorf("write results: %w", err)
		}
		if progress != nil {
			progress(rep.Rows)
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
	}
	cw.Flush()
	return rep, cw.Error()
}

func problemTexts(ps []iforce.FieldProblem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Field + ": " + p.Problem
	}
	return out
}

// canonicalColumn maps the column names lists use to ours; "" when unknown.
func canonicalColumn(h string) string {
	k := strings.ToLower(strings.NewReplacer("_", "", " ", "", "-", "").Replace(h))
	switch k {
	case "name", "fullname", "passenger":
		return "name"
	case "firstname", "givenname", "givennames":
		return "firstName"
	case "lastname", "surname", "familyname":
		return "lastName"
	case "birthdate", "dateofbirth", "dob":
		return "birthDate"
	case "nationality", "citizenship":
		return "nationality"
	case "documentnumber", "passportnumber", "document", "docnumber":
		return "documentNumber"
	case "documentcountry", "issuingcountry", "issuingstate":
		return "documentCountry"
	}
	return ""
}

// screenRow screens one list row: (input, status, document, matches…), or the row's
// problems, or an error that stops the list (the store failed, access was refused).
func (a *App) screenRow(ctx context.Context, cols map[string]int, cells []string, parseErr error) ([]string, []iforce.FieldProblem, error) {
	if parseErr != nil {
		return nil, []iforce.FieldProblem{{Field: "row", Problem: parseErr.Error()}}, nil
	}
	get := func(name string) string {
		if i, ok := cols[name]; ok && i < len(cells) {
			return strings.TrimSpace(cells[i])
		}
		return ""
	}
	q := ScreenQuery{Name: get("name"), FirstName: get("firstName"), LastName: get("lastName"), BirthDate: get("birthDate"),
		Nationality: strings.ToUpper(get("nationality")), Limit: ListMatchesOut}
	input := strings.TrimSpace(strings.Join([]string{q.Name, q.FirstName, q.LastName, q.BirthDate, q.Nationality, get("documentNumber")}, " "))
	var probs iforce.Problems
	status, document := "clear", ""
	if num := get("documentNumber"); num != "" {
		res, err := a.Check(ctx, CheckRequest{Document: &DocumentQuery{Number: num, Country: strings.ToUpper(get("documentCountry"))}})
		switch {
		case err == nil:
			var parts []string
			for _, h := range res.Hits {
				parts = append(parts, h.Action.Code+" ("+h.Owner+")")
			}
			document = strings.Join(parts, "; ")
		case iforce.IsKind(err, iforce.KindInvalid):
			for _, f := range err.(*iforce.Error).Fields {
				probs.Add("documentNumber", f.Problem)
			}
		default:
			return nil, nil, err
		}
	}
	var matches []ScreenResult
	if q.Name != "" || q.LastName != "" || q.FirstName != "" {
		res, err := a.Screen(ctx, q)
		if iforce.IsKind(err, iforce.KindInvalid) {
			probs = append(probs, err.(*iforce.Error).Fields...)
		} else if err != nil {
			return nil, nil, err
		}
		matches = res
	} else {
		probs.Add("name", "is empty")
	}
	if len(probs) > 0 {
		return nil, probs, nil
	}
	if document != "" || len(matches) > 0 {
		status = "flagged"
	}
	row := []string{input, status, document}
	for i := range ListMatchesOut {
		if i >= len(matches) {
			row = append(row, "", "", "", "")
			continue
		}
		m := matches[i]
		row = append(row, m.Record.Caption()+" ["+m.Record.ID+"]", strconv.FormatFloat(m.Score, 'f', 2, 64), m.Record.Owner, reason(m.Explanation))
	}
	return row, nil, nil
}

// reason summarises an explanation in one line for a results file.
func reason(e screening.Explanation) string {
	var parts []string
	for _, p := range e.Parts {
		parts = append(parts, fmt.Sprintf("%s→%s (%s)", p.Query, p.Record, p.Route))
	}
	if e.Reordered {
		parts = append(parts, "reordered")
	}
	for _, adj := range e.Adjustments {
		parts = append(parts, adj.Factor+" "+adj.Outcome)
	}
	return strings.Join(parts, "; ")
}

// escapeCells defuses spreadsheet formulas in result cells.
func escapeCells(row []string) []string {
	out := slices.Clone(row)
	for i, c := range out {
		out[i] = recordio.EscapeCell(c)
	}
	return out
}
