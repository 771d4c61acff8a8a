// Package cinder is a client for OpenStack Block Storage (Cinder) v3.
//
// Create a Client with New (or NewClient, the twin of python-cinderclient's
// client.Client), then use one manager per resource: c.Volumes.List,
// c.Volumes.Create, … Every call takes a context first; lists are iterators;
// errors are *APIError values that match ErrNotFound and friends.
//
// Every resource package names the same operation the same way: List,
// ListPage, ListRefs, Get, Create, Update, Delete, Find, WaitForStatus,
// WaitForDeleted, then one method per action. docs/api.md tables which
// package has which (a test checks the table against the API record).
package cinder

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/clusters"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/discovery"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/hosts"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/internal/transport"
	"github.com/gocinder/cinder/limits"
	"github.com/gocinder/cinder/messages"
	"github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/pools"
	"github.com/gocinder/cinder/qos"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/replication"
	"github.com/gocinder/cinder/services"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
	"github.com/gocinder/cinder/workers"
)

// Version is this module's version, sent in the User-Agent.
const Version = "0.1.0"

// MaxMicroversion is the newest Block Storage microversion this client knows.
const MaxMicroversion = "3.71"

// Options configure New. The zero value authenticates from the OS_*
// environment and negotiates the highest microversion both sides support.
type Options struct {
	Auth Auth // how to authenticate; the zero value reads OS_*

	// Microversion: "3", "3.N", "3.latest"/"latest" or "" (negotiate, the
	// default). "1" and "2" are served by v3, with a warning logged.
	Microversion string

	Region      string // OS_REGION_NAME
	Interface   string // public (default), internal or admin; "publicURL" style accepted
	ServiceType string // default block-storage; aliases volumev3, volumev2, volume, block-store
	ServiceName string // the catalog entry's name, when several have the type
	// Endpoint overrides the catalog, e.g. http://cinder:8776/v3/<project>.
	// With Auth.Token and no Auth.AuthURL, Keystone is not called at all.
	Endpoint string

	// HTTPClient is the base client; its Transport is wrapped, never
	// replaced. TLS settings (below, or from clouds.yaml) are applied to a
	// clone of it when it is an *http.Transport.
	HTTPClient *http.Client
	// WrapTransport, when set, wraps the base transport (after TLS is set
	// up) for the Keystone and Block Storage requests alike: the way to add
	// a layer (tracing, capture, a test double) without losing the TLS
	// settings. The SDK's own layers (headers, retry, auth, log) sit above.
	WrapTransport func(http.RoundTripper) http.RoundTripper

	CACertFile string        // PEM CA bundle to verify the servers with (OS_CACERT)
	CertFile   string        // PEM client certificate (OS_CERT)
	KeyFile    string        // PEM key of CertFile (OS_KEY)
	Insecure   bool          // skip TLS verification (off by default)
	Timeout    time.Duration // per call, retries and their waits included; 0 means none

	// MaxAttempts is how often an idempotent request is tried; 0 means 3, 1 disables retries.
	MaxAttempts int

	UserAgent       string       // prepended to "gocinder/<version>"
	GlobalRequestID string       // sent as X-OpenStack-Request-ID on every request
	Logger          *slog.Logger // one Debug record per attempt; default: discard
}

// Client talks to one Block Storage endpoint at one microversion. It is safe
// for concurrent use; WithMicroversion returns a cheap copy.
type Client struct {
	rc        *rest.Client
	projectID string
	logger    *slog.Logger
	// server is the server's range, zero until learned (New learns it
	// when negotiating; a fixed microversion skips that).
	server microversion.Range

	Volumes   *volumes.Manager   // volumes and their actions
	Snapshots *snapshots.Manager // volume snapshots
	Backups   *backups.Manager   // volume backups

	Transfers   *transfers.Manager   // volume transfers between projects
	Attachments *attachments.Manager // the attachments API (since 3.27)

	Quotas    *quotas.Manager    // quota sets and quota classes
	Limits    *limits.Manager    // the project's absolute and rate limits
	Messages  *messages.Manager  // user messages (since 3.3)
	Discovery *discovery.Manager // availability zones and resource filters

	Types *types.Manager // volume types, extra specs, access, encryption, defaults
	QoS   *qos.Manager   // QoS specs and their associations

	Groups         *groups.Manager         // generic volume groups (since 3.13)
	GroupTypes     *grouptypes.Manager     // group types and group specs (since 3.11)
	GroupSnapshots *groupsnapshots.Manager // group snapshots (since 3.14)

	ConsistencyGroups *consistencygroups.Manager // legacy, deprecated in Cinder
	CGSnapshots       *cgsnapshots.Manager       // legacy, deprecated in Cinder

	// admin: services, clusters, hosts, back-end pools, worker cleanup
	Services    *services.Manager
	Replication *replication.Manager // back-end freeze, thaw, failover and replication status
	Clusters    *clusters.Manager    // clusters (since 3.7)
	Hosts       *hosts.Manager       // hosts and their per-project usage
	Pools       *pools.Manager       // back-end pools and capabilities
	Workers     *workers.Manager     // worker cleanup (since 3.24)
}

