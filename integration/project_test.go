//go:build integration

package integration_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// runQuota is the volumes quota of the run's own project on the real cloud:
// enough for every scenario at once.
const runQuota = 60

// ownProject creates a project for this run on the real cloud, gives the
// admin user the admin role in it, raises its Block Storage quotas, and
// returns admin's OS_* variables scoped to it. The project and its quotas
// are removed in t.Cleanup (after every scenario's own cleanup).
//
// Scenarios thus never compete with other users of the admin project for
// its quota (10 volumes by default), and their lists only see their own
// volumes.
func ownProject(t *testing.T, admin map[string]string) map[string]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b := &backend{kind: "real", scenario: "setup", ctx: ctx, adminEnv: admin, authURL: admin["OS_AUTH_URL"]}
	b.admin, b.adminTap = b.connect(t, admin, "latest")
	tok := b.adminToken(t)
	ks := strings.TrimRight(b.authURL, "/")

	var self struct {
		Token struct {
			User struct {
				ID string `json:"id"`
			} `json:"user"`
			Project struct {
				Domain struct {
					ID string `json:"id"`
				} `json:"domain"`
			} `json:"project"`
		} `json:"token"`
	}
	_, err := raw(ctx, tok, http.MethodGet, ks+"/auth/tokens", http.Header{"X-Subject-Token": {tok}}, nil, &self)
	require.NoError(t, err, "keystone: reading the admin token")
	var roles struct {
		Roles []struct {
			ID string `json:"id"`
		} `json:"roles"`
	}
	_, err = raw(ctx, tok, http.MethodGet, ks+"/roles?name=admin", nil, nil, &roles)
	require.NoError(t, err, "keystone: finding the admin role")
	require.Len(t, roles.Roles, 1, "keystone: one role named admin")

	name := runID + "project"
	var created struct {
		Project struct {
			ID string `json:"id"`
		} `json:"project"`
	}
	_, err = raw(ctx, tok, http.MethodPost, ks+"/projects", nil, map[string]any{"project": map[string]any{
		"name": name, "domain_id": self.Token.Project.Domain.ID, "description": "gocinder integration run",
	}}, &created)
	require.NoError(t, err, "keystone: creating project %s", name)
	pid := created.Project.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := raw(ctx, tok, http.MethodDelete, b.admin.Endpoint()+"os-quota-sets/"+pid, nil, nil, nil); err != nil {
			t.Errorf("cleanup: quotas of project %s: %v", name, err)
		}
		if _, err := raw(ctx, tok, http.MethodDelete, ks+"/projects/"+pid, nil, nil, nil); err != nil {
			t.Errorf("cleanup: project %s left behind: %v", name, err)
		}
	})
	_, err = raw(ctx, tok, http.MethodPut, fmt.Sprintf("%s/projects/%s/users/%s/roles/%s", ks, pid,
		url.PathEscape(self.Token.User.ID), roles.Roles[0].ID), nil, nil, nil)
	require.NoError(t, err, "keystone: granting admin the admin role on %s", name)
	b.adminREST(t, http.MethodPut, "os-quota-sets/"+pid, map[string]any{"quota_set": map[string]any{
		"volumes": runQuota, "gigabytes": 10 * runQuota, "snapshots": runQuota,
	}}, nil)

	env := maps.Clone(admin)
	env["OS_PROJECT_NAME"] = name
	return env
}
