// Package qos manages Block Storage QoS specs (/v3/{project_id}/qos-specs):
// named sets of limits such as read_iops_sec, applied by the front end
// (the hypervisor), the back end or both to the volume types they are
// associated with. Every call is admin only. Get a Manager from
// cinder.Client.QoS; see the Examples.
package qos
