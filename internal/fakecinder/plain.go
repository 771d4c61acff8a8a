package fakecinder

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
)

// Link is a hypermedia link.
type Link struct {
	Rel  string `json:"rel"`
	Href string `json:"href"`
}

// PlainVolume is every key of a 3.70 volume in plain Go types, without
// our decoding methods: what a plain encoding/json client would decode.
type PlainVolume struct {
	ID                 string            `json:"id"`
	Name               string            `json:"name"`
	Description        *string           `json:"description"`
	Status             string            `json:"status"`
	Size               int               `json:"size"`
	AvailabilityZone   string            `json:"availability_zone"`
	CreatedAt          string            `json:"created_at"`
	UpdatedAt          *string           `json:"updated_at"`
	VolumeType         string            `json:"volume_type"`
	SnapshotID         *string           `json:"snapshot_id"`
	SourceVolID        *string           `json:"source_volid"`
	Metadata           map[string]string `json:"metadata"`
	Links              []Link            `json:"links"`
	UserID             string            `json:"user_id"`
	Bootable           string            `json:"bootable"`
	Encrypted          bool              `json:"encrypted"`
	ReplicationStatus  *string           `json:"replication_status"`
	ConsistencyGroupID *string           `json:"consistencygroup_id"`
	Multiattach        bool              `json:"multiattach"`
	Attachments        []struct {
		ID           string  `json:"id"`
		AttachmentID string  `json:"attachment_id"`
		VolumeID     string  `json:"volume_id"`
		ServerID     *string `json:"server_id"`
		HostName     string  `json:"host_name"`
		Device       string  `json:"device"`
		AttachedAt   string  `json:"attached_at"`
	} `json:"attachments"`
	MigrationStatus *string           `json:"migration_status"`
	GroupID         *string           `json:"group_id"`
	ProviderID      *string           `json:"provider_id"`
	SharedTargets   *bool             `json:"shared_targets"`
	ServiceUUID     string            `json:"service_uuid"`
	ClusterName     *string           `json:"cluster_name"`
	VolumeTypeID    string            `json:"volume_type_id"`
	ConsumesQuota   *bool             `json:"consumes_quota"`
	TenantID        string            `json:"os-vol-tenant-attr:tenant_id"`
	MigStat         *string           `json:"os-vol-mig-status-attr:migstat"`
	NameID          *string           `json:"os-vol-mig-status-attr:name_id"`
	Host            string            `json:"os-vol-host-attr:host"`
	ImageMetadata   map[string]string `json:"volume_image_metadata"`
}

// ListPlain is the baseline of the SDK's list: it walks c's volumes with
// net/http and a plain encoding/json decode of each page into PlainVolume,
// and returns how many it saw (it panics on an error: a benchmark's bug).
func ListPlain(ctx context.Context, c *Cinder, each func(*PlainVolume)) int {
	hc := &http.Client{Transport: c}
	endpoint := c.Endpoint()
	got := 0
	next := endpoint + "/volumes/detail"
	for next != "" {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, next, nil)
		resp, err := hc.Do(req)
		if err != nil {
			panic(err)
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			panic(err)
		}
		var page struct {
			Volumes []PlainVolume `json:"volumes"`
			Links   []Link        `json:"volumes_links"`
		}
		if err := json.Unmarshal(data, &page); err != nil {
			panic(err)
		}
		for i := range page.Volumes {
			each(&page.Volumes[i])
			got++
		}
		next = ""
		for _, l := range page.Links {
			if l.Rel == "next" {
				u, err := url.Parse(l.Href)
				if err != nil {
					panic(err)
				}
				next = endpoint + "/volumes/detail?" + u.RawQuery
			}
		}
	}
	return got
}
