"""``storyline extract``: print every fact found in each input article."""
