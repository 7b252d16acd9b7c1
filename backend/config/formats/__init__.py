"""Date and time formats per language (FORMAT_MODULE_PATH), where Django's own do not fit a
Norwegian service. Bokmål keeps Django's ("16.11.2026 10:00")."""
