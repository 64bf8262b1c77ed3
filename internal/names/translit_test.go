package names

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestKMU55Examples checks all 76 examples of Resolution No. 55 (2010).
func TestKMU55Examples(t *testing.T) {
	rows := readTSV(t, "testdata/kmu55_examples.tsv")[1:] // header
	if len(rows) != 76 {
		t.Fatalf("got %d examples, want 76", len(rows))
	}
	for _, row := range rows {
		got, ok := Transliterate(row[0], "uk:kmu55")
		if !ok {
			t.Fatal("uk:kmu55 unknown")
		}
		if got != row[1] {
			t.Errorf("Transliterate(%q, uk:kmu55) = %q, want %q (%s)", row[0], got, row[1], row[2])
		}
		if f := Fold(row[0]); f != Fold(row[1]) {
			t.Errorf("Fold(%q) = %q, want %q", row[0], f, Fold(row[1]))
		}
	}
}

// TestIuliiaSamples checks the Russian systems against the worked samples of
// the iuliia schemas; Fold is applied to both sides, which drops BGN's "·"
// and the apostrophes for the soft and hard signs.
func TestIuliiaSamples(t *testing.T) {
	for _, row := range readTSV(t, "testdata/iuliia_samples.tsv") {
		sys, cyr, want := row[0], row[1], row[2]
		want = strings.ReplaceAll(want, "ё", "ë") // iuliia's BGN keeps a Cyrillic ё
		got, ok := Transliterate(cyr, sys)
		if !ok {
			t.Fatalf("%s unknown", sys)
		}
		if Fold(got) != Fold(want) {
			t.Errorf("%s: Transliterate(%q) = %q, want %q", sys, cyr, got, want)
		}
	}
}

func TestTransliterate(t *testing.T) {
	tests := []struct{ in, sys, want string }{
		{"Шевченко", "uk:kmu55", "Shevchenko"},
		{"Шевченко", "uk:iso9", "Ševčenko"},
		{"Шевченко", "uk:de", "Schewtschenko"},
		{"Шевченко", "uk:fr", "Chevtchenko"},
		{"Шевченко", "uk:pl", "Szewczenko"},
		{"Шевченко", "uk:hu", "Sevcsenko"},
		{"Шевченко", "uk:ro", "Șevcenko"},
		{"Шевченко", "uk:et", "Ševtšenko"},
		{"Шевченко", "uk:cs", "Ševčenko"},
		{"Григорій", "uk:pass2007", "Grygorii"},
		{"Григорій", "uk:kmu55", "Hryhorii"},
		{"Олег", "uk:pass2007", "Oleg"},
		{"ШЕВЧЕНКО ОЛЕКСАНДР", "uk:kmu55", "SHEVCHENKO OLEKSANDR"},
		{"Фёдор Достоевский", "ru:icao", "Fedor Dostoevskii"},
		{"Фёдор Достоевский", "ru:wiki", "Fyodor Dostoyevsky"},
		{"Фёдор Достоевский", "ru:iso9", "Fëdor Dostoevskij"},
		{"Владимир Путин", "ru:fr", "Vladimir Poutine"},
		{"Кидзима", "ru:ja", "Kijima"},
		{"Титибу", "ru:ja", "Chichibu"},
		{"Хасидзумэ Сёта", "ru:ja", "Hashizume Shota"},
		{"Хэддок", "ru:en", "Haddok"}, // Haddock then by its skeleton,
		{"Уайлдер", "ru:en", "Wilder"},
		{"Владимир Путин", "ru:hu", "Vlagyimir Putyin"},
		{"Владимир Владимирович", "ru:de", "Wladimir Wladimirowitsch"},
		{"Подъезд", "ru:icao", "Podieezd"},
		{"Лукашенко", "be:icao", "Lukashenko"},
		{"Гомель", "be:icao", "Homel"},
		{"Ўладзімір", "be:national", "Ŭladzimir"},
		{"Бялюціна", "be:ru-form", "Beliutina"}, // yakanne and tsekanne undone
		{"Цярэшка", "be:ru-form", "Tereshka"},
		{"Лукашэнка", "be:ru-form", "Lukashenko"}, // -энка as -енко
		{"Вячаслаў", "be:ru-form", "Vechaslav"},   // a stressed я too: be:via-ru keeps it
		{"Ӂеорӂе", "mo:bgn2002", "George"},
		{"Кишинэу", "mo:bgn2002", "Chișinău"},
		{"Чиорбэ", "mo:bgn2002", "Ciorbă"},
		{"Ђорђе Јовановић", "sr:latin", "Đorđe Jovanović"},
		{"ჯუღაშვილი", "ka:national", "jughashvili"},
		{"ჯუღაშვილი", "ka:via-ru", "dzhugashvili"},
		{"ჯუღაშვილი", "ka:iso9984", "ǰuḡašvili"},
		{"მიხეილ სააკაშვილი", "ka:national", "mikheil saakʼashvili"},
		{"თბილისი", "ka:national", "tbilisi"},
		{"ჭიანჭველა", "ka:national", "chʼianchʼvela"},
		{"ბაყაყი", "ka:national", "baqʼaqʼi"},
		{"ჩხალთის ქედი", "ka:national", "chkhaltis kedi"},
		{"ჩხალთის ქედი", "ka:bgn1981", "ch’khalt’is k’edi"},
	}
	for _, tt := range tests {
		got, ok := Transliterate(tt.in, tt.sys)
		if !ok {
			t.Fatalf("system %s unknown", tt.sys)
		}
		if got != tt.want {
			t.Errorf("Transliterate(%q, %s) = %q, want %q", tt.in, tt.sys, got, tt.want)
		}
	}
	if _, ok := Transliterate("x", "xx:none"); ok {
		t.Error("unknown system reported as known")
	}
}

