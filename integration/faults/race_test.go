//go:build race

package faults_test

// raceEnabled: the race detector makes the emulator ~10x slower, so the
// list workload is smaller under -race (see TestListUnderFaults).
const raceEnabled = true
