package pager_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

const endpoint = "http://cinder.test/v3/p1/"

type item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func newClient(t *testing.T) (*rest.Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(http.StatusTeapot, ""), nil
	})
	return &rest.Client{HTTP: &http.Client{Transport: mock}, Endpoint: endpoint, Version: mv.V(3, 70)}, mock
}

// page renders a volumes page with ids from..to-1 and, when next is not
// empty, a next link to it.
func page(from, to int, next string) string {
	var items []string
	for i := from; i < to; i++ {
		items = append(items, fmt.Sprintf(`{"id": "v%d", "name": "n%d", "links": [{"rel": "self", "href": "x"}]}`, i, i))
	}
	links := ""
	if next != "" {
		links = fmt.Sprintf(`, "volumes_links": [{"rel": "next", "href": %q}]`, next)
	}
	return `{"volumes": [` + strings.Join(items, ", ") + `]` + links + `}`
}

// serve registers three pages of two volumes at GET volumes/detail, keyed by marker.
func serve(mock *httpmock.MockTransport, seenQueries *[]url.Values) {
	pages := map[string]string{
		"":   page(0, 2, endpoint+"volumes/detail?limit=2&marker=v1"),
		"v1": page(2, 4, endpoint+"volumes/detail?limit=2&marker=v3"),
		"v3": page(4, 6, ""),
	}
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/detail", func(r *http.Request) (*http.Response, error) {
		if seenQueries != nil {
			*seenQueries = append(*seenQueries, r.URL.Query())
		}
		body, ok := pages[r.URL.Query().Get("marker")]
		if !ok {
			return httpmock.NewStringResponse(404, `{"itemNotFound": {"message": "no marker"}}`), nil
		}
		return httpmock.NewStringResponse(200, body), nil
	})
}

func ids(t *testing.T, seq func(func(item, error) bool)) []string {
	t.Helper()
	var out []string
	for v, err := range seq {
		require.NoError(t, err)
		out = append(out, v.ID)
	}
	return out
}

func TestSeqFollowsNextLinks(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	var queries []url.Values
	serve(mock, &queries)
	q := url.Values{"limit": {"2"}, "status": {"available"}}
	call := rest.Call{Path: "volumes/detail", Query: q}
	got := ids(t, pager.Seq[item](t.Context(), rc, call, "volumes"))
	assert.Equal(t, []string{"v0", "v1", "v2", "v3", "v4", "v5"}, got)
	assert.Equal(t, 3, mock.GetTotalCallCount(), "stops on the page without next")
	require.Len(t, queries, 3)
	assert.Equal(t, url.Values{"limit": {"2"}, "status": {"available"}}, queries[0])
	assert.Equal(t, url.Values{"limit": {"2"}, "marker": {"v1"}}, queries[1], "the next href's query is used as it is")
	assert.Equal(t, url.Values{"limit": {"2"}, "status": {"available"}}, q, "the caller's query is not mutated")
	assert.Equal(t, url.Values{"limit": {"2"}, "status": {"available"}}, call.Query)
}

func TestSeqEmptyCollection(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", httpmock.NewStringResponder(200, `{"volumes": []}`))
	assert.Empty(t, ids(t, pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes"}, "volumes")))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSeqBreakFetchesNothingMore(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	serve(mock, nil)
	n := 0
	for v, err := range pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes/detail"}, "volumes") {
		require.NoError(t, err)
		n++
		if v.ID == "v2" {
			break
		}
	}
	assert.Equal(t, 3, n)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestSeqYieldsErrorOnceThenEnds(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/detail", func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			return httpmock.NewStringResponse(200, page(0, 2, endpoint+"volumes/detail?marker=v1")), nil
		}
		resp := httpmock.NewStringResponse(500, `{"computeFault": {"message": "boom"}}`)
		resp.Header.Set("X-Openstack-Request-Id", "req-500")
		return resp, nil
	})
	var got []string
	var errs []error
	for v, err := range pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes/detail"}, "volumes") {
		if err != nil {
			assert.Equal(t, item{}, v, "the error comes with the zero value")
			errs = append(errs, err)
			continue
		}
		got = append(got, v.ID)
	}
	assert.Equal(t, []string{"v0", "v1"}, got)
	require.Len(t, errs, 1)
	var apiErr *rest.APIError
	require.ErrorAs(t, errs[0], &apiErr)
	assert.Equal(t, "req-500", apiErr.RequestID)
	assert.ErrorIs(t, errs[0], rest.ErrServer)
}

