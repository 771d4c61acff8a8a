// Package clusters manages Block Storage clusters (/v3/{project_id}/clusters,
// microversion 3.7; admin only): groups of volume services that share one
// back end's work. List them (with summaries or details), show one, and
// enable or disable one for scheduling. Replication fields appear from
// microversion 3.26. Get a Manager from cinder.Client.Clusters; see the
// Examples.
package clusters
