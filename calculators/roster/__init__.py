"""The roster check: a whole team's spreadsheet, each row answered as the single-person
calculators answer it, read and written inside the browser (nothing is uploaded)."""
