package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// session drives commands against one emulator (through the ID-renaming
// proxy) and collects their transcripts per golden file.
type session struct {
	t     *testing.T
	srv   *cindertest.Server
	proxy *idProxy
	env   map[string]string
	files map[string]*strings.Builder
	order []string
	// secrets are values shown as a fixed stand-in (real → stand-in).
	secrets map[string]string
}

func newSession(t *testing.T) *session {
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	p := newIDProxy(t, srv.URL())
	return &session{t: t, srv: srv, proxy: p, env: p.env(srv, "admin"),
		files: map[string]*strings.Builder{}, secrets: map[string]string{}}
}

// What the ID-renaming proxy cannot make stable: a transfer's random auth
// key, a backup container named after the emulator's real ID, an exported
// backup record (base64 of real IDs) and request IDs of concurrent requests.
var (
	authKeyRe   = regexp.MustCompile(`(\| auth_key +\| )[0-9a-f]{16}`)
	containerRe = regexp.MustCompile(`\b[0-9a-f]{2}/[0-9a-f]{2}/(00000000-0000-4000-8000-\d{12})`)
	recordRe    = regexp.MustCompile(`\beyJ[A-Za-z0-9+/=]{20,}`)
	requestIDRe = regexp.MustCompile(`req-00000000-0000-4000-8000-\d{12}`)
)

// stable scrubs got of what differs from run to run.
func (s *session) stable(got string) string {
	got = authKeyRe.ReplaceAllString(got, "${1}0123456789abcdef")
	got = containerRe.ReplaceAllString(got, "xx/xx/$1")
	got = recordRe.ReplaceAllString(got, "BACKUP-RECORD")
	got = requestIDRe.ReplaceAllString(got, "req-ID")
	for real, fake := range s.secrets {
		got = strings.ReplaceAll(got, real, fake)
	}
	return got
}

// step runs one command line as admin, checks its exit status and adds its
// transcript to testdata/golden/<file>.txt.
func (s *session) step(file string, wantCode int, args ...string) {
	s.t.Helper()
	s.stepEnv(s.env, file, wantCode, args...)
}

func (s *session) stepEnv(env map[string]string, file string, wantCode int, args ...string) {
	s.t.Helper()
	got, code := transcript(s.t, env, args...)
	got = s.stable(got)
	assert.Equal(s.t, wantCode, code, "exit status of cinder %s:\n%s", strings.Join(args, " "), got)
	if s.files[file] == nil {
		s.files[file] = &strings.Builder{}
		s.order = append(s.order, file)
	}
	s.files[file].WriteString(got)
}

// output runs a command that must succeed and returns its standard output,
// for values later steps need (not recorded).
func (s *session) output(args ...string) string {
	s.t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, s.env, &out, &errb)
	require.Equal(s.t, 0, code, "cinder %s: %s", strings.Join(args, " "), errb.String())
	return strings.TrimSpace(out.String())
}

// finish compares every collected transcript with its golden file.
func (s *session) finish() {
	s.t.Helper()
	require.NotEmpty(s.t, s.order)
	for _, name := range s.order {
		golden(s.t, name, s.files[name].String())
	}
}

