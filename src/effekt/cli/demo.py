"""`effekt demo`: reproducible demo data."""

from __future__ import annotations

import click

from effekt.cli import setup_django


def load_monitoring_demo() -> None:
    """A small synthetic Denmark, computed once, so the monitoring pages show something."""
    from effekt.monitoring.services.demo import demo_monitoring

    click.echo("Computing the monitoring demo (20,000 synthetic persons) …")
    run = demo_monitoring()
    click.echo(f"Monitoring demo: {run.get_status_display()}.")


def print_logins() -> None:
    from effekt.demo.generate import DEMO_PASSWORD, demo_logins

    click.echo(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
    for login in demo_logins():
        click.echo(f"  {login.username:<32} {login.role:<22} {login.organisation}")


@click.command()
@click.option("--seed", default=1, show_default=True, type=int, help="Random seed.")
@click.option(
    "--scale",
    default=1.0,
    show_default=True,
    type=float,
    help="1 gives 400 courses; 250 gives 100,000.",
)
def demo(seed: int, scale: float) -> None:
    """Create demo municipalities, suppliers, users for every role and two years of courses."""
    setup_django()
    from effekt.demo.generate import run_demo

    run_demo(seed=seed, scale=scale, echo=click.echo)
    load_monitoring_demo()
    print_logins()
