// Package groups manages Block Storage generic volume groups
// (/v3/{project_id}/groups, microversion 3.13): create (also from a group
// snapshot or another group, 3.14), update membership, delete with or
// without the volumes, reset status (3.20) and group replication (3.38).
//
// A group has a group type (package grouptypes) and one or more volume
// types; its snapshots are in package groupsnapshots. Get a Manager from
// cinder.Client.Groups; see the Examples.
package groups
