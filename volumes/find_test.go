package volumes_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA, Version: "3.70"}, http.StatusOK, "volumes/get.json")
	v, err := c.Volumes.Find(t.Context(), idA, nil)
	require.NoError(t, err)
	assert.Equal(t, volumeA(), *v)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// listByName answers the name-filtered list (with all_tenants=1 when query
// says so) with body; a name is never fetched by ID first, so
// GET /volumes/{name} is unexpected.
func listByName(t *testing.T, name, query string, body []byte) (*cinder.Client, func() int) {
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~/volumes/detail", func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "volumes/detail", Query: query, Version: "3.70"}, r)
		return testutil.Respond(200, body), nil
	})
	return c, mock.GetTotalCallCount
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	page := map[string]json.RawMessage{}
	testutil.DecodeFixture(t, "volumes/list_page1.json", &page)
	body, err := json.Marshal(map[string]json.RawMessage{"volumes": page["volumes"]})
	require.NoError(t, err)
	c, calls := listByName(t, "gocinder-rec-a", "name=gocinder-rec-a", body)
	v, err := c.Volumes.Find(t.Context(), "gocinder-rec-a", nil)
	require.NoError(t, err)
	assert.Equal(t, volumeA(), *v)
	assert.Equal(t, 1, calls(), "one list, no GET by name")

	c, calls = listByName(t, "gocinder-rec-a", "all_tenants=1&name=gocinder-rec-a", body)
	v, err = c.Volumes.Find(t.Context(), "gocinder-rec-a", &find.Options{AllTenants: true})
	require.NoError(t, err)
	assert.Equal(t, volumeA(), *v)
	assert.Equal(t, 1, calls())
}

func TestFindIDShapedNameAfter404(t *testing.T) {
	t.Parallel()
	page := map[string][]map[string]any{}
	testutil.DecodeFixture(t, "volumes/list_page1.json", &page)
	page["volumes"][0]["name"] = idB
	body, err := json.Marshal(map[string]any{"volumes": page["volumes"][:1]})
	require.NoError(t, err)
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idB), testutil.JSONResponder(t, 404, "volumes/error_404.json"))
	mock.RegisterResponder(http.MethodGet, "=~/volumes/detail", func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "volumes/detail", Query: "name=" + idB, Version: "3.70"}, r)
		return testutil.Respond(200, body), nil
	})
	v, err := c.Volumes.Find(t.Context(), idB, nil)
	require.NoError(t, err, "a UUID that 404s is looked up as a name, as cinderclient does")
	assert.Equal(t, idA, v.ID)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestFindNone(t *testing.T) {
	t.Parallel()
	c, _ := listByName(t, "nope", "name=nope", testutil.Fixture(t, "volumes/list_page3.json"))
	_, err := c.Volumes.Find(t.Context(), "nope", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.EqualError(t, err, `cinder: no volume with name or ID "nope": cinder: not found`)
}

func TestFindAmbiguous(t *testing.T) {
	t.Parallel()
	var p1, p2 struct{ Volumes []map[string]any }
	testutil.DecodeFixture(t, "volumes/list_page1.json", &p1)
	testutil.DecodeFixture(t, "volumes/list_page2.json", &p2)
	p2.Volumes[0]["name"] = "gocinder-rec-a"
	body, err := json.Marshal(map[string]any{"volumes": append(p1.Volumes, p2.Volumes...)})
	require.NoError(t, err)
	c, _ := listByName(t, "gocinder-rec-a", "name=gocinder-rec-a", body)
	_, err = c.Volumes.Find(t.Context(), "gocinder-rec-a", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, &cinder.AmbiguousError{Kind: "volume", Name: "gocinder-rec-a", IDs: []string{idA, idB}}, amb)
	assert.EqualError(t, err, `cinder: 2 volumes are named "gocinder-rec-a" (`+idA+`, `+idB+`); use an ID`)
	var rootAmb *cinder.AmbiguousError
	assert.ErrorAs(t, err, &rootAmb, "one error type for every package")
}

func TestFindErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idB), testutil.JSONResponder(t, 403, "volumes/error_403.json"))
	_, err := c.Volumes.Find(t.Context(), idB, nil)
	assertAPIError(t, err, cinder.ErrForbidden, 403, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")
	_, err = c.Volumes.Find(t.Context(), "", nil)
	require.Error(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}
