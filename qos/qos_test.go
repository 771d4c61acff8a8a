package qos_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/qos"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/" + specA, Version: "3.70"}, http.StatusOK, "qos/get_after_keys.json")
	s, err := c.QoS.Get(t.Context(), specA)
	require.NoError(t, err)
	assert.Equal(t, qos.Spec{ID: specA, Name: "gocinder-rec-qos-a", Consumer: qos.ConsumerBoth,
		Specs: map[string]string{"read_iops_sec": "150"}, Links: links(specA)}, *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())

	_, err = c.QoS.Get(t.Context(), "")
	require.ErrorContains(t, err, "needs its ID")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{http.StatusNotFound, "qos/error_404.json", cinder.ErrNotFound, "No such QoS spec"},
		{http.StatusForbidden, "qos/error_403.json", cinder.ErrForbidden, "qos_specs_manage:get"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/x"}, tc.status, tc.fixture)
		_, err := c.QoS.Get(t.Context(), "x")
		testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
	}
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "qos-specs", Version: "3.70",
		Body: `{"qos_specs":{"name":"gocinder-rec-qos-a","consumer":"front-end","read_iops_sec":"100","write_iops_sec":"50"}}`},
		http.StatusOK, "qos/create.json")
	s, err := c.QoS.Create(t.Context(), qos.CreateRequest{Name: "gocinder-rec-qos-a", Consumer: qos.ConsumerFrontEnd,
		Specs: map[string]string{"read_iops_sec": "100", "write_iops_sec": "50"}})
	require.NoError(t, err)
	assert.Equal(t, withLinks(specAItem()), *s)
}

func TestCreateDefaultConsumer(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "qos-specs",
		Body: `{"qos_specs":{"name":"gocinder-rec-qos-b","total_bytes_sec":"1048576"}}`}, http.StatusOK, "qos/create_default_consumer.json")
	s, err := c.QoS.Create(t.Context(), qos.CreateRequest{Name: "gocinder-rec-qos-b", Specs: map[string]string{"total_bytes_sec": "1048576"}})
	require.NoError(t, err)
	assert.Equal(t, withLinks(specBItem()), *s)
}

func TestCreateInvalid(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	for req, msg := range map[*qos.CreateRequest]string{
		{Specs: map[string]string{"a": "b"}}:                      "needs a name",
		{Name: "n", Specs: map[string]string{"consumer": "both"}}: "use CreateRequest.Consumer",
		{Name: "n", Specs: map[string]string{"name": "other"}}:    "use CreateRequest.Name",
	} {
		_, err := c.QoS.Create(t.Context(), *req)
		require.ErrorContains(t, err, msg)
	}
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestCreateError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "qos-specs", Body: `{"qos_specs":{"name":"gocinder-rec-qos-a"}}`},
		http.StatusConflict, "qos/error_create_409.json")
	_, err := c.QoS.Create(t.Context(), qos.CreateRequest{Name: "gocinder-rec-qos-a"})
	testutil.RequireAPIError(t, err, http.StatusConflict, cinder.ErrConflict, "already exists")
}

func TestSetKeys(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "qos-specs/" + specA, Version: "3.70",
		Body: `{"qos_specs":{"read_iops_sec":"150","consumer":"both"}}`}, http.StatusOK, "qos/set_keys.json")
	require.NoError(t, c.QoS.SetKeys(t.Context(), specA, map[string]string{"read_iops_sec": "150", "consumer": "both"}))
	require.ErrorContains(t, c.QoS.SetKeys(t.Context(), specA, nil), "at least one key")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSetKeysError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "qos-specs/" + deadID, Body: `{"qos_specs":{"x":"1"}}`},
		http.StatusNotFound, "qos/error_set_keys.json")
	err := c.QoS.SetKeys(t.Context(), deadID, map[string]string{"x": "1"})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "No such QoS spec")
}

func TestUnsetKeys(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "qos-specs/" + specA + "/delete_keys", Version: "3.70",
		Body: `{"keys":["write_iops_sec","total_iops_sec"]}`}, http.StatusAccepted, "")
	require.NoError(t, c.QoS.UnsetKeys(t.Context(), specA, "write_iops_sec", "total_iops_sec"))
	require.ErrorContains(t, c.QoS.UnsetKeys(t.Context(), specA), "at least one key")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUnsetKeysError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "qos-specs/" + specA + "/delete_keys", Body: `{"keys":["write_iops_sec"]}`},
		http.StatusNotFound, "qos/error_unset_keys.json")
	err := c.QoS.UnsetKeys(t.Context(), specA, "write_iops_sec")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no spec with key write_iops_sec")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	for force, query := range map[bool]string{false: "", true: "force=True"} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "qos-specs/" + specA, Query: query, Version: "3.70"},
			http.StatusAccepted, "")
		require.NoError(t, c.QoS.Delete(t.Context(), specA, &qos.DeleteOptions{Force: force}))
		assert.Equal(t, 1, mock.GetTotalCallCount())
	}
}

func TestDeleteErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{http.StatusBadRequest, "qos/error_delete_in_use.json", cinder.ErrBadRequest, "still in use"},
		{http.StatusNotFound, "qos/error_delete_404.json", cinder.ErrNotFound, "No such QoS spec"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "qos-specs/" + specA}, tc.status, tc.fixture)
		testutil.RequireAPIError(t, c.QoS.Delete(t.Context(), specA, nil), tc.status, tc.sentinel, tc.msg)
	}
}
