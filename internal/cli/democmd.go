package cli

import (
	"context"
	"fmt"

	"github.com/iforce-platform/iforce/internal/demo"
)

// runDemo writes demonstration inputs: `iforce demo passengers --rows N` prints a
// synthetic passenger list (CSV) for the list-screening page, the screen command and
// its benchmark; `iforce demo mrz` prints the MRZ of the border-check journey.
func runDemo(_ context.Context, args []string, env Env) error {
	if len(args) == 1 && args[0] == "mrz" {
		_, err := fmt.Fprintln(env.Stdout, demo.JourneyMRZ())
		return err
	}
	if len(args) < 1 || args[0] != "passengers" {
		return usagef("usage: iforce demo passengers [--rows N] [--seed S] | iforce demo mrz")
	}
	var cfg Config
	fs := flags("demo passengers", &cfg, env)
	rows := fs.Int("rows", 200, "rows of the list")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := parse(fs, args[1:], &cfg, env); err != nil {
		return err
	}
	if *rows < 1 || *rows > 1_000_000 {
		return usagef("--rows must be from 1 to 1000000")
	}
	return demo.SyntheticPassengersCSV(env.Stdout, *rows, *seed)
}
