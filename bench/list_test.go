package bench_test

import (
	"fmt"
	"net/http"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/fakecinder"
	"github.com/gocinder/cinder/volumes"
)

var sizes = []int{1000, 10_000, 100_000}

// servers renders each size's pages once, outside the timings.
var servers = map[int]*fakecinder.Cinder{}

func server(n int) *fakecinder.Cinder {
	if servers[n] == nil {
		servers[n] = fakecinder.New(n, "")
	}
	return servers[n]
}

func newClient(tb testing.TB, n int) *cinder.Client {
	tb.Helper()
	c, err := cinder.New(tb.Context(), cinder.Options{
		Endpoint:     server(n).Endpoint(),
		Auth:         cinder.Auth{Token: "bench-token"},
		Microversion: "3.70",
		HTTPClient:   &http.Client{Transport: server(n)},
	})
	require.NoError(tb, err)
	return c
}

// listPager walks the collection with c.Volumes.List.
func listPager(tb testing.TB, c *cinder.Client, each func(volumes.Volume)) int {
	n := 0
	for v, err := range c.Volumes.List(tb.Context(), nil) {
		if err != nil {
			tb.Fatal(err)
		}
		each(v)
		n++
	}
	return n
}

var sink int

func BenchmarkListVolumes(b *testing.B) {
	for _, impl := range []string{"pager", "baseline"} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("impl=%s/n=%d", impl, n), func(b *testing.B) {
				c := newClient(b, n)
				each := func(v volumes.Volume) { sink += v.Size }
				plain := func(v *fakecinder.PlainVolume) { sink += v.Size }
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.ReportAllocs()
				for b.Loop() {
					var got int
					if impl == "pager" {
						got = listPager(b, c, each)
					} else {
						got = fakecinder.ListPlain(b.Context(), server(n), plain)
					}
					if got != n {
						b.Fatalf("listed %d volumes, want %d", got, n)
					}
				}
				runtime.ReadMemStats(&after)
				vols := float64(b.N) * float64(n)
				b.ReportMetric(float64(after.Mallocs-before.Mallocs)/vols, "allocs/vol")
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/vols, "B/vol")
			})
		}
	}
}
