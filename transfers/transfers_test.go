package transfers_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/transfers"
)

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volume-transfers", Version: "3.70",
		Body: `{"transfer":{"volume_id":"` + volID + `","name":"tx-rec-1","no_snapshots":true}}`},
		http.StatusAccepted, "transfers/create.json")
	tr, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{VolumeID: volID, Name: "tx-rec-1", NoSnapshots: true})
	require.NoError(t, err)
	want := fixtureTransfer()
	want.AuthKey = fakeKey
	assert.Equal(t, want, *tr)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCreateLegacy(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "os-volume-transfer", Version: "3.0",
		Body: `{"transfer":{"volume_id":"` + volID + `","name":"tx-rec-2"}}`}, http.StatusAccepted, "transfers/create_v30.json")
	tr, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{VolumeID: volID, Name: "tx-rec-2"})
	require.NoError(t, err)
	assert.Equal(t, transfers.Transfer{ID: legacyID, Name: "tx-rec-2", VolumeID: volID, CreatedAt: stamp,
		Links: links(adminProj, legacyID), AuthKey: fakeKey}, *tr)
}

func TestCreateNoSnapshotsNeeds355(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.54")
	_, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{VolumeID: volID, NoSnapshots: true})
	testutil.RequireVersionError(t, err, "3.55")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestCreateNeedsVolume(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{Name: "x"})
	require.ErrorContains(t, err, "volume ID")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestCreateVolumeNotAvailable(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volume-transfers",
		Body: `{"transfer":{"volume_id":"` + volID + `","name":"tx-rec-again"}}`}, http.StatusBadRequest, "transfers/error_create_state.json")
	tr, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{VolumeID: volID, Name: "tx-rec-again"})
	assert.Nil(t, tr)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "status must be available")
}

// TestCreateNotRetried: a POST that may have created a transfer (a 504: the
// proxy gave up, the server may have acted) is never
// replayed, even by a client that retries idempotent calls.
func TestCreateNotRetried(t *testing.T) {
	t.Parallel()
	c, mock := testutil.RetryingClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("volume-transfers"), testutil.GatewayTimeout)
	_, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{VolumeID: volID})
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusGatewayTimeout, apiErr.StatusCode)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestAcceptNotRetried(t *testing.T) {
	t.Parallel()
	c, mock := testutil.RetryingClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("volume-transfers/"+transferID+"/accept"), testutil.GatewayTimeout)
	_, err := c.Transfers.Accept(t.Context(), transferID, fakeKey)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusGatewayTimeout, apiErr.StatusCode)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/" + transferID, Version: "3.70"},
		http.StatusOK, "transfers/get.json")
	tr, err := c.Transfers.Get(t.Context(), transferID)
	require.NoError(t, err)
	assert.Equal(t, fixtureTransfer(), *tr)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetLegacy(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-volume-transfer/" + transferID, Version: "3.0"},
		http.StatusOK, "transfers/get_v30.json")
	tr, err := c.Transfers.Get(t.Context(), transferID)
	require.NoError(t, err)
	want := fixtureTransfer()
	want.NoSnapshots, want.SourceProjectID = false, "" // not shown before 3.55 and 3.57
	assert.Equal(t, want, *tr)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/nope"}, http.StatusNotFound, "transfers/error_404.json")
	tr, err := c.Transfers.Get(t.Context(), "nope")
	assert.Nil(t, tr)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestAccept(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volume-transfers/" + legacyID + "/accept", Version: "3.70",
		Body: `{"accept":{"auth_key":"` + fakeKey + `"}}`}, http.StatusAccepted, "transfers/accept.json")
	a, err := c.Transfers.Accept(t.Context(), legacyID, fakeKey)
	require.NoError(t, err)
	assert.Equal(t, transfers.Acceptance{ID: legacyID, Name: "tx-rec-2", VolumeID: volID, Links: links(demoProj, legacyID)}, *a)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestAcceptWrongKey(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volume-transfers/" + transferID + "/accept",
		Body: `{"accept":{"auth_key":"wrong-key"}}`}, http.StatusBadRequest, "transfers/error_accept_key.json")
	a, err := c.Transfers.Accept(t.Context(), transferID, "wrong-key")
	assert.Nil(t, a)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "invalid auth key")
}

