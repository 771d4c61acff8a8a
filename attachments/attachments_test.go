package attachments_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestCreateReserve(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "attachments", Version: "3.70",
		Body: `{"attachment":{"volume_uuid":"` + volID + `"}}`}, http.StatusOK, "attachments/create.json")
	a, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID})
	require.NoError(t, err)
	assert.Equal(t, reserved(), *a)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCreateReadOnly(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.54")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "attachments", Version: "3.54",
		Body: `{"attachment":{"volume_uuid":"` + volID + `","mode":"ro"}}`}, http.StatusOK, "attachments/create_ro.json")
	a, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID, Mode: attachments.ModeReadOnly})
	require.NoError(t, err)
	want := reserved()
	want.ID, want.AttachMode = roID, attachments.ModeReadOnly
	assert.Equal(t, want, *a)
}

func TestCreateWithConnector(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	const instance = "00000000-0000-4000-8000-0000000000aa"
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "attachments", Version: "3.70",
		Body: `{"attachment":{"volume_uuid":"` + volID + `","instance_uuid":"` + instance + `","connector":` + connectorJSON + `,"mode":"rw"}}`},
		http.StatusOK, "attachments/create_connector.json")
	conn := connector
	a, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID, InstanceID: instance, Connector: &conn,
		Mode: attachments.ModeReadWrite})
	require.NoError(t, err)
	// the answer still shows the reservation's status, with the connection
	assert.Equal(t, attachments.Attachment{ID: connectedID, Status: attachments.StatusReserved, VolumeID: volID,
		AttachMode: attachments.ModeReadWrite, ConnectionInfo: connInfo(connectedID)}, *a)
}

func TestCreateModeNeeds354(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.53")
	_, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID, Mode: attachments.ModeReadOnly})
	testutil.RequireVersionError(t, err, "3.54")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestCreateNeedsVolume(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{Connector: &connector})
	require.ErrorContains(t, err, "volume ID")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestCreateVolumeInUse(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "attachments",
		Body: `{"attachment":{"volume_uuid":"` + volID + `","mode":"ro"}}`}, http.StatusBadRequest, "attachments/error_create_attached.json")
	a, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID, Mode: attachments.ModeReadOnly})
	assert.Nil(t, a)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "the current status is in-use")
}

// TestCreateNotRetried: a POST that may have attached is never replayed.
func TestCreateNotRetried(t *testing.T) {
	t.Parallel()
	c, mock := testutil.RetryingClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("attachments"), testutil.GatewayTimeout)
	_, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID})
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusGatewayTimeout, apiErr.StatusCode)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/" + attID, Version: "3.70"},
		http.StatusOK, "attachments/get.json")
	a, err := c.Attachments.Get(t.Context(), attID)
	require.NoError(t, err)
	assert.Equal(t, fixtureAttachment(), *a)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetReserved(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.27")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/" + attID, Version: "3.27"},
		http.StatusOK, "attachments/get_reserved.json")
	a, err := c.Attachments.Get(t.Context(), attID)
	require.NoError(t, err)
	assert.Equal(t, reserved(), *a)
	assert.True(t, a.AttachedAt.IsZero())
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/" + attID}, http.StatusNotFound, "attachments/error_404.json")
	a, err := c.Attachments.Get(t.Context(), attID)
	assert.Nil(t, a)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestGetDetached(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("attachments/a1"), httpmock.NewStringResponder(http.StatusOK,
		`{"attachment":{"id":"a1","status":"detached","instance":"srv","attached_at":"2024-05-01T12:00:00","detached_at":"2024-05-01T12:00:00.000000","attach_mode":"ro","connection_info":null}}`))
	a, err := c.Attachments.Get(t.Context(), "a1")
	require.NoError(t, err)
	assert.Equal(t, attachments.Attachment{ID: "a1", Status: attachments.StatusDetached, InstanceID: "srv", AttachedAt: stamp,
		DetachedAt: stamp, AttachMode: attachments.ModeReadOnly}, *a)
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "attachments/" + attID, Version: "3.70",
		Body: `{"attachment":{"connector":` + connectorJSON + `}}`}, http.StatusOK, "attachments/update.json")
	a, err := c.Attachments.Update(t.Context(), attID, connector)
	require.NoError(t, err)
	want := reserved()
	want.ConnectionInfo = connInfo(attID)
	assert.Equal(t, want, *a)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUpdateExtraConnectorKeys(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "attachments/" + attID,
		Body: `{"attachment":{"connector":{"host":"h","multipath":true,"mountpoint":"/dev/vdb"}}}`}, http.StatusOK, "attachments/update.json")
	_, err := c.Attachments.Update(t.Context(), attID, attachments.Connector{Host: "h", Multipath: true,
		Extra: map[string]any{"mountpoint": "/dev/vdb"}})
	require.NoError(t, err)
}

func TestUpdateNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "attachments/" + attID,
		Body: `{"attachment":{"connector":` + connectorJSON + `}}`}, http.StatusNotFound, "attachments/error_404.json")
	_, err := c.Attachments.Update(t.Context(), attID, connector)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, attID)
}

func TestComplete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.44")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "attachments/" + attID + "/action", Version: "3.44",
		Body: `{"os-complete":null}`}, http.StatusNoContent, "")
	require.NoError(t, c.Attachments.Complete(t.Context(), attID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCompleteNeeds344(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.43")
	testutil.RequireVersionError(t, c.Attachments.Complete(t.Context(), attID), "3.44")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestCompleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "attachments/" + attID + "/action",
		Body: `{"os-complete":null}`}, http.StatusNotFound, "attachments/error_404.json")
	testutil.RequireAPIError(t, c.Attachments.Complete(t.Context(), attID), http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "attachments/" + attID, Version: "3.70"},
		http.StatusOK, "attachments/delete.json")
	require.NoError(t, c.Attachments.Delete(t.Context(), attID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "attachments/" + attID}, http.StatusNotFound, "attachments/error_404.json")
	testutil.RequireAPIError(t, c.Attachments.Delete(t.Context(), attID), http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

// TestNeeds327: the whole API is refused below 3.27, before sending.
func TestNeeds327(t *testing.T) {
	t.Parallel()
	for name, call := range map[string]func(*cinder.Client) error{
		"Create": func(c *cinder.Client) error {
			_, err := c.Attachments.Create(t.Context(), attachments.CreateRequest{VolumeID: volID})
			return err
		},
		"Get": func(c *cinder.Client) error { _, err := c.Attachments.Get(t.Context(), attID); return err },
		"Update": func(c *cinder.Client) error {
			_, err := c.Attachments.Update(t.Context(), attID, connector)
			return err
		},
		"Delete": func(c *cinder.Client) error { return c.Attachments.Delete(t.Context(), attID) },
		"List": func(c *cinder.Client) error {
			_, err := cinder.Collect(c.Attachments.List(t.Context(), nil))
			return err
		},
		"ListRefs": func(c *cinder.Client) error {
			_, err := cinder.Collect(c.Attachments.ListRefs(t.Context(), nil))
			return err
		},
		"ListPage": func(c *cinder.Client) error { _, _, err := c.Attachments.ListPage(t.Context(), nil); return err },
	} {
		for _, v := range []string{"3.0", "3.26"} {
			c, mock := testutil.NewClient(t, v)
			err := call(c)
			testutil.RequireVersionError(t, err, "3.27")
			assert.Contains(t, err.Error(), "attachments."+name, v)
			assert.Equal(t, 0, mock.GetTotalCallCount(), "%s at %s", name, v)
		}
	}
}
