// Package messages reads the user messages Cinder records when an
// asynchronous operation fails (/v3/{project_id}/messages, microversion 3.3
// and later): a volume that found no backend, a failed extend, a backup
// that could not start. Each names the resource, the event and a text for
// people.
//
// Get a Manager from cinder.Client.Messages; the Example functions show
// typical use.
package messages
