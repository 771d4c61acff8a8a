package transport_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/transport"
)

// script returns a recorder that answers with codes in turn (200 after the last)
// and records when each attempt arrived.
func script(times *[]time.Time, codes ...int) *recorder {
	return &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
		*times = append(*times, time.Now())
		if n <= len(codes) {
			return respond(codes[n-1], nil, `{"overLimit": {"message": "slow down"}}`), nil
		}
		return respond(http.StatusOK, nil, `{}`), nil
	}}
}

func newRequest(t *testing.T, ctx context.Context, method string, body []byte) *http.Request {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://cinder.test/v3/p/volumes", rd)
	require.NoError(t, err)
	return req
}

func gaps(times []time.Time) []time.Duration {
	var out []time.Duration
	for i := 1; i < len(times); i++ {
		out = append(out, times[i].Sub(times[i-1]))
	}
	return out
}

func TestRetryThreeAttemptsByDefault(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := script(&times, 503, 503, 503, 503)
		r := &transport.Retry{Next: rec}
		resp, err := r.RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		defer resp.Body.Close()
		assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "the last answer is returned")
		assert.Equal(t, 3, rec.count())
	})
}

func TestRetryMaxAttemptsOneDisables(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := script(&times, 503, 503)
		r := &transport.Retry{Next: rec, MaxAttempts: 1}
		resp, err := r.RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		defer resp.Body.Close()
		assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
		assert.Equal(t, 1, rec.count())
	})
}

func TestRetryStatusesAndMethods(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method     string
		code       int
		retryAfter string
		safe       bool
		calls      int
	}{
		{http.MethodGet, 429, "", false, 2},
		{http.MethodGet, 502, "", false, 2},
		{http.MethodGet, 503, "", false, 2},
		{http.MethodGet, 504, "", false, 2},
		{http.MethodHead, 503, "", false, 2},
		{http.MethodPut, 502, "", false, 2},
		{http.MethodDelete, 504, "", false, 2},
		{http.MethodDelete, 429, "", false, 2},
		{http.MethodGet, 413, "", false, 1},
		{http.MethodGet, 413, "2", false, 2},
		{http.MethodGet, 500, "", false, 1},
		{http.MethodGet, 404, "", false, 1},
		{http.MethodGet, 401, "", false, 1},
		// a POST is replayed only when the answer proves the server did not act
		{http.MethodPost, 503, "", false, 2},
		{http.MethodPost, 429, "1", false, 2},
		{http.MethodPost, 429, "", false, 2},
		{http.MethodPost, 413, "1", false, 2},
		{http.MethodPost, 413, "", false, 1},
		{http.MethodPost, 502, "", false, 1},
		{http.MethodPost, 504, "", false, 1},
		{http.MethodPost, 500, "", false, 1},
		{http.MethodPatch, 503, "", false, 2},
		{http.MethodPatch, 502, "", false, 1},
		{http.MethodPost, 503, "", true, 2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s_%d_%q_safe=%v", tt.method, tt.code, tt.retryAfter, tt.safe), func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
					if n == 1 {
						h := http.Header{}
						if tt.retryAfter != "" {
							h.Set("Retry-After", tt.retryAfter)
						}
						return respond(tt.code, h, "busy"), nil
					}
					return respond(http.StatusOK, nil, "{}"), nil
				}}
				ctx := t.Context()
				if tt.safe {
					ctx = transport.WithRetrySafe(ctx)
				}
				var body []byte
				if tt.method == http.MethodPost || tt.method == http.MethodPut || tt.method == http.MethodPatch {
					body = []byte(`{"volume":{"size":1}}`)
				}
				resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, ctx, tt.method, body))
				require.NoError(t, err)
				defer resp.Body.Close()
				assert.Equal(t, tt.calls, rec.count())
				if tt.calls == 1 {
					assert.Equal(t, tt.code, resp.StatusCode)
					b, _ := io.ReadAll(resp.Body)
					assert.Equal(t, "busy", string(b), "an answer that is not retried keeps its body")
				} else {
					assert.Equal(t, http.StatusOK, resp.StatusCode)
				}
			})
		})
	}
}

