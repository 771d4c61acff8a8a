// Package consistencygroups manages legacy consistency groups
// (/v3/{project_id}/consistencygroups), deprecated in Cinder but still
// served. Modern Cinder keeps them as generic volume groups (package
// groups): this API lists and shows every group of the project, while
// Create makes a group of the group type named "default_cgsnapshot_type",
// which the cloud must have (Cinder's database migration makes it) and
// whose backend must support consistency groups. Snapshots of consistency
// groups are in package cgsnapshots.
//
// See the Examples for creating, updating and deleting a group.
package consistencygroups
