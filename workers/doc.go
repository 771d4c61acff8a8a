// Package workers asks Cinder to clean up after services that died
// mid-operation (/v3/{project_id}/workers/cleanup, microversion 3.24;
// admin only): resources left "creating", "deleting", … by a crashed
// volume or scheduler service are reset by a live service of the same
// cluster or, for a service that is up again, by the service itself. Get
// a Manager from cinder.Client.Workers; see the Examples.
package workers
