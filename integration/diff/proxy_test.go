//go:build diff

package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// request is what Cinder received, as compared: method, path, query (as a
// sorted set), the OpenStack-API-Version header and the JSON body parsed.
type request struct {
	Method, Path string
	Query        []string
	Version      string
	Body         any // nil when empty; the raw text when not JSON
	Status       int // Cinder's answer, for the report only
}

// recorder is a reverse proxy in front of Cinder on loopback that records
// every request. The Host header is kept, so Cinder's links point back at
// the proxy and followed links are recorded too.
type recorder struct {
	srv      *httptest.Server
	upstream string
	mu       sync.Mutex
	reqs     []request
	saw500   bool
}

func newRecorder(upstream string) *recorder {
	r := &recorder{upstream: upstream}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	return r
}

func (r *recorder) URL() string { return r.srv.URL }

func (r *recorder) Close() { r.srv.Close() }

// Requests returns the requests recorded so far.
func (r *recorder) Requests() []request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]request(nil), r.reqs...)
}

func (r *recorder) serve(w http.ResponseWriter, in *http.Request) {
	body, _ := io.ReadAll(in.Body)
	rec := request{Method: in.Method, Path: in.URL.Path, Version: in.Header.Get("OpenStack-API-Version")}
	for k, vs := range in.URL.Query() {
		for _, v := range vs {
			rec.Query = append(rec.Query, k+"="+v)
		}
	}
	sort.Strings(rec.Query)
	if len(bytes.TrimSpace(body)) > 0 {
		var v any
		if err := json.Unmarshal(body, &v); err == nil {
			rec.Body = v
		} else {
			rec.Body = string(body)
		}
	}
	u, _ := url.Parse(r.upstream + in.URL.RequestURI())
	var resp *http.Response
	var err error
	var data []byte
	// sqlite's "database is locked" 500s are retried for the requests that
	// can be repeated; the client sees only the last answer.
	for attempt := 0; ; attempt++ {
		out, _ := http.NewRequestWithContext(in.Context(), in.Method, u.String(), bytes.NewReader(body))
		out.Header = in.Header.Clone()
		out.Host = in.Host
		resp, err = http.DefaultTransport.RoundTrip(out)
		if err != nil {
			break
		}
		data, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		idem := in.Method == "GET" || in.Method == "HEAD" || in.Method == "PUT" || in.Method == "DELETE"
		if resp.StatusCode >= 500 && attempt < 4 && (idem || bytes.Contains(data, []byte("locked"))) {
			time.Sleep(time.Duration(attempt+1) * 300 * time.Millisecond)
			continue
		}
		break
	}
	r.mu.Lock()
	if err == nil {
		rec.Status = resp.StatusCode
		if resp.StatusCode >= 500 {
			r.saw500 = true
		}
	}
	r.reqs = append(r.reqs, rec)
	r.mu.Unlock()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	for k, vs := range resp.Header {
		if strings.EqualFold(k, "Content-Length") {
			continue
		}
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(resp.StatusCode)
	w.Write(data)
}
