// Package faults is the fault-injection suite of the SDK and the CLI: a
// seeded Proxy in front of the cindertest emulator breaks a share of the
// requests the way networks and clouds break them (connections dropped
// before and after the server acted, 429/413 with Retry-After, 500/502/503/
// 504, HTML error pages, slow and truncated bodies, latency spikes, tokens
// revoked mid-pagination, Keystone down during re-authentication), and the
// tests in this package run workloads through it and count what a user
// would lose: duplicate creates, leaked resources, lost deletes, and every
// error by kind.
//
// The tests have no build tag: `go test ./integration/faults/` (and so
// `make test`) runs them offline. The SDK workloads run inside a
// testing/synctest bubble, with the Proxy serving the emulator in-process,
// so backoffs and waits cost no real time.
package faults
