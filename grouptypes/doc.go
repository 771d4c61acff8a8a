// Package grouptypes manages Block Storage group types
// (/v3/{project_id}/group_types, microversion 3.11): CRUD, the default
// group type and group specs. A group type says what a generic volume group
// is (consistent_group_snapshot_enabled, group_replication_enabled, …), the
// way a volume type says what a volume is.
//
// Get a Manager from cinder.Client.GroupTypes; see the Examples. Groups
// themselves are in package groups, their snapshots in groupsnapshots.
package grouptypes
