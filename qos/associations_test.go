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

func TestAssociations(t *testing.T) {
	t.Parallel()
	for fixture, want := range map[string][]qos.Association{
		"qos/associations.json":       {{Type: qos.AssociationVolumeType, Name: "gocinder-rec-qos-type", ID: typeID}},
		"qos/associations_empty.json": {},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/" + specA + "/associations", Version: "3.70"},
			http.StatusOK, fixture)
		got, err := c.QoS.Associations(t.Context(), specA)
		require.NoError(t, err, fixture)
		assert.Equal(t, want, got, fixture)
	}
}

func TestAssociationsError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/" + deadID + "/associations"},
		http.StatusNotFound, "qos/error_associations_404.json")
	_, err := c.QoS.Associations(t.Context(), deadID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "No such QoS spec")
}

// TestAssociate covers the three GETs that change associations: Cinder
// answers 202 with no body.
func TestAssociate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		verb, query string
		call        func(c *cinder.Client) error
	}{
		{"associate", "vol_type_id=" + typeID, func(c *cinder.Client) error { return c.QoS.Associate(t.Context(), specA, typeID) }},
		{"disassociate", "vol_type_id=" + typeID, func(c *cinder.Client) error { return c.QoS.Disassociate(t.Context(), specA, typeID) }},
		{"disassociate_all", "", func(c *cinder.Client) error { return c.QoS.DisassociateAll(t.Context(), specA) }},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/" + specA + "/" + tc.verb, Query: tc.query, Version: "3.70"},
			http.StatusAccepted, "")
		require.NoError(t, tc.call(c), tc.verb)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.verb)
	}
	c, mock := testutil.NewClient(t, "3.70")
	require.ErrorContains(t, c.QoS.Associate(t.Context(), specA, ""), "needs a volume type ID")
	require.ErrorContains(t, c.QoS.Disassociate(t.Context(), specA, ""), "needs a volume type ID")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestAssociateErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		status   int
		fixture  string
		sentinel error
		msg      string
		call     func(c *cinder.Client) error
	}{
		{"taken", http.StatusBadRequest, "qos/error_associate_other.json", cinder.ErrBadRequest, "already associated with another qos specs",
			func(c *cinder.Client) error { return c.QoS.Associate(t.Context(), specB, typeID) }},
		{"unknown type", http.StatusNotFound, "qos/error_associate_404.json", cinder.ErrNotFound, "Volume type",
			func(c *cinder.Client) error { return c.QoS.Associate(t.Context(), specB, typeID) }},
		{"disassociate unknown type", http.StatusNotFound, "qos/error_disassociate_404.json", cinder.ErrNotFound, "could not be found",
			func(c *cinder.Client) error { return c.QoS.Disassociate(t.Context(), specB, typeID) }},
		{"disassociate_all unknown spec", http.StatusNotFound, "qos/error_disassociate_all_404.json", cinder.ErrNotFound, "No such QoS spec",
			func(c *cinder.Client) error { return c.QoS.DisassociateAll(t.Context(), specB) }},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("qos-specs/"+specB+"/"), testutil.JSONResponder(t, tc.status, tc.fixture))
		testutil.RequireAPIError(t, tc.call(c), tc.status, tc.sentinel, tc.msg)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.name)
	}
}
