// Package snapshots manages Block Storage volume snapshots
// (/v3/{project_id}/snapshots): create, list, show, update and delete them,
// edit their metadata, run the admin actions (reset or update the status,
// force-delete, unmanage) and manage existing backend snapshots.
//
// Get a Manager from cinder.Client.Snapshots; the Example functions show
// typical use.
package snapshots
