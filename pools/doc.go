// Package pools reads what the scheduler and the volume drivers know about
// back-end storage (admin only): the pools the scheduler places volumes in
// (/v3/{project_id}/scheduler-stats/get_pools), with their capacities and
// capabilities, and one back end's capabilities as its driver reports them
// (/v3/{project_id}/capabilities/{host}). Both describe back-end storage,
// so they share one package. Get a Manager from cinder.Client.Pools; see
// the Examples.
package pools
