"""Rules for Japanese text only: 株式会社 and industry-word companies, the
"org の name title" word order, katakana names."""
