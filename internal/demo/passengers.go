package demo

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/iforce-platform/iforce/internal/names"
)

// SyntheticPassengersCSV writes a passenger list of n rows as an airline manifest would
// carry it (Latin capitals, as in the MRZ): about one row in ten is a person of
// SyntheticPersonsFTM(…, "p0-", 0) written in Latin, the others are made-up travellers.
// It is the input of the list-screening benchmark and a sample for the demo.
func SyntheticPassengersCSV(w io.Writer, n int, seed uint64) error {
	var known bytes.Buffer
	if err := SyntheticPersonsFTM(&known, min(n, 100_000), "p0-", 0); err != nil {
		return err
	}
	type person struct {
		Properties map[string][]string `json:"properties"`
	}
	var people []person
	dec := json.NewDecoder(&known)
	for dec.More() {
		var p person
		if err := dec.Decode(&p); err != nil {
			return fmt.Errorf("synthetic passengers: %w", err)
		}
		people = append(people, p)
	}
	r := rand.New(rand.NewPCG(seed, 11))
	first := []string{"JOHN", "MARIA", "AHMET", "ELENA", "DAVID", "SOFIA", "MEHMET", "ANNA", "LUCA", "EMMA", "IVAN", "OLGA"}
	last := []string{"SMITH", "YILMAZ", "ROSSI", "MULLER", "GARCIA", "KAYA", "DUBOIS", "NOVAK", "SILVA", "DEMIR", "KARA", "BROWN"}
	cw := csv.NewWriter(w)
	cw.Write([]string{"lastName", "firstName", "birthDate", "nationality", "documentNumber", "documentCountry"})
	for i := range n {
		var row []string
		if i%10 == 0 && len(people) > 0 {
			p := people[r.IntN(len(people))].Properties
			row = []string{strings.ToUpper(names.Fold(p["lastName"][0])), strings.ToUpper(names.Fold(p["firstName"][0])), p["birthDate"][0],
				p["nationality"][0], "", ""}
		} else {
			row = []string{last[r.IntN(len(last))] + fmt.Sprint(r.IntN(900)+100), first[r.IntN(len(first))],
				fmt.Sprintf("%d-%02d-%02d", 1950+r.IntN(55), 1+r.IntN(12), 1+r.IntN(28)), "TR", fmt.Sprintf("U%08d", r.IntN(100_000_000)), "TR"}
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("synthetic passengers: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}
