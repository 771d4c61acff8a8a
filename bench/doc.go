// Package bench holds benchmarks of the client against in-process servers:
// BenchmarkListVolumes compares the streaming pager with plain encoding/json.
//
//	go test ./bench -run '^$' -bench ListVolumes -benchmem
package bench