func TestGoldenSnapshots(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	s.output("create", "--name", "vol-s", "--wait", "1")
	s.output("create", "--name", "vol-t", "--wait", "1")

	s.step("snapshot-create", 0, "help", "snapshot-create")
	s.step("snapshot-create", 0, "snapshot-create", "--name", "snap-a", "--metadata", "k1=v1", "k2=v2", "vol-s")
	s.step("snapshot-create", 0, "snapshot-create", "--wait", "--name", "snap-b", "--description", "second", "vol-s")
	s.step("snapshot-create", 0, "--os-volume-api-version", "3.65", "snapshot-create", "--force", "--name", "snap-c", "vol-t")
	s.step("snapshot-create", 0, "snapshot-create", "--force", "True", "--name", "snap-d", "vol-t")
	s.step("snapshot-create", 1, "snapshot-create", "--force", "False", "vol-t")
	s.step("snapshot-create", 1, "snapshot-create", "no-such-volume")
	s.step("snapshot-list", 0, "snapshot-list")
	s.step("snapshot-list", 0, "snapshot-list", "--all-tenants")
	s.step("snapshot-list", 0, "snapshot-list", "--name", "snap-a")
	s.step("snapshot-list", 0, "snapshot-list", "--metadata", "k1=v1")
	s.step("snapshot-list", 0, "snapshot-list", "--filters", "name=snap-b")
	s.step("snapshot-list", 0, "snapshot-list", "--with-count", "--limit", "2")
	s.step("snapshot-list", 0, "snapshot-list", "--sort", "name:desc", "-c", "Name")
	s.step("snapshot-list", 0, "--os-volume-api-version", "3.0", "snapshot-list")
	s.step("snapshot-list", 1, "--os-volume-api-version", "3.21", "snapshot-list", "--metadata", "k1=v1")
	s.step("snapshot-list", 1, "--os-volume-api-version", "3.40", "snapshot-list", "--with-count")
	s.step("snapshot-show", 0, "snapshot-show", "snap-a")
	s.step("snapshot-show", 0, "-f", "json", "snapshot-show", "snap-b")
	s.step("snapshot-show", 0, "--os-volume-api-version", "3.0", "snapshot-show", "snap-a")
	s.step("snapshot-show", 1, "snapshot-show", "no-such-snapshot")
	s.step("snapshot-rename", 0, "snapshot-rename", "snap-c", "snap-c2", "--description", "renamed")
	s.step("snapshot-rename", 1, "snapshot-rename", "snap-c2")
	s.step("snapshot-rename", 0, "snapshot-show", "-c", "name", "-c", "description", "snap-c2")
	s.step("snapshot-metadata", 0, "snapshot-metadata", "snap-a", "set", "k3=v3")
	s.step("snapshot-metadata", 0, "snapshot-metadata", "snap-a", "unset", "k1")
	s.step("snapshot-metadata", 2, "snapshot-metadata", "snap-a", "toggle", "k1")
	s.step("snapshot-metadata-show", 0, "snapshot-metadata-show", "snap-a")
	s.step("snapshot-metadata-update-all", 0, "snapshot-metadata-update-all", "snap-a", "x=1", "y=2")
	s.step("snapshot-metadata-update-all", 0, "snapshot-metadata-show", "snap-a")
	s.step("snapshot-reset-state", 0, "snapshot-reset-state", "--state", "error", "snap-d")
	s.step("snapshot-reset-state", 1, "snapshot-reset-state", "no-such-snapshot")
	s.step("snapshot-reset-state", 1, "snapshot-reset-state", "snap-d", "no-such-snapshot")
	s.step("snapshot-reset-state", 1, "snapshot-reset-state", "ghost-1", "ghost-2")
	s.step("snapshot-reset-state", 0, "snapshot-show", "-c", "status", "snap-d")
	s.step("reset-state-snapshot", 0, "reset-state", "--type", "snapshot", "--state", "error", "snap-d")
	s.step("reset-state-snapshot", 1, "reset-state", "--type", "snapshot", "--state", "available", "snap-d", "ghost")
	s.step("reset-state-snapshot", 0, "snapshot-show", "-c", "status", "snap-d")
	s.step("reset-state-snapshot", 1, "reset-state", "--type", "group", "g1")
	s.step("snapshot-manageable-list", 0, "snapshot-manageable-list", "localhost@lvm#lvm")
	s.step("snapshot-manageable-list", 0, "snapshot-manageable-list", "--detailed", "false", "localhost@lvm#lvm")
	s.step("snapshot-manageable-list", 2, "--os-volume-api-version", "3.7", "snapshot-manageable-list", "localhost@lvm#lvm")
	s.step("snapshot-manage", 0, "snapshot-manage", "--name", "snap-m", "--metadata", "m=1", "vol-t", "snap-on-backend")
	s.step("snapshot-unmanage", 0, "snapshot-unmanage", "snap-m")
	s.step("snapshot-unmanage", 0, "snapshot-list", "--volume-id", s.output("show", "-f", "value", "-c", "id", "vol-t"))
	s.step("create-from-snapshot", 0, "create", "--snapshot-id", s.output("snapshot-show", "-f", "value", "-c", "id", "snap-b"), "--name", "from-snap", "--wait")
	s.step("create-from-snapshot", 0, "create", "--source-volid", s.output("show", "-f", "value", "-c", "id", "vol-s"), "--name", "clone", "--wait")
	s.step("revert-to-snapshot", 0, "revert-to-snapshot", "snap-b")
	s.step("revert-to-snapshot", 0, "show", "-c", "status", "vol-s")
	s.step("revert-to-snapshot", 1, "revert-to-snapshot", "no-such-snapshot")
	s.step("revert-to-snapshot", 2, "--os-volume-api-version", "3.39", "revert-to-snapshot", "snap-b")
	s.step("snapshot-delete", 0, "snapshot-delete", "snap-a", "snap-c2", "snap-d")
	s.step("snapshot-delete", 1, "snapshot-delete", "snap-b", "no-such-snapshot")
	s.step("snapshot-delete", 1, "snapshot-delete", "ghost-1", "ghost-2")
	s.step("snapshot-delete", 0, "snapshot-list")
	s.finish()
}