// New authenticates, finds the endpoint and negotiates the microversion.
func New(ctx context.Context, o Options) (*Client, error) {
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	req, err := microversion.Parse(o.Microversion)
	if err != nil {
		return nil, err
	}
	warnLegacy(logger, req)
	if o.Auth == (Auth{}) {
		o.Auth = FromEnv()
	}
	static := o.Endpoint != "" && o.Auth.Token != "" && o.Auth.AuthURL == "" && o.Auth.Cloud == ""
	var l login
	if !static {
		if l, err = planLogin(o.Auth, o); err != nil {
			return nil, err
		}
	}
	base, err := baseHTTP(o, l.tls)
	if err != nil {
		return nil, err
	}
	logged := &transport.Log{Next: base.Transport, Logger: logger}
	var tokens transport.TokenSource
	var endpoint, project string
	if static {
		tokens, endpoint = staticToken(o.Auth.Token), o.Endpoint
	} else {
		kc := *base
		kc.Transport = logged
		pc, ep, err := keystone(ctx, l, o, kc)
		if err != nil {
			return nil, err
		}
		tokens, endpoint, project = gcTokens{pc}, ep, projectOf(pc)
	}
	hc := *base
	hc.Transport = &transport.Headers{
		UserAgent:       userAgent(o.UserAgent),
		GlobalRequestID: o.GlobalRequestID,
		Next: &transport.Retry{
			MaxAttempts: o.MaxAttempts,
			Next:        &transport.Auth{Tokens: tokens, Next: logged},
		},
	}
	c := &Client{rc: &rest.Client{HTTP: &hc, Endpoint: withSlash(endpoint)}, projectID: project, logger: logger}
	if c.projectID == "" {
		c.projectID = projectInURL(endpoint)
	}
	if err := c.negotiate(ctx, req); err != nil {
		return nil, err
	}
	c.wire()
	return c, nil
}

// NewClient is the one-line twin of python-cinderclient's
// client.Client(version, username, password, project_name, auth_url):
// password auth in the Default domain.
func NewClient(ctx context.Context, version, username, password, project, authURL string) (*Client, error) {
	return New(ctx, Options{
		Microversion: version,
		Auth: Auth{AuthURL: authURL, Username: username, Password: password, ProjectName: project,
			UserDomainName: "Default", ProjectDomainName: "Default"},
	})
}

// wire (re)creates the managers on c.rc.
func (c *Client) wire() {
	c.Volumes = rest.New[volumes.Manager](c.rc)
	c.Snapshots = rest.New[snapshots.Manager](c.rc)
	c.Backups = rest.New[backups.Manager](c.rc)
	c.Transfers = rest.New[transfers.Manager](c.rc)
	c.Attachments = rest.New[attachments.Manager](c.rc)
	c.Quotas = rest.New[quotas.Manager](c.rc)
	c.Limits = rest.New[limits.Manager](c.rc)
	c.Messages = rest.New[messages.Manager](c.rc)
	c.Discovery = rest.New[discovery.Manager](c.rc)
	c.Types = rest.New[types.Manager](c.rc)
	c.QoS = rest.New[qos.Manager](c.rc)
	c.Groups = rest.New[groups.Manager](c.rc)
	c.GroupTypes = rest.New[grouptypes.Manager](c.rc)
	c.GroupSnapshots = rest.New[groupsnapshots.Manager](c.rc)
	c.ConsistencyGroups = rest.New[consistencygroups.Manager](c.rc)
	c.CGSnapshots = rest.New[cgsnapshots.Manager](c.rc)
	c.Services = rest.New[services.Manager](c.rc)
	c.Replication = rest.New[replication.Manager](c.rc)
	c.Clusters = rest.New[clusters.Manager](c.rc)
	c.Hosts = rest.New[hosts.Manager](c.rc)
	c.Pools = rest.New[pools.Manager](c.rc)
	c.Workers = rest.New[workers.Manager](c.rc)
}

// WithMicroversion returns a copy of c that uses microversion v ("3.N" or
// "3.latest"); it sends nothing and c is untouched. It fails when v is
// invalid or outside the server's range, and for "3.latest" when c never
// learned the server's range (it was built with a fixed microversion): use
// Negotiate for that.
func (c *Client) WithMicroversion(v string) (*Client, error) {
	req, err := microversion.Parse(v)
	if err != nil {
		return nil, err
	}
	if req.Latest && c.server.Max.IsZero() {
		return nil, fmt.Errorf("cinder: microversion %q needs the server's version range, which this client never "+
			"asked for (it was built with a fixed microversion); use Client.Negotiate", v)
	}
	got, err := microversion.Negotiate(req, c.server)
	if err != nil {
		return nil, err
	}
	warnLegacy(c.logger, req)
	return c.at(got), nil
}

// at returns a copy of c whose managers use microversion v.
func (c *Client) at(v microversion.Version) *Client {
	cp := *c
	cp.rc = c.rc.WithVersion(v)
	cp.wire()
	return &cp
}

