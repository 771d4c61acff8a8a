package manageable_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/manageable"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

const endpoint = "http://cinder.test/v3/p1/"

type item struct {
	Size int `json:"size"`
}

var keys = []string{"reference", "size"}

func newClient(t *testing.T, v string) (*rest.Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(http.StatusTeapot, ""), nil
	})
	return &rest.Client{HTTP: &http.Client{Transport: mock}, Endpoint: endpoint, Version: mv.MustParse(v)}, mock
}

func collect(t *testing.T, rc *rest.Client, opts *manageable.Options) ([]item, error) {
	t.Helper()
	var out []item
	for v, err := range manageable.List[item](t.Context(), rc, "snapshots", opts, keys) {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func TestList(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, endpoint+"manageable_snapshots/detail", func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "cluster=c1&limit=10&marker=m&offset=2&sort=size%3Adesc", r.URL.RawQuery)
		return httpmock.NewStringResponse(200, `{"manageable-snapshots": [{"size": 1}, {"size": 2}]}`), nil
	})
	got, err := collect(t, rc, &manageable.Options{Cluster: "c1", Limit: 10, Marker: "m", Offset: 2, Sort: "size:desc"})
	require.NoError(t, err)
	assert.Equal(t, []item{{1}, {2}}, got)

	mock.RegisterResponder(http.MethodGet, endpoint+"manageable_snapshots/detail", func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "host=h%40b%23p", r.URL.RawQuery)
		return httpmock.NewStringResponse(200, `{"manageable-snapshots": []}`), nil
	})
	got, err = collect(t, rc, &manageable.Options{Host: "h@b#p"})
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestListVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    *manageable.Options
		op      string
		need    mv.Version
	}{
		{"3.7", &manageable.Options{Host: "h"}, "snapshots.ListManageable", mv.V(3, 8)},
		{"3.7", nil, "snapshots.ListManageable", mv.V(3, 8)},
		{"3.16", &manageable.Options{Cluster: "c"}, "snapshots.ListManageable option Cluster", mv.V(3, 17)},
	} {
		rc, mock := newClient(t, tc.version)
		_, err := collect(t, rc, tc.opts)
		var verr *rest.VersionError
		require.ErrorAs(t, err, &verr, tc.version)
		assert.Equal(t, tc.op, verr.Op)
		assert.Equal(t, tc.need, verr.Need)
		assert.Zero(t, mock.GetTotalCallCount())
	}
}

func TestListRefused(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, "3.70")
	for _, tc := range []struct {
		opts *manageable.Options
		want string
	}{
		{nil, "cinder: listing manageable snapshots needs exactly one of a host and a cluster"},
		{&manageable.Options{}, "cinder: listing manageable snapshots needs exactly one of a host and a cluster"},
		{&manageable.Options{Host: "h", Cluster: "c"}, "cinder: listing manageable snapshots needs exactly one of a host and a cluster"},
		{&manageable.Options{Host: "h", Offset: -1}, "cinder: limit 0 and offset -1 must not be negative"},
		{&manageable.Options{Host: "h", Limit: -1}, "cinder: limit -1 and offset 0 must not be negative"},
		{&manageable.Options{Host: "h", Sort: "name"}, `cinder: sort key "name": want one of reference, size`},
	} {
		_, err := collect(t, rc, tc.opts)
		require.EqualError(t, err, tc.want)
	}
	assert.Zero(t, mock.GetTotalCallCount())
}
