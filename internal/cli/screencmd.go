package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/screening"
)

// runScreen screens a passenger list for an agency: every row is checked (document)
// and screened (name, birth date, nationality); the results file holds the best
// matches with scores and reasons; bad rows are reported by line. A progress bar runs
// on standard error.
func runScreen(ctx context.Context, args []string, env Env) error {
	var cfg Config
	fs := flags("screen", &cfg, env)
	agency := fs.String("agency", "", "the agency on whose behalf the list is screened (required)")
	in := fs.String("in", "", "input CSV: name or firstName,lastName; birthDate; nationality; documentNumber; documentCountry")
	out := fs.String("out", "", "results CSV to write")
	purpose := fs.String("purpose", "passenger list screening", "purpose written to the audit log")
	if err := parse(fs, args, &cfg, env); err != nil {
		return err
	}
	if *agency == "" || *in == "" || *out == "" {
		return usagef("usage: iforce screen --agency CODE --in passengers.csv --out results.csv")
	}
	src, err := os.Open(*in)
	if err != nil {
		return fmt.Errorf("open %s: %w", *in, err)
	}
	defer src.Close()
	st, _ := src.Stat()
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{Screening: screening.New()})
	if err != nil {
		return err
	}
	defer n.Close()
	ag, err := n.store.Read().AgencyByCode(ctx, *agency)
	if err != nil {
		return &iforce.Error{Kind: iforce.KindInvalid, Message: "invalid input", Fields: []iforce.FieldProblem{{Field: "agency", Problem: "no agency with code " + *agency}}}
	}
	// Write beside the target and rename at the end: no half-written results file.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".iforce-screen-*")
	if err != nil {
		return fmt.Errorf("results file: %w", err)
	}
	defer os.Remove(tmp.Name())
	sctx := app.WithRequest(app.WithPrincipal(ctx, iforce.ServicePrincipal(ag, "cli:screen")), app.Request{ID: "cli-screen", Purpose: *purpose})
	loadStart := time.Now()
	if err := n.app.LoadScreening(sctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "screening index loaded in %s\n", time.Since(loadStart).Round(time.Millisecond))
	estimate := 0
	if st != nil {
		estimate = int(st.Size() / 40) // a typical row is about 40 bytes
	}
	start := time.Now()
	bar := func(rows int) {
		if rows%25 != 0 {
			return
		}
		fmt.Fprintf(env.Stderr, "\r%s %d rows, %.0f rows/s", progressBar(rows, estimate), rows, float64(rows)/time.Since(start).Seconds())
	}
	rep, err := n.app.ScreenList(sctx, src, tmp, bar)
	fmt.Fprintln(env.Stderr)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return fmt.Errorf("results file: %w", err)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(rep)
	fmt.Fprintf(env.Stderr, "%d rows screened in %s: %d flagged, %d with bad data; results in %s\n",
		rep.Rows, time.Since(start).Round(time.Millisecond), rep.Flagged, len(rep.Errors), *out)
	return nil
}

// progressBar draws a 30-character bar; the total is an estimate.
func progressBar(done, total int) string {
	const width = 30
	if total <= 0 {
		total = done
	}
	filled := min(width, done*width/max(total, 1))
	return "[" + strings.Repeat("#", filled) + strings.Repeat(".", width-filled) + "]"
}
