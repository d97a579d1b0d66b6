"""Generator for the Huangshi policy site: YAML → validated model → pages, policy.json, runtime.

The importable name is `hgpolicy`, not `build`, so that it never shadows PyPA's `build`.
"""
