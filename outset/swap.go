package outset

import "errors"

// errNoExchange: the system or file system cannot swap two folders in one step.
var errNoExchange = errors.New("no atomic exchange here")

// exchange swaps two folders in one step, where the system can; the tests
// replace it to take the two-rename way.
var exchange = exchangeDirs
