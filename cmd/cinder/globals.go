package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// globals are cinder's global options. Each falls back to environment
// variables, the way python-cinderclient's shell does.
type globals struct {
	authURL, authType                       string
	username, userID, password              string
	projectName, projectID                  string
	userDomainName, userDomainID            string
	projectDomainName, projectDomainID      string
	region, endpointType, endpoint          string
	token, cloud, apiVersion                string
	serviceType, serviceName, volumeService string
	cacert, cert, key                       string
	appCredID, appCredName, appCredSecret   string
	timeout                                 float64
	retries                                 int
	retriesSet                              bool // --retries given: honour it exactly, 0 included
	insecure, debug                         bool
	format                                  string
	columns                                 []string
	resolved                                bool
	fs                                      *pflag.FlagSet
	envOf                                   map[string][]string // flag name → env vars
	strDst                                  map[string]*string
	tenantName, tenantID                    string
	osInterface                             string
	// keystoneauth's options, used (as in cinderclient) only with an
	// explicit --os-auth-type
	systemScope, domainID, domainName       string
	trustID, defaultDomainID, defaultDomain string
	authStrategy, osURL, profile            string
	collectTiming                           bool
}

// register adds the global options to fs.
func (g *globals) register(fs *pflag.FlagSet) {
	g.fs = fs
	g.envOf = map[string][]string{}
	g.strDst = map[string]*string{}
	str := func(dst *string, name, metavar, help string, env ...string) {
		fs.StringVar(dst, name, "", help)
		setMeta(fs, name, metavar)
		g.envOf[name] = env
		g.strDst[name] = dst
	}
	fs.BoolVarP(&g.debug, "debug", "d", false, "Shows debugging output.")
	g.envOf["debug"] = []string{"CINDERCLIENT_DEBUG"}
	str(&g.serviceType, "service-type", "<service-type>", "Service type. For most actions, default is volume.")
	str(&g.serviceName, "service-name", "<service-name>", "Service name. Default=env[CINDER_SERVICE_NAME].", "CINDER_SERVICE_NAME")
	str(&g.volumeService, "volume-service-name", "<volume-service-name>", "Volume service name. Default=env[CINDER_VOLUME_SERVICE_NAME].", "CINDER_VOLUME_SERVICE_NAME")
	str(&g.endpointType, "os-endpoint-type", "<os-endpoint-type>", "Endpoint type, which is publicURL or internalURL. Default=env[OS_ENDPOINT_TYPE] or nova env[CINDER_ENDPOINT_TYPE] or publicURL.", "CINDER_ENDPOINT_TYPE", "OS_ENDPOINT_TYPE")
	str(&g.osInterface, "os-interface", "<os-interface>", "Interface: public, internal or admin. Default=env[OS_INTERFACE].", "OS_INTERFACE")
	str(&g.apiVersion, "os-volume-api-version", "<volume-api-ver>", "Block Storage API version. Accepts X, X.Y (where X is major and Y is minor part). NOTE: this client accepts only '3' for the major version. Default=env[OS_VOLUME_API_VERSION].", "OS_VOLUME_API_VERSION")
	str(&g.endpoint, "os-endpoint", "<os-endpoint>", "Use this API endpoint instead of the Service Catalog. Defaults to env[CINDER_ENDPOINT].", "CINDER_ENDPOINT")
	fs.IntVar(&g.retries, "retries", 0, "Number of retries.")
	setMeta(fs, "retries", "<retries>")
	str(&g.profile, "profile", "HMAC_KEY", "HMAC key to use for encrypting context data for performance profiling of operation. This key needs to match the one configured on the cinder api server. Without key the profiling will not be triggered even if osprofiler is enabled on server side. Defaults to env[OS_PROFILE].", "OS_PROFILE")
	fs.BoolVar(&g.insecure, "insecure", false, "Explicitly allow client to perform \"insecure\" TLS (https) requests. The server's certificate will not be verified against any certificate authorities. This option should be used with caution.")
	g.envOf["insecure"] = []string{"CINDERCLIENT_INSECURE"}
	str(&g.cacert, "os-cacert", "<ca-certificate>", "Specify a CA bundle file to use in verifying a TLS (https) server certificate. Defaults to env[OS_CACERT].", "OS_CACERT")
	str(&g.cert, "os-cert", "<certificate>", "The location for the keystore (PEM formatted) containing the public key of this client. Defaults to env[OS_CERT].", "OS_CERT")
	str(&g.key, "os-key", "<key>", "The location for the keystore (PEM formatted) containing the private key of this client. Defaults to env[OS_KEY].", "OS_KEY")
	fs.Float64Var(&g.timeout, "timeout", 0, "Set request timeout (in seconds).")
	setMeta(fs, "timeout", "<seconds>")
	fs.BoolVar(&g.collectTiming, "collect-timing", false, "Collect per-API call timing information.")
	str(&g.authType, "os-auth-type", "<name>", "Authentication type to use: password (default), token, v3applicationcredential. Defaults to env[OS_AUTH_TYPE].", "OS_AUTH_TYPE", "OS_AUTH_PLUGIN", "OS_AUTH_SYSTEM")
	str(&g.authURL, "os-auth-url", "OS_AUTH_URL", "Authentication URL. Defaults to env[OS_AUTH_URL].", "OS_AUTH_URL", "CINDER_URL")
	str(&g.systemScope, "os-system-scope", "OS_SYSTEM_SCOPE", "Scope for system operations. Defaults to env[OS_SYSTEM_SCOPE].", "OS_SYSTEM_SCOPE")
	str(&g.domainID, "os-domain-id", "OS_DOMAIN_ID", "Domain ID to scope to. Defaults to env[OS_DOMAIN_ID].", "OS_DOMAIN_ID")
	str(&g.domainName, "os-domain-name", "OS_DOMAIN_NAME", "Domain name to scope to. Defaults to env[OS_DOMAIN_NAME].", "OS_DOMAIN_NAME")
	str(&g.projectID, "os-project-id", "OS_PROJECT_ID", "Project ID to scope to. Defaults to env[OS_PROJECT_ID].", "OS_PROJECT_ID", "CINDER_PROJECT_ID")
	str(&g.projectName, "os-project-name", "OS_PROJECT_NAME", "Project name to scope to. Defaults to env[OS_PROJECT_NAME].", "OS_PROJECT_NAME", "CINDER_PROJECT_ID")
	str(&g.tenantID, "os-tenant-id", "OS_TENANT_ID", "Deprecated alias of --os-project-id. Defaults to env[OS_TENANT_ID].", "OS_TENANT_ID")
	str(&g.tenantName, "os-tenant-name", "OS_TENANT_NAME", "Deprecated alias of --os-project-name. Defaults to env[OS_TENANT_NAME].", "OS_TENANT_NAME")
	str(&g.projectDomainID, "os-project-domain-id", "OS_PROJECT_DOMAIN_ID", "Domain ID containing project. Defaults to env[OS_PROJECT_DOMAIN_ID].", "OS_PROJECT_DOMAIN_ID")
	str(&g.projectDomainName, "os-project-domain-name", "OS_PROJECT_DOMAIN_NAME", "Domain name containing project. Defaults to env[OS_PROJECT_DOMAIN_NAME].", "OS_PROJECT_DOMAIN_NAME")
	str(&g.trustID, "os-trust-id", "OS_TRUST_ID", "ID of the trust to use as a trustee use. Defaults to env[OS_TRUST_ID].", "OS_TRUST_ID")
	str(&g.defaultDomainID, "os-default-domain-id", "OS_DEFAULT_DOMAIN_ID", "Optional domain ID to use with v3 and v2 parameters. It will be used for both the user and project domain in v3 and ignored in v2 authentication. Defaults to env[OS_DEFAULT_DOMAIN_ID].", "OS_DEFAULT_DOMAIN_ID")
	str(&g.defaultDomain, "os-default-domain-name", "OS_DEFAULT_DOMAIN_NAME", "Optional domain name to use with v3 API and v2 parameters. It will be used for both the user and project domain in v3 and ignored in v2 authentication. Defaults to env[OS_DEFAULT_DOMAIN_NAME].", "OS_DEFAULT_DOMAIN_NAME")
	str(&g.userID, "os-user-id", "OS_USER_ID", "User ID. Defaults to env[OS_USER_ID].", "OS_USER_ID")
	str(&g.username, "os-username", "OS_USERNAME", "Username. Defaults to env[OS_USERNAME].", "OS_USERNAME", "CINDER_USERNAME")
	str(&g.userDomainID, "os-user-domain-id", "OS_USER_DOMAIN_ID", "User's domain id. Defaults to env[OS_USER_DOMAIN_ID].", "OS_USER_DOMAIN_ID")
	str(&g.userDomainName, "os-user-domain-name", "OS_USER_DOMAIN_NAME", "User's domain name. Defaults to env[OS_USER_DOMAIN_NAME].", "OS_USER_DOMAIN_NAME")
	str(&g.password, "os-password", "OS_PASSWORD", "User's password. Defaults to env[OS_PASSWORD].", "OS_PASSWORD", "CINDER_PASSWORD")
	str(&g.region, "os-region-name", "<region-name>", "Region name. Defaults to env[OS_REGION_NAME].", "OS_REGION_NAME", "CINDER_REGION_NAME")
	str(&g.authStrategy, "os-auth-strategy", "<auth-strategy>", "Authentication strategy (Env: OS_AUTH_STRATEGY, default keystone). For now, any other value will disable the authentication.", "OS_AUTH_STRATEGY")
	str(&g.token, "os-token", "<token>", "Defaults to env[OS_TOKEN].", "OS_TOKEN")
	str(&g.osURL, "os-url", "<url>", "Defaults to env[OS_URL].", "OS_URL")
	str(&g.cloud, "os-cloud", "<cloud>", "Named cloud in clouds.yaml. Defaults to env[OS_CLOUD].", "OS_CLOUD")
	str(&g.appCredID, "os-application-credential-id", "<id>", "Application credential ID. Defaults to env[OS_APPLICATION_CREDENTIAL_ID].", "OS_APPLICATION_CREDENTIAL_ID")
	str(&g.appCredName, "os-application-credential-name", "<name>", "Application credential name. Defaults to env[OS_APPLICATION_CREDENTIAL_NAME].", "OS_APPLICATION_CREDENTIAL_NAME")
	str(&g.appCredSecret, "os-application-credential-secret", "<secret>", "Application credential secret. Defaults to env[OS_APPLICATION_CREDENTIAL_SECRET].", "OS_APPLICATION_CREDENTIAL_SECRET")
	fs.StringVarP(&g.format, "format", "f", "table", "Output format: table (cinder's), json, yaml, value or csv (openstack's).")
	setMeta(fs, "format", "<format>")
	fs.StringArrayVarP(&g.columns, "column", "c", nil, "Show only this column or property (repeatable).")
	setMeta(fs, "column", "<column>")
	annotate(fs, annGroup, []string{groupConn}, "insecure", "os-cacert", "os-cert", "os-key", "timeout", "collect-timing")
	annotate(fs, annGroup, []string{groupAuth}, "os-auth-url", "os-system-scope", "os-domain-id", "os-domain-name",
		"os-project-id", "os-project-name", "os-project-domain-id", "os-project-domain-name", "os-trust-id",
		"os-default-domain-id", "os-default-domain-name", "os-user-id", "os-username",
		"os-user-domain-id", "os-user-domain-name", "os-password")
	annotate(fs, annAliases, []string{"--os-auth-plugin"}, "os-auth-type")
	annotate(fs, annAliases, []string{"--os-user-name"}, "os-username")
	// the tenant spellings show as aliases of the project ones, as in cinderclient
	annotate(fs, annAliases, []string{"--os-tenant-id"}, "os-project-id")
	annotate(fs, annAliases, []string{"--os-tenant-name"}, "os-project-name")
	_ = fs.MarkHidden("os-tenant-id")
	_ = fs.MarkHidden("os-tenant-name")
}

