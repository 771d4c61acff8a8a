// Package cindertest runs a stateful, in-memory emulation of OpenStack
// Keystone (v3 and v2.0) and Cinder (Block Storage v3) on a loopback port,
// in the spirit of net/http/httptest.
//
//	srv := cindertest.NewServer(cindertest.Options{})
//	defer srv.Close()
//	env := srv.Env("demo") // OS_AUTH_URL, OS_USERNAME, ...
//
// Behaviour (status codes, fault bodies, microversion-dependent fields,
// pagination links) was copied from a real Cinder (Zed) and Keystone.
//
// Status transitions are lazy and deterministic: a volume that enters a
// transient status (creating, extending, deleting, attaching, ...) keeps it
// in the response to the request that caused it and reaches its final status
// at the first request handled at least Options.CreateDelay later (with the
// zero value: the very next request).
package cindertest

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/gocinder/cinder/microversion"
)

// Options configures a Server. The zero value is usable.
type Options struct {
	// MaxLimit is osapi_max_limit, the largest page size (default 1000).
	MaxLimit int
	// MaxMicroversion is the highest volume API microversion served (default "3.71").
	MaxMicroversion string
	// TokenTTL is the lifetime of issued tokens (default 1h).
	TokenTTL time.Duration
	// CreateDelay is how long volumes stay in transient statuses; see the package doc.
	CreateDelay time.Duration
	// Quotas are the default per-project quotas; zero fields take Cinder's defaults.
	Quotas Quotas
	// Capacity is the size in GiB of the emulated backend's only pool
	// (default 5000, about what the real test cloud's thin pool takes). A
	// volume that does not fit goes to "error" and a user message is recorded.
	Capacity int
	// MessageTTL is how long user messages are kept (default 30 days, Cinder's message_ttl).
	MessageTTL time.Duration
	// Logger receives one Debug record per request (default: discard).
	Logger *slog.Logger
	// Now is the emulator's clock (default time.Now). Every timestamp it
	// writes (created_at, updated_at, token expiry, service heartbeats) and
	// every delay it waits out (CreateDelay, TokenTTL, MessageTTL) reads
	// it, so a test that advances its own clock gets deterministic
	// transitions, token expiry and changes-since results. It must be safe
	// for concurrent use; it is called with the server's lock held.
	Now func() time.Time
}

// Quotas are per-project Block Storage limits; -1 means unlimited.
type Quotas struct {
	Volumes            int // number of volumes
	Gigabytes          int // total volume and snapshot size, GiB
	Snapshots          int // number of snapshots
	Backups            int // number of backups
	BackupGigabytes    int // total backup size, GiB
	PerVolumeGigabytes int // largest single volume, GiB
	Groups             int // number of groups
}

// Cinder's defaults (cinder quota-defaults).
var defaultQuotas = Quotas{Volumes: 10, Gigabytes: 1000, Snapshots: 10, Backups: 10,
	BackupGigabytes: 1000, PerVolumeGigabytes: -1, Groups: 10}

// Server is a running emulator. Its methods are safe for concurrent use.
type Server struct {
	opts     Options
	maxMV    microversion.Version
	listener net.Listener
	http     *http.Server
	url      string
	log      *slog.Logger

	// Built once in Serve, read-only afterwards.
	routes        []route // Block Storage endpoints under /v3/{project_id}/
	defTypeRoutes []route // /v3/default-types (3.62), which takes no project ID
	volumeActions map[string]volumeAction

	mu    sync.Mutex
	st    *store
	ids   *identity
	reqs  []Request
	fault []*faultState
}

// NewServer starts a server on 127.0.0.1 on a random port. It panics if it
// cannot listen or opts is invalid, like httptest.NewServer; use Serve to get
// an error instead.
func NewServer(opts Options) *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("cindertest: listen: " + err.Error())
	}
	s, err := Serve(ln, opts)
	if err != nil {
		_ = ln.Close()
		panic(err.Error())
	}
	return s
}

