package cinder

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
	"github.com/gophercloud/gophercloud/v2"
	"github.com/gophercloud/gophercloud/v2/openstack"
	"github.com/gophercloud/gophercloud/v2/openstack/config/clouds"
	tokens3 "github.com/gophercloud/gophercloud/v2/openstack/identity/v3/tokens"
)

// Auth says how to authenticate with Keystone. Set the fields of one
// method: password (Username or UserID, Password), token (Token), or
// application credential (ApplicationCredentialID or Name, and Secret).
// A zero Auth reads the OS_* environment (see FromEnv).
type Auth struct {
	AuthURL string // Keystone, e.g. https://keystone:5000/v3 (v3 or v2.0)

	Username string // the user's name (OS_USERNAME)
	UserID   string // the user's ID (OS_USER_ID), instead of Username
	Password string // the user's password (OS_PASSWORD)

	UserDomainName    string // the user's domain, by name (OS_USER_DOMAIN_NAME)
	UserDomainID      string // the user's domain, by ID (OS_USER_DOMAIN_ID)
	ProjectName       string // also OS_TENANT_NAME
	ProjectID         string // also OS_TENANT_ID
	ProjectDomainName string // the project's domain, by name (OS_PROJECT_DOMAIN_NAME)
	ProjectDomainID   string // the project's domain, by ID (OS_PROJECT_DOMAIN_ID)
	DomainName        string // domain scope, or the default for user and project domains
	DomainID          string // like DomainName, by ID (OS_DOMAIN_ID)
	SystemScope       bool   // ask for a system-scoped token (OS_SYSTEM_SCOPE=all)
	TrustID           string // ask for a trust-scoped token, acting as the trustor (OS_TRUST_ID)

	Token string // an existing token; with Options.Endpoint no Keystone call is made

	ApplicationCredentialID     string // OS_APPLICATION_CREDENTIAL_ID
	ApplicationCredentialName   string // OS_APPLICATION_CREDENTIAL_NAME, with Username or UserID
	ApplicationCredentialSecret string // OS_APPLICATION_CREDENTIAL_SECRET

	// Cloud names an entry of clouds.yaml (OS_CLOUD); the fields above
	// are then ignored.
	Cloud string
}

// FromCloud authenticates with the named clouds.yaml entry.
func FromCloud(name string) Auth { return Auth{Cloud: name} }

// FromEnv reads OS_AUTH_URL, OS_USERNAME, OS_USER_ID, OS_PASSWORD,
// OS_PROJECT_NAME/ID (or OS_TENANT_NAME/ID), OS_USER_DOMAIN_NAME/ID,
// OS_PROJECT_DOMAIN_NAME/ID, OS_DOMAIN_NAME/ID, OS_TOKEN,
// OS_APPLICATION_CREDENTIAL_ID/NAME/SECRET, OS_SYSTEM_SCOPE, OS_TRUST_ID and OS_CLOUD.
// OS_CLOUD is used only when OS_AUTH_URL is unset.
func FromEnv() Auth {
	env := os.Getenv
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := env(k); v != "" {
				return v
			}
		}
		return ""
	}
	a := Auth{
		AuthURL:                     env("OS_AUTH_URL"),
		Username:                    first("OS_USERNAME", "OS_USER_NAME"),
		UserID:                      first("OS_USER_ID", "OS_USERID"),
		Password:                    env("OS_PASSWORD"),
		UserDomainName:              env("OS_USER_DOMAIN_NAME"),
		UserDomainID:                env("OS_USER_DOMAIN_ID"),
		ProjectName:                 first("OS_PROJECT_NAME", "OS_TENANT_NAME"),
		ProjectID:                   first("OS_PROJECT_ID", "OS_TENANT_ID"),
		ProjectDomainName:           env("OS_PROJECT_DOMAIN_NAME"),
		ProjectDomainID:             env("OS_PROJECT_DOMAIN_ID"),
		DomainName:                  env("OS_DOMAIN_NAME"),
		DomainID:                    env("OS_DOMAIN_ID"),
		SystemScope:                 env("OS_SYSTEM_SCOPE") == "all",
		TrustID:                     env("OS_TRUST_ID"),
		Token:                       first("OS_TOKEN", "OS_AUTH_TOKEN"),
		ApplicationCredentialID:     env("OS_APPLICATION_CREDENTIAL_ID"),
		ApplicationCredentialName:   env("OS_APPLICATION_CREDENTIAL_NAME"),
		ApplicationCredentialSecret: env("OS_APPLICATION_CREDENTIAL_SECRET"),
	}
	if a.AuthURL == "" {
		a.Cloud = env("OS_CLOUD")
	}
	return a
}

