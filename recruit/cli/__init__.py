"""Command-line tools: ``flask --app recruit <command>``."""

from flask import Flask

from recruit.cli.accounts import create_user_command
from recruit.cli.advert import advert_group
from recruit.cli.demo import demo_command
from recruit.cli.equality import equality_group
from recruit.cli.exports import export_group
from recruit.cli.packs import pack_command
from recruit.cli.question_bank import question_bank_group
from recruit.cli.retention import retention_group
from recruit.cli.sar import sar_command
from recruit.cli.summary import (
    export_comparison_command,
    export_summary_command,
    summary_command,
)
from recruit.cli.vacancy import vacancy_group


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_user_command)
    app.cli.add_command(demo_command)
    app.cli.add_command(question_bank_group)
    export_group.add_command(pack_command)
    export_group.add_command(export_summary_command)
    export_group.add_command(export_comparison_command)
    app.cli.add_command(summary_command)
    app.cli.add_command(export_group)
    app.cli.add_command(advert_group)
    app.cli.add_command(vacancy_group)
    app.cli.add_command(retention_group)
    app.cli.add_command(sar_command)
    app.cli.add_command(equality_group)
