package snapshots_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID}, http.StatusOK, "snapshots/get.json")
	s, err := c.Snapshots.Find(t.Context(), snapID, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureSnapshot(), *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("snapshots/detail"), func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "name=sb-snap2", r.URL.RawQuery)
		return testutil.Respond(http.StatusOK, []byte(`{"snapshots": [`+string(getBody(t))+`]}`)), nil
	})
	s, err := c.Snapshots.Find(t.Context(), "sb-snap2", nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureSnapshot(), *s)
}

func TestFindAmbiguousAndMissing(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("snapshots/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("name") == "nothing" {
			return testutil.Respond(http.StatusOK, []byte(`{"snapshots": []}`)), nil
		}
		return testutil.Respond(http.StatusOK, testutil.Fixture(t, "snapshots/list_refs.json")), nil
	})
	_, err := c.Snapshots.Find(t.Context(), "sb-force", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{listSnap3, listSnap2, listSnap1}, amb.IDs)

	_, err = c.Snapshots.Find(t.Context(), "nothing", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.Contains(t, err.Error(), `no snapshot with name or ID "nothing"`)
}

func TestFindOtherError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/00000000-0000-4000-8000-0000000000aa"}, http.StatusInternalServerError, "snapshots/error_manageable_500.json")
	_, err := c.Snapshots.Find(t.Context(), "00000000-0000-4000-8000-0000000000aa", nil)
	testutil.RequireAPIError(t, err, http.StatusInternalServerError, cinder.ErrServer, "")
	assert.Equal(t, 1, mock.GetTotalCallCount(), "no list after a non-404 error")
	_, err = c.Snapshots.Find(t.Context(), "", nil)
	require.Error(t, err)
}

// getBody is the snapshot object of get.json.
func getBody(t *testing.T) []byte {
	var env struct {
		Snapshot map[string]any `json:"snapshot"`
	}
	testutil.DecodeFixture(t, "snapshots/get.json", &env)
	b, err := json.Marshal(env.Snapshot)
	require.NoError(t, err)
	return b
}
