package web

import (
	"net/http"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/i18n"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/recordio"
)

// maxUpload bounds an uploaded file: an import or a passenger list.
const maxUpload = 256 << 20

// importPage is the data of the import page, with the row report after an upload.
type importPage struct {
	Schemas    []option
	Categories []option
	Scopes     []option
	Report     *app.ImportResult
	Rows       []rowReport // rejected rows, translated
}

// rowReport is one rejected or bad row of a file.
type rowReport struct {
	Line     int
	Problems []fieldError
}

func rowReports(l *i18n.Locale, rows []app.RowProblem) []rowReport {
	var out []rowReport
	for _, r := range rows {
		rr := rowReport{Line: r.Line}
		for _, p := range r.Problems {
			rr.Problems = append(rr.Problems, fieldError{p.Field, problemText(l, p.Problem)})
		}
		out = append(out, rr)
	}
	return out
}

func newImportPage(l *i18n.Locale) *importPage {
	return &importPage{Schemas: options(l, schemaKeys, iforce.SchemaNames()), Categories: options(l, categoryKeys, iforce.Categories), Scopes: options(l, scopeKeys, []string{"owner", "agencies", "all"})}
}

func (h *Handler) showImport(w http.ResponseWriter, r *http.Request) {
	f := newForm()
	f.set("format", "csv")
	f.set("scope", "all")
	h.render(w, r, http.StatusOK, "record_import", f, newImportPage(h.locale(r)))
}

// uploadForm reads a multipart form of at most maxUpload bytes; the file stays on
// disk or in memory until the request ends.
func uploadForm(w http.ResponseWriter, r *http.Request) *form {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	f := newForm()
	if err := r.ParseMultipartForm(8 << 20); err == nil {
		f.values = r.MultipartForm.Value
	}
	return f
}

// runImport imports the uploaded file synchronously and shows the row report.
func (h *Handler) runImport(w http.ResponseWriter, r *http.Request) {
	l := h.locale(r)
	f := uploadForm(w, r)
	page := newImportPage(l)
	file, _, err := r.FormFile("file")
	if err != nil {
		f.problem(l, "file", "problem.file")
		h.render(w, r, http.StatusUnprocessableEntity, "record_import", f, page)
		return
	}
	defer file.Close()
	res, err := h.app.Import(r.Context(), app.ImportRequest{Format: f.Get("format"), Schema: f.Get("schema"), Body: file,
		Defaults: recordio.Defaults{Category: f.Get("category"), Distribution: iforce.Distribution{Scope: f.Get("scope")}}})
	if err != nil {
		if f.takeErr(l, err) {
			h.render(w, r, http.StatusUnprocessableEntity, "record_import", f, page)
			return
		}
		h.fail(w, r, err)
		return
	}
	page.Report, page.Rows = res, rowReports(l, res.Rejected)
	h.render(w, r, http.StatusOK, "record_import", f, page)
}
