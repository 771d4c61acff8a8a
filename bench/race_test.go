//go:build race

package bench_test

// raceEnabled is true under -race, whose shadow memory and slowness make
// heap measurements meaningless.
const raceEnabled = true