func TestGoldenBackups(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	s.output("create", "--name", "vol-b", "--wait", "1")
	s.output("snapshot-create", "--name", "snap-b", "--wait", "vol-b")

	s.step("backup-create", 0, "help", "backup-create")
	s.step("backup-create", 0, "backup-create", "--name", "bak-a", "--metadata", "k=v", "vol-b")
	s.step("backup-create", 0, "backup-create", "--wait", "--name", "bak-b", "--description", "second", "--container", "c1", "vol-b")
	s.step("backup-create", 0, "backup-create", "--wait", "--incremental", "--name", "bak-i", "vol-b")
	s.step("backup-create", 0, "backup-create", "--wait", "--snapshot-id", s.output("snapshot-show", "-f", "value", "-c", "id", "snap-b"), "--name", "bak-s", "vol-b")
	s.step("backup-create", 1, "--os-volume-api-version", "3.42", "backup-create", "--metadata", "k=v", "vol-b")
	s.step("backup-create", 1, "--os-volume-api-version", "3.50", "backup-create", "--availability-zone", "nova", "vol-b")
	s.step("backup-create", 1, "backup-create", "no-such-volume")
	s.step("backup-list", 0, "backup-list")
	s.step("backup-list", 0, "backup-list", "--all-tenants", "--name", "bak-b")
	s.step("backup-list", 0, "backup-list", "--with-count", "--limit", "1")
	s.step("backup-list", 0, "backup-list", "--sort", "name:asc", "-c", "Name", "-c", "Status")
	s.step("backup-list", 0, "backup-list", "--filters", "status=available", "-f", "value", "-c", "Name")
	s.step("backup-list", 0, "--os-volume-api-version", "3.50", "backup-list")
	s.step("backup-list", 1, "--os-volume-api-version", "3.32", "backup-list", "--filters", "name=x")
	s.step("backup-show", 0, "backup-show", "bak-a")
	s.step("backup-show", 0, "-f", "yaml", "-c", "name", "-c", "metadata", "backup-show", "bak-a")
	s.step("backup-show", 1, "backup-show", "no-such-backup")
	s.step("backup-update", 0, "backup-update", "--name", "bak-a2", "--description", "renamed", "--metadata", "z=9", "bak-a")
	s.step("backup-update", 1, "backup-update", "bak-a2")
	s.step("backup-update", 2, "--os-volume-api-version", "3.8", "backup-update", "--name", "x", "bak-a2")
	s.step("backup-update", 1, "--os-volume-api-version", "3.42", "backup-update", "--metadata", "a=1", "bak-a2")
	s.step("backup-update", 0, "backup-show", "-c", "name", "-c", "description", "-c", "metadata", "bak-a2")
	s.step("backup-reset-state", 0, "backup-reset-state", "--state", "error", "bak-b")
	s.step("backup-reset-state", 1, "backup-reset-state", "no-such-backup")
	s.step("backup-reset-state", 1, "backup-reset-state", "bak-b", "no-such-backup")
	s.step("backup-reset-state", 1, "backup-reset-state", "ghost-1", "ghost-2")
	s.step("reset-state-backup", 0, "reset-state", "--type", "backup", "--state", "available", "bak-b")
	s.step("reset-state-backup", 0, "backup-show", "-c", "status", "bak-b")
	s.step("backup-restore", 0, "backup-restore", "--wait", "--name", "restored", "bak-b")
	s.step("backup-restore", 0, "backup-restore", "--volume", "vol-b", "--name", "ignored", "bak-b")
	s.step("backup-restore", 1, "backup-restore", "--volume", "vol-b", "--volume-type", "__DEFAULT__", "bak-b")
	s.step("backup-restore", 0, "backup-restore", "--wait", "--volume-type", "__DEFAULT__", "bak-s")
	s.step("backup-restore", 1, "--os-volume-api-version", "3.46", "backup-restore", "--volume-type", "__DEFAULT__", "bak-s")
	s.step("backup-restore", 0, "list")
	s.step("create-from-backup", 0, "create", "--backup-id", s.output("backup-show", "-f", "value", "-c", "id", "bak-s"), "--name", "from-backup", "--wait")
	s.step("backup-export", 0, "backup-export", "-c", "backup_service", "bak-s")
	url := s.output("backup-export", "-f", "value", "-c", "backup_url", "bak-s")
	service := s.output("backup-export", "-f", "value", "-c", "backup_service", "bak-s")
	s.step("backup-import", 1, "backup-import", service, url)
	s.step("backup-delete", 0, "backup-delete", "--wait", "bak-s")
	s.step("backup-import", 0, "backup-import", service, url)
	s.step("backup-import", 0, "backup-show", "-c", "id", "-c", "status", "-c", "volume_id", s.output("backup-list", "-f", "value", "-c", "ID", "--sort", "created_at:desc", "--limit", "1"))
	s.step("backup-delete", 1, "backup-delete", "bak-a2", "no-such-backup")
	s.step("backup-delete", 1, "backup-delete", "ghost-1", "ghost-2")
	s.step("backup-delete", 0, "backup-delete", "--force", "bak-b")
	s.step("backup-delete", 0, "backup-list")
	s.finish()
}

