// Package transfers moves volumes between projects: the owner creates a
// transfer and hands its ID and one-time auth key to the receiving project,
// which accepts it and so takes the volume over.
//
// Cinder serves two APIs: /v3/{project_id}/os-volume-transfer below
// microversion 3.55 and /v3/{project_id}/volume-transfers from 3.55 on. The
// Manager picks the path for each call from the client's microversion, so
// callers never choose. 3.55 adds NoSnapshots, 3.57 the project and
// accepted fields, 3.59 paging and sorting; from 3.70 on Cinder also
// transfers encrypted volumes (decided by the server, nothing to set here).
//
// Get a Manager from cinder.Client.Transfers; the Example functions show
// typical use.
package transfers
