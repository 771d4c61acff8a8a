// Command table is `make bench`: it measures, in one run on this machine,
// our SDK and CLI beside their baselines (plain encoding/json; python
// cinder when it is installed) against internal/fakecinder, and prints
// one table of ratios. Figures taken under load are noisy; the ratios,
// measured side by side, much less.
//
//	go run ./bench/table [-sizes 1000,10000,100000] [-runs 3] [-python cinder]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
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
	flag.Parse()
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
	env := ks.Env("admin")
	env["OS_CACHE"] = "0"
	for _, n := range ns {
		f := fakecinder.Serve(n, 0)
		env["CINDER_ENDPOINT"] = f.Endpoint()
		o := measure(*runs, env, ours, "list", "--all-tenants")
		p := proc{}
		if py != "" && n <= 100_000 {
			p = measure(1, env, py, "list", "--all-tenants")
		}
		f.Close()
		row(fmt.Sprintf("CLI `list --all-tenants` %s, time (baseline: python cinder)", k(n)), "≤ 0.15x at 100k",
			dur(o.wall.Nanoseconds()), dur(p.wall.Nanoseconds()), ratio(float64(o.wall), float64(p.wall)))
		row(fmt.Sprintf("CLI `list --all-tenants` %s, peak RSS", k(n)), "< 80 MB at 100k",
			mb(o.rss), mb(p.rss), ratio(float64(o.rss), float64(p.rss)))
	}
	f := fakecinder.Serve(10, 0)
	env["CINDER_ENDPOINT"] = f.Endpoint()
	for _, args := range [][]string{{"list"}, {"show", fakecinder.VolumeID(1)}} {
		o := measure(max(*runs, 10), env, ours, args...)
		p := proc{}
		if py != "" {
			p = measure(*runs, env, py, args...)
		}
		row(fmt.Sprintf("CLI `%s` on a 10-volume cloud, whole process incl. auth", args[0]), "≤ 12 ms",
			dur(o.wall.Nanoseconds()), dur(p.wall.Nanoseconds()), ratio(float64(o.wall), float64(p.wall)))
	}
	f.Close()
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

func row(cells ...string) { fmt.Println("| " + strings.Join(cells, " | ") + " |") }

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
