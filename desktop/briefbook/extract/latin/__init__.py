"""Rules for German and English text: names, organisations and places in Latin script."""