func TestRetryHonoursRetryAfterSeconds(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			times = append(times, time.Now())
			if n == 1 {
				return respond(429, http.Header{"Retry-After": {"7"}}, ""), nil
			}
			return respond(200, nil, ""), nil
		}}
		resp, err := (&transport.Retry{Next: rec, Base: time.Millisecond}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, []time.Duration{7 * time.Second}, gaps(times))
	})
}

func TestRetryHonoursRetryAfterDate(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			times = append(times, time.Now())
			if n == 1 {
				at := time.Now().Add(12 * time.Second).UTC().Format(http.TimeFormat)
				return respond(503, http.Header{"Retry-After": {at}}, ""), nil
			}
			return respond(200, nil, ""), nil
		}}
		resp, err := (&transport.Retry{Next: rec, Base: time.Millisecond}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		resp.Body.Close()
		require.Len(t, times, 2)
		// HTTP dates have whole seconds: the wait is 12 s less the sub-second part of now.
		assert.InDelta(t, float64(12*time.Second), float64(times[1].Sub(times[0])), float64(time.Second))
	})
}

func TestRetryAfterIsCapped(t *testing.T) {
	t.Parallel()
	for _, ra := range []string{"3600", time.Date(2000, 1, 1, 2, 0, 0, 0, time.UTC).Format(http.TimeFormat)} {
		t.Run(ra, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				var times []time.Time
				rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
					times = append(times, time.Now())
					if n == 1 {
						return respond(503, http.Header{"Retry-After": {ra}}, ""), nil
					}
					return respond(200, nil, ""), nil
				}}
				r := &transport.Retry{Next: rec, Cap: 5 * time.Second}
				resp, err := r.RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
				require.NoError(t, err)
				resp.Body.Close()
				assert.Equal(t, []time.Duration{5 * time.Second}, gaps(times))
			})
		})
	}
}

func TestRetryBackoffIsJitteredExponentialWithinBounds(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		base := 100 * time.Millisecond
		firsts := map[time.Duration]bool{}
		for range 30 {
			var times []time.Time
			rec := script(&times, 503, 503, 503, 503, 503)
			r := &transport.Retry{Next: rec, MaxAttempts: 6, Base: base, Cap: 600 * time.Millisecond}
			resp, err := r.RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
			require.NoError(t, err)
			resp.Body.Close()
			g := gaps(times)
			require.Len(t, g, 5)
			for i, d := range g {
				hi := min(base<<i, 600*time.Millisecond)
				assert.GreaterOrEqual(t, d, hi/2, "wait %d", i+1)
				assert.LessOrEqual(t, d, hi, "wait %d", i+1)
			}
			firsts[g[0]] = true
		}
		assert.Greater(t, len(firsts), 1, "backoff is jittered")
	})
}

func TestRetryDefaultBackoffStartsAtHalfASecond(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := script(&times, 502)
		resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		resp.Body.Close()
		g := gaps(times)
		require.Len(t, g, 1)
		assert.GreaterOrEqual(t, g[0], 250*time.Millisecond)
		assert.LessOrEqual(t, g[0], 500*time.Millisecond)
	})
}

func TestRetryReplaysPutBody(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := script(&times, 503, 504)
		body := []byte(`{"volume":{"name":"x"}}`)
		resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, t.Context(), http.MethodPut, body))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, []string{string(body), string(body), string(body)}, rec.bodies)
	})
}

func TestRetryWithoutGetBodyFails(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := script(&times, 503)
		req := newRequest(t, t.Context(), http.MethodPut, []byte(`{}`))
		req.GetBody = nil
		_, err := (&transport.Retry{Next: rec}).RoundTrip(req)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "cinder: ")
		assert.Equal(t, 1, rec.count())
	})
}

// refusedErr returns the error a dial to a closed port gives.
func refusedErr(t *testing.T) error {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	_, err = (&net.Dialer{}).DialContext(t.Context(), "tcp", addr)
	require.Error(t, err)
	return err
}