func TestAcceptNeedsKey(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Transfers.Accept(t.Context(), transferID, "")
	require.ErrorContains(t, err, "auth key")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "volume-transfers/" + transferID, Version: "3.70"},
		http.StatusAccepted, "")
	require.NoError(t, c.Transfers.Delete(t.Context(), transferID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "volume-transfers/nope"}, http.StatusNotFound, "transfers/error_404.json")
	err := c.Transfers.Delete(t.Context(), "nope")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

// TestPathByVersion: every call goes to os-volume-transfer below 3.55 and
// to volume-transfers from 3.55 on, with that version in the header.
func TestPathByVersion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ version, base string }{
		{"3.0", "os-volume-transfer"}, {"3.54", "os-volume-transfer"},
		{"3.55", "volume-transfers"}, {"3.70", "volume-transfers"},
	} {
		for _, call := range []struct {
			method, path, fixture string
			status                int
			run                   func(*cinder.Client) error
		}{
			{http.MethodPost, "", "transfers/create_v30.json", http.StatusAccepted, func(c *cinder.Client) error {
				_, err := c.Transfers.Create(t.Context(), transfers.CreateRequest{VolumeID: volID})
				return err
			}},
			{http.MethodGet, "/" + transferID, "transfers/get_v30.json", http.StatusOK, func(c *cinder.Client) error {
				_, err := c.Transfers.Get(t.Context(), transferID)
				return err
			}},
			{http.MethodPost, "/" + transferID + "/accept", "transfers/accept.json", http.StatusAccepted, func(c *cinder.Client) error {
				_, err := c.Transfers.Accept(t.Context(), transferID, fakeKey)
				return err
			}},
			{http.MethodDelete, "/" + transferID, "", http.StatusAccepted, func(c *cinder.Client) error {
				return c.Transfers.Delete(t.Context(), transferID)
			}},
			{http.MethodGet, "/detail", "transfers/list.json", http.StatusOK, func(c *cinder.Client) error {
				_, err := cinder.Collect(c.Transfers.List(t.Context(), nil))
				return err
			}},
			{http.MethodGet, "", "transfers/list_refs.json", http.StatusOK, func(c *cinder.Client) error {
				_, err := cinder.Collect(c.Transfers.ListRefs(t.Context(), nil))
				return err
			}},
			{http.MethodGet, "/detail", "transfers/list.json", http.StatusOK, func(c *cinder.Client) error {
				_, _, err := c.Transfers.ListPage(t.Context(), nil)
				return err
			}},
		} {
			c, mock := testutil.NewClient(t, tc.version)
			var got *http.Request
			mock.RegisterResponder(call.method, testutil.URL(tc.base+call.path), func(r *http.Request) (*http.Response, error) {
				got = r
				return testutil.JSONResponder(t, call.status, call.fixture)(r)
			})
			require.NoError(t, call.run(c), "%s %s%s", tc.version, call.method, call.path)
			require.NotNil(t, got, "%s %s%s", tc.version, call.method, call.path)
			assert.Equal(t, "volume "+tc.version, got.Header.Get("OpenStack-API-Version"))
			assert.Equal(t, 1, mock.GetTotalCallCount())
		}
	}
}

func TestTransferCreatedAtIsUTC(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volume-transfers/t1"),
		httpmock.NewStringResponder(http.StatusOK, `{"transfer":{"id":"t1","created_at":"2024-05-01T14:00:00+02:00","destination_project_id":"p2","accepted":true}}`))
	tr, err := c.Transfers.Get(t.Context(), "t1")
	require.NoError(t, err)
	assert.Equal(t, transfers.Transfer{ID: "t1", CreatedAt: stamp, DestinationProjectID: "p2", Accepted: true}, *tr)
	assert.Equal(t, time.UTC, tr.CreatedAt.Location())
}
