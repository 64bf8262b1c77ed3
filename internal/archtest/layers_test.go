// Package archtest enforces the layering of docs/architecture.md: imports point
// downward only, the domain imports only the standard library, and pure packages stay
// free of persistence and transport.
package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/iforce-platform/iforce/internal/"

// forbidden lists, per package, the internal packages it must not import.
var forbidden = map[string][]string{
	"iforce":    {"*"},
	"names":     {"*"},
	"ident":     {"*"},
	"access":    {"app", "sqlstore", "api", "web", "cli", "server", "audit", "auth"},
	"audit":     {"app", "sqlstore", "api", "web", "cli", "server", "access"},
	"auth":      {"app", "sqlstore", "api", "web", "cli", "server", "access"},
	"sqlstore":  {"app", "api", "web", "cli", "server"}, // access only for its Columns type
	"app":       {"api", "web", "cli", "server"},
	"api":       {"sqlstore", "web", "cli"},
	"web":       {"sqlstore", "api", "cli"},
	"server":    {"sqlstore", "cli"},
	"screening": {"app", "api", "web", "cli", "server"},
}

// stdlibOnly packages import nothing outside the standard library (and internal/iforce).
var stdlibOnly = map[string]bool{"iforce": true}

func TestLayers(t *testing.T) {
	root := filepath.Join("..")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		pkg := e.Name()
		rules, ok := forbidden[pkg]
		if !ok {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				path := strings.Trim(imp.Path.Value, `"`)
				if stdlibOnly[pkg] && strings.Contains(strings.Split(path, "/")[0], ".") {
					t.Errorf("%s imports %s: the domain uses the standard library only", f, path)
				}
				dep, internal := strings.CutPrefix(path, module)
				if !internal {
					continue
				}
				dep = strings.Split(dep, "/")[0]
				for _, bad := range rules {
					if bad == dep || (bad == "*" && dep != "iforce") {
						t.Errorf("%s imports internal/%s: %s must not depend on it", f, dep, pkg)
					}
				}
			}
		}
	}
}
