package quotas_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/quotas"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + demoProject, Version: "3.70"},
		http.StatusOK, "quotas/get.json")
	s, err := c.Quotas.Get(t.Context(), demoProject)
	require.NoError(t, err)
	assert.Equal(t, updated(), *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetAfterDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + demoProject, Version: "3.0"},
		http.StatusOK, "quotas/get_after_delete.json")
	s, err := c.Quotas.Get(t.Context(), demoProject)
	require.NoError(t, err)
	assert.Equal(t, defaults(demoProject), *s)
}

func TestGetForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + testutil.ProjectID},
		http.StatusForbidden, "quotas/error_get_403.json")
	_, err := c.Quotas.Get(t.Context(), testutil.ProjectID)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "volume_extension:quotas:show")
}

func TestUsage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + demoProject, Query: "usage=True", Version: "3.70"},
		http.StatusOK, "quotas/usage.json")
	u, err := c.Quotas.Usage(t.Context(), demoProject)
	require.NoError(t, err)
	free := quotas.Usage{Limit: -1}
	freeType := quotas.TypeSet[quotas.Usage]{Volumes: free, Gigabytes: free, Snapshots: free}
	assert.Equal(t, quotas.UsageSet{
		ID:                 demoProject,
		Volumes:            quotas.Usage{Limit: 12},
		Snapshots:          quotas.Usage{Limit: 10},
		Gigabytes:          free,
		Backups:            quotas.Usage{Limit: 10, InUse: 1},
		BackupGigabytes:    quotas.Usage{Limit: 1000, InUse: 1},
		PerVolumeGigabytes: free,
		Groups:             quotas.Usage{Limit: 10},
		Types: map[string]quotas.TypeSet[quotas.Usage]{
			"gocinder-qrec": {Volumes: quotas.Usage{Limit: 5}, Gigabytes: quotas.Usage{Limit: 50}, Snapshots: free},
			"tq-priv2":      freeType, "tq-pub": freeType, "__DEFAULT__": freeType,
		},
	}, *u)
}

func TestUsageForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + testutil.ProjectID, Query: "usage=True"},
		http.StatusForbidden, "quotas/error_get_403.json")
	_, err := c.Quotas.Usage(t.Context(), testutil.ProjectID)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "quotas:show")
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + demoProject + "/defaults", Version: "3.70"},
		http.StatusOK, "quotas/defaults.json")
	s, err := c.Quotas.Defaults(t.Context(), demoProject)
	require.NoError(t, err)
	assert.Equal(t, defaults(demoProject), *s)
}

func TestDefaultsForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-sets/" + testutil.ProjectID + "/defaults"},
		http.StatusForbidden, "quotas/error_get_403.json")
	_, err := c.Quotas.Defaults(t.Context(), testutil.ProjectID)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "quotas:show")
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-quota-sets/" + demoProject, Version: "3.70",
		Body: `{"quota_set":{"volumes":12,"gigabytes":-1,"volumes_gocinder-qrec":5,"gigabytes_gocinder-qrec":50}}`},
		http.StatusOK, "quotas/update.json")
	s, err := c.Quotas.Update(t.Context(), demoProject, quotas.UpdateRequest{Volumes: new(12), Gigabytes: new(-1),
		Types: map[string]quotas.TypeUpdate{"gocinder-qrec": {Volumes: new(5), Gigabytes: new(50)}}})
	require.NoError(t, err)
	assert.Equal(t, updated(), *s, "the answer has no id; Update fills it in")
}

func TestUpdateEveryKey(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-quota-sets/" + demoProject, Version: "3.0",
		Body: `{"quota_set":{"volumes":1,"snapshots":2,"gigabytes":3,"backups":4,"backup_gigabytes":5,"per_volume_gigabytes":6,
			"groups":0,"snapshots_gold":-1}}`},
		http.StatusOK, "quotas/update.json")
	_, err := c.Quotas.Update(t.Context(), demoProject, quotas.UpdateRequest{Volumes: new(1), Snapshots: new(2), Gigabytes: new(3),
		Backups: new(4), BackupGigabytes: new(5), PerVolumeGigabytes: new(6), Groups: new(0),
		Types: map[string]quotas.TypeUpdate{"gold": {Snapshots: new(-1)}}})
	require.NoError(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUpdateErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		req      quotas.UpdateRequest
		body     string
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{"unknown volume type", quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{"gocinder-nosuchtype": {Volumes: new(1)}}},
			`{"quota_set":{"volumes_gocinder-nosuchtype":1}}`, http.StatusBadRequest, "quotas/error_update_bad_key.json",
			cinder.ErrBadRequest, "Bad key(s) in quota set: volumes_gocinder-nosuchtype"},
		{"not an admin", quotas.UpdateRequest{Volumes: new(11)}, `{"quota_set":{"volumes":11}}`,
			http.StatusForbidden, "quotas/error_update_403.json", cinder.ErrForbidden, "volume_extension:quotas:update"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-quota-sets/" + demoProject, Body: tc.body},
				tc.status, tc.fixture)
			_, err := c.Quotas.Update(t.Context(), demoProject, tc.req)
			testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
		})
	}
}

