//go:build diff

package diff

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// cloud is the real Keystone + Cinder of the OS_* environment, reached with
// plain HTTP: the harness sets up and sweeps resources without the SDK under
// test.
type cloud struct {
	authURL, region, iface string
	userDomain, projDomain string
	admin, demo            cred
	cinderBase             string // scheme://host:port of Cinder, no path
	domainID               string
	adminUserID, demoUser  string
	adminRole, memberRole  string
	adminTok               string // scoped to the admin's own project
	volHost, pool          string // the cinder-volume backend (host@backend) and its pool
}

// cred is a user's name and password.
type cred struct{ user, password, project string }

func newCloud(ctx context.Context) (*cloud, error) {
	c := &cloud{
		authURL:    strings.TrimRight(os.Getenv("OS_AUTH_URL"), "/"),
		region:     os.Getenv("OS_REGION_NAME"),
		iface:      os.Getenv("OS_INTERFACE"),
		userDomain: firstNonEmpty(os.Getenv("OS_USER_DOMAIN_NAME"), "Default"),
		projDomain: firstNonEmpty(os.Getenv("OS_PROJECT_DOMAIN_NAME"), "Default"),
		admin:      cred{os.Getenv("OS_USERNAME"), os.Getenv("OS_PASSWORD"), os.Getenv("OS_PROJECT_NAME")},
		demo:       cred{os.Getenv("DEMO_OS_USERNAME"), os.Getenv("DEMO_OS_PASSWORD"), os.Getenv("DEMO_OS_PROJECT_NAME")},
	}
	if c.authURL == "" || c.admin.user == "" || c.demo.user == "" {
		return nil, errors.New("OS_AUTH_URL, OS_USERNAME, DEMO_OS_USERNAME … unset: source an openrc (. /tmp/os/openrc)")
	}
	tok, err := c.login(ctx, c.admin, c.admin.project)
	if err != nil {
		return nil, err
	}
	c.adminTok = tok.token
	c.domainID, c.adminUserID = tok.domainID, tok.userID
	u, err := url.Parse(tok.cinder)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("no volumev3 endpoint in the catalog (%q)", tok.cinder)
	}
	c.cinderBase = u.Scheme + "://" + u.Host
	for name, dst := range map[string]*string{"admin": &c.adminRole, "member": &c.memberRole} {
		var roles struct {
			Roles []struct{ ID string } `json:"roles"`
		}
		if _, err := c.do(ctx, c.adminTok, "", "GET", c.authURL+"/roles?name="+name, nil, &roles); err != nil {
			return nil, err
		}
		if len(roles.Roles) != 1 {
			return nil, fmt.Errorf("keystone: %d roles named %s", len(roles.Roles), name)
		}
		*dst = roles.Roles[0].ID
	}
	var users struct {
		Users []struct{ ID string } `json:"users"`
	}
	if _, err := c.do(ctx, c.adminTok, "", "GET", c.authURL+"/users?name="+url.QueryEscape(c.demo.user), nil, &users); err != nil {
		return nil, err
	}
	if len(users.Users) != 1 {
		return nil, fmt.Errorf("keystone: %d users named %s", len(users.Users), c.demo.user)
	}
	c.demoUser = users.Users[0].ID
	var pools struct {
		Pools []struct{ Name string } `json:"pools"`
	}
	if _, err := c.do(ctx, c.adminTok, "", "GET", tok.cinder+"/scheduler-stats/get_pools", nil, &pools); err != nil {
		return nil, err
	}
	if len(pools.Pools) == 0 {
		return nil, errors.New("cinder: no pools")
	}
	host, pool, _ := strings.Cut(pools.Pools[0].Name, "#")
	c.volHost, c.pool = host, pool
	return c, nil
}

// session is a token scoped to one project.
type session struct {
	token, projectID, userID, domainID string
	cinder                             string // the volumev3 endpoint
}

