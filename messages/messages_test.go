package messages_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.3")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages/" + msgOlder, Version: "3.3"},
		http.StatusOK, "messages/get.json")
	m, err := c.Messages.Get(t.Context(), msgOlder)
	require.NoError(t, err)
	assert.Equal(t, msg(msgOlder, volOlder, testutil.ProjectID), *m)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages/" + msgOlder}, http.StatusNotFound, "messages/error_404.json")
	_, err := c.Messages.Get(t.Context(), msgOlder)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Message "+msgOlder+" could not be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "messages/" + msgOlder, Version: "3.70"},
		http.StatusNoContent, "messages/delete.json")
	require.NoError(t, c.Messages.Delete(t.Context(), msgOlder))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "messages/" + msgOlder}, http.StatusNotFound, "messages/error_404.json")
	err := c.Messages.Delete(t.Context(), msgOlder)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

// TestNeeds33: every messages call is refused below 3.3, before sending.
func TestNeeds33(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.2")
	ctx := t.Context()
	_, err := c.Messages.Get(ctx, msgOlder)
	testutil.RequireVersionError(t, err, "3.3")
	testutil.RequireVersionError(t, c.Messages.Delete(ctx, msgOlder), "3.3")
	_, _, err = c.Messages.ListPage(ctx, nil)
	testutil.RequireVersionError(t, err, "3.3")
	_, err = cinder.Collect(c.Messages.List(ctx, nil))
	testutil.RequireVersionError(t, err, "3.3")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
