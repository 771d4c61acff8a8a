package cindertest

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Fault makes matching requests misbehave the way real clouds and the
// proxies in front of them do. Zero fields match anything; the zero value of
// every behaviour field leaves that behaviour off, and a Fault with no
// behaviour field set serves the request normally (it only counts it).
//
// The behaviours, in the order they apply:
//
//   - Latency delays the request before anything else happens.
//   - Drop closes the connection without serving the request (nothing changes
//     on the server; the client sees a connection error).
//   - ExpireToken expires the request's token just before it is served, so the
//     request is answered 401 as Keystone-backed Cinder does when a token runs
//     out in the middle of a paged list; the client must re-authenticate.
//   - Status answers with that HTTP status instead of serving the request: a
//     Cinder fault body (e.g. {"serviceUnavailable": {...}}), or with HTML an
//     HTML error page as a reverse proxy (nginx) writes it. RetryAfter adds a
//     Retry-After header (use it with 429, 413 or 503).
//   - DropResponse serves the request (a create really creates), then closes
//     the connection without sending the response: the case that makes naive
//     clients duplicate creates when they retry.
//   - Truncate serves the request, then sends the status line, the headers
//     (with the full Content-Length) and only the first half of the body, and
//     closes the connection.
//   - SlowBody serves the request, sends the headers at once and spreads the
//     body over the given duration (in about ten writes).
//
// The request log (Server.Requests) records Status 0 for a request whose
// response was dropped or truncated.
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

	// Latency delays the request (which is then handled as the other fields say).
	Latency time.Duration
	// Drop closes the connection without serving the request.
	Drop bool
	// ExpireToken expires the token the request carries before it is served.
	ExpireToken bool
	// Status is the HTTP status to answer with instead of serving (e.g. 503, 429, 413).
	Status int
	// HTML makes a Status answer an HTML error page from a proxy instead of a Cinder fault body.
	HTML bool
	// RetryAfter, if set, is sent as the Retry-After header of a Status answer.
	RetryAfter string
	// DropResponse serves the request and then closes the connection unanswered.
	DropResponse bool
	// Truncate serves the request and sends only the first half of the response body.
	Truncate bool
	// SlowBody serves the request and spreads the response body over this duration.
	SlowBody time.Duration
}

type faultState struct {
	Fault
	seen, fired int
}

// Inject adds a fault; faults are checked in the order they were added, and
// the first that fires for a request is the only one applied to it.
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

// buffered reports whether f needs the response served into a buffer first.
func (f *Fault) buffered() bool {
	return f != nil && (f.DropResponse || f.Truncate || f.SlowBody > 0)
}

func (s *Server) writeFault(w http.ResponseWriter, f *Fault) {
	if f.HTML {
		// What nginx answers for an upstream error: no OpenStack headers.
		text := fmt.Sprintf("%d %s", f.Status, http.StatusText(f.Status))
		body := "<html>\r\n<head><title>" + text + "</title></head>\r\n<body>\r\n<center><h1>" + text +
			"</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Server", "nginx")
		w.Header().Set("Content-Length", itoa(len(body)))
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte(body))
		return
	}
	w.Header().Set("X-Openstack-Request-Id", "req-"+newUUID())
	w = retryAfterWriter{w, f.RetryAfter}
	writeFault(w, f.Status, http.StatusText(f.Status)+" (injected by cindertest)")
}

// retryAfterWriter sets Retry-After last, so it overrides writeFault's own "0" for 413.
type retryAfterWriter struct {
	http.ResponseWriter
	retryAfter string
}

func (w retryAfterWriter) WriteHeader(code int) {
	if w.retryAfter != "" {
		w.Header().Set("Retry-After", w.retryAfter)
	}
	w.ResponseWriter.WriteHeader(code)
}

// bufferWriter collects a response so a fault can deliver it badly.
type bufferWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferWriter) Header() http.Header { return b.header }
func (b *bufferWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}
func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// deliver sends the buffered response b to w as f says and returns the
// status to log (0 when the client never got a complete response).
func (s *Server) deliver(w http.ResponseWriter, b *bufferWriter, f *Fault) int {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	switch {
	case f.DropResponse:
		s.drop(w)
		return 0
	case f.Truncate:
		conn, rw, ok := hijack(w)
		if !ok {
			panic(http.ErrAbortHandler)
		}
		defer conn.Close()
		b.header.Set("Content-Length", itoa(b.body.Len()))
		writeRawHead(rw.Writer, b.status, b.header)
		_, _ = rw.Write(b.body.Bytes()[:b.body.Len()/2])
		_ = rw.Flush()
		return 0
	default: // SlowBody
		for k, v := range b.header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", itoa(b.body.Len()))
		w.WriteHeader(b.status)
		flush := func() {
			if fl, ok := w.(http.Flusher); ok {
				fl.Flush()
			}
		}
		flush()
		data := b.body.Bytes()
		const steps = 10
		chunk := max(1, (len(data)+steps-1)/steps)
		for len(data) > 0 {
			time.Sleep(f.SlowBody / steps)
			n := min(chunk, len(data))
			if _, err := w.Write(data[:n]); err != nil {
				return 0
			}
			flush()
			data = data[n:]
		}
		return b.status
	}
}

// writeRawHead writes an HTTP/1.1 status line and headers.
func writeRawHead(w *bufio.Writer, status int, h http.Header) {
	fmt.Fprintf(w, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	h.Set("Connection", "close")
	_ = h.Write(w)
	_, _ = w.WriteString("\r\n")
}

func hijack(w http.ResponseWriter) (interface{ Close() error }, *bufio.ReadWriter, bool) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return nil, nil, false
	}
	conn, rw, err := hj.Hijack()
	if err != nil {
		return nil, nil, false
	}
	return conn, rw, true
}

// drop closes the client connection without writing a response.
func (s *Server) drop(w http.ResponseWriter) {
	conn, _, ok := hijack(w)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