func TestGoldenTransfers(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	s.output("create", "--name", "vol-x", "--wait", "1")
	s.output("create", "--name", "vol-y", "--wait", "1")

	s.step("transfer-create", 0, "help", "transfer-create")
	s.step("transfer-create", 0, "transfer-create", "--name", "xfer-a", "vol-x")
	s.step("transfer-create", 0, "transfer-create", "--no-snapshots", "vol-y")
	s.step("transfer-create", 1, "--os-volume-api-version", "3.54", "transfer-create", "--no-snapshots", "vol-y")
	s.step("transfer-create", 0, "--os-volume-api-version", "3.0", "show", "-c", "status", "vol-x")
	s.step("transfer-list", 0, "transfer-list")
	s.step("transfer-list", 0, "transfer-list", "--all-tenants")
	s.step("transfer-list", 0, "transfer-list", "--sort", "display_name:asc", "--filters", "volume_id="+s.output("show", "-f", "value", "-c", "id", "vol-x"))
	s.step("transfer-list", 1, "--os-volume-api-version", "3.51", "transfer-list", "--filters", "name=xfer-a")
	s.step("transfer-list", 1, "--os-volume-api-version", "3.58", "transfer-list", "--sort", "id")
	s.step("transfer-list", 1, "transfer-list", "--sort", "id:asc:x")
	s.step("transfer-list", 0, "--os-volume-api-version", "3.50", "transfer-list")
	s.step("transfer-show", 0, "transfer-show", "xfer-a")
	s.step("transfer-show", 0, "--os-volume-api-version", "3.50", "transfer-show", "xfer-a")
	s.step("transfer-show", 1, "transfer-show", "no-such-transfer")
	s.step("transfer-delete", 0, "transfer-delete", "xfer-a")
	s.step("transfer-delete", 1, "transfer-delete", "xfer-a")
	s.step("transfer-delete", 0, "show", "-c", "status", "vol-x")

	// create as admin (raw output for the key), accept as demo
	out := s.output("-f", "json", "-c", "id", "-c", "auth_key", "transfer-create", "--name", "xfer-b", "vol-x")
	id := regexp.MustCompile(`"id": "([^"]+)"`).FindStringSubmatch(out)
	key := regexp.MustCompile(`"auth_key": "([^"]+)"`).FindStringSubmatch(out)
	require.Len(t, id, 2, out)
	require.Len(t, key, 2, out)
	s.secrets[key[1]] = "0123456789abcdef"
	demo := s.proxy.env(s.srv, "demo")
	s.stepEnv(demo, "transfer-accept", 1, "transfer-accept", id[1], "wrong-key")
	s.stepEnv(demo, "transfer-accept", 0, "transfer-accept", id[1], key[1])
	s.stepEnv(demo, "transfer-accept", 0, "list")
	s.step("transfer-accept", 0, "transfer-list")
	s.finish()
}

