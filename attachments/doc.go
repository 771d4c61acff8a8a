// Package attachments drives Cinder's attachment API
// (/v3/{project_id}/attachments, microversion 3.27 and later), the
// attach/detach flow Nova and other consumers use: Create reserves a volume
// for an instance (or, with a connector, also exports it), Update exports it
// to a host's connector and returns the connection_info, Complete (3.44)
// marks it attached, and Delete detaches and removes the attachment.
//
// Every method requires microversion 3.27; an older client gets a
// *cinder.VersionError before anything is sent. Get a Manager from
// cinder.Client.Attachments; the Example functions show typical use.
package attachments
