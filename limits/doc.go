// Package limits reads a project's Block Storage limits (/v3/{project_id}/limits):
// the absolute limits, which are its quotas with what it uses, and the
// rate limits of deployments that run Cinder's rate-limit middleware.
//
// Get a Manager from cinder.Client.Limits; the Example functions show
// typical use.
package limits
