"""The player's words in more languages; each module's TEXT has every key of player_text.ENGLISH."""
