package volumes_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA, Version: "3.70"}, http.StatusOK, "volumes/get.json")
	v, err := c.Volumes.Get(t.Context(), idA)
	require.NoError(t, err)
	assert.Equal(t, volumeA(), *v)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetInUse(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA}, http.StatusOK, "volumes/get_in_use.json")
	v, err := c.Volumes.Get(t.Context(), idA)
	require.NoError(t, err)
	want := volumeA()
	want.Status, want.Name, want.Description = volumes.StatusInUse, "gocinder-rec-a2", "renamed"
	want.Metadata = map[string]string{"gocinder-rec": "1", "readonly": "False", "attached_mode": "rw"}
	want.ImageMetadata = map[string]string{"hw_disk_bus": "scsi"}
	want.Attachments = []volumes.Attachment{{ID: idA, AttachmentID: "00000000-0000-4000-8000-000000000005", VolumeID: idA,
		HostName: "cinder-host", Device: "/dev/vdb", AttachedAt: fixtureTime}}
	assert.Equal(t, want, *v)
}

func TestGetErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, fixture string
		status        int
		sentinel      error
		code, msg     string
	}{
		{"404", "error_404", 404, cinder.ErrNotFound, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found."},
		{"406", "error_406", 406, cinder.ErrNotAcceptable, "computeFault", "Version 3.71 is not supported by the API. Minimum is 3.0 and maximum is 3.70."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/x"}, tc.status, "volumes/"+tc.fixture+".json")
			_, err := c.Volumes.Get(t.Context(), "x")
			assertAPIError(t, err, tc.sentinel, tc.status, tc.code, tc.msg)
		})
	}
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes", Version: "3.70",
		Body: `{"volume":{"size":1,"name":"gocinder-rec-a","description":"recorded by gocinder","metadata":{"gocinder-rec":"1"},
			"backup_id":"bk","group_id":"g"},"OS-SCH-HNT:scheduler_hints":{"same_host":["v0"],"x":1}}`},
		http.StatusAccepted, "volumes/create.json")
	v, err := c.Volumes.Create(t.Context(), volumes.CreateRequest{Size: 1, Name: "gocinder-rec-a", Description: "recorded by gocinder",
		Metadata: map[string]string{"gocinder-rec": "1"}, BackupID: "bk", GroupID: "g",
		SchedulerHints: &volumes.SchedulerHints{SameHost: []string{"v0"}, Extra: map[string]any{"x": 1}}})
	require.NoError(t, err)
	want := volumes.Volume{ID: idA, Name: "gocinder-rec-a", Description: "recorded by gocinder", Status: volumes.StatusCreating,
		Size: 1, AvailabilityZone: "nova", CreatedAt: fixtureTime, VolumeType: "__DEFAULT__",
		Metadata: map[string]string{"gocinder-rec": "1"}, Links: links(idA), UserID: userID, Attachments: []volumes.Attachment{},
		SharedTargets: new(true), VolumeTypeID: typeID, ConsumesQuota: new(true)}
	assert.Equal(t, want, *v)
}

func TestCreateErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, fixture string
		status        int
		sentinel      error
		code, msg     string
	}{
		{"bad size", "error_400", 400, cinder.ErrBadRequest, "badRequest", "Invalid input for field/attribute size. Value: -1. -1 is less than the minimum of 1"},
		{"over quota", "error_413", 413, cinder.ErrOverLimit, "overLimit", "VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			mock.RegisterResponder(http.MethodPost, testutil.URL("volumes"), testutil.JSONResponder(t, tc.status, "volumes/"+tc.fixture+".json"))
			_, err := c.Volumes.Create(t.Context(), volumes.CreateRequest{Size: -1})
			assertAPIError(t, err, tc.sentinel, tc.status, tc.code, tc.msg)
		})
	}
}

func TestCreateVersionGates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		req  volumes.CreateRequest
		need string
	}{
		{"backup", volumes.CreateRequest{BackupID: "b"}, "3.47"},
		{"group", volumes.CreateRequest{Size: 1, GroupID: "g"}, "3.13"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.12")
			_, err := c.Volumes.Create(t.Context(), tc.req)
			assertVersionError(t, err, tc.need, mock.GetTotalCallCount())
		})
	}
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "volumes/" + idA, Version: "3.70",
		Body: `{"volume":{"name":"gocinder-rec-a2","description":"renamed"}}`}, http.StatusOK, "volumes/update.json")
	v, err := c.Volumes.Update(t.Context(), idA, volumes.UpdateRequest{Name: new("gocinder-rec-a2"), Description: new("renamed")})
	require.NoError(t, err)
	want := volumeA()
	want.Name, want.Description = "gocinder-rec-a2", "renamed"
	want.TenantID, want.Host = "", "" // the update view has no admin attributes
	assert.Equal(t, want, *v)
}

func TestUpdateNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodPut, testutil.URL("volumes/x"), testutil.JSONResponder(t, 404, "volumes/error_404.json"))
	_, err := c.Volumes.Update(t.Context(), "x", volumes.UpdateRequest{Name: new("n")})
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		opts  *volumes.DeleteOptions
		query string
	}{
		{"plain", nil, ""},
		{"cascade", &volumes.DeleteOptions{Cascade: true}, "cascade=true"},
		{"force", &volumes.DeleteOptions{Cascade: true, Force: true}, "cascade=true&force=true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "volumes/" + idA, Query: tc.query, Version: "3.70"}, http.StatusAccepted, "")
			require.NoError(t, c.Volumes.Delete(t.Context(), idA, tc.opts))
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestDeleteErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodDelete, testutil.URL("volumes/x"), testutil.JSONResponder(t, 404, "volumes/error_404.json"))
	err := c.Volumes.Delete(t.Context(), "x", nil)
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")

	old, oldMock := testutil.NewClient(t, "3.22")
	err = old.Volumes.Delete(t.Context(), "x", &volumes.DeleteOptions{Force: true})
	assertVersionError(t, err, "3.23", oldMock.GetTotalCallCount())
}

func TestSummary(t *testing.T) {
	t.Parallel()
	for _, all := range []bool{false, true} {
		c, mock := testutil.NewClient(t, "3.70")
		q := ""
		if all {
			q = "all_tenants=1"
		}
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/summary", Query: q, Version: "3.70"}, http.StatusOK, "volumes/summary.json")
		s, err := c.Volumes.Summary(t.Context(), all)
		require.NoError(t, err)
		assert.Equal(t, volumes.Summary{TotalCount: 3, TotalSize: 3, Metadata: map[string][]string{"gocinder-rec": {"1"}}}, *s)
	}
}

func TestSummaryErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/summary"), testutil.JSONResponder(t, 403, "volumes/error_403.json"))
	_, err := c.Volumes.Summary(t.Context(), true)
	assertAPIError(t, err, cinder.ErrForbidden, 403, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")

	old, oldMock := testutil.NewClient(t, "3.11")
	_, err = old.Volumes.Summary(t.Context(), false)
	assertVersionError(t, err, "3.12", oldMock.GetTotalCallCount())
}
