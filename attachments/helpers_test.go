package attachments_test

import (
	"time"

	"github.com/gocinder/cinder/attachments"
)

// Fixture IDs (scrubbed).
const (
	attID       = "00000000-0000-4000-8000-000000000001"
	volID       = "00000000-0000-4000-8000-000000000002"
	roID        = "00000000-0000-4000-8000-000000000003"
	connectedID = "00000000-0000-4000-8000-000000000004"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// connector is the connector the fixtures were recorded with.
var connector = attachments.Connector{Initiator: "iqn.1993-08.org.debian:01:abc", IP: "127.0.0.1", Host: "localhost",
	Platform: "x86_64", OSType: "linux"}

// connectorJSON is connector on the wire.
const connectorJSON = `{"initiator":"iqn.1993-08.org.debian:01:abc","ip":"127.0.0.1","host":"localhost",` +
	`"platform":"x86_64","os_type":"linux","multipath":false}`

// connInfo is the connection_info the localfile backend gives attachment id.
func connInfo(id string) map[string]any {
	return map[string]any{
		"device_path":        "/var/lib/openstack/cinder/localfile/volume-" + volID,
		"access_mode":        "rw",
		"qos_specs":          nil,
		"encrypted":          false,
		"cacheable":          false,
		"driver_volume_type": "local",
		"attachment_id":      id,
	}
}

// fixtureAttachment is testdata/attachments/get.json decoded.
func fixtureAttachment() attachments.Attachment {
	return attachments.Attachment{ID: attID, Status: attachments.StatusAttached, VolumeID: volID, AttachedAt: stamp,
		AttachMode: attachments.ModeReadWrite, ConnectionInfo: connInfo(attID)}
}

// reserved is testdata/attachments/create.json decoded.
func reserved() attachments.Attachment {
	return attachments.Attachment{ID: attID, Status: attachments.StatusReserved, VolumeID: volID, ConnectionInfo: map[string]any{}}
}