// Negotiate returns a copy of c that uses microversion v ("3.N" or
// "3.latest"), checked against the server's range. Unlike WithMicroversion
// it may call the server: when c does not know the range yet (it was built
// with a fixed microversion), it asks once with GET / on the service root,
// and the copy remembers the answer.
func (c *Client) Negotiate(ctx context.Context, v string) (*Client, error) {
	req, err := microversion.Parse(v)
	if err != nil {
		return nil, err
	}
	cp := *c
	if cp.server.Max.IsZero() {
		if err := cp.learnRange(ctx); err != nil {
			return nil, err
		}
	}
	got, err := microversion.Negotiate(req, cp.server)
	if err != nil {
		return nil, err
	}
	warnLegacy(c.logger, req)
	return cp.at(got), nil
}

// warnLegacy logs that "1" or "2" was asked for and 3.0 is used instead.
func warnLegacy(logger *slog.Logger, req microversion.Request) {
	if req.Legacy != "" && logger != nil {
		logger.Warn("cinder: API version "+req.Legacy+" is served by v3; using 3.0", "requested", req.Legacy)
	}
}

// Microversion returns the microversion in use, e.g. 3.70.
func (c *Client) Microversion() microversion.Version { return c.rc.Version }

// ServerVersions returns the server's supported microversion range, as
// learned during negotiation (zero bounds when it was never learned or the
// server did not say).
func (c *Client) ServerVersions() microversion.Range { return c.server }

// Endpoint returns the Block Storage endpoint in use.
func (c *Client) Endpoint() string { return c.rc.Endpoint }

// ProjectID returns the project the client is scoped to, when known.
func (c *Client) ProjectID() string { return c.projectID }

// WithResponse returns a context in which each call records its response's
// status, request id and headers into r (the last call wins).
func WithResponse(ctx context.Context, r *Response) context.Context {
	return rest.WithRecorder(ctx, func(got rest.Response) { *r = Response(got) })
}

// Response is what WithResponse records of a call's response besides its
// body.
type Response struct {
	StatusCode int         // the HTTP status
	RequestID  string      // X-OpenStack-Request-Id
	Header     http.Header // every response header
}

// Collect drains an iterator into a slice, stopping at the first error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func userAgent(prefix string) string {
	ua := "gocinder/" + Version
	if prefix != "" {
		ua = prefix + " " + ua
	}
	return ua
}

func withSlash(s string) string { return strings.TrimRight(s, "/") + "/" }

// projectInURL returns the segment after /v3/ in an endpoint, if any.
func projectInURL(endpoint string) string {
	_, rest, ok := strings.Cut(strings.TrimRight(endpoint, "/"), "/v3/")
	if !ok {
		return ""
	}
	seg, _, _ := strings.Cut(rest, "/")
	return seg
}

// baseHTTP is the client every layer sits on: o.HTTPClient (or a clone of
// http.DefaultTransport) with TLS from the options, or else from
// clouds.yaml, then o.WrapTransport around it. TLS settings need an
// *http.Transport to go on; a caller's own RoundTripper with TLS settings is
// refused rather than having the settings dropped (wrap instead).
func baseHTTP(o Options, cloudTLS *tls.Config) (*http.Client, error) {
	var hc http.Client
	if o.HTTPClient != nil {
		hc = *o.HTTPClient
	}
	if o.Timeout > 0 {
		hc.Timeout = o.Timeout
	}
	cfg := cloudTLS // cacert, verify, cert, key from clouds.yaml
	if o.CACertFile != "" || o.CertFile != "" || o.KeyFile != "" || o.Insecure {
		var err error
		if cfg, err = tlsConfig(o); err != nil {
			return nil, err
		}
	}
	switch t := hc.Transport.(type) {
	case nil:
		t2 := http.DefaultTransport.(*http.Transport).Clone()
		t2.MaxIdleConnsPerHost = 32
		t2.TLSClientConfig = cfg
		hc.Transport = t2
	case *http.Transport:
		if cfg != nil {
			t = t.Clone()
			t.TLSClientConfig = cfg
			hc.Transport = t
		}
	default:
		if cfg != nil {
			return nil, errors.New("cinder: TLS settings (Options or clouds.yaml) need the HTTPClient's transport to be " +
				"an *http.Transport; add layers with Options.WrapTransport instead")
		}
	}
	if o.WrapTransport != nil {
		hc.Transport = o.WrapTransport(hc.Transport)
	}
	return &hc, nil
}

func tlsConfig(o Options) (*tls.Config, error) {
	cfg := &tls.Config{InsecureSkipVerify: o.Insecure} //nolint:gosec // only when the user asks
	if o.CACertFile != "" {
		pem, err := os.ReadFile(o.CACertFile)
		if err != nil {
			return nil, fmt.Errorf("cinder: CA file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("cinder: CA file %s holds no PEM certificate", o.CACertFile)
		}
		cfg.RootCAs = pool
	}
	if o.CertFile != "" || o.KeyFile != "" {
		if o.CertFile == "" || o.KeyFile == "" {
			return nil, errors.New("cinder: a client certificate needs both a cert file and a key file")
		}
		cert, err := tls.LoadX509KeyPair(o.CertFile, o.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("cinder: client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}
