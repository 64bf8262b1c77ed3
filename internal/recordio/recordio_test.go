package recordio

import (
	"bytes"
	"iter"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/iforce-platform/iforce/internal/iforce"
)

func collect(t *testing.T, seq iter.Seq2[Row, error]) ([]Row, error) {
	t.Helper()
	var rows []Row
	for r, err := range seq {
		if err != nil {
			return rows, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

func TestReadCSV(t *testing.T) {
	in := "\ufefffirstName,lastName,birthDate,nationality,category,crimeAreas,id\n" +
		"Олександр,Шевченко,1985-03-14,UA,wanted,human_trafficking;migrant_smuggling,ua-1\n" +
		"Ion,Ceban,,MD,,,\n" +
		"\"broken,quote\n"
	d := Defaults{Category: "suspect", Handling: "H1", Distribution: iforce.Distribution{Scope: "all"}}
	rows, err := collect(t, ReadCSV(strings.NewReader(in), "Person", d))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	want := &iforce.Record{Schema: "Person", SourceID: "ua-1", Category: "wanted", Handling: "H1",
		Distribution: iforce.Distribution{Scope: "all"}, CrimeAreas: []string{"human_trafficking", "migrant_smuggling"},
		Properties: map[string][]string{"firstName": {"Олександр"}, "lastName": {"Шевченко"}, "birthDate": {"1985-03-14"}, "nationality": {"UA"}}}
	if diff := cmp.Diff(want, rows[0].Record); diff != "" || rows[0].Line != 2 {
		t.Errorf("row 1 (line %d):\n%s", rows[0].Line, diff)
	}
	if r := rows[1].Record; r.Category != "suspect" || !strings.HasPrefix(r.SourceID, "row:") || rows[1].Line != 3 {
		t.Errorf("row 2: defaults and content id: %+v", r)
	}
	if rows[2].Record != nil || len(rows[2].Problems) == 0 || rows[2].Line != 4 {
		t.Errorf("broken row: %+v", rows[2])
	}
	// The same content gives the same source id.
	again, _ := collect(t, ReadCSV(strings.NewReader(in), "Person", d))
	if again[1].Record.SourceID != rows[1].Record.SourceID {
		t.Error("content id not stable")
	}
}

func TestReadCSVHeaderErrors(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "empty",
		"firstName,colour\nx,y\n":  `"colour" is neither`,
		"lastName,lastName\nx,y\n": "twice",
	} {
		_, err := collect(t, ReadCSV(strings.NewReader(in), "Person", Defaults{}))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	if _, err := collect(t, ReadCSV(strings.NewReader("a\n"), "Spaceship", Defaults{})); err == nil {
		t.Error("unknown schema accepted")
	}
}

func TestReadFTM(t *testing.T) {
	in := `{"id":"os-1","schema":"Person","properties":{"name":["Олександр Шевченко"],"fatherName":["Петрович"],"country":["ua"],"topics":["crime"]}}

{"id":"os-2","schema":"Passport","properties":{"number":["FA123456"],"country":["UA"],"holder":["os-1"]},"category":"","handling":"H2"}
{"id":"x","schema":"Airport"}
not json
{"schema":"Person","properties":{}}
`
	rows, err := collect(t, ReadFTM(strings.NewReader(in), Defaults{Category: "wanted"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	p := rows[0].Record
	if p.First("patronymic") != "Петрович" || p.First("nationality") != "ua" || p.Category != "wanted" || rows[0].Ignored[0] != "topics" {
		t.Errorf("person %+v ignored %v", p, rows[0].Ignored)
	}
	if d := rows[1].Record; d.Schema != "TravelDocument" || d.First("holder") != "os-1" || d.Handling != "H2" || rows[1].Line != 3 {
		t.Errorf("passport %+v line %d", d, rows[1].Line)
	}
	for i, want := range map[int]string{2: "schema", 3: "line", 4: "id"} {
		if len(rows[i].Problems) == 0 || rows[i].Problems[0].Field != want {
			t.Errorf("row %d problems %v, want %s", i, rows[i].Problems, want)
		}
	}
}

func TestWriteCSVEscapesFormulas(t *testing.T) {
	recs := func(yield func(*iforce.Record, error) bool) {
		yield(&iforce.Record{ID: "r1", Schema: "Person", Properties: map[string][]string{"lastName": {"=HYPERLINK(\"x\")"}, "alias": {"+1", "@a"}}}, nil)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, "Person", recs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, `"'=HYPERLINK(""x"")"`) || !strings.Contains(out, "'+1;@a") {
		t.Errorf("not escaped:\n%s", out)
	}
}

func TestFTMRoundTrip(t *testing.T) {
	r := &iforce.Record{ID: "r1", Schema: "Person", Owner: "UA-NCB", Category: "wanted", Handling: "H0", ReviewDate: "2030-01-01",
		Distribution: iforce.Distribution{Scope: "all"}, Properties: map[string][]string{"lastName": {"Шевченко"}, "patronymic": {"Петрович"}}}
	var buf bytes.Buffer
	WriteFTM(&buf, func(yield func(*iforce.Record, error) bool) { yield(r, nil) })
	rows, _ := collect(t, ReadFTM(&buf, Defaults{}))
	got := rows[0].Record
	if got.SourceID != "r1" || got.First("patronymic") != "Петрович" || got.Category != "wanted" || len(rows[0].Ignored) != 0 {
		t.Errorf("round trip %+v ignored %v", got, rows[0].Ignored)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("firstName,lastName\nA,B\n")
	f.Add("lastName,id,crimeAreas\n\"x\ny\",1,a;b\n")
	f.Fuzz(func(t *testing.T, in string) {
		for row, err := range ReadCSV(strings.NewReader(in), "Person", Defaults{}) {
			if err != nil {
				return
			}
			if (row.Record == nil) == (len(row.Problems) == 0) {
				t.Fatalf("row with neither record nor problems, or both: %+v", row)
			}
			if row.Line < 1 {
				t.Fatalf("line %d", row.Line)
			}
		}
	})
}

func FuzzReadFTM(f *testing.F) {
	f.Add(`{"id":"a","schema":"Person","properties":{"name":["x"]}}`)
	f.Add(`{"id":1}`)
	f.Fuzz(func(t *testing.T, in string) {
		for row, err := range ReadFTM(strings.NewReader(in), Defaults{}) {
			if err != nil {
				return
			}
			if (row.Record == nil) == (len(row.Problems) == 0) {
				t.Fatalf("row with neither record nor problems, or both: %+v", row)
			}
		}
	})
}
