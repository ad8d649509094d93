"""Rules for Chinese text only (Simplified and Traditional): names without a title."""
