// Package discovery asks a Block Storage deployment what it offers: its
// availability zones (/v3/{project_id}/os-availability-zone) and, from
// microversion 3.33, which list filters each resource accepts
// (/v3/{project_id}/resource_filters).
//
// Both are small read-only lookups, kept in one package rather than two
// one-method ones. Get a Manager from cinder.Client.Discovery; the Example
// functions show typical use.
package discovery
