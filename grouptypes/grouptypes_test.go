package grouptypes_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/internal/testutil"
)

// Fixture IDs (scrubbed; pinned by groups.TestRecord).
const (
	gtID    = "00000000-0000-4000-8000-000000000111"
	gtRepID = "00000000-0000-4000-8000-000000000112"
	deadID  = "00000000-0000-4000-8000-00000000dead"
)

// fixtureType is testdata/grouptypes/get.json decoded.
func fixtureType() grouptypes.GroupType {
	return grouptypes.GroupType{ID: gtID, Name: "grp-gt", Description: "recorded", IsPublic: true,
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}}
}

// repType is the private replication type as the fixtures show it.
func repType() grouptypes.GroupType {
	return grouptypes.GroupType{ID: gtRepID, Name: "grp-gt-rep",
		GroupSpecs: map[string]string{"group_replication_enabled": "<is> True"}}
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + gtID, Version: "3.70"},
		http.StatusOK, "grouptypes/get.json")
	got, err := c.GroupTypes.Get(t.Context(), gtID)
	require.NoError(t, err)
	assert.Equal(t, fixtureType(), *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + deadID}, http.StatusNotFound, "grouptypes/error_404.json")
	got, err := c.GroupTypes.Get(t.Context(), deadID)
	assert.Nil(t, got)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	_, err = c.GroupTypes.Get(t.Context(), "")
	require.ErrorContains(t, err, "needs its ID")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestDefault: the recorded cloud has no default group type (404); the
// answer of one that has is the same view as Get's.
func TestDefault(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/default", Version: "3.70"},
		http.StatusOK, "grouptypes/get.json")
	got, err := c.GroupTypes.Default(t.Context())
	require.NoError(t, err)
	assert.Equal(t, fixtureType(), *got)

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/default"}, http.StatusNotFound, "grouptypes/error_default_404.json")
	_, err = c.GroupTypes.Default(t.Context())
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Default group type can not be found")
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_types", Version: "3.70",
		Body: `{"group_type":{"name":"grp-gt","description":"recorded","group_specs":{"consistent_group_snapshot_enabled":"<is> True"}}}`},
		http.StatusOK, "grouptypes/create.json")
	got, err := c.GroupTypes.Create(t.Context(), grouptypes.CreateRequest{Name: "grp-gt", Description: "recorded",
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}})
	require.NoError(t, err)
	assert.Equal(t, fixtureType(), *got)
}

func TestCreatePrivate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_types",
		Body: `{"group_type":{"name":"grp-gt-rep","is_public":false,"group_specs":{"group_replication_enabled":"<is> True"}}}`},
		http.StatusOK, "grouptypes/create_private.json")
	got, err := c.GroupTypes.Create(t.Context(), grouptypes.CreateRequest{Name: "grp-gt-rep", IsPublic: new(false),
		GroupSpecs: map[string]string{"group_replication_enabled": "<is> True"}})
	require.NoError(t, err)
	assert.Equal(t, repType(), *got)
}

func TestCreateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.GroupTypes.Create(t.Context(), grouptypes.CreateRequest{})
	require.ErrorContains(t, err, "needs a name")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_types", Body: `{"group_type":{"name":"grp-gt"}}`},
		http.StatusConflict, "grouptypes/error_create_409.json")
	_, err = c.GroupTypes.Create(t.Context(), grouptypes.CreateRequest{Name: "grp-gt"})
	testutil.RequireAPIError(t, err, http.StatusConflict, cinder.ErrConflict, "Group Type grp-gt already exists")
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "group_types/" + gtID, Version: "3.70",
		Body: `{"group_type":{"description":"recorded, updated"}}`}, http.StatusOK, "grouptypes/update.json")
	got, err := c.GroupTypes.Update(t.Context(), gtID, grouptypes.UpdateRequest{Description: new("recorded, updated")})
	require.NoError(t, err)
	want := fixtureType()
	want.Description = "recorded, updated"
	assert.Equal(t, want, *got)
}

func TestUpdateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.GroupTypes.Update(t.Context(), gtID, grouptypes.UpdateRequest{})
	require.ErrorContains(t, err, "needs a name, description or is_public")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "group_types/" + gtRepID,
		Body: `{"group_type":{"name":"grp-gt","is_public":true}}`}, http.StatusConflict, "grouptypes/error_update.json")
	_, err = c.GroupTypes.Update(t.Context(), gtRepID, grouptypes.UpdateRequest{Name: new("grp-gt"), IsPublic: new(true)})
	testutil.RequireAPIError(t, err, http.StatusConflict, cinder.ErrConflict, "already exists")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "group_types/" + gtRepID, Version: "3.70"}, http.StatusAccepted, "")
	require.NoError(t, c.GroupTypes.Delete(t.Context(), gtRepID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteErrors(t *testing.T) {
	t.Parallel()
	for fixture, tc := range map[string]struct {
		id       string
		status   int
		sentinel error
		msg      string
	}{
		"grouptypes/error_delete_in_use.json": {gtID, http.StatusBadRequest, cinder.ErrBadRequest, "still in use"},
		"grouptypes/error_delete_404.json":    {gtRepID, http.StatusNotFound, cinder.ErrNotFound, "could not be found"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "group_types/" + tc.id}, tc.status, fixture)
		err := c.GroupTypes.Delete(t.Context(), tc.id)
		testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
	}
}

// TestVersionGate: every call needs 3.11; an older client sends nothing.
func TestVersionGate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.10")
	gt := c.GroupTypes
	ctx := t.Context()
	calls := map[string]func(context.Context) error{
		"Get":     func(ctx context.Context) error { _, err := gt.Get(ctx, gtID); return err },
		"Default": func(ctx context.Context) error { _, err := gt.Default(ctx); return err },
		"Create": func(ctx context.Context) error {
			_, err := gt.Create(ctx, grouptypes.CreateRequest{Name: "x"})
			return err
		},
		"Update": func(ctx context.Context) error {
			_, err := gt.Update(ctx, gtID, grouptypes.UpdateRequest{Name: new("x")})
			return err
		},
		"Delete":     func(ctx context.Context) error { return gt.Delete(ctx, gtID) },
		"GroupSpecs": func(ctx context.Context) error { _, err := gt.GroupSpecs(ctx, gtID); return err },
		"SetGroupSpecs": func(ctx context.Context) error {
			_, err := gt.SetGroupSpecs(ctx, gtID, map[string]string{"a": "b"})
			return err
		},
		"GroupSpec":       func(ctx context.Context) error { _, err := gt.GroupSpec(ctx, gtID, "a"); return err },
		"SetGroupSpec":    func(ctx context.Context) error { return gt.SetGroupSpec(ctx, gtID, "a", "b") },
		"DeleteGroupSpec": func(ctx context.Context) error { return gt.DeleteGroupSpec(ctx, gtID, "a") },
		"List":            func(ctx context.Context) error { _, err := cinder.Collect(gt.List(ctx, nil)); return err },
		"ListPage":        func(ctx context.Context) error { _, _, err := gt.ListPage(ctx, nil); return err },
		"Find":            func(ctx context.Context) error { _, err := gt.Find(ctx, "grp-gt", nil); return err },
	}
	for name, call := range calls {
		err := call(ctx)
		testutil.RequireVersionError(t, err, "3.11")
		assert.Contains(t, err.Error(), "grouptypes.", name)
	}
	assert.Zero(t, mock.GetTotalCallCount())
}
