// Package cgsnapshots manages legacy consistency group snapshots
// (/v3/{project_id}/cgsnapshots), deprecated in Cinder but still served.
// Modern Cinder keeps them as group snapshots (package groupsnapshots):
// this API lists and shows every group snapshot of the project, and
// snapshots any group of it. Restore one with
// consistencygroups.Manager.CreateFromSource.
//
// See the Examples for creating and listing cgsnapshots.
package cgsnapshots