func TestGoldenAttachments(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	s.output("create", "--name", "vol-a", "--wait", "1")
	s.output("create", "--name", "vol-b", "--wait", "1")

	s.step("attachment-create", 0, "help", "attachment-create")
	s.step("attachment-create", 0, "attachment-create", "vol-a")
	s.step("attachment-create", 0, "attachment-create", "--connect", "True", "--host", "h1", "--ip", "127.0.0.1",
		"--initiator", "iqn.1993-08.org.debian:01:abc", "--mountpoint", "/dev/vdb", "--mode", "ro", "vol-b", "3f8b6f4e-4a3b-4b51-9a63-3c1f4b1e2d10")
	s.step("attachment-create", 2, "attachment-create", "--connect", "maybe", "vol-a")
	s.step("attachment-create", 1, "--os-volume-api-version", "3.53", "attachment-create", "--mode", "rw", "vol-a")
	s.step("attachment-create", 2, "--os-volume-api-version", "3.26", "attachment-create", "vol-a")
	s.step("attachment-list", 0, "attachment-list")
	volA := s.output("show", "-f", "value", "-c", "id", "vol-a")
	s.step("attachment-list", 0, "attachment-list", "--volume-id", volA)
	s.step("attachment-list", 0, "attachment-list", "--status", "reserved", "--all-tenants")
	s.step("attachment-list", 0, "attachment-list", "--filters", "volume_id="+volA, "-f", "json")
	s.step("attachment-list", 1, "--os-volume-api-version", "3.32", "attachment-list", "--filters", "volume_id="+volA)
	att := s.output("attachment-list", "-f", "value", "-c", "ID", "--volume-id", volA)
	s.step("attachment-show", 0, "attachment-show", att)
	s.step("attachment-show", 1, "attachment-show", "no-such-attachment")
	s.step("attachment-update", 0, "attachment-update", "--host", "h2", "--ip", "10.0.0.2", "--initiator", "iqn.2000-01.com.example:h2", att)
	s.step("attachment-update", 0, "attachment-show", att)
	s.step("attachment-complete", 0, "attachment-complete", att)
	s.step("attachment-complete", 0, "attachment-show", "-f", "value", "-c", "status", att)
	s.step("attachment-complete", 0, "show", "-c", "status", "-c", "attachment_ids", "vol-a")
	s.step("attachment-complete", 2, "--os-volume-api-version", "3.43", "attachment-complete", att)
	s.step("attachment-complete", 1, "attachment-complete", "no-such-attachment")
	s.step("attachment-delete", 0, "attachment-delete", att)
	s.step("attachment-delete", 1, "attachment-delete", "ghost-1", "ghost-2")
	s.step("attachment-delete", 0, "attachment-list")
	s.step("attachment-delete", 0, "show", "-c", "status", "vol-a")
	s.finish()
}
