package demo

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// Name pools of the synthetic persons: the region's scripts mixed.
var (
	synthFirst = []string{"Олександр", "Андрій", "Петро", "Іван", "Олена", "Наталія", "Ion", "Vasile", "Maria", "Elena", "Piotr", "Anna", "გიორგი", "ნინო", "Zoltán", "Jānis"}
	synthLast  = []string{"Шевченко", "Коваленко", "Бондаренко", "Мельник", "Шевчук", "Ceban", "Rusu", "Popa", "Țurcanu", "Nowak", "Wiśniewska", "ბერიძე", "გელაშვილი", "Szőke", "Bērziņš", "Kazlauskas"}
)

// SyntheticPersonsFTM writes n synthetic persons as FollowTheMoney JSON lines for
// benchmarks: ids prefix+i, deterministic for a seed, shared with all members. Three
// surnames in four carry a numeric suffix so that the index has realistic selectivity;
// idNumber is "XX" + 7 digits.
func SyntheticPersonsFTM(w io.Writer, n int, prefix string, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 7))
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cats := []string{"suspect", "wanted", "missing", "witness", "contact"}
	for i := range n {
		last := synthLast[r.IntN(len(synthLast))]
		if r.IntN(4) != 0 {
			last += "-" + strconv.Itoa(r.IntN(5000))
		}
		props := map[string][]string{
			"firstName":   {synthFirst[r.IntN(len(synthFirst))]},
			"lastName":    {last},
			"birthDate":   {fmt.Sprintf("%d-%02d-%02d", 1950+r.IntN(55), 1+r.IntN(12), 1+r.IntN(28))},
			"nationality": {[]string{"UA", "MD", "RO", "PL", "GE", "HU", "LV", "LT"}[r.IntN(8)]},
			"idNumber":    {fmt.Sprintf("%c%c%07d", 'A'+r.IntN(26), 'A'+r.IntN(26), r.IntN(10_000_000))},
		}
		err := enc.Encode(map[string]any{"id": prefix + strconv.Itoa(i), "schema": "Person", "properties": props,
			"category": cats[r.IntN(len(cats))], "distribution": map[string]any{"scope": "all"}, "crimeAreas": []string{"organised_crime"}})
		if err != nil {
			return fmt.Errorf("synthetic persons: %w", err)
		}
	}
	return nil
}
