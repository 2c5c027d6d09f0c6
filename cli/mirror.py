"""`cqc mirror`: serve the bundled offline copy of the site."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from cli.common import console, skin_named


def mirror(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 picks a free one)")] = 8765,
    skin: Annotated[
        str, typer.Option(help="Markup and URL shapes: classic | drupal (same facts)")
    ] = "classic",
) -> None:
    """Serve the bundled offline mirror of the CQC report pages until interrupted."""
    from mirror.server import MirrorServer

    server = MirrorServer(port=port, skin=skin_named(skin))
    server.start()
    console.print(
        f"Serving the offline CQC mirror ({escape(skin)} skin) at "
        f"[bold]{escape(server.base_url)}[/bold] (Ctrl-C)"
    )
    server.serve_until_interrupted()
