// Command table is `make bench`: it measures, in one run on this machine,
// our SDK and CLI beside their baselines (plain encoding/json; python
// cinder when it is installed) against internal/fakecinder, and prints
// one table of ratios. Figures taken under load are noisy; the ratios,
// measured side by side, much less.
//
//	go run ./bench/table [-sizes 1000,10000,100000] [-runs 3] [-python cinder]
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/internal/fakecinder"
)

func main() {
	sizes := flag.String("sizes", "1000,10000,100000", "collection sizes")
	runs := flag.Int("runs", 3, "runs of each process (the median is shown)")
	python := flag.String("python", "cinder", "python-cinderclient's cinder (skipped when not found)")
	serve := flag.Int("serve", -1, "internal: serve this many volumes, print the endpoint, stop at EOF on stdin")
	flag.Parse()
	if *serve >= 0 {
		f := fakecinder.Serve(*serve, 0)
		fmt.Println(f.Endpoint())
		_, _ = io.Copy(io.Discard, os.Stdin)
		f.Close()
		return
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(s)
		if err != nil {
			fail(err)
		}
		ns = append(ns, n)
	}
	py, err := exec.LookPath(*python)
	if err != nil {
		py = ""
	}
	dir, err := os.MkdirTemp("", "gocinder-bench")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	ours := filepath.Join(dir, "cinder")
	if out, err := exec.Command("go", "build", "-o", ours, "./cmd/cinder").CombinedOutput(); err != nil {
		fail(fmt.Errorf("go build: %v\n%s", err, out))
	}
	ks := cindertest.NewServer(cindertest.Options{})
	defer ks.Close()
	var stop func()

	// The processes run first, while this one is small: a child's peak RSS
	// (getrusage) starts from its parent's at the fork. The fake Cinder
	// serves them from a child of its own for the same reason.
	env := ks.Env("admin")
	env["OS_CACHE"] = "0"
	var cli []string
	for _, n := range ns {
		env["CINDER_ENDPOINT"], stop = serveFake(n)
		o := measure(*runs, env, ours, "list", "--all-tenants")
		p := proc{}
		if py != "" {
			p = measure(1, env, py, "list", "--all-tenants")
		}
		stop()
		cli = append(cli, line(fmt.Sprintf("CLI `list --all-tenants` %s, time (baseline: python cinder)", k(n)), "≤ 0.15x at 100k",
			dur(o.wall.Nanoseconds()), dur(p.wall.Nanoseconds()), ratio(float64(o.wall), float64(p.wall))),
			line(fmt.Sprintf("CLI `list --all-tenants` %s, peak RSS", k(n)), "< 80 MB at 100k",
				mb(o.rss), mb(p.rss), ratio(float64(o.rss), float64(p.rss))))
	}
	env["CINDER_ENDPOINT"], stop = serveFake(10)
	for _, args := range [][]string{{"list"}, {"show", fakecinder.VolumeID(1)}} {
		o := measure(max(*runs, 10), env, ours, args...)
		p := proc{}
		if py != "" {
			p = measure(*runs, env, py, args...)
		}
		cli = append(cli, line(fmt.Sprintf("CLI `%s` on a 10-volume cloud, whole process incl. auth", args[0]), "≤ 12 ms",
			dur(o.wall.Nanoseconds()), dur(p.wall.Nanoseconds()), ratio(float64(o.wall), float64(p.wall))))
	}
	stop()

	fmt.Println("| measure | target | ours | baseline | ours/baseline |")
	fmt.Println("|---|---|---|---|---|")
	for _, n := range ns {
		sdk, plain := sdkList(n), plainList(n)
		row(fmt.Sprintf("SDK list-all %s, time (baseline: plain encoding/json)", k(n)), "≤ 0.70x",
			dur(sdk.NsPerOp()), dur(plain.NsPerOp()), ratio(float64(sdk.NsPerOp()), float64(plain.NsPerOp())))
		per := float64(n)
		row(fmt.Sprintf("SDK list-all %s, allocs/volume", k(n)), "≤ 45",
			fmt.Sprintf("%.1f", float64(sdk.AllocsPerOp())/per), fmt.Sprintf("%.1f", float64(plain.AllocsPerOp())/per), "")
		row(fmt.Sprintf("SDK list-all %s, bytes/volume", k(n)), "≤ 4 KB",
			fmt.Sprintf("%.0f B", float64(sdk.AllocedBytesPerOp())/per), fmt.Sprintf("%.0f B", float64(plain.AllocedBytesPerOp())/per), "")
	}
	for _, l := range cli {
		fmt.Println(l)
	}
	if sink < 0 {
		fmt.Fprintln(os.Stderr, sink)
	}
}

func k(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

func line(cells ...string) string { return "| " + strings.Join(cells, " | ") + " |" }

func row(cells ...string) { fmt.Println(line(cells...)) }

// serveFake starts this program as a fake Cinder of n volumes and returns
// its endpoint and how to stop it.
func serveFake(n int) (string, func()) {
	cmd := exec.Command(os.Args[0], "-serve", strconv.Itoa(n))
	in, err := cmd.StdinPipe()
	if err != nil {
		fail(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		fail(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	ep, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		fail(fmt.Errorf("fake cinder: %w", err))
	}
	return strings.TrimSpace(ep), func() { in.Close(); _ = cmd.Wait() }
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func dur(ns int64) string {
	if ns == 0 {
		return "–"
	}
	d := time.Duration(ns)
	if d < time.Second {
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func mb(kb int64) string {
	if kb == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f MB", float64(kb)/1024)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

// sink keeps the listed sizes alive (printed only if impossible).
var sink int

func sdkList(n int) testing.BenchmarkResult {
	f := fakecinder.New(n, "")
	c, err := cinder.New(context.Background(), cinder.Options{
		Endpoint: f.Endpoint(), Auth: cinder.Auth{Token: "bench"}, Microversion: "3.70",
		HTTPClient: &http.Client{Transport: f},
	})
	if err != nil {
		fail(err)
	}
	return testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for v, err := range c.Volumes.List(b.Context(), nil) {
				if err != nil {
					b.Fatal(err)
				}
				sink += v.Size
			}
		}
	})
}

func plainList(n int) testing.BenchmarkResult {
	f := fakecinder.New(n, "")
	return testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			fakecinder.ListPlain(b.Context(), f, func(v *fakecinder.PlainVolume) { sink += v.Size })
		}
	})
}

// proc is the median wall time and the largest peak RSS (KB) of runs.
type proc struct {
	wall time.Duration
	rss  int64
}

func measure(runs int, env map[string]string, bin string, args ...string) proc {
	var walls []time.Duration
	var rss int64
	for range runs {
		cmd := exec.Command(bin, args...)
		cmd.Env = os.Environ()
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		var errb bytes.Buffer
		cmd.Stderr = &errb
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fail(fmt.Errorf("%s %s: %v: %s", bin, strings.Join(args, " "), err, errb.String()))
		}
		walls = append(walls, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = max(rss, ru.Maxrss)
		}
	}
	slices.Sort(walls)
	return proc{wall: walls[len(walls)/2], rss: rss}
}
