package cindertest

import (
	"net/http"
	"strings"
	"time"
)

// Fault makes matching requests fail. Zero fields match anything.
type Fault struct {
	// Path matches when the request path ends with it (e.g. "/volumes" or
	// "/volumes/detail"); "" matches every path.
	Path string
	// Method matches the HTTP method; "" matches any.
	Method string
	// Nth: the fault fires from the Nth matching request on (1-based; 0 = 1st).
	Nth int
	// Times is how many requests the fault fires for (0 = forever).
	Times int
	// Status is the HTTP status to answer with (e.g. 503); 0 with Latency
	// only delays the request, which is then served normally.
	Status int
	// RetryAfter, if set, is sent as the Retry-After header.
	RetryAfter string
	// Latency delays the answer (or the normal response).
	Latency time.Duration
	// Drop closes the connection without answering.
	Drop bool
}

type faultState struct {
	Fault
	seen, fired int
}

// Inject adds a fault; faults are checked in the order they were added.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = append(s.fault, &faultState{Fault: f})
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = nil
}

// matchFault counts r against the faults and returns the one that fires, if any.
func (s *Server) matchFault(r *http.Request) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.fault {
		if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
			continue
		}
		if f.Path != "" && !strings.HasSuffix(strings.TrimSuffix(r.URL.Path, "/"), f.Path) {
			continue
		}
		f.seen++
		if f.seen < max(f.Nth, 1) || (f.Times > 0 && f.fired >= f.Times) {
			continue
		}
		f.fired++
		out := f.Fault
		return &out
	}
	return nil
}

func (s *Server) writeFault(w http.ResponseWriter, f *Fault) {
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	w.Header().Set("X-Openstack-Request-Id", "req-"+newUUID())
	writeFault(w, f.Status, http.StatusText(f.Status)+" (injected by cindertest)")
}

// drop closes the client connection without writing a response.
func (s *Server) drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
