"""What the tests and the benchmarks share: building a copy of the project, serving a site on
127.0.0.1, launching Debian's Chromium. Plain modules, without pytest, so that benchmarks/
imports them as they are."""
