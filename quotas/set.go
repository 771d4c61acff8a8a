package quotas

import (
	"encoding/json"
	"fmt"
	"github.com/gocinder/cinder/internal/jsonx"
	"strings"
)

// Usage is one resource's quota usage, as GET …?usage=True shows it.
type Usage struct {
	Limit    int `json:"limit"`    // -1: unlimited
	InUse    int `json:"in_use"`   // what the project uses
	Reserved int `json:"reserved"` // reserved by operations in progress
	// Allocated is sent only by clouds running the old nested-quota
	// driver (removed in Queens); 0 otherwise.
	Allocated int `json:"allocated"`
}

// Set holds one value per quota resource: a limit (QuotaSet) or a usage
// (UsageSet).
type Set[T int | Usage] struct {
	// ID is the project ID, or the class name for a quota class.
	ID string

	Volumes            T // number of volumes
	Snapshots          T // number of snapshots
	Gigabytes          T // total volume and snapshot size, GiB
	Backups            T // number of backups
	BackupGigabytes    T // total backup size, GiB
	PerVolumeGigabytes T // largest single volume, GiB
	Groups             T // number of groups

	// Types holds the per-volume-type quotas by type name.
	Types map[string]TypeSet[T]
	// Other holds any key this client does not know (a newer Cinder's
	// resources), as the server sent it.
	Other map[string]T
}

// TypeSet is the quotas of one volume type.
type TypeSet[T int | Usage] struct {
	Volumes   T // wire: volumes_<type>
	Gigabytes T // wire: gigabytes_<type>
	Snapshots T // wire: snapshots_<type>
}

// QuotaSet is a project's or quota class's limits; -1 means unlimited.
type QuotaSet = Set[int]

// UsageSet is a project's limits with what is used and reserved.
type UsageSet = Set[Usage]

// typePrefixes are the per-type key prefixes, in wire order.
var typePrefixes = []string{"volumes_", "gigabytes_", "snapshots_"}

// UnmarshalJSON spreads the server's flat key space over the fields.
func (s *Set[T]) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := jsonx.Unmarshal(data, &raw); err != nil {
		return err
	}
	*s = Set[T]{}
	for key, val := range raw {
		if key == "id" {
			if err := jsonx.Unmarshal(val, &s.ID); err != nil {
				return fmt.Errorf("cinder: quota set id: %w", err)
			}
			continue
		}
		var v T
		if err := jsonx.Unmarshal(val, &v); err != nil {
			return fmt.Errorf("cinder: quota %s: %w", key, err)
		}
		if f := s.field(key); f != nil {
			*f = v
			continue
		}
		if typ, which, ok := typeKey(key); ok {
			if s.Types == nil {
				s.Types = map[string]TypeSet[T]{}
			}
			ts := s.Types[typ]
			switch which {
			case "volumes_":
				ts.Volumes = v
			case "gigabytes_":
				ts.Gigabytes = v
			default:
				ts.Snapshots = v
			}
			s.Types[typ] = ts
			continue
		}
		if s.Other == nil {
			s.Other = map[string]T{}
		}
		s.Other[key] = v
	}
	return nil
}

// field returns the fixed field for a wire key, or nil.
func (s *Set[T]) field(key string) *T {
	switch key {
	case "volumes":
		return &s.Volumes
	case "snapshots":
		return &s.Snapshots
	case "gigabytes":
		return &s.Gigabytes
	case "backups":
		return &s.Backups
	case "backup_gigabytes":
		return &s.BackupGigabytes
	case "per_volume_gigabytes":
		return &s.PerVolumeGigabytes
	case "groups":
		return &s.Groups
	}
	return nil
}

// typeKey splits "gigabytes_gold" into ("gold", "gigabytes_").
func typeKey(key string) (typ, prefix string, ok bool) {
	for _, p := range typePrefixes {
		if t, found := strings.CutPrefix(key, p); found && t != "" {
			return t, p, true
		}
	}
	return "", "", false
}
