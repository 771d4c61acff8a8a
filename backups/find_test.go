package backups_test

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
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/" + bak1}, http.StatusOK, "backups/get.json")
	b, err := c.Backups.Find(t.Context(), bak1, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureBackup(), *b)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	// the recorded page, without its next link: both backups are answered
	// and Find keeps the one whose name matches exactly
	var page map[string]json.RawMessage
	testutil.DecodeFixture(t, "backups/list.json", &page)
	delete(page, "backups_links")
	body, err := json.Marshal(page)
	require.NoError(t, err)
	mock.RegisterResponder(http.MethodGet, testutil.URL("backups/detail"), func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "name=sb-bak2", r.URL.RawQuery)
		return testutil.Respond(http.StatusOK, body), nil
	})
	b, err := c.Backups.Find(t.Context(), "sb-bak2", nil)
	require.NoError(t, err)
	assert.Equal(t, listedBackups()[1], *b)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindMissingAndAmbiguous(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("backups/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("name") == "none" {
			return testutil.Respond(http.StatusOK, []byte(`{"backups": []}`)), nil
		}
		return testutil.Respond(http.StatusOK, []byte(`{"backups": [{"id": "a", "name": "dup"}, {"id": "b", "name": "dup"}]}`)), nil
	})
	_, err := c.Backups.Find(t.Context(), "none", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	_, err = c.Backups.Find(t.Context(), "dup", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)
	_, err = c.Backups.Find(t.Context(), "", nil)
	require.Error(t, err)
}
