package bench_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

const (
	pageSize  = 1000
	maxVols   = 100_000
	projectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"
	endpoint  = "https://cinder.example.com:8776/v3/" + projectID
)

// store holds every page of the largest collection, rendered once. A page
// that ends a smaller collection has a second rendering without next link,
// so that all sizes share one store (and one fixed heap).
type store struct {
	pages [][]byte       // page i holds volumes i*pageSize … with a next link
	last  map[int][]byte // page i without next link
}

var pages = sync.OnceValue(func() *store {
	s := &store{last: map[int][]byte{}}
	for p := range maxVols / pageSize {
		s.pages = append(s.pages, renderPage(p, true))
		if n := (p + 1) * pageSize; n == 1000 || n == 10_000 || n == maxVols {
			s.last[p] = renderPage(p, false)
		}
	}
	return s
})

func volumeID(i int) string { return fmt.Sprintf("%08x-5e1f-4c2a-9d3b-%012x", i, i*7919) }

// renderPage writes a GET /volumes/detail page at 3.70, in the shape the
// real Cinder (Zed) answers for an admin: metadata, links, admin attributes.
func renderPage(p int, next bool) []byte {
	var b strings.Builder
	b.WriteString(`{"volumes": [`)
	for i := p * pageSize; i < (p+1)*pageSize; i++ {
		if i > p*pageSize {
			b.WriteString(", ")
		}
		id := volumeID(i)
		desc := "null"
		if i%3 == 0 {
			desc = strconv.Quote(fmt.Sprintf("scratch space for job %d", i))
		}
		status, attachments := "available", "[]"
		if i%5 == 0 {
			status = "in-use"
			attachments = fmt.Sprintf(`[{"server_id": "6c1a3b2e-0d4f-4e8a-b1c2-%012x", "attachment_id": "9a8b7c6d-5e4f-4a3b-8c2d-%012x", `+
				`"attached_at": "2026-11-28T04:06:%02d.000000", "host_name": "compute-%d", "volume_id": %q, "device": "/dev/vdb", "id": %q}]`,
				i, i, i%60, i%17, id, id)
		}
		fmt.Fprintf(&b, `{"id": %q, "status": %q, "size": %d, "availability_zone": "nova", `+
			`"created_at": "2026-11-28T04:05:%02d.886540", "updated_at": "2026-11-28T04:05:%02d.987815", `+
			`"name": "bench-vol-%06d", "description": %s, "volume_type": "__DEFAULT__", "snapshot_id": null, "source_volid": null, `+
			`"metadata": {"purpose": "bench", "owner": "team-%d", "tier": "gold"}, `+
			`"links": [{"rel": "self", "href": "%s/volumes/%s"}, {"rel": "bookmark", "href": "https://cinder.example.com:8776/%s/volumes/%s"}], `+
			`"user_id": "7fdf284d5c844879bc479493d2601734", "bootable": "false", "encrypted": false, "replication_status": null, `+
			`"consistencygroup_id": null, "multiattach": false, "attachments": %s, "migration_status": null, "group_id": null, `+
			`"provider_id": null, "shared_targets": false, "service_uuid": "cd15753c-8a69-4ccb-9ce0-dda3fc33a382", "cluster_name": null, `+
			`"volume_type_id": "2bdd0500-6f57-4ce3-b66d-677cfab8d5ea", "consumes_quota": true, `+
			`"os-vol-tenant-attr:tenant_id": %q, "os-vol-mig-status-attr:migstat": null, "os-vol-mig-status-attr:name_id": null, `+
			`"os-vol-host-attr:host": "localhost@localfile#localfile"}`,
			id, status, 1+i%100, i%60, i%60, i, desc, i%10, endpoint, id, projectID, id, attachments, projectID)
	}
	b.WriteString(`]`)
	if next {
		fmt.Fprintf(&b, `, "volumes_links": [{"rel": "next", "href": "%s/volumes/detail?limit=%d&marker=%s"}]`,
			endpoint, pageSize, volumeID((p+1)*pageSize-1))
	}
	b.WriteString(`}`)
	return []byte(b.String())
}

// server serves the first n volumes of the store as GET /volumes/detail,
// with no network: a RoundTripper.
type server struct {
	s *store
	n int
}

func (v server) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	if r.Method != http.MethodGet || !strings.HasSuffix(r.URL.Path, "/volumes/detail") {
		return nil, fmt.Errorf("bench: unexpected %s %s", r.Method, r.URL)
	}
	p := 0
	if m := r.URL.Query().Get("marker"); m != "" {
		i, err := strconv.ParseInt(m[:8], 16, 64)
		if err != nil {
			return nil, fmt.Errorf("bench: bad marker %q", m)
		}
		p = int(i)/pageSize + 1
	}
	body := v.s.pages[p]
	if p == v.n/pageSize-1 {
		body = v.s.last[p]
	}
	return &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json"}, "X-Openstack-Request-Id": {"req-bench"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       r,
	}, nil
}
