"""Commands that wrap Django: manage, serve, setup."""

from __future__ import annotations

import click

from effekt.cli import setup_django


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. `effekt manage migrate`."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["effekt manage", *args])


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Serve the web application (Django's server with static files, for local use)."""
    setup_django()
    from django.core.management import call_command

    call_command("runserver", f"{host}:{port}", "--insecure", "--noreload")


@click.command()
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--no-demo", is_flag=True, help="Only migrate; load no demo data.")
def setup(seed: int, no_demo: bool) -> None:
    """Migrate the database and load demo data (safe to run again)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    click.echo("Database migrated.")
    if not no_demo:
        from effekt.cli.demo import load_monitoring_demo, print_logins
        from effekt.demo.generate import run_demo

        run_demo(seed=seed, scale=1.0, echo=click.echo)
        load_monitoring_demo()
        print_logins()
