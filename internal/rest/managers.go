package rest

import (
	"reflect"
	"sync"
)

// constructors maps a resource package's Manager type to the function that
// builds it on a *Client. Each resource package registers its own in init,
// so that the root package can build every manager without the resource
// packages exporting a constructor whose signature names *Client.
var constructors sync.Map // reflect.Type -> func(*Client) *M

// Register records how to build a manager of type M on a *Client; resource
// packages call it from init.
func Register[M any](build func(*Client) *M) {
	constructors.Store(reflect.TypeFor[M](), build)
}

// New builds the manager of type M on c. It panics when M's package never
// called Register, a programming error every test of the root package
// catches.
func New[M any](c *Client) *M {
	build, ok := constructors.Load(reflect.TypeFor[M]())
	if !ok {
		panic("rest: no constructor registered for " + reflect.TypeFor[M]().String())
	}
	return build.(func(*Client) *M)(c)
}
