"""How people get an answer besides the browser's api.py: the command line, its text, and the layout of an answer (view.py) the page and the command line share."""
