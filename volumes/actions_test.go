package volumes_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

// actionCase is one action whose answer has no body: the call and the
// exact JSON it must send.
type actionCase struct {
	name string
	call func(context.Context, *volumes.Manager) error
	body string
}

var connector = volumes.Connector{Host: "gocinder-rec", IP: "127.0.0.1", Platform: "x86_64", OSType: "linux",
	Extra: map[string]any{"system uuid": "u1", "host": "ignored"}}

const connectorJSON = `{"host":"gocinder-rec","ip":"127.0.0.1","platform":"x86_64","os_type":"linux","multipath":false,"system uuid":"u1"}`

var actionCases = []actionCase{
	{"Extend", func(ctx context.Context, m *volumes.Manager) error { return m.Extend(ctx, idA, 2) }, `{"os-extend":{"new_size":2}}`},
	{"ExtendCompletion", func(ctx context.Context, m *volumes.Manager) error { return m.ExtendCompletion(ctx, idA, true) },
		`{"os-extend_volume_completion":{"error":true}}`},
	{"ResetStatus", func(ctx context.Context, m *volumes.Manager) error {
		return m.ResetStatus(ctx, idA, volumes.ResetStatusRequest{Status: volumes.StatusAvailable,
			AttachStatus: volumes.AttachStatusDetached, MigrationStatus: "none"})
	}, `{"os-reset_status":{"status":"available","attach_status":"detached","migration_status":"none"}}`},
	{"ResetStatusOnlyStatus", func(ctx context.Context, m *volumes.Manager) error {
		return m.ResetStatus(ctx, idA, volumes.ResetStatusRequest{Status: volumes.StatusError})
	}, `{"os-reset_status":{"status":"error"}}`},
	{"RevertToSnapshot", func(ctx context.Context, m *volumes.Manager) error { return m.RevertToSnapshot(ctx, idA, "s1") },
		`{"revert":{"snapshot_id":"s1"}}`},
	{"UnsetImageMetadata", func(ctx context.Context, m *volumes.Manager) error {
		return m.UnsetImageMetadata(ctx, idA, "os_distro")
	},
		`{"os-unset_image_metadata":{"key":"os_distro"}}`},
	{"Attach", func(ctx context.Context, m *volumes.Manager) error {
		return m.Attach(ctx, idA, volumes.AttachRequest{HostName: "gocinder-rec", MountPoint: "/dev/vdb"})
	}, `{"os-attach":{"host_name":"gocinder-rec","mountpoint":"/dev/vdb"}}`},
	{"AttachInstance", func(ctx context.Context, m *volumes.Manager) error {
		return m.Attach(ctx, idA, volumes.AttachRequest{InstanceUUID: "i1", MountPoint: "/dev/vdc", Mode: volumes.ModeReadOnly})
	}, `{"os-attach":{"instance_uuid":"i1","mountpoint":"/dev/vdc","mode":"ro"}}`},
	{"Detach", func(ctx context.Context, m *volumes.Manager) error { return m.Detach(ctx, idA, "a1") }, `{"os-detach":{"attachment_id":"a1"}}`},
	{"DetachOnly", func(ctx context.Context, m *volumes.Manager) error { return m.Detach(ctx, idA, "") }, `{"os-detach":{}}`},
	{"ForceDetach", func(ctx context.Context, m *volumes.Manager) error {
		return m.ForceDetach(ctx, idA, volumes.ForceDetachRequest{AttachmentID: "a1", Connector: &connector})
	}, `{"os-force_detach":{"attachment_id":"a1","connector":` + connectorJSON + `}}`},
	{"Unmanage", func(ctx context.Context, m *volumes.Manager) error { return m.Unmanage(ctx, idA) }, `{"os-unmanage":null}`},
	{"Retype", func(ctx context.Context, m *volumes.Manager) error {
		return m.Retype(ctx, idA, "fast", volumes.MigrateOnDemand)
	},
		`{"os-retype":{"new_type":"fast","migration_policy":"on-demand"}}`},
	{"RetypeDefaultPolicy", func(ctx context.Context, m *volumes.Manager) error { return m.Retype(ctx, idA, "fast", "") },
		`{"os-retype":{"new_type":"fast"}}`},
	{"Migrate", func(ctx context.Context, m *volumes.Manager) error {
		return m.Migrate(ctx, idA, volumes.MigrateRequest{Host: "h@b#p", ForceHostCopy: true, LockVolume: true})
	}, `{"os-migrate_volume":{"host":"h@b#p","force_host_copy":true,"lock_volume":true}}`},
	{"MigrateCluster", func(ctx context.Context, m *volumes.Manager) error {
		return m.Migrate(ctx, idA, volumes.MigrateRequest{Cluster: "c1"})
	}, `{"os-migrate_volume":{"cluster":"c1"}}`},
	{"ForceDelete", func(ctx context.Context, m *volumes.Manager) error { return m.ForceDelete(ctx, idA) }, `{"os-force_delete":null}`},
	{"SetBootable", func(ctx context.Context, m *volumes.Manager) error { return m.SetBootable(ctx, idA, true) },
		`{"os-set_bootable":{"bootable":true}}`},
	{"SetReadOnly", func(ctx context.Context, m *volumes.Manager) error { return m.SetReadOnly(ctx, idA, false) },
		`{"os-update_readonly_flag":{"readonly":false}}`},
	{"Reserve", func(ctx context.Context, m *volumes.Manager) error { return m.Reserve(ctx, idA) }, `{"os-reserve":null}`},
	{"Unreserve", func(ctx context.Context, m *volumes.Manager) error { return m.Unreserve(ctx, idA) }, `{"os-unreserve":null}`},
	{"BeginDetaching", func(ctx context.Context, m *volumes.Manager) error { return m.BeginDetaching(ctx, idA) }, `{"os-begin_detaching":null}`},
	{"RollDetaching", func(ctx context.Context, m *volumes.Manager) error { return m.RollDetaching(ctx, idA) }, `{"os-roll_detaching":null}`},
	{"TerminateConnection", func(ctx context.Context, m *volumes.Manager) error { return m.TerminateConnection(ctx, idA, connector) },
		`{"os-terminate_connection":{"connector":` + connectorJSON + `}}`},
	{"Reimage", func(ctx context.Context, m *volumes.Manager) error { return m.Reimage(ctx, idA, "img", true) },
		`{"os-reimage":{"image_id":"img","reimage_reserved":true}}`},
}

