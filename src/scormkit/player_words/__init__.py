"""The player's words, one module a language; each TEXT has every key of english.TEXT."""
