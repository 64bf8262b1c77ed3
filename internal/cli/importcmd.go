package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
	"github.com/iforce-platform/iforce/internal/recordio"
)

// runImport imports a CSV or FollowTheMoney file on behalf of an agency and prints the
// row report as JSON; progress goes to standard error.
func runImport(ctx context.Context, args []string, env Env) error {
	var cfg Config
	fs := flags("import", &cfg, env)
	agency := fs.String("agency", "", "owner agency code (required)")
	format := fs.String("format", "", "csv or ftm (required)")
	schema := fs.String("schema", "", "the schema of a CSV file, e.g. Person")
	var d recordio.Defaults
	var agencies, areas string
	fs.StringVar(&d.Category, "category", "", "default data-subject category for persons")
	fs.StringVar(&d.Handling, "handling", "", "default handling code H0-H3")
	fs.StringVar(&d.Distribution.Scope, "scope", "", "default distribution: owner, agencies or all")
	fs.StringVar(&agencies, "agencies", "", "default distribution agencies, comma-separated")
	fs.StringVar(&areas, "crime-areas", "", "default crime areas, comma-separated")
	fs.StringVar(&d.LegalBasis, "legal-basis", "", "default legal basis")
	if err := parse(fs, args, &cfg, env); err != nil {
		return err
	}
	if fs.NArg() != 1 || *agency == "" || *format == "" {
		return usagef("usage: iforce import --agency CODE --format csv|ftm [--schema S] FILE")
	}
	d.Distribution.Agencies = splitFlag(agencies)
	d.CrimeAreas = splitFlag(areas)
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("open %s: %w", fs.Arg(0), err)
	}
	defer f.Close()
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
	if err != nil {
		return err
	}
	defer n.Close()
	progress := func(rows int) { fmt.Fprintf(env.Stderr, "\rimported %d rows…", rows) }
	res, err := n.app.Import(system(ctx), app.ImportRequest{Agency: *agency, Format: *format, Schema: *schema, Defaults: d, Body: f, Progress: progress})
	fmt.Fprintln(env.Stderr)
	if res != nil {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(res)
		fmt.Fprintf(env.Stderr, "%d rows: %d created, %d updated, %d unchanged, %d rejected\n", res.Rows, res.Created, res.Updated, res.Unchanged, len(res.Rejected))
	}
	if err == nil && res != nil && len(res.Rejected) > 0 {
		return iforce.Errorf(iforce.KindInvalid, "%d rows rejected (see the report)", len(res.Rejected))
	}
	return err
}

func splitFlag(s string) []string {
	var out []string
	for v := range strings.SplitSeq(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
