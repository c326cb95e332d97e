//! Maps a field path (`groups[1].items[0].id`) to its line and column in the JSON text.
