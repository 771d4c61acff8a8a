// Package services manages the Block Storage services of a cloud
// (/v3/{project_id}/os-services; admin only): list the api, scheduler,
// volume and backup services, enable or disable one for scheduling,
// freeze, thaw and fail over a back end (its host or, from microversion
// 3.26, its cluster), and read or change the services' log levels (3.32).
// Get a Manager from cinder.Client.Services; see the Examples.
package services
