package testutil

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/record"
)

// Recording is a session that records fixtures from the real cloud: every
// request of Admin (the OS_* user) and Demo (the DEMO_OS_* user, a
// non-admin) goes through Rec, whose Scrub scrubs what Save writes.
type Recording struct {
	Ctx         context.Context // ends after the session's timeout
	Rec         *record.Recorder
	Scrub       *record.Scrubber
	HTTP        *http.Client // the recording transport, for further clients
	Admin, Demo *cinder.Client
	t           *testing.T
}

// Record skips t unless CINDER_RECORD=1; otherwise it opens a recording
// into testdata/<dir> at microversion 3.70 that lasts at most timeout.
func Record(t *testing.T, dir string, timeout time.Duration) *Recording {
	t.Helper()
	if os.Getenv("CINDER_RECORD") != "1" {
		t.Skip("set CINDER_RECORD=1 to record fixtures from the cloud in OS_*")
	}
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	t.Cleanup(cancel)
	r := &Recording{Ctx: ctx, Rec: record.NewRecorder(filepath.Join(Root(), "testdata", dir)), t: t}
	r.Scrub = r.Rec.Scrubber()
	r.HTTP = &http.Client{Transport: r.Rec.Transport(nil)}
	var err error
	r.Admin, err = cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv(), Microversion: "3.70", HTTPClient: r.HTTP})
	require.NoError(t, err)
	r.Demo, err = cinder.New(ctx, cinder.Options{Auth: DemoAuth(), Microversion: "3.70", HTTPClient: r.HTTP})
	require.NoError(t, err)
	return r
}

// DemoAuth is the DEMO_OS_* user's credentials on the OS_* cloud.
func DemoAuth() cinder.Auth {
	a := cinder.FromEnv()
	a.Username, a.Password = os.Getenv("DEMO_OS_USERNAME"), os.Getenv("DEMO_OS_PASSWORD")
	a.ProjectName = os.Getenv("DEMO_OS_PROJECT_NAME")
	return a
}

// Save writes the last exchange as the fixture name.
func (r *Recording) Save(name string) {
	r.t.Helper()
	require.NoError(r.t, r.Rec.Save(name))
}