func TestRetryConnectionErrors(t *testing.T) {
	t.Parallel()
	refused := refusedErr(t)
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	tests := []struct {
		name   string
		method string
		safe   bool
		err    error
		calls  int
	}{
		{"GET after EOF", http.MethodGet, false, io.EOF, 2},
		{"GET after reset", http.MethodGet, false, reset, 2},
		{"GET refused", http.MethodGet, false, refused, 2},
		{"POST after EOF", http.MethodPost, false, io.EOF, 1},
		{"POST after unexpected EOF", http.MethodPost, false, io.ErrUnexpectedEOF, 1},
		{"POST after reset", http.MethodPost, false, reset, 1},
		{"POST refused", http.MethodPost, false, refused, 2},
		{"POST refused, bare errno", http.MethodPost, false, syscall.ECONNREFUSED, 2},
		{"safe POST after EOF", http.MethodPost, true, io.EOF, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
					if n == 1 {
						return nil, tt.err
					}
					return respond(http.StatusCreated, nil, "{}"), nil
				}}
				ctx := t.Context()
				if tt.safe {
					ctx = transport.WithRetrySafe(ctx)
				}
				body := []byte(`{"volume":{"size":1}}`)
				resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, ctx, tt.method, body))
				assert.Equal(t, tt.calls, rec.count())
				if tt.calls == 1 {
					require.ErrorIs(t, err, tt.err)
					return
				}
				require.NoError(t, err)
				resp.Body.Close()
				assert.Equal(t, http.StatusCreated, resp.StatusCode)
				if tt.method == http.MethodPost {
					assert.Equal(t, []string{string(body), string(body)}, rec.bodies)
				}
			})
		})
	}
}

func TestRetryContextCancelledDuringBackoff(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			return respond(503, http.Header{"Retry-After": {"20"}}, ""), nil
		}}
		start := time.Now()
		time.AfterFunc(time.Second, cancel)
		_, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, ctx, http.MethodGet, nil))
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, time.Second, time.Since(start), "returns as soon as ctx is done")
		assert.Equal(t, 1, rec.count())
	})
}

func TestRetryContextCancelledStopsAfterError(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			cancel()
			return nil, r.Context().Err()
		}}
		_, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, ctx, http.MethodGet, nil))
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, 1, rec.count())
	})
}

func TestRetryAttemptVisibleToInnerLayers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var attempts []int
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			attempts = append(attempts, transport.Attempt(r.Context()))
			if n < 3 {
				return nil, errors.New("boom")
			}
			return respond(200, nil, ""), nil
		}}
		resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, t.Context(), http.MethodGet, nil))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, []int{1, 2, 3}, attempts)
	})
	assert.Equal(t, 1, transport.Attempt(t.Context()), "1 outside Retry")
}

func TestRetryFailsFastWhenWaitOutlastsDeadline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		answer func() (*http.Response, error)
		status int
		err    error
	}{
		{"Retry-After past the deadline", func() (*http.Response, error) {
			return respond(503, http.Header{"Retry-After": {"20"}}, `{"overLimit": {}}`), nil
		}, 503, nil},
		{"backoff past the deadline", func() (*http.Response, error) {
			return nil, io.ErrUnexpectedEOF
		}, 0, io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
				defer cancel()
				rec := &recorder{answer: func(int, *http.Request) (*http.Response, error) { return tt.answer() }}
				start := time.Now()
				resp, err := (&transport.Retry{Next: rec, Base: 20 * time.Second}).RoundTrip(newRequest(t, ctx, http.MethodGet, nil))
				assert.Equal(t, time.Duration(0), time.Since(start), "no sleep into the deadline")
				assert.Equal(t, 1, rec.count())
				if tt.err != nil {
					require.ErrorIs(t, err, tt.err)
					return
				}
				require.NoError(t, err)
				defer resp.Body.Close()
				assert.Equal(t, tt.status, resp.StatusCode)
				body, err := io.ReadAll(resp.Body)
				require.NoError(t, err)
				assert.JSONEq(t, `{"overLimit": {}}`, string(body), "the answer is returned unread")
			})
		})
	}
}

