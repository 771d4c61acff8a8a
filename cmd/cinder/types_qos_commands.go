package main

// typesAndQuotaCommands gathers the commands of volume types, QoS, quotas,
// limits and discovery, for newRoot.
func (a *app) typesAndQuotaCommands() []command {
	var out []command
	for _, group := range [][]command{
		a.typeCommands(),
		a.typeAccessCommands(),
		a.encryptionCommands(),
		a.defaultTypeCommands(),
		a.qosCommands(),
		a.quotaCommands(),
		a.limitsCommands(),
		a.messageCommands(),
		{a.availabilityZoneCommand(), a.listFiltersCommand()},
	} {
		out = append(out, group...)
	}
	return out
}
