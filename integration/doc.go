// Package integration holds the end-to-end suite of the SDK: every scenario
// runs twice, against a fresh in-memory emulator (cindertest) and against a
// real Keystone + Cinder, as subtests emulator/<scenario> and real/<scenario>.
//
// The tests are behind the build tag "integration", so `go test ./...` stays
// offline:
//
//	. /tmp/os/openrc                     # a real cloud (admin), with DEMO_OS_* for the demo user
//	go test -tags integration -count=1 ./integration/
//	go test -tags integration ./integration/ -run 'TestIntegration/real/lifecycle'
//	go test -tags integration ./integration/ -record   # refresh testdata/ fixtures from the real cloud
//
// Environment of the real backend:
//
//	OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, OS_*_DOMAIN_NAME,
//	OS_REGION_NAME, OS_INTERFACE            the admin user (an admin of its project)
//	DEMO_OS_USERNAME, DEMO_OS_PASSWORD,
//	DEMO_OS_PROJECT_NAME                    a non-admin user in another project; the
//	                                        suite lowers (and restores) that project's quota
//	CINDER_IT_REQUIRE_REAL=1                fail, instead of skipping, when OS_AUTH_URL is unset
//	CINDER_IT_REAL_MICROVERSION             the microversion expected from negotiation (default 3.70)
//
// Every scenario names its resources "it-<random>-<scenario>-…" and deletes
// them in t.Cleanup, falling back to reset-state and force-delete, so a rerun
// on the same cloud starts clean. DIFFERENCES.md lists how the emulator and
// the real cloud were found to differ.
package integration
