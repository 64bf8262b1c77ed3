package names

import (
	"slices"
	"strings"
	"testing"
)

func TestCognateGroups(t *testing.T) {
	groups := [][]string{
		{"Олександр", "Александр", "Aleksander", "Alexandru", "Sándor", "Alexander", "Oleksandr", "Аляксандр", "ალექსანდრე"},
		{"Володимир", "Владимир", "Włodzimierz", "Vladimir", "Volodymyr", "Uladzimir"},
		{"Іван", "Иван", "Jan", "Ivan", "János", "Ion", "Ioan", "Jonas", "Jānis", "Juhan"},
		{"Михайло", "Михаил", "Michał", "Mihai", "Mihail", "Mykhailo", "Mikheil", "Mihály", "Michal", "მიხეილ"},
		{"Григорій", "Grzegorz", "Gergely", "Grigore", "Grigol"},
		{"Георгій", "Giorgi", "Jerzy", "Jiří", "György", "Gheorghe", "გიორგი"},
		{"Олена", "Елена", "Helena", "Jelena", "Ilona"},
		{"Сергій", "Сергей", "Сяргей", "Siarhei", "Serghei", "Sergiusz", "Szergej", "Sergejs"},
		{"Michael", "Майкл", "Михайло"}, // English given names as Cyrillic registries hear them
		{"George", "Джордж", "Георгій"},
		{"Wright", "Райт", "Raits"}, // English surnames (surnames.tsv)
		{"Hughes", "Хьюз", "Г'юз"},
		{"Young", "Янг"},
		{"Walker", "Уокер", "Вокер"},
	}
	for _, g := range groups {
		common := CognateIDs(g[0])
		if len(common) == 0 {
			t.Fatalf("CognateIDs(%q) is empty", g[0])
		}
		for _, form := range g[1:] {
			ids := CognateIDs(form)
			if !slices.ContainsFunc(common, func(id uint32) bool { return slices.Contains(ids, id) }) {
				t.Errorf("CognateIDs(%q) = %v share nothing with CognateIDs(%q) = %v", form, ids, g[0], common)
			}
		}
	}
	if ids := CognateIDs("Xyzzyq"); len(ids) != 0 {
		t.Errorf("CognateIDs(Xyzzyq) = %v, want none", ids)
	}
}

func TestCuratedGroupCount(t *testing.T) {
	idx := cognateIndex()
	groups := map[uint32]bool{}
	for _, ids := range idx {
		for _, id := range ids {
			if id >= CuratedGroupBase {
				groups[id] = true
			}
		}
	}
	if len(groups) < 150 {
		t.Errorf("%d curated groups, want at least 150", len(groups))
	}
}

// TestHypocoristics checks that every group a diminutive stands for is a
// curated cognate group, that a diminutive is not listed as a full name of
// the group it stands for (it would match as a cognate and never be
// explained as a diminutive), and that the table's errors name the line.
func TestHypocoristics(t *testing.T) {
	curated := map[uint32]bool{}
	for _, ids := range cognateIndex() {
		for _, id := range ids {
			if id >= CuratedGroupBase {
				curated[id] = true
			}
		}
	}
	for key, ids := range hypocoristicIndex() {
		for _, id := range ids {
			if !curated[id] {
				t.Errorf("hypocoristic %q stands for group %d, which given_names.tsv lacks", key, id-CuratedGroupBase)
			}
		}
	}
	for line := range strings.Lines(hypocoristicsTSV) {
		_, forms, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for form := range strings.SplitSeq(forms, ",") {
			form = strings.TrimSpace(form)
			hypos := HypocoristicIDs(form)
			if len(hypos) == 0 {
				t.Errorf("HypocoristicIDs(%q) is empty", form)
			}
			if cog := CognateIDs(form); slices.ContainsFunc(hypos, func(id uint32) bool { return slices.Contains(cog, id) }) {
				t.Errorf("%q is both a full name and a diminutive of one group", form)
			}
		}
	}
	for _, bad := range []string{"x\tSasha", "1,y\tSasha", "1\t , Sasha", "1 Sasha"} {
		if _, err := buildHypocoristicIndex("# header\n" + bad + "\n"); err == nil || !strings.Contains(err.Error(), "hypocoristics.tsv:2") {
			t.Errorf("buildHypocoristicIndex(%q) = %v, want an error at line 2", bad, err)
		}
	}
}

// TestCuratedTablesReportTheirLine checks that a malformed line of either
// curated table is reported with the table's name and line.
func TestCuratedTablesReportTheirLine(t *testing.T) {
	for _, c := range []struct{ given, surnames, want string }{
		{"# h\nx\tIvan\n", "", "given_names.tsv:2"},
		{"", "# h\n1 Smith\n", "surnames.tsv:2"},
		{"", "99999999\tSmith\n", "surnames.tsv:1"}, // an id that would reach another table's range
	} {
		if _, err := buildCognateIndex(c.given, c.surnames, ""); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("buildCognateIndex(%q, %q) = %v, want an error at %s", c.given, c.surnames, err, c.want)
		}
	}
}

func TestPrefixCognates(t *testing.T) {
	ids := PrefixCognates("ALEKSAN")
	if len(ids) == 0 {
		t.Fatal("ALEKSAN: no groups")
	}
	if !NewForm("Олександр").InCognateGroup(ids) || !NewForm("Sándor").InCognateGroup(ids) {
		t.Error("ALEKSAN does not stand for Олександр and Sándor")
	}
	if NewForm("Богдан").InCognateGroup(ids) {
		t.Error("ALEKSAN stands for Богдан")
	}
	if got := PrefixCognates("ALE"); got != nil {
		t.Errorf("a three-letter prefix: %v", got)
	}
}
