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

func TestListManageable(t *testing.T) {
	t.Parallel()
	// The test cloud's localfile driver cannot list manageable volumes (it
	// answers 500), so this body follows Cinder's manageable_volumes view.
	const page = `{"manageable-volumes": [{"reference": {"source-name": "lv1"}, "size": 2, "safe_to_manage": false,
		"reason_not_safe": "already managed", "cinder_id": "` + idA + `", "extra_info": null}]}`
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~/manageable_volumes/detail", func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "manageable_volumes/detail", Version: "3.70",
			Query: "cluster=c1&limit=10&marker=m&offset=2&sort=size%3Adesc"}, r)
		return testutil.Respond(200, []byte(page)), nil
	})
	got, err := cinder.Collect(c.Volumes.ListManageable(t.Context(), &volumes.ManageableListOptions{Cluster: "c1", Limit: 10, Marker: "m", Offset: 2, Sort: "size:desc"}))
	require.NoError(t, err)
	assert.Equal(t, []volumes.Manageable{{Reference: map[string]any{"source-name": "lv1"}, Size: 2, ReasonNotSafe: "already managed", CinderID: idA}}, got)
}

func TestListManageableErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~/manageable_volumes/detail", testutil.JSONResponder(t, 500, "volumes/error_manageable_list.json"))
	_, err := cinder.Collect(c.Volumes.ListManageable(t.Context(), &volumes.ManageableListOptions{Host: "cinder-host@backend#pool"}))
	assertAPIError(t, err, cinder.ErrServer, 500, "computeFault", "The server has either erred or is incapable of performing the requested operation.")

	for _, tc := range []struct {
		version string
		opts    *volumes.ManageableListOptions
		need    string
	}{
		{"3.7", &volumes.ManageableListOptions{Host: "h"}, "3.8"},
		{"3.16", &volumes.ManageableListOptions{Cluster: "c"}, "3.17"},
	} {
		old, oldMock := testutil.NewClient(t, tc.version)
		_, err := cinder.Collect(old.Volumes.ListManageable(t.Context(), tc.opts))
		assertVersionError(t, err, tc.need, oldMock.GetTotalCallCount())
	}
	for _, opts := range []*volumes.ManageableListOptions{nil, {}, {Host: "h", Cluster: "c"}, {Host: "h", Sort: "name"}, {Host: "h", Offset: -1}} {
		_, err := cinder.Collect(c.Volumes.ListManageable(t.Context(), opts))
		require.Error(t, err)
	}
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestManage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version, path string
	}{
		{"3.70", "manageable_volumes"},
		{"3.7", "os-volume-manage"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, tc.version)
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: tc.path, Version: tc.version,
				Body: `{"volume":{"host":"cinder-host@backend#pool","ref":{"source-name":"gocinder-rec-nosuch"},"name":"gocinder-rec-managed",
					"metadata":{"gocinder-rec":"1"},"bootable":true,"volume_type":"t","availability_zone":"nova","description":"d"}}`},
				http.StatusAccepted, "volumes/manage.json")
			v, err := c.Volumes.Manage(t.Context(), volumes.ManageRequest{Host: "cinder-host@backend#pool",
				Ref: map[string]string{"source-name": "gocinder-rec-nosuch"}, Name: "gocinder-rec-managed", Description: "d",
				VolumeType: "t", AvailabilityZone: "nova", Metadata: map[string]string{"gocinder-rec": "1"}, Bootable: true})
			require.NoError(t, err)
			const id = "00000000-0000-4000-8000-000000000006"
			// real Cinder shows a managed volume as "creating" with size 0 at first
			assert.Equal(t, volumes.Volume{ID: id, Name: "gocinder-rec-managed", Status: volumes.StatusCreating, AvailabilityZone: "nova",
				CreatedAt: fixtureTime, VolumeType: "__DEFAULT__", Metadata: map[string]string{"gocinder-rec": "1"}, Links: links(id),
				UserID: userID, Attachments: []volumes.Attachment{}}, *v)
		})
	}
}

func TestManageErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("manageable_volumes"), testutil.JSONResponder(t, 403, "volumes/error_403.json"))
	_, err := c.Volumes.Manage(t.Context(), volumes.ManageRequest{Host: "h", Ref: map[string]string{"source-name": "x"}})
	assertAPIError(t, err, cinder.ErrForbidden, 403, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")

	old, oldMock := testutil.NewClient(t, "3.15")
	_, err = old.Volumes.Manage(t.Context(), volumes.ManageRequest{Cluster: "c", Ref: map[string]string{"source-name": "x"}})
	assertVersionError(t, err, "3.16", oldMock.GetTotalCallCount())

	for _, r := range []volumes.ManageRequest{{Ref: map[string]string{"a": "b"}}, {Host: "h", Cluster: "c", Ref: map[string]string{"a": "b"}}, {Host: "h"}} {
		_, err := c.Volumes.Manage(t.Context(), r)
		require.Error(t, err)
	}
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestEncryptionMetadata(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA + "/encryption", Version: "3.70"}, http.StatusOK, "volumes/encryption_metadata.json")
	em, err := c.Volumes.EncryptionMetadata(t.Context(), idA)
	require.NoError(t, err)
	assert.Equal(t, volumes.EncryptionMetadata{}, *em, "an unencrypted volume: only a null key id")

	c2, mock2 := testutil.NewClient(t, "3.70")
	mock2.RegisterResponder(http.MethodGet, testutil.URL("volumes/x/encryption"), testutil.JSONResponder(t, 404, "volumes/error_404.json"))
	_, err = c2.Volumes.EncryptionMetadata(t.Context(), "x")
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")
}
