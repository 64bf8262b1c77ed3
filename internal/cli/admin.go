package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/iforce-platform/iforce/internal/app"
	"github.com/iforce-platform/iforce/internal/iforce"
)

func runAdmin(ctx context.Context, args []string, env Env) error {
	if len(args) < 2 {
		return usagef("usage: iforce admin agency|user|token SUBCOMMAND …")
	}
	what, sub, rest := args[0], args[1], args[2:]
	var cfg Config
	fs := flags("admin "+what+" "+sub, &cfg, env)
	type cmdFunc func(ctx context.Context, a *app.App) error
	var run cmdFunc
	switch what + " " + sub {
	case "agency add":
		var ag iforce.Agency
		var kind string
		fs.StringVar(&ag.Code, "code", "", "agency code, e.g. UA-NCB")
		fs.StringVar(&ag.Name, "name", "", "agency name")
		fs.StringVar(&ag.Country, "country", "", "ISO 3166-1 alpha-2 country")
		fs.StringVar(&kind, "kind", "", "ncb, national_unit, programme, partner_org or international")
		run = func(ctx context.Context, a *app.App) error {
			ag.Kind, ag.Active = iforce.AgencyKind(kind), true
			if err := a.CreateAgency(ctx, &ag); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "agency %s created\n", ag.Code)
			return nil
		}
	case "agency list":
		run = func(ctx context.Context, a *app.App) error {
			list, err := a.Agencies(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tCOUNTRY\tKIND\tACTIVE\tNAME")
			for _, ag := range list {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%v\t%s\n", ag.Code, ag.Country, ag.Kind, ag.Active, ag.Name)
			}
			return tw.Flush()
		}
	case "agency set":
		var code, name, country, kind, active string
		fs.StringVar(&code, "code", "", "agency code")
		fs.StringVar(&name, "name", "", "new name")
		fs.StringVar(&country, "country", "", "new country")
		fs.StringVar(&kind, "kind", "", "new kind")
		fs.StringVar(&active, "active", "", "true or false")
		run = func(ctx context.Context, a *app.App) error {
			var ch app.AgencyChange
			if name != "" {
				ch.Name = &name
			}
			if country != "" {
				ch.Country = &country
			}
			if kind != "" {
				k := iforce.AgencyKind(kind)
				ch.Kind = &k
			}
			if active != "" {
				b, err := strconv.ParseBool(active)
				if err != nil {
					return usagef("--active must be true or false")
				}
				ch.Active = &b
			}
			ag, err := a.UpdateAgency(ctx, code, ch)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "agency %s updated\n", ag.Code)
			return nil
		}
	case "user add":
		var in app.NewUser
		var roles, clearances string
		fs.StringVar(&in.Agency, "agency", "", "agency code")
		fs.StringVar(&in.Username, "username", "", "username")
		fs.StringVar(&in.Name, "name", "", "full name")
		fs.StringVar(&roles, "role", "", "roles, comma-separated: officer, analyst, supervisor, coordinator, auditor, admin, partner")
		fs.StringVar(&clearances, "clearance", "", "clearances, comma-separated: victim_data, child_data")
		fs.StringVar(&in.Locale, "locale", "", "interface language: en, uk or ro")
		run = func(ctx context.Context, a *app.App) error {
			var err error
			if in.Roles, err = iforce.ParseRoles(roles); err != nil {
				return err
			}
			if in.Clearances, err = iforce.ParseClearances(clearances); err != nil {
				return err
			}
			if in.Password, err = passwordFromStdin(env.Stdin); err != nil {
				return err
			}
			u, generated, err := a.CreateUser(ctx, in)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "user %s created in %s\n", u.Username, u.Agency)
			if generated != "" {
				fmt.Fprintf(env.Stdout, "%s\n", generated)
				fmt.Fprintln(env.Stderr, "the generated password above is shown once; the user enrols a second factor at first sign-in")
			}
			return nil
		}
	case "user list":
		var agency string
		fs.StringVar(&agency, "agency", "", "only users of this agency")
		run = func(ctx context.Context, a *app.App) error {
			list, err := a.Users(ctx, agency)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "USERNAME\tAGENCY\tROLES\tCLEARANCES\tMFA\tDISABLED\tLAST SIGN-IN")
			for _, u := range list {
				last := "-"
				if !u.LastLoginAt.IsZero() {
					last = u.LastLoginAt.Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%v\t%s\n", u.Username, u.Agency, joinRoles(u.Roles), joinRoles(u.Clearances), u.MFAEnabled, u.Disabled, last)
			}
			return tw.Flush()
		}
	case "user disable", "user enable", "user reset-mfa":
		var username string
		fs.StringVar(&username, "username", "", "username")
		run = func(ctx context.Context, a *app.App) error {
			var ch app.UserChange
			switch sub {
			case "disable", "enable":
				d := sub == "disable"
				ch.Disabled = &d
			case "reset-mfa":
				ch.ResetMFA = true
			}
			u, err := a.UpdateUser(ctx, username, ch)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "user %s: %s done\n", u.Username, sub)
			return nil
		}
	case "token create":
		var in app.NewToken
		var roles string
		fs.StringVar(&in.Username, "username", "", "the token's user")
		fs.DurationVar(&in.TTL, "ttl", 24*time.Hour, "lifetime, at most 8760h")
		fs.StringVar(&in.Name, "name", "", "what the token is for")
		fs.StringVar(&roles, "role", "", "restrict the token to these of the user's roles")
		run = func(ctx context.Context, a *app.App) error {
			if in.Username == "" {
				return usagef("--username is required")
			}
			if roles != "" {
				var err error
				if in.Roles, err = iforce.ParseRoles(roles); err != nil {
					return err
				}
			}
			t, err := a.CreateToken(ctx, in)
			if err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, t.Secret)
			fmt.Fprintf(env.Stderr, "token %s for %s expires %s\n", t.ID, in.Username, t.ExpiresAt.Format(time.RFC3339))
			return nil
		}
	case "token revoke":
		run = func(ctx context.Context, a *app.App) error {
			if fs.NArg() != 1 {
				return usagef("usage: iforce admin token revoke ID")
			}
			if err := a.RevokeToken(ctx, fs.Arg(0)); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "token %s revoked\n", fs.Arg(0))
			return nil
		}
	default:
		return usagef("unknown command: iforce admin %s %s", what, sub)
	}
	if err := parse(fs, rest, &cfg, env); err != nil {
		return err
	}
	n, err := open(ctx, cfg, slog.New(slog.DiscardHandler), app.Deps{})
	if err != nil {
		return err
	}
	defer n.Close()
	return run(system(ctx), n.app)
}

func joinRoles[T ~string](xs []T) string {
	ss := make([]string, len(xs))
	for i, x := range xs {
		ss[i] = string(x)
	}
	if len(ss) == 0 {
		return "-"
	}
	return strings.Join(ss, ",")
}

// passwordFromStdin reads a password from a piped standard input; it returns "" when
// standard input is a terminal or empty, so that a password is generated.
func passwordFromStdin(r io.Reader) (string, error) {
	if f, ok := r.(*os.File); ok {
		st, err := f.Stat()
		if err != nil || st.Mode()&os.ModeCharDevice != 0 {
			return "", nil
		}
	}
	if r == nil {
		return "", nil
	}
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password from stdin: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
