"""Command-line parameter types shared by the commands."""

from __future__ import annotations

import click

from recruit.errors import LARGEST_DATABASE_ID

# A record's id as the database can hold it: a number past this was a traceback from the
# database driver; click now refuses it with a usage line, as the web's converter does.
DATABASE_ID = click.IntRange(1, LARGEST_DATABASE_ID)
