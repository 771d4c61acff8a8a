package cindertest

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/gocinder/cinder/internal/pyfmt"
)

const cinderTime = "2006-01-02T15:04:05.000000"

const defaultHost = "emulator@lvm#pool"

type attachment struct {
	ID         string
	VolumeID   string
	ServerID   string
	HostName   string
	Device     string
	AttachedAt time.Time
	DetachedAt *time.Time
	Mode       string
	// Status is the attach_status of the attachments API: reserved,
	// attaching, attached; "" for legacy os-attach attachments (attached).
	Status    string
	Connector map[string]any
	// AccessMode is connection_info's access_mode, fixed when the connector
	// arrives.
	AccessMode string
	CreatedAt  time.Time
}

// attached reports whether the attachment shows in the volume's attachments.
func (a *attachment) attached() bool { return a.Status == "" || a.Status == "attached" }

// volume is one stored volume; all fields are guarded by Server.mu.
type volume struct {
	ID, ProjectID, UserID string
	Name, Description     *string
	Size                  int
	Status                string
	AttachStatus          string
	MigrationStatus       *string
	AZ                    string
	TypeID                string
	SnapshotID, SourceVol *string
	BackupID, GroupID     *string
	Metadata              map[string]string
	ImageMetadata         map[string]string // nil: no glance metadata
	AdminMetadata         map[string]string
	Bootable, Encrypted   bool
	Multiattach           bool
	Attachments           []*attachment
	CreatedAt             time.Time
	UpdatedAt             *time.Time
	Host                  string
	ConsumesQuota         bool
	// pending is the lazy transition: at pendingAt the volume reaches
	// pendingStatus, or disappears when pendingStatus is "".
	pending       bool
	pendingStatus string
	pendingAt     time.Time
	pendingFn     func(v *volume)
}

type volumeType struct {
	ID, Name    string
	Description *string
	IsPublic    bool
	ExtraSpecs  map[string]*string // a nil value is a JSON null
	Access      map[string]bool    // projects with access to a private type
	QosID       string
	Encryption  *encryption
	CreatedAt   time.Time
}

// store holds Cinder state; guarded by Server.mu.
type store struct {
	volumes   map[string]*volume
	snapshots map[string]*snapshot
	backups   map[string]*backup
	transfers map[string]*transfer
	types     map[string]*volumeType
	qos       map[string]*qosSpec
	messages  map[string]*message
	// groupTypes, groups and groupSnaps are the generic volume groups (3.11-3.14).
	groupTypes map[string]*groupType
	groups     map[string]*group
	groupSnaps map[string]*groupSnapshot
	jobs       []job
	defType    string
	projTypes  map[string]string         // project -> default volume type (3.62)
	quotas     map[string]map[string]int // project -> overridden limits (per-type keys use the type ID)
	classes    map[string]map[string]int // quota class -> overridden limits
	defaults   Quotas
	seq        int64
	lastNow    time.Time
	clock      func() time.Time // Options.Now
	services   []*service
	// backendVolumes are the volumes on the backend that Cinder may manage
	// (manageable_volumes): two fixed ones, then every unmanaged volume.
	backendVolumes []backendVolume
	logLevels      map[string]string // "binary host logger" -> level set by os-services/set-log
}

func newStore(defaults Quotas, clock func() time.Time) *store {
	st := &store{clock: clock, services: newServices(), backendVolumes: slices.Clone(unmanaged), volumes: map[string]*volume{}, snapshots: map[string]*snapshot{},
		backups: map[string]*backup{}, transfers: map[string]*transfer{},
		types: map[string]*volumeType{}, qos: map[string]*qosSpec{}, messages: map[string]*message{},
		projTypes: map[string]string{}, quotas: map[string]map[string]int{}, classes: map[string]map[string]int{},
		defaults: defaults, groupTypes: map[string]*groupType{}, groups: map[string]*group{},
		groupSnaps: map[string]*groupSnapshot{}}
	t := &volumeType{ID: newUUID(), Name: "__DEFAULT__", Description: ptr("Default Volume Type"),
		IsPublic: true, ExtraSpecs: map[string]*string{}, CreatedAt: st.now()}
	st.types[t.ID] = t
	st.defType = t.ID
	gt := newDefaultCGSnapshotType(st.now())
	st.groupTypes[gt.ID] = gt
	return st
}

// now returns a strictly increasing time so that created_at ordering is total.
func (st *store) now() time.Time {
	n := st.clock().UTC().Truncate(time.Microsecond)
	if !n.After(st.lastNow) {
		n = st.lastNow.Add(time.Microsecond)
	}
	st.lastNow = n
	return n
}

// transition puts v into a transient status that resolves to final after delay.
// final "" deletes the volume. fn, if set, runs when the transition completes.
func (st *store) transition(v *volume, transient, final string, delay time.Duration, fn func(*volume)) {
	v.Status = transient
	v.pending, v.pendingStatus, v.pendingFn = true, final, fn
	v.pendingAt = st.clock().Add(delay)
	st.touch(v)
}

func (st *store) touch(v *volume) {
	t := st.now()
	v.UpdatedAt = &t
}

