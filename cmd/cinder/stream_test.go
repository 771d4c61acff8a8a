package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/internal/fakecinder"
)

// TestListOutputUnchanged replays list command lines recorded from the CLI
// before its list path streamed (testdata/stream, two pages of volumes from
// internal/fakecinder) and wants the same bytes: table, -f json|yaml|value, --fields,
// -c, --limit.
func TestListOutputUnchanged(t *testing.T) {
	ks := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(ks.Close)
	f := fakecinder.Serve(1100, 0)
	t.Cleanup(f.Close)
	env := ks.Env("admin")
	env["CINDER_ENDPOINT"] = f.Endpoint()
	env["OS_CACHE"] = "0"

	data, err := os.ReadFile("testdata/stream/cases.json")
	require.NoError(t, err)
	var cases []struct {
		Args   []string `json:"args"`
		Stdout string   `json:"stdout"`
	}
	require.NoError(t, json.Unmarshal(data, &cases))
	require.NotEmpty(t, cases)
	for _, c := range cases {
		t.Run(strings.Join(c.Args, " "), func(t *testing.T) {
			want := gunzip(t, filepath.Join("testdata/stream", c.Stdout))
			var out, errb bytes.Buffer
			code := run(context.Background(), c.Args, env, &out, &errb)
			require.Equal(t, 0, code, errb.String())
			assert.Empty(t, errb.String())
			if !bytes.Equal(want, out.Bytes()) {
				t.Errorf("stdout differs from the recording (%d bytes, want %d):\n%s", out.Len(), len(want), firstDiff(want, out.Bytes()))
			}
		})
	}
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	z, err := gzip.NewReader(f)
	require.NoError(t, err)
	b, err := io.ReadAll(z)
	require.NoError(t, err)
	return b
}

// firstDiff shows the first line where got departs from want.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant " + w + "\ngot  " + g
		}
	}
	return ""
}
