package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b  string
		ok    bool
		route string
	}{
		{"Shevchenko", "SHEVCHENKO", true, RouteIdentical},
		{"Ševčenko", "Sevcenko", true, RouteIdentical},
		{"Шевченко", "Shevchenko", true, "transliteration:uk:kmu55"},
		{"Шевченко", "Schewtschenko", true, "transliteration:uk:de"},
		{"Григорій", "Grygorii", true, "transliteration:uk:pass2007"},
		{"Фёдор", "Fyodor", true, "transliteration:ru:gost779b"},
		{"Фёдор", "Fjodor", true, "transliteration:ru:de"},
		{"Путин", "Poutine", true, "transliteration:ru:fr"},
		{"ჯუღაშვილი", "Dzhugashvili", true, "transliteration:ka:via-ru"},
		{"ჯუღაშვილი", "Джугашвили", true, "transliteration:ka:via-ru/ru:icao"},
		{"Müller", "MUELLER", true, "transliteration:latin:mrz"},
		{"Ivanov", "Ivanova", false, RouteGenderForm},
		{"Іванов", "Ivanova", false, RouteGenderForm},
		{"Kowalski", "Kowalska", false, RouteGenderForm},
		{"Novák", "Nováková", false, RouteGenderForm},
		{"Petrovych", "Petrivna", false, RouteGenderForm},
		{"Putin", "Putinas", true, RouteInflection},
		{"Tsipuria", "წიფურიები", true, RouteInflection}, // a Georgian family plural
		{"Ivanova", "Ивановы", true, RouteInflection},    // a Russian family plural
		{"Putin", "Putins", true, RouteInflection},
		{"Зеленський", "Zelenskis", true, RouteInflection},
		{"Олександр", "Alexandru", true, RouteCognate},
		{"Ладзіслаў", "Ladislav", true, "transliteration:be:via-ru"},
		{"Бялюціна", "Белютина", true, "transliteration:be:ru-form/uk:ro"}, // the Russian form of a Belarusian name
		{"Дзядок", "Дедок", true, "transliteration:be:ru-form/uk:kmu55"},
		{"Лукашэнка", "Lukashenko", true, "transliteration:be:ru-form"},
		{"Цярэшка", "Терешко", true, RouteSkeleton},
		{"Цудзіде", "Tsujide", true, "transliteration:uk:via-ru:ja"},
		{"Popovich", "Popovičius", true, RouteInflection}, // Lithuanian -ovičius
		{"Anndra", "Андрей", false, RouteNone},            // the phonetic route keeps a final a apart
		{"Argento", "Ардженто", true, RouteTypo1},         // g against the j of Ardzhento's English reading (arjento)
		{"Delphhina", "Дельфина", true, RouteTypo2},       // a typo's worth beside a confusable letter, 7-9 letters
		{"Steineetz", "Штейнмец", true, RouteTypo2},       // a typo of the caron-less Estonian rendering, steinmets
		{"Watatwni", "Вататани", true, RouteTypo1},        // w and v count as one first letter
		{"Kabutas", "Bobutas", false, RouteNone},          // not when the first letters differ
		{"габриел", "ґебріел", true, RouteTypo1},          // one language, system by system: gebriel stands for all of ґебріел's systems
		{"маррэй", "мюррэй", true, RouteTypo1},
		{"Іван", "János", true, RouteCognate},
		{"Volodymyr", "Włodzimierz", true, RouteCognate},
		{"Саша", "Oleksandr", true, RouteHypocoristic}, // a diminutive and its name, across scripts
		{"Sasza", "Олександра", true, RouteHypocoristic},
		{"Włodek", "Володимир", true, RouteHypocoristic},
		{"Sascha", "Шура", true, RouteHypocoristic}, // two diminutives of one name
		{"Sanyi", "Alexandru", true, RouteHypocoristic},
		{"Soso", "იოსებ", true, RouteHypocoristic},
		{"Jack", "Джон", true, RouteHypocoristic}, // English diminutives too
		{"Bill", "Уильям", true, RouteHypocoristic},
		{"Pasha", "Петро", false, RouteNone}, // Pasha is Pavlo's
		{"Misha", "Mykola", false, RouteNone},
		{"Chevtchenko", "Szewczenko", true, RouteSkeleton},
		{"Jughashvili", "Djugashvili", true, RouteSkeleton},
		{"Shevchenko", "Shevchenco", true, "transliteration:latin:hard-c"},
		{"Connie", "Конні", true, RouteSkeleton},
		{"Kitou", "Kitō", true, "transliteration:latin:spelled-out"},
		{"Deutscher", "Дойчер", true, "transliteration:latin:de-reading/uk:kmu55"},
		{"Schneider", "Шнайдер", true, "transliteration:latin:de-reading/uk:kmu55"},
		{"Gyeonghui", "Kyŏnghŭi", true, RouteTransliteration + SystemKoreanReading}, // McCune-Reischauer read as Revised
		{"Macuoka", "Мацуока", true, "transliteration:uk:iso9"},                     // c = ts kept beside the hard-c reading
		{"Shevchenko", "Shevchemko", true, RouteTypo1},
		{"Bondarenko", "Bondarneko", true, RouteTypo1},
		{"Shevchenko", "Shevchuk", false, RouteNone},
		{"Mahmud", "Mahmood", true, RouteSkeleton}, // through the English reading of oo
		{"Symeon", "სიმონი", true, RoutePhonetic},
		{"Fohl", "Василь", false, RouteNone},              // one consonant more than a confusable apart
		{"Watson", "Ваагн", false, RouteNone},             // consonants differ
		{"Besedina", "Besedinová", true, RouteInflection}, // two feminine forms
		{"Petrenko", "Petrov", false, RouteNone},
		{"Sonja", "შაანი", false, RouteNone},      // the stem's skeleton is all of saani's, the spelling is not
		{"Cilyk", "Зіолеик", true, RoutePhonetic}, // one skeleton, too many edits apart for the skeleton route (0.84): phonetic, ≤ 0.75
		{"Ivanov", "Iwanowa", false, RouteGenderForm},
		{"Shevchenko", "Savchenko", false, RouteNone},
		{"Latham", "Лейтем", true, RoutePhonetic},    // English a heard as ей, th as т
		{"Ramsey", "Ремсі", true, RoutePhonetic},     // a as е
		{"Munk", "Манк", true, RoutePhonetic},        // u as а
		{"Ireton", "Айртон", true, RoutePhonetic},    // i as ай
		{"Hulburd", "Халберд", true, RoutePhonetic},  // h and kh are one х
		{"Shevchenko", "Савченко", false, RouteNone}, // no English vowel, and sh is not s
		{"Savchenko", "Шевченко", false, RouteNone},
		{"Kirill", "Карел", false, RouteNone},        // i is heard as ай, not а
		{"Alexandra", "Alexandru", false, RouteNone}, // two known given names, not a typo of one
		{"Mihaela", "Mihai", false, RouteNone},
		{"Alexandrv", "Alexandru", true, RouteTypo1}, // a typo of a known name is still one
		{"Sergiu", "Сурогу", false, RouteNone},       // e and u are not heard alike
		{"Balodis", "ბელაძე", false, RouteNone},      // Latin and Cyrillic only
		{"Neuță", "Teuță", false, RouteNone},         // a typo keeps the first letter
		{"Vaga", "Varga", true, RouteTypo1},          // a letter lost from five
		{"Ivanoav", "Иванова", true, RouteTypo1},     // a transposed ending, not a masculine form
		{"Vaga", "Vara", false, RouteNone},           // four letters against four: a confusable letter only
		{"Laani", "პაანი", false, RouteNone},
		{"Vacha", "ლაშა", false, RouteNone},
		{"Qabriel", "Gabriel", true, RouteTypo1},               // unless the first letters are read alike
		{"Jonas", "Džonass", true, RoutePhonetic},              // Latvian dž is j: the consonant letters agree
		{"Jillian", "Джиллиан", true, "transliteration:ru:en"}, // дж is the j of English names
		{"Keiji", "Кейджі", true, "transliteration:uk:via-ru:en"},
		{"Rajesh", "Раджеш", true, "transliteration:uk:via-ru:en"},
		{"Jerónima", "Херонима", true, RouteTypo1},
		{"Jutglà", "Хутгла", true, RouteTypo1}, // Catalan j against the h of хутгла's renderings
		{"Pranguliani", "Franguliani", true, RouteTypo1},
		{"OLEKSANDR", "OLEKS", false, RouteMRZTruncation},
		{"", "Ivan", false, RouteNone},
	}
	for _, tt := range tests {
		got := Compare(tt.a, tt.b)
		if got.OK != tt.ok || got.Route != tt.route {
			t.Errorf("Compare(%q, %q) = %+v, want ok=%v route=%q", tt.a, tt.b, got, tt.ok, tt.route)
		}
		if got.Score < 0 || got.Score > 1 {
			t.Errorf("Compare(%q, %q).Score = %v out of [0, 1]", tt.a, tt.b, got.Score)
		}
		if back := Compare(tt.b, tt.a); back.OK != got.OK {
			t.Errorf("Compare(%q, %q).OK = %v but reversed %v", tt.a, tt.b, got.OK, back.OK)
		}
	}
}