// annotate sets the annotation key to value on the named flags.
func annotate(fs *pflag.FlagSet, key string, value []string, names ...string) {
	for _, name := range names {
		if err := fs.SetAnnotation(name, key, value); err != nil {
			panic(fmt.Sprintf("annotate: %v", err))
		}
	}
}

// resolveGlobals fills unset options from the environment and checks them.
func (a *app) resolveGlobals(cmd *cobra.Command) error {
	g := &a.g
	if g.resolved {
		return nil
	}
	g.resolved = true
	fs := cmd.Flags()
	for name, envs := range g.envOf {
		if f := fs.Lookup(name); f != nil && f.Changed {
			continue
		}
		v := a.getenv(envs...)
		if v == "" {
			continue
		}
		switch name {
		case "debug", "insecure":
			b, _ := strconv.ParseBool(v)
			if name == "debug" {
				g.debug = b
			} else {
				g.insecure = b
			}
		default:
			*g.strDst[name] = v
		}
	}
	switch g.format {
	case "table", "json", "yaml", "value", "csv":
	default:
		return usagef("argument -f/--format: invalid choice: %q (choose from 'table', 'json', 'yaml', 'value', 'csv')", g.format)
	}
	if g.retries < 0 {
		return usagef("argument --retries: must not be negative")
	}
	if f := fs.Lookup("retries"); f != nil && f.Changed {
		g.retriesSet = true
	}
	if g.timeout < 0 {
		return usagef("argument --timeout: must not be negative")
	}
	return nil
}

// getenv returns the first non-empty variable of keys.
func (a *app) getenv(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(a.env[k]); v != "" {
			return v
		}
	}
	return ""
}

// setMeta records the metavar shown for a flag in help ("<size>").
func setMeta(fs *pflag.FlagSet, name, metavar string) {
	f := fs.Lookup(name)
	if f == nil {
		panic(fmt.Sprintf("setMeta: no flag %q", name))
	}
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations["metavar"] = []string{metavar}
}
