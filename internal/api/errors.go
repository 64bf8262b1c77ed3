package api

import (
	"errors"

	"github.com/iforce-platform/iforce/internal/audit"
	"github.com/iforce-platform/iforce/internal/iforce"
)

func notFound(what string) error { return iforce.NotFound(what) }

func unauthenticated(msg string) error { return iforce.Errorf(iforce.KindUnauthenticated, "%s", msg) }

func asTamper(err error, te **audit.TamperError) bool { return errors.As(err, te) }
