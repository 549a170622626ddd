"""The bundled demo: week 4 of the seed post (week4.toml) plus its questions from the bundled bank."""
