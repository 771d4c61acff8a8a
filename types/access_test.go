package types_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

func TestListAccess(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + privID + "/os-volume-type-access", Version: "3.70"},
		http.StatusOK, "types/access_list.json")
	got, err := c.Types.ListAccess(t.Context(), privID)
	require.NoError(t, err)
	assert.Equal(t, []types.Access{{VolumeTypeID: privID, ProjectID: demoProj}}, got)
}

func TestListAccessPublic(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID + "/os-volume-type-access"},
		http.StatusNotFound, "types/error_access_list_public.json")
	_, err := c.Types.ListAccess(t.Context(), pubID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "not available for public volume types")
}

func TestAddRemoveAccess(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		action string
		call   func(c *cinder.Client) error
	}{
		{"addProjectAccess", func(c *cinder.Client) error { return c.Types.AddAccess(t.Context(), privID, demoProj) }},
		{"removeProjectAccess", func(c *cinder.Client) error { return c.Types.RemoveAccess(t.Context(), privID, demoProj) }},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types/" + privID + "/action", Version: "3.70",
			Body: `{"` + tc.action + `":{"project":"` + demoProj + `"}}`}, http.StatusAccepted, "")
		require.NoError(t, tc.call(c), tc.action)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.action)
	}
}

func TestAccessErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		id       string
		remove   bool
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{"twice", privID, false, http.StatusConflict, "types/error_access_409.json", cinder.ErrConflict, "already exists"},
		{"public", pubID, false, http.StatusBadRequest, "types/error_access_public.json", cinder.ErrBadRequest, "not applicable to public volume type"},
		{"not listed", privID, true, http.StatusNotFound, "types/error_remove_access.json", cinder.ErrNotFound, "Volume type access not found"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types/" + tc.id + "/action",
			Body: map[bool]string{false: `{"addProjectAccess":{"project":"` + demoProj + `"}}`, true: `{"removeProjectAccess":{"project":"` + demoProj + `"}}`}[tc.remove]},
			tc.status, tc.fixture)
		var err error
		if tc.remove {
			err = c.Types.RemoveAccess(t.Context(), tc.id, demoProj)
		} else {
			err = c.Types.AddAccess(t.Context(), tc.id, demoProj)
		}
		testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
	}
}
