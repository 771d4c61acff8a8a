package bench_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

var sizes = []int{1000, 10_000, 100_000}

func newClient(tb testing.TB, n int) *cinder.Client {
	tb.Helper()
	c, err := cinder.New(tb.Context(), cinder.Options{
		Endpoint:     endpoint,
		Auth:         cinder.Auth{Token: "bench-token"},
		Microversion: "3.70",
		HTTPClient:   &http.Client{Transport: server{s: pages(), n: n}},
	})
	require.NoError(tb, err)
	return c
}

// listPager walks the collection with c.Volumes.List.
func listPager(tb testing.TB, c *cinder.Client, each func(*volumes.Volume)) int {
	n := 0
	for v, err := range c.Volumes.List(tb.Context(), nil) {
		if err != nil {
			tb.Fatal(err)
		}
		each(&v)
		n++
	}
	return n
}

// listBaseline walks the same pages with net/http and json.Unmarshal.
func listBaseline(tb testing.TB, hc *http.Client, each func(*volumes.Volume)) int {
	n := 0
	next := endpoint + "/volumes/detail"
	for next != "" {
		resp, err := hc.Get(next)
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			tb.Fatal(err)
		}
		var page struct {
			Volumes []volumes.Volume `json:"volumes"`
			Links   []volumes.Link   `json:"volumes_links"`
		}
		if err := json.Unmarshal(data, &page); err != nil {
			tb.Fatal(err)
		}
		for i := range page.Volumes {
			each(&page.Volumes[i])
			n++
		}
		next = ""
		for _, l := range page.Links {
			if l.Rel == "next" {
				u, err := url.Parse(l.Href)
				if err != nil {
					tb.Fatal(err)
				}
				next = endpoint + "/volumes/detail?" + u.RawQuery
			}
		}
	}
	return n
}

var sink int

func BenchmarkListVolumes(b *testing.B) {
	pages() // render outside the timings
	for _, impl := range []string{"pager", "baseline"} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("impl=%s/n=%d", impl, n), func(b *testing.B) {
				c := newClient(b, n)
				hc := &http.Client{Transport: server{s: pages(), n: n}}
				each := func(v *volumes.Volume) { sink += v.Size }
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.ReportAllocs()
				for b.Loop() {
					var got int
					if impl == "pager" {
						got = listPager(b, c, each)
					} else {
						got = listBaseline(b, hc, each)
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
