// Package volumes manages Block Storage volumes (/v3/{project_id}/volumes):
// CRUD, metadata, every os-* action, manageable volumes, the summary and
// waiters. Get a Manager from cinder.Client.Volumes; see the Examples.
package volumes
