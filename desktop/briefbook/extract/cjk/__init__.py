"""Rules for text in Chinese characters, shared by Chinese and Japanese: the scan
state (``scan``), organisations, places, people with titles, and personal names in
Chinese characters (``names``)."""