// gophercloudOptions turns a into gophercloud's options, checking that one
// complete method is given.
func (a Auth) gophercloudOptions() (gophercloud.AuthOptions, error) {
	if a.AuthURL == "" {
		return gophercloud.AuthOptions{}, errors.New("cinder: no auth URL: set OS_AUTH_URL (--os-auth-url), OS_CLOUD, or an endpoint with a token")
	}
	o := gophercloud.AuthOptions{
		IdentityEndpoint:            a.AuthURL,
		Username:                    a.Username,
		UserID:                      a.UserID,
		Password:                    a.Password,
		TokenID:                     a.Token,
		ApplicationCredentialID:     a.ApplicationCredentialID,
		ApplicationCredentialName:   a.ApplicationCredentialName,
		ApplicationCredentialSecret: a.ApplicationCredentialSecret,
		TenantID:                    a.ProjectID,
		TenantName:                  a.ProjectName,
	}
	switch {
	case a.ApplicationCredentialSecret != "":
		if a.ApplicationCredentialID == "" && a.ApplicationCredentialName == "" {
			return o, errors.New("cinder: an application credential secret needs its ID or name")
		}
		o.TenantID, o.TenantName = "", ""
		o.AllowReauth = true // the secret can be sent again when the token expires
	case a.Token != "":
	case a.Password != "":
		if a.Username == "" && a.UserID == "" {
			return o, errors.New("cinder: no user: set OS_USERNAME (--os-username) or OS_USER_ID")
		}
		o.AllowReauth = true
	default:
		return o, errors.New("cinder: no credentials: set OS_PASSWORD (--os-password), OS_TOKEN or an application credential")
	}
	// gophercloud's DomainName/ID is the user's domain.
	o.DomainName = coalesce(a.UserDomainName, a.DomainName)
	o.DomainID = coalesce(a.UserDomainID, a.DomainID)
	if o.UserID != "" || o.TokenID != "" || o.ApplicationCredentialID != "" {
		o.DomainName, o.DomainID = "", ""
	} else if o.DomainName == "" && o.DomainID == "" && o.ApplicationCredentialSecret == "" && !isV2(a.AuthURL) {
		o.DomainID = "default"
	}
	switch {
	case a.TrustID != "":
		o.Scope = &gophercloud.AuthScope{TrustID: a.TrustID}
	case a.SystemScope:
		o.Scope = &gophercloud.AuthScope{System: true}
	case a.ProjectID != "":
		o.Scope = &gophercloud.AuthScope{ProjectID: a.ProjectID}
	case a.ProjectName != "":
		s := &gophercloud.AuthScope{ProjectName: a.ProjectName,
			DomainName: coalesce(a.ProjectDomainName, a.DomainName), DomainID: coalesce(a.ProjectDomainID, a.DomainID)}
		if s.DomainName == "" && s.DomainID == "" {
			s.DomainID = "default"
		}
		o.Scope = s
	case a.DomainName != "" || a.DomainID != "":
		o.Scope = &gophercloud.AuthScope{DomainName: a.DomainName, DomainID: a.DomainID}
	}
	if o.ApplicationCredentialSecret != "" || isV2(a.AuthURL) {
		o.Scope = nil
	}
	return o, nil
}

func isV2(authURL string) bool { return strings.Contains(strings.TrimRight(authURL, "/"), "/v2.0") }

