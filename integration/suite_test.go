//go:build integration

package integration_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/record"
	"github.com/gocinder/cinder/internal/testutil"
)

var (
	recordFlag = flag.Bool("record", false, "refresh fixtures from the real cloud (see -record-dir)")
	recordDir  = flag.String("record-dir", filepath.Join("..", "testdata"), "where -record writes fixtures")
)

// runID makes this run's resource names unique: "it-<6 hex>-".
var runID = func() string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return "it-" + hex.EncodeToString(b) + "-"
}()

// scenario is one end-to-end check, run once per backend.
type scenario struct {
	name string
	run  func(t *testing.T, b *backend)
	// exclusive scenarios change shared state (the demo project's quota):
	// they run alone, before the parallel ones.
	exclusive bool
}

var scenarios = []scenario{
	{name: "quota", run: testQuota, exclusive: true},
	{name: "quota-limits", run: testQuotaLimits, exclusive: true},
	{name: "quota-usage", run: testQuotaUsage, exclusive: true},
	{name: "messages", run: testMessages, exclusive: true},
	{name: "lifecycle", run: testLifecycle},
	{name: "clone", run: testClone},
	{name: "list", run: testList},
	{name: "microversion", run: testMicroversion},
	{name: "errors", run: testErrors},
	{name: "reauth", run: testReauth},
	{name: "snapshots", run: testSnapshots},
	{name: "backups", run: testBackups},
	{name: "transfers", run: testTransfers},
	{name: "attachments", run: testAttachments},
	{name: "types", run: testTypes},
	{name: "qos", run: testQoS},
	{name: "discovery", run: testDiscovery},
	{name: "groups", run: testGroups},
}

// TestIntegration runs every scenario against the emulator and the real
// cloud. The emulator's scenarios run in parallel; the real cloud's one
// after the other, unless CINDER_IT_REAL_PARALLEL=1: the sqlite-backed test
// cloud answers concurrent writes with 500 "database is locked".
func TestIntegration(t *testing.T) {
	for _, kind := range []string{"emulator", "real"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			var admin, demo map[string]string
			if kind == "real" {
				checkReal(t)
				admin, demo = realEnv()
				admin = ownProject(t, admin)
			}
			for _, sc := range scenarios {
				if sc.exclusive {
					t.Run(sc.name, func(t *testing.T) { sc.run(t, newBackend(t, kind, sc.name, admin, demo)) })
				}
			}
			for _, sc := range scenarios {
				if !sc.exclusive {
					t.Run(sc.name, func(t *testing.T) {
						if kind == "emulator" || os.Getenv("CINDER_IT_REAL_PARALLEL") == "1" {
							t.Parallel()
						}
						sc.run(t, newBackend(t, kind, sc.name, admin, demo))
					})
				}
			}
		})
	}
}

// backend is one scenario's view of a cloud: an admin and a demo client,
// each with a tap on its HTTP traffic.
type backend struct {
	kind     string // "emulator" or "real"
	scenario string
	authURL  string
	wantMV   string // the microversion "latest" must negotiate to

	admin, demo       *cinder.Client
	adminTap, demoTap *tap
	adminEnv, demoEnv map[string]string

	emu *emulatorServer  // nil on the real cloud
	rec *record.Recorder // non-nil with -record on the real cloud
	ctx context.Context  // the scenario's deadline
}

// real reports whether b is the real cloud.
func (b *backend) real() bool { return b.kind == "real" }

// name returns a unique resource name for this scenario.
func (b *backend) name(suffix string) string { return b.prefix() + suffix }

// prefix is the common start of this scenario's resource names.
func (b *backend) prefix() string { return runID + b.scenario + "-" }

// newBackend connects to the emulator (a fresh one) or to the real cloud
// (as the users admin and demo describe).
func newBackend(t *testing.T, kind, scenario string, admin, demo map[string]string) *backend {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	t.Cleanup(cancel)
	b := &backend{kind: kind, scenario: scenario, ctx: ctx}
	switch kind {
	case "emulator":
		b.emu, b.adminEnv, b.demoEnv = startEmulator(t)
		b.wantMV = cinder.MaxMicroversion
	case "real":
		b.adminEnv, b.demoEnv = admin, demo
		b.wantMV = os.Getenv("CINDER_IT_REAL_MICROVERSION")
		if b.wantMV == "" {
			b.wantMV = "3.70"
		}
		if *recordFlag {
			b.rec = record.NewRecorder(*recordDir)
		}
	}
	b.authURL = b.adminEnv["OS_AUTH_URL"]
	b.admin, b.adminTap = b.connect(t, b.adminEnv, "latest")
	b.demo, b.demoTap = b.connect(t, b.demoEnv, "latest")
	if b.rec != nil {
		// fixtures use the project ID the resource packages' tests expect
		// and names that stay the same from one recording to the next
		b.rec.Scrubber().Alias(b.admin.ProjectID(), testutil.ProjectID)
		b.rec.Scrubber().Replace(runID, "it-000000-")
	}
	return b
}

