package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	cinder "github.com/gocinder/cinder"
	mv "github.com/gocinder/cinder/microversion"
)

const projectHelp = "You must provide a project_id or project_name (with project_domain_name or project_domain_id) via " +
	"  --os-project-id (env[OS_PROJECT_ID])  --os-project-name (env[OS_PROJECT_NAME]),  --os-project-domain-id " +
	"(env[OS_PROJECT_DOMAIN_ID])  --os-project-domain-name (env[OS_PROJECT_DOMAIN_NAME])"

// options maps the global options onto cinder.Options, checking that the
// credentials are complete the way cinderclient checks them.
func (a *app) options() (cinder.Options, error) {
	g := a.g
	o := cinder.Options{
		Region:      g.region,
		Interface:   firstOf(g.osInterface, g.endpointType),
		ServiceType: g.serviceType,
		ServiceName: firstOf(g.volumeService, g.serviceName),
		Endpoint:    g.endpoint,
		Timeout:     time.Duration(g.timeout * float64(time.Second)),
		UserAgent:   "cinder-cli",
	}
	// --retries N means N retries (0: none), as in cinderclient. Without
	// it, the SDK's default applies: idempotent requests are tried up to 3
	// times on connection errors and 429/502/503/504, a create only when
	// the server provably did not act (503, 429, 413 with Retry-After).
	if g.retriesSet {
		o.MaxAttempts = g.retries + 1
	}
	if g.debug {
		o.Logger = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	// TLS is the SDK's (with clouds.yaml's cacert/verify/cert/key when no
	// flag is given); the CLI only adds its body capture (capture.go) on top.
	o.CACertFile, o.CertFile, o.KeyFile, o.Insecure = g.cacert, g.cert, g.key, g.insecure
	o.WrapTransport = func(next http.RoundTripper) http.RoundTripper { return captureTransport{next: next} }
	if g.cloud != "" && g.authURL == "" {
		o.Auth = cinder.FromCloud(g.cloud)
		return o, nil
	}
	auth := cinder.Auth{
		AuthURL:                     g.authURL,
		Username:                    g.username,
		UserID:                      g.userID,
		Password:                    g.password,
		UserDomainName:              g.userDomainName,
		UserDomainID:                g.userDomainID,
		ProjectName:                 firstOf(g.projectName, g.tenantName),
		ProjectID:                   firstOf(g.projectID, g.tenantID),
		ProjectDomainName:           g.projectDomainName,
		ProjectDomainID:             g.projectDomainID,
		Token:                       g.token,
		ApplicationCredentialID:     g.appCredID,
		ApplicationCredentialName:   g.appCredName,
		ApplicationCredentialSecret: g.appCredSecret,
	}
	// keystoneauth's scope and domain options count, as in cinderclient,
	// only with an explicit --os-auth-type (cinderclient's own path reads
	// none of them)
	if explicit := strings.ToLower(g.authType); explicit != "" && explicit != "keystone" {
		auth.SystemScope = strings.EqualFold(g.systemScope, "all")
		auth.DomainID, auth.DomainName, auth.TrustID = g.domainID, g.domainName, g.trustID
		if auth.UserDomainID == "" && auth.UserDomainName == "" {
			auth.UserDomainID, auth.UserDomainName = g.defaultDomainID, g.defaultDomain
		}
		if auth.ProjectDomainID == "" && auth.ProjectDomainName == "" {
			auth.ProjectDomainID, auth.ProjectDomainName = g.defaultDomainID, g.defaultDomain
		}
	}
	// Any --os-auth-strategy but keystone disables authentication: Cinder's
	// noauth middleware reads "user:project" from X-Auth-Token, and the
	// endpoint comes from --os-endpoint (or --os-url).
	if st := strings.ToLower(g.authStrategy); st != "" && st != "keystone" {
		o.Endpoint = firstOf(g.endpoint, g.osURL)
		if o.Endpoint == "" {
			return o, errors.New("You must provide the Block Storage endpoint through --os-endpoint or --os-url with --os-auth-strategy " + g.authStrategy + ".")
		}
		user := firstOf(g.username, g.userID, "admin")
		o.Auth = cinder.Auth{Token: firstOf(g.token, user+":"+firstOf(auth.ProjectID, auth.ProjectName, user))}
		return o, nil
	}
	switch strings.ToLower(g.authType) {
	case "", "password", "v3password", "keystone":
		auth.Token = ""
		if g.token != "" && g.password == "" {
			auth.Token = g.token // cinderclient's --os-token needs no --os-auth-type
		}
	case "token", "v3token", "admin_token", "noauth":
		auth.Password = ""
	case "v3applicationcredential", "applicationcredential":
		auth.Password, auth.Token = "", ""
	default:
		return o, fmt.Errorf("unsupported --os-auth-type %q: use password, token or v3applicationcredential", g.authType)
	}
	o.Auth = auth
	if auth.Token != "" && g.endpoint != "" && auth.AuthURL == "" {
		return o, nil // no Keystone at all
	}
	if auth.ApplicationCredentialSecret == "" {
		if auth.Password == "" && auth.Token == "" {
			// no password: with a terminal, ask for it, as cinderclient does
			if pw, ok := promptPassword(); ok {
				auth.Password = pw
				o.Auth = auth
			}
		}
		if auth.Password == "" && auth.Token == "" {
			return o, errors.New("You must provide a password through --os-password, env[OS_PASSWORD] or, prompted response.")
		}
		if auth.ProjectID == "" && auth.ProjectName == "" {
			return o, errors.New(projectHelp)
		}
	}
	if auth.AuthURL == "" {
		return o, errors.New("You must provide an authentication URL through --os-auth-url or env[OS_AUTH_URL].")
	}
	return o, nil
}

// cinder returns the client, creating it on first use: authenticate,
// find the endpoint and settle the microversion as cinderclient does
// (the highest both sides support, or the one asked for, lowered with a
// warning when the server is older).
func (a *app) cinder(ctx context.Context) (*cinder.Client, error) {
	if a.client != nil {
		return a.client, nil
	}
	if v := strings.TrimSpace(a.g.apiVersion); v == "1" || v == "2" {
		fmt.Fprintf(a.stderr, "WARNING:cinderclient.api_versions:Version %s is not supported, use supported version 3 instead.\n", v)
	}
	want, err := parseAPIVersion(a.g.apiVersion)
	if err != nil {
		return nil, err
	}
	o, err := a.options()
	if err != nil {
		return nil, err
	}
	c, err := cinder.New(ctx, o) // negotiates the highest common version
	if apiErr := (*cinder.APIError)(nil); errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnauthorized {
		return nil, &authFailed{apiErr}
	}
	if err != nil {
		return nil, err
	}
	if !want.IsZero() {
		got := c.Microversion()
		switch {
		case got.Less(want):
			fmt.Fprintf(a.stderr, "WARNING:cinderclient.shell:API version %s requested, \n"+
				"WARNING:cinderclient.shell:downgrading to %s based on server support.\n", want, got)
		case want != got:
			if c, err = c.WithMicroversion(want.String()); err != nil {
				return nil, err
			}
		}
	}
	a.client = c
	return c, nil
}

// parseAPIVersion reads --os-volume-api-version: "" or "3.latest" (zero:
// negotiate), "3" (3.0), "3.N"; other majors are refused as in cinderclient.
func parseAPIVersion(s string) (mv.Version, error) {
	switch s = strings.TrimSpace(s); s {
	case "", "3.latest":
		return mv.Version{}, nil
	}
	major, minor, ok := strings.Cut(s, ".")
	if !ok {
		minor = "0"
	}
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	if err1 != nil || err2 != nil || ma < 0 || mi < 0 || strings.HasPrefix(minor, "+") || strings.HasPrefix(major, "+") {
		return mv.Version{}, fmt.Errorf("Invalid format of client version '%s'. Expected format 'X.Y', where X is a major part and Y is a minor part of version.", s)
	}
	if ma != 3 {
		return mv.Version{}, fmt.Errorf("Invalid client version '%d.%d'. Major part should be '3'", ma, mi)
	}
	return mv.V(3, mi), nil
}

// promptPassword asks for the password on the terminal ("OS Password: ",
// no echo) when stdin is one; ok is false without a terminal or on Ctrl-D.
// A variable for tests.
var promptPassword = func() (string, bool) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", false
	}
	fmt.Fprint(os.Stderr, "OS Password: ")
	pw, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return "", false
	}
	return string(pw), true
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
