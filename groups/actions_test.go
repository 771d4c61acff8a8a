package groups_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestResetStatus(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.20")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g3ID + "/action", Version: "3.20",
		Body: `{"reset_status":{"status":"error"}}`}, http.StatusAccepted, "")
	require.NoError(t, c.Groups.ResetStatus(t.Context(), g3ID, groups.StatusError))
	require.ErrorContains(t, c.Groups.ResetStatus(t.Context(), g3ID, ""), "needs a status")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestResetStatusError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g3ID + "/action",
		Body: `{"reset_status":{"status":"bogus"}}`}, http.StatusBadRequest, "groups/error_reset_status.json")
	err := c.Groups.ResetStatus(t.Context(), g3ID, "bogus")
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Group status: bogus is invalid")
}

// replicationCalls are the four replication actions, with the body each sends.
func replicationCalls(g *groups.Manager) map[string]struct {
	call func(context.Context, string) error
	body string
} {
	return map[string]struct {
		call func(context.Context, string) error
		body string
	}{
		"enable":  {g.EnableReplication, `{"enable_replication":{}}`},
		"disable": {g.DisableReplication, `{"disable_replication":{}}`},
		"failover": {func(ctx context.Context, id string) error {
			return g.FailoverReplication(ctx, id, groups.FailoverRequest{SecondaryBackendID: "grp-secondary"})
		}, `{"failover_replication":{"secondary_backend_id":"grp-secondary"}}`},
		"targets": {func(ctx context.Context, id string) error { _, err := g.ReplicationTargets(ctx, id); return err },
			`{"list_replication_targets":{}}`},
	}
}

func TestReplicationActions(t *testing.T) {
	t.Parallel()
	c, _ := testutil.NewClient(t, "3.38")
	for name, tc := range replicationCalls(c.Groups) {
		c, mock := testutil.NewClient(t, "3.38")
		fixture := ""
		if name == "targets" {
			fixture = "groups/replication_targets.json"
		}
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g4ID + "/action", Version: "3.38", Body: tc.body},
			http.StatusAccepted, fixture)
		require.NoError(t, replicationCalls(c.Groups)[name].call(t.Context(), g4ID), name)
		assert.Equal(t, 1, mock.GetTotalCallCount(), name)
	}
}

// TestReplicationErrors: the recorded cloud's group type is not a
// replication type; every action is refused with the same 400.
func TestReplicationErrors(t *testing.T) {
	t.Parallel()
	fixtures := map[string]string{"enable": "groups/error_enable_replication.json", "disable": "groups/error_disable_replication.json",
		"failover": "groups/error_failover_replication.json", "targets": "groups/error_replication_targets.json"}
	c0, _ := testutil.NewClient(t, "3.70")
	for name, tc := range replicationCalls(c0.Groups) {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g1ID + "/action", Body: tc.body},
			http.StatusBadRequest, fixtures[name])
		err := replicationCalls(c.Groups)[name].call(t.Context(), g1ID)
		testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "is not a replication group type")
	}
}

func TestReplicationTargets(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g4ID + "/action",
		Body: `{"list_replication_targets":{}}`}, http.StatusOK, "groups/replication_targets.json")
	got, err := c.Groups.ReplicationTargets(t.Context(), g4ID)
	require.NoError(t, err)
	assert.Equal(t, []groups.ReplicationTarget{}, got)

	c, mock = testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("groups/"+g4ID+"/action"), func(*http.Request) (*http.Response, error) {
		return testutil.Respond(http.StatusOK, []byte(`{"replication_targets": [{"backend_id": "b1", "san_ip": "10.0.0.9"}]}`)), nil
	})
	got, err = c.Groups.ReplicationTargets(t.Context(), g4ID)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "b1", got[0].BackendID())
	assert.Equal(t, groups.ReplicationTarget{"backend_id": "b1", "san_ip": "10.0.0.9"}, got[0])
}

func TestEnableReplicationStatusError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g4ID + "/action",
		Body: `{"enable_replication":{}}`}, http.StatusBadRequest, "groups/error_enable_replication_status.json")
	err := c.Groups.EnableReplication(t.Context(), g4ID)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "status must be ['available']")
}

// TestVersionGates: each method below its microversion fails before sending.
func TestVersionGates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version, need string
		call          func(*groups.Manager) error
	}{
		{"3.12", "3.13", func(g *groups.Manager) error { _, err := g.Get(t.Context(), g1ID); return err }},
		{"3.12", "3.13", func(g *groups.Manager) error {
			_, err := g.Create(t.Context(), groups.CreateRequest{GroupType: gtID, VolumeTypes: []string{vtID}})
			return err
		}},
		{"3.12", "3.13", func(g *groups.Manager) error {
			return g.Update(t.Context(), g1ID, groups.UpdateRequest{Name: new("x")})
		}},
		{"3.12", "3.13", func(g *groups.Manager) error { return g.Delete(t.Context(), g1ID, nil) }},
		{"3.12", "3.13", func(g *groups.Manager) error { _, err := cinder.Collect(g.List(t.Context(), nil)); return err }},
		{"3.12", "3.13", func(g *groups.Manager) error { _, err := cinder.Collect(g.ListRefs(t.Context(), nil)); return err }},
		{"3.12", "3.13", func(g *groups.Manager) error { _, _, err := g.ListPage(t.Context(), nil); return err }},
		{"3.12", "3.13", func(g *groups.Manager) error { _, err := g.Find(t.Context(), "grp-g1", nil); return err }},
		{"3.12", "3.13", func(g *groups.Manager) error {
			_, err := g.WaitForStatus(t.Context(), g1ID, groups.StatusAvailable, nil)
			return err
		}},
		{"3.19", "3.20", func(g *groups.Manager) error { return g.ResetStatus(t.Context(), g1ID, groups.StatusAvailable) }},
		{"3.24", "3.25", func(g *groups.Manager) error {
			_, err := cinder.Collect(g.List(t.Context(), &groups.ListOptions{ListVolume: true}))
			return err
		}},
		{"3.37", "3.38", func(g *groups.Manager) error { return g.EnableReplication(t.Context(), g1ID) }},
		{"3.37", "3.38", func(g *groups.Manager) error { return g.DisableReplication(t.Context(), g1ID) }},
		{"3.37", "3.38", func(g *groups.Manager) error {
			return g.FailoverReplication(t.Context(), g1ID, groups.FailoverRequest{})
		}},
		{"3.37", "3.38", func(g *groups.Manager) error { _, err := g.ReplicationTargets(t.Context(), g1ID); return err }},
		{"3.33", "3.34", func(g *groups.Manager) error {
			_, err := cinder.Collect(g.List(t.Context(), &groups.ListOptions{Filters: map[string]string{"name~": "g"}}))
			return err
		}},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		err := tc.call(c.Groups)
		testutil.RequireVersionError(t, err, tc.need)
		assert.Zero(t, mock.GetTotalCallCount(), tc.need)
	}
}
