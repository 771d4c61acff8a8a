package cindertest

import (
	"context"

	cinder "github.com/gocinder/cinder"
)

// Client returns a *cinder.Client authenticated as admin, at the highest
// microversion the emulator serves.
func (s *Server) Client(ctx context.Context) (*cinder.Client, error) {
	return s.ClientAs(ctx, "admin", cinder.Options{})
}

// ClientAs returns a client authenticated as user ("admin", "demo" or one
// added with AddUser); o's Auth is filled from the emulator, its other
// fields (Microversion, Logger, HTTPClient …) are kept.
func (s *Server) ClientAs(ctx context.Context, user string, o cinder.Options) (*cinder.Client, error) {
	env := s.Env(user)
	o.Auth = cinder.Auth{
		AuthURL:           env["OS_AUTH_URL"],
		Username:          env["OS_USERNAME"],
		Password:          env["OS_PASSWORD"],
		ProjectName:       env["OS_PROJECT_NAME"],
		UserDomainName:    env["OS_USER_DOMAIN_NAME"],
		ProjectDomainName: env["OS_PROJECT_DOMAIN_NAME"],
	}
	if o.Region == "" {
		o.Region = env["OS_REGION_NAME"]
	}
	return cinder.New(ctx, o)
}
