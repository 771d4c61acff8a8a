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

// plainVolume is every key of a 3.70 volume in plain Go types, without
// our decoding methods: what a plain encoding/json client would decode.
type plainVolume struct {
	ID                 string            `json:"id"`
	Name               string            `json:"name"`
	Description        *string           `json:"description"`
	Status             string            `json:"status"`
	Size               int               `json:"size"`
	AvailabilityZone   string            `json:"availability_zone"`
	CreatedAt          string            `json:"created_at"`
	UpdatedAt          *string           `json:"updated_at"`
	VolumeType         string            `json:"volume_type"`
	SnapshotID         *string           `json:"snapshot_id"`
	SourceVolID        *string           `json:"source_volid"`
	Metadata           map[string]string `json:"metadata"`
	Links              []volumes.Link    `json:"links"`
	UserID             string            `json:"user_id"`
	Bootable           string            `json:"bootable"`
	Encrypted          bool              `json:"encrypted"`
	ReplicationStatus  *string           `json:"replication_status"`
	ConsistencyGroupID *string           `json:"consistencygroup_id"`
	Multiattach        bool              `json:"multiattach"`
	Attachments        []struct {
		ID           string  `json:"id"`
		AttachmentID string  `json:"attachment_id"`
		VolumeID     string  `json:"volume_id"`
		ServerID     *string `json:"server_id"`
		HostName     string  `json:"host_name"`
		Device       string  `json:"device"`
		AttachedAt   string  `json:"attached_at"`
	} `json:"attachments"`
	MigrationStatus *string           `json:"migration_status"`
	GroupID         *string           `json:"group_id"`
	ProviderID      *string           `json:"provider_id"`
	SharedTargets   *bool             `json:"shared_targets"`
	ServiceUUID     string            `json:"service_uuid"`
	ClusterName     *string           `json:"cluster_name"`
	VolumeTypeID    string            `json:"volume_type_id"`
	ConsumesQuota   *bool             `json:"consumes_quota"`
	TenantID        string            `json:"os-vol-tenant-attr:tenant_id"`
	MigStat         *string           `json:"os-vol-mig-status-attr:migstat"`
	NameID          *string           `json:"os-vol-mig-status-attr:name_id"`
	Host            string            `json:"os-vol-host-attr:host"`
	ImageMetadata   map[string]string `json:"volume_image_metadata"`
}

// listBaseline walks the same pages with net/http and a plain
// json.Unmarshal of each page.
func listBaseline(tb testing.TB, n int, each func(*plainVolume)) int {
	hc := &http.Client{Transport: server(n)}
	endpoint := server(n).Endpoint()
	got := 0
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
			Volumes []plainVolume  `json:"volumes"`
			Links   []volumes.Link `json:"volumes_links"`
		}
		if err := json.Unmarshal(data, &page); err != nil {
			tb.Fatal(err)
		}
		for i := range page.Volumes {
			each(&page.Volumes[i])
			got++
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
	return got
}

var sink int

func BenchmarkListVolumes(b *testing.B) {
	for _, impl := range []string{"pager", "baseline"} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("impl=%s/n=%d", impl, n), func(b *testing.B) {
				c := newClient(b, n)
				each := func(v volumes.Volume) { sink += v.Size }
				plain := func(v *plainVolume) { sink += v.Size }
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.ReportAllocs()
				for b.Loop() {
					var got int
					if impl == "pager" {
						got = listPager(b, c, each)
					} else {
						got = listBaseline(b, n, plain)
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
