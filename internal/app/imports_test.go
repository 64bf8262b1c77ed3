package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/recordio"
	"github.com/iforce-platform/iforce/internal/sqlstore"
	"github.com/iforce-platform/iforce/internal/sqlstore/sqlstoretest"
)

const personsCSV = `firstName,lastName,birthDate,nationality,category,idNumber
Олександр,Шевченко,1985-03-14,UA,wanted,FA123456
Ion,Ceban,1990-13-01,MD,suspect,
Mihai,Rusu,1979,MD,,
Petro,Bondar,1980-01-01,UA,suspect,#!
`

func TestImportCSV(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			req := func() app.ImportRequest {
				return app.ImportRequest{Format: "csv", Schema: "Person", Body: strings.NewReader(personsCSV),
					Defaults: recordio.Defaults{Distribution: iforce.Distribution{Scope: "all"}}}
			}
			res, err := f.app.Import(f.as(t, "olena"), req())
			if err != nil {
				t.Fatal(err)
			}
			if res.Rows != 4 || res.Created != 1 || len(res.Rejected) != 3 {
				t.Fatalf("result %+v", res)
			}
			wantLines := map[int]string{3: "birthDate", 4: "category", 5: "idNumber"}
			for _, rp := range res.Rejected {
				if rp.Problems[0].Field != wantLines[rp.Line] {
					t.Errorf("line %d: %v, want field %s", rp.Line, rp.Problems, wantLines[rp.Line])
				}
			}
			// Re-importing the same file changes nothing.
			res, err = f.app.Import(f.as(t, "olena"), req())
			if err != nil || res.Created != 0 || res.Unchanged != 1 {
				t.Fatalf("re-import %+v %v", res, err)
			}
			var n int
			f.store.DB().QueryRow(`SELECT COUNT(*) FROM records`).Scan(&n)
			if n != 1 {
				t.Errorf("%d records after re-import", n)
			}
			list, _, _ := f.app.Records(f.as(t, "maria"), app.RecordQuery{Q: "fa123456"})
			if len(list) != 1 {
				t.Errorf("imported record not found by its id number")
			}
			verifyIntact(t, f)
		})
	}
}

func TestImportFTMWithReferences(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	in := `{"id":"p1","schema":"Person","properties":{"name":["Олександр Шевченко"],"birthDate":["1985-03-14"]},"category":"wanted"}
{"id":"d1","schema":"Passport","properties":{"number":["FA123456"],"country":["UA"],"type":["passport"],"status":["stolen"],"holder":["p1"]}}
{"id":"l1","schema":"Link","properties":{"source":["p1"],"target":["p9"],"relation":["associate"]}}
{"id":"d2","schema":"Passport","properties":{"number":["AB123456"],"country":["MD"],"type":["passport"],"status":["lost"]}}
`
	res, err := f.app.Import(f.as(t, "olena"), app.ImportRequest{Format: "ftm", Body: strings.NewReader(in),
		Defaults: recordio.Defaults{Distribution: iforce.Distribution{Scope: "all"}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || len(res.Rejected) != 2 {
		t.Fatalf("result %+v", res)
	}
	if !strings.Contains(res.Rejected[0].Problems[0].Problem, `"p9"`) || res.Rejected[1].Problems[0].Field != "country" {
		t.Errorf("rejections %+v", res.Rejected)
	}
	people, _, _ := f.app.Records(f.as(t, "olena"), app.RecordQuery{Schema: "Person"})
	links, err := f.app.RecordLinks(f.as(t, "olena"), people[0].ID)
	if err != nil || len(links) != 1 || links[0].Schema != "TravelDocument" {
		t.Errorf("holder reference not resolved: %v %v", links, err)
	}
}

// TestImportSameSourceTwiceInOneBatch: a batch looks its source ids up once and
// defers index writes; a row repeating a source id the batch already wrote still
// updates that record (new version, new keys), on both engines.
func TestImportSameSourceTwiceInOneBatch(t *testing.T) {
	for _, engine := range sqlstoretest.Engines(t) {
		t.Run(string(engine), func(t *testing.T) {
			f := recordFixture(t, engine)
			in := `{"id":"p1","schema":"Person","properties":{"name":["Олександр Шевченко"],"idNumber":["FA123456"]},"category":"wanted"}
{"id":"p1","schema":"Person","properties":{"name":["Олександр Шевченко"],"idNumber":["FB654321"]},"category":"wanted"}
{"id":"p1","schema":"Person","properties":{"name":["Олександр Шевченко"],"idNumber":["FB654321"]},"category":"wanted"}
`
			res, err := f.app.Import(f.as(t, "olena"), app.ImportRequest{Format: "ftm", Body: strings.NewReader(in),
				Defaults: recordio.Defaults{Distribution: iforce.Distribution{Scope: "all"}}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Created != 1 || res.Updated != 1 || res.Unchanged != 1 || len(res.Rejected) != 0 {
				t.Fatalf("result %+v", res)
			}
			if list, _, _ := f.app.Records(f.as(t, "olena"), app.RecordQuery{Q: "fb654321"}); len(list) != 1 {
				t.Errorf("the second row's identifier is not searchable")
			}
			if list, _, _ := f.app.Records(f.as(t, "olena"), app.RecordQuery{Q: "fa123456"}); len(list) != 0 {
				t.Errorf("the replaced identifier is still searchable")
			}
			list, _, _ := f.app.Records(f.as(t, "olena"), app.RecordQuery{Schema: "Person"})
			if h, err := f.app.RecordHistory(f.as(t, "olena"), list[0].ID); err != nil || len(h) != 2 {
				t.Errorf("history: %d versions, %v; want 2", len(h), err)
			}
			verifyIntact(t, f)
		})
	}
}

func TestImportAndExportAccess(t *testing.T) {
	f := recordFixture(t, sqlstore.SQLite)
	if _, err := f.app.Import(f.as(t, "elena"), app.ImportRequest{Format: "csv", Schema: "Person", Body: strings.NewReader(personsCSV)}); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("partner imported: %v", err)
	}
	if _, err := f.app.Import(f.as(t, "olena"), app.ImportRequest{Agency: "MD-NCB", Format: "csv", Schema: "Person", Body: strings.NewReader(personsCSV)}); !iforce.IsKind(err, iforce.KindInvalid) {
		t.Errorf("import for another agency: %v", err)
	}
	// The node operator imports for a named agency.
	res, err := f.app.Import(sys(context.Background()), app.ImportRequest{Agency: "MD-NCB", Format: "csv", Schema: "Person", Body: strings.NewReader("lastName,category,handling,scope\nCeban,suspect,H2,all\nRusu,suspect,H0,all\n")})
	if err != nil || res.Created != 2 {
		t.Fatalf("system import %+v %v", res, err)
	}
	var buf bytes.Buffer
	n, err := f.app.Export(f.as(t, "olena"), app.ExportRequest{Format: "csv", Schema: "Person"}, &buf)
	if err != nil || n != 1 || strings.Contains(buf.String(), "Ceban") || !strings.Contains(buf.String(), "Rusu") {
		t.Errorf("export of another agency's H2 record: n=%d %v\n%s", n, err, buf.String())
	}
	buf.Reset()
	n, _ = f.app.Export(f.as(t, "maria"), app.ExportRequest{Format: "ftm"}, &buf)
	if n != 2 {
		t.Errorf("owner exports its own H2: %d", n)
	}
	if _, err := f.app.Export(f.as(t, "root"), app.ExportRequest{Format: "ftm"}, &buf); !iforce.IsKind(err, iforce.KindForbidden) {
		t.Errorf("admin exported: %v", err)
	}
}
