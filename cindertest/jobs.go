package cindertest

import (
	"slices"
	"time"
)

// job is a deferred state change of a snapshot, backup or attachment; it
// runs at the first request handled at or after at (see the package doc).
type job struct {
	at  time.Time
	seq int64
	fn  func()
}

// later schedules fn to run after the emulator's CreateDelay.
func (c *call) later(fn func()) {
	st := c.s.st
	st.seq++
	st.jobs = append(st.jobs, job{at: c.s.now().Add(c.s.opts.CreateDelay), seq: st.seq, fn: fn})
}

// runJobs runs the due jobs in the order they were scheduled.
func (st *store) runJobs(now time.Time) {
	var due []job
	rest := st.jobs[:0:0]
	for _, j := range st.jobs {
		if now.Before(j.at) {
			rest = append(rest, j)
		} else {
			due = append(due, j)
		}
	}
	st.jobs = rest
	slices.SortFunc(due, func(a, b job) int { return int(a.seq - b.seq) })
	for _, j := range due {
		j.fn()
	}
}
