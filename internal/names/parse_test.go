package names

import (
	"bufio"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() != "" {
			lines = append(lines, sc.Text())
		}
	}
	return lines
}

type parsed struct {
	Texts    []string
	Readings [][]Role
	Format   Format
	Gender   Gender
	Trunc    []bool
	HU       bool
}

func summary(n Name) parsed {
	p := parsed{Readings: n.Readings, Format: n.Format, Gender: n.Gender, HU: n.SurnameFirst}
	for _, t := range n.Tokens {
		p.Texts = append(p.Texts, t.Text)
		p.Trunc = append(p.Trunc, t.MaybeTruncated)
	}
	return p
}

func TestParse(t *testing.T) {
	const (
		G = RoleGiven
		S = RoleSurname
		P = RolePatronymic
		U = RoleUnknown
	)
	tests := []struct {
		in   string
		want parsed
	}{
		{"SHEVCHENKO<<OLEKSANDR<PETROVYCH", parsed{
			Texts: []string{"shevchenko", "oleksandr", "petrovych"}, Readings: [][]Role{{S, G, P}},
			Format: FormatMRZ, Gender: GenderMale, Trunc: []bool{false, false, true}}},
		{"P<UKRSHEVCHENKO<<OLEKSANDR<<<<<<<<<<<<<<<<<<", parsed{
			Texts: []string{"shevchenko", "oleksandr"}, Readings: [][]Role{{S, G}},
			Format: FormatMRZ, Trunc: []bool{false, true}}},
		{"PUTIN, Vladimir Vladimirovich", parsed{
			Texts: []string{"putin", "vladimir", "vladimirovich"}, Readings: [][]Role{{S, G, P}},
			Format: FormatComma, Gender: GenderMale, Trunc: []bool{false, false, false}}},
		{"Шевченко, Тетяна Петрівна", parsed{
			Texts: []string{"шевченко", "тетяна", "петрівна"}, Readings: [][]Role{{S, G, P}},
			Format: FormatComma, Gender: GenderFemale, Trunc: []bool{false, false, false}}},
		{"Putin Vladimir Vladimirovich", parsed{
			Texts: []string{"putin", "vladimir", "vladimirovich"}, Readings: [][]Role{{S, G, P}},
			Gender: GenderMale, Trunc: []bool{false, false, false}}},
		{"Vladimir Vladimirovich Putin", parsed{
			Texts: []string{"vladimir", "vladimirovich", "putin"}, Readings: [][]Role{{G, P, S}},
			Gender: GenderMale, Trunc: []bool{false, false, false}}},
		{"Vladimir PUTIN", parsed{
			Texts: []string{"vladimir", "putin"}, Readings: [][]Role{{G, S}},
			Gender: GenderMale, Trunc: []bool{false, false}}},
		{"Anna Kowalska-Nowak", parsed{
			Texts: []string{"anna", "kowalska", "nowak"}, Readings: [][]Role{{G, S, S}, {S, G, G}},
			Trunc: []bool{false, false, false}}},
		{"Szőke Győző", parsed{
			Texts: []string{"szőke", "győző"}, Readings: [][]Role{{S, G}, {G, S}}, HU: true,
			Trunc: []bool{false, false}}},
		{"Vladimir V. Putin", parsed{
			Texts: []string{"vladimir", "v", "putin"}, Readings: [][]Role{{G, G, S}, {S, G, G}},
			Trunc: []bool{false, false, false}}},
		{"Shevchenko", parsed{Texts: []string{"shevchenko"}, Readings: [][]Role{{U}}, Trunc: []bool{false}}},
		{"", parsed{}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, summary(Parse(tt.in))); d != "" {
			t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, d)
		}
	}
}
