package backups_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestRestore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		backup  string
		req     backups.RestoreRequest
		body    string
		fixture string
		want    backups.Restore
	}{
		{"to a new volume", bak1, backups.RestoreRequest{Name: "sb-restored"}, `{"restore":{"name":"sb-restored"}}`,
			"backups/restore.json", backups.Restore{BackupID: bak1, VolumeID: restVolID, VolumeName: "sb-restored"}},
		{"to an existing volume", bak2, backups.RestoreRequest{VolumeID: restVolID}, `{"restore":{"volume_id":"` + restVolID + `"}}`,
			"backups/restore_to_volume.json", backups.Restore{BackupID: bak2, VolumeID: restVolID, VolumeName: "sb-restored"}},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/" + tc.backup + "/restore", Version: "3.70", Body: tc.body},
			http.StatusAccepted, tc.fixture)
		r, err := c.Backups.Restore(t.Context(), tc.backup, tc.req)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, *r, tc.name)
	}
}

func TestRestoreEmptyBody(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/" + bak1 + "/restore", Body: `{"restore":{}}`},
		http.StatusAccepted, "backups/restore.json")
	_, err := c.Backups.Restore(t.Context(), bak1, backups.RestoreRequest{})
	require.NoError(t, err)
}

func TestRestoreWithTypeAndZone(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.47")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes", Version: "3.47",
		Body: `{"volume":{"backup_id":"` + bak3 + `","name":"sb-restored-347","volume_type":"__DEFAULT__","availability_zone":"nova"}}`},
		http.StatusAccepted, "backups/restore_create_volume.json")
	r, err := c.Backups.Restore(t.Context(), bak3, backups.RestoreRequest{Name: "sb-restored-347", VolumeType: "__DEFAULT__", AvailabilityZone: "nova"})
	require.NoError(t, err)
	assert.Equal(t, backups.Restore{BackupID: bak3, VolumeID: "00000000-0000-4000-8000-000000000016", VolumeName: "sb-restored-347"}, *r)
}

func TestRestoreRefused(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.46")
	_, err := c.Backups.Restore(t.Context(), bak1, backups.RestoreRequest{VolumeType: "fast"})
	testutil.RequireVersionError(t, err, "3.47")
	_, err = c.Backups.Restore(t.Context(), bak1, backups.RestoreRequest{AvailabilityZone: "nova"})
	testutil.RequireVersionError(t, err, "3.47")
	c70, mock70 := testutil.NewClient(t, "3.70")
	_, err = c70.Backups.Restore(t.Context(), bak1, backups.RestoreRequest{VolumeID: restVolID, VolumeType: "fast"})
	require.ErrorContains(t, err, "existing volume")
	assert.Equal(t, 0, mock.GetTotalCallCount()+mock70.GetTotalCallCount())
}

func TestRestoreError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/" + bak1 + "/restore", Body: `{"restore":{"volume_id":"v"}}`},
		http.StatusBadRequest, "backups/error_restore.json")
	_, err := c.Backups.Restore(t.Context(), bak1, backups.RestoreRequest{VolumeID: "v"})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "must be available")

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes",
		Body: `{"volume":{"backup_id":"nope","volume_type":"fast"}}`}, http.StatusNotFound, "backups/error_404.json")
	_, err = c.Backups.Restore(t.Context(), "nope", backups.RestoreRequest{VolumeType: "fast"})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

// exported is testdata/backups/export.json decoded.
func exported(t *testing.T) backups.Record {
	var env struct {
		Record backups.Record `json:"backup-record"`
	}
	testutil.DecodeFixture(t, "backups/export.json", &env)
	return env.Record
}

func TestExportRecord(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/" + bak1 + "/export_record", Version: "3.70"},
		http.StatusOK, "backups/export.json")
	r, err := c.Backups.ExportRecord(t.Context(), bak1)
	require.NoError(t, err)
	assert.Equal(t, "cinder.backup.drivers.posix.PosixBackupDriver", r.BackupService)
	assert.Equal(t, exported(t), *r)
	raw, err := base64.StdEncoding.DecodeString(r.BackupURL)
	require.NoError(t, err)
	var inner map[string]any
	require.NoError(t, json.Unmarshal(raw, &inner))
	assert.Equal(t, bak1, inner["id"], "the URL carries the backup's own record")
}

func TestExportRecordNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/nope/export_record"}, http.StatusNotFound, "backups/error_404.json")
	_, err := c.Backups.ExportRecord(t.Context(), "nope")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestImportRecord(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	rec := exported(t)
	body, err := json.Marshal(map[string]any{"backup-record": map[string]string{"backup_service": rec.BackupService, "backup_url": rec.BackupURL}})
	require.NoError(t, err)
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/import_record", Version: "3.70", Body: string(body)},
		http.StatusCreated, "backups/import.json")
	b, err := c.Backups.ImportRecord(t.Context(), rec)
	require.NoError(t, err)
	assert.Equal(t, ref(bakImp, ""), *b)
}

func TestImportRecordErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Backups.ImportRecord(t.Context(), backups.Record{BackupService: "x"})
	require.ErrorContains(t, err, "backup service and URL")
	assert.Equal(t, 0, mock.GetTotalCallCount())

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups/import_record",
		Body: `{"backup-record":{"backup_service":"s","backup_url":"dQ=="}}`}, http.StatusBadRequest, "backups/error_import.json")
	_, err = c.Backups.ImportRecord(t.Context(), backups.Record{BackupService: "s", BackupURL: "dQ=="})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Backup already exists in database")
}
