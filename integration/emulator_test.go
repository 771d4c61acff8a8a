//go:build integration

package integration_test

import (
	"testing"

	"github.com/gocinder/cinder/cindertest"
)

// emulatorServer is the in-memory Keystone + Cinder the emulator backend uses.
type emulatorServer = cindertest.Server

// startEmulator starts a fresh emulator, closed in t.Cleanup, and returns
// the OS_* variables of its admin and demo users.
func startEmulator(t *testing.T) (srv *emulatorServer, admin, demo map[string]string) {
	srv = cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	return srv, srv.Env("admin"), srv.Env("demo")
}
