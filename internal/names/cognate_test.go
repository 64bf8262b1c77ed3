package names

import (
	"slices"
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