// login authenticates who in project (by name).
func (c *cloud) login(ctx context.Context, who cred, project string) (session, error) {
	body := map[string]any{"auth": map[string]any{
		"identity": map[string]any{"methods": []string{"password"}, "password": map[string]any{
			"user": map[string]any{"name": who.user, "password": who.password, "domain": map[string]any{"name": c.userDomain}}}},
		"scope": map[string]any{"project": map[string]any{"name": project, "domain": map[string]any{"name": c.projDomain}}},
	}}
	var out struct {
		Token struct {
			User struct {
				ID string `json:"id"`
			} `json:"user"`
			Project struct {
				ID     string `json:"id"`
				Domain struct {
					ID string `json:"id"`
				} `json:"domain"`
			} `json:"project"`
			Catalog []struct {
				Type      string `json:"type"`
				Endpoints []struct {
					Interface, Region, URL string
				} `json:"endpoints"`
			} `json:"catalog"`
		} `json:"token"`
	}
	var res result
	var err error
	for attempt := 0; attempt < 5; attempt++ { // a new role assignment can take a moment
		res, err = c.do(ctx, "", "", "POST", c.authURL+"/auth/tokens", body, &out)
		if err == nil || res.status != http.StatusUnauthorized {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		return session{}, err
	}
	s := session{token: res.header.Get("X-Subject-Token"), projectID: out.Token.Project.ID,
		userID: out.Token.User.ID, domainID: out.Token.Project.Domain.ID}
	for _, svc := range out.Token.Catalog {
		if svc.Type != "volumev3" {
			continue
		}
		for _, e := range svc.Endpoints {
			if (c.iface == "" || e.Interface == c.iface) && (c.region == "" || e.Region == c.region) {
				s.cinder = strings.TrimRight(e.URL, "/")
			}
		}
	}
	return s, nil
}

// result is a raw answer.
type result struct {
	status int
	header http.Header
	body   []byte
}

// httpc is the harness's own client: no proxy, a generous timeout.
var httpc = &http.Client{Timeout: 90 * time.Second}

// do sends one JSON request; mv is the microversion ("" for none). A 2xx
// answer is decoded into out. Cinder's sqlite answers concurrent writes
// with an occasional 500 ("database is locked"): those are retried.
func (c *cloud) do(ctx context.Context, token, mv, method, u string, body, out any) (result, error) {
	var data []byte
	if body != nil {
		var err error
		if data, err = json.Marshal(body); err != nil {
			return result{}, err
		}
	}
	var res result
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(data))
		if err != nil {
			return result{}, err
		}
		req.Header.Set("Accept", "application/json")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if token != "" {
			req.Header.Set("X-Auth-Token", token)
		}
		if mv != "" {
			req.Header.Set("OpenStack-API-Version", "volume "+mv)
		}
		resp, err := httpc.Do(req)
		if err != nil {
			if attempt < 3 && ctx.Err() == nil {
				time.Sleep(time.Second)
				continue
			}
			return result{}, err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		res = result{resp.StatusCode, resp.Header, b}
		if resp.StatusCode >= 500 && attempt < 5 && ctx.Err() == nil {
			time.Sleep(time.Duration(attempt+1) * 500 * time.Millisecond)
			continue
		}
		break
	}
	if res.status/100 != 2 {
		return res, fmt.Errorf("%s %s: %d %s", method, u, res.status, bytes.TrimSpace(res.body))
	}
	if out != nil && len(res.body) > 0 {
		if err := json.Unmarshal(res.body, out); err != nil {
			return res, fmt.Errorf("%s %s: decoding: %w", method, u, err)
		}
	}
	return res, nil
}

// project is a throwaway project for one line, with the admin user as its
// admin and the demo user as its member.
type project struct {
	c        *cloud
	name, id string
	admin    session // admin, scoped to the project
	demo     session // demo, scoped to the project (only when asked)
}

// newProject creates the project name and grants the roles.
func (c *cloud) newProject(ctx context.Context, name string, withDemo bool) (*project, error) {
	var created struct {
		Project struct {
			ID string `json:"id"`
		} `json:"project"`
	}
	if _, err := c.do(ctx, c.adminTok, "", "POST", c.authURL+"/projects", map[string]any{"project": map[string]any{
		"name": name, "domain_id": c.domainID, "description": projectDescription}}, &created); err != nil {
		return nil, err
	}
	p := &project{c: c, name: name, id: created.Project.ID}
	grant := func(user, role string) error {
		_, err := c.do(ctx, c.adminTok, "", "PUT", fmt.Sprintf("%s/projects/%s/users/%s/roles/%s", c.authURL, p.id, user, role), nil, nil)
		return err
	}
	if err := grant(c.adminUserID, c.adminRole); err != nil {
		return p, err
	}
	var err error
	if p.admin, err = c.login(ctx, c.admin, name); err != nil {
		return p, err
	}
	if withDemo {
		if err := grant(c.demoUser, c.memberRole); err != nil {
			return p, err
		}
		if p.demo, err = c.login(ctx, c.demo, name); err != nil {
			return p, err
		}
	}
	return p, nil
}

// leftovers sweeps and removes the projects an interrupted earlier run of
// the harness left behind (by their description), with their resources.
func (c *cloud) leftovers(ctx context.Context) error {
	var out struct {
		Projects []struct{ ID, Name, Description string } `json:"projects"`
	}
	if _, err := c.do(ctx, c.adminTok, "", "GET", c.authURL+"/projects", nil, &out); err != nil {
		return err
	}
	var errs []error
	for _, pr := range out.Projects {
		if pr.Description != projectDescription {
			continue
		}
		grant := fmt.Sprintf("%s/projects/%s/users/%s/roles/%s", c.authURL, pr.ID, c.adminUserID, c.adminRole)
		if _, err := c.do(ctx, c.adminTok, "", "PUT", grant, nil, nil); err != nil {
			errs = append(errs, err)
			continue
		}
		p := &project{c: c, name: pr.Name, id: pr.ID}
		var err error
		if p.admin, err = c.login(ctx, c.admin, pr.Name); err != nil {
			errs = append(errs, err)
			continue
		}
		prefix := pr.Name
		if i := strings.LastIndex(prefix, "-"); i > 0 {
			prefix = prefix[:i+1] // runID-NNN-
		}
		errs = append(errs, p.sweep(ctx, prefix), p.remove(ctx))
	}
	return errors.Join(errs...)
}

// projectDescription marks the harness's projects.
const projectDescription = "gocinder differential harness"

// remove deletes the project's quotas and the project itself.
func (p *project) remove(ctx context.Context) error {
	c := p.c
	_, err1 := c.do(ctx, p.admin.token, "", "DELETE", p.admin.cinder+"/os-quota-sets/"+p.id, nil, nil)
	_, err2 := c.do(ctx, c.adminTok, "", "DELETE", c.authURL+"/projects/"+p.id, nil, nil)
	return errors.Join(err1, err2)
}

// api sends a Cinder request as the project's admin at microversion 3.70;
// path is relative to the project's endpoint.
func (p *project) api(ctx context.Context, method, path string, body, out any) (result, error) {
	return p.c.do(ctx, p.admin.token, "3.70", method, p.admin.cinder+path, body, out)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