// TestRefusedBeforeSending covers what the client rejects itself.
func TestRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	ctx := t.Context()
	q := c.Quotas
	for name, call := range map[string]func() error{
		"empty update": func() error { _, err := q.Update(ctx, demoProject, quotas.UpdateRequest{}); return err },
		"empty type": func() error {
			_, err := q.Update(ctx, demoProject, quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{"gold": {}}})
			return err
		},
		"below -1": func() error { _, err := q.Update(ctx, demoProject, quotas.UpdateRequest{Volumes: new(-2)}); return err },
		"type below -1": func() error {
			_, err := q.Update(ctx, demoProject, quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{"gold": {Gigabytes: new(-5)}}})
			return err
		},
		"no type name": func() error {
			_, err := q.Update(ctx, demoProject, quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{"": {Volumes: new(1)}}})
			return err
		},
		"update no id":    func() error { _, err := q.Update(ctx, "", quotas.UpdateRequest{Volumes: new(1)}); return err },
		"get no id":       func() error { _, err := q.Get(ctx, ""); return err },
		"usage no id":     func() error { _, err := q.Usage(ctx, ""); return err },
		"defaults no id":  func() error { _, err := q.Defaults(ctx, ""); return err },
		"delete no id":    func() error { return q.Delete(ctx, "") },
		"class no name":   func() error { _, err := q.GetClass(ctx, ""); return err },
		"update no class": func() error { _, err := q.UpdateClass(ctx, "", quotas.UpdateRequest{Volumes: new(1)}); return err },
	} {
		err := call()
		require.Error(t, err, name)
		assert.Regexp(t, `^cinder: `, err.Error(), name)
	}
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "os-quota-sets/" + demoProject, Version: "3.70"},
		http.StatusOK, "quotas/delete.json")
	require.NoError(t, c.Quotas.Delete(t.Context(), demoProject))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "os-quota-sets/" + demoProject},
		http.StatusForbidden, "quotas/error_delete_403.json")
	err := c.Quotas.Delete(t.Context(), demoProject)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "volume_extension:quotas:delete")
}

func TestGetClass(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-class-sets/default", Version: "3.70"},
		http.StatusOK, "quotas/get_class.json")
	s, err := c.Quotas.GetClass(t.Context(), "default")
	require.NoError(t, err)
	assert.Equal(t, defaults("default"), *s)
}

func TestGetClassForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-class-sets/default"},
		http.StatusForbidden, "quotas/error_class_403.json")
	_, err := c.Quotas.GetClass(t.Context(), "default")
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "volume_extension:quota_classes:get")
}

func TestUpdateClass(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-quota-class-sets/gocinder-rec", Version: "3.70",
		Body: `{"quota_class_set":{"volumes":7,"snapshots_gocinder-qrec":3}}`},
		http.StatusOK, "quotas/update_class.json")
	s, err := c.Quotas.UpdateClass(t.Context(), "gocinder-rec", quotas.UpdateRequest{Volumes: new(7),
		Types: map[string]quotas.TypeUpdate{"gocinder-qrec": {Snapshots: new(3)}}})
	require.NoError(t, err)
	want := defaults("gocinder-rec") // the answer has no id; UpdateClass fills it in
	want.Volumes = 7
	want.Types["gocinder-qrec"] = quotas.TypeSet[int]{Volumes: -1, Gigabytes: -1, Snapshots: 3}
	assert.Equal(t, want, *s)
}

func TestUpdateClassForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-quota-class-sets/default",
		Body: `{"quota_class_set":{"volumes":7}}`}, http.StatusForbidden, "quotas/error_class_403.json")
	_, err := c.Quotas.UpdateClass(t.Context(), "default", quotas.UpdateRequest{Volumes: new(7)})
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "quota_classes")
}

// TestEscapedNames: a class or project name is one escaped path segment.
func TestEscapedNames(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-quota-class-sets/a%2Fb%20c"}, http.StatusOK, "quotas/get_class.json")
	_, err := c.Quotas.GetClass(t.Context(), "a/b c")
	require.NoError(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestUnknownKeys: keys of resources this client does not know land in
// Other (tiny inline body: the recorded cloud has none).
func TestUnknownKeys(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("os-quota-sets/p"), httpmock.NewStringResponder(http.StatusOK,
		`{"quota_set":{"id":"p","volumes":3,"replicas":4,"volumes_":5,"gigabytes_a_b":6}}`))
	s, err := c.Quotas.Get(t.Context(), "p")
	require.NoError(t, err)
	assert.Equal(t, quotas.QuotaSet{ID: "p", Volumes: 3, Other: map[string]int{"replicas": 4, "volumes_": 5},
		Types: map[string]quotas.TypeSet[int]{"a_b": {Gigabytes: 6}}}, *s)
}

func TestBadAnswer(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("os-quota-sets/p"), httpmock.NewStringResponder(http.StatusOK,
		`{"quota_set":{"id":"p","volumes":"many"}}`))
	_, err := c.Quotas.Get(t.Context(), "p")
	require.ErrorContains(t, err, "quota volumes")
	mock.RegisterResponder(http.MethodPut, testutil.URL("os-quota-sets/p"), httpmock.NewStringResponder(http.StatusOK, `{"other":{}}`))
	_, err = c.Quotas.Update(t.Context(), "p", quotas.UpdateRequest{Volumes: new(1)})
	require.ErrorContains(t, err, `no "quota_set"`)
}
