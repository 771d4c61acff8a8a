package types_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/types. It makes a throwaway Keystone project (with the
// openstack CLI) for the default types, so no shared project's default
// changes. Run: CINDER_RECORD=1 go test ./types/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "types", 5*time.Minute)
	ctx, admin, demo, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save

	out, err := exec.CommandContext(ctx, "openstack", "project", "create", "--domain", "Default",
		"gocinder-rec-types-"+time.Now().Format("150405"), "-f", "value", "-c", "id").Output()
	require.NoError(t, err)
	tmpProject := strings.TrimSpace(string(out))
	t.Cleanup(func() { _ = exec.Command("openstack", "project", "delete", tmpProject).Run() })

	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	sc.Alias(demo.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")
	sc.Alias(tmpProject, "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0003")
	ty, dty := admin.Types, demo.Types

	def, err := ty.Default(ctx)
	require.NoError(t, err)
	sc.Alias(def.ID, "00000000-0000-4000-8000-000000000010")
	save("default")

	specs := map[string]string{"gocinder:rec": "1", "volume_backend_name": "localfile"}
	pub, err := ty.Create(ctx, types.CreateRequest{Name: "gocinder-rec-pub", Description: "recorded", ExtraSpecs: specs})
	require.NoError(t, err)
	t.Cleanup(func() { _ = ty.Delete(context.WithoutCancel(ctx), pub.ID) })
	sc.Alias(pub.ID, "00000000-0000-4000-8000-000000000011")
	save("create")
	priv, err := ty.Create(ctx, types.CreateRequest{Name: "gocinder-rec-priv", IsPublic: new(false),
		ExtraSpecs: map[string]string{"gocinder:rec": "1"}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = ty.Delete(context.WithoutCancel(ctx), priv.ID) })
	sc.Alias(priv.ID, "00000000-0000-4000-8000-000000000012")
	save("create_private")
	_, err = ty.Create(ctx, types.CreateRequest{Name: "gocinder-rec-pub"})
	require.ErrorIs(t, err, cinder.ErrConflict)
	save("error_create_409")

	_, err = ty.Get(ctx, pub.ID)
	require.NoError(t, err)
	save("get")
	_, err = ty.Get(ctx, "gocinder-rec-pub")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_404")
	_, err = dty.Get(ctx, pub.ID)
	require.NoError(t, err)
	save("get_demo")

	mine := map[string]string{"gocinder:rec": "1"}
	_, err = cinder.Collect(ty.List(ctx, &types.ListOptions{Visibility: types.VisibilityAll, ExtraSpecs: mine, Sort: "name:asc"}))
	require.NoError(t, err)
	save("list")
	_, next, err := ty.ListPage(ctx, &types.ListOptions{Visibility: types.VisibilityAll, ExtraSpecs: mine, Sort: "name:asc", Limit: 1})
	require.NoError(t, err)
	save("list_page1")
	_, next, err = ty.ListPage(ctx, &types.ListOptions{Visibility: types.VisibilityAll, ExtraSpecs: mine, Sort: "name:asc", Limit: 1, Marker: next})
	require.NoError(t, err)
	save("list_page2")
	_, _, err = ty.ListPage(ctx, &types.ListOptions{Visibility: types.VisibilityAll, ExtraSpecs: mine, Sort: "name:asc", Limit: 1, Marker: next})
	require.NoError(t, err)
	save("list_page3")
	_, err = cinder.Collect(dty.List(ctx, &types.ListOptions{Filters: map[string]string{"name": "x"}}))
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_list_filter")

	_, err = ty.Update(ctx, priv.ID, types.UpdateRequest{Name: new("gocinder-rec-priv2"), Description: new("private, renamed")})
	require.NoError(t, err)
	save("update")
	_, err = ty.Update(ctx, priv.ID, types.UpdateRequest{Name: new("gocinder-rec-pub")})
	require.ErrorIs(t, err, cinder.ErrConflict)
	save("error_update_409")

	// extra specs
	_, err = ty.ExtraSpecs(ctx, pub.ID)
	require.NoError(t, err)
	save("extra_specs")
	_, err = ty.SetExtraSpecs(ctx, pub.ID, map[string]string{"gocinder:a": "1", "gocinder:b": "2"})
	require.NoError(t, err)
	save("extra_specs_set")
	_, err = ty.ExtraSpec(ctx, pub.ID, "gocinder:a")
	require.NoError(t, err)
	save("extra_spec")
	require.NoError(t, ty.SetExtraSpec(ctx, pub.ID, "gocinder:a", "11"))
	save("extra_spec_set")
	require.NoError(t, ty.DeleteExtraSpec(ctx, pub.ID, "gocinder:b"))
	err = ty.DeleteExtraSpec(ctx, pub.ID, "gocinder:b")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_extra_spec_404")
	_, err = ty.ExtraSpecs(ctx, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_extra_specs_404")
	_, err = dty.SetExtraSpecs(ctx, pub.ID, map[string]string{"x": "y"})
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_extra_specs_403")

	// access
	require.NoError(t, ty.AddAccess(ctx, priv.ID, demo.ProjectID()))
	_, err = ty.ListAccess(ctx, priv.ID)
	require.NoError(t, err)
	save("access_list")
	err = ty.AddAccess(ctx, priv.ID, demo.ProjectID())
	require.ErrorIs(t, err, cinder.ErrConflict)
	save("error_access_409")
	err = ty.AddAccess(ctx, pub.ID, demo.ProjectID())
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_access_public")
	_, err = ty.ListAccess(ctx, pub.ID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_access_list_public")
	_, err = cinder.Collect(dty.List(ctx, nil))
	require.NoError(t, err)
	save("list_demo")
	require.NoError(t, ty.RemoveAccess(ctx, priv.ID, demo.ProjectID()))
	err = ty.RemoveAccess(ctx, priv.ID, demo.ProjectID())
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_remove_access")

	// encryption
	e, err := ty.GetEncryption(ctx, pub.ID)
	require.NoError(t, err)
	require.Nil(t, e)
	save("encryption_none")
	_, err = ty.GetEncryption(ctx, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_encryption_404")
	e, err = ty.CreateEncryption(ctx, pub.ID, types.CreateEncryptionRequest{Provider: "luks", ControlLocation: types.FrontEnd,
		Cipher: "aes-xts-plain64", KeySize: 256})
	require.NoError(t, err)
	sc.Alias(e.EncryptionID, "00000000-0000-4000-8000-000000000030")
	save("encryption_create")
	_, err = ty.CreateEncryption(ctx, pub.ID, types.CreateEncryptionRequest{Provider: "luks", ControlLocation: types.FrontEnd})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_encryption_exists")
	require.NoError(t, ty.UpdateEncryption(ctx, pub.ID, types.UpdateEncryptionRequest{KeySize: new(512), ControlLocation: types.BackEnd}))
	save("encryption_update")
	_, err = ty.GetEncryption(ctx, pub.ID)
	require.NoError(t, err)
	save("encryption_get")
	_, err = ty.EncryptionSpec(ctx, pub.ID, "provider")
	require.NoError(t, err)
	save("encryption_spec")
	_, err = ty.EncryptionSpec(ctx, pub.ID, "key_size")
	require.NoError(t, err)
	save("encryption_spec_key_size")
	_, err = ty.EncryptionSpec(ctx, pub.ID, "bogus")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_encryption_spec_404")
	require.NoError(t, ty.DeleteEncryption(ctx, pub.ID))
	err = ty.DeleteEncryption(ctx, pub.ID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_encryption_delete_404")

	// default types, on the throwaway project
	_, err = ty.SetDefault(ctx, tmpProject, "gocinder-rec-pub")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ty.UnsetDefault(context.WithoutCancel(ctx), tmpProject) })
	save("default_set")
	_, err = ty.GetDefault(ctx, tmpProject)
	require.NoError(t, err)
	save("default_get")
	_, err = ty.ListDefaults(ctx)
	require.NoError(t, err)
	save("default_list")
	_, err = ty.SetDefault(ctx, tmpProject, "gocinder-rec-nosuch")
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_default_set")
	_, err = dty.ListDefaults(ctx)
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_default_list_403")
	require.NoError(t, ty.UnsetDefault(ctx, tmpProject))
	_, err = ty.GetDefault(ctx, tmpProject)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_default_404")

	// deletion refused: the cloud's default type, a type in use
	err = ty.Delete(ctx, def.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_delete_default")
	v, err := admin.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "gocinder-rec-typed", VolumeType: pub.ID})
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx := context.WithoutCancel(ctx)
		_ = admin.Volumes.Delete(ctx, v.ID, nil)
		_ = admin.Volumes.WaitForDeleted(ctx, v.ID, nil)
	})
	_, err = admin.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	err = ty.Delete(ctx, pub.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_delete_in_use")
	require.NoError(t, admin.Volumes.Delete(ctx, v.ID, nil))
	require.NoError(t, admin.Volumes.WaitForDeleted(ctx, v.ID, nil))
	require.NoError(t, ty.Delete(ctx, priv.ID))
	err = ty.Delete(ctx, priv.ID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_delete_404")
}
