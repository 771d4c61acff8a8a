// Package secret is internal to the fixture module.
package secret

// Version is an internal type.
type Version struct{ Major, Minor int }

// Client is an internal type with a method.
type Client struct{}

// Do is promoted into a public type that embeds Client.
func (*Client) Do() error { return nil }
