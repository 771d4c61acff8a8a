// Package fakecinder is the benchmarks' Cinder: it serves N volumes of GET
// /volumes/detail at microversion 3.70, in pages of 1,000 (Cinder's default
// osapi_max_limit), rendered once from volumes recorded on a real Cinder
// (testdata/), with a latency knob. It answers the few other requests the
// benchmarked commands make: the version documents, GET and DELETE of one
// volume, and the volume actions of the bulk commands.
//
// It serves HTTP (Serve, for processes such as python cinder and our CLI)
// and is also a RoundTripper (RoundTrip, for in-process SDK benchmarks that
// measure the client, not the loopback).
package fakecinder

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// PageSize is the number of volumes per page, Cinder's osapi_max_limit default.
const PageSize = 1000

// ProjectID is the project of every volume and of the API path.
const ProjectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"

var (
	//go:embed testdata/volume_available.json
	availableJSON []byte
	//go:embed testdata/volume_in_use.json
	inUseJSON []byte
	//go:embed testdata/versions.json
	versionsJSON []byte
)

// recorded IDs and names in the templates, replaced per volume
const (
	recID     = "00000000-0000-4000-8000-000000000001"
	recAttID  = "00000000-0000-4000-8000-000000000005"
	recHost   = "https://cinder.example.com:8776"
	recName   = `"gocinder-rec-a"`
	recNameIU = `"gocinder-rec-a2"`
)

// Cinder serves n volumes. Set Latency before serving: every request waits
// that long before it is answered (a round trip to a remote cloud).
type Cinder struct {
	// N is the number of volumes.
	N int
	// Latency delays every HTTP answer (not RoundTrip's).
	Latency time.Duration
	base    string // http://host:port, in the rendered links
	avail   string // the templates, with links under base
	inUse   string
	pages   [][]byte
	deletes atomic.Int64
	srv     *httptest.Server
}

// New renders n volumes (a multiple of PageSize, or fewer than PageSize)
// with links under base (such as "http://127.0.0.1:8776"; "" for a fixed
// host, good for RoundTrip).
func New(n int, base string) *Cinder {
	if base == "" {
		base = "http://cinder.bench"
	}
	c := &Cinder{N: n, base: base}
	c.avail, c.inUse = compact(availableJSON, base), compact(inUseJSON, base)
	for start := 0; start < n || start == 0; start += PageSize {
		c.pages = append(c.pages, c.render(start, min(start+PageSize, n)))
		if n == 0 {
			break
		}
	}
	return c
}

// Serve starts an HTTP server on loopback for c and returns it; Close it.
func Serve(n int, latency time.Duration) *Cinder {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("fakecinder: listen: " + err.Error())
	}
	c := New(n, "http://"+ln.Addr().String())
	c.Latency = latency
	c.srv = httptest.NewUnstartedServer(c)
	c.srv.Listener.Close()
	c.srv.Listener = ln
	c.srv.Start()
	return c
}

// Close stops a server started by Serve.
func (c *Cinder) Close() {
	if c.srv != nil {
		c.srv.Close()
	}
}

// Endpoint is the Block Storage API endpoint: base/v3/ProjectID.
func (c *Cinder) Endpoint() string { return c.base + "/v3/" + ProjectID }

// Deletes is the number of DELETE requests answered.
func (c *Cinder) Deletes() int64 { return c.deletes.Load() }

// Page returns page p as served (the last page without a next link).
func (c *Cinder) Page(p int) []byte { return c.pages[p] }

// compact turns a recorded volume into one line with links under base.
func compact(rec []byte, base string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, rec); err != nil {
		panic("fakecinder: bad template: " + err.Error())
	}
	return strings.ReplaceAll(b.String(), recHost, base)
}

// VolumeID is the ID of volume i; its first 8 hex digits are i.
func VolumeID(i int) string { return fmt.Sprintf("%08x-5e1f-4c2a-9d3b-%012x", i, i*7919) }

// index reads i back from VolumeID(i); -1 when id is not one.
func index(id string) int {
	if len(id) != 36 || id[8:24] != "-5e1f-4c2a-9d3b-" {
		return -1
	}
	i, err := strconv.ParseInt(id[:8], 16, 64)
	if err != nil {
		return -1
	}
	return int(i)
}

