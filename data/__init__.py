"""The bundled sample letters: the default input of every kamerxref command."""
