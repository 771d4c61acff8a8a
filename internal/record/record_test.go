package record_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/internal/record"
)

func TestScrub(t *testing.T) {
	t.Parallel()
	in := `{"volume": {"id": "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "source_volid": "3F1C2A4E-5B6D-4E7F-8A9B-0C1D2E3F4A5B",
"service_uuid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
"os-vol-host-attr:host": "myhost.local@localfile#localfile", "cluster_name": "myhost@localfile",
"os-vol-tenant-attr:tenant_id": "eb2ca07cee11466ca1783a674ddb3752", "user_id": "11111111111111111111111111111111",
"created_at": "2025-03-04T05:06:07.123456", "updated_at": "2025-03-04T05:06:07+00:00",
"links": [{"href": "http://127.0.0.1:8776/v3/eb2ca07cee11466ca1783a674ddb3752/volumes/3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"}],
"message": "request req-12345678-1234-1234-1234-123456789abc token gAAAAABnX_1-abc=", "host_name": "box1"}}`
	want := `{"volume": {"id": "00000000-0000-4000-8000-000000000001", "source_volid": "00000000-0000-4000-8000-000000000001",
"service_uuid": "00000000-0000-4000-8000-000000000002",
"os-vol-host-attr:host": "cinder-host@backend#pool", "cluster_name": "cinder-host@backend",
"os-vol-tenant-attr:tenant_id": "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001", "user_id": "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002",
"created_at": "2024-05-01T12:00:00.000000", "updated_at": "2024-05-01T12:00:00+00:00",
"links": [{"href": "https://cinder.example.com:8776/v3/0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001/volumes/00000000-0000-4000-8000-000000000001"}],
"message": "request req-00000000-0000-4000-8000-000000000001 token gAAAAA-scrubbed-token", "host_name": "cinder-host"}}`
	got := record.Scrub([]byte(in))
	assert.JSONEq(t, want, string(got))
	assert.Equal(t, string(got), string(record.Scrub(got)), "scrubbing twice changes nothing")
}

func TestScrubberAliasAndReplace(t *testing.T) {
	t.Parallel()
	s := record.NewScrubber()
	s.Alias("eb2ca07cee11466ca1783a674ddb3752", "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001")
	s.Replace("/tmp/os/cinder", "/var/lib/cinder")
	got := s.Scrub([]byte(`["ffffffffffffffffffffffffffffffff", "eb2ca07cee11466ca1783a674ddb3752", "/tmp/os/cinder/x"]`))
	assert.JSONEq(t, `["0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002", "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001", "/var/lib/cinder/x"]`, string(got))
	// the same real ID keeps its fake across calls
	again := s.Scrub([]byte(`"ffffffffffffffffffffffffffffffff"`))
	assert.Equal(t, `"0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"`, string(again))
}

func TestRecorderSave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rec := record.NewRecorder(dir)
	rt := rec.Transport(roundTrip(`{"volume": {"id": "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"}}`))
	req := newRequest(t)
	resp, err := rt.RoundTrip(req)
	if !assert.NoError(t, err) {
		return
	}
	var body map[string]any
	assert.NoError(t, json.NewDecoder(resp.Body).Decode(&body), "the caller still reads the body")
	assert.NoError(t, rec.Save("sub/get"))
	data, err := os.ReadFile(dir + "/sub/get.json")
	assert.NoError(t, err)
	assert.Equal(t, "{\n  \"volume\": {\n    \"id\": \"00000000-0000-4000-8000-000000000001\"\n  }\n}\n", string(data))
}
