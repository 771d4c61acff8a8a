//go:build diff

package diff

import "context"

// line is one command line of the table.
type line struct {
	name  string   // unique; ALLOWLIST refers to it
	cmd   string   // the arguments after `cinder`, with {placeholders} (fixtures_test.go)
	fx    []string // fixtures, created before each run
	ro    bool     // the command changes nothing: one set of fixtures serves both runs
	demo  bool     // run as the demo user, a member (not admin) of the line's project
	other bool     // the fixtures live in a second project (transfers to accept)
	// exclusive: the command lists resources no project owns (types, QoS
	// specs; quotas show one row per volume type), so the line runs while
	// no other line does
	exclusive bool
	env       []string // extra environment, K=V
	stdin     string
	prep      func(context.Context, *project) error
}

// Frequently used fixture sets.
var (
	vol      = []string{"vol v1"}
	vol2     = []string{"vol v1", "vol v2"}
	volSnap  = []string{"vol v1", "snap s1 v1"}
	volBack  = []string{"vol v1", "backup b1 v1"}
	volXfer  = []string{"vol v1", "transfer x1 v1"}
	volAtt   = []string{"vol v1", "attach a1 v1"}
	typ      = []string{"type t1"}
	typEnc   = []string{"type t1", "enc t1"}
	qosT     = []string{"qos q1 read_iops_sec=100", "type t1"}
	qosAssoc = []string{"qos q1 read_iops_sec=100", "type t1", "assoc q1 t1"}
	grp      = []string{"type t1", "gtype gt1", "group g1 gt1 t1"}
	grpSnap  = []string{"type t1", "gtype gt1", "group g1 gt1 t1", "gsnap gs1 g1"}
	priv     = []string{"private pt1"}
)

const noSuch = "3f0b1b8e-0000-4000-8000-00000000dead" // an ID no resource has

