package bench_test

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/volumes"
)

// peakHeap lists n volumes with the pager and returns the high-water mark
// of HeapInuse above the heap in use before the listing, sampled every 500
// volumes.
func peakHeap(t *testing.T, n int) uint64 {
	c := newClient(t, n)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	i := 0
	got := listPager(t, c, func(volumes.Volume) {
		if i++; i%500 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	})
	assert.Equal(t, n, got)
	return peak - base
}

// TestListVolumesMemoryIsFlat checks that the pager's heap does not grow
// with the collection: listing 100k volumes peaks no higher than 10k.
// Not parallel: it sets the GC percentage, which is process-wide.
func TestListVolumesMemoryIsFlat(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("renders 100k volumes; heap figures mean nothing under -race")
	}
	for _, n := range sizes {
		server(n)
	}
	// A low GC target makes the peak track live memory, not garbage.
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	peaks := map[int]uint64{}
	for _, n := range sizes {
		peaks[n] = peakHeap(t, n)
		t.Logf("n=%d peak heap in use above base: %.1f MiB", n, float64(peaks[n])/(1<<20))
	}
	// The pages themselves (~150 MiB for 100k) are not counted: they live in the store.
	assert.Less(t, peaks[100_000], peaks[10_000]*3/2+(4<<20), "heap grows with the collection")
	assert.Less(t, peaks[100_000], uint64(64<<20))
}