// TestActionRequests checks each body-less action's request shape: POST to
// /volumes/{id}/action, the client's microversion, the exact JSON body.
func TestActionRequests(t *testing.T) {
	t.Parallel()
	for _, tc := range actionCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.71")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/action", Version: "3.71", Body: tc.body},
				http.StatusAccepted, "")
			require.NoError(t, tc.call(t.Context(), c.Volumes))
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

// TestActionErrors gives every action a recorded error answer.
func TestActionErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range actionCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.71")
			mock.RegisterResponder(http.MethodPost, testutil.URL("volumes/"+idA+"/action"), testutil.JSONResponder(t, 403, "volumes/error_403.json"))
			err := tc.call(t.Context(), c.Volumes)
			assertAPIError(t, err, cinder.ErrForbidden, 403, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")
		})
	}
}

// TestActionRecordedErrors replays what the real cloud answered.
func TestActionRecordedErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, fixture string
		call          func(context.Context, *volumes.Manager) error
		status        int
		sentinel      error
		code, msg     string
	}{
		{"extend to a smaller size", "error_extend_400", func(ctx context.Context, m *volumes.Manager) error { return m.Extend(ctx, idA, 1) },
			400, cinder.ErrBadRequest, "badRequest", "Invalid input received: New size for extend must be greater than current size. (current: 2, extended: 1)."},
		{"demo resets status", "error_403", func(ctx context.Context, m *volumes.Manager) error {
			return m.ResetStatus(ctx, idA, volumes.ResetStatusRequest{Status: volumes.StatusError})
		}, 403, cinder.ErrForbidden, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed."},
		// the test cloud has no Glance: os-reimage fails inside Cinder
		{"reimage without glance", "error_reimage", func(ctx context.Context, m *volumes.Manager) error { return m.Reimage(ctx, idA, "img", false) },
			500, cinder.ErrServer, "computeFault", "The server has either erred or is incapable of performing the requested operation."},
		{"migrate to an unknown host", "error_migrate", func(ctx context.Context, m *volumes.Manager) error {
			return m.Migrate(ctx, idA, volumes.MigrateRequest{Host: "nosuchhost@nobackend#nopool"})
		}, 400, cinder.ErrBadRequest, "badRequest", "Invalid host: No available service named 'nosuchhost@nobackend#nopool'"},
		// the real cloud's max is 3.70
		{"extend completion on a 3.70 server", "error_406", func(ctx context.Context, m *volumes.Manager) error { return m.ExtendCompletion(ctx, idA, false) },
			406, cinder.ErrNotAcceptable, "computeFault", "Version 3.71 is not supported by the API. Minimum is 3.0 and maximum is 3.70."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.71")
			mock.RegisterResponder(http.MethodPost, testutil.URL("volumes/"+idA+"/action"), testutil.JSONResponder(t, tc.status, "volumes/"+tc.fixture+".json"))
			assertAPIError(t, tc.call(t.Context(), c.Volumes), tc.sentinel, tc.status, tc.code, tc.msg)
		})
	}
}

