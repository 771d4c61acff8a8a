// Package backups manages Block Storage volume backups
// (/v3/{project_id}/backups): create, list, show, update, delete and
// restore them, export and import their records, and run the admin actions
// (reset status, force-delete).
//
// Get a Manager from cinder.Client.Backups; the Example functions show
// typical use.
package backups