// settle completes due transitions. A transition started by the previous
// request is due at the next one when delay is zero.
func (st *store) settle(now time.Time, _ time.Duration) {
	st.runJobs(now)
	for id, v := range st.volumes {
		if !v.pending || now.Before(v.pendingAt) {
			continue
		}
		v.pending = false
		if v.pendingStatus == "" {
			delete(st.volumes, id)
			for sid, sn := range st.snapshots {
				if sn.VolumeID == id {
					delete(st.snapshots, sid)
				}
			}
			continue
		}
		v.Status = v.pendingStatus
		if v.pendingFn != nil {
			v.pendingFn(v)
			v.pendingFn = nil
		}
		st.touch(v)
	}
}

func (st *store) quota(project string) Quotas {
	q := st.classQuota("default")
	for _, f := range quotaFields(&q) {
		if n, ok := st.quotas[project][f.name]; ok {
			*f.p = n
		}
	}
	return q
}

// usage counts volumes and gigabytes that consume quota in project.
func (st *store) usage(project string) (vols, gigs, snaps int) {
	for _, v := range st.volumes {
		if v.ProjectID == project && v.ConsumesQuota {
			vols++
			gigs += v.Size
		}
	}
	for _, s := range st.snapshots {
		if s.ProjectID == project && s.ConsumesQuota {
			snaps++
			gigs += s.Size
		}
	}
	return vols, gigs, snaps
}

// backupUsage counts backups and backup gigabytes in project.
func (st *store) backupUsage(project string) (n, gigs int) {
	for _, b := range st.backups {
		if b.ProjectID == project {
			n++
			gigs += b.Size
		}
	}
	return n, gigs
}

// checkQuota returns Cinder's 413 message for adding vols volumes and gigs
// GiB of volume type typeID ("" = no per-type check), or "".
func (st *store) checkQuota(project, typeID string, vols, gigs int) string {
	q := st.quota(project)
	uv, ug, _ := st.usage(project)
	if q.PerVolumeGigabytes >= 0 && vols > 0 && gigs > q.PerVolumeGigabytes {
		return fmt.Sprintf("VolumeSizeExceedsLimit: Requested volume size %dG is larger than maximum allowed limit %dG.",
			gigs, q.PerVolumeGigabytes)
	}
	gigsOver := func(key string, limit, used int) string {
		return fmt.Sprintf("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed %s quota. "+
			"Requested %dG, quota is %dG and %dG has been consumed.", key, gigs, limit, used)
	}
	volsOver := func(key string, limit int) string {
		return fmt.Sprintf("VolumeLimitExceeded: Maximum number of volumes allowed (%d) exceeded for quota '%s'.", limit, key)
	}
	t := st.types[typeID]
	var tu map[string]int
	if t != nil {
		tu = st.typeUsage(project, t.ID)
	}
	if q.Gigabytes >= 0 && ug+gigs > q.Gigabytes {
		return gigsOver("gigabytes", q.Gigabytes, ug)
	}
	if t != nil && gigs > 0 {
		if l := st.typeLimit(project, "gigabytes", t.ID); l >= 0 && tu["gigabytes"]+gigs > l {
			return gigsOver("gigabytes_"+t.Name, l, tu["gigabytes"])
		}
	}
	if q.Volumes >= 0 && vols > 0 && uv+vols > q.Volumes {
		return volsOver("volumes", q.Volumes)
	}
	if t != nil && vols > 0 {
		if l := st.typeLimit(project, "volumes", t.ID); l >= 0 && tu["volumes"]+vols > l {
			return volsOver("volumes_"+t.Name, l)
		}
	}
	return ""
}

func (st *store) typeByNameOrID(s string) *volumeType {
	if t, ok := st.types[s]; ok {
		return t
	}
	for _, t := range st.types {
		if t.Name == s {
			return t
		}
	}
	return nil
}

// snapshotsOf returns the volume's snapshots, newest first.
func (st *store) snapshotsOf(volID string) []*snapshot {
	var out []*snapshot
	for _, s := range st.snapshots {
		if s.VolumeID == volID {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return out
}

// visibleVolume returns the volume if the caller may see it.
func (c *call) visibleVolume(id string) *volume {
	return visibleIn(c, c.s.st.volumes, id, volumeProject)
}

func volumeProject(v *volume) string { return v.ProjectID }

// volumeOr404 looks a volume up or answers Cinder's 404.
func (c *call) volumeOr404(id string) *volume {
	return visibleOr404(c, c.s.st.volumes, id, volumeProject, "Volume %s could not be found.")
}

func ptr[T any](v T) *T { return &v }

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// pyRepr renders a decoded JSON value the way Python's repr() would (str()
// for a string when quote is false), for copying Cinder's jsonschema
// messages; the formatting is internal/pyfmt's, shared with the CLI.
func pyRepr(v any, quote bool) string {
	if s, ok := v.(string); ok && !quote {
		return s
	}
	pv, err := pyfmt.FromValue(v) // map keys sorted: encoding/json does not keep the request's order
	if err != nil {
		return fmt.Sprint(v)
	}
	return pyfmt.Repr(pv)
}

// orderedKeys returns map keys; the order of JSON objects is not preserved by
// encoding/json, so keys are sorted (messages then differ from Cinder only in order).
func orderedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
