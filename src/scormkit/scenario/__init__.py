"""Branching scenarios beyond their spec model: the course checks, the walk through every state
the player can reach (the same rules as runtime/scenario.js), the proof built on it, the data
the player runs on and the scenario's share of the resume state."""