func TestActionVersionGates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, version, need string
		call                func(context.Context, *volumes.Manager) error
	}{
		{"ExtendCompletion", "3.70", "3.71", func(ctx context.Context, m *volumes.Manager) error { return m.ExtendCompletion(ctx, idA, false) }},
		{"RevertToSnapshot", "3.39", "3.40", func(ctx context.Context, m *volumes.Manager) error { return m.RevertToSnapshot(ctx, idA, "s") }},
		{"Reimage", "3.67", "3.68", func(ctx context.Context, m *volumes.Manager) error { return m.Reimage(ctx, idA, "i", false) }},
		{"Migrate cluster", "3.15", "3.16", func(ctx context.Context, m *volumes.Manager) error {
			return m.Migrate(ctx, idA, volumes.MigrateRequest{Cluster: "c"})
		}},
		{"UploadToImage visibility", "3.0", "3.1", func(ctx context.Context, m *volumes.Manager) error {
			_, err := m.UploadToImage(ctx, idA, volumes.UploadImageRequest{ImageName: "i", Visibility: "public"})
			return err
		}},
		{"UploadToImage protected", "3.0", "3.1", func(ctx context.Context, m *volumes.Manager) error {
			_, err := m.UploadToImage(ctx, idA, volumes.UploadImageRequest{ImageName: "i", Protected: true})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, tc.version)
			assertVersionError(t, tc.call(t.Context(), c.Volumes), tc.need, mock.GetTotalCallCount())
		})
	}
}

func TestActionInputChecks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		call func(context.Context, *volumes.Manager) error
	}{
		{"ResetStatus empty", func(ctx context.Context, m *volumes.Manager) error {
			return m.ResetStatus(ctx, idA, volumes.ResetStatusRequest{})
		}},
		{"Attach no target", func(ctx context.Context, m *volumes.Manager) error {
			return m.Attach(ctx, idA, volumes.AttachRequest{MountPoint: "/dev/vdb"})
		}},
		{"Migrate neither", func(ctx context.Context, m *volumes.Manager) error {
			return m.Migrate(ctx, idA, volumes.MigrateRequest{})
		}},
		{"Migrate both", func(ctx context.Context, m *volumes.Manager) error {
			return m.Migrate(ctx, idA, volumes.MigrateRequest{Host: "h", Cluster: "c"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			err := tc.call(t.Context(), c.Volumes)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "cinder: ")
			assert.Equal(t, 0, mock.GetTotalCallCount())
		})
	}
}

func TestInitializeConnection(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/action", Version: "3.70",
		Body: `{"os-initialize_connection":{"connector":` + connectorJSON + `}}`}, http.StatusOK, "volumes/initialize_connection.json")
	info, err := c.Volumes.InitializeConnection(t.Context(), idA, connector)
	require.NoError(t, err)
	assert.Equal(t, volumes.ConnectionInfo{DriverVolumeType: "local", Data: map[string]any{
		"device_path": "/var/lib/openstack/cinder/localfile/volume-" + idA,
		"access_mode": "rw", "qos_specs": nil, "encrypted": false, "cacheable": false,
	}}, *info)

	c2, mock2 := testutil.NewClient(t, "3.70")
	mock2.RegisterResponder(http.MethodPost, testutil.URL("volumes/x/action"), testutil.JSONResponder(t, 404, "volumes/error_404.json"))
	_, err = c2.Volumes.InitializeConnection(t.Context(), "x", connector)
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")
}