func TestSeqContextCancellation(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	serve(mock, nil)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var got []string
	var last error
	for v, err := range pager.Seq[item](ctx, rc, rest.Call{Path: "volumes/detail"}, "volumes") {
		if err != nil {
			last = err
			continue
		}
		got = append(got, v.ID)
		if v.ID == "v0" {
			cancel()
		}
	}
	assert.Equal(t, context.Canceled, last)
	assert.Equal(t, []string{"v0"}, got, "nothing more is yielded once ctx is done")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSeqRepeatedNextEndsWithError(t *testing.T) {
	t.Parallel()
	tests := map[string][]string{
		"same page": {endpoint + "volumes/detail?marker=v1", endpoint + "volumes/detail?marker=v1"},
		"cycle":     {endpoint + "volumes/detail?marker=v1", endpoint + "volumes/detail?marker=v3", endpoint + "volumes/detail?marker=v1"},
		// the same request behind another host name: followed on our endpoint, so it repeats
		"other host": {endpoint + "volumes/detail?marker=v1", "http://internal:8776/v3/p1/volumes/detail?marker=v1"},
		// the next link points back at the first request
		"first page": {endpoint + "volumes/detail?limit=2"},
	}
	for name, nexts := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rc, mock := newClient(t)
			n := 0
			mock.RegisterResponder(http.MethodGet, endpoint+"volumes/detail", func(r *http.Request) (*http.Response, error) {
				next := nexts[min(n, len(nexts)-1)]
				n++
				return httpmock.NewStringResponse(200, page(n, n+1, next)), nil
			})
			var errs []error
			items := 0
			for _, err := range pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes/detail", Query: url.Values{"limit": {"2"}}}, "volumes") {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				items++
				require.Less(t, items, 10, "spinning")
			}
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0].Error(), "cinder: volumes pagination repeats")
			assert.LessOrEqual(t, mock.GetTotalCallCount(), len(nexts))
		})
	}
}

func TestSeqFollowsOtherHostOnOwnEndpoint(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	var queries []url.Values
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/detail", func(r *http.Request) (*http.Response, error) {
		queries = append(queries, r.URL.Query())
		if r.URL.Query().Get("marker") == "" {
			return httpmock.NewStringResponse(200, page(0, 1, "http://cinder-internal.example:8776/v3/p1/volumes/detail?limit=1&marker=v0")), nil
		}
		return httpmock.NewStringResponse(200, page(1, 2, "")), nil
	})
	got := ids(t, pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes/detail"}, "volumes"))
	assert.Equal(t, []string{"v0", "v1"}, got)
	require.Len(t, queries, 2)
	assert.Equal(t, url.Values{"limit": {"1"}, "marker": {"v0"}}, queries[1])
	assert.Equal(t, 2, mock.GetCallCountInfo()["GET "+endpoint+"volumes/detail"])
}

func TestSeqMalformedJSON(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"truncated":     `{"volumes": [{"id": "v0"}, {"id": "v1"`,
		"garbage":       `{"volumes": [{"id": "v0"}, nonsense]}`,
		"not an object": `[{"id": "v0"}]`,
		"not an array":  `{"volumes": {"id": "v0"}}`,
		"wrong type":    `{"volumes": [{"id": "v0"}, {"id": 7}]}`,
		"bad links":     `{"volumes": [{"id": "v0"}], "volumes_links": {"rel": "next"}}`,
		"bad count":     `{"volumes": [{"id": "v0"}], "count": "x"}`,
		"empty":         ``,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rc, mock := newClient(t)
			mock.RegisterResponder(http.MethodGet, endpoint+"volumes", httpmock.NewStringResponder(200, body))
			var errs []error
			for _, err := range pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes"}, "volumes") {
				if err != nil {
					errs = append(errs, err)
				}
			}
			require.Len(t, errs, 1)
			assert.True(t, strings.HasPrefix(errs[0].Error(), "cinder: decoding volumes page: "), errs[0].Error())
		})
	}
}

