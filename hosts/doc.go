// Package hosts reads the Block Storage os-hosts API
// (/v3/{project_id}/os-hosts; admin only, deprecated by Cinder in favour
// of os-services): the enabled services by host, and a volume host's
// volume and snapshot usage per project. Get a Manager from
// cinder.Client.Hosts; see the Examples.
package hosts
