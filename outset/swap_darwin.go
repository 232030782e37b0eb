package outset

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps two folders in one step (renamex_np RENAME_SWAP); a file
// system that cannot gives errNoExchange.
func exchangeDirs(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return errNoExchange
	}
	return err
}