func TestImageMetadata(t *testing.T) {
	t.Parallel()
	want := map[string]string{"hw_disk_bus": "scsi", "os_distro": "debian"}
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/action", Version: "3.70",
		Body: `{"os-set_image_metadata":{"metadata":{"hw_disk_bus":"scsi","os_distro":"debian"}}}`}, http.StatusOK, "volumes/set_image_metadata.json")
	got, err := c.Volumes.SetImageMetadata(t.Context(), idA, want)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	c2, mock2 := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock2, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/action", Body: `{"os-show_image_metadata":null}`},
		http.StatusOK, "volumes/show_image_metadata.json")
	got, err = c2.Volumes.ShowImageMetadata(t.Context(), idA)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

func TestImageMetadataErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	// the real answer for a volume that has no image metadata
	mock.RegisterResponder(http.MethodPost, testutil.URL("volumes/"+idA+"/action"), testutil.JSONResponder(t, 404, "volumes/error_show_image_metadata.json"))
	_, err := c.Volumes.ShowImageMetadata(t.Context(), idA)
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Glance metadata for volume/snapshot "+idA+" cannot be found.")
	_, err = c.Volumes.SetImageMetadata(t.Context(), idA, map[string]string{"a": "b"})
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Glance metadata for volume/snapshot "+idA+" cannot be found.")
}

func TestMigrateCompletion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/action", Version: "3.70",
		Body: `{"os-migrate_volume_completion":{"new_volume":"` + idB + `","error":false}}`}, http.StatusOK, "volumes/migrate_completion.json")
	id, err := c.Volumes.MigrateCompletion(t.Context(), idA, idB, false)
	require.NoError(t, err)
	assert.Equal(t, idB, id)

	c2, mock2 := testutil.NewClient(t, "3.70")
	mock2.RegisterResponder(http.MethodPost, testutil.URL("volumes/"+idA+"/action"), testutil.JSONResponder(t, 403, "volumes/error_403.json"))
	_, err = c2.Volumes.MigrateCompletion(t.Context(), idA, idB, true)
	assertAPIError(t, err, cinder.ErrForbidden, 403, "forbidden", "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.")
}

func TestUploadToImage(t *testing.T) {
	t.Parallel()
	// The test cloud has no Glance, so no success was recorded; this tiny
	// body follows the shape Cinder's volume_actions builds.
	const answer = `{"os-volume_upload_image": {"id": "` + idA + `", "updated_at": "2024-05-01T12:00:00.000000",
		"status": "uploading", "display_description": "d", "size": 1,
		"volume_type": {"id": "` + typeID + `", "name": "__DEFAULT__", "is_public": true, "extra_specs": {}},
		"image_id": "img1", "container_format": "bare", "disk_format": "raw", "image_name": "backup", "visibility": "shared", "protected": true}}`
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("volumes/"+idA+"/action"), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/action", Version: "3.70",
			Body: `{"os-volume_upload_image":{"image_name":"backup","force":true,"disk_format":"raw","container_format":"bare","visibility":"shared","protected":true}}`}, r)
		return testutil.Respond(http.StatusAccepted, []byte(answer)), nil
	})
	res, err := c.Volumes.UploadToImage(t.Context(), idA, volumes.UploadImageRequest{ImageName: "backup", Force: true,
		DiskFormat: "raw", ContainerFormat: "bare", Visibility: "shared", Protected: true})
	require.NoError(t, err)
	assert.Equal(t, volumes.UploadImageResult{ID: idA, Status: volumes.StatusUploading, Size: 1, Description: "d",
		VolumeType: &volumes.UploadImageType{ID: typeID, Name: "__DEFAULT__", IsPublic: true, ExtraSpecs: map[string]string{}},
		UpdatedAt:  fixtureTime, ImageID: "img1", ImageName: "backup", DiskFormat: "raw", ContainerFormat: "bare",
		Visibility: "shared", Protected: true}, *res)
}

func TestUploadToImageWithoutGlance(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("volumes/"+idA+"/action"), testutil.JSONResponder(t, 400, "volumes/error_upload_image.json"))
	_, err := c.Volumes.UploadToImage(t.Context(), idA, volumes.UploadImageRequest{ImageName: "i"})
	// Cinder answers {"badRequest": {"message": ""}} when Glance is missing;
	// internal/rest keeps the fault name and falls back to the status text.
	assertAPIError(t, err, cinder.ErrBadRequest, 400, "badRequest", "Bad Request")
}
