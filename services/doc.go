// Package services manages the Block Storage services of a cloud
// (/v3/{project_id}/os-services; admin only): list the api, scheduler,
// volume and backup services, enable or disable one for scheduling, and
// read or change the services' log levels (3.32). Freezing, thawing and
// failing over a replicating back end are package replication's.
// Get a Manager from cinder.Client.Services; see the Examples.
package services