func TestVariantsMeetRenderings(t *testing.T) {
	// names.md 5.1: one Cyrillic name, the renderings found in the wild.
	tests := []struct {
		cyr   string
		latin []string
	}{
		{"Шевченко", []string{"Shevchenko", "Ševčenko", "Schewtschenko", "Chevtchenko", "Szewczenko", "Sevcsenko", "Șevcenko", "Ševtšenko", "Sevcenko"}},
		{"ჯუღაშვილი", []string{"Jughashvili", "Dzhugashvili", "Džugašvili", "Dschugaschwili"}},
		{"Фёдор", []string{"Fedor", "Fyodor", "Fëdor", "Fjodor"}},
		{"Путин", []string{"Putin", "Poutine", "Putyin"}},
		{"Григорій", []string{"Hryhorii", "Grygorii", "Hryhoriy"}},
		{"Юрій", []string{"Yurii", "Iurii", "Yuriy", "Jurij"}},
		{"Зеленський", []string{"Zelenskyi", "Zelenskyy", "Zelensky", "Selenskyj", "Zełenski", "Zelenszkij", "Zelenskõi"}},
	}
	for _, tt := range tests {
		texts := map[string]bool{}
		for _, v := range Variants(tt.cyr) {
			texts[v.Text] = true
		}
		for _, l := range tt.latin {
			if !texts[Fold(l)] {
				t.Errorf("Variants(%q) lack %q (Fold %q)", tt.cyr, l, Fold(l))
			}
		}
	}
}

func TestVariantsLatin(t *testing.T) {
	got := Variants("Müller")
	want := []Variant{{Text: "muller", System: SystemFold}, {Text: "mueller", System: SystemMRZ},
		{Text: "miuller", System: SystemGermanReading}} // Мюллер
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Variants(Müller) (-want +got):\n%s", d)
	}
	if got := Variants(" - "); got != nil {
		t.Errorf("Variants of punctuation = %v, want nil", got)
	}
}

func TestSystemsListed(t *testing.T) {
	sys := Systems()
	for _, want := range []string{"uk:kmu55", "uk:pass2007", "uk:icao", "uk:iso9", "ru:icao", "ru:gost52535",
		"ru:mvd310", "ru:bgn", "ru:gost779b", "ru:iso9", "ru:wiki", "be:icao", "be:national", "mo:bgn2002",
		"ka:national", "ka:bgn1981", "ka:iso9984", "ka:via-ru"} {
		found := false
		for _, s := range sys {
			found = found || s == want
		}
		if !found {
			t.Errorf("Systems() lacks %s", want)
		}
	}
}

func TestPolivanovOnlyForJapaneseShapes(t *testing.T) {
	has := func(token string) bool {
		for _, v := range Variants(token) {
			if v.System == "ru:ja" {
				return true
			}
		}
		return false
	}
	for _, tok := range []string{"Кидзима", "Титибу", "Хасидзумэ", "Хаттати", "Синдзи"} {
		if !has(tok) {
			t.Errorf("%s: no ru:ja variant", tok)
		}
	}
	for _, tok := range []string{"Дмитрий", "Анастасия", "Тарас", "Шевченко", "Ситников"} {
		if has(tok) {
			t.Errorf("%s: a ru:ja variant", tok)
		}
	}
}

func TestBelarusianSpelled(t *testing.T) {
	for w, want := range map[string]bool{
		"ціханоўская":  true, // ў
		"дзядок":       true, // dzekanne
		"лукашэнка":    true, // э after a consonant
		"бялюціна":     true, // і and a labial before я (Ukrainian б'я)
		"цярэшка":      true, // ця and э
		"пяткевіч":     true,
		"валянцінавіч": true,
		"восканян":     false,
		"кириленко":    false,
		"гриців":       false, // Ukrainian ці
		"гриця":        false,
		"дзержинский":  false, // дзе beside и: Russian (a Polish name)
		"мэри":         false,
	} {
		if got := belarusianSpelled([]rune(w)); got != want {
			t.Errorf("belarusianSpelled(%q) = %v, want %v", w, got, want)
		}
	}
}
