package record_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/record"
	"github.com/gocinder/cinder/volumes"
)

// TestRecordVolumes drives a real cloud (the OS_* environment is the admin;
// DEMO_OS_USERNAME/PASSWORD/PROJECT_NAME a non-admin user) and rewrites
// testdata/volumes. Run: CINDER_RECORD=1 go test ./internal/record/ -run Record
func TestRecordVolumes(t *testing.T) {
	if os.Getenv("CINDER_RECORD") != "1" {
		t.Skip("set CINDER_RECORD=1 to record fixtures from the cloud in OS_*")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	_, file, _, _ := runtime.Caller(0)
	rec := record.NewRecorder(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "volumes"))
	hc := &http.Client{Transport: rec.Transport(nil)}
	admin, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv(), Microversion: "3.70", HTTPClient: hc})
	require.NoError(t, err)
	demoAuth := cinder.FromEnv()
	demoAuth.Username, demoAuth.Password = os.Getenv("DEMO_OS_USERNAME"), os.Getenv("DEMO_OS_PASSWORD")
	demoAuth.ProjectName = os.Getenv("DEMO_OS_PROJECT_NAME")
	demo, err := cinder.New(ctx, cinder.Options{Auth: demoAuth, Microversion: "3.70", HTTPClient: hc})
	require.NoError(t, err)
	sc := rec.Scrubber()
	sc.Alias(admin.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001")
	sc.Alias(demo.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")
	if state := os.Getenv("OPENSTACK_STATE"); state != "" {
		sc.Replace(state+"/", "/var/lib/openstack/")
	}
	v, d := admin.Volumes, demo.Volumes
	save := func(name string) { t.Helper(); require.NoError(t, rec.Save(name)) }
	var created []string
	cleanup := func(m *volumes.Manager, id string) {
		t.Cleanup(func() {
			ctx := context.WithoutCancel(ctx)
			if m.Delete(ctx, id, nil) != nil {
				_ = m.ForceDelete(ctx, id)
			}
			_ = m.WaitForDeleted(ctx, id, nil)
		})
	}
	md := map[string]string{"gocinder-rec": "1"}
	for _, name := range []string{"gocinder-rec-a", "gocinder-rec-b"} {
		vol, err := create(ctx, v, volumes.CreateRequest{Size: 1, Name: name, Description: "recorded by gocinder", Metadata: md})
		require.NoError(t, err)
		cleanup(v, vol.ID)
		created = append(created, vol.ID)
		if name == "gocinder-rec-a" {
			save("create")
		}
	}
	a := created[0]
	for _, id := range created {
		_, err := v.WaitForStatus(ctx, id, volumes.StatusAvailable, nil)
		require.NoError(t, err)
	}
	_, err = v.Get(ctx, a)
	require.NoError(t, err)
	save("get")

	opts := &volumes.ListOptions{Metadata: md, Limit: 1, Sort: "name:asc"}
	_, next, err := v.ListPage(ctx, opts)
	require.NoError(t, err)
	save("list_page1")
	_, next, err = v.ListPage(ctx, &volumes.ListOptions{Metadata: md, Limit: 1, Sort: "name:asc", Marker: next})
	require.NoError(t, err)
	save("list_page2")
	// a full page always has a next link; the page after the last is empty
	_, _, err = v.ListPage(ctx, &volumes.ListOptions{Metadata: md, Limit: 1, Sort: "name:asc", Marker: next})
	require.NoError(t, err)
	save("list_page3")
	_, err = cinder.Collect(v.ListRefs(ctx, &volumes.ListOptions{Metadata: md, Sort: "name:asc"}))
	require.NoError(t, err)
	save("list_summary")
	_, err = v.Count(ctx, &volumes.ListOptions{Metadata: md})
	require.NoError(t, err)
	save("count")

	_, err = v.Update(ctx, a, volumes.UpdateRequest{Name: new("gocinder-rec-a2"), Description: new("renamed")})
	require.NoError(t, err)
	save("update")

	_, err = v.SetMetadata(ctx, a, map[string]string{"color": "blue", "size": "small"})
	require.NoError(t, err)
	save("metadata_set")
	_, etag, err := v.MetadataWithETag(ctx, a)
	require.NoError(t, err)
	save("metadata_show")
	_, err = v.MetadataItem(ctx, a, "color")
	require.NoError(t, err)
	save("metadata_item")
	require.NoError(t, v.SetMetadataItem(ctx, a, "color", "red"))
	save("metadata_item_set")
	_, err = v.ReplaceMetadataIfMatch(ctx, a, map[string]string{"gocinder-rec": "1", "only": "this"}, etag)
	require.ErrorIs(t, err, cinder.ErrPrecondition, "the item set changed the ETag")
	save("error_412")
	_, etag, err = v.MetadataWithETag(ctx, a)
	require.NoError(t, err)
	_, err = v.ReplaceMetadataIfMatch(ctx, a, map[string]string{"gocinder-rec": "1", "only": "this"}, etag)
	require.NoError(t, err)
	save("metadata_replace")
	_, err = v.MetadataItem(ctx, a, "color")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_metadata_item_404")
	require.NoError(t, v.DeleteMetadata(ctx, a, "only"))

	_, err = v.Summary(ctx, false)
	require.NoError(t, err)
	save("summary")
	_, err = v.ShowImageMetadata(ctx, a)
	require.ErrorIs(t, err, cinder.ErrNotFound, "a volume without image metadata")
	save("error_show_image_metadata")
	_, err = v.SetImageMetadata(ctx, a, map[string]string{"os_distro": "debian", "hw_disk_bus": "scsi"})
	require.NoError(t, err)
	save("set_image_metadata")
	_, err = v.ShowImageMetadata(ctx, a)
	require.NoError(t, err)
	save("show_image_metadata")
	require.NoError(t, v.UnsetImageMetadata(ctx, a, "os_distro"))

	require.NoError(t, v.Reserve(ctx, a))
	conn := volumes.Connector{Host: "gocinder-rec", IP: "127.0.0.1", Platform: "x86_64", OSType: "linux"}
	_, err = v.InitializeConnection(ctx, a, conn)
	require.NoError(t, err)
	save("initialize_connection")
	require.NoError(t, v.Attach(ctx, a, volumes.AttachRequest{HostName: "gocinder-rec", MountPoint: "/dev/vdb"}))
	vol, err := v.WaitForStatus(ctx, a, volumes.StatusInUse, nil)
	require.NoError(t, err)
	save("get_in_use")
	require.NoError(t, v.BeginDetaching(ctx, a))
	require.NoError(t, v.RollDetaching(ctx, a))
	require.NoError(t, v.TerminateConnection(ctx, a, conn))
	require.NotEmpty(t, vol.Attachments)
	require.NoError(t, v.Detach(ctx, a, vol.Attachments[0].AttachmentID))
	_, err = v.WaitForStatus(ctx, a, volumes.StatusAvailable, nil)
	require.NoError(t, err)

	_, err = v.UploadToImage(ctx, a, volumes.UploadImageRequest{ImageName: "gocinder-rec-img", DiskFormat: "raw", ContainerFormat: "bare"})
	require.Error(t, err)
	save("error_upload_image")
	// Without Glance, os-reimage fails with a 500 and leaves the volume "downloading".
	err = v.Reimage(ctx, a, "00000000-0000-4000-8000-00000000ffff", false)
	require.ErrorIs(t, err, cinder.ErrServer)
	save("error_reimage")
	require.NoError(t, v.ResetStatus(ctx, a, volumes.ResetStatusRequest{Status: volumes.StatusAvailable}))
	// Neither volume is migrating: Cinder just answers with the new ID.
	_, err = v.MigrateCompletion(ctx, a, created[1], false)
	require.NoError(t, err)
	save("migrate_completion")
	// The localfile driver cannot list manageable volumes: a 500.
	_, err = cinder.Collect(v.ListManageable(ctx, &volumes.ManageableListOptions{Host: vol.Host}))
	require.ErrorIs(t, err, cinder.ErrServer)
	save("error_manageable_list")
	// Manage is accepted; the volume goes to "error" later (no such backend volume).
	managed, err := v.Manage(ctx, volumes.ManageRequest{Host: vol.Host, Ref: map[string]string{"source-name": "gocinder-rec-nosuch"},
		Name: "gocinder-rec-managed", Metadata: md})
	require.NoError(t, err)
	cleanup(v, managed.ID)
	save("manage")
	_, err = v.WaitForStatus(ctx, managed.ID, volumes.StatusAvailable, nil)
	var se *cinder.StatusError
	require.ErrorAs(t, err, &se)
	_, err = v.EncryptionMetadata(ctx, a)
	require.NoError(t, err)
	save("encryption_metadata")

	require.NoError(t, v.Extend(ctx, a, 2))
	_, err = v.WaitForStatus(ctx, a, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	require.NoError(t, v.SetBootable(ctx, a, true))
	require.NoError(t, v.SetReadOnly(ctx, a, true))
	require.NoError(t, v.SetReadOnly(ctx, a, false))
	require.NoError(t, v.ResetStatus(ctx, a, volumes.ResetStatusRequest{Status: volumes.StatusError}))
	_, err = v.Get(ctx, a)
	require.NoError(t, err)
	save("get_error")
	require.NoError(t, v.ResetStatus(ctx, a, volumes.ResetStatusRequest{Status: volumes.StatusAvailable}))

	// errors
	_, err = v.Get(ctx, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_404")
	_, err = v.Create(ctx, volumes.CreateRequest{Size: -1, Name: "gocinder-rec-bad"})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_400")
	err = v.Extend(ctx, a, 1)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_extend_400")
	c371, err := cinder.New(ctx, cinder.Options{Auth: cinder.FromEnv(), Microversion: "3.71", HTTPClient: hc})
	require.NoError(t, err)
	err = c371.Volumes.ExtendCompletion(ctx, a, false)
	require.ErrorIs(t, err, cinder.ErrNotAcceptable)
	save("error_406")

	dv, err := create(ctx, d, volumes.CreateRequest{Size: 1, Name: "gocinder-rec-demo"})
	require.NoError(t, err)
	cleanup(d, dv.ID)
	_, err = d.WaitForStatus(ctx, dv.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	err = d.ResetStatus(ctx, dv.ID, volumes.ResetStatusRequest{Status: volumes.StatusError})
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_403")

	// The quota cannot go below the usage: set it to the usage, then create one more.
	prev, inUse := demoQuota(t, demo.ProjectID())
	setDemoQuota(t, demo.ProjectID(), inUse)
	_, err = d.Create(ctx, volumes.CreateRequest{Size: 1, Name: "gocinder-rec-overquota"})
	setDemoQuota(t, demo.ProjectID(), prev)
	require.ErrorIs(t, err, cinder.ErrOverLimit)
	save("error_413")

	err = v.Migrate(ctx, a, volumes.MigrateRequest{Host: "nosuchhost@nobackend#nopool"})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_migrate")

	require.NoError(t, v.Delete(ctx, created[1], nil))
	require.NoError(t, v.WaitForDeleted(ctx, created[1], nil))
}

// create retries a create that failed with a 500: the shared test cloud's
// sqlite database is sometimes locked.
func create(ctx context.Context, m *volumes.Manager, r volumes.CreateRequest) (*volumes.Volume, error) {
	for i := 0; ; i++ {
		v, err := m.Create(ctx, r)
		if i == 4 || !errors.Is(err, cinder.ErrServer) {
			return v, err
		}
		time.Sleep(2 * time.Second)
	}
}

// demoQuota returns the project's volumes limit and usage.
func demoQuota(t *testing.T, project string) (limit, inUse int) {
	out, err := exec.Command("cinder", "quota-usage", project).Output()
	require.NoError(t, err)
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(strings.ReplaceAll(line, "|", " "))
		if len(f) >= 4 && f[0] == "volumes" {
			inUse, err = strconv.Atoi(f[1])
			require.NoError(t, err)
			limit, err = strconv.Atoi(f[3])
			require.NoError(t, err)
			return limit, inUse
		}
	}
	t.Fatalf("no volumes quota in %s", out)
	return 0, 0
}

func setDemoQuota(t *testing.T, project string, n int) {
	out, err := exec.Command("cinder", "quota-update", "--volumes", strconv.Itoa(n), project).CombinedOutput()
	require.NoError(t, err, "%s", out)
}
