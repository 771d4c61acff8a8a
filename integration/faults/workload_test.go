package faults_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
)

// result is one workload's row of the table.
type result struct {
	workload   string
	cycles     int
	injected   int // faults injected
	requests   int // Block Storage requests seen by the proxy
	duplicates int // resources the server created more than once under one name
	leaks      int // resources left at the end
	lost       int // deletes reported failed although they worked, or reported done but not
	errs       map[string]int
	wall       time.Duration // real time
	virtual    time.Duration // time inside the synctest bubble (backoffs, waits)
}

var (
	tableMu sync.Mutex
	table   []result
)

func report(r result) {
	tableMu.Lock()
	defer tableMu.Unlock()
	table = append(table, r)
}

// TestMain prints the table of every workload that ran (go test -v shows it
// too, but the table is the suite's output: it goes to stdout always).
func TestMain(m *testing.M) {
	code := m.Run()
	if len(table) > 0 {
		printTable(os.Stdout)
	}
	os.Exit(code)
}

func printTable(w *os.File) {
	slices.SortFunc(table, func(a, b result) int { return strings.Compare(a.workload, b.workload) })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "workload\tcycles\trequests\tfaults\tduplicates\tleaks\tlost\terrors by kind\twall\tvirtual")
	for _, r := range table {
		var kinds []string
		for k, n := range r.errs {
			kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
		}
		slices.Sort(kinds)
		errs := strings.Join(kinds, " ")
		if errs == "" {
			errs = "-"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\n", r.workload, r.cycles, r.requests, r.injected,
			r.duplicates, r.leaks, r.lost, errs, r.wall.Round(time.Millisecond), r.virtual.Round(time.Second))
	}
	_ = tw.Flush()
}

// tally counts the errors a workload's steps saw, by kind.
type tally struct {
	mu      sync.Mutex
	errs    map[string]int
	lost    int
	samples []string // untyped errors, for the failure message
}

func newTally() *tally { return &tally{errs: map[string]int{}} }

// see records err (nil is fine) under its kind and returns it.
func (t *tally) see(err error) error {
	if err == nil {
		return nil
	}
	k := kind(err)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.errs[k]++
	if k == "untyped" && len(t.samples) < 10 {
		t.samples = append(t.samples, err.Error())
	}
	return err
}

func (t *tally) lostDelete() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.lost++
}

// kind names an error the way a caller tells errors apart: by type and
// sentinel. "untyped" (an error no errors.As/Is recognises) must not occur.
func kind(err error) string {
	var me *cinder.MayExistError
	var ae *cinder.APIError
	var ue *cinder.UnreachableError
	var se *cinder.StatusError
	var syntax *json.SyntaxError
	switch {
	case strings.HasPrefix(err.Error(), "panic"):
		return "panic"
	case errors.As(err, &me):
		return "may-exist"
	case errors.As(err, &ae):
		return fmt.Sprintf("http-%d", ae.StatusCode)
	case errors.As(err, &ue):
		return "unreachable"
	case errors.As(err, &se):
		return "status-" + se.Status
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, syscall.ECONNRESET):
		return "conn-reset"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated-body"
	case errors.As(err, &syntax):
		return "bad-json"
	}
	return "untyped"
}

// guard runs step, turning a panic into an error the tally counts as such.
func guard(step func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	return step()
}

// until runs step until it succeeds, recording every failure; it gives up
// (returning the last error) after 20 failures — a bound a working client
// never reaches at these fault rates.
func until(tl *tally, step func() error) error {
	var err error
	for range 20 {
		if err = tl.see(guard(step)); err == nil || strings.HasPrefix(err.Error(), "panic") {
			return err
		}
	}
	return err
}

// env is one emulator behind a fault proxy, and a client through it.
type env struct {
	srv   *cindertest.Server
	proxy *Proxy
}

// newEnv starts an emulator (outside any synctest bubble: its listener
// goroutine must not be in one) with unlimited quotas.
func newEnv(t *testing.T, seed uint64, rate float64, kinds []Kind) *env {
	t.Helper()
	srv := cindertest.NewServer(cindertest.Options{Quotas: cindertest.Quotas{Volumes: -1, Gigabytes: -1,
		Snapshots: -1, Backups: -1, BackupGigabytes: -1}})
	t.Cleanup(srv.Close)
	return &env{srv: srv, proxy: NewProxy(srv, seed, rate, kinds)}
}

// client authenticates through the proxy (faults off while it does).
func (e *env) client(t *testing.T, ctx context.Context) *cinder.Client {
	t.Helper()
	e.proxy.SetEnabled(false)
	defer e.proxy.SetEnabled(true)
	c, err := e.srv.ClientAs(ctx, "admin", cinder.Options{HTTPClient: &http.Client{Transport: e.proxy}})
	require.NoError(t, err)
	return c
}

// finish fills the proxy's figures into r, checks the zeros and reports r.
func (e *env) finish(t *testing.T, r result, tl *tally, leaks int) {
	t.Helper()
	injected, requests := e.proxy.Injected()
	for _, n := range injected {
		r.injected += n
	}
	r.requests = requests
	dups := e.proxy.Duplicates()
	for _, n := range dups {
		r.duplicates += n
	}
	r.leaks, r.lost, r.errs = leaks, tl.lost, tl.errs
	report(r)
	t.Logf("faults injected: %v", injected)
	assert.Empty(t, dups, "server-side duplicate creates")
	assert.Zero(t, leaks, "leaked resources")
	assert.Zero(t, tl.lost, "lost deletes")
	assert.Zero(t, tl.errs["panic"], "panics")
	assert.Zero(t, tl.errs["untyped"], "untyped errors: %q", tl.samples)
	if requests > 0 {
		assert.GreaterOrEqual(t, float64(r.injected)/float64(requests), 0.10, "fault rate")
	}
}

// parallel runs n cycles on workers goroutines; cycle gets the worker's
// index and the cycle's.
func parallel(n, workers int, cycle func(w, i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := range workers {
		wg.Go(func() {
			for i := range next {
				cycle(w, i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
