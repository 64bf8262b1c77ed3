package names

import "testing"

func TestStem(t *testing.T) {
	tests := []struct {
		in     string
		stem   string
		gender Gender
	}{
		{"Ivanov", "ivanov", GenderMale},
		{"Ivanova", "ivanov", GenderFemale},
		{"Іванова", "ivanov", GenderFemale},
		{"Kowalski", "kowalsk", GenderMale},
		{"Kowalska", "kowalsk", GenderFemale},
		{"Зеленський", "zelensk", GenderMale},
		{"Зеленська", "zelensk", GenderFemale},
		{"Zelenskaya", "zelensk", GenderFemale},
		{"Nowicki", "nowick", GenderMale},
		{"Nowicka", "nowick", GenderFemale},
		{"Kazlauskas", "kazlausk", GenderMale},
		{"Kazlauskienė", "kazlausk", GenderFemale},
		{"Kazlauskaitė", "kazlausk", GenderFemale},
		{"Bērziņš", "berzin", GenderMale},
		{"Bērziņa", "berzin", GenderFemale},
		{"Putinas", "putin", GenderMale},
		{"Putins", "putin", GenderMale},
		{"Tolstoy", "tolst", GenderMale},
		{"Tolstaya", "tolst", GenderFemale},
		{"Petrovych", "petr", GenderMale},
		{"Petrivna", "petr", GenderFemale},
		{"Андріївна", "andr", GenderFemale},
		{"Андрійович", "andr", GenderMale},
		{"Shevchenko", "shevchenko", GenderUnknown},
		{"Ивановы", "ivanov", GenderUnknown}, // family plurals
		{"Tsipuriebi", "tsipuri", GenderUnknown},
		{"Tsipuria", "tsipuri", GenderFemale},
	}
	for _, tt := range tests {
		stem, g := Stem(tt.in)
		if stem != tt.stem || g != tt.gender {
			t.Errorf("Stem(%q) = %q, %v; want %q, %v", tt.in, stem, g, tt.stem, tt.gender)
		}
	}
}

func TestPatronymic(t *testing.T) {
	tests := []struct {
		in     string
		gender Gender
		ok     bool
	}{
		{"Petrovych", GenderMale, true},
		{"Петрович", GenderMale, true},
		{"Vladimirovich", GenderMale, true},
		{"Wladimirowitsch", GenderMale, true},
		{"Władimirowicz", GenderMale, true},
		{"Vladimirovitch", GenderMale, true},
		{"Vlagyimirovics", GenderMale, true},
		{"Vladimirovici", GenderMale, true},
		{"Vladimirovič", GenderMale, true},
		{"Vladimirovitj", GenderMale, true},
		{"Petrivna", GenderFemale, true},
		{"Петрівна", GenderFemale, true},
		{"Vladimirovna", GenderFemale, true},
		{"Ilyinichna", GenderFemale, true},
		{"Oleksandr", GenderUnknown, false},
		{"Shevchenko", GenderUnknown, false},
	}
	for _, tt := range tests {
		g, ok := Patronymic(tt.in)
		if g != tt.gender || ok != tt.ok {
			t.Errorf("Patronymic(%q) = %v, %v; want %v, %v", tt.in, g, ok, tt.gender, tt.ok)
		}
	}
}
