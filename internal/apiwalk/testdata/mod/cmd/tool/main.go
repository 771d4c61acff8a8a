package main

// Exported is in a command: not part of the API.
var Exported int

func main() {}
