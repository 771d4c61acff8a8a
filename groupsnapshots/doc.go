// Package groupsnapshots manages Block Storage group snapshots
// (/v3/{project_id}/group_snapshots, microversion 3.14): a snapshot of
// every volume of a generic volume group, taken together. A new group can
// be made from one with groups.Manager.CreateFromSource.
//
// Get a Manager from cinder.Client.GroupSnapshots; see the Examples.
package groupsnapshots
