package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/internal/fakecinder"
)

// fakeCloud is the cindertest Keystone in front of a fakecinder with n volumes.
func fakeCloud(tb testing.TB, n int, latency time.Duration) (map[string]string, *fakecinder.Cinder) {
	tb.Helper()
	ks := cindertest.NewServer(cindertest.Options{})
	tb.Cleanup(ks.Close)
	f := fakecinder.Serve(n, latency)
	tb.Cleanup(f.Close)
	env := ks.Env("admin")
	env["CINDER_ENDPOINT"] = f.Endpoint()
	env["OS_CACHE"] = "0"
	return env, f
}

// TestDeleteSameIDTwice is the race of "cinder delete A A" (run under
// -race by make test): both deletes are sent and reported, in order.
func TestDeleteSameIDTwice(t *testing.T) {
	env, f := fakeCloud(t, 10, 0)
	a, b := fakecinder.VolumeID(3), fakecinder.VolumeID(4)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"delete", a, b, a, a}, env, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Equal(t, fmt.Sprintf("Request to delete volume %s has been accepted.\n", a)+
		fmt.Sprintf("Request to delete volume %s has been accepted.\n", b)+
		strings.Repeat(fmt.Sprintf("Request to delete volume %s has been accepted.\n", a), 2), out.String())
	assert.Equal(t, int64(4), f.Deletes())
}

// BenchmarkBulkDelete deletes 100 volumes at a 10 ms round trip, one at a
// time and bulkLimit at a time.
func BenchmarkBulkDelete(b *testing.B) {
	env, _ := fakeCloud(b, 100, 10*time.Millisecond)
	args := []string{"delete"}
	for i := range 100 {
		args = append(args, fakecinder.VolumeID(i))
	}
	for _, limit := range []int{1, bulkLimit} {
		b.Run(fmt.Sprintf("parallel=%d", limit), func(b *testing.B) {
			defer func(l int) { bulkLimit = l }(bulkLimit)
			bulkLimit = limit
			for b.Loop() {
				var out, errb bytes.Buffer
				if code := run(context.Background(), args, env, &out, &errb); code != 0 {
					b.Fatal(errb.String())
				}
			}
		})
	}
}
