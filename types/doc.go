// Package types manages Block Storage volume types (/v3/{project_id}/types):
// CRUD, extra specs, private type access, encryption types and the
// per-project default types (/v3/default-types, microversion 3.62).
// Get a Manager from cinder.Client.Types; see the Examples.
package types
