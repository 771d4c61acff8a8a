package backups_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestResetStatus(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/" + bakImp + "/action", Version: "3.70",
		Body: `{"os-reset_status":{"status":"error"}}`}, http.StatusAccepted, "")
	require.NoError(t, c.Backups.ResetStatus(t.Context(), bakImp, backups.StatusError))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestResetStatusErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	require.Error(t, c.Backups.ResetStatus(t.Context(), bakImp, ""))
	assert.Equal(t, 0, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/" + bakImp + "/action",
		Body: `{"os-reset_status":{"status":"creating"}}`}, http.StatusBadRequest, "backups/error_reset_status.json")
	err := c.Backups.ResetStatus(t.Context(), bakImp, backups.StatusCreating)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "valid statuses are: ['available', 'error']")
}

func TestForceDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/" + bakImp + "/action", Version: "3.70",
		Body: `{"os-force_delete":null}`}, http.StatusAccepted, "")
	require.NoError(t, c.Backups.ForceDelete(t.Context(), bakImp))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestForceDeleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/nope/action", Body: `{"os-force_delete":null}`},
		http.StatusNotFound, "backups/error_404.json")
	err := c.Backups.ForceDelete(t.Context(), "nope")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
