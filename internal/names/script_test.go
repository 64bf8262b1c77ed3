package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDetectScript(t *testing.T) {
	tests := []struct {
		in   string
		want Script
	}{
		{"Shevchenko", ScriptLatin},
		{"Ševčenko", ScriptLatin},
		{"Шевченко", ScriptCyrillic},
		{"ჯუღაშვილი", ScriptGeorgian},
		{"Шевчеnко", ScriptMixed},
		{"王", ScriptOther},
		{"123 -", ScriptNone},
	}
	for _, tt := range tests {
		if got := DetectScript(tt.in); got != tt.want {
			t.Errorf("DetectScript(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDetectLangs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Олексій", []string{"uk", "be"}}, // і is Belarusian too
		{"Їжак", []string{"uk"}},
		{"Ґалаґан", []string{"uk"}},
		{"Мар'яна", []string{"uk", "be"}},
		{"Зырянов", []string{"ru", "be"}},
		{"Подъячев", []string{"ru"}},
		{"Фёдор", []string{"ru", "be"}},
		{"Ўладзімір", []string{"be"}},
		{"Лукашэнка", []string{"ru", "be"}},
		{"Іваноўскі", []string{"be"}},
		{"Вітольд", []string{"uk", "be"}},
		{"Ӂеорӂе", []string{"mo"}},
		{"Јовановић", []string{"sr"}},
		{"Шевченко", []string{"uk", "ru", "be"}},
		{"Владимир", []string{"uk", "ru"}},
		{"ჯუღაშვილი", []string{"ka"}},
		{"Szőke", []string{"hu"}},
		{"Nagy János", []string{"hu"}},
		{"Łukasz", []string{"pl"}},
		{"Dvořák", []string{"cs"}},
		{"Ștefan", []string{"ro"}},
		{"Shevchenko", nil},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, DetectLangs(tt.in)); d != "" {
			t.Errorf("DetectLangs(%q) (-want +got):\n%s", tt.in, d)
		}
	}
}