// TestPutinNames checks the forms of one name in many languages
// (testdata/putin_names.txt): every Latin or Cyrillic form of the given name
// and surname matches Владимир and Путин.
func TestPutinNames(t *testing.T) {
	given, surname := NewForm("Владимир"), NewForm("Путин")
	skip := map[string]bool{"president": true, "presidente": true, "presiden": true, "predsjednik": true,
		"prasident": true, "presedintele": true, "elnok": true, "v": true, "prezydent": true}
	var missed []string
	for _, line := range readLines(t, "testdata/putin_names.txt") {
		for _, tok := range Parse(line).Tokens {
			if s := DetectScript(tok.Text); s != ScriptLatin && s != ScriptCyrillic || skip[Fold(tok.Text)] {
				continue
			}
			f := NewForm(tok.Text)
			if _, ok := Patronymic(tok.Text); ok {
				continue
			}
			if !CompareForms(f, given).OK && !CompareForms(f, surname).OK {
				missed = append(missed, tok.Text)
			}
		}
	}
	if d := cmp.Diff([]string(nil), missed); d != "" {
		t.Errorf("tokens matching neither Владимир nor Путин (-want +got):\n%s", d)
	}
}

func TestCompareTokensTruncation(t *testing.T) {
	n := Parse("SHEVCHENKO<<OLEKSANDR<PETROV")
	full := Token{Text: "petrovych"}
	if m := CompareTokens(n.Tokens[2], full); !m.OK || m.Route != RouteMRZTruncation {
		t.Errorf("CompareTokens(truncated PETROV, petrovych) = %+v, want mrz-truncation OK", m)
	}
	if m := CompareTokens(Token{Text: "petrov"}, full); m.OK {
		t.Errorf("CompareTokens(petrov, petrovych) = %+v, want not OK", m)
	}
}