func coalesce(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// login is what New needs to call Keystone: gophercloud's options, the
// endpoint search, and TLS settings from clouds.yaml (nil when none).
type login struct {
	ao  gophercloud.AuthOptions
	eo  gophercloud.EndpointOpts
	tls *tls.Config
}

// planLogin resolves a (already defaulted from the environment) and o into a login.
func planLogin(a Auth, o Options) (login, error) {
	l := login{eo: gophercloud.EndpointOpts{Type: o.ServiceType, Name: o.ServiceName, Region: o.Region}}
	var err error
	if a.Cloud != "" {
		var ceo gophercloud.EndpointOpts
		l.ao, ceo, l.tls, err = clouds.Parse(clouds.WithCloudName(a.Cloud))
		if err != nil {
			return l, fmt.Errorf("cinder: clouds.yaml: %w", err)
		}
		l.ao.AllowReauth = l.ao.Password != "" || l.ao.ApplicationCredentialSecret != ""
		l.eo.Region = coalesce(l.eo.Region, ceo.Region)
		l.eo.Availability = ceo.Availability
	} else if l.ao, err = a.gophercloudOptions(); err != nil {
		return l, err
	}
	if o.Interface != "" {
		if l.eo.Availability, err = availability(o.Interface); err != nil {
			return l, err
		}
	}
	return l, nil
}

// serviceTypes is the order in which the catalog is searched when no
// service type is given: the official name first, v2-era aliases last.
var serviceTypes = []string{"block-storage", "volumev3", "block-store", "volumev2", "volume"}

// keystone authenticates and finds the block-storage endpoint.
func keystone(ctx context.Context, l login, o Options, hc http.Client) (*gophercloud.ProviderClient, string, error) {
	pc, err := openstack.NewClient(l.ao.IdentityEndpoint)
	if err != nil {
		return nil, "", fmt.Errorf("cinder: auth URL %q: %w", l.ao.IdentityEndpoint, err)
	}
	pc.HTTPClient = hc
	pc.UserAgent.Prepend(userAgent(o.UserAgent))
	if err := openstack.Authenticate(ctx, pc, l.ao); err != nil {
		return nil, "", authError(l.ao.IdentityEndpoint, err)
	}
	if o.Endpoint != "" {
		return pc, o.Endpoint, nil
	}
	types := serviceTypes
	if t := l.eo.Type; t != "" {
		types = []string{t}
		if slices.Contains(serviceTypes, t) { // an official alias: the others may stand in
			for _, o := range serviceTypes {
				if o != t {
					types = append(types, o)
				}
			}
		}
	}
	if l.eo.Availability == "" {
		l.eo.Availability = gophercloud.AvailabilityPublic
	}
	for _, t := range types {
		eo := l.eo
		eo.Type, eo.Aliases = t, []string{t}
		if url, err := pc.EndpointLocator(eo); err == nil {
			return pc, url, nil
		}
	}
	return nil, "", fmt.Errorf("cinder: no %s endpoint (interface %s, region %q) in the service catalog (types tried: %s)",
		types[0], l.eo.Availability, l.eo.Region, strings.Join(types, ", "))
}

func availability(s string) (gophercloud.Availability, error) {
	switch strings.TrimSuffix(strings.ToLower(s), "url") {
	case "public":
		return gophercloud.AvailabilityPublic, nil
	case "internal":
		return gophercloud.AvailabilityInternal, nil
	case "admin":
		return gophercloud.AvailabilityAdmin, nil
	}
	return "", fmt.Errorf("cinder: interface %q: want public, internal or admin", s)
}

func authError(url string, err error) error {
	var code gophercloud.ErrUnexpectedResponseCode
	if errors.As(err, &code) {
		e := &APIError{StatusCode: code.Actual, Method: code.Method, URL: code.URL, Message: "authentication failed"}
		if code.ResponseHeader != nil {
			e.RequestID = code.ResponseHeader.Get("X-Openstack-Request-Id")
		}
		var msg string
		if e.Code, msg = rest.ParseFault(code.Body); msg != "" {
			e.Message = "authentication failed: " + msg
		}
		return e
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return &UnreachableError{URL: url, Err: err}
	}
	return fmt.Errorf("cinder: authenticating at %s: %w", url, err)
}

// projectOf returns the project id of a Keystone v3 token, or "".
func projectOf(pc *gophercloud.ProviderClient) string {
	if r, ok := pc.GetAuthResult().(tokens3.CreateResult); ok {
		if p, err := r.ExtractProject(); err == nil && p != nil {
			return p.ID
		}
	}
	return ""
}

// gcTokens adapts a gophercloud ProviderClient to transport.TokenSource.
type gcTokens struct{ pc *gophercloud.ProviderClient }

func (t gcTokens) Token(context.Context) (string, error) { return t.pc.Token(), nil }

func (t gcTokens) Reauth(ctx context.Context, stale string) (string, error) {
	if t.pc.ReauthFunc == nil {
		return "", errors.New("cinder: cannot re-authenticate")
	}
	if err := t.pc.Reauthenticate(ctx, stale); err != nil {
		return "", err
	}
	if tok := t.pc.Token(); tok != stale {
		return tok, nil
	}
	return "", errors.New("cinder: re-authentication returned the same token")
}

// staticToken is a fixed token with no way to renew it.
type staticToken string

func (t staticToken) Token(context.Context) (string, error) { return string(t), nil }

func (t staticToken) Reauth(context.Context, string) (string, error) {
	return "", errors.New("cinder: a fixed token cannot be renewed")
}