// Serve starts a server on ln (cmd/cinder-emulator uses it to pick the
// port). It returns an error, and leaves ln open, when opts is invalid (a
// MaxMicroversion that is not 3.N with N >= 0).
func Serve(ln net.Listener, opts Options) (*Server, error) {
	if opts.MaxLimit <= 0 {
		opts.MaxLimit = 1000
	}
	if opts.MaxMicroversion == "" {
		opts.MaxMicroversion = "3.71"
	}
	if opts.Capacity <= 0 {
		opts.Capacity = 5000
	}
	if opts.MessageTTL <= 0 {
		opts.MessageTTL = defaultMessageTTL
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	opts.Quotas = mergeQuotas(opts.Quotas)
	maxMV, err := microversion.ParseVersion(opts.MaxMicroversion)
	if err != nil || maxMV.Major != 3 {
		return nil, fmt.Errorf("cindertest: invalid MaxMicroversion %q (want 3.N)", opts.MaxMicroversion)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, maxMV: maxMV, listener: ln, url: "http://" + ln.Addr().String(), log: log}
	s.routes, s.defTypeRoutes, s.volumeActions = cinderRoutes(), defaultTypeRoutes(), newVolumeActions()
	s.ids = newIdentity(opts.Now)
	s.st = newStore(opts.Quotas, opts.Now)
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }()
	return s, nil
}

// now reads Options.Now.
func (s *Server) now() time.Time { return s.opts.Now() }

func mergeQuotas(q Quotas) Quotas {
	d := defaultQuotas
	for _, p := range []struct{ dst, src *int }{
		{&d.Volumes, &q.Volumes}, {&d.Gigabytes, &q.Gigabytes}, {&d.Snapshots, &q.Snapshots},
		{&d.Backups, &q.Backups}, {&d.BackupGigabytes, &q.BackupGigabytes},
		{&d.PerVolumeGigabytes, &q.PerVolumeGigabytes}, {&d.Groups, &q.Groups},
	} {
		if *p.src != 0 {
			*p.dst = *p.src
		}
	}
	return d
}

// Close shuts the server down and closes idle connections.
func (s *Server) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = s.http.Shutdown(ctx)
	_ = s.http.Close()
}

// URL is the base URL, e.g. http://127.0.0.1:PORT.
func (s *Server) URL() string { return s.url }

// AuthURL is the Keystone v3 URL (v2.0 is served at /identity/v2.0).
func (s *Server) AuthURL() string { return s.url + "/identity/v3" }

// CinderURL is the Block Storage root; the API lives at CinderURL()+"/v3/{project_id}".
func (s *Server) CinderURL() string { return s.url + "/volume" }

// Env returns OS_* variables for user ("admin" or "demo", or one added with AddUser).
func (s *Server) Env(user string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.ids.userByName(user)
	env := map[string]string{
		"OS_AUTH_URL":             s.AuthURL(),
		"OS_USERNAME":             user,
		"OS_USER_DOMAIN_NAME":     "Default",
		"OS_PROJECT_DOMAIN_NAME":  "Default",
		"OS_REGION_NAME":          region,
		"OS_INTERFACE":            "public",
		"OS_IDENTITY_API_VERSION": "3",
	}
	if u != nil {
		env["OS_PASSWORD"] = u.password
		env["OS_PROJECT_NAME"] = s.ids.projects[u.projectID].name
	}
	return env
}

// AddProject creates a project (or returns the existing one's ID) and returns its 32-hex ID.
func (s *Server) AddProject(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ids.addProject(name)
}

// AddUser creates a user with a role assignment on projectName (created if
// needed). Roles default to member and reader; "admin" makes the user an admin.
func (s *Server) AddUser(name, password, projectName string, roles ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(roles) == 0 {
		roles = []string{"member", "reader"}
	}
	s.ids.addUser(name, password, s.ids.addProject(projectName), roles)
}

// ProjectID returns the ID of the named project ("" if unknown).
func (s *Server) ProjectID(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.ids.projectByName(name); p != nil {
		return p.id
	}
	return ""
}

// RevokeAll revokes every issued token, so clients must re-authenticate.
func (s *Server) RevokeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id := range s.ids.tokens {
		s.ids.revoked[id] = true
	}
	clear(s.ids.tokens)
}

// RevokeToken revokes one token.
func (s *Server) RevokeToken(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ids.revoke(tok)
}

// Request is one entry in the request log.
type Request struct {
	Method       string // the HTTP method
	Path         string // URL path as received
	Query        string // raw query
	Microversion string // OpenStack-API-Version header as received ("" if absent)
	Status       int    // 0 when the connection was dropped by a Fault
}

// Requests returns a copy of the request log.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}
