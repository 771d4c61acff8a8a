package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestGoldenLimitZero checks that --limit 0 prints the header-only table on
// every list command that takes --limit, as cinderclient does (it sends
// limit=0, and Cinder answers with no item), while the same list without
// it has rows.
func TestGoldenLimitZero(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	s.output("create", "--name", "lz-vol", "--wait", "1")
	s.output("snapshot-create", "--name", "lz-snap", "--wait", "lz-vol")
	s.output("backup-create", "--name", "lz-bak", "--wait", "lz-vol")
	s.output("attachment-create", "lz-vol")
	s.output("type-create", "lz-nowhere")
	s.output("type-key", "lz-nowhere", "set", "volume_backend_name=no-such-backend")
	s.output("create", "--name", "lz-bad", "--volume-type", "lz-nowhere", "1")

	for _, cmd := range [][]string{
		{"list"},
		{"snapshot-list"},
		{"backup-list"},
		{"attachment-list"},
		{"message-list"},
		{"manageable-list", "localhost@lvm#lvm"},
		{"snapshot-manageable-list", "localhost@lvm#lvm"},
	} {
		rows := strings.Count(s.output(cmd...), "\n| ") // the header and each row
		assert.Greater(t, rows, 1, "cinder %s lists nothing; --limit 0 would prove nothing", strings.Join(cmd, " "))
		s.step("limit-zero", 0, append([]string{cmd[0], "--limit", "0"}, cmd[1:]...)...)
	}
	s.step("limit-zero", 0, "snapshot-list", "--limit", "0", "--with-count")
	s.finish()
}
