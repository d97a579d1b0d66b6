"""What every part uses and no rule lives in: bilingual text, the catalogue of wording and the messages made from it, errors, JSON (de)serialising."""
