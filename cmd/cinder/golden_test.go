package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// TestGolden drives every command, in order, against one emulator and
// compares each command's transcript with testdata/golden/<command>.txt.
func TestGolden(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	t.Cleanup(srv.Close)
	p := newIDProxy(t, srv.URL())
	env := p.env(srv, "admin")

	files := map[string]*strings.Builder{}
	var order []string
	step := func(file string, wantCode int, args ...string) {
		t.Helper()
		got, code := transcript(t, env, args...)
		assert.Equal(t, wantCode, code, "exit status of cinder %s:\n%s", strings.Join(args, " "), got)
		if files[file] == nil {
			files[file] = &strings.Builder{}
			order = append(order, file)
		}
		files[file].WriteString(got)
	}

	step("version", 0, "--version")
	step("help", 0, "help")
	step("help", 0, "help", "list")
	step("help", 0, "help", "summary")
	step("help", 0, "help", "create")
	step("help", 0, "help", "type-access-add")
	step("help", 0, "help", "encryption-type-update")
	step("help", 0, "show", "--help")
	step("list", 0, "list")
	step("create", 0, "create", "--name", "vol-a", "1")
	step("create", 0, "create", "--name", "vol-b", "--description", "second", "--metadata", "k1=v1", "k2=v2", "2")
	step("create", 0, "create", "1")
	step("create", 0, "create", "--poll", "--name", "vol-w", "1")
	step("create", 0, "-f", "json", "create", "--wait", "--name", "vol-j", "1")
	step("list", 0, "list")
	step("list", 0, "list", "--all-tenants")
	step("list", 0, "list", "--all-tenants", "1", "--name", "vol-a")
	step("list", 0, "list", "--fields", "name,size,metadata,created_at")
	step("list", 0, "list", "--with-count")
	step("list", 0, "list", "--sort", "name:desc", "--limit", "3")
	step("list", 0, "list", "--limit", "0")
	step("list", 2, "list", "--limit", "many")
	step("list", 1, "--os-volume-api-version", "3.44", "list", "--with-count")
	step("list", 0, "list", "--metadata", "k1=v1")
	step("list", 0, "list", "-f", "json", "-c", "ID", "-c", "Name")
	step("list", 0, "list", "-f", "yaml", "-c", "Name", "-c", "Size")
	step("output-csv", 0, "list", "-f", "csv")
	step("output-csv", 0, "list", "-f", "csv", "-c", "Name", "-c", "Size", "--fields", "name,size,metadata")
	step("output-csv", 0, "-f", "csv", "show", "vol-b")
	step("output-csv", 2, "-f", "xml", "list")
	step("list", 0, "list", "-f", "value", "-c", "Name")
	step("list", 0, "--os-volume-api-version", "3.0", "list")
	step("show", 0, "show", "vol-a")
	step("show", 0, "show", "vol-b")
	step("show", 0, "show", "-c", "name", "-c", "size", "-c", "metadata", "vol-b")
	step("show", 0, "show", "-f", "yaml", "-c", "name", "-c", "metadata", "vol-b")
	step("show", 0, "show", "-f", "value", "-c", "status", "vol-w")
	step("show", 0, "--os-volume-api-version", "3.0", "show", "vol-a")
	step("rename", 0, "rename", "vol-a", "vol-a2", "--description", "renamed")
	step("rename", 1, "rename", "vol-a2")
	step("rename", 0, "show", "-c", "name", "-c", "description", "vol-a2")
	step("extend", 0, "extend", "vol-a2", "2")
	step("extend", 0, "extend", "--wait", "vol-a2", "3")
	step("extend", 0, "show", "-c", "size", "-c", "status", "vol-a2")
	step("metadata", 0, "metadata", "vol-b", "set", "k3=v3")
	step("metadata", 0, "metadata", "vol-b", "unset", "k1")
	step("metadata", 2, "metadata", "vol-b", "toggle", "k1")
	step("metadata-show", 0, "metadata-show", "vol-b")
	step("metadata-update-all", 0, "metadata-update-all", "vol-b", "x=1", "y=2")
	step("image-metadata", 0, "image-metadata", "vol-b", "set", "img=one", "os=linux")
	step("image-metadata", 0, "image-metadata", "vol-b", "unset", "os")
	step("image-metadata-show", 0, "image-metadata-show", "vol-b")
	step("set-bootable", 0, "set-bootable", "vol-b", "true")
	step("set-bootable", 2, "set-bootable", "vol-b", "maybe")
	step("readonly-mode-update", 0, "readonly-mode-update", "vol-b", "True")
	step("readonly-mode-update", 0, "show", "-c", "bootable", "-c", "metadata", "vol-b")
	step("retype", 1, "retype", "--migration-policy", "on-demand", "vol-w", "__DEFAULT__")
	step("migrate", 1, "migrate", "vol-w", "other@backend#pool")
	step("migrate", 2, "migrate", "vol-w")
	step("reset-state", 0, "reset-state", "--state", "error", "vol-w")
	step("reset-state", 1, "reset-state", "--state", "available", "vol-w", "no-such-volume")
	step("reset-state", 1, "reset-state", "--type", "snapshot", "vol-w")
	step("upload-to-image", 0, "upload-to-image", "vol-b", "image-b")
	step("summary", 0, "summary")
	step("summary", 0, "--os-volume-api-version", "3.30", "summary")
	step("summary", 2, "--os-volume-api-version", "3.10", "summary")
	step("api-version", 0, "api-version")
	step("version-list", 0, "version-list")
	step("list-extensions", 0, "list-extensions")
	step("manageable-list", 0, "manageable-list", "localhost@lvm#lvm")
	step("manage", 0, "manage", "--name", "managed", "localhost@lvm#lvm", "lv-existing")
	step("unmanage", 0, "unmanage", "managed")
	step("reimage", 0, "reimage", "vol-w", "5e7f2a52-7d3c-4f5e-9b1e-0d6b0f8b3c11")
	step("reimage", 2, "--os-volume-api-version", "3.60", "reimage", "vol-w", "5e7f2a52-7d3c-4f5e-9b1e-0d6b0f8b3c11")
	step("force-delete", 0, "force-delete", "vol-w")
	step("delete", 1, "delete", "vol-a2", "no-such-volume")
	step("delete", 1, "delete", "no-such-1", "no-such-2")
	step("delete", 0, "delete", "--wait", "vol-b", "vol-j")
	step("delete", 0, "list")
	step("bash-completion", 0, "bash-completion")

	for _, name := range order {
		golden(t, name, files[name].String())
	}
	require.NotEmpty(t, order)
}
