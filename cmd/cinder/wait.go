package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/gocinder/cinder/volumes"
)

// progress shows what a --wait is waiting for on stderr, only when stderr
// is a terminal; it is silent otherwise (pipes, tests).
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	mu    sync.Mutex
	last  int
}

func (a *app) newProgress() *progress {
	f, ok := a.stderr.(*os.File)
	on := false
	if ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progress{w: a.stderr, on: on, start: time.Now()}
}

// show redraws the status line of the kind ("Volume", "Snapshot"…) id.
func (p *progress) show(kind, id, status string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("\r%s %s: %s (%s)", kind, id, status, time.Since(p.start).Round(time.Second))
	pad := max(p.last-len(line), 0)
	p.last = len(line)
	fmt.Fprintf(p.w, "%s%*s", line, pad, "")
}

// done ends the status line.
func (p *progress) done() {
	if p.on && p.last > 0 {
		fmt.Fprintln(p.w)
	}
}

// waitStatus waits until the volume reaches want, showing progress.
func (a *app) waitStatus(ctx context.Context, id string, want volumes.Status) (*volumes.Volume, error) {
	c, err := a.cinder(ctx)
	if err != nil {
		return nil, err
	}
	p := a.newProgress()
	defer p.done()
	return c.Volumes.WaitForStatus(ctx, id, want, &volumes.WaitOptions{Progress: func(v *volumes.Volume) { p.show("Volume", id, string(v.Status)) }})
}

// waitDeleted waits until the volume is gone, showing progress.
func (a *app) waitDeleted(ctx context.Context, id string) error {
	c, err := a.cinder(ctx)
	if err != nil {
		return err
	}
	p := a.newProgress()
	defer p.done()
	return c.Volumes.WaitForDeleted(ctx, id, &volumes.WaitOptions{Progress: func(v *volumes.Volume) { p.show("Volume", id, string(v.Status)) }})
}
