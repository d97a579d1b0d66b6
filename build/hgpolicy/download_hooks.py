"""MkDocs hook: publish the policy data on the site under `downloads/`.

`downloads/policy.json` is the compiled policy (`hgpolicy.compile.policy_json`); beside it are
the YAML files exactly as maintained in policy/, and their JSON Schemas in `downloads/schema/`.
They enter MkDocs as generated files, so the downloads page links them like any other file and
`--strict` checks those links.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from hgpolicy.compile import policy_json
from hgpolicy.pages import published, renderer_of

# Hooks


@event_priority(-100)  # after mkdocs-static-i18n sorts docs/ by language: one copy, at the root
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the downloads to the site's files: policy.json from the policy validated in on_config."""
    policy = renderer_of(config).policy
    for item in published(policy.root):
        if item.source is None:
            files.append(File.generated(config, item.uri, content=policy_json(policy)))
        else:
            files.append(File.generated(config, item.uri, abs_src_path=str(item.source)))
    return files
