"""Reading and writing question bank YAML while keeping track of line numbers.

An HR editor fixes a bad edit fastest when the message names the line, so parsed mappings
and lists remember where each key and item started.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import yaml
from yaml.nodes import MappingNode, SequenceNode

# libyaml parses the whole bank several times faster; fall back where it is not built in.
try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml
    # The same loader in pure Python. mypy allows one class per name, and a base class
    # (_LineLoader's) cannot be a union, so no annotation covers both.
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class LinedMapping(dict[Hashable, object]):
    """A YAML mapping that knows its own line, each key's line, repeated keys and aliases."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Hashable, int] = {}
        self.repeated_keys: list[tuple[Hashable, int]] = []
        self.alias_lines: list[int] = []

    def line_of(self, key: Hashable) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list[object]):
    """A YAML sequence that knows its own line, each item's line, whether it was written as
    [a, b], and whether it reused an anchored value."""

    def __init__(self, line: int, flow_style: bool) -> None:
        super().__init__()
        self.line = line
        self.flow_style = flow_style
        self.item_lines: list[int] = []
        self.alias_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(_BaseLoader):
    pass


_MERGE_TAG = "tag:yaml.org,2002:merge"


# A node built twice in one document was reached through an alias (*name) or a merge (<<:),
# which an editor reading one question would not see: the bank asks for plain YAML.


def _construct_lined_mapping(loader: _LineLoader, node: MappingNode) -> LinedMapping:
    mapping = LinedMapping(node.start_mark.line + 1)
    mapping.alias_lines += _merge_lines(node)
    merged = bool(mapping.alias_lines)
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a single word or number", key_node.start_mark
            )
        key_line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.repeated_keys.append((key, key_line))
        if value_node in loader.constructed_objects and not merged:
            mapping.alias_lines.append(key_line)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_line
    return mapping


def _merge_lines(node: MappingNode) -> list[int]:
    return [key.start_mark.line + 1 for key, _ in node.value if key.tag == _MERGE_TAG]


def _construct_lined_list(loader: _LineLoader, node: SequenceNode) -> LinedList:
    items = LinedList(node.start_mark.line + 1, bool(node.flow_style))
    for item_node in node.value:
        if item_node in loader.constructed_objects:
            items.alias_lines.append(items.line)
        items.append(loader.construct_object(item_node, deep=True))
        items.item_lines.append(item_node.start_mark.line + 1)
    return items


def mappings_in(items: object) -> list[LinedMapping]:
    """The mappings in a parsed list, skipping anything else (reported elsewhere)."""
    return (
        [item for item in items if isinstance(item, LinedMapping)]
        if isinstance(items, list)
        else []
    )


def texts_in(items: object) -> list[str]:
    """The strings in a parsed list, skipping anything else (reported elsewhere)."""
    return [item for item in items if isinstance(item, str)] if isinstance(items, list) else []


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_lined_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_lined_list)


def parse_lined_yaml(text: str) -> object:
    """Parse one YAML document into plain values, LinedMapping and LinedList.

    Raises yaml.YAMLError (with a problem_mark where the parser knows one).
    """
    loaded: object = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    return loaded


def leading_comment(text: str) -> str:
    """The comment block at the top of a file, kept when the file is written again."""
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    return "\n".join(header) + "\n" if header else ""


class _BankDumper(yaml.SafeDumper):
    """Block style, with lists indented under their key as an editor would write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BankDumper.add_representer(str, _represent_text)


def dump_yaml_list(items: Iterable[Mapping[str, Any]]) -> str:
    """A YAML list of mappings, one blank line between items so each reads on its own."""
    return "\n".join(_dump_one(item) for item in items)


def _dump_one(item: Mapping[str, Any]) -> str:
    return yaml.dump(
        [dict(item)],
        Dumper=_BankDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
