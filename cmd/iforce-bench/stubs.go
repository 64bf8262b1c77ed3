package main

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/iforce-platform/iforce/internal/synth"
)

func benchPG(ctx context.Context, c screeningConfig, g *synth.Generator, qs []synth.Query, outs []outcome, lat latencies, out io.Writer) error {
	return errors.New("todo")
}
func benchHTTP(ctx context.Context, c screeningConfig, g *synth.Generator, out io.Writer) error { return errors.New("todo") }
func evaluate(file string, distractors int, out io.Writer) error                                 { return errors.New("todo") }
func writeEvalSet(groups string, out io.Writer) error                                           { return errors.New("todo") }

var _ = time.Now