// volume renders volume i: every fifth in-use (an attachment to a server),
// a third without description.
func volume(i int, avail, inUse string) string {
	id := VolumeID(i)
	tpl, name := avail, recName
	if i%5 == 0 {
		tpl, name = inUse, recNameIU
		tpl = strings.Replace(tpl, `"server_id":null`, `"server_id":"6c1a3b2e-0d4f-4e8a-b1c2-`+id[24:]+`"`, 1)
		tpl = strings.Replace(tpl, recAttID, "9a8b7c6d-5e4f-4a3b-8c2d-"+id[24:], 1)
	}
	tpl = strings.ReplaceAll(tpl, recID, id)
	tpl = strings.Replace(tpl, name, fmt.Sprintf(`"bench-vol-%06d"`, i), 1)
	tpl = strings.Replace(tpl, `"size":1,`, fmt.Sprintf(`"size":%d,`, 1+i%100), 1)
	if i%3 == 0 {
		tpl = strings.Replace(tpl, `"description":"recorded by gocinder"`, `"description":null`, 1)
	}
	return tpl
}

func (c *Cinder) render(from, to int) []byte {
	var b strings.Builder
	b.WriteString(`{"volumes": [`)
	for i := from; i < to; i++ {
		if i > from {
			b.WriteString(", ")
		}
		b.WriteString(volume(i, c.avail, c.inUse))
	}
	b.WriteString(`]`)
	if to < c.N {
		fmt.Fprintf(&b, `, "volumes_links": [{"rel": "next", "href": "%s/volumes/detail?limit=%d&marker=%s"}]`,
			c.Endpoint(), PageSize, VolumeID(to-1))
	}
	b.WriteString(`}`)
	return []byte(b.String())
}

// RoundTrip answers r in process, without the network or the latency.
func (c *Cinder) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	status, body := c.answer(r)
	return &http.Response{
		StatusCode:    status,
		Header:        http.Header{"Content-Type": {"application/json"}, "X-Openstack-Request-Id": {"req-bench"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       r,
	}, nil
}

// ServeHTTP answers r after c.Latency.
func (c *Cinder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.Latency > 0 {
		sleep(r.Context(), c.Latency)
	}
	_, _ = io.Copy(io.Discard, r.Body)
	status, body := c.answer(r)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Openstack-Request-Id", "req-bench")
	w.Header().Set("OpenStack-API-Version", "volume 3.70")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

var notFound = []byte(`{"itemNotFound": {"code": 404, "message": "Volume could not be found."}}`)

func (c *Cinder) answer(r *http.Request) (int, []byte) {
	p := strings.TrimSuffix(r.URL.Path, "/")
	prefix := "/v3/" + ProjectID
	switch {
	case p == "" || p == "/v3":
		return http.StatusOK, versionsJSON
	case p == prefix+"/volumes/detail" && r.Method == http.MethodGet:
		return http.StatusOK, c.pages[c.pageOf(r.URL.Query().Get("marker"))]
	case strings.HasPrefix(p, prefix+"/volumes/"):
		rest := strings.TrimPrefix(p, prefix+"/volumes/")
		id, action, _ := strings.Cut(rest, "/")
		i := index(id)
		if i < 0 || i >= c.N {
			return http.StatusNotFound, notFound
		}
		switch {
		case action == "action" && r.Method == http.MethodPost:
			return http.StatusAccepted, nil
		case action == "" && r.Method == http.MethodDelete:
			c.deletes.Add(1)
			return http.StatusAccepted, nil
		case action == "" && r.Method == http.MethodGet:
			return http.StatusOK, []byte(`{"volume": ` + volume(i, c.avail, c.inUse) + `}`)
		}
	}
	return http.StatusNotFound, []byte(`{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`)
}

// pageOf is the page after the one that ends with marker (0 without one).
func (c *Cinder) pageOf(marker string) int {
	if marker == "" {
		return 0
	}
	i := index(marker)
	if i < 0 || (i+1)/PageSize >= len(c.pages) {
		return len(c.pages) - 1
	}
	return (i + 1) / PageSize
}
