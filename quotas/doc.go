// Package quotas reads and sets Block Storage quotas: a project's quota set
// (/v3/{project_id}/os-quota-sets/{target_project_id}) with its usage and
// defaults, and the quota classes (/os-quota-class-sets/{class}) defaults
// come from. Limits of -1 mean unlimited.
//
// Per-volume-type quotas (the server's "volumes_<type>", "gigabytes_<type>"
// and "snapshots_<type>" keys) are gathered by type name in Set.Types.
//
// Get a Manager from cinder.Client.Quotas; the Example functions show
// typical use. Changing quotas is an admin operation.
package quotas