// connect builds a client for the user described by env, with a fresh tap.
func (b *backend) connect(t *testing.T, env map[string]string, microversion string) (*cinder.Client, *tap) {
	t.Helper()
	var next http.RoundTripper = http.DefaultTransport.(*http.Transport).Clone()
	if b.rec != nil {
		next = b.rec.Transport(next)
	}
	tp := &tap{next: next}
	c, err := cinder.New(b.ctx, cinder.Options{
		Auth:         authFrom(env),
		Region:       env["OS_REGION_NAME"],
		Interface:    env["OS_INTERFACE"],
		Microversion: microversion,
		HTTPClient:   &http.Client{Transport: tp},
		Timeout:      time.Minute,
	})
	require.NoError(t, err, "%s: connecting as %s", b.kind, env["OS_USERNAME"])
	return c, tp
}

// authFrom turns OS_* variables into Auth.
func authFrom(env map[string]string) cinder.Auth {
	return cinder.Auth{
		AuthURL:           env["OS_AUTH_URL"],
		Username:          env["OS_USERNAME"],
		Password:          env["OS_PASSWORD"],
		ProjectName:       env["OS_PROJECT_NAME"],
		UserDomainName:    env["OS_USER_DOMAIN_NAME"],
		ProjectDomainName: env["OS_PROJECT_DOMAIN_NAME"],
	}
}

// realEnv reads the admin's OS_* variables and derives the demo user's from
// DEMO_OS_USERNAME, DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME.
func realEnv() (admin, demo map[string]string) {
	admin, demo = map[string]string{}, map[string]string{}
	for _, k := range []string{"OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME",
		"OS_USER_DOMAIN_NAME", "OS_PROJECT_DOMAIN_NAME", "OS_REGION_NAME", "OS_INTERFACE"} {
		admin[k], demo[k] = os.Getenv(k), os.Getenv(k)
	}
	for _, k := range []string{"OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"} {
		demo[k] = os.Getenv("DEMO_" + k)
	}
	return admin, demo
}

var (
	realOnce sync.Once
	realErr  error // why the real cloud cannot be used
	realSkip bool  // skip rather than fail
)

// checkReal skips the real backend when no cloud is configured, and fails
// when one is configured but unusable, or is required (CINDER_IT_REQUIRE_REAL=1).
func checkReal(t *testing.T) {
	t.Helper()
	realOnce.Do(func() {
		admin, demo := realEnv()
		switch {
		case admin["OS_AUTH_URL"] == "":
			realErr, realSkip = fmt.Errorf("OS_AUTH_URL is unset: source an openrc (e.g. . /tmp/os/openrc) to run against a real Keystone + Cinder"), true
		case demo["OS_USERNAME"] == "" || demo["OS_PASSWORD"] == "" || demo["OS_PROJECT_NAME"] == "":
			realErr = fmt.Errorf("DEMO_OS_USERNAME, DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME must name a non-admin user of another project")
		default:
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			_, err := cinder.New(ctx, cinder.Options{Auth: authFrom(admin), Region: admin["OS_REGION_NAME"],
				Interface: admin["OS_INTERFACE"], Microversion: "latest"})
			if err != nil {
				realErr = fmt.Errorf("the real cloud at %s is unusable: %w", admin["OS_AUTH_URL"], err)
			}
		}
		if realSkip && os.Getenv("CINDER_IT_REQUIRE_REAL") == "1" {
			realSkip = false
			realErr = fmt.Errorf("CINDER_IT_REQUIRE_REAL=1: %w", realErr)
		}
	})
	if realErr == nil {
		return
	}
	if realSkip {
		t.Skip("real: " + realErr.Error())
	}
	t.Fatal("real: " + realErr.Error())
}

// save writes the last response as fixture name (with -record, on the real cloud).
func (b *backend) save(t *testing.T, name string) {
	t.Helper()
	if b.rec == nil {
		return
	}
	require.NoError(t, b.rec.Save(name))
	t.Logf("recorded %s", name)
}