// table is the differential test's command lines: every command of
// `cinder --os-volume-api-version 3.70 bash-completion` at least once,
// then name-or-ID lookups, filters, sort, pagination, --all-tenants,
// microversions and error cases.
func table() []line {
	return []line{
		// ---- informational
		{name: "absolute-limits", cmd: "absolute-limits", ro: true},
		{name: "api-version", cmd: "api-version", ro: true},
		{name: "availability-zone-list", cmd: "availability-zone-list", ro: true},
		{name: "list-extensions", cmd: "list-extensions", ro: true},
		{name: "rate-limits", cmd: "rate-limits", ro: true},
		{name: "version-list", cmd: "version-list", ro: true},
		{name: "get-pools", cmd: "get-pools", ro: true},
		{name: "get-pools-detail", cmd: "get-pools --detail", ro: true, exclusive: true},
		{name: "get-capabilities", cmd: "get-capabilities {volhost}", ro: true},
		{name: "service-list", cmd: "service-list --binary cinder-volume", ro: true},
		{name: "service-list-host", cmd: "service-list --host {volhost}", ro: true},
		{name: "service-get-log", cmd: "--os-volume-api-version 3.32 service-get-log --binary cinder-api --server nosuchhost", ro: true},
		{name: "service-set-log", cmd: "--os-volume-api-version 3.32 service-set-log --binary cinder-api --server nosuchhost DEBUG"},
		{name: "service-enable", cmd: "service-enable nosuchhost cinder-volume"},
		{name: "service-disable", cmd: "service-disable nosuchhost cinder-volume"},
		{name: "service-disable-reason", cmd: "service-disable --reason maintenance nosuchhost cinder-volume"},
		{name: "freeze-host", cmd: "freeze-host nosuchhost"},
		{name: "thaw-host", cmd: "thaw-host nosuchhost"},
		{name: "failover-host", cmd: "failover-host nosuchhost"},
		{name: "failover-host-3.26", cmd: "--os-volume-api-version 3.26 failover-host --backend_id x nosuchhost"},
		{name: "cluster-list", cmd: "--os-volume-api-version 3.7 cluster-list", ro: true},
		{name: "cluster-list-detailed", cmd: "--os-volume-api-version 3.7 cluster-list --detailed", ro: true},
		{name: "cluster-show", cmd: "--os-volume-api-version 3.7 cluster-show nosuchcluster", ro: true},
		{name: "cluster-enable", cmd: "--os-volume-api-version 3.7 cluster-enable nosuchcluster"},
		{name: "cluster-disable", cmd: "--os-volume-api-version 3.7 cluster-disable nosuchcluster"},
		{name: "work-cleanup", cmd: "--os-volume-api-version 3.24 work-cleanup --host nosuchhost"},
		{name: "list-filters", cmd: "--os-volume-api-version 3.33 list-filters", ro: true},
		{name: "list-filters-resource", cmd: "--os-volume-api-version 3.33 list-filters --resource volume", ro: true},
		{name: "summary", cmd: "--os-volume-api-version 3.12 summary", fx: vol, ro: true},
		{name: "manageable-list", cmd: "--os-volume-api-version 3.8 manageable-list {volhost}", ro: true},
		{name: "snapshot-manageable-list", cmd: "--os-volume-api-version 3.8 snapshot-manageable-list {volhost}", ro: true},
		{name: "message-list", cmd: "--os-volume-api-version 3.3 message-list", ro: true},
		{name: "message-show", cmd: "--os-volume-api-version 3.3 message-show " + noSuch, ro: true},
		{name: "message-delete", cmd: "--os-volume-api-version 3.3 message-delete " + noSuch},
		{name: "help", cmd: "help", ro: true},
		{name: "help-create", cmd: "help create", ro: true},
		{name: "help-3.0", cmd: "--os-volume-api-version 3.0 help", ro: true},
		{name: "help-group-list-3.0", cmd: "--os-volume-api-version 3.0 help group-list", ro: true},
		{name: "create-help", cmd: "create --help", ro: true},

		// ---- volumes
		{name: "create", cmd: "create --name {prefix}new 1"},
		{name: "create-noname", cmd: "create 1"},
		{name: "create-desc-meta", cmd: "create --name {prefix}new --description hello --metadata a=1 b=2 1"},
		{name: "create-type", cmd: "create --volume-type {t1.name} --name {prefix}new 1", fx: typ},
		{name: "create-az", cmd: "create --availability-zone nova --name {prefix}new 1"},
		{name: "create-from-snap", cmd: "create --snapshot-id {s1} --name {prefix}new 1", fx: volSnap},
		{name: "create-from-vol", cmd: "create --source-volid {v1} --name {prefix}new 1", fx: vol},
		{name: "create-minus-1", cmd: "create -1"},
		{name: "create-0", cmd: "create 0"},
		{name: "create-display-name", cmd: "create --display-name {prefix}new 1"},
		{name: "create-display_name", cmd: "create --display_name {prefix}new 1"},
		{name: "create-meta-novalue", cmd: "create --metadata novalue --name {prefix}new 1"},
		{name: "create-nosize", cmd: "create --name {prefix}new"},
		{name: "create-badsize", cmd: "create big"},
		{name: "create-unknown-opt", cmd: "create --no-such-option 1"},
		{name: "show", cmd: "show {v1}", fx: vol, ro: true},
		{name: "show-name", cmd: "show {v1.name}", fx: vol, ro: true},
		{name: "show-name-demo", cmd: "show {v1.name}", fx: vol, ro: true, demo: true},
		{name: "show-nosuch", cmd: "show nosuchvolume", ro: true},
		{name: "show-nosuch-id", cmd: "show " + noSuch, ro: true},
		{name: "show-ambiguous", cmd: "show {prefix}dup", fx: []string{"vol dup", "vol dup"}, ro: true},
		{name: "show-json", cmd: "--format json show {v1}", fx: vol, ro: true},
		{name: "delete", cmd: "delete {v1}", fx: vol},
		{name: "delete-name", cmd: "delete {v1.name}", fx: vol},
		{name: "delete-two", cmd: "delete {v1} {v2}", fx: vol2},
		{name: "delete-cascade", cmd: "delete --cascade {v1}", fx: volSnap},
		{name: "delete-nosuch", cmd: "delete nosuchvolume"},
		{name: "force-delete", cmd: "force-delete {v1}", fx: vol},
		{name: "rename", cmd: "rename {v1} {prefix}renamed", fx: vol},
		{name: "rename-desc", cmd: "rename --description newdesc {v1}", fx: vol},
		{name: "rename-name", cmd: "rename {v1.name} {prefix}renamed", fx: vol},
		{name: "extend", cmd: "extend {v1} 2", fx: vol},
		{name: "extend-0", cmd: "extend {v1} 0", fx: vol},
		{name: "extend-minus", cmd: "extend {v1} -1", fx: vol},
		{name: "reset-state", cmd: "reset-state --state error {v1}", fx: vol},
		{name: "reset-state-attach", cmd: "reset-state --attach-status detached {v1}", fx: vol},
		{name: "set-bootable", cmd: "set-bootable {v1} true", fx: vol},
		{name: "readonly-mode-update", cmd: "readonly-mode-update {v1} true", fx: vol},
		{name: "retype", cmd: "retype {v1} {t1.name}", fx: []string{"vol v1", "type t1"}},
		{name: "retype-policy", cmd: "retype --migration-policy on-demand {v1} {t1.name}", fx: []string{"vol v1", "type t1"}},
		{name: "migrate", cmd: "migrate {v1} nosuchhost@x#y", fx: vol},
		{name: "upload-to-image", cmd: "upload-to-image {v1} {prefix}img", fx: vol},
		{name: "reimage", cmd: "--os-volume-api-version 3.68 reimage {v1} " + noSuch, fx: vol},
		{name: "revert-to-snapshot", cmd: "--os-volume-api-version 3.40 revert-to-snapshot {s1}", fx: volSnap},
		{name: "manage", cmd: "manage --name {prefix}managed {pool} nosuchsource"},
		{name: "unmanage", cmd: "unmanage {v1}", fx: vol},
		{name: "metadata-set", cmd: "metadata {v1} set k=v x=y", fx: vol},
		{name: "metadata-unset", cmd: "metadata {v1} unset a", fx: []string{"vol v1 meta=a=1"}},
		{name: "metadata-show", cmd: "metadata-show {v1}", fx: []string{"vol v1 meta=a=1"}, ro: true},
		{name: "metadata-update-all", cmd: "metadata-update-all {v1} c=3", fx: []string{"vol v1 meta=a=1"}},
		{name: "image-metadata-set", cmd: "image-metadata {v1} set k=v", fx: vol},
		{name: "image-metadata-show", cmd: "image-metadata-show {v1}", fx: vol, ro: true},

		// ---- list: filters, sort, pagination, tenants, formats
		{name: "list", cmd: "list", fx: vol2, ro: true},
		{name: "list-demo", cmd: "list", fx: vol2, ro: true, demo: true},
		{name: "list-name", cmd: "list --name {v1.name}", fx: vol2, ro: true},
		{name: "list-status", cmd: "list --status available", fx: vol2, ro: true},
		{name: "list-metadata", cmd: "list --metadata a=1", fx: []string{"vol v1 meta=a=1", "vol v2"}, ro: true},
		{name: "list-filters-name", cmd: "--os-volume-api-version 3.33 list --filters name={v1.name}", fx: vol2, ro: true},
		{name: "list-limit", cmd: "list --limit 1", fx: vol2, ro: true},
		{name: "list-limit-0", cmd: "list --limit 0", fx: vol2, ro: true},
		{name: "list-marker", cmd: "list --marker {v1} --sort name:asc", fx: vol2, ro: true},
		{name: "list-sort-name", cmd: "list --sort name:asc", fx: vol2, ro: true},
		{name: "list-sort-desc", cmd: "list --sort size:desc,name", fx: []string{"vol v1", "vol v2 size=2"}, ro: true},
		{name: "list-sort-key", cmd: "list --sort_key size --sort_dir asc", fx: vol2, ro: true},
		{name: "list-sort-bad", cmd: "list --sort nosuchkey", fx: vol, ro: true},
		{name: "list-all-tenants", cmd: "list --all-tenants --name {v1.name}", fx: vol, ro: true},
		{name: "list-all-tenants-1", cmd: "list --all-tenants 1 --name {v1.name}", fx: vol, ro: true},
		{name: "list-all_tenants", cmd: "list --all_tenants --name {v1.name}", fx: vol, ro: true},
		{name: "list-tenant", cmd: "list --all-tenants --tenant {project}", fx: vol, ro: true},
		{name: "list-with-count", cmd: "--os-volume-api-version 3.45 list --with-count", fx: vol2, ro: true},
		{name: "list-fields", cmd: "list --fields name,size", fx: vol, ro: true},
		{name: "list-3.0", cmd: "--os-volume-api-version 3.0 list", fx: vol, ro: true},
		{name: "list-3.70", cmd: "--os-volume-api-version 3.70 list", fx: vol, ro: true},
		{name: "list-json", cmd: "--format json list", fx: vol, ro: true},
		{name: "list-version-2", cmd: "--os-volume-api-version 2 list", ro: true},
		{name: "list-version-4", cmd: "--os-volume-api-version 4.0 list", ro: true},
		{name: "list-version-bad", cmd: "--os-volume-api-version 3.x list", ro: true},
		{name: "list-version-high", cmd: "--os-volume-api-version 3.99 list", ro: true},
		{name: "list-os-token", cmd: "list", ro: true, env: []string{"OS_PASSWORD=", "OS_TOKEN={token}"}},
		{name: "list-no-password", cmd: "list", ro: true, env: []string{"OS_PASSWORD="}},
		{name: "list-os_username", cmd: "--os_username {adminuser} list", ro: true},
		{name: "unknown-command", cmd: "no-such-command", ro: true},

		// ---- snapshots
		{name: "snapshot-create", cmd: "snapshot-create --name {prefix}snap {v1}", fx: vol},
		{name: "snapshot-create-name", cmd: "snapshot-create --name {prefix}snap {v1.name}", fx: vol},
		{name: "snapshot-create-meta", cmd: "snapshot-create --metadata a=1 --name {prefix}snap {v1}", fx: vol},
		{name: "snapshot-create-display_name", cmd: "snapshot-create --display_name {prefix}snap {v1}", fx: vol},
		{name: "snapshot-delete", cmd: "snapshot-delete {s1}", fx: volSnap},
		{name: "snapshot-delete-name", cmd: "snapshot-delete {s1.name}", fx: volSnap},
		{name: "snapshot-list", cmd: "snapshot-list", fx: volSnap, ro: true},
		{name: "snapshot-list-volume", cmd: "snapshot-list --volume-id {v1}", fx: volSnap, ro: true},
		{name: "snapshot-list-name", cmd: "snapshot-list --name {s1.name}", fx: volSnap, ro: true},
		{name: "snapshot-list-all-tenants", cmd: "snapshot-list --all-tenants --name {s1.name}", fx: volSnap, ro: true},
		{name: "snapshot-show", cmd: "snapshot-show {s1}", fx: volSnap, ro: true},
		{name: "snapshot-show-name", cmd: "snapshot-show {s1.name}", fx: volSnap, ro: true},
		{name: "snapshot-show-nosuch", cmd: "snapshot-show nosuchsnap", ro: true},
		{name: "snapshot-rename", cmd: "snapshot-rename {s1} {prefix}renamed", fx: volSnap},
		{name: "snapshot-reset-state", cmd: "snapshot-reset-state --state error {s1}", fx: volSnap},
		{name: "snapshot-metadata", cmd: "snapshot-metadata {s1} set k=v", fx: volSnap},
		{name: "snapshot-metadata-show", cmd: "snapshot-metadata-show {s1}", fx: volSnap, ro: true},
		{name: "snapshot-metadata-update-all", cmd: "snapshot-metadata-update-all {s1} k=v", fx: volSnap},
		{name: "snapshot-manage", cmd: "snapshot-manage --name {prefix}ms {v1} nosuchsource", fx: vol},
		{name: "snapshot-unmanage", cmd: "snapshot-unmanage {s1}", fx: volSnap},

		// ---- backups
		{name: "backup-create", cmd: "backup-create --name {prefix}bk {v1}", fx: vol},
		{name: "backup-create-name", cmd: "backup-create --name {prefix}bk {v1.name}", fx: vol},
		{name: "backup-delete", cmd: "backup-delete {b1}", fx: volBack},
		{name: "backup-delete-name", cmd: "backup-delete {b1.name}", fx: volBack},
		{name: "backup-list", cmd: "backup-list", fx: volBack, ro: true},
		{name: "backup-list-name", cmd: "backup-list --name {b1.name}", fx: volBack, ro: true},
		{name: "backup-show", cmd: "backup-show {b1}", fx: volBack, ro: true},
		{name: "backup-show-name", cmd: "backup-show {b1.name}", fx: volBack, ro: true},
		{name: "backup-export", cmd: "backup-export {b1}", fx: volBack, ro: true},
		{name: "backup-import", cmd: "backup-import cinder.backup.drivers.posix.PosixBackupDriver bm90YmFja3Vw"},
		{name: "backup-reset-state", cmd: "backup-reset-state --state error {b1}", fx: volBack},
		{name: "backup-restore", cmd: "backup-restore {b1}", fx: volBack},
		{name: "backup-restore-name", cmd: "backup-restore --name {prefix}restored {b1}", fx: volBack},
		{name: "backup-update", cmd: "--os-volume-api-version 3.9 backup-update --name {prefix}renamed {b1}", fx: volBack},

		// ---- transfers
		{name: "transfer-create", cmd: "transfer-create {v1}", fx: vol},
		{name: "transfer-create-name", cmd: "transfer-create --name {prefix}xf {v1.name}", fx: vol},
		{name: "transfer-list", cmd: "transfer-list", fx: volXfer, ro: true},
		{name: "transfer-show", cmd: "transfer-show {x1}", fx: volXfer, ro: true},
		{name: "transfer-show-name", cmd: "transfer-show {x1.name}", fx: volXfer, ro: true},
		{name: "transfer-delete", cmd: "transfer-delete {x1}", fx: volXfer},
		{name: "transfer-delete-name", cmd: "transfer-delete {x1.name}", fx: volXfer},
		{name: "transfer-accept", cmd: "transfer-accept {x1} {x1.key}", fx: volXfer, other: true},
		{name: "transfer-accept-badkey", cmd: "transfer-accept {x1} 0000000000000000", fx: volXfer, other: true},

		// ---- attachments
		{name: "attachment-create", cmd: "--os-volume-api-version 3.27 attachment-create {v1} 7d9d4c4e-3b1a-4c53-9a62-2b8f5e0c1d02", fx: vol},
		{name: "attachment-list", cmd: "--os-volume-api-version 3.27 attachment-list", fx: volAtt, ro: true},
		{name: "attachment-show", cmd: "--os-volume-api-version 3.27 attachment-show {a1}", fx: volAtt, ro: true},
		{name: "attachment-delete", cmd: "--os-volume-api-version 3.27 attachment-delete {a1}", fx: volAtt},
		{name: "attachment-update", cmd: "--os-volume-api-version 3.27 attachment-update --initiator iqn.1993-08.org.debian:01:diff --ip 127.0.0.1 --host diffhost {a1}", fx: volAtt},
		{name: "attachment-complete", cmd: "--os-volume-api-version 3.44 attachment-complete {a1}", fx: volAtt},

		// ---- volume types, extra specs, access, encryption, defaults
		{name: "type-list", cmd: "type-list", fx: typ, ro: true, exclusive: true},
		{name: "type-show", cmd: "type-show {t1}", fx: typ, ro: true},
		{name: "type-show-name", cmd: "type-show {t1.name}", fx: typ, ro: true},
		{name: "type-create", cmd: "type-create {prefix}newtype"},
		{name: "type-create-private", cmd: "type-create --is-public false --description d {prefix}newtype"},
		{name: "type-update", cmd: "type-update --description newdesc {t1}", fx: typ},
		{name: "type-delete", cmd: "type-delete {t1}", fx: typ},
		{name: "type-delete-name", cmd: "type-delete {t1.name}", fx: typ},
		{name: "type-key-set", cmd: "type-key {t1} set k=v", fx: typ},
		{name: "type-key-unset", cmd: "type-key {t1} unset k", fx: []string{"type t1 k=v"}},
		{name: "type-default", cmd: "type-default", ro: true, exclusive: true},
		{name: "extra-specs-list", cmd: "extra-specs-list", fx: []string{"type t1 k=v"}, ro: true, exclusive: true},
		{name: "type-access-list", cmd: "type-access-list --volume-type {pt1}", fx: priv, ro: true},
		{name: "type-access-add", cmd: "type-access-add --volume-type {pt1} --project-id {project}", fx: priv},
		{name: "type-access-remove", cmd: "type-access-remove --volume-type {pt1} --project-id {project}", fx: []string{"private pt1", "access pt1"}},
		{name: "encryption-type-list", cmd: "encryption-type-list", fx: typEnc, ro: true, exclusive: true},
		{name: "encryption-type-show", cmd: "encryption-type-show {t1}", fx: typEnc, ro: true},
		{name: "encryption-type-create", cmd: "encryption-type-create {t1} luks", fx: typ},
		{name: "encryption-type-update", cmd: "encryption-type-update --cipher aes-cbc {t1}", fx: typEnc},
		{name: "encryption-type-delete", cmd: "encryption-type-delete {t1}", fx: typEnc},
		{name: "default-type-list", cmd: "--os-volume-api-version 3.62 default-type-list --project-id {project}", fx: []string{"type t1", "default t1"}, ro: true},
		{name: "default-type-set", cmd: "--os-volume-api-version 3.62 default-type-set {t1} {project}", fx: typ},
		{name: "default-type-unset", cmd: "--os-volume-api-version 3.62 default-type-unset {project}", fx: []string{"type t1", "default t1"}},

		// ---- QoS
		{name: "qos-list", cmd: "qos-list", fx: qosT, ro: true, exclusive: true},
		{name: "qos-show", cmd: "qos-show {q1}", fx: qosT, ro: true},
		{name: "qos-create", cmd: "qos-create {prefix}newqos read_iops_sec=5"},
		{name: "qos-delete", cmd: "qos-delete {q1}", fx: qosT},
		{name: "qos-delete-force", cmd: "qos-delete --force true {q1}", fx: qosAssoc},
		{name: "qos-associate", cmd: "qos-associate {q1} {t1}", fx: qosT},
		{name: "qos-disassociate", cmd: "qos-disassociate {q1} {t1}", fx: qosAssoc},
		{name: "qos-disassociate-all", cmd: "qos-disassociate-all {q1}", fx: qosAssoc},
		{name: "qos-get-association", cmd: "qos-get-association {q1}", fx: qosAssoc, ro: true},
		{name: "qos-key-set", cmd: "qos-key {q1} set write_iops_sec=7", fx: qosT},
		{name: "qos-key-unset", cmd: "qos-key {q1} unset read_iops_sec", fx: qosT},

		// ---- quotas
		{name: "quota-show", cmd: "quota-show {project}", ro: true, exclusive: true},
		{name: "quota-defaults", cmd: "quota-defaults {project}", ro: true, exclusive: true},
		{name: "quota-usage", cmd: "quota-usage {project}", fx: vol, ro: true, exclusive: true},
		{name: "quota-update", cmd: "quota-update --volumes 7 {project}", exclusive: true},
		{name: "quota-update-type", cmd: "quota-update --volumes 3 --volume-type {t1.name} {project}", fx: typ, exclusive: true},
		{name: "quota-delete", cmd: "quota-delete {project}", exclusive: true},
		{name: "quota-class-show", cmd: "quota-class-show default", ro: true, exclusive: true},
		{name: "quota-class-update", cmd: "quota-class-update --volumes 5 {prefix}class", exclusive: true},

		// ---- groups
		{name: "group-type-list", cmd: "--os-volume-api-version 3.11 group-type-list", fx: []string{"gtype gt1"}, ro: true, exclusive: true},
		{name: "group-type-show", cmd: "--os-volume-api-version 3.11 group-type-show {gt1}", fx: []string{"gtype gt1"}, ro: true},
		{name: "group-type-show-name", cmd: "--os-volume-api-version 3.11 group-type-show {gt1.name}", fx: []string{"gtype gt1"}, ro: true},
		{name: "group-type-create", cmd: "--os-volume-api-version 3.11 group-type-create {prefix}newgt"},
		{name: "group-type-update", cmd: "--os-volume-api-version 3.11 group-type-update --description d {gt1}", fx: []string{"gtype gt1"}},
		{name: "group-type-delete", cmd: "--os-volume-api-version 3.11 group-type-delete {gt1}", fx: []string{"gtype gt1"}},
		{name: "group-type-key", cmd: "--os-volume-api-version 3.11 group-type-key {gt1} set k=v", fx: []string{"gtype gt1"}},
		{name: "group-type-default", cmd: "--os-volume-api-version 3.11 group-type-default", ro: true, exclusive: true},
		{name: "group-specs-list", cmd: "--os-volume-api-version 3.11 group-specs-list", fx: []string{"gtype gt1"}, ro: true, exclusive: true},
		{name: "group-list", cmd: "--os-volume-api-version 3.13 group-list", fx: grp, ro: true},
		{name: "group-show", cmd: "--os-volume-api-version 3.13 group-show {g1}", fx: grp, ro: true},
		{name: "group-show-name", cmd: "--os-volume-api-version 3.13 group-show {g1.name}", fx: grp, ro: true},
		{name: "group-create", cmd: "--os-volume-api-version 3.13 group-create --name {prefix}newg {gt1} {t1}", fx: []string{"type t1", "gtype gt1"}},
		{name: "group-update", cmd: "--os-volume-api-version 3.13 group-update --name {prefix}renamed {g1}", fx: grp},
		{name: "group-delete", cmd: "--os-volume-api-version 3.13 group-delete {g1}", fx: grp},
		{name: "group-create-from-src", cmd: "--os-volume-api-version 3.14 group-create-from-src --source-group {g1} --name {prefix}clone", fx: grp},
		{name: "group-enable-replication", cmd: "--os-volume-api-version 3.38 group-enable-replication {g1}", fx: grp},
		{name: "group-disable-replication", cmd: "--os-volume-api-version 3.38 group-disable-replication {g1}", fx: grp},
		{name: "group-failover-replication", cmd: "--os-volume-api-version 3.38 group-failover-replication {g1}", fx: grp},
		{name: "group-list-replication-targets", cmd: "--os-volume-api-version 3.38 group-list-replication-targets {g1}", fx: grp, ro: true},
		{name: "group-snapshot-list", cmd: "--os-volume-api-version 3.14 group-snapshot-list", fx: grpSnap, ro: true},
		{name: "group-snapshot-show", cmd: "--os-volume-api-version 3.14 group-snapshot-show {gs1}", fx: grpSnap, ro: true},
		{name: "group-snapshot-create", cmd: "--os-volume-api-version 3.14 group-snapshot-create --name {prefix}gsnap {g1}", fx: grp},
		{name: "group-snapshot-delete", cmd: "--os-volume-api-version 3.14 group-snapshot-delete {gs1}", fx: grpSnap},

		// ---- legacy consistency groups: error paths only (a consistency
		// group on this backend can never be deleted again)
		{name: "consisgroup-list", cmd: "consisgroup-list", ro: true},
		{name: "consisgroup-show", cmd: "consisgroup-show nosuchcg", ro: true},
		{name: "consisgroup-create", cmd: "consisgroup-create --name {prefix}cg nosuchtype"},
		{name: "consisgroup-create-from-src", cmd: "consisgroup-create-from-src --source-cg " + noSuch},
		{name: "consisgroup-update", cmd: "consisgroup-update --name x nosuchcg"},
		{name: "consisgroup-delete", cmd: "consisgroup-delete nosuchcg"},
		{name: "cgsnapshot-list", cmd: "cgsnapshot-list", ro: true},
		{name: "cgsnapshot-show", cmd: "cgsnapshot-show nosuchcgsnap", ro: true},
		{name: "cgsnapshot-create", cmd: "cgsnapshot-create nosuchcg"},
		{name: "cgsnapshot-delete", cmd: "cgsnapshot-delete nosuchcgsnap"},
	}
}