func TestSeqSkipsUnknownKeys(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	body := `{"extra": {"a": [1, 2]}, "volumes": [{"id": "v0"}], "volumes_links": [{"rel": "prev", "href": "x"}], "more": null}`
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", httpmock.NewStringResponder(200, body))
	assert.Equal(t, []string{"v0"}, ids(t, pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes"}, "volumes")))
}

func TestFirst(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	serve(mock, nil)
	p, err := pager.First[item](t.Context(), rc, rest.Call{Path: "volumes/detail"}, "volumes")
	require.NoError(t, err)
	assert.Equal(t, []item{{ID: "v0", Name: "n0"}, {ID: "v1", Name: "n1"}}, p.Items)
	assert.Equal(t, "v1", p.Next)
	assert.Equal(t, -1, p.Count, "no count without with_count")

	p, err = pager.First[item](t.Context(), rc, rest.Call{Path: "volumes/detail", Query: url.Values{"marker": {"v3"}}}, "volumes")
	require.NoError(t, err)
	assert.Len(t, p.Items, 2)
	assert.Empty(t, p.Next, "last page")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestFirstWithCount(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "true", r.URL.Query().Get("with_count"))
		return httpmock.NewStringResponse(200,
			`{"volumes": [{"id": "v0", "name": "a"}], "volumes_links": [{"rel": "next", "href": "`+endpoint+`volumes?limit=1&marker=v0&with_count=true"}], "count": 42}`), nil
	})
	p, err := pager.First[item](t.Context(), rc, rest.Call{Path: "volumes", Query: url.Values{"with_count": {"true"}, "limit": {"1"}}}, "volumes")
	require.NoError(t, err)
	assert.Equal(t, 42, p.Count)
	assert.Equal(t, "v0", p.Next)
	assert.Equal(t, []item{{ID: "v0", Name: "a"}}, p.Items)
}

func TestFirstError(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", httpmock.NewStringResponder(403, `{"forbidden": {"message": "no"}}`))
	_, err := pager.First[item](t.Context(), rc, rest.Call{Path: "volumes"}, "volumes")
	require.ErrorIs(t, err, rest.ErrForbidden)
}

func TestSeqRecordsEachPageResponse(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/detail", func(r *http.Request) (*http.Response, error) {
		body, id := page(0, 2, endpoint+"volumes/detail?marker=v1"), "req-page-1"
		if r.URL.Query().Get("marker") == "v1" {
			body, id = page(2, 3, ""), "req-page-2"
		}
		resp := httpmock.NewStringResponse(200, body)
		resp.Header.Set("X-Openstack-Request-Id", id)
		return resp, nil
	})
	var got rest.Response
	var seen []string
	for _, err := range pager.Seq[item](rest.WithResponse(t.Context(), &got), rc, rest.Call{Path: "volumes/detail"}, "volumes") {
		require.NoError(t, err)
		seen = append(seen, got.RequestID)
	}
	assert.Equal(t, []string{"req-page-1", "req-page-1", "req-page-2"}, seen, "each item sees its page's request id")
	assert.Equal(t, http.StatusOK, got.StatusCode)

	items, _, err := pager.ListPage[item](rest.WithResponse(t.Context(), &got), rc, rest.Call{Path: "volumes/detail"}, "volumes", nil)
	require.NoError(t, err)
	assert.Len(t, items, 2)
	assert.Equal(t, "req-page-1", got.RequestID)
}

// TestSeqReusedArrayLeavesAbsentKeysZero: the pager decodes each page into
// the last page's array; a key an item lacks must not keep the value of
// the item decoded there before, and the items yielded earlier keep theirs.
func TestSeqReusedArrayLeavesAbsentKeysZero(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/detail", func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			return httpmock.NewStringResponse(200, `{"volumes": [{"id": "a", "name": "first"}, {"id": "b", "name": "second"}],
				"volumes_links": [{"rel": "next", "href": "`+endpoint+`volumes/detail?marker=b"}]}`), nil
		}
		return httpmock.NewStringResponse(200, `{"volumes": [{"id": "c"}]}`), nil
	})
	var got []item
	for v, err := range pager.Seq[item](t.Context(), rc, rest.Call{Path: "volumes/detail"}, "volumes") {
		require.NoError(t, err)
		got = append(got, v)
	}
	assert.Equal(t, []item{{ID: "a", Name: "first"}, {ID: "b", Name: "second"}, {ID: "c"}}, got)
}
