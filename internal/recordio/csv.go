package recordio

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/iforce-platform/iforce/internal/iforce"
)

// Metadata columns a CSV file may carry beside the schema's properties.
var metaColumns = []string{"id", "category", "handling", "handlingNote", "evaluationSource", "evaluationInformation", "tlp",
	"scope", "agencies", "crimeAreas", "legalBasis", "reviewDate"}

// HeaderError is a problem with a CSV header: the whole file is refused.
type HeaderError struct{ Problem string }

func (e *HeaderError) Error() string { return "CSV header: " + e.Problem }

// ReadCSV reads records of one schema from CSV. A header problem or an unreadable
// input ends the sequence with an error; a bad row is yielded with its problems.
func ReadCSV(r io.Reader, schema string, d Defaults) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		s, ok := iforce.SchemaNamed(schema)
		if !ok {
			yield(Row{}, &HeaderError{fmt.Sprintf("unknown schema %q; schemas are %s", schema, strings.Join(iforce.SchemaNames(), ", "))})
			return
		}
		cr := csv.NewReader(&limitedReader{r: r})
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = false
		header, err := cr.Read()
		if errors.Is(err, io.EOF) {
			yield(Row{}, &HeaderError{"the file is empty"})
			return
		}
		if err != nil {
			yield(Row{}, fmt.Errorf("read CSV header: %w", err))
			return
		}
		if len(header) > 0 {
			header[0] = strings.TrimPrefix(header[0], "\ufeff") // spreadsheet BOM
		}
		for i, h := range header {
			h = strings.TrimSpace(h)
			header[i] = h
			if _, isProp := s.Prop(h); !isProp && !slices.Contains(metaColumns, h) {
				yield(Row{}, &HeaderError{fmt.Sprintf("column %d %q is neither a property of %s nor one of %s", i+1, h, schema, strings.Join(metaColumns, ", "))})
				return
			}
			if slices.Index(header, h) != i {
				yield(Row{}, &HeaderError{fmt.Sprintf("column %q appears twice", h)})
				return
			}
		}
		for rows := 0; ; rows++ {
			cells, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				row := Row{Line: pe.StartLine}
				row.Problems.Add("row", pe.Err.Error())
				if !yield(row, nil) {
					return
				}
				continue
			}
			if err != nil {
				yield(Row{}, fmt.Errorf("read CSV: %w", err))
				return
			}
			if rows >= MaxRows {
				yield(Row{}, fmt.Errorf("more than %d rows: split the file", MaxRows))
				return
			}
			line, _ := cr.FieldPos(0)
			if !yield(csvRow(line, s, header, cells, d), nil) {
				return
			}
		}
	}
}

func csvRow(line int, s *iforce.Schema, header, cells []string, d Defaults) Row {
	row := Row{Line: line}
	if len(cells) != len(header) {
		row.Problems.Addf("row", "has %d cells, the header %d", len(cells), len(header))
		return row
	}
	r := &iforce.Record{Schema: s.Name, Properties: map[string][]string{}}
	for i, h := range header {
		cell := strings.TrimSpace(cells[i])
		if cell == "" {
			continue
		}
		switch h {
		case "id":
			r.SourceID = cell
		case "category":
			r.Category = cell
		case "handling":
			r.Handling = cell
		case "handlingNote":
			r.HandlingNote = cell
		case "evaluationSource":
			r.Evaluation.Source = cell
		case "evaluationInformation":
			r.Evaluation.Information = cell
		case "tlp":
			r.TLP = cell
		case "scope":
			r.Distribution.Scope = cell
		case "agencies":
			r.Distribution.Agencies = splitValues(cell)
		case "crimeAreas":
			r.CrimeAreas = splitValues(cell)
		case "legalBasis":
			r.LegalBasis = cell
		case "reviewDate":
			r.ReviewDate = cell
		default:
			r.Properties[h] = splitValues(cell)
		}
	}
	if r.SourceID == "" {
		r.SourceID = contentID(cells)
	}
	d.apply(r, s)
	row.Record = r
	return row
}

// limitedReader fails reads past MaxLineBytes without a newline, so that one huge
// line cannot exhaust memory.
type limitedReader struct {
	r   io.Reader
	run int // bytes since the last newline
}

func (l *limitedReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.run = 0
		} else if l.run++; l.run > MaxLineBytes {
			return 0, fmt.Errorf("a line is longer than %d bytes", MaxLineBytes)
		}
	}
	return n, err
}

// WriteCSV writes records of one schema as CSV: the metadata columns, then every
// property of the schema. Cells that a spreadsheet would run as a formula are escaped.
func WriteCSV(w io.Writer, schema string, records iter.Seq2[*iforce.Record, error]) error {
	s, ok := iforce.SchemaNamed(schema)
	if !ok {
		return fmt.Errorf("unknown schema %q", schema)
	}
	cw := csv.NewWriter(w)
	header := append([]string{"id", "owner"}, metaColumns[1:]...)
	for _, p := range s.Props {
		header = append(header, p.Name)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	for r, err := range records {
		if err != nil {
			return err
		}
		row := []string{r.ID, r.Owner, r.Category, r.Handling, r.HandlingNote, r.Evaluation.Source, r.Evaluation.Information, r.TLP,
			r.Distribution.Scope, strings.Join(r.Distribution.Agencies, MultiSep), strings.Join(r.CrimeAreas, MultiSep), r.LegalBasis, r.ReviewDate}
		for _, p := range s.Props {
			row = append(row, strings.Join(r.Properties[p.Name], MultiSep))
		}
		for i := range row {
			row[i] = EscapeCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}
