//go:build tools

// Package tools pins the development tools of I-FORCE in their own module, so that they
// do not enter the product's dependency graph. Run them with `go run -modfile=tools/go.mod`.
package tools

import (
	_ "golang.org/x/perf/cmd/benchstat"
	_ "honnef.co/go/tools/cmd/staticcheck"
)
