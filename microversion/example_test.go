package microversion_test

import (
	"fmt"
	"log"

	"github.com/gocinder/cinder/microversion"
)

// Parse reads what a user asks for; Negotiate picks the version to use
// against the server's range.
func ExampleNegotiate() {
	zed := microversion.Range{Min: microversion.V(3, 0), Max: microversion.V(3, 70)}
	for _, asked := range []string{"3.latest", "3.60", "3.71"} {
		req, err := microversion.Parse(asked)
		if err != nil {
			log.Fatal(err)
		}
		v, err := microversion.Negotiate(req, zed)
		if err != nil {
			fmt.Println(asked, "refused")
			continue
		}
		fmt.Println(asked, "->", v)
	}
	// Output:
	// 3.latest -> 3.70
	// 3.60 -> 3.60
	// 3.71 refused
}

// Versions compare by number, not as strings: 3.9 is older than 3.10.
func ExampleVersion_Compare() {
	a, b := microversion.MustParse("3.9"), microversion.MustParse("3.10")
	fmt.Println(a.Compare(b), a.Less(b), b.AtLeast(a))
	// Output: -1 true true
}

// A method's range says whether a client's version may call it.
func ExampleRange_Contains() {
	summary := microversion.Since(microversion.V(3, 12)) // GET /volumes/summary
	fmt.Println(summary.Contains(microversion.V(3, 10)), summary.Contains(microversion.V(3, 70)))
	// Output: false true
}