func TestRetryWaitsWhenDeadlineAllows(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
		defer cancel()
		var times []time.Time
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			times = append(times, time.Now())
			if n == 1 {
				return respond(503, http.Header{"Retry-After": {"20"}}, ""), nil
			}
			return respond(200, nil, ""), nil
		}}
		resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, ctx, http.MethodGet, nil))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, []time.Duration{20 * time.Second}, gaps(times))
	})
}

func TestRetryPostRetriesAreBounded(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var times []time.Time
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			times = append(times, time.Now())
			return respond(http.StatusRequestEntityTooLarge, http.Header{"Retry-After": {"2"}}, `{"overLimit": {"message": "slow down"}}`), nil
		}}
		resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, t.Context(), http.MethodPost, []byte(`{"volume":{"size":1}}`)))
		require.NoError(t, err)
		defer resp.Body.Close()
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "the last answer is returned")
		assert.Equal(t, 3, rec.count())
		assert.Equal(t, []time.Duration{2 * time.Second, 2 * time.Second}, gaps(times), "Retry-After is honoured")
		assert.Equal(t, []string{`{"volume":{"size":1}}`, `{"volume":{"size":1}}`, `{"volume":{"size":1}}`}, rec.bodies)
	})
}

// A DELETE whose first attempt may have reached the server (the connection
// broke after dialling, or a gateway timed out) and whose replay finds the
// resource gone has succeeded.
func TestRetryReplayedDeleteNotFoundIsSuccess(t *testing.T) {
	t.Parallel()
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	tests := []struct {
		name   string
		method string
		first  func() (*http.Response, error)
		want   int
	}{
		{"DELETE after reset", http.MethodDelete, func() (*http.Response, error) { return nil, reset }, http.StatusNoContent},
		{"DELETE after EOF", http.MethodDelete, func() (*http.Response, error) { return nil, io.EOF }, http.StatusNoContent},
		{"DELETE after 504", http.MethodDelete, func() (*http.Response, error) { return respond(504, nil, "gateway"), nil }, http.StatusNoContent},
		{"DELETE after 502", http.MethodDelete, func() (*http.Response, error) { return respond(502, nil, "gateway"), nil }, http.StatusNoContent},
		// the server provably did not act: the 404 is the truth
		{"DELETE after refused", http.MethodDelete, func() (*http.Response, error) { return nil, refused }, http.StatusNotFound},
		{"DELETE after 503", http.MethodDelete, func() (*http.Response, error) { return respond(503, nil, "busy"), nil }, http.StatusNotFound},
		{"DELETE after 429", http.MethodDelete, func() (*http.Response, error) { return respond(429, nil, "busy"), nil }, http.StatusNotFound},
		// only a DELETE: a GET's 404 after a reset is a 404
		{"GET after reset", http.MethodGet, func() (*http.Response, error) { return nil, reset }, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
					if n == 1 {
						return tt.first()
					}
					h := http.Header{"X-Openstack-Request-Id": {"req-2"}}
					return respond(http.StatusNotFound, h, `{"itemNotFound": {"message": "Volume v1 could not be found.", "code": 404}}`), nil
				}}
				resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, t.Context(), tt.method, nil))
				require.NoError(t, err)
				defer resp.Body.Close()
				assert.Equal(t, 2, rec.count())
				assert.Equal(t, tt.want, resp.StatusCode)
				assert.Equal(t, "req-2", resp.Header.Get("X-Openstack-Request-Id"), "the replay's headers are kept")
				if tt.want == http.StatusNoContent {
					b, _ := io.ReadAll(resp.Body)
					assert.Empty(t, b)
				}
			})
		})
	}
}

// A DELETE answered 404 on its first attempt is a 404.
func TestRetryFirstDeleteNotFoundStays(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		rec := &recorder{answer: func(n int, r *http.Request) (*http.Response, error) {
			return respond(http.StatusNotFound, nil, `{"itemNotFound": {"message": "gone", "code": 404}}`), nil
		}}
		resp, err := (&transport.Retry{Next: rec}).RoundTrip(newRequest(t, t.Context(), http.MethodDelete, nil))
		require.NoError(t, err)
		defer resp.Body.Close()
		assert.Equal(t, http.StatusNotFound, resp.StatusCode)
		assert.Equal(t, 1, rec.count())
	})
}
