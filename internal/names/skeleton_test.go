package names

import "testing"

func TestSkeletonGroupsCollide(t *testing.T) {
	groups := [][]string{
		{"Shevchenko", "Schewtschenko", "Chevtchenko", "Szewczenko", "Sevcenko", "Sevcsenko", "Ševčenko", "Șevcenko", "Ševtšenko", "Шевченко"},
		{"Jughashvili", "Dzhugashvili", "Djugashvili", "Džugašvili", "ჯუღაშვილი", "Джугашвили"},
		{"Oleksandr", "Oleksander", "Aleksandr", "Alexandr", "Alexander", "Aleksander", "Олександр", "Александр"},
		{"Yuri", "Iurii", "Jurij", "Yuriy", "Юрий"},
		{"Yevhen", "Ievhen", "Jevhen", "Evhen"},
		{"Hryhorii", "Grigorii", "Hryhoriy", "Grygorii"},
		{"Kharkiv", "Charkiw", "Harkiv"},
		{"Pyotr", "Petr", "Piotr", "Peter"},
		{"Nataliia", "Natalia", "Nataliya", "Natalya"},
		{"Zelenskyi", "Zelenskyy", "Zelenskij", "Selenskyj"},
		{"Kabakov", "Kabakoff", "Kabakow"},
		{"Kozlov", "Kazlou"},
	}
	for _, g := range groups {
		want := Skeleton(g[0])
		for _, s := range g[1:] {
			if got := Skeleton(s); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q as for %q", s, got, want, g[0])
			}
		}
	}
}

func TestSkeletonKeepsNamesApart(t *testing.T) {
	pairs := [][2]string{
		{"Shevchenko", "Shevchuk"},
		{"Shevchenko", "Savchenko"},
		{"Ivanov", "Ivanova"},
		{"Petrenko", "Petrov"},
		{"Kovalenko", "Kovalchuk"},
		{"Bondarenko", "Bondar"},
		{"Oleksandr", "Oleksandra"},
		{"Melnyk", "Mykhailo"},
	}
	for _, p := range pairs {
		if a, b := Skeleton(p[0]), Skeleton(p[1]); a == b {
			t.Errorf("Skeleton(%q) == Skeleton(%q) == %q", p[0], p[1], a)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"ivanov", "ivanov", 0},
		{"victor", "viktor", 0.5}, // c/k confusable
		{"ivanov", "ivanova", 1},
		{"shevchenko", "sevchenko", 0.5}, // deleting h is cheap
		{"petrov", "petorv", 1},          // transposition
		{"Ševčenko", "sevcenko", 0},      // Distance folds first
		{"aydar", "aidar", 0},            // one glide after one vowel
		{"ayzar", "aidar", 1},
		{"yvan", "ivan", 0.5}, // no vowel before: confusable only
		{"mayja", "maija", 0},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, 5); got != tt.want {
			t.Errorf("Distance(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := Distance("abcdefgh", "zyxwvuts", 1); got <= 1 {
		t.Errorf("Distance past the limit = %v, want > 1", got)
	}
}
